/**
 * The one storage interface the routes use. Asynchronous throughout, so that
 * the PostgreSQL implementation fits without changing any caller; SQLite
 * (embedded, zero set-up) is the default.
 */
import type { City, Product, Store, StorePatch } from 'citylab-sdk/contract';
import type { InventoryMode, InventoryPlan, StockRow } from '../inventory-plan.js';
import type { InventoryItem } from 'citylab-sdk/contract';

export type { StockRow };

export interface ApplyInventoryInput {
  storeId: string;
  mode: InventoryMode;
  items: readonly InventoryItem[];
  dryRun: boolean;
  now: string;
}

export interface Storage extends ReservationStorage {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations. Safe to call on every start, also by several instances at once. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the database answers (the readiness check); rejects otherwise. */
  ping(): Promise<void>;
  /** True when no town, shop or product has been stored yet. */
  isEmpty(): Promise<boolean>;
  /**
   * Changes whenever shops, products or stock change (through this instance or any other
   * writer), so answers derived from them can be cached until it does.
   */
  changeToken(): Promise<string>;

  getCity(): Promise<City | null>;
  setCity(city: City): Promise<void>;

  listStores(): Promise<Store[]>;
  getStore(id: string): Promise<Store | null>;
  /** Several shops with one freshness check (an availability answer names dozens). Unknown ids are left out. */
  getStores(ids: readonly string[]): Promise<Map<string, Store>>;
  /** Returns false when the id is taken. */
  createStore(store: Store, keyHash: string): Promise<boolean>;
  updateStore(id: string, patch: StorePatch, now: string): Promise<Store | null>;
  /** Replaces the shop's key hash; the old key stops working at once. */
  setStoreKeyHash(id: string, keyHash: string): Promise<boolean>;
  storeIdForKeyHash(keyHash: string): Promise<string | null>;

  getProduct(gtin: string): Promise<Product | null>;
  searchProducts(query: string, limit: number): Promise<Product[]>;
  /** Inserts or replaces products (the town operator's catalogue, or the demo seed). */
  putProducts(products: readonly Product[]): Promise<void>;

  /** Every shop's row for the product. */
  stockByGtin(gtin: string): Promise<StockRow[]>;
  stockBySku(storeId: string, sku: string): Promise<StockRow | null>;
  stockOfStore(storeId: string): Promise<StockRow[]>;
  /**
   * Plans and applies an upload in one transaction: either every row is
   * applied or none (the plan's errors say why). A dry run plans only.
   */
  applyInventory(input: ApplyInventoryInput): Promise<InventoryPlan>;
}

// ------------------------------------------------------------ reservations

export type ReservationState = 'held' | 'ready' | 'collected' | 'cancelled' | 'expired';

/** A reservation as stored. Customer fields are null once erased. */
export interface ReservationRecord {
  id: string;
  code: string;
  store_id: string;
  gtin: string;
  sku: string;
  item_name: string;
  price: string;
  currency: string;
  quantity: number;
  status: ReservationState;
  lang: 'de' | 'en';
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  token_hash: string;
  created_at: string;
  ready_from: string;
  expires_at: string;
  ended_at: string | null;
  cancel_reason: string | null;
}

export interface OutboxMail {
  id?: number;
  reservation_id: string | null;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  lang: 'de' | 'en';
  created_at: string;
  sent_at?: string | null;
  attempts?: number;
  last_error?: string | null;
}

export interface NewReservation {
  id: string;
  /** Called until it gives a code no other active reservation of the shop has. */
  code: () => string;
  store_id: string;
  gtin?: string | undefined;
  sku?: string | undefined;
  quantity: number;
  customer: { name: string; email: string; phone?: string | undefined };
  lang: 'de' | 'en';
  token_hash: string;
  created_at: string;
  ready_from: string;
  expires_at: string;
}

export type CreateOutcome =
  | { kind: 'created'; record: ReservationRecord }
  | { kind: 'insufficient'; available: number }
  | { kind: 'not-listed' }
  | { kind: 'not-reservable' }
  | { kind: 'hold-limit' };

export interface StoredResponse {
  status: number;
  body: string;
}

export type CreateResult =
  | { kind: 'replay'; response: StoredResponse; reservationId: string | null }
  | { kind: 'key-mismatch' }
  | { kind: 'in-progress' }
  | { kind: 'done'; outcome: CreateOutcome; response: StoredResponse };

export interface CreateReservationInput {
  /** SHA-256 of the Idempotency-Key; the key itself is never stored. */
  keyHash: string;
  /** SHA-256 of the canonical request, to tell a retry from a different request under the same key. */
  requestHash: string;
  reservation: NewReservation;
  maxActivePerContact: number;
  /** Builds the answer (stored for retries) and the mails to queue, inside the transaction. */
  respond: (outcome: CreateOutcome) => { response: StoredResponse; mails: OutboxMail[] };
}

export type TransitionResult =
  | { kind: 'ok'; record: ReservationRecord }
  | { kind: 'not-found' }
  | { kind: 'invalid'; from: ReservationState };

export interface IdempotencyRecord {
  request_hash: string;
  state: 'in_progress' | 'done';
  status: number | null;
  body: string | null;
  reservation_id: string | null;
}

/** How long a claimed mail is left to its sender before another may take it. */
export const MAIL_CLAIM_MS = 10 * 60_000;

export interface ReservationStorage {
  /** A key seen before (read only; createReservation checks again inside its transaction). */
  findIdempotencyKey(keyHash: string): Promise<IdempotencyRecord | null>;
  createReservation(input: CreateReservationInput): Promise<CreateResult>;
  getReservation(id: string): Promise<ReservationRecord | null>;
  listReservations(storeId: string, statuses?: readonly ReservationState[]): Promise<ReservationRecord[]>;
  /** Moves a reservation on; stock is released (cancelled) or taken out (collected) in the same transaction. */
  transitionReservation(input: {
    id: string;
    to: 'ready' | 'collected' | 'cancelled';
    reason?: string | undefined;
    now: string;
    mails: (record: ReservationRecord) => OutboxMail[];
  }): Promise<TransitionResult>;
  /** Expires every hold due at `now` and releases its stock, each exactly once however many sweepers run. */
  expireDue(now: string, mails: (record: ReservationRecord) => OutboxMail[]): Promise<ReservationRecord[]>;
  /** Erases personal data of reservations ended before `personalBefore`, mails queued before it, and old idempotency keys. */
  purge(input: { personalBefore: string; keysBefore: string }): Promise<{ erased: number; mails: number; keys: number }>;
  /**
   * Claims up to `limit` unsent mails for a while (MAIL_CLAIM_MS), so that several instances
   * sending the outbox never send the same mail twice; a mail whose sender died is claimed
   * again after that time.
   */
  pendingMail(limit: number, now?: Date): Promise<OutboxMail[]>;
  /** Records a sent mail, or a failed attempt (which frees the claim for the next round). */
  markMail(id: number, result: { sentAt: string } | { error: string }): Promise<void>;
  outbox(limit: number): Promise<OutboxMail[]>;
}

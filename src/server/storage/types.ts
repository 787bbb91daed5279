/**
 * The one storage interface the routes use. Asynchronous throughout, so that
 * the PostgreSQL implementation fits without changing any caller; SQLite
 * (embedded, zero set-up) is the default. Writes that follow business rules
 * (reservations, inventory uploads) are not methods here: the rules run once,
 * above both backends, on a unit of work (port.ts).
 */
import type { City, Product, ReservationState, Store, StorePatch } from 'citylab-sdk/contract';
import type { StockRow } from '../inventory-plan.js';
import type { FeedStore } from './feeds.js';
import type { StoreChange } from '../stores.js';
import type { InsightStore } from './insights.js';
import type { UnitOfWork } from './port.js';
import type { Step } from './steps.js';

export type { StockRow };

export interface Storage extends ReservationStorage {
  readonly kind: 'sqlite' | 'postgres';
  /** The town's insight counts and passers-by (counts only; see insights.ts). */
  readonly insights: InsightStore;
  /** The shops' stock feeds that the endpoint fetches on schedule (feeds.ts). */
  readonly feeds: FeedStore;
  /** The dashboards' one-time sign-in links and sessions (the shop's and the operator's). */
  readonly sessions: DashboardStorage;
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

  /**
   * A random secret of the town's, made on first use and the same for every instance on this
   * database (the link tokens of mails written after the reservation, see reservations/codes.ts).
   */
  secret(name: 'reservation-links'): Promise<string>;

  getCity(): Promise<City | null>;
  setCity(city: City): Promise<void>;

  listStores(): Promise<Store[]>;
  getStore(id: string): Promise<Store | null>;
  /** Several shops with one freshness check (an availability answer names dozens). Unknown ids are left out. */
  getStores(ids: readonly string[]): Promise<Map<string, Store>>;
  /** Returns false when the id is taken. */
  createStore(store: Store, keyHash: string): Promise<boolean>;
  updateStore(id: string, patch: StoreChange, now: string): Promise<Store | null>;
  /** Replaces the shop's key hash, or removes it (revoked: no key works); the old key and its sessions stop working at once. */
  setStoreKeyHash(id: string, keyHash: string | null): Promise<boolean>;
  /** Which shops have a key at all (a revoked shop has none). */
  storesWithKey(): Promise<Set<string>>;
  /** The operator's overview figures of every shop, in one query: its newest stock row, its held and ready reservations. */
  storeFigures(): Promise<Map<string, StoreFigures>>;
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
   * Runs `work` as one transaction on the port and returns its result; rolled back if it
   * throws. SQLite runs it synchronously under BEGIN IMMEDIATE (see steps.ts for why);
   * PostgreSQL on one pooled connection, tried again after a deadlock or serialisation failure.
   */
  unit<R>(work: (tx: UnitOfWork) => Step<R>): Promise<R>;
}

// ------------------------------------------------------------ reservations

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

export interface StoredResponse {
  status: number;
  body: string;
}

export interface IdempotencyRecord {
  request_hash: string;
  state: 'in_progress' | 'done';
  status: number | null;
  body: string | null;
  reservation_id: string | null;
}

/** Most reservations a shop's list shows. The status filter applies first, so open holds are never cut off by ended ones. */
export const RESERVATION_LIST_LIMIT = 500;

/** How long a claimed mail is left to its sender before another may take it. */
export const MAIL_CLAIM_MS = 10 * 60_000;

export interface ReservationStorage {
  /** A key seen before (read only; createReservation checks again inside its transaction). */
  findIdempotencyKey(keyHash: string): Promise<IdempotencyRecord | null>;
  getReservation(id: string): Promise<ReservationRecord | null>;
  /** The shop's newest RESERVATION_LIST_LIMIT reservations with one of `statuses` (any status when not given). */
  listReservations(storeId: string, statuses?: readonly ReservationState[]): Promise<ReservationRecord[]>;
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
  /** Unsent mails still tried (`waiting`) and given up on (`failed`), and the newest error any mail got. */
  outboxStatus(): Promise<{ waiting: number; failed: number; last_error: string | null }>;
}

// ------------------------------------------------------------ the shop's dashboard

/** A one-time sign-in link as stored: only the hash of its token. */
export interface SignInTokenRecord {
  token_hash: string;
  store_id: string;
  created_at: string;
  expires_at: string;
}

/** A dashboard session as stored: only the hash of its id (the cookie's value). */
export interface SessionRecord {
  id_hash: string;
  store_id: string;
  created_at: string;
  expires_at: string;
}

export interface DashboardStorage {
  /** Stores a sign-in token (and drops tokens expired before `token.created_at`). */
  putSignInToken(token: SignInTokenRecord): Promise<void>;
  /** Marks the token used and returns its shop: only once, only before it expires; null otherwise. */
  useSignInToken(tokenHash: string, now: string): Promise<string | null>;
  /**
   * Starts a session under the shop's current key (the key's hash is kept with it, so that
   * rotating or revoking the key ends it); false when the shop has no key.
   * Sessions expired before `session.created_at` are dropped.
   */
  putSession(session: SessionRecord): Promise<boolean>;
  /** A session that has not expired and whose shop still has the key it began under. */
  findSession(idHash: string, now: string): Promise<{ store_id: string; expires_at: string } | null>;
  /** Ends a session, the shop's or the operator's. */
  deleteSession(idHash: string): Promise<void>;
  /**
   * Starts a town operator's session under the current admin key's hash: a server started with
   * another admin key finds none of the old sessions. Sessions expired before `created_at` are dropped.
   */
  putOperatorSession(session: OperatorSessionRecord): Promise<void>;
  /** An operator session that has not expired and began under this admin key hash. */
  findOperatorSession(idHash: string, keyHash: string, now: string): Promise<{ expires_at: string } | null>;
}

/** The town operator's dashboard session: the hash of its id and of the admin key it began under. */
export interface OperatorSessionRecord {
  id_hash: string;
  key_hash: string;
  created_at: string;
  expires_at: string;
}

/** A shop's line in the operator's overview (Storage.storeFigures). */
export interface StoreFigures {
  stock_updated_at: string | null;
  open_reservations: number;
}

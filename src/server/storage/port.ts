/**
 * The narrow port the business rules run on (reservations/service.ts,
 * inventory/apply.ts): one transaction's worth of storage operations. Each
 * backend implements it with SQL, locks and its change-token bookkeeping only;
 * which outcome, which transition, which mail and which stock arithmetic is the
 * rules' business, written once.
 *
 * Every method returns a Step (steps.ts): SQLite answers without yielding,
 * PostgreSQL yields its queries' promises. A backend may put off writes whose
 * result no rule reads (mails, the stored answer) to one statement before COMMIT.
 */
import type { Product, ReservationState } from 'citylab-sdk/contract';
import type { ShopStockEntry, StockRow } from '../inventory-plan.js';
import type { Step } from './steps.js';
import type { IdempotencyRecord, OutboxMail, ReservationRecord, StoredResponse } from './types.js';

/** The shop's row for the article a shopper wants to reserve, with the units held and the product's name. */
export interface HoldRow extends StockRow {
  held: number;
  /** The shop's own title, else the town's name once someone named the product; null: neither. */
  item_name: string | null;
}

/** One reservation moved on: the status it had (the write is conditional on it) and the record it becomes. */
export interface StatusChange {
  from: ReservationState;
  next: ReservationRecord;
}

/** What reservations moving on do to one stock row: `release` held units, `takeOut` of the shop's quantity. */
export interface StockMove {
  store_id: string;
  sku: string;
  release: number;
  takeOut: number;
}

/**
 * Thrown by claimKey when another request with the same Idempotency-Key holds it
 * longer than the backend waits (PostgreSQL's lock timeout); the unit is rolled
 * back and the request answered "in progress".
 */
export class IdempotencyKeyBusyError extends Error {
  constructor() {
    super('another request with this Idempotency-Key is still being processed');
    this.name = 'IdempotencyKeyBusyError';
  }
}

export interface UnitOfWork {
  // ------------------------------------------------------------ reserving

  /**
   * Claims the Idempotency-Key for this request (null), or returns what an earlier request
   * with it left. Holds of one `contact` are counted one unit at a time from here on (SQLite:
   * its write lock; PostgreSQL: an advisory lock on the contact), so a cap cannot be passed
   * by two requests at once.
   */
  claimKey(claim: { keyHash: string; requestHash: string; at: string; contact: string }): Step<IdempotencyRecord | null>;
  /**
   * The shop's row for the article (by GTIN, or by article number when no GTIN is given) and
   * how many open reservations `contact` has; null when the shop does not list it. `contact`
   * is the address with A–Z folded to a–z; backends compare it with their SQL lower() of the
   * stored address, which folds exactly those.
   */
  readForHold(query: { storeId: string; gtin?: string | undefined; sku?: string | undefined; contact: string }): Step<{ row: HoldRow; openHolds: number } | null>;
  /**
   * Holds `record.quantity` units of its stock row if that many are free (quantity − held),
   * and inserts the reservation with them. `code-taken`: the units are held, but another open
   * reservation of the shop has the code; `insufficient`: nothing changed.
   */
  holdAndInsert(record: ReservationRecord): Step<'inserted' | 'code-taken' | 'insufficient'>;
  /** Inserts a reservation whose units are held already; false when its code is taken among the shop's open ones. */
  insertReservation(record: ReservationRecord): Step<boolean>;
  /** The stock row as it is now (for what is still free after a refused hold). */
  stockRow(storeId: string, sku: string): Step<StockRow | null>;
  queueMails(mails: readonly OutboxMail[]): Step<void>;
  /** Stores the answer under the claimed key, for retries. */
  storeAnswer(keyHash: string, response: StoredResponse, reservationId: string | null): Step<void>;

  // ------------------------------------------------------------ moving on

  /** The reservation, locked until the unit ends: a concurrent change waits and then sees this one's. */
  lockReservation(id: string): Step<ReservationRecord | null>;
  /**
   * Due open reservations (expires_at ≤ now), locked to this unit: however many sweepers
   * run at once, each reservation is handed to exactly one of them.
   */
  dueReservations(now: string): Step<ReservationRecord[]>;
  /** Writes status, ended_at and cancel_reason of each change whose reservation still has `from`; returns how many did. */
  setStatus(changes: readonly StatusChange[]): Step<number>;
  /** Applies the moves in the order given; neither held nor quantity goes below zero. */
  settleStock(moves: readonly StockMove[]): Step<void>;

  // ------------------------------------------------------------ inventory uploads

  /** The shop's rows (sku → its gtin and units held for reservations). One upload per shop at a time from here on. */
  shopStock(storeId: string): Step<Map<string, ShopStockEntry>>;
  /** Which of these GTINs the town knows. */
  knownGtins(gtins: readonly string[]): Step<Set<string>>;
  /** Adds products the town does not know yet (a known GTIN is left as it is). */
  insertProducts(products: readonly Product[]): Step<void>;
  /**
   * The town's records of these GTINs, each with the titles the shops' rows give it (one row
   * per shop and GTIN; rows without a title left out). The records are locked until the unit
   * ends and the titles read after the lock: concurrent uploads of one GTIN name it one after
   * the other, each seeing the titles of those before it.
   */
  productNaming(gtins: readonly string[]): Step<Map<string, { product: Product; titles: string[] }>>;
  /** Replaces these products' records (their search text too). */
  updateProducts(products: readonly Product[]): Step<void>;
  deleteStock(storeId: string, skus: readonly string[]): Step<void>;
  /** Inserts or updates rows by (store_id, sku), in the order given; `held` is left as it is. */
  upsertStock(rows: readonly StockRow[]): Step<void>;
}

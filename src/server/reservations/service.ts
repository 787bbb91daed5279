/**
 * The click & collect rules, written once above the storage port: reserving
 * (idempotent replay, the hold checks, the record), moving a reservation on
 * (the contract's transition table, what it does to stock, its mails) and
 * expiring due holds. SQLite and PostgreSQL only run the SQL under them
 * (storage/port.ts); each function is one transaction.
 */
import { MAX_RESERVATION_QUANTITY, canChangeReservation, isOpenReservation, type ReservationState, type Store } from 'citylab-sdk/contract';
import { availableUnits, takesReservations } from '../availability.js';
import { neutralName } from '../product-naming.js';
import { IdempotencyKeyBusyError, type HoldRow, type StatusChange, type StockMove, type UnitOfWork } from '../storage/port.js';
import type { Step } from '../storage/steps.js';
import type { IdempotencyRecord, OutboxMail, ReservationRecord, Storage, StoredResponse } from '../storage/types.js';

export interface NewReservation {
  id: string;
  /** Called until it gives a code no other open reservation of the shop has. */
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
  /** The shop of `reservation.store_id`: whether it takes the reservation is decided with its settings. */
  store: Store;
  maxActivePerContact: number;
  /** Builds the answer (stored for retries) and the mails to queue, inside the transaction. */
  respond: (outcome: CreateOutcome) => { response: StoredResponse; mails: OutboxMail[] };
}

export interface TransitionInput {
  id: string;
  to: 'ready' | 'collected' | 'cancelled';
  reason?: string | undefined;
  now: string;
  mails: (record: ReservationRecord) => OutboxMail[];
}

export type TransitionResult =
  | { kind: 'ok'; record: ReservationRecord }
  | { kind: 'not-found' }
  | { kind: 'invalid'; from: ReservationState };

// ------------------------------------------------------------ reserving

/**
 * Reserves in one transaction: claims the Idempotency-Key (or answers as the earlier request
 * with it was answered), takes the hold, and stores the answer with the mails.
 */
export async function createReservation(storage: Storage, input: CreateReservationInput): Promise<CreateResult> {
  const { keyHash, requestHash, reservation: r, store } = input;
  if (store.id !== r.store_id) throw new Error(`the shop given (${store.id}) is not the reservation's (${r.store_id})`);
  // The schema refuses other quantities at the edge; a caller in code must not get round it.
  if (!Number.isInteger(r.quantity) || r.quantity < 1 || r.quantity > MAX_RESERVATION_QUANTITY) {
    throw new RangeError(`a reservation takes 1 to ${MAX_RESERVATION_QUANTITY} units, not ${r.quantity}`);
  }
  const contact = contactOf(r.customer.email);
  try {
    return await storage.unit(function* (tx): Step<CreateResult> {
      const prior = yield* tx.claimKey({ keyHash, requestHash, at: r.created_at, contact });
      if (prior) return priorAnswer(prior, requestHash);
      const outcome = yield* hold(tx, input, contact);
      const { response, mails } = input.respond(outcome);
      yield* tx.queueMails(mails);
      yield* tx.storeAnswer(keyHash, response, outcome.kind === 'created' ? outcome.record.id : null);
      return { kind: 'done', outcome, response };
    });
  } catch (err) {
    if (err instanceof IdempotencyKeyBusyError) return { kind: 'in-progress' };
    throw err;
  }
}

/** What a request gets when its key was used before: the stored answer, or why not. */
export function priorAnswer(prior: IdempotencyRecord, requestHash: string): Exclude<CreateResult, { kind: 'done' }> {
  if (prior.request_hash !== requestHash) return { kind: 'key-mismatch' };
  if (prior.state !== 'done') return { kind: 'in-progress' };
  return { kind: 'replay', response: { status: prior.status!, body: prior.body! }, reservationId: prior.reservation_id };
}

/** The hold: is the article listed, does the shop take reservations for it, is the contact under its cap, are enough units free. */
function* hold(tx: UnitOfWork, { reservation: r, store, maxActivePerContact }: CreateReservationInput, contact: string): Step<CreateOutcome> {
  const found = yield* tx.readForHold({ storeId: r.store_id, gtin: r.gtin, sku: r.gtin === undefined ? r.sku : undefined, contact });
  if (!found) return { kind: 'not-listed' };
  const { row, openHolds } = found;
  // The same rule as the offer's `reservable`, so what the shopper was offered and what is taken agree.
  if (!takesReservations(row, store)) return { kind: 'not-reservable' };
  if (openHolds >= maxActivePerContact) return { kind: 'hold-limit' };
  const record = newReservationRecord(r, row);
  record.code = r.code();
  let made = yield* tx.holdAndInsert(record);
  if (made === 'insufficient') {
    // Read again: the row read above may be older than the hold that took the last units.
    const now = yield* tx.stockRow(row.store_id, row.sku);
    return { kind: 'insufficient', available: now ? (availableUnits(now) ?? 0) : 0 };
  }
  // Held, but the code was taken (about one in ten million per open reservation): another code.
  while (made === 'code-taken') {
    record.code = r.code();
    made = (yield* tx.insertReservation(record)) ? 'inserted' : 'code-taken';
  }
  return { kind: 'created', record };
}

/**
 * Who counts as one contact for the cap on open holds: the e-mail address with A–Z folded.
 * Only ASCII, because that is exactly what both databases' lower() folds; folding more here
 * would make an address with "Ä" no longer match itself in SQL.
 */
export function contactOf(email: string): string {
  return email.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The reservation as it is stored once the hold succeeded; the code is set by the caller. */
export function newReservationRecord(r: NewReservation, row: HoldRow): ReservationRecord {
  return {
    id: r.id,
    code: '',
    store_id: row.store_id,
    gtin: row.gtin,
    sku: row.sku,
    // Neither the shop's own title nor a town name: the neutral name, in the shopper's language.
    item_name: row.item_name ?? neutralName(row.gtin, r.lang),
    price: row.price,
    currency: row.currency,
    quantity: r.quantity,
    status: 'held',
    lang: r.lang,
    customer_name: r.customer.name,
    customer_email: r.customer.email,
    customer_phone: r.customer.phone ?? null,
    token_hash: r.token_hash,
    created_at: r.created_at,
    ready_from: r.ready_from,
    expires_at: r.expires_at,
    ended_at: null,
    cancel_reason: null,
  };
}

// ------------------------------------------------------------ moving on

/** Moves a reservation on if the contract's table allows it; its stock and mails follow in the same transaction. */
export async function transitionReservation(storage: Storage, { id, to, reason, now, mails }: TransitionInput): Promise<TransitionResult> {
  return storage.unit(function* (tx): Step<TransitionResult> {
    const record = yield* tx.lockReservation(id);
    if (!record) return { kind: 'not-found' };
    if (!canChangeReservation(record.status, to)) return { kind: 'invalid', from: record.status };
    const change = { from: record.status, next: transitioned(record, to, now, reason) };
    if ((yield* tx.setStatus([change])) !== 1) return { kind: 'invalid', from: record.status };
    yield* tx.settleStock(stockMoves([change]));
    yield* tx.queueMails(mails(change.next));
    return { kind: 'ok', record: change.next };
  });
}

/** Expires every hold due at `now` and releases its units, each exactly once however many sweepers run. */
export async function expireDue(storage: Storage, now: string, mails: (record: ReservationRecord) => OutboxMail[]): Promise<ReservationRecord[]> {
  return storage.unit(function* (tx): Step<ReservationRecord[]> {
    const due = (yield* tx.dueReservations(now)).filter((r) => canChangeReservation(r.status, 'expired'));
    if (!due.length) return [];
    const changes = due.map((r) => ({ from: r.status, next: transitioned(r, 'expired', now, undefined) }));
    // Locked to this unit, so every one changes.
    yield* tx.setStatus(changes);
    yield* tx.settleStock(stockMoves(changes));
    const expired = changes.map((c) => c.next);
    yield* tx.queueMails(expired.flatMap(mails));
    return expired;
  });
}

/** The record after a change to `to` at `now`: an end time when it ends, the reason when cancelled. */
export function transitioned(record: ReservationRecord, to: ReservationState, now: string, reason: string | undefined): ReservationRecord {
  return {
    ...record,
    status: to,
    ended_at: isOpenReservation(to) ? record.ended_at : now,
    cancel_reason: to === 'cancelled' ? (reason ?? null) : record.cancel_reason,
  };
}

/**
 * What changes do to stock. Units stay held (and part of the shop's quantity) while a
 * reservation is open; leaving the open statuses releases them, and collecting also takes
 * them out of the shop. One move per stock row, in key order (store, sku): the order in which
 * every writer of several rows locks them, so two such writers never deadlock.
 */
export function stockMoves(changes: readonly StatusChange[]): StockMove[] {
  const moves = new Map<string, StockMove>();
  for (const { from, next } of changes) {
    if (!isOpenReservation(from) || isOpenReservation(next.status)) continue;
    const key = `${next.store_id}\u0000${next.sku}`;
    const move = moves.get(key) ?? { store_id: next.store_id, sku: next.sku, release: 0, takeOut: 0 };
    move.release += next.quantity;
    if (next.status === 'collected') move.takeOut += next.quantity;
    moves.set(key, move);
  }
  return [...moves.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, move]) => move);
}

/**
 * Rules every storage backend applies the same way, kept out of the SQL so that
 * SQLite and PostgreSQL cannot drift apart: which status may follow which, how
 * a new reservation's record is made, product search patterns, shop order.
 */
import type { Store } from 'citylab-sdk/contract';
import type { NewReservation, ReservationRecord, ReservationState, StockRow } from './types.js';

/** Which status may follow which; anything else is a conflict. */
export const TRANSITIONS: Record<ReservationState, readonly ReservationState[]> = {
  held: ['ready', 'collected', 'cancelled', 'expired'],
  ready: ['collected', 'cancelled', 'expired'],
  collected: [],
  cancelled: [],
  expired: [],
};

/** The statuses that hold stock. */
export const ACTIVE_STATUSES: readonly ReservationState[] = ['held', 'ready'];

/** The reservation as it is stored once the hold succeeded; `code` is chosen by the backend (unique among the shop's active ones). */
export function newReservationRecord(r: NewReservation, row: StockRow, itemName: string): ReservationRecord {
  return {
    id: r.id,
    code: '',
    store_id: row.store_id,
    gtin: row.gtin,
    sku: row.sku,
    item_name: itemName,
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

/** The record after a transition to `to` at `now`. */
export function transitioned(record: ReservationRecord, to: ReservationState, now: string, reason: string | undefined): ReservationRecord {
  return {
    ...record,
    status: to,
    ended_at: to === 'ready' ? record.ended_at : now,
    cancel_reason: to === 'cancelled' ? (reason ?? null) : record.cancel_reason,
  };
}

/** A LIKE pattern (escape character `\`) that finds `query` anywhere, its wildcards taken literally. */
export function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The shops among `stores` with these ids (unknown ids left out). */
export function pickStores(stores: ReadonlyMap<string, Store>, ids: readonly string[]): Map<string, Store> {
  const found = new Map<string, Store>();
  for (const id of ids) {
    const store = stores.get(id);
    if (store) found.set(id, store);
  }
  return found;
}

/** Shops in the order people read them: by name, German collation. */
export function sortStores(stores: Iterable<Store>): Store[] {
  return [...stores].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** The columns of an outbox mail as the API shows it (claims are the senders' business). */
export const OUTBOX_COLUMNS = 'id, reservation_id, kind, recipient, subject, text, lang, created_at, sent_at, attempts, last_error';

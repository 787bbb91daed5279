/**
 * What both storage backends' SQL shares, so that SQLite and PostgreSQL cannot
 * drift apart: product search patterns, shop order, the outbox columns, and
 * the open statuses made from the contract's constant. (The business rules
 * themselves are above the backends: reservations/service.ts, inventory/apply.ts.)
 */
import { OPEN_RESERVATION_STATUSES, type Store } from 'citylab-sdk/contract';

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

/**
 * The contract's open statuses as an SQL list, `('held', 'ready')`, for both backends'
 * statements: typed out nowhere. (Migrations are history and keep the literal list their
 * partial indexes were made with; a change of the constant needs a migration anyway.)
 */
export const OPEN_STATUS_SQL = `(${OPEN_RESERVATION_STATUSES.map((s) => `'${s}'`).join(', ')})`;

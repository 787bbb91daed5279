/**
 * The storage port on SQLite: SQL only. A unit runs synchronously inside
 * BEGIN IMMEDIATE (sqlite.ts, steps.ts), so the write lock serialises every
 * unit of every process on the file: a key claim, a contact's count, a hold
 * and an expiry sweep need no lock of their own.
 *
 * Each method returns without yielding (`Now`): the compiler holds this port
 * to never wait.
 */
import type Database from 'better-sqlite3';
import type { Product } from 'citylab-sdk/contract';
import { productSearchText } from '../stores.js';
import { OPEN_STATUS_SQL } from './common.js';
import type { HoldRow, StatusChange, StockMove, UnitOfWork } from './port.js';
import type { IdempotencyRecord, OutboxMail, ReservationRecord, StockRow, StoredResponse } from './types.js';
import type { ShopStockEntry } from '../inventory-plan.js';

/** A step that never waits. */
type Now<T> = Generator<never, T, unknown>;

const INSERT_RESERVATION = `INSERT INTO reservations (id, code, store_id, gtin, sku, item_name, price, currency, quantity, status, lang, customer_name,
  customer_email, customer_phone, token_hash, created_at, ready_from, expires_at, ended_at, cancel_reason) VALUES (@id, @code, @store_id, @gtin, @sku,
  @item_name, @price, @currency, @quantity, @status, @lang, @customer_name, @customer_email, @customer_phone, @token_hash, @created_at, @ready_from,
  @expires_at, @ended_at, @cancel_reason) ON CONFLICT (store_id, code) WHERE status IN ${OPEN_STATUS_SQL} DO NOTHING`;

const HOLD_ROW = "SELECT i.*, coalesce(i.title, CASE WHEN json_extract(p.data, '$.named_by') IS NOT NULL THEN json_extract(p.data, '$.name') END) AS item_name FROM inventory i JOIN products p ON p.gtin = i.gtin WHERE i.store_id = ?";

export class SqliteUnit implements UnitOfWork {
  /** Set when the unit wrote stock or products: the storage then moves its change token. */
  changed = false;

  constructor(private readonly stmt: (sql: string) => Database.Statement) {}

  *claimKey({ keyHash, requestHash, at }: { keyHash: string; requestHash: string; at: string }): Now<IdempotencyRecord | null> {
    const prior = this.stmt('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = ?').get(keyHash) as IdempotencyRecord | undefined;
    if (prior) return prior;
    // Committed only together with its answer (storeAnswer): no other connection ever sees it in progress.
    this.stmt("INSERT INTO idempotency_keys (key_hash, request_hash, state, created_at) VALUES (?, ?, 'in_progress', ?)").run(keyHash, requestHash, at);
    return null;
  }

  *readForHold({ storeId, gtin, sku, contact }: { storeId: string; gtin?: string | undefined; sku?: string | undefined; contact: string }): Now<{ row: HoldRow; openHolds: number } | null> {
    const row = (gtin !== undefined ? this.stmt(`${HOLD_ROW} AND i.gtin = ?`).get(storeId, gtin) : this.stmt(`${HOLD_ROW} AND i.sku = ?`).get(storeId, sku)) as HoldRow | undefined;
    if (!row) return null;
    const openHolds = this.stmt(`SELECT count(*) FROM reservations WHERE lower(customer_email) = ? AND status IN ${OPEN_STATUS_SQL}`).pluck().get(contact) as number;
    return { row, openHolds };
  }

  *holdAndInsert(record: ReservationRecord): Now<'inserted' | 'code-taken' | 'insufficient'> {
    // One statement that succeeds only while enough units are free.
    const held = this.stmt('UPDATE inventory SET held = held + ? WHERE store_id = ? AND sku = ? AND quantity - held >= ?').run(record.quantity, record.store_id, record.sku, record.quantity);
    if (held.changes !== 1) return 'insufficient';
    this.changed = true;
    return this.insert(record) ? 'inserted' : 'code-taken';
  }

  *insertReservation(record: ReservationRecord): Now<boolean> {
    return this.insert(record);
  }

  private insert(record: ReservationRecord): boolean {
    return this.stmt(INSERT_RESERVATION).run(record).changes === 1;
  }

  *stockRow(storeId: string, sku: string): Now<StockRow | null> {
    return (this.stmt('SELECT * FROM inventory WHERE store_id = ? AND sku = ?').get(storeId, sku) as StockRow | undefined) ?? null;
  }

  *queueMails(mails: readonly OutboxMail[]): Now<void> {
    const insert = this.stmt('INSERT INTO outbox (reservation_id, kind, recipient, subject, text, lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const m of mails) insert.run(m.reservation_id, m.kind, m.recipient, m.subject, m.text, m.lang, m.created_at);
  }

  *storeAnswer(keyHash: string, response: StoredResponse, reservationId: string | null): Now<void> {
    this.stmt("UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, reservation_id = ? WHERE key_hash = ?").run(response.status, response.body, reservationId, keyHash);
  }

  *lockReservation(id: string): Now<ReservationRecord | null> {
    return (this.stmt('SELECT * FROM reservations WHERE id = ?').get(id) as ReservationRecord | undefined) ?? null;
  }

  *dueReservations(now: string): Now<ReservationRecord[]> {
    return this.stmt(`SELECT * FROM reservations WHERE status IN ${OPEN_STATUS_SQL} AND expires_at <= ? ORDER BY expires_at, id`).all(now) as ReservationRecord[];
  }

  *setStatus(changes: readonly StatusChange[]): Now<number> {
    const update = this.stmt('UPDATE reservations SET status = ?, ended_at = ?, cancel_reason = ? WHERE id = ? AND status = ?');
    let changed = 0;
    for (const { from, next } of changes) changed += update.run(next.status, next.ended_at, next.cancel_reason, next.id, from).changes;
    return changed;
  }

  *settleStock(moves: readonly StockMove[]): Now<void> {
    // Never below zero; an uncounted row (quantity NULL) stays uncounted: min(NULL, n) is NULL.
    const settle = this.stmt('UPDATE inventory SET held = held - min(held, ?), quantity = quantity - min(quantity, ?) WHERE store_id = ? AND sku = ?');
    for (const m of moves) settle.run(m.release, m.takeOut, m.store_id, m.sku);
    if (moves.length) this.changed = true;
  }

  *shopStock(storeId: string): Now<Map<string, ShopStockEntry>> {
    const rows = this.stmt('SELECT sku, gtin, held, title FROM inventory WHERE store_id = ?').all(storeId) as { sku: string; gtin: string; held: number; title: string | null }[];
    return new Map(rows.map((r) => [r.sku, { gtin: r.gtin, held: r.held, title: r.title }]));
  }

  *knownGtins(gtins: readonly string[]): Now<Set<string>> {
    return new Set(this.stmt('SELECT gtin FROM products WHERE gtin IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(gtins)) as string[]);
  }

  *insertProducts(products: readonly Product[]): Now<void> {
    const insert = this.stmt('INSERT INTO products (gtin, search, data) VALUES (?, ?, ?) ON CONFLICT (gtin) DO NOTHING');
    for (const p of products) insert.run(p.gtin, productSearchText(p), JSON.stringify(p));
    if (products.length) this.changed = true;
  }

  *productNaming(gtins: readonly string[]): Now<Map<string, { product: Product; titles: string[] }>> {
    const rows = this.stmt(`SELECT p.data, (SELECT json_group_array(i.title) FROM inventory i WHERE i.gtin = p.gtin AND i.title IS NOT NULL) AS titles
      FROM products p WHERE p.gtin IN (SELECT value FROM json_each(?))`).all(JSON.stringify(gtins)) as { data: string; titles: string }[];
    return new Map(rows.map((r) => {
      const product = JSON.parse(r.data) as Product;
      return [product.gtin, { product, titles: JSON.parse(r.titles) as string[] }];
    }));
  }

  *updateProducts(products: readonly Product[]): Now<void> {
    const update = this.stmt('UPDATE products SET search = ?, data = ? WHERE gtin = ?');
    for (const p of products) update.run(productSearchText(p), JSON.stringify(p), p.gtin);
    if (products.length) this.changed = true;
  }

  *deleteStock(storeId: string, skus: readonly string[]): Now<void> {
    const remove = this.stmt('DELETE FROM inventory WHERE store_id = ? AND sku = ?');
    for (const sku of skus) remove.run(storeId, sku);
    if (skus.length) this.changed = true;
  }

  *upsertStock(rows: readonly StockRow[]): Now<void> {
    const upsert = this.stmt(`
      INSERT INTO inventory (store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, title)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (store_id, sku) DO UPDATE SET
        quantity = excluded.quantity, availability = excluded.availability,
        price = excluded.price, currency = excluded.currency, pickup_method = excluded.pickup_method,
        pickup_sla = excluded.pickup_sla, updated_at = excluded.updated_at, title = excluded.title`);
    for (const r of rows) upsert.run(r.store_id, r.sku, r.gtin, r.quantity, r.availability, r.price, r.currency, r.pickup_method, r.pickup_sla, r.updated_at, r.title ?? null);
    if (rows.length) this.changed = true;
  }
}

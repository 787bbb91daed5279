/**
 * The storage port on PostgreSQL: SQL and locks only. Several instances share
 * the database, so what SQLite gets from its single writer is explicit here:
 *
 * - The Idempotency-Key is claimed with INSERT … ON CONFLICT: a second request
 *   with the key, on any instance, waits for this transaction and then reads its
 *   answer, or is told "in progress" when the wait exceeds the lock timeout.
 *   The claim commits together with the answer or not at all.
 * - Holds of one contact are counted one transaction at a time (an advisory lock
 *   taken with the claim).
 * - A hold is one conditional UPDATE (`quantity - held >= n`): the row lock
 *   serialises concurrent holds on an article; the reservation is inserted in
 *   the same statement.
 * - A reservation moved on is locked FOR UPDATE; due ones are taken FOR UPDATE
 *   SKIP LOCKED, so each is handed to exactly one sweeper.
 *
 * Round trips cost more than the work in them: mails, the stored answer and the
 * change counter are written together in one statement just before COMMIT
 * (finish). Reserving is four statements between BEGIN and COMMIT.
 */
import type { Product } from 'citylab-sdk/contract';
import { productSearchText } from '../stores.js';
import { OPEN_STATUS_SQL } from './common.js';
import { IdempotencyKeyBusyError, type HoldRow, type StatusChange, type StockMove, type UnitOfWork } from './port.js';
import { wait, type Step } from './steps.js';
import type { IdempotencyRecord, OutboxMail, ReservationRecord, StockRow, StoredResponse } from './types.js';
import type { ShopStockEntry } from '../inventory-plan.js';

export const STOCK_COLUMNS = 'store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, held, title';
export const RESERVATION_COLUMNS =
  'id, code, store_id, gtin, sku, item_name, price, currency, quantity, status, lang, customer_name, customer_email, customer_phone, token_hash, created_at, ready_from, expires_at, ended_at, cancel_reason';
/** $1 … $20 in RESERVATION_COLUMNS' order, typed (they are selected, not VALUES). */
const RESERVATION_VALUES = RESERVATION_COLUMNS.split(', ').map((c, i) => `$${i + 1}::${c === 'quantity' ? 'integer' : 'text'}`).join(', ');
const reservationParams = (record: ReservationRecord) => RESERVATION_COLUMNS.split(', ').map((c) => record[c as keyof ReservationRecord]);
const INSERT_RESERVATION = `INSERT INTO reservations (${RESERVATION_COLUMNS}) SELECT ${RESERVATION_VALUES}`;
const CODE_CONFLICT = `ON CONFLICT (store_id, code) WHERE status IN ${OPEN_STATUS_SQL} DO NOTHING`;

const OUTBOX_NEW = ['reservation_id', 'kind', 'recipient', 'subject', 'text', 'lang', 'created_at'] as const;

const LOCK_NOT_AVAILABLE = '55P03';

/** Runs one statement on the unit's connection (prepared once per connection). */
export type Query = <R extends object>(sql: string, values?: unknown[]) => Promise<R[]>;

export class PostgresUnit implements UnitOfWork {
  private readonly mails: OutboxMail[] = [];
  private answer: { keyHash: string; response: StoredResponse; reservationId: string | null } | undefined;
  /** Set when the unit wrote stock or products: finish() moves a change counter. */
  private changed = false;

  /** `schema` keeps advisory locks of towns that share a database apart. */
  constructor(private readonly q: Query, private readonly schema: string) {}

  *claimKey({ keyHash, requestHash, at, contact }: { keyHash: string; requestHash: string; at: string; contact: string }): Step<IdempotencyRecord | null> {
    let claimed: object[];
    try {
      // The contact's lock first, in the same statement: the count a statement later sees every
      // hold committed before the lock was had.
      claimed = yield* wait(this.q(
        `WITH contact AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext('citylab-contact'), hashtext($4)))
         INSERT INTO idempotency_keys (key_hash, request_hash, state, created_at) SELECT $1, $2, 'in_progress', $3 FROM contact
         ON CONFLICT (key_hash) DO NOTHING RETURNING 1`,
        [keyHash, requestHash, at, `${this.schema}:${contact}`],
      ));
    } catch (err) {
      // Waited too long for another request with this key: it is still being processed.
      if ((err as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new IdempotencyKeyBusyError();
      throw err;
    }
    if (claimed.length) return null;
    const [prior] = yield* wait(this.q<IdempotencyRecord>('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = $1', [keyHash]));
    // Gone between the two statements (erased after 48 hours): a serialisation-style retry makes it anew.
    if (!prior) throw Object.assign(new Error('idempotency key vanished'), { code: '40001' });
    return prior;
  }

  *readForHold({ storeId, gtin, sku, contact }: { storeId: string; gtin?: string | undefined; sku?: string | undefined; contact: string }): Step<{ row: HoldRow; openHolds: number } | null> {
    const [by, value] = gtin !== undefined ? ['gtin', gtin] : ['sku', sku];
    const [row] = yield* wait(this.q<HoldRow & { open_holds: number }>(
      `SELECT ${STOCK_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}, coalesce(i.title, CASE WHEN p.data->>'named_by' IS NOT NULL THEN p.data->>'name' END) AS item_name,
         (SELECT count(*)::integer FROM reservations WHERE lower(customer_email) = $3 AND status IN ${OPEN_STATUS_SQL}) AS open_holds
       FROM inventory i JOIN products p ON p.gtin = i.gtin WHERE i.store_id = $1 AND i.${by} = $2`,
      [storeId, value, contact],
    ));
    if (!row) return null;
    const { open_holds: openHolds, ...stock } = row;
    return { row: stock, openHolds };
  }

  *holdAndInsert(record: ReservationRecord): Step<'inserted' | 'code-taken' | 'insufficient'> {
    // A concurrent hold on the row waits for its lock and is then checked against the new numbers.
    const [done] = yield* wait(this.q<{ held: number; made: number }>(
      `WITH hold AS (
         UPDATE inventory SET held = held + $21 WHERE store_id = $3 AND sku = $5 AND quantity - held >= $21 RETURNING held
       ), made AS (
         ${INSERT_RESERVATION} FROM hold ${CODE_CONFLICT} RETURNING id
       )
       SELECT (SELECT count(*) FROM hold)::integer AS held, (SELECT count(*) FROM made)::integer AS made`,
      [...reservationParams(record), record.quantity],
    ));
    if (!done!.held) return 'insufficient';
    this.changed = true;
    return done!.made ? 'inserted' : 'code-taken';
  }

  *insertReservation(record: ReservationRecord): Step<boolean> {
    return (yield* wait(this.q(`${INSERT_RESERVATION} ${CODE_CONFLICT} RETURNING id`, reservationParams(record)))).length === 1;
  }

  *stockRow(storeId: string, sku: string): Step<StockRow | null> {
    const [row] = yield* wait(this.q<StockRow>(`SELECT ${STOCK_COLUMNS} FROM inventory WHERE store_id = $1 AND sku = $2`, [storeId, sku]));
    return row ?? null;
  }

  *queueMails(mails: readonly OutboxMail[]): Step<void> {
    this.mails.push(...mails);
  }

  *storeAnswer(keyHash: string, response: StoredResponse, reservationId: string | null): Step<void> {
    this.answer = { keyHash, response, reservationId };
  }

  *lockReservation(id: string): Step<ReservationRecord | null> {
    const [row] = yield* wait(this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE id = $1 FOR UPDATE`, [id]));
    return row ?? null;
  }

  *dueReservations(now: string): Step<ReservationRecord[]> {
    // A row another instance is moving (collected, cancelled) is skipped and looked at again next round.
    return yield* wait(this.q<ReservationRecord>(
      `SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE status IN ${OPEN_STATUS_SQL} AND expires_at <= $1 ORDER BY expires_at, id FOR UPDATE SKIP LOCKED`,
      [now],
    ));
  }

  *setStatus(changes: readonly StatusChange[]): Step<number> {
    const column = (pick: (c: StatusChange) => string | null) => changes.map(pick);
    const rows = yield* wait(this.q(
      `UPDATE reservations r SET status = c.status, ended_at = c.ended_at, cancel_reason = c.cancel_reason
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS c (id, from_status, status, ended_at, cancel_reason)
       WHERE r.id = c.id AND r.status = c.from_status RETURNING r.id`,
      [column((c) => c.next.id), column((c) => c.from), column((c) => c.next.status), column((c) => c.next.ended_at), column((c) => c.next.cancel_reason)],
    ));
    return rows.length;
  }

  *settleStock(moves: readonly StockMove[]): Step<void> {
    // One statement per row, in the order given (key order): row locks are taken as every writer takes them.
    // Never below zero; an uncounted row (quantity NULL) stays uncounted: NULL - least(NULL, n) is NULL.
    for (const m of moves) {
      yield* wait(this.q(
        'UPDATE inventory SET held = held - least(held, $1), quantity = quantity - least(quantity, $2) WHERE store_id = $3 AND sku = $4',
        [m.release, m.takeOut, m.store_id, m.sku],
      ));
    }
    if (moves.length) this.changed = true;
  }

  *shopStock(storeId: string): Step<Map<string, ShopStockEntry>> {
    // One upload per shop at a time, as SQLite's single writer gives: the next one plans on this one's result.
    yield* wait(this.q('SELECT 1 FROM stores WHERE id = $1 FOR NO KEY UPDATE', [storeId]));
    const rows = yield* wait(this.q<{ sku: string; gtin: string; held: number; title: string | null }>('SELECT sku, gtin, held, title FROM inventory WHERE store_id = $1', [storeId]));
    return new Map(rows.map((r) => [r.sku, { gtin: r.gtin, held: Number(r.held), title: r.title }]));
  }

  *knownGtins(gtins: readonly string[]): Step<Set<string>> {
    const rows = yield* wait(this.q<{ gtin: string }>('SELECT gtin FROM products WHERE gtin = ANY($1::text[])', [gtins]));
    return new Set(rows.map((r) => r.gtin));
  }

  *insertProducts(products: readonly Product[]): Step<void> {
    yield* wait(this.q(
      'INSERT INTO products (gtin, search, data) SELECT * FROM unnest($1::text[], $2::text[], $3::json[]) ON CONFLICT (gtin) DO NOTHING',
      [products.map((p) => p.gtin), products.map(productSearchText), products.map((p) => JSON.stringify(p))],
    ));
    if (products.length) this.changed = true;
  }

  *productNaming(gtins: readonly string[]): Step<Map<string, { product: Product; titles: string[] }>> {
    // NO KEY UPDATE: stock rows referring to the product (KEY SHARE) may still be written meanwhile.
    const locked = yield* wait(this.q<{ data: Product }>('SELECT data FROM products WHERE gtin = ANY($1::text[]) ORDER BY gtin FOR NO KEY UPDATE', [gtins]));
    // A statement of its own: under READ COMMITTED it sees what uploads that held the lock before committed.
    const titles = yield* wait(this.q<{ gtin: string; titles: string[] }>(
      'SELECT gtin, array_agg(title ORDER BY store_id) AS titles FROM inventory WHERE gtin = ANY($1::text[]) AND title IS NOT NULL GROUP BY gtin',
      [gtins],
    ));
    const byGtin = new Map(titles.map((r) => [r.gtin, r.titles]));
    return new Map(locked.map(({ data }) => [data.gtin, { product: data, titles: byGtin.get(data.gtin) ?? [] }]));
  }

  *updateProducts(products: readonly Product[]): Step<void> {
    if (!products.length) return;
    yield* wait(this.q(
      'UPDATE products p SET search = u.search, data = u.data FROM unnest($1::text[], $2::text[], $3::json[]) AS u (gtin, search, data) WHERE p.gtin = u.gtin',
      [products.map((p) => p.gtin), products.map(productSearchText), products.map((p) => JSON.stringify(p))],
    ));
    this.changed = true;
  }

  *deleteStock(storeId: string, skus: readonly string[]): Step<void> {
    yield* wait(this.q('DELETE FROM inventory WHERE store_id = $1 AND sku = ANY($2::text[])', [storeId, skus]));
    if (skus.length) this.changed = true;
  }

  *upsertStock(rows: readonly StockRow[]): Step<void> {
    const column = <K extends keyof StockRow>(key: K) => rows.map((r) => r[key]);
    yield* wait(this.q(
      `INSERT INTO inventory (store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, title)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
       ON CONFLICT (store_id, sku) DO UPDATE SET
         quantity = excluded.quantity, availability = excluded.availability,
         price = excluded.price, currency = excluded.currency, pickup_method = excluded.pickup_method,
         pickup_sla = excluded.pickup_sla, updated_at = excluded.updated_at, title = excluded.title`,
      [
        column('store_id'), column('sku'), column('gtin'), column('quantity'), column('availability'), column('price'),
        column('currency'), column('pickup_method'), column('pickup_sla'), column('updated_at'), rows.map((r) => r.title ?? null),
      ],
    ));
    if (rows.length) this.changed = true;
  }

  /**
   * The writes put off to the end, in one statement just before COMMIT: the queued mails, the
   * stored answer, and the change counter (last, so its row lock is held only until commit).
   * `slot` is the counter slot to move if the unit changed what shoppers see.
   */
  async finish(slot: number): Promise<void> {
    const parts: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (this.mails.length) {
      const columns = OUTBOX_NEW.map((c) => `${param(this.mails.map((m) => m[c] ?? null))}::text[]`);
      parts.push(`mails AS (INSERT INTO outbox (${OUTBOX_NEW.join(', ')}) SELECT * FROM unnest(${columns.join(', ')}))`);
    }
    if (this.answer) {
      const { keyHash, response, reservationId } = this.answer;
      parts.push(`answer AS (UPDATE idempotency_keys SET state = 'done', status = ${param(response.status)}::integer, body = ${param(response.body)}::text,
        reservation_id = ${param(reservationId)}::text WHERE key_hash = ${param(keyHash)}::text)`);
    }
    if (!parts.length && !this.changed) return;
    const main = this.changed ? `UPDATE change_counters SET n = n + 1 WHERE slot = ${param(slot)}::smallint` : 'SELECT 1';
    await this.q(`${parts.length ? `WITH ${parts.join(', ')} ` : ''}${main}`, values);
  }
}

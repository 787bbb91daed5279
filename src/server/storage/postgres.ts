/**
 * PostgreSQL storage on `pg` (node-postgres): several endpoint instances share
 * one database, so everything SQLite gets from its single writer is made
 * explicit here.
 *
 * - Migrations run in one transaction under an advisory lock: instances that
 *   start together apply each version once.
 * - A hold is one conditional UPDATE (`quantity - held >= n`); the row lock
 *   serialises concurrent holds on an article, whichever instance they come from.
 * - An Idempotency-Key is claimed first thing in the reservation's transaction
 *   (INSERT … ON CONFLICT). A second request with the key, on any instance, waits
 *   for that transaction and then gets its stored answer, or `in-progress` when
 *   the wait exceeds the lock timeout. Nothing is left behind by a crash: the
 *   claim commits together with the answer or not at all.
 * - Expiry takes due reservations with FOR UPDATE SKIP LOCKED, so each hold is
 *   released by exactly one sweeper.
 * - Every write that changes what shoppers see bumps a change counter in its own
 *   transaction. changeToken() reads it (one round trip, shared by every caller
 *   that is waiting), so a write acknowledged by any instance shows in the next
 *   answer of every instance, and the parsed-shop cache reloads when the shops'
 *   counter moved.
 *
 * Timestamps are ISO-8601 UTC text and every text column sorts bytewise
 * (COLLATE "C"), as in SQLite: both backends give byte-identical answers.
 */
import pg from 'pg';
import type { City, Product, Store, StorePatch } from 'citylab-sdk/contract';
import { planInventory, type InventoryPlan } from '../inventory-plan.js';
import { applyStorePatch, productSearchText } from '../stores.js';
import { ACTIVE_STATUSES, OUTBOX_COLUMNS, TRANSITIONS, containsPattern, newReservationRecord, pickStores, sortStores, transitioned } from './common.js';
import {
  MAIL_CLAIM_MS,
  type ApplyInventoryInput,
  type CreateOutcome,
  type CreateReservationInput,
  type CreateResult,
  type IdempotencyRecord,
  type OutboxMail,
  type ReservationRecord,
  type ReservationState,
  type StockRow,
  type Storage,
  type TransitionResult,
} from './types.js';
import { DATA_SLOTS, MIGRATIONS } from './postgres-migrations.js';

const { Pool } = pg;

/** Slot 0 counts changes to shops (and, being part of the sum, to the data as well). */
const STORES_SLOT = 0;
/** Longest a statement waits for a row lock before it gives up (an Idempotency-Key in use: 409 in progress). */
export const LOCK_TIMEOUT_MS = 5_000;

const STOCK_COLUMNS = 'store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, held';
const RESERVATION_COLUMNS =
  'id, code, store_id, gtin, sku, item_name, price, currency, quantity, status, lang, customer_name, customer_email, customer_phone, token_hash, created_at, ready_from, expires_at, ended_at, cancel_reason';
const ACTIVE = `(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** $1 … $20 in RESERVATION_COLUMNS' order, typed (they are selected, not VALUES). */
const RESERVATION_VALUES = RESERVATION_COLUMNS.split(', ').map((c, i) => `$${i + 1}::${c === 'quantity' ? 'integer' : 'text'}`).join(', ');
const reservationParams = (record: ReservationRecord) => RESERVATION_COLUMNS.split(', ').map((c) => record[c as keyof ReservationRecord]);

const OUTBOX_NEW = ['reservation_id', 'kind', 'recipient', 'subject', 'text', 'lang', 'created_at'] as const;
/** Inserts mails given as one array per column, the first at parameter $first. */
const outboxInsert = (first: number) =>
  `INSERT INTO outbox (${OUTBOX_NEW.join(', ')}) SELECT * FROM unnest(${OUTBOX_NEW.map((_, i) => `$${first + i}::text[]`).join(', ')})`;
const outboxParams = (mails: readonly OutboxMail[]) => OUTBOX_NEW.map((c) => mails.map((m) => m[c] ?? null));
/** A random data slot of the change counters. */
const dataSlot = () => 1 + Math.floor(Math.random() * DATA_SLOTS);

/** Serialisation failures and deadlocks: the transaction is tried again. */
const RETRYABLE = new Set(['40001', '40P01']);
const LOCK_NOT_AVAILABLE = '55P03';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` */
  url: string;
  /** The schema that holds this town's tables (created when missing). Default `public`. */
  schema?: string | undefined;
  /** Connections per instance. Default 10. */
  poolSize?: number | undefined;
  /** Errors of idle connections (the server restarted, the network dropped); they are replaced by the pool. */
  onError?: ((err: Error) => void) | undefined;
}

interface Counters {
  /** Sum of all slots: moves on every write that changes shops, products or stock. */
  data: string;
  /** Moves when shops change. */
  stores: string;
}

type Queryable = pg.Pool | pg.PoolClient;

export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  /**
   * One more connection, only for the change counters: the check every cached answer waits for
   * must not queue behind the transactions that hold the pool's connections.
   */
  private readonly watch: pg.Pool;
  readonly schema: string;
  private closed = false;
  /** Parsed shops and the shops' counter they were loaded at. */
  private stores = new Map<string, Store>();
  private storesVersion: string | undefined;
  /** The counter read in flight, and the one queued behind it (see fresh()). */
  private flight: Promise<Counters> | undefined;
  private queued: Promise<Counters> | undefined;
  /** Prepared-statement names: each statement is parsed once per connection. */
  private readonly names = new Map<string, string>();

  constructor({ url, schema = 'public', poolSize = 10, onError }: PostgresOptions) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: "${schema}" (lower-case letters, digits and _)`);
    this.schema = schema;
    const config = {
      connectionString: url,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
      application_name: 'citylab',
      // A session that sits in a transaction (a frozen process) must not keep rows locked for ever.
      options: `-c search_path=${schema} -c lock_timeout=${LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=60000`,
    };
    this.pool = new Pool({ ...config, max: poolSize });
    this.watch = new Pool({ ...config, max: 1 });
    // Without a listener an idle connection's error (the server restarting) would end the process.
    this.pool.on('error', (err) => onError?.(err));
    this.watch.on('error', (err) => onError?.(err));
  }

  // ------------------------------------------------------------ plumbing

  private async q<R extends object>(sql: string, values: unknown[] = [], client: Queryable = this.pool): Promise<R[]> {
    let name = this.names.get(sql);
    if (!name) {
      name = `citylab_${this.names.size}`;
      this.names.set(sql, name);
    }
    return (await client.query<R>({ name, text: sql, values })).rows;
  }

  /** Runs `fn` in a transaction on one connection; tried again (up to 3 times) after a deadlock or serialisation failure. */
  private async tx<R>(fn: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        if (attempt < 3 && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
        throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  /** Moves the change counters; called last in a writing transaction (its row lock is held until commit). */
  private async bump(client: pg.PoolClient, what: 'data' | 'stores'): Promise<void> {
    const slot = what === 'stores' ? STORES_SLOT : dataSlot();
    await this.q('UPDATE change_counters SET n = n + 1 WHERE slot = $1', [slot], client);
  }

  private async readCounters(): Promise<Counters> {
    const [row] = await this.q<Counters>(
      `SELECT sum(n)::text AS data, max(n) FILTER (WHERE slot = ${STORES_SLOT})::text AS stores FROM change_counters`,
      [],
      this.watch,
    );
    if (row!.stores !== this.storesVersion) {
      const rows = await this.q<{ data: Store }>('SELECT data FROM stores', [], this.watch);
      this.stores = new Map(rows.map((r) => [r.data.id, r.data]));
      this.storesVersion = row!.stores;
    }
    return row!;
  }

  /**
   * The counters as of a read that began after this call, so that any write acknowledged
   * before it (by any instance) is seen. Callers that arrive while a read is in flight
   * cannot use it (it may have begun before their write was acknowledged): they share the
   * next one, which starts when that read ends. Under load that is one small query per
   * round trip for all requests together.
   */
  private fresh(): Promise<Counters> {
    if (this.queued) return this.queued;
    if (!this.flight) return this.startRead();
    const ignore = () => undefined;
    this.queued = this.flight.then(ignore, ignore).then(() => {
      this.queued = undefined;
      return this.startRead();
    });
    return this.queued;
  }

  private startRead(): Promise<Counters> {
    const read = this.readCounters();
    this.flight = read;
    const done = () => {
      if (this.flight === read) this.flight = undefined;
    };
    read.then(done, done);
    return read;
  }

  // ------------------------------------------------------------ lifecycle

  async init(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A migration may wait for another instance's: no lock timeout here.
      await client.query('SET LOCAL lock_timeout = 0');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('citylab-migrate'), hashtext($1))", [this.schema]);
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.schema]);
      if (!exists.rowCount) await client.query(`CREATE SCHEMA ${this.schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.schema}.schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)`);
      const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${this.schema}.schema_migrations`);
      const version = rows[0]?.version ?? 0;
      if (version > MIGRATIONS.length) {
        throw new Error(`database schema version ${version} is newer than this endpoint (${MIGRATIONS.length}); upgrade the endpoint`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) {
        await client.query(`SET LOCAL search_path = ${this.schema}`);
        await client.query(MIGRATIONS[v]!);
        await client.query(`INSERT INTO ${this.schema}.schema_migrations (version, applied_at) VALUES ($1, $2)`, [v + 1, new Date().toISOString()]);
      }
      await client.query('COMMIT');
      client.release();
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw err;
    }
    await this.fresh();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.pool.end(), this.watch.end()]);
  }

  async ping(): Promise<void> {
    await this.q('SELECT 1');
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.q<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM city) OR EXISTS (SELECT 1 FROM stores) OR EXISTS (SELECT 1 FROM products) AS any',
    );
    return !row!.any;
  }

  async changeToken(): Promise<string> {
    return (await this.fresh()).data;
  }

  // ------------------------------------------------------------ town and shops

  async getCity(): Promise<City | null> {
    const [row] = await this.q<{ data: City }>('SELECT data FROM city WHERE id = 1');
    return row?.data ?? null;
  }

  async setCity(city: City): Promise<void> {
    await this.q('INSERT INTO city (id, data) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET data = excluded.data', [JSON.stringify(city)]);
  }

  async listStores(): Promise<Store[]> {
    await this.fresh();
    return sortStores(this.stores.values());
  }

  async getStore(id: string): Promise<Store | null> {
    await this.fresh();
    return this.stores.get(id) ?? null;
  }

  async getStores(ids: readonly string[]): Promise<Map<string, Store>> {
    await this.fresh();
    return pickStores(this.stores, ids);
  }

  async createStore(store: Store, keyHash: string): Promise<boolean> {
    return this.tx(async (client) => {
      const inserted = await this.q(
        'INSERT INTO stores (id, data, key_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (id) DO NOTHING RETURNING id',
        [store.id, JSON.stringify(store), keyHash, store.updated_at],
        client,
      );
      if (inserted.length) await this.bump(client, 'stores');
      return inserted.length === 1;
    });
  }

  async updateStore(id: string, patch: StorePatch, now: string): Promise<Store | null> {
    return this.tx(async (client) => {
      const [row] = await this.q<{ data: Store }>('SELECT data FROM stores WHERE id = $1 FOR NO KEY UPDATE', [id], client);
      if (!row) return null;
      const store = applyStorePatch(row.data, patch, now);
      await this.q('UPDATE stores SET data = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(store), now, id], client);
      await this.bump(client, 'stores');
      return store;
    });
  }

  async setStoreKeyHash(id: string, keyHash: string): Promise<boolean> {
    const rows = await this.q('UPDATE stores SET key_hash = $1 WHERE id = $2 RETURNING id', [keyHash, id]);
    return rows.length === 1;
  }

  async storeIdForKeyHash(keyHash: string): Promise<string | null> {
    const [row] = await this.q<{ id: string }>('SELECT id FROM stores WHERE key_hash = $1', [keyHash]);
    return row?.id ?? null;
  }

  // ------------------------------------------------------------ products and stock

  async getProduct(gtin: string): Promise<Product | null> {
    const [row] = await this.q<{ data: Product }>('SELECT data FROM products WHERE gtin = $1', [gtin]);
    return row?.data ?? null;
  }

  async searchProducts(query: string, limit: number): Promise<Product[]> {
    const rows = await this.q<{ data: Product }>("SELECT data FROM products WHERE search LIKE $1 ESCAPE '\\' ORDER BY search LIMIT $2", [containsPattern(query), limit]);
    return rows.map((r) => r.data);
  }

  async putProducts(products: readonly Product[]): Promise<void> {
    // One row per GTIN (the last wins, as with row-by-row upserts), in key order so that concurrent writers lock alike.
    const byGtin = [...new Map(products.map((p) => [p.gtin, p])).values()].sort((a, b) => (a.gtin < b.gtin ? -1 : 1));
    await this.tx(async (client) => {
      await this.q(
        `INSERT INTO products (gtin, search, data) SELECT * FROM unnest($1::text[], $2::text[], $3::json[])
         ON CONFLICT (gtin) DO UPDATE SET search = excluded.search, data = excluded.data`,
        [byGtin.map((p) => p.gtin), byGtin.map(productSearchText), byGtin.map((p) => JSON.stringify(p))],
        client,
      );
      await this.bump(client, 'data');
    });
  }

  async stockByGtin(gtin: string): Promise<StockRow[]> {
    return this.q<StockRow>(`SELECT ${STOCK_COLUMNS} FROM inventory WHERE gtin = $1 ORDER BY store_id`, [gtin]);
  }

  async stockBySku(storeId: string, sku: string): Promise<StockRow | null> {
    const [row] = await this.q<StockRow>(`SELECT ${STOCK_COLUMNS} FROM inventory WHERE store_id = $1 AND sku = $2`, [storeId, sku]);
    return row ?? null;
  }

  async stockOfStore(storeId: string): Promise<StockRow[]> {
    return this.q<StockRow>(`SELECT ${STOCK_COLUMNS} FROM inventory WHERE store_id = $1 ORDER BY sku`, [storeId]);
  }

  async applyInventory({ storeId, mode, items, dryRun, now }: ApplyInventoryInput): Promise<InventoryPlan> {
    return this.tx(async (client) => {
      // One upload per shop at a time, as SQLite's single writer gives: the next one plans on this one's result.
      await this.q('SELECT 1 FROM stores WHERE id = $1 FOR NO KEY UPDATE', [storeId], client);
      const rows = await this.q<{ sku: string; gtin: string }>('SELECT sku, gtin FROM inventory WHERE store_id = $1', [storeId], client);
      const existing = new Map(rows.map((r) => [r.sku, r.gtin]));
      const gtins = [...new Set(items.map((i) => i.gtin))];
      const known = new Set((await this.q<{ gtin: string }>('SELECT gtin FROM products WHERE gtin = ANY($1::text[])', [gtins], client)).map((r) => r.gtin));
      const plan = planInventory({ storeId, mode, items, existing, knownGtins: known, now });
      if (plan.errors.length || dryRun) return plan;
      if (plan.newProducts.length) {
        const fresh = plan.newProducts
          .map((p): Product => ({ gtin: p.gtin, name: p.name, ...(p.brand ? { brand: p.brand } : {}) }))
          .sort((a, b) => (a.gtin < b.gtin ? -1 : 1));
        await this.q(
          'INSERT INTO products (gtin, search, data) SELECT * FROM unnest($1::text[], $2::text[], $3::json[]) ON CONFLICT (gtin) DO NOTHING',
          [fresh.map((p) => p.gtin), fresh.map(productSearchText), fresh.map((p) => JSON.stringify(p))],
          client,
        );
      }
      // Rows that change GTIN leave their old (gtin, store) slot before another row takes it.
      const leaving = [...plan.deleteSkus, ...plan.upserts.filter((r) => existing.has(r.sku) && existing.get(r.sku) !== r.gtin).map((r) => r.sku)];
      if (leaving.length) await this.q('DELETE FROM inventory WHERE store_id = $1 AND sku = ANY($2::text[])', [storeId, leaving], client);
      if (plan.upserts.length) {
        const rows = [...plan.upserts].sort((a, b) => (a.sku < b.sku ? -1 : 1));
        const column = <K extends keyof StockRow>(key: K) => rows.map((r) => r[key]);
        await this.q(
          `INSERT INTO inventory (store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           ON CONFLICT (store_id, sku) DO UPDATE SET
             quantity = excluded.quantity, availability = excluded.availability,
             price = excluded.price, currency = excluded.currency, pickup_method = excluded.pickup_method,
             pickup_sla = excluded.pickup_sla, updated_at = excluded.updated_at`,
          [
            column('store_id'), column('sku'), column('gtin'), column('quantity'), column('availability'), column('price'),
            column('currency'), column('pickup_method'), column('pickup_sla'), column('updated_at'),
          ],
          client,
        );
      }
      await this.bump(client, 'data');
      return plan;
    });
  }

  // ------------------------------------------------------------ reservations

  private async queueMails(client: pg.PoolClient, mails: readonly OutboxMail[]): Promise<void> {
    if (mails.length) await this.q(outboxInsert(1), outboxParams(mails), client);
  }

  async findIdempotencyKey(keyHash: string): Promise<IdempotencyRecord | null> {
    const [row] = await this.q<IdempotencyRecord>('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = $1', [keyHash]);
    return row ?? null;
  }

  /**
   * Four statements between BEGIN and COMMIT (each round trip costs more than the work in it):
   * claim the key (with the contact's lock), read the article and the contact's open holds, hold
   * and insert, then queue the mails, store the answer and move the change counter.
   */
  async createReservation({ keyHash, requestHash, reservation: r, maxActivePerContact, respond }: CreateReservationInput): Promise<CreateResult> {
    let claimed = false;
    try {
      return await this.tx(async (client): Promise<CreateResult> => {
        claimed = false;
        // The key first: a second request with it (here or on another instance) waits on this row until
        // we commit. Holds of one contact are counted one transaction at a time (the advisory lock),
        // and the count below, a statement later, sees every hold committed before the lock was had.
        const claim = await this.q(
          `WITH contact AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext('citylab-contact'), hashtext($4)))
           INSERT INTO idempotency_keys (key_hash, request_hash, state, created_at) SELECT $1, $2, 'in_progress', $3 FROM contact
           ON CONFLICT (key_hash) DO NOTHING RETURNING 1`,
          [keyHash, requestHash, r.created_at, `${this.schema}:${r.customer.email}`],
          client,
        );
        if (!claim.length) {
          const [prior] = await this.q<IdempotencyRecord>('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = $1', [keyHash], client);
          // Gone between the two statements (erased after 48 hours): a deadlock-style retry makes it anew.
          if (!prior) throw Object.assign(new Error('idempotency key vanished'), { code: '40001' });
          if (prior.request_hash !== requestHash) return { kind: 'key-mismatch' };
          if (prior.state !== 'done') return { kind: 'in-progress' };
          return { kind: 'replay', response: { status: prior.status!, body: prior.body! }, reservationId: prior.reservation_id };
        }
        claimed = true;
        const outcome = await this.hold(client, r, maxActivePerContact);
        const { response, mails } = respond(outcome);
        await this.q(
          `WITH mails AS (${outboxInsert(6)}),
                answer AS (UPDATE idempotency_keys SET state = 'done', status = $2, body = $3, reservation_id = $4 WHERE key_hash = $1)
           UPDATE change_counters SET n = n + 1 WHERE slot = $5 AND $4::text IS NOT NULL`,
          [keyHash, response.status, response.body, outcome.kind === 'created' ? outcome.record.id : null, dataSlot(), ...outboxParams(mails)],
          client,
        );
        return { kind: 'done', outcome, response };
      });
    } catch (err) {
      // Waited too long for another request with this key: it is still being processed.
      if ((err as { code?: string }).code === LOCK_NOT_AVAILABLE && !claimed) return { kind: 'in-progress' };
      throw err;
    }
  }

  /** The hold itself, inside createReservation's transaction. */
  private async hold(client: pg.PoolClient, r: CreateReservationInput['reservation'], maxActivePerContact: number): Promise<CreateOutcome> {
    const lookup = r.gtin !== undefined ? ['gtin', r.gtin] : ['sku', r.sku];
    const [row] = await this.q<StockRow & { held: number; item_name: string; active: number }>(
      `SELECT ${STOCK_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}, p.data->>'name' AS item_name,
         (SELECT count(*)::integer FROM reservations WHERE customer_email = $3 AND status IN ${ACTIVE}) AS active
       FROM inventory i JOIN products p ON p.gtin = i.gtin WHERE i.store_id = $1 AND i.${lookup[0]} = $2`,
      [r.store_id, lookup[1], r.customer.email],
      client,
    );
    if (!row) return { kind: 'not-listed' };
    if (row.quantity === null) return { kind: 'not-reservable' };
    if (row.active >= maxActivePerContact) return { kind: 'hold-limit' };
    const record = newReservationRecord(r, row, row.item_name);
    record.code = r.code();
    // The hold: one UPDATE that succeeds only while enough units are free (a concurrent hold on the
    // row waits for its lock and is then checked against the new numbers), and the reservation with
    // it. The code must be unique among the shop's active reservations; the partial unique index decides.
    const [done] = await this.q<{ held: number; made: number }>(
      `WITH hold AS (
         UPDATE inventory SET held = held + $21 WHERE store_id = $3 AND sku = $5 AND quantity - held >= $21 RETURNING held
       ), made AS (
         INSERT INTO reservations (${RESERVATION_COLUMNS}) SELECT ${RESERVATION_VALUES} FROM hold
         ON CONFLICT (store_id, code) WHERE status IN ${ACTIVE} DO NOTHING RETURNING id
       )
       SELECT (SELECT count(*) FROM hold)::integer AS held, (SELECT count(*) FROM made)::integer AS made`,
      [...reservationParams(record), r.quantity],
      client,
    );
    if (!done!.held) {
      const [now] = await this.q<{ free: number }>('SELECT greatest(0, quantity - held) AS free FROM inventory WHERE store_id = $1 AND sku = $2', [row.store_id, row.sku], client);
      return { kind: 'insufficient', available: now?.free ?? 0 };
    }
    // Held, but the code was taken (about one in ten million per open reservation): another code.
    while (!done!.made) {
      record.code = r.code();
      const inserted = await this.q(
        `INSERT INTO reservations (${RESERVATION_COLUMNS}) SELECT ${RESERVATION_VALUES} ON CONFLICT (store_id, code) WHERE status IN ${ACTIVE} DO NOTHING RETURNING id`,
        reservationParams(record),
        client,
      );
      done!.made = inserted.length;
    }
    return { kind: 'created', record };
  }

  async getReservation(id: string): Promise<ReservationRecord | null> {
    const [row] = await this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE id = $1`, [id]);
    return row ?? null;
  }

  async listReservations(storeId: string, statuses?: readonly ReservationState[]): Promise<ReservationRecord[]> {
    const rows = await this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE store_id = $1 ORDER BY created_at DESC LIMIT 500`, [storeId]);
    return statuses ? rows.filter((r) => statuses.includes(r.status)) : rows;
  }

  /** Releases (or, when collected, takes out) the reservation's units. Never below zero. */
  private async settleStock(client: pg.PoolClient, record: ReservationRecord, to: ReservationState): Promise<void> {
    if (to === 'collected') {
      await this.q('UPDATE inventory SET held = greatest(0, held - $1), quantity = greatest(0, quantity - $1) WHERE store_id = $2 AND sku = $3', [record.quantity, record.store_id, record.sku], client);
    } else if (to === 'cancelled' || to === 'expired') {
      await this.q('UPDATE inventory SET held = greatest(0, held - $1) WHERE store_id = $2 AND sku = $3', [record.quantity, record.store_id, record.sku], client);
    }
  }

  async transitionReservation({ id, to, reason, now, mails }: Parameters<Storage['transitionReservation']>[0]): Promise<TransitionResult> {
    return this.tx(async (client): Promise<TransitionResult> => {
      // The row lock makes a concurrent second transition (another instance, the sweeper) wait and then see this one.
      const [record] = await this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE id = $1 FOR UPDATE`, [id], client);
      if (!record) return { kind: 'not-found' };
      if (!TRANSITIONS[record.status].includes(to)) return { kind: 'invalid', from: record.status };
      await this.q(
        'UPDATE reservations SET status = $1, ended_at = coalesce($2, ended_at), cancel_reason = coalesce($3, cancel_reason) WHERE id = $4',
        [to, to === 'ready' ? null : now, to === 'cancelled' ? (reason ?? null) : null, id],
        client,
      );
      await this.settleStock(client, record, to);
      const next = transitioned(record, to, now, reason);
      await this.queueMails(client, mails(next));
      await this.bump(client, 'data');
      return { kind: 'ok', record: next };
    });
  }

  async expireDue(now: string, mails: (record: ReservationRecord) => OutboxMail[]): Promise<ReservationRecord[]> {
    return this.tx(async (client) => {
      // SKIP LOCKED hands each due row to exactly one sweeper; one another instance is moving
      // (collected, cancelled) is left to it and looked at again in the next round.
      const expired = await this.q<ReservationRecord>(
        `WITH due AS (
           SELECT id FROM reservations WHERE status IN ${ACTIVE} AND expires_at <= $1 ORDER BY expires_at, id FOR UPDATE SKIP LOCKED
         )
         UPDATE reservations r SET status = 'expired', ended_at = $1 FROM due WHERE r.id = due.id
         RETURNING ${RESERVATION_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}`,
        [now],
        client,
      );
      if (!expired.length) return expired;
      // Stock rows in key order, as every other multi-row writer takes them.
      const ordered = [...expired].sort((a, b) => (a.store_id === b.store_id ? (a.sku < b.sku ? -1 : 1) : a.store_id < b.store_id ? -1 : 1));
      for (const record of ordered) await this.settleStock(client, record, 'expired');
      await this.queueMails(client, expired.flatMap(mails));
      await this.bump(client, 'data');
      return expired;
    });
  }

  async purge({ personalBefore, keysBefore }: { personalBefore: string; keysBefore: string }): Promise<{ erased: number; mails: number; keys: number }> {
    return this.tx(async (client) => ({
      erased: (await client.query('UPDATE reservations SET customer_name = NULL, customer_email = NULL, customer_phone = NULL WHERE customer_email IS NOT NULL AND ended_at IS NOT NULL AND ended_at <= $1', [personalBefore])).rowCount ?? 0,
      mails: (await client.query('DELETE FROM outbox WHERE created_at <= $1', [personalBefore])).rowCount ?? 0,
      keys: (await client.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [keysBefore])).rowCount ?? 0,
    }));
  }

  async pendingMail(limit: number, now = new Date()): Promise<OutboxMail[]> {
    const claimed = await this.q<OutboxMail>(
      `UPDATE outbox SET claimed_until = $1 WHERE id IN (
         SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 10 AND (claimed_until IS NULL OR claimed_until <= $2)
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING ${OUTBOX_COLUMNS}`,
      [new Date(now.getTime() + MAIL_CLAIM_MS).toISOString(), now.toISOString(), limit],
    );
    return claimed.sort((a, b) => a.id! - b.id!);
  }

  async markMail(id: number, result: { sentAt: string } | { error: string }): Promise<void> {
    if ('sentAt' in result) await this.q('UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2', [result.sentAt, id]);
    else await this.q('UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL WHERE id = $2', [result.error.slice(0, 500), id]);
  }

  async outbox(limit: number): Promise<OutboxMail[]> {
    return this.q<OutboxMail>(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1`, [limit]);
  }
}

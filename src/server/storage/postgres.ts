/**
 * PostgreSQL storage on `pg` (node-postgres): several endpoint instances share
 * one database. The port's SQL and locks (holds, idempotency keys, expiry) are in
 * postgres-unit.ts, the schema in postgres-migrations.ts; here are the pool,
 * transactions, reads and the change counters.
 *
 * - Migrations run in one transaction under an advisory lock: instances that
 *   start together apply each version once.
 * - A unit of work runs on one pooled connection and is tried again after a
 *   deadlock or serialisation failure.
 * - Every write that changes what shoppers see bumps a change counter in its own
 *   transaction. changeToken() reads it (one round trip, shared by every caller
 *   that is waiting), so a write acknowledged by any instance shows in the next
 *   answer of every instance, and the parsed-shop cache reloads when the shops'
 *   counter moved.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { City, Product, ReservationState, Store, StorePatch } from 'citylab-sdk/contract';
import { applyStorePatch, productSearchText, type StoreChange } from '../stores.js';
import { OUTBOX_COLUMNS, containsPattern, pickStores, sortStores } from './common.js';
import type { UnitOfWork } from './port.js';
import { DATA_SLOTS, MIGRATIONS } from './postgres-migrations.js';
import { PostgresInsights } from './postgres-insights.js';
import { PostgresFeeds } from './postgres-feeds.js';
import { PostgresSessions } from './postgres-sessions.js';
import { PostgresUnit, RESERVATION_COLUMNS, STOCK_COLUMNS } from './postgres-unit.js';
import { runAsync, type Step } from './steps.js';
import { MAIL_CLAIM_MS, RESERVATION_LIST_LIMIT, type IdempotencyRecord, type OutboxMail, type ReservationRecord, type StockRow, type Storage, type StoreFigures } from './types.js';

const { Pool } = pg;

/** Slot 0 counts changes to shops (and, being part of the sum, to the data as well). */
const STORES_SLOT = 0;
/** Longest a statement waits for a row lock before it gives up (an Idempotency-Key in use: 409 in progress). */
export const LOCK_TIMEOUT_MS = 5_000;

/** A random data slot of the change counters. */
const dataSlot = () => 1 + Math.floor(Math.random() * DATA_SLOTS);

/** Serialisation failures and deadlocks: the transaction is tried again. */
const RETRYABLE = new Set(['40001', '40P01']);

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
  readonly insights: PostgresInsights;
  readonly feeds: PostgresFeeds;
  readonly sessions: PostgresSessions;
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
    this.insights = new PostgresInsights(this.pool);
    this.feeds = new PostgresFeeds(this.pool);
    this.sessions = new PostgresSessions((sql, values) => this.q(sql, values));
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

  async secret(name: string): Promise<string> {
    await this.q('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64url')]);
    return (await this.q<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name]))[0]!.value;
  }

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

  async updateStore(id: string, patch: StoreChange, now: string): Promise<Store | null> {
    return this.tx(async (client) => {
      const [row] = await this.q<{ data: Store }>('SELECT data FROM stores WHERE id = $1 FOR NO KEY UPDATE', [id], client);
      if (!row) return null;
      const store = applyStorePatch(row.data, patch, now);
      await this.q('UPDATE stores SET data = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(store), now, id], client);
      await this.bump(client, 'stores');
      return store;
    });
  }

  async storesWithKey(): Promise<Set<string>> {
    return new Set((await this.q<{ id: string }>('SELECT id FROM stores WHERE key_hash IS NOT NULL')).map((r) => r.id));
  }

  async storeFigures(): Promise<Map<string, StoreFigures>> {
    const rows = await this.q<{ id: string } & StoreFigures>(`SELECT s.id,
        (SELECT MAX(updated_at) FROM inventory i WHERE i.store_id = s.id) AS stock_updated_at,
        (SELECT COUNT(*)::int FROM reservations r WHERE r.store_id = s.id AND r.status IN ('held', 'ready')) AS open_reservations
      FROM stores s`);
    return new Map(rows.map(({ id, ...figures }) => [id, figures]));
  }

  async setStoreKeyHash(id: string, keyHash: string | null): Promise<boolean> {
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
    return this.q<StockRow>(`SELECT ${STOCK_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}, p.data->>'name' AS product_name
      FROM inventory i JOIN products p ON p.gtin = i.gtin WHERE i.store_id = $1 ORDER BY i.sku`, [storeId]);
  }

  /** One unit of work on one connection; its put-off writes and the change counter go in one statement before COMMIT. */
  async unit<R>(work: (tx: UnitOfWork) => Step<R>): Promise<R> {
    return this.tx(async (client) => {
      const tx = new PostgresUnit((sql, values) => this.q(sql, values, client), this.schema);
      const result = await runAsync(work(tx));
      await tx.finish(dataSlot());
      return result;
    });
  }

  // ------------------------------------------------------------ reservations

  async findIdempotencyKey(keyHash: string): Promise<IdempotencyRecord | null> {
    const [row] = await this.q<IdempotencyRecord>('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = $1', [keyHash]);
    return row ?? null;
  }

  async getReservation(id: string): Promise<ReservationRecord | null> {
    const [row] = await this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE id = $1`, [id]);
    return row ?? null;
  }

  async listReservations(storeId: string, statuses?: readonly ReservationState[]): Promise<ReservationRecord[]> {
    const order = `ORDER BY created_at DESC, id DESC LIMIT ${RESERVATION_LIST_LIMIT}`;
    if (!statuses) return this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE store_id = $1 ${order}`, [storeId]);
    return this.q<ReservationRecord>(`SELECT ${RESERVATION_COLUMNS} FROM reservations WHERE store_id = $1 AND status = ANY($2::text[]) ${order}`, [storeId, statuses]);
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

  async outboxStatus(): Promise<{ waiting: number; failed: number; last_error: string | null }> {
    const [counts] = await this.q<{ waiting: number; failed: number }>('SELECT (COUNT(*) FILTER (WHERE attempts < 10))::int AS waiting, (COUNT(*) FILTER (WHERE attempts >= 10))::int AS failed FROM outbox WHERE sent_at IS NULL');
    const [last] = await this.q<{ last_error: string }>('SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1');
    return { waiting: counts?.waiting ?? 0, failed: counts?.failed ?? 0, last_error: last?.last_error ?? null };
  }

  async outbox(limit: number): Promise<OutboxMail[]> {
    return this.q<OutboxMail>(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1`, [limit]);
  }
}

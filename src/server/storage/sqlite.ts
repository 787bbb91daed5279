/**
 * SQLite storage on better-sqlite3: one file, WAL, migrations applied on start
 * (sqlite-migrations.ts), the parsed shops cached. better-sqlite3 is synchronous;
 * each method finishes its statements before it returns, and a unit of work runs
 * its rule synchronously too, so no other request can interleave inside a
 * transaction. The port's SQL is in sqlite-unit.ts.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { City, Product, ReservationState, Store, StorePatch } from 'citylab-sdk/contract';
import { applyStorePatch, productSearchText, type StoreChange } from '../stores.js';
import { OUTBOX_COLUMNS, containsPattern, pickStores, sortStores } from './common.js';
import type { UnitOfWork } from './port.js';
import { MIGRATIONS } from './sqlite-migrations.js';
import { SqliteInsights } from './sqlite-insights.js';
import { SqliteFeeds } from './sqlite-feeds.js';
import { SqliteSessions } from './sqlite-sessions.js';
import { SqliteUnit } from './sqlite-unit.js';
import { runNow, type Step } from './steps.js';
import { MAIL_CLAIM_MS, RESERVATION_LIST_LIMIT, type IdempotencyRecord, type OutboxMail, type ReservationRecord, type StockRow, type Storage, type StoreFigures } from './types.js';

export interface SqliteOptions {
  /** File path, or ':memory:'. */
  file: string;
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly insights: SqliteInsights;
  readonly feeds: SqliteFeeds;
  readonly sessions: SqliteSessions;
  /** Parsed shops, so an availability answer doesn't parse the same JSON hundreds of times. */
  private stores = new Map<string, Store>();
  /** Changes when another connection (the CLI, a second process) commits; then the cache reloads. */
  private seenDataVersion = -1;
  /** Set while the data version was checked in this turn of the event loop. */
  private versionCheckedThisTurn = false;
  /** Bumped by every write of this connection and whenever another connection's commit is seen. */
  private generation = 0;
  private readonly statements = new Map<string, Database.Statement>();
  /** Runs a function inside a transaction (`.immediate` takes the write lock at BEGIN). */
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  /** Statements are prepared once and reused: preparing costs more than running a point query. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  constructor({ file }: SqliteOptions) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // First, so that a second process opening the file at the same moment waits instead of failing.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a crash of the process (kill -9); only an OS crash may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.insights = new SqliteInsights(this.db);
    this.feeds = new SqliteFeeds(this.db);
    this.sessions = new SqliteSessions(this.db, (sql) => this.stmt(sql));
  }

  async init(): Promise<void> {
    // The version is read under the write lock: two processes starting together migrate once.
    const migrate = this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) {
        throw new Error(`database schema version ${version} is newer than this endpoint (${MIGRATIONS.length}); upgrade the endpoint`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      }
    });
    migrate.immediate();
    this.reloadStores();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  async isEmpty(): Promise<boolean> {
    const row = this.stmt('SELECT (SELECT count(*) FROM city) + (SELECT count(*) FROM stores) + (SELECT count(*) FROM products) AS n')
      .get() as { n: number };
    return row.n === 0;
  }

  async changeToken(): Promise<string> {
    this.freshStores();
    return String(this.generation);
  }

  async secret(name: string): Promise<string> {
    this.stmt('INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, randomBytes(32).toString('base64url'));
    return (this.stmt('SELECT value FROM secrets WHERE name = ?').get(name) as { value: string }).value;
  }

  async getCity(): Promise<City | null> {
    const row = this.stmt('SELECT data FROM city WHERE id = 1').get() as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as City) : null;
  }

  async setCity(city: City): Promise<void> {
    this.stmt('INSERT INTO city (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data').run(JSON.stringify(city));
  }

  private dataVersion(): number {
    return this.stmt('PRAGMA data_version').pluck().get() as number;
  }

  private reloadStores(): void {
    this.generation++;
    this.seenDataVersion = this.dataVersion();
    const rows = this.stmt('SELECT data FROM stores ORDER BY id').all() as { data: string }[];
    this.stores = new Map(rows.map((r) => {
      const store = JSON.parse(r.data) as Store;
      return [store.id, store];
    }));
  }

  /**
   * The cached shops, reloaded when another connection changed the database. Checked at most
   * once per turn of the event loop: one answer asks for dozens of shops.
   */
  private freshStores(): Map<string, Store> {
    if (this.versionCheckedThisTurn) return this.stores;
    this.versionCheckedThisTurn = true;
    setImmediate(() => (this.versionCheckedThisTurn = false));
    if (this.dataVersion() !== this.seenDataVersion) this.reloadStores();
    return this.stores;
  }

  async listStores(): Promise<Store[]> {
    return sortStores(this.freshStores().values());
  }

  async getStore(id: string): Promise<Store | null> {
    return this.freshStores().get(id) ?? null;
  }

  async getStores(ids: readonly string[]): Promise<Map<string, Store>> {
    return pickStores(this.freshStores(), ids);
  }

  async createStore(store: Store, keyHash: string): Promise<boolean> {
    this.freshStores();
    const result = this.stmt('INSERT INTO stores (id, data, key_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(store.id, JSON.stringify(store), keyHash, store.updated_at, store.updated_at);
    if (result.changes === 1) {
      this.stores.set(store.id, store);
      this.generation++;
    }
    return result.changes === 1;
  }

  async updateStore(id: string, patch: StoreChange, now: string): Promise<Store | null> {
    const update = this.db.transaction((): Store | null => {
      const row = this.stmt('SELECT data FROM stores WHERE id = ?').get(id) as { data: string } | undefined;
      if (!row) return null;
      const store = applyStorePatch(JSON.parse(row.data) as Store, patch, now);
      this.stmt('UPDATE stores SET data = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(store), now, id);
      return store;
    });
    this.freshStores();
    const store = update.immediate();
    if (store) {
      this.stores.set(id, store);
      this.generation++;
    }
    return store;
  }

  async storesWithKey(): Promise<Set<string>> {
    return new Set((this.stmt('SELECT id FROM stores WHERE key_hash IS NOT NULL').all() as { id: string }[]).map((r) => r.id));
  }

  async storeFigures(): Promise<Map<string, StoreFigures>> {
    const rows = this.stmt(`SELECT s.id,
        (SELECT MAX(updated_at) FROM inventory i WHERE i.store_id = s.id) AS stock_updated_at,
        (SELECT COUNT(*) FROM reservations r WHERE r.store_id = s.id AND r.status IN ('held', 'ready')) AS open_reservations
      FROM stores s`).all() as ({ id: string } & StoreFigures)[];
    return new Map(rows.map(({ id, ...figures }) => [id, figures]));
  }

  async setStoreKeyHash(id: string, keyHash: string | null): Promise<boolean> {
    return this.stmt('UPDATE stores SET key_hash = ? WHERE id = ?').run(keyHash, id).changes === 1;
  }

  async storeIdForKeyHash(keyHash: string): Promise<string | null> {
    const row = this.stmt('SELECT id FROM stores WHERE key_hash = ?').get(keyHash) as { id: string } | undefined;
    return row?.id ?? null;
  }

  async getProduct(gtin: string): Promise<Product | null> {
    const row = this.stmt('SELECT data FROM products WHERE gtin = ?').get(gtin) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Product) : null;
  }

  async searchProducts(query: string, limit: number): Promise<Product[]> {
    const rows = this.stmt("SELECT data FROM products WHERE search LIKE ? ESCAPE '\\' ORDER BY search LIMIT ?")
      .all(containsPattern(query), limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as Product);
  }

  async putProducts(products: readonly Product[]): Promise<void> {
    const insert = this.stmt(
      'INSERT INTO products (gtin, search, data) VALUES (?, ?, ?) ON CONFLICT (gtin) DO UPDATE SET search = excluded.search, data = excluded.data',
    );
    this.db.transaction(() => {
      for (const p of products) insert.run(p.gtin, productSearchText(p), JSON.stringify(p));
    })();
    this.generation++;
  }

  async stockByGtin(gtin: string): Promise<StockRow[]> {
    return this.stmt('SELECT * FROM inventory WHERE gtin = ?').all(gtin) as StockRow[];
  }

  async stockBySku(storeId: string, sku: string): Promise<StockRow | null> {
    return (this.stmt('SELECT * FROM inventory WHERE store_id = ? AND sku = ?').get(storeId, sku) as StockRow | undefined) ?? null;
  }

  async stockOfStore(storeId: string): Promise<StockRow[]> {
    return this.stmt(`SELECT i.*, json_extract(p.data, '$.name') AS product_name FROM inventory i JOIN products p ON p.gtin = i.gtin
      WHERE i.store_id = ? ORDER BY i.sku`).all(storeId) as StockRow[];
  }

  /**
   * One unit of work: BEGIN IMMEDIATE, the rule run to its end without waiting (steps.ts says
   * why), COMMIT; ROLLBACK if it throws or tries to wait.
   */
  async unit<R>(work: (tx: UnitOfWork) => Step<R>): Promise<R> {
    const tx = new SqliteUnit((sql) => this.stmt(sql));
    const result = this.inTransaction.immediate(() => runNow(work(tx))) as R;
    if (tx.changed) this.generation++;
    return result;
  }

  // ---------------------------------------------------------- reservations

  async findIdempotencyKey(keyHash: string): Promise<IdempotencyRecord | null> {
    return (this.stmt('SELECT request_hash, state, status, body, reservation_id FROM idempotency_keys WHERE key_hash = ?').get(keyHash) as IdempotencyRecord | undefined) ?? null;
  }

  async getReservation(id: string): Promise<ReservationRecord | null> {
    return (this.stmt('SELECT * FROM reservations WHERE id = ?').get(id) as ReservationRecord | undefined) ?? null;
  }

  async listReservations(storeId: string, statuses?: readonly ReservationState[]): Promise<ReservationRecord[]> {
    const order = `ORDER BY created_at DESC, id DESC LIMIT ${RESERVATION_LIST_LIMIT}`;
    if (!statuses) return this.stmt(`SELECT * FROM reservations WHERE store_id = ? ${order}`).all(storeId) as ReservationRecord[];
    return this.stmt(`SELECT * FROM reservations WHERE store_id = ? AND status IN (SELECT value FROM json_each(?)) ${order}`)
      .all(storeId, JSON.stringify(statuses)) as ReservationRecord[];
  }

  async purge({ personalBefore, keysBefore }: { personalBefore: string; keysBefore: string }): Promise<{ erased: number; mails: number; keys: number }> {
    const run = this.db.transaction(() => ({
      erased: this.stmt('UPDATE reservations SET customer_name = NULL, customer_email = NULL, customer_phone = NULL WHERE customer_email IS NOT NULL AND ended_at IS NOT NULL AND ended_at <= ?').run(personalBefore).changes,
      mails: this.stmt('DELETE FROM outbox WHERE created_at <= ?').run(personalBefore).changes,
      keys: this.stmt('DELETE FROM idempotency_keys WHERE created_at <= ?').run(keysBefore).changes,
    }));
    return run.immediate();
  }

  async pendingMail(limit: number, now = new Date()): Promise<OutboxMail[]> {
    const claimed = this.stmt(`UPDATE outbox SET claimed_until = ? WHERE id IN (
        SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 10 AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id LIMIT ?
      ) RETURNING ${OUTBOX_COLUMNS}`).all(new Date(now.getTime() + MAIL_CLAIM_MS).toISOString(), now.toISOString(), limit) as OutboxMail[];
    return claimed.sort((a, b) => a.id! - b.id!);
  }

  async markMail(id: number, result: { sentAt: string } | { error: string }): Promise<void> {
    if ('sentAt' in result) this.stmt('UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(result.sentAt, id);
    else this.stmt('UPDATE outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL WHERE id = ?').run(result.error.slice(0, 500), id);
  }

  async outboxStatus(): Promise<{ waiting: number; failed: number; last_error: string | null }> {
    const counts = this.stmt('SELECT COUNT(*) FILTER (WHERE attempts < 10) AS waiting, COUNT(*) FILTER (WHERE attempts >= 10) AS failed FROM outbox WHERE sent_at IS NULL').get() as { waiting: number; failed: number };
    const last = this.stmt('SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { last_error: string } | undefined;
    return { waiting: counts.waiting, failed: counts.failed, last_error: last?.last_error ?? null };
  }

  async outbox(limit: number): Promise<OutboxMail[]> {
    return this.stmt(`SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`).all(limit) as OutboxMail[];
  }
}

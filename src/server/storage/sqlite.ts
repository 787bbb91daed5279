/**
 * SQLite storage on better-sqlite3: one file, WAL, migrations applied on start.
 * better-sqlite3 is synchronous; each method finishes its statements before it
 * returns, so no other request can interleave inside a transaction.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { City, Product, Store, StorePatch } from '../../shared/schemas.js';
import { planInventory, type InventoryPlan } from '../inventory-plan.js';
import { applyStorePatch, productSearchText } from '../stores.js';
import type { ApplyInventoryInput, StockRow, Storage } from './types.js';

/** Versioned migrations: index + 1 is the schema version stored in `PRAGMA user_version`. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE city (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
  );
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    key_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE products (
    gtin TEXT PRIMARY KEY,
    search TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE inventory (
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    gtin TEXT NOT NULL REFERENCES products(gtin),
    quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    availability TEXT,
    price TEXT NOT NULL,
    currency TEXT NOT NULL,
    pickup_method TEXT,
    pickup_sla TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (store_id, sku),
    UNIQUE (gtin, store_id)
  ) WITHOUT ROWID;
  `,
  // 2: the table is clustered by product, so "which shops have it" reads one contiguous range
  // (the hot path of every product page) instead of one b-tree descent per shop.
  `
  CREATE TABLE inventory_by_product (
    gtin TEXT NOT NULL REFERENCES products(gtin),
    store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    quantity INTEGER CHECK (quantity IS NULL OR quantity >= 0),
    availability TEXT,
    price TEXT NOT NULL,
    currency TEXT NOT NULL,
    pickup_method TEXT,
    pickup_sla TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (gtin, store_id),
    UNIQUE (store_id, sku)
  ) WITHOUT ROWID;
  INSERT INTO inventory_by_product (gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at)
    SELECT gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at FROM inventory;
  DROP TABLE inventory;
  ALTER TABLE inventory_by_product RENAME TO inventory;
  `,
];

export interface SqliteOptions {
  /** File path, or ':memory:'. */
  file: string;
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  /** Parsed shops, so an availability answer doesn't parse the same JSON hundreds of times. */
  private stores = new Map<string, Store>();
  /** Changes when another connection (the CLI, a second process) commits; then the cache reloads. */
  private seenDataVersion = -1;
  /** Set while the data version was checked in this turn of the event loop. */
  private versionCheckedThisTurn = false;
  /** Bumped by every write of this connection and whenever another connection's commit is seen. */
  private generation = 0;
  private readonly statements = new Map<string, Database.Statement>();

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
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a crash of the process (kill -9); only an OS crash may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  async init(): Promise<void> {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`database schema version ${version} is newer than this endpoint (${MIGRATIONS.length}); upgrade the endpoint`);
    }
    const migrate = this.db.transaction(() => {
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

  async isEmpty(): Promise<boolean> {
    const row = this.stmt('SELECT (SELECT count(*) FROM city) + (SELECT count(*) FROM stores) + (SELECT count(*) FROM products) AS n')
      .get() as { n: number };
    return row.n === 0;
  }

  async changeToken(): Promise<string> {
    this.freshStores();
    return String(this.generation);
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
    return [...this.freshStores().values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  async getStore(id: string): Promise<Store | null> {
    return this.freshStores().get(id) ?? null;
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

  async updateStore(id: string, patch: StorePatch, now: string): Promise<Store | null> {
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

  async setStoreKeyHash(id: string, keyHash: string): Promise<boolean> {
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
    const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.stmt("SELECT data FROM products WHERE search LIKE ? ESCAPE '\\' ORDER BY search LIMIT ?")
      .all(pattern, limit) as { data: string }[];
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
    return this.stmt('SELECT * FROM inventory WHERE store_id = ? ORDER BY sku').all(storeId) as StockRow[];
  }

  async applyInventory({ storeId, mode, items, dryRun, now }: ApplyInventoryInput): Promise<InventoryPlan> {
    const existingStmt = this.stmt('SELECT sku, gtin FROM inventory WHERE store_id = ?');
    const knownStmt = this.stmt('SELECT gtin FROM products WHERE gtin IN (SELECT value FROM json_each(?))');
    const insertProduct = this.stmt('INSERT INTO products (gtin, search, data) VALUES (?, ?, ?) ON CONFLICT (gtin) DO NOTHING');
    const deleteRow = this.stmt('DELETE FROM inventory WHERE store_id = ? AND sku = ?');
    const upsertRow = this.stmt(`
      INSERT INTO inventory (store_id, sku, gtin, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at)
      VALUES (@store_id, @sku, @gtin, @quantity, @availability, @price, @currency, @pickup_method, @pickup_sla, @updated_at)
      ON CONFLICT (store_id, sku) DO UPDATE SET
        quantity = excluded.quantity, availability = excluded.availability,
        price = excluded.price, currency = excluded.currency, pickup_method = excluded.pickup_method,
        pickup_sla = excluded.pickup_sla, updated_at = excluded.updated_at`);

    const run = this.db.transaction((): InventoryPlan => {
      const existing = new Map((existingStmt.all(storeId) as { sku: string; gtin: string }[]).map((r) => [r.sku, r.gtin]));
      const gtins = [...new Set(items.map((i) => i.gtin))];
      const known = new Set((knownStmt.all(JSON.stringify(gtins)) as { gtin: string }[]).map((r) => r.gtin));
      const plan = planInventory({ storeId, mode, items, existing, knownGtins: known, now });
      if (plan.errors.length || dryRun) return plan;
      for (const p of plan.newProducts) {
        const product: Product = { gtin: p.gtin, name: p.name, ...(p.brand ? { brand: p.brand } : {}) };
        insertProduct.run(p.gtin, productSearchText(product), JSON.stringify(product));
      }
      for (const sku of plan.deleteSkus) deleteRow.run(storeId, sku);
      // Rows that change GTIN must leave their old (gtin, store) slot before another row takes it.
      for (const row of plan.upserts) {
        const old = existing.get(row.sku);
        if (old !== undefined && old !== row.gtin) deleteRow.run(storeId, row.sku);
      }
      for (const row of plan.upserts) upsertRow.run(row);
      return plan;
    });
    const plan = run.immediate();
    if (!plan.errors.length && !dryRun) this.generation++;
    return plan;
  }
}

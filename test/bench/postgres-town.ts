/**
 * The bench town in PostgreSQL: the very rows of the generated SQLite town
 * (so both backends answer the same questions), streamed in with COPY into a
 * schema made by the endpoint's own migrations, the stock table's keys built
 * after the load. Kept between runs in its own schema, like the SQLite file.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PostgresStorage } from '../../src/server/storage/postgres.js';

/** Bump when the town or the schema changes: a new schema is loaded beside the old one. */
export const BENCH_SCHEMA = 'citylab_bench_v1';

/** A value in COPY's text format. */
const field = (v: unknown): string =>
  v === null || v === undefined ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

async function copyRows(client: pg.PoolClient, sql: string, rows: Iterable<unknown[]>): Promise<number> {
  const stream = client.query(copyFrom(sql));
  const done = once(stream, 'finish');
  let chunk = '';
  let n = 0;
  for (const row of rows) {
    chunk += row.map(field).join('\t') + '\n';
    n++;
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
  return n;
}

/** True when the schema is there and complete; else builds it from `sqliteFile`. */
export async function ensurePostgresBenchTown(url: string, sqliteFile: string, log: (s: string) => void): Promise<void> {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const ready = await admin.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'bench_complete'",
      [BENCH_SCHEMA],
    );
    if (ready.rowCount) return;
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
    const partial = `${BENCH_SCHEMA}_partial`;
    await admin.query(`DROP SCHEMA IF EXISTS ${partial} CASCADE`);
    // The endpoint's migrations make the tables.
    const storage = new PostgresStorage({ url, schema: partial, poolSize: 1 });
    await storage.init();
    await storage.close();

    const source = new Database(sqliteFile, { readonly: true });
    const client = await admin.connect();
    try {
      await client.query(`SET search_path = ${partial}`);
      await client.query('SET synchronous_commit = off');
      await client.query('BEGIN');
      const city = source.prepare('SELECT data FROM city WHERE id = 1').get() as { data: string };
      await client.query('INSERT INTO city (id, data) VALUES (1, $1)', [city.data]);
      await copyRows(client, 'COPY stores (id, data, key_hash, created_at, updated_at) FROM STDIN',
        source.prepare('SELECT id, data, key_hash, created_at, updated_at FROM stores').raw().iterate() as Iterable<unknown[]>);
      await copyRows(client, 'COPY products (gtin, search, data) FROM STDIN', source.prepare('SELECT gtin, search, data FROM products').raw().iterate() as Iterable<unknown[]>);
      // Without its keys while loading: they are built once afterwards, far faster than row by row.
      const { rows: constraints } = await client.query<{ conname: string; def: string }>(
        `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE conrelid = 'inventory'::regclass AND contype IN ('p', 'u', 'f')
         ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 ELSE 2 END, conname`,
      );
      for (const c of constraints) await client.query(`ALTER TABLE inventory DROP CONSTRAINT ${c.conname}`);
      log(`  PostgreSQL: stock rows by COPY into ${BENCH_SCHEMA} …`);
      // In key order (the SQLite table is clustered by product), so the rows lie by product on disk too.
      const n = await copyRows(
        client,
        'COPY inventory (gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, held) FROM STDIN',
        source.prepare('SELECT gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at, 0 FROM inventory').raw().iterate() as Iterable<unknown[]>,
      );
      log(`  PostgreSQL: ${n.toLocaleString('en')} rows copied (${seconds()} s); building keys`);
      await client.query("SET maintenance_work_mem = '512MB'");
      // The primary key (by product), the unique (shop, article number), then the foreign keys (checked in one pass each).
      for (const c of constraints) await client.query(`ALTER TABLE inventory ADD CONSTRAINT ${c.conname} ${c.def}`);
      await client.query('CREATE TABLE bench_complete (built_at text NOT NULL)');
      await client.query('INSERT INTO bench_complete VALUES ($1)', [new Date().toISOString()]);
      await client.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
      await client.query(`ALTER SCHEMA ${partial} RENAME TO ${BENCH_SCHEMA}`);
      await client.query('COMMIT');
      await client.query(`VACUUM ANALYZE ${BENCH_SCHEMA}.inventory`);
      await client.query(`VACUUM ANALYZE ${BENCH_SCHEMA}.products`);
      log(`  PostgreSQL: bench town ready (${seconds()} s)`);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
      source.close();
    }
  } finally {
    await admin.end();
  }
}

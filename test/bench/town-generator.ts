/**
 * A large generated town for the load figures: 300 shops × 20,000 articles
 * (6 million stock rows) drawn from a catalogue of 200,000 products, so a
 * product is listed by about 30 shops. Written straight into the SQLite file
 * through the endpoint's own migrations; kept between runs.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { withCheckDigit } from '../../src/sdk/contract/gtin.js';
import type { Store } from '../../src/sdk/contract/schemas.js';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import { productSearchText } from '../../src/server/stores.js';

export const SHOPS = 300;
export const ARTICLES_PER_SHOP = 20_000;
export const CATALOGUE = 200_000;

export const benchGtin = (n: number) => withCheckDigit(`201${String(n).padStart(9, '0')}`);

/** Small deterministic PRNG (mulberry32) so every run builds the same town. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function ensureBenchTown(file: string, log: (s: string) => void): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const storage = new SqliteStorage({ file: partial });
  await storage.init();
  const db = storage.db;
  db.pragma('synchronous = OFF');
  const random = rng(42);
  const now = new Date().toISOString();
  await storage.setCity({
    id: 'benchstadt', name: 'Benchstadt', country: 'DE', time_zone: 'Europe/Berlin',
    centre: { lat: 51.4, lon: 8.06 }, map: { zoom: 14 }, tiles: { type: 'none' },
  });
  const day = [{ opens: '09:30', closes: '13:00' }, { opens: '14:30', closes: '18:30' }];
  const insertStore = db.prepare('INSERT INTO stores (id, data, key_hash, created_at, updated_at) VALUES (?, ?, NULL, ?, ?)');
  db.transaction(() => {
    for (let s = 0; s < SHOPS; s++) {
      const store: Store = {
        id: `shop-${s}`,
        name: `Geschäft ${s}`,
        address: { street: `Hauptstraße ${s + 1}`, postal_code: '59821', city: 'Benchstadt', country: 'DE' },
        location: { lat: 51.4 + (random() - 0.5) * 0.03, lon: 8.06 + (random() - 0.5) * 0.05 },
        phone: '+49 2931 1000',
        website: `https://shop-${s}.example`,
        time_zone: 'Europe/Berlin',
        opening_hours: {
          weekly: { mon: day, tue: day, wed: [day[0]!], thu: day, fri: day, sat: [{ opens: '09:30', closes: '14:00' }], sun: [] },
          special_days: [{ date: '2026-12-24', intervals: [{ opens: '09:00', closes: '13:00' }], label: 'Heiligabend' }, { date: '2026-12-25', intervals: [] }, { date: '2026-12-26', intervals: [] }],
        },
        click_and_collect: { enabled: s % 5 !== 0, ready_within_minutes: 120, hold_days: 2 },
        show_quantities: s % 2 === 0,
        low_stock_threshold: 2,
        updated_at: now,
      };
      insertStore.run(store.id, JSON.stringify(store), now, now);
    }
  })();
  const insertProduct = db.prepare('INSERT INTO products (gtin, search, data) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let p = 0; p < CATALOGUE; p++) {
      const product = { gtin: benchGtin(p), name: `Artikel ${p}`, brand: `Marke ${p % 500}` };
      insertProduct.run(product.gtin, productSearchText(product), JSON.stringify(product));
    }
  })();
  // Rows go into a plain staging table first and then into the product-clustered inventory in
  // key order: far faster than 6 million random inserts into its b-tree.
  db.exec('CREATE TEMP TABLE staging (store_id TEXT, sku TEXT, gtin TEXT, quantity INTEGER, price TEXT, updated_at TEXT)');
  const insertRow = db.prepare('INSERT INTO staging VALUES (?, ?, ?, ?, ?, ?)');
  for (let s = 0; s < SHOPS; s++) {
    // Each shop lists a contiguous-with-gaps slice of the catalogue: distinct GTINs, no duplicates.
    const offset = Math.floor(random() * CATALOGUE);
    const stride = CATALOGUE / ARTICLES_PER_SHOP;
    db.transaction(() => {
      for (let a = 0; a < ARTICLES_PER_SHOP; a++) {
        const p = (offset + a * stride + Math.floor(random() * stride)) % CATALOGUE;
        insertRow.run(`shop-${s}`, `A-${a}`, benchGtin(p), Math.floor(random() * 8), `${(5 + random() * 200).toFixed(2)}`, now);
      }
    })();
    if (s % 50 === 49) log(`  generated ${s + 1}/${SHOPS} shops (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  db.exec(`INSERT INTO inventory (gtin, store_id, sku, quantity, availability, price, currency, pickup_method, pickup_sla, updated_at)
    SELECT gtin, store_id, sku, quantity, NULL, price, 'EUR', NULL, NULL, updated_at FROM staging ORDER BY gtin, store_id`);
  db.exec('DROP TABLE staging');
  log(`  clustered by product (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  await storage.close();
  renameSync(partial, file);
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
}

/**
 * Fills an empty database with the fictional demo town. Shop keys are made
 * fresh and written to a file beside the database (mode 0600), not to the log.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyInventory, hashKey, newStoreKey, type Storage } from 'citylab-server';
import { city, inventory, products, stores } from '../town.js';
import { seedDemoInsights } from './demo-insights.js';

export async function seedDemo(storage: Storage, keysFile: string | null, now = new Date()): Promise<{ stores: number; products: number; rows: number }> {
  // The keys are made and saved before anything is seeded: a database whose shops' keys were
  // lost (a folder missing, a disk full) would have to be thrown away.
  const keys = new Map(stores.map((store) => [store.id, newStoreKey()]));
  if (keysFile) {
    mkdirSync(dirname(keysFile), { recursive: true });
    writeFileSync(keysFile, `# Demo shop keys (store id, key). Keep secret.\n${[...keys].map(([id, key]) => `${id}\t${key}`).join('\n')}\n`, { mode: 0o600 });
  }
  await storage.setCity(city);
  // The demo's catalogue is the operator's: its names stand whatever the shops' titles say.
  await storage.putProducts(products.map((p) => ({ ...p, named_by: 'operator' as const })));
  let rows = 0;
  for (const [i, store] of stores.entries()) {
    // Stock figures of different ages, so "updated 12 min ago" looks like a real town.
    const updated = new Date(now.getTime() - ((i * 17) % 180) * 60_000 - 4 * 60_000).toISOString();
    await storage.createStore({ ...store, updated_at: updated }, hashKey(keys.get(store.id)!));
    const items = inventory[store.id] ?? [];
    const plan = await applyInventory(storage, { storeId: store.id, mode: 'replace', items, dryRun: false, now: updated });
    if (plan.errors.length) throw new Error(`demo inventory of ${store.id} is invalid: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    rows += items.length;
  }
  // Eight weeks of figures, marked as demo data, so the insights mean something on first start.
  await seedDemoInsights(storage, now);
  return { stores: stores.length, products: products.length, rows };
}

/**
 * Whether the database holds the demo town and nothing else: the same town and only its
 * shops. The demo's outbox (mails with live cancel links) is served only then, never for a
 * database with real shops that the demo script was pointed at by mistake.
 */
export async function isDemoTown(storage: Storage): Promise<boolean> {
  const demoIds = new Set(stores.map((s) => s.id));
  const [town, present] = await Promise.all([storage.getCity(), storage.listStores()]);
  return town?.id === city.id && present.every((s) => demoIds.has(s.id));
}

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
  await storage.setCity(city);
  await storage.putProducts(products);
  const keys: string[] = [];
  let rows = 0;
  for (const [i, store] of stores.entries()) {
    const key = newStoreKey();
    keys.push(`${store.id}\t${key}`);
    // Stock figures of different ages, so "updated 12 min ago" looks like a real town.
    const updated = new Date(now.getTime() - ((i * 17) % 180) * 60_000 - 4 * 60_000).toISOString();
    await storage.createStore({ ...store, updated_at: updated }, hashKey(key));
    const items = inventory[store.id] ?? [];
    const plan = await applyInventory(storage, { storeId: store.id, mode: 'replace', items, dryRun: false, now: updated });
    if (plan.errors.length) throw new Error(`demo inventory of ${store.id} is invalid: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    rows += items.length;
  }
  // Eight weeks of figures, marked as demo data, so the insights mean something on first start.
  await seedDemoInsights(storage, now);
  if (keysFile) mkdirSync(dirname(keysFile), { recursive: true });
  if (keysFile) writeFileSync(keysFile, `# Demo shop keys (store id, key). Keep secret.\n${keys.join('\n')}\n`, { mode: 0o600 });
  return { stores: stores.length, products: products.length, rows };
}

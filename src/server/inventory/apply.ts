/**
 * Applying a shop's stock upload, written once above the storage port: read
 * what the shop lists and which products the town knows, plan (a pure function,
 * inventory-plan.ts), then write the plan in one transaction. Either every row
 * is applied or none (the plan's errors say why). A dry run plans only.
 */
import type { InventoryItem, Product } from 'citylab-sdk/contract';
import { planInventory, type InventoryMode, type InventoryPlan } from '../inventory-plan.js';
import { neutralName, renamed } from '../product-naming.js';
import type { Step } from '../storage/steps.js';
import type { Storage } from '../storage/types.js';

export interface ApplyInventoryInput {
  storeId: string;
  mode: InventoryMode;
  items: readonly InventoryItem[];
  dryRun: boolean;
  now: string;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function applyInventory(storage: Storage, { storeId, mode, items, dryRun, now }: ApplyInventoryInput): Promise<InventoryPlan> {
  return storage.unit(function* (tx): Step<InventoryPlan> {
    const existing = yield* tx.shopStock(storeId);
    const knownGtins = yield* tx.knownGtins([...new Set(items.map((i) => i.gtin))]);
    const plan = planInventory({ storeId, mode, items, existing, knownGtins, now });
    if (plan.errors.length || dryRun) return plan;
    // Every list in key order, so that concurrent writers take row locks in the same order.
    if (plan.newProducts.length) {
      // A new product carries no shop's title or brand: it is named below, once shops agree.
      const products = plan.newProducts.map((p): Product => ({ gtin: p.gtin, name: neutralName(p.gtin) }));
      yield* tx.insertProducts(products.sort((a, b) => byKey(a.gtin, b.gtin)));
    }
    // Rows that change GTIN leave their old (gtin, store) slot before another row takes it.
    const leaving = [...plan.deleteSkus, ...plan.upserts.filter((r) => existing.has(r.sku) && existing.get(r.sku)!.gtin !== r.gtin).map((r) => r.sku)];
    if (leaving.length) yield* tx.deleteStock(storeId, leaving.sort(byKey));
    if (plan.upserts.length) yield* tx.upsertStock([...plan.upserts].sort((a, b) => byKey(a.sku, b.sku)));
    // The products whose shops' titles changed: rows new to their GTIN or with another title, and rows that left one.
    const retitled = plan.upserts.filter((r) => existing.get(r.sku)?.gtin !== r.gtin || (existing.get(r.sku)!.title ?? null) !== (r.title ?? null));
    const touched = new Set([...retitled.map((r) => r.gtin), ...leaving.map((sku) => existing.get(sku)!.gtin)]);
    if (touched.size) {
      const naming = yield* tx.productNaming([...touched].sort(byKey));
      const next = [...naming.values()].flatMap(({ product, titles }) => renamed(product, titles) ?? []);
      if (next.length) yield* tx.updateProducts(next.sort((a, b) => byKey(a.gtin, b.gtin)));
    }
    return plan;
  });
}

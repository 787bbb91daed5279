/**
 * Applying a shop's stock upload, written once above the storage port: read
 * what the shop lists and which products the town knows, plan (a pure function,
 * inventory-plan.ts), then write the plan in one transaction. Either every row
 * is applied or none (the plan's errors say why). A dry run plans only.
 */
import type { InventoryItem, Product } from 'citylab-sdk/contract';
import { planInventory, type InventoryMode, type InventoryPlan } from '../inventory-plan.js';
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
      const products = plan.newProducts.map((p): Product => ({ gtin: p.gtin, name: p.name, ...(p.brand ? { brand: p.brand } : {}) }));
      yield* tx.insertProducts(products.sort((a, b) => byKey(a.gtin, b.gtin)));
    }
    // Rows that change GTIN leave their old (gtin, store) slot before another row takes it.
    const leaving = [...plan.deleteSkus, ...plan.upserts.filter((r) => existing.has(r.sku) && existing.get(r.sku)!.gtin !== r.gtin).map((r) => r.sku)];
    if (leaving.length) yield* tx.deleteStock(storeId, leaving.sort(byKey));
    if (plan.upserts.length) yield* tx.upsertStock([...plan.upserts].sort((a, b) => byKey(a.sku, b.sku)));
    return plan;
  });
}

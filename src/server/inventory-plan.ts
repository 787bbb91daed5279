/**
 * What an inventory upload will do to a shop's stock, decided in one pure
 * function: a feed with any bad row is rejected whole. inventory/apply.ts reads
 * what it needs and writes the plan in one transaction, the same on every
 * storage backend.
 */
import type { AvailabilityState, InventoryItem, PickupMethod, PickupSla } from 'citylab-sdk/contract';

export type InventoryMode = 'replace' | 'merge';

/** One stock row as stored. `availability`/`pickup_method` null = derive at read time. */
export interface StockRow {
  store_id: string;
  sku: string;
  gtin: string;
  quantity: number | null;
  availability: AvailabilityState | null;
  price: string;
  currency: string;
  pickup_method: PickupMethod | null;
  pickup_sla: PickupSla | null;
  updated_at: string;
  /** Units held for reservations (part of `quantity` until collected). Absent in uploads. */
  held?: number;
  /** The shop's own title for this article (its offers and mails show it); null: the town's product name. */
  title?: string | null;
  /** The town's name of the product (read with the shop's list only). */
  product_name?: string;
}

/** What the plan needs of a row the shop has now. */
export interface ShopStockEntry {
  gtin: string;
  /** Units held for open reservations. */
  held: number;
  /** The shop's own title of the row (null: none). */
  title?: string | null;
}

export interface NewProduct {
  gtin: string;
  name: string;
  brand?: string;
}

export interface ItemError {
  /** Index into the uploaded items; -1 for a row of the shop's the upload leaves out. */
  index: number;
  field: string;
  reason: string;
}

export interface InventoryPlan {
  errors: ItemError[];
  upserts: StockRow[];
  deleteSkus: string[];
  newProducts: NewProduct[];
  counts: { created: number; updated: number; removed: number; products_created: number };
}

export interface PlanInput {
  storeId: string;
  mode: InventoryMode;
  items: readonly InventoryItem[];
  /** The shop's current rows (sku → gtin and units held). */
  existing: ReadonlyMap<string, ShopStockEntry>;
  /** Which of the items' GTINs the town already knows. */
  knownGtins: ReadonlySet<string>;
  now: string;
}

export function planInventory({ storeId, mode, items, existing, knownGtins, now }: PlanInput): InventoryPlan {
  const errors: ItemError[] = [];
  const seenSku = new Map<string, number>();
  const seenGtin = new Map<string, number>();
  const newProducts = new Map<string, NewProduct>();
  const upserts: StockRow[] = [];
  // In merge mode the rows not in the upload stay, so their GTINs stay taken.
  const gtinOwner = new Map<string, string>();
  if (mode === 'merge') for (const [sku, { gtin }] of existing) gtinOwner.set(gtin, sku);

  items.forEach((item, index) => {
    const dupSku = seenSku.get(item.sku);
    if (dupSku !== undefined) {
      errors.push({ index, field: 'sku', reason: `article number "${item.sku}" appears twice (also item ${dupSku + 1})` });
      return;
    }
    seenSku.set(item.sku, index);
    const dupGtin = seenGtin.get(item.gtin);
    if (dupGtin !== undefined) {
      errors.push({ index, field: 'gtin', reason: `GTIN ${item.gtin} appears twice (also item ${dupGtin + 1})` });
      return;
    }
    seenGtin.set(item.gtin, index);
    // Held units belong to the row's GTIN: a new GTIN would start with nothing held, and the
    // held units could be sold again. The row waits until its reservations are settled.
    const prior = existing.get(item.sku);
    if (prior && prior.gtin !== item.gtin && prior.held > 0) {
      errors.push({ index, field: 'gtin', reason: heldReason(item.sku, prior, `its GTIN cannot change from ${prior.gtin}`) });
      return;
    }
    const owner = gtinOwner.get(item.gtin);
    if (owner !== undefined && owner !== item.sku && !seenSku.has(owner)) {
      errors.push({ index, field: 'gtin', reason: `GTIN ${item.gtin} is already listed under article number "${owner}"` });
      return;
    }
    if (!knownGtins.has(item.gtin) && !newProducts.has(item.gtin)) {
      if (!item.title) {
        errors.push({ index, field: 'title', reason: `product ${item.gtin} is new in this town: give its title (and brand)` });
        return;
      }
      newProducts.set(item.gtin, { gtin: item.gtin, name: item.title, ...(item.brand ? { brand: item.brand } : {}) });
    }
    upserts.push({
      store_id: storeId,
      sku: item.sku,
      gtin: item.gtin,
      quantity: item.quantity ?? null,
      availability: item.availability ?? null,
      price: normaliseAmount(item.price.amount),
      currency: item.price.currency,
      pickup_method: item.pickup_method ?? null,
      pickup_sla: item.pickup_sla ?? null,
      updated_at: now,
      title: item.title ?? null,
    });
  });

  const deleteSkus = mode === 'replace' ? [...existing.keys()].filter((sku) => !seenSku.has(sku)) : [];
  // A replace never forgets held units: an article with open reservations stays listed
  // (with quantity 0 if none is left to sell) until they are collected or cancelled.
  for (const sku of deleteSkus) {
    const prior = existing.get(sku)!;
    if (prior.held > 0) errors.push({ index: -1, field: 'sku', reason: heldReason(sku, prior, 'it must stay in the list') });
  }
  let created = 0;
  for (const row of upserts) if (!existing.has(row.sku)) created++;
  return {
    errors,
    upserts: errors.length ? [] : upserts,
    deleteSkus: errors.length ? [] : deleteSkus,
    newProducts: errors.length ? [] : [...newProducts.values()],
    counts: {
      created,
      updated: upserts.length - created,
      removed: deleteSkus.length,
      products_created: newProducts.size,
    },
  };
}

function heldReason(sku: string, prior: ShopStockEntry, what: string): string {
  const units = prior.held === 1 ? '1 unit is' : `${prior.held} units are`;
  return `article number "${sku}": ${units} held for open reservations, so ${what} until they are collected or cancelled`;
}

/** "12.9" → "12.90", so equal prices compare and cache equal. */
function normaliseAmount(amount: string): string {
  const [whole, frac = ''] = amount.split('.');
  return `${whole}.${frac.padEnd(2, '0')}`;
}

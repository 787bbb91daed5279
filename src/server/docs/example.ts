/**
 * Which product (and shop) the docs' live examples show: one this town really has,
 * so an agency sees the element with real data. Without a choice in the address,
 * a product in stock somewhere, preferably one with a 3D model at a shop that takes
 * reservations (every element then shows everything it can); `?gtin=` and `?store=`
 * pick another.
 */
import type { Offer, Store } from 'citylab-sdk/contract';
import { toOffer } from '../availability.js';
import type { StockRow, Storage } from '../storage/types.js';

export interface Example {
  /** Absent when the shop asked for has nothing in stock. */
  gtin?: string | undefined;
  /** The shop, when one carries the product (elements with a `store` attribute show it as theirs). */
  store?: string | undefined;
  productName?: string | undefined;
  storeName?: string | undefined;
}

/** Products looked at before the best so far is taken: a town with 20,000 articles per shop answers at once. */
const MAX_CANDIDATES = 100;

/** Higher is a better example: a 3D model, reservable here, in stock. */
const score = (offer: Offer, hasModel: boolean) => (hasModel ? 4 : 0) + (offer.reservable ? 2 : 0) + (offer.availability === 'out_of_stock' ? 0 : 1);
const BEST = 7;

export function examplePicker(storage: Storage): (wanted: { gtin?: string | undefined; store?: string | undefined }) => Promise<Example | undefined> {
  // The town's default example, until its shops, products or stock change.
  let cached: { token: string; example: Promise<Example | undefined> } | undefined;

  return async (wanted) => {
    if (wanted.gtin) return forProduct(wanted.gtin, wanted.store);
    if (wanted.store) {
      const store = await storage.getStore(wanted.store);
      return (store && (await bestOf([store]))) ?? { store: wanted.store, storeName: store?.name };
    }
    const token = await storage.changeToken();
    if (cached?.token !== token) {
      const example = storage.listStores().then((stores) => bestOf(stores.sort((a, b) => Number(b.click_and_collect.enabled) - Number(a.click_and_collect.enabled))));
      cached = { token, example };
      example.catch(() => (cached = undefined));
    }
    return cached.example;
  };

  async function forProduct(gtin: string, storeId: string | undefined): Promise<Example> {
    const product = await storage.getProduct(gtin);
    const rows = (await storage.stockByGtin(gtin)).filter((r) => !storeId || r.store_id === storeId);
    const stores = await storage.getStores(rows.map((r) => r.store_id));
    let best: { score: number; store: Store } | undefined;
    for (const row of rows) {
      const store = stores.get(row.store_id);
      if (!store) continue;
      const s = score(toOffer(row, store), !!product?.model);
      if (!best || s > best.score) best = { score: s, store };
    }
    const store = best?.store ?? (storeId ? await storage.getStore(storeId) : null);
    return { gtin, store: store?.id ?? storeId, productName: product?.name, storeName: store?.name };
  }

  async function bestOf(stores: readonly Store[]): Promise<Example | undefined> {
    let best: { score: number; row: StockRow; store: Store; name: string } | undefined;
    let looked = 0;
    for (const store of stores) {
      for (const row of await storage.stockOfStore(store.id)) {
        const offer = toOffer(row, store);
        if (offer.availability === 'out_of_stock') continue;
        const product = await storage.getProduct(row.gtin);
        if (!product) continue;
        const s = score(offer, !!product.model);
        if (!best || s > best.score) best = { score: s, row, store, name: product.name };
        if (s === BEST || ++looked >= MAX_CANDIDATES) return done();
      }
    }
    return done();

    function done(): Example | undefined {
      return best && { gtin: best.row.gtin, store: best.store.id, productName: best.name, storeName: best.store.name };
    }
  }
}

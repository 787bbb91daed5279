/**
 * Which shops in town have a product: the question every product page's widget
 * asks, again and again. Offers are kept per product until the storage's change
 * token moves, encoded and with their ETag, so a hot answer costs neither.
 */
import { Availability, AvailabilityQuery, type Offer, type Product } from 'citylab-sdk/contract';
import { serializeAvailability, sortOffers, toOffer, withDistance } from '../availability.js';
import { CACHE_POLICY, derivedEtag, etagOf, matchesIfNoneMatch } from '../http-cache.js';
import { ProblemError } from '../problem.js';
import type { Storage } from '../storage/types.js';
import type { RouteModuleFactory } from './module.js';
import { requireProduct } from './products.js';
import { route } from './table.js';

const OFFER_CACHE_SIZE = 10_000;

interface CachedOffers {
  token: string;
  product: Product;
  offers: Offer[];
  body: Uint8Array;
  etag: string;
}

export interface AvailabilityReader {
  /** A product's offers, kept until the storage's change token moves (encoded, with their ETag). */
  offersOf(gtin: string): Promise<CachedOffers>;
  /** The GTIN a question names: itself, or the one behind a shop's article number. */
  gtinOf(query: { gtin?: string | undefined; store?: string | undefined; sku?: string | undefined }): Promise<string>;
}

/** One reader per storage: `/v1/availability` and the frames (frames.ts) share its cache. */
const readers = new WeakMap<Storage, AvailabilityReader>();

export function availabilityReader(storage: Storage): AvailabilityReader {
  let reader = readers.get(storage);
  if (reader) return reader;
  const offerCache = new Map<string, CachedOffers>();
  reader = {
    async offersOf(gtin) {
      const token = await storage.changeToken();
      let entry = offerCache.get(gtin);
      if (entry && entry.token === token) return entry;
      const product = await requireProduct(storage, gtin);
      const offers: Offer[] = [];
      const rows = await storage.stockByGtin(gtin);
      const stores = await storage.getStores(rows.map((r) => r.store_id));
      for (const row of rows) {
        const store = stores.get(row.store_id);
        // A shop the operator paused is not offered at all.
        if (store && !store.paused) offers.push(toOffer(row, store));
      }
      sortOffers(offers);
      // Kept encoded, with its ETag: a hot answer is written out without encoding or hashing 40 KB again.
      const body = Buffer.from(serializeAvailability({ gtin, product, offers }));
      entry = { token, product, offers, body, etag: etagOf(body) };
      offerCache.delete(gtin);
      if (offerCache.size >= OFFER_CACHE_SIZE) offerCache.delete(offerCache.keys().next().value!);
      offerCache.set(gtin, entry);
      return entry;
    },
    async gtinOf(query) {
      if (query.gtin !== undefined) return query.gtin;
      const row = await storage.stockBySku(query.store!, query.sku!);
      if (!row) throw new ProblemError('product-not-found', `The shop "${query.store}" lists no article "${query.sku}".`);
      return row.gtin;
    },
  };
  readers.set(storage, reader);
  return reader;
}

export const availabilityRoutes: RouteModuleFactory = ({ storage }) => {
  const { offersOf, gtinOf } = availabilityReader(storage);

  return {
    api: [
      route({
        method: 'get',
        path: '/v1/availability',
        operationId: 'getAvailability',
        summary: 'Which shops in town have the product',
        description:
          'Every shop that lists the product. Ask by `gtin`, or by a shop\'s own article number with `store` and `sku`. With `lat` and `lon` (both or neither), each offer gets `distance_m` and the list is sorted by distance; otherwise in-stock first.',
        tag: 'availability',
        access: 'public',
        cache: 'availability',
        query: AvailabilityQuery,
        responses: { 200: { description: 'The offers.', schema: Availability } },
        problems: ['product-not-found'],
        handle: async (c, { query }) => {
          const from = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : undefined;
          const gtin = await gtinOf(query);
          const entry = await offersOf(gtin);
          // A location changes every answer (distances, order): computed per request from the cached offers,
          // and its ETag from the cached one and the location, so a 304 needs no serialising.
          const etag = from ? derivedEtag(entry.etag, `${from.lat},${from.lon}`) : entry.etag;
          const headers = { 'Content-Type': 'application/json', 'Cache-Control': CACHE_POLICY.availability, ETag: etag };
          if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
          if (!from) return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, headers);
          return c.body(serializeAvailability({ gtin, product: entry.product, offers: sortOffers(entry.offers.map((o) => withDistance(o, from))) }), 200, headers);
        },
      }),
    ],
  };
};

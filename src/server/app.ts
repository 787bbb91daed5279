/**
 * The city availability endpoint as a Hono app: public read routes for the
 * elements, shop routes behind a shop key, operator routes behind the admin key.
 * Every error is an RFC 9457 problem; nothing is half-applied.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import * as z from 'zod/mini';
import {
  AvailabilityQuery,
  City,
  Gtin,
  InventoryUpload,
  StoreCreate,
  StoreId,
  StorePatch,
  type InventoryItem,
  type Offer,
  type Product,
  type InventoryResult,
  type StoreCreated,
} from 'citylab-sdk/contract';
import { registerArRoutes } from './ar-routes.js';
import { registerDocsRoutes } from './docs/routes.js';
import { serializeAvailability, sortOffers, toOffer, withDistance } from './availability.js';
import { parseInventoryFeed } from './inventory-feed.js';
import { hashKey, newStoreKey, sameSecret } from './keys.js';
import { createLogger, type Logger } from './log.js';
import { CACHE_POLICY, derivedEtag, etagOf, httpCache, matchesIfNoneMatch } from './http-cache.js';
import { buildOpenApi } from './openapi.js';
import { bodyLimit } from './body-limit.js';
import { ProblemError, type ProblemErrors } from './problem.js';
import { mediaType, parseOrThrow, problemResponse, readJson } from './http.js';
import type { Storage } from './storage/types.js';
import { applyInventory } from './inventory/apply.js';
import { newStore, slugify } from './stores.js';
import { matchPlaces } from './places.js';
import { registerReservationRoutes, type ReservationOptions } from './reservations/routes.js';

export const JSON_BODY_LIMIT = 1024 * 1024;
/** A shop's whole stock list in one PUT: 20,000 articles as CSV are about 1.5 MB. */
export const FEED_BODY_LIMIT = 16 * 1024 * 1024;

export interface AppOptions {
  storage: Storage;
  /** The town operator's key (`CITYLAB_ADMIN_KEY`); without it the operator routes answer 401. */
  adminKey?: string | undefined;
  version: string;
  /** Folder with `citylab.js` and its chunks, served at `/sdk/`. */
  sdkDir?: string | undefined;
  /**
   * Static sites beside the API (the demo town's pages at `/demo/`); the first one's
   * prefix is where `/` leads.
   */
  sites?: readonly { prefix: `/${string}`; dir: string }[] | undefined;
  logger?: Logger;
  now?: () => Date;
  reservations?: ReservationOptions;
  /** True once the process is shutting down: `GET /v1/ready` answers 503 so the load balancer stops sending. */
  draining?: () => boolean;
}

type Auth = { role: 'admin' } | { role: 'store'; storeId: string };

export function createApp(options: AppOptions): Hono {
  const { storage, version } = options;
  const log = options.logger ?? createLogger('silent');
  const now = options.now ?? (() => new Date());
  const app = new Hono({ strict: false });
  const openapi = JSON.stringify(buildOpenApi(version));

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    log.error('unhandled', { route: c.req.routePath, message: err.message });
    return problemResponse(c, new ProblemError(500, 'internal', 'Something went wrong on the endpoint. Please try again.'));
  });
  app.notFound((c) => problemResponse(c, new ProblemError(404, 'route-not-found', `There is no route ${c.req.method} ${c.req.path}.`)));

  // Request log: the route pattern, never the raw URL (queries may hold a location).
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
  });

  const jsonLimit = limit(JSON_BODY_LIMIT);
  const feedLimit = limit(FEED_BODY_LIMIT);
  app.use('/v1/*', async (c, next) => (/\/inventory\/?$/.test(c.req.path) ? feedLimit(c, next) : jsonLimit(c, next)));

  // Any origin may call the API, never with cookies: reads come from shop pages anywhere, and
  // keys travel only in the Authorization header, which a browser never adds by itself.
  app.use(
    '/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Location', 'Retry-After', 'ETag'],
      maxAge: 86400,
    }),
  );

  // Public reads may be kept by browsers and a CDN (ETag, short max-age, 304); see http-cache.ts.
  for (const path of ['/v1/city', '/v1/places', '/v1/stores', '/v1/stores/:id', '/v1/products', '/v1/products/:gtin', '/v1/openapi.json']) {
    app.use(path, httpCache(CACHE_POLICY.data));
  }
  app.use('/v1/availability', httpCache(CACHE_POLICY.availability));

  app.get('/v1/health', (c) => c.json({ status: 'ok', version, time: now().toISOString() }, 200, { 'Cache-Control': 'no-store' }));
  // Readiness: the database answers and the instance is not shutting down (liveness is /v1/health).
  app.get('/v1/ready', async (c) => {
    if (options.draining?.()) throw new ProblemError(503, 'not-ready', 'This instance is shutting down.', undefined, { 'Retry-After': '5' });
    try {
      await storage.ping();
    } catch (err) {
      log.error('not-ready', { storage: storage.kind, message: (err as Error).message });
      throw new ProblemError(503, 'not-ready', 'The database does not answer.', undefined, { 'Retry-After': '5' });
    }
    return c.json({ status: 'ready', storage: storage.kind }, 200, { 'Cache-Control': 'no-store' });
  });
  app.get('/v1/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }));

  app.get('/v1/city', async (c) => {
    const city = await storage.getCity();
    if (!city) throw new ProblemError(404, 'city-not-configured', 'This endpoint has no town configured yet.');
    return c.json(city);
  });

  app.put('/v1/city', async (c) => {
    requireAdmin(c);
    const city = await readJson(c, City, 'The town');
    await storage.setCity(city);
    return c.json(city);
  });

  app.get('/v1/places', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q.length < 2 || q.length > 60) {
      throw new ProblemError(400, 'validation-failed', 'Give a postcode or place of 2 to 60 characters in `q`.', [{ path: 'q', reason: 'between 2 and 60 characters' }]);
    }
    const places = (await storage.getCity())?.places ?? [];
    return c.json({ items: matchPlaces(places, q) });
  });

  app.get('/v1/stores', async (c) => c.json({ items: await storage.listStores() }));

  app.get('/v1/stores/:id', async (c) => c.json(await requireStore(c.req.param('id'))));

  app.post('/v1/stores', async (c) => {
    requireAdmin(c);
    const body = await readJson(c, StoreCreate, 'The shop');
    const city = await storage.getCity();
    const id = body.id ?? slugify(body.name);
    const key = newStoreKey();
    const store = newStore(body, id, { time_zone: city?.time_zone ?? 'Europe/Berlin' }, now().toISOString());
    if (!(await storage.createStore(store, hashKey(key)))) {
      throw new ProblemError(409, 'conflict', `A shop with the id "${id}" exists already. Choose another id.`, [{ path: 'id', reason: 'taken' }]);
    }
    log.info('store-created', { store: id });
    const created: StoreCreated = { store, key };
    return c.json(created, 201, { Location: `/v1/stores/${id}`, 'Cache-Control': 'no-store' });
  });

  app.post('/v1/stores/:id/keys', async (c) => {
    requireAdmin(c);
    const id = (await requireStore(c.req.param('id'))).id;
    const key = newStoreKey();
    await storage.setStoreKeyHash(id, hashKey(key));
    log.info('store-key-rotated', { store: id });
    return c.json({ store_id: id, key }, 201, { 'Cache-Control': 'no-store' });
  });

  app.patch('/v1/stores/:id', async (c) => {
    const id = await authorizeStore(c, c.req.param('id'));
    const patch = await readJson(c, StorePatch, 'The shop profile');
    const store = await storage.updateStore(id, patch, now().toISOString());
    if (!store) throw storeNotFound(id);
    return c.json(store);
  });

  app.get('/v1/stores/:id/inventory', async (c) => {
    const id = await authorizeStore(c, c.req.param('id'));
    const rows = await storage.stockOfStore(id);
    return c.json({
      items: rows.map((r) => ({
        sku: r.sku,
        gtin: r.gtin,
        ...(r.quantity !== null ? { quantity: r.quantity, held: r.held ?? 0 } : {}),
        ...(r.availability ? { availability: r.availability } : {}),
        price: { amount: r.price, currency: r.currency },
        ...(r.pickup_method ? { pickup_method: r.pickup_method } : {}),
        ...(r.pickup_sla ? { pickup_sla: r.pickup_sla } : {}),
        updated_at: r.updated_at,
      })),
    }, 200, { 'Cache-Control': 'private, no-store' });
  });

  const inventoryHandler = (mode: 'replace' | 'merge') => async (c: Context) => {
    const id = await authorizeStore(c, c.req.param('id')!);
    const dryRun = ['1', 'true'].includes(c.req.query('dry_run') ?? '');
    const media = mediaType(c);
    let items: InventoryItem[];
    let where: (index: number) => { line?: number; path?: string };
    if (media === 'application/json') {
      items = (await readJson(c, InventoryUpload, 'The stock list')).items;
      where = (index) => ({ path: `items.${index}` });
    } else if (media === 'text/csv' || media === 'text/tab-separated-values' || media === 'text/plain') {
      const feed = parseInventoryFeed(await c.req.text(), media, id);
      if (feed.errors.length) throw feedProblem(feed.errors);
      items = feed.items;
      where = (index) => ({ line: feed.lines[index]! });
    } else {
      throw new ProblemError(415, 'unsupported-media-type', 'Send the stock list as application/json, text/csv or text/tab-separated-values.');
    }
    const plan = await applyInventory(storage, { storeId: id, mode, items, dryRun, now: now().toISOString() });
    if (plan.errors.length) {
      throw feedProblem(plan.errors.map((e) => {
        const at = where(e.index);
        return at.line !== undefined ? { line: at.line, field: e.field, reason: e.reason } : { path: `${at.path}.${e.field}`, reason: e.reason };
      }));
    }
    if (!dryRun) log.info('inventory-updated', { store: id, mode, items: items.length });
    const result: InventoryResult = { store_id: id, mode, dry_run: dryRun, received: items.length, ...plan.counts };
    return c.json(result);
  };
  app.put('/v1/stores/:id/inventory', inventoryHandler('replace'));
  app.patch('/v1/stores/:id/inventory', inventoryHandler('merge'));

  app.get('/v1/products', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q.length < 2 || q.length > 100) {
      throw new ProblemError(400, 'validation-failed', 'Give a search term of 2 to 100 characters in `q`.', [{ path: 'q', reason: 'between 2 and 100 characters' }]);
    }
    const limitParam = Number(c.req.query('limit') ?? 20);
    const max = Number.isInteger(limitParam) && limitParam >= 1 && limitParam <= 100 ? limitParam : 20;
    return c.json({ items: await storage.searchProducts(q, max) });
  });

  app.get('/v1/products/:gtin', async (c) => {
    const gtin = parseOrThrow(Gtin, c.req.param('gtin'), 'gtin');
    const product = await storage.getProduct(gtin);
    if (!product) throw new ProblemError(404, 'product-not-found', `No product with GTIN ${gtin} is known in this town.`);
    return c.json(product);
  });

  /**
   * Offers per product, kept until the storage's change token moves: a product page's
   * widgets ask the same question again and again, and stock changes far less often.
   */
  const offerCache = new Map<string, { token: string; product: Product; offers: Offer[]; body: Uint8Array; etag: string }>();
  const OFFER_CACHE_SIZE = 10_000;

  app.get('/v1/availability', async (c) => {
    const query = parseOrThrow(AvailabilityQuery, c.req.query(), 'query');
    const from = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : undefined;
    let gtin: string;
    if (query.gtin !== undefined) {
      gtin = query.gtin;
    } else {
      const row = await storage.stockBySku(query.store!, query.sku!);
      if (!row) throw new ProblemError(404, 'product-not-found', `The shop "${query.store}" lists no article "${query.sku}".`);
      gtin = row.gtin;
    }
    const token = await storage.changeToken();
    let entry = offerCache.get(gtin);
    if (!entry || entry.token !== token) {
      const product = await storage.getProduct(gtin);
      if (!product) throw new ProblemError(404, 'product-not-found', `No product with GTIN ${gtin} is known in this town.`);
      const offers: Offer[] = [];
      const rows = await storage.stockByGtin(gtin);
      const stores = await storage.getStores(rows.map((r) => r.store_id));
      for (const row of rows) {
        const store = stores.get(row.store_id);
        if (store) offers.push(toOffer(row, store));
      }
      sortOffers(offers);
      // Kept encoded, with its ETag: a hot answer is written out without encoding or hashing 40 KB again.
      const body = Buffer.from(serializeAvailability({ gtin, product, offers }));
      entry = { token, product, offers, body, etag: etagOf(body) };
      offerCache.delete(gtin);
      if (offerCache.size >= OFFER_CACHE_SIZE) offerCache.delete(offerCache.keys().next().value!);
      offerCache.set(gtin, entry);
    }
    // A location changes every answer (distances, order): computed per request from the cached offers,
    // and its ETag from the cached one and the location, so a 304 needs no serialising.
    const etag = from ? derivedEtag(entry.etag, `${from.lat},${from.lon}`) : entry.etag;
    const headers = { 'Content-Type': 'application/json', 'Cache-Control': CACHE_POLICY.availability, ETag: etag };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    if (!from) return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, headers);
    return c.body(serializeAvailability({ gtin, product: entry.product, offers: sortOffers(entry.offers.map((o) => withDistance(o, from))) }), 200, headers);
  });

  // ── feature routes: each feature module adds its own routes here ──
  registerReservationRoutes(app, { storage, now, log, options: options.reservations ?? {}, authorizeStore });
  registerArRoutes(app, { storage, adminKey: options.adminKey, sdkDir: options.sdkDir });
  registerDocsRoutes(app, { storage, publicUrl: options.reservations?.publicUrl });

  // The script-tag bundle and its lazy chunks: flat files only.
  if (options.sdkDir && existsSync(options.sdkDir)) {
    const sdk = serveStatic({ root: options.sdkDir, rewriteRequestPath: (p) => p.replace(/^\/sdk/, '') });
    // citylab.js keeps its name (short-lived); the chunks beside it are named by their content hash (a year).
    const sdkCache = httpCache((c) => (/-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/.test(c.req.path) ? CACHE_POLICY.immutable : CACHE_POLICY.sdkEntry));
    app.get('/sdk/:file{[A-Za-z0-9._-]+\\.(?:js|js\\.map)}', sdkCache, (c, next) => {
      c.header('Access-Control-Allow-Origin', '*');
      return sdk(c, next);
    });
  }
  for (const [index, { prefix, dir }] of (options.sites ?? []).entries()) {
    if (!existsSync(dir)) continue;
    if (index === 0) app.get('/', (c) => c.redirect(`${prefix}/`));
    app.get(prefix, (c, next) => (new URL(c.req.url).pathname === prefix ? c.redirect(`${prefix}/`) : next()));
    app.use(`${prefix}/*`, httpCache(CACHE_POLICY.files), serveStatic({ root: dir, rewriteRequestPath: (p) => p.slice(prefix.length) }));
  }

  return app;

  // ------------------------------------------------------------ helpers

  function limit(maxSize: number): MiddlewareHandler {
    return bodyLimit(maxSize, (c) =>
      problemResponse(c, new ProblemError(413, 'payload-too-large', `The request body is larger than ${Math.round(maxSize / 1024 / 1024)} MB.`)),
    );
  }

  function bearer(c: Context): string | undefined {
    const header = c.req.header('Authorization');
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return m?.[1];
  }

  function isAdmin(key: string | undefined): boolean {
    return !!key && !!options.adminKey && sameSecret(key, options.adminKey);
  }

  function requireAdmin(c: Context): void {
    const key = bearer(c);
    if (!key) throw unauthorized('This route needs the town operator\'s key.');
    if (!isAdmin(key)) {
      // A shop key is valid but not enough; anything else is simply wrong.
      throw key.startsWith('cl_sk_')
        ? new ProblemError(403, 'forbidden', 'Only the town operator may do this.')
        : unauthorized('The key is not valid.');
    }
  }

  /** Lets the operator act for any shop and a shop only for itself. Returns the shop id. */
  async function authorizeStore(c: Context, id: string): Promise<string> {
    const key = bearer(c);
    if (!key) throw unauthorized('This route needs the shop\'s key.');
    let auth: Auth;
    if (isAdmin(key)) auth = { role: 'admin' };
    else {
      const storeId = await storage.storeIdForKeyHash(hashKey(key));
      if (!storeId) throw unauthorized('The key is not valid. Ask the town operator for a new one.');
      auth = { role: 'store', storeId };
    }
    if (auth.role === 'store' && auth.storeId !== id) {
      throw new ProblemError(403, 'forbidden', 'This key belongs to another shop.');
    }
    return (await requireStore(id)).id;
  }

  async function requireStore(id: string) {
    const store = StoreId.safeParse(id).success ? await storage.getStore(id) : null;
    if (!store) throw storeNotFound(id);
    return store;
  }
}

// ---------------------------------------------------------------- module helpers

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="citylab"' });
}

function storeNotFound(id: string): ProblemError {
  return new ProblemError(404, 'store-not-found', `There is no shop "${id}" in this town.`);
}

function feedProblem(errors: ProblemErrors): ProblemError {
  const lines = errors.filter((e) => e.line !== undefined).map((e) => e.line);
  const where = lines.length ? ` on line${lines.length > 1 ? 's' : ''} ${[...new Set(lines)].slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''}` : '';
  return new ProblemError(
    422,
    'invalid-feed',
    `The stock list was not applied: ${errors.length} problem${errors.length > 1 ? 's' : ''}${where}. Nothing was changed.`,
    errors,
  );
}


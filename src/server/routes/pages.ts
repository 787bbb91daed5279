/**
 * The endpoint's own HTML pages and the files they load: the shopper's
 * reservation page (`/r/{id}`, from the confirmation e-mail), the AR page a
 * phone opens from the viewer's QR code (`/ar/{gtin}`), and `/pages/{file}`.
 */
import { Hono } from 'hono';
import { Gtin } from 'citylab-sdk/contract';
import { CACHE_POLICY, matchesIfNoneMatch } from '../http-cache.js';
import { arPage, pickLang, safeBackLink } from '../pages/ar-page.js';
import { PAGE_ASSETS } from '../pages/assets.js';
import { RESERVATION_PAGE, RESERVATION_PAGE_HEADERS } from '../pages/reservation-page.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import type { AppEnv } from './table.js';

export const pageRoutes: RouteModuleFactory = ({ storage, options }) => {
  /** The origins "back" may lead to: the shops' websites and this endpoint. */
  const knownOrigins = async (): Promise<Set<string>> => {
    const origins = new Set([new URL(options.publicUrl).origin]);
    for (const store of await storage.listStores()) if (store.website) origins.add(new URL(store.website).origin);
    return origins;
  };

  const web = new Hono<AppEnv>();

  web.get('/r/:id', (c) => c.html(RESERVATION_PAGE, 200, RESERVATION_PAGE_HEADERS));

  web.get('/ar/:gtin', async (c) => {
    const gtin = Gtin.safeParse(c.req.param('gtin'));
    const product = gtin.success ? await storage.getProduct(gtin.data) : null;
    const page = arPage(product, pickLang(c.req.header('Accept-Language')), safeBackLink(c.req.query('back'), await knownOrigins()));
    return c.html(page.html, page.status, page.headers);
  });

  web.get('/pages/:file', (c) => {
    const file = PAGE_ASSETS.get(c.req.param('file'));
    if (!file) throw new ProblemError('not-found', `There is no page file "${c.req.param('file')}".`);
    const headers = { 'Content-Type': file.type, 'Cache-Control': CACHE_POLICY.files, ETag: file.etag, 'X-Content-Type-Options': 'nosniff' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });

  return { web };
};

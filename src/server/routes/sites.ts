/** Static sites beside the API (the demo town's pages at `/demo/`); `/` leads to the first. */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import type { MiddlewareHandler } from 'hono';
import { CACHE_POLICY, httpCache } from '../http-cache.js';
import { ELEMENTS_PAGE, contentSecurityPolicy, pageHeaders } from '../pages/html.js';
import type { RouteModuleFactory } from './module.js';
import type { AppEnv } from './table.js';

export const siteRoutes: RouteModuleFactory = ({ options: { sites = [] } }) => {
  const web = new Hono<AppEnv>();
  for (const [index, { prefix, dir }] of sites.entries()) {
    if (!existsSync(dir)) continue;
    if (index === 0) web.get('/', (c) => c.redirect(`${prefix}/`));
    web.get(prefix, (c, next) => (new URL(c.req.url).pathname === prefix ? c.redirect(`${prefix}/`) : next()));
    web.use(`${prefix}/*`, httpCache(CACHE_POLICY.files), htmlPageHeaders, serveStatic({ root: dir, rewriteRequestPath: (p) => p.slice(prefix.length) }));
  }
  return { web };
};

/**
 * The sites' pages run the SDK's elements: the endpoint's page headers, with no inline script.
 * Inline styles are still allowed here only: the demo town's pages carry each shop's look in a
 * <style> of their own, and its outbox page writes style attributes (demo/scripts/build.ts).
 */
const SITE_PAGE_HEADERS = pageHeaders(contentSecurityPolicy(ELEMENTS_PAGE, { 'style-src': ["'unsafe-inline'"] }), CACHE_POLICY.files);

/**
 * HTML pages get the page headers. Every other file (3D models, posters, USDZ, images) is
 * public and cookie-free: any origin may load it, as a shop's own page does for the viewer.
 */
const htmlPageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok && c.res.status !== 304) return;
  if (!/^text\/html/i.test(c.res.headers.get('Content-Type') ?? '')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    return;
  }
  for (const [name, value] of Object.entries(SITE_PAGE_HEADERS)) {
    if (name !== 'Cache-Control' && name !== 'Content-Type') c.res.headers.set(name, value);
  }
};

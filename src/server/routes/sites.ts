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

/** The sites' pages run the SDK's elements: the endpoint's page headers, with no inline script. */
const SITE_PAGE_HEADERS = pageHeaders(contentSecurityPolicy(ELEMENTS_PAGE), CACHE_POLICY.files);

const htmlPageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!/^text\/html/i.test(c.res.headers.get('Content-Type') ?? '')) return;
  for (const [name, value] of Object.entries(SITE_PAGE_HEADERS)) {
    if (name !== 'Cache-Control' && name !== 'Content-Type') c.res.headers.set(name, value);
  }
};

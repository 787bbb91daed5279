/** Static sites beside the API (the demo town's pages at `/demo/`); `/` leads to the first. */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { CACHE_POLICY, httpCache } from '../http-cache.js';
import type { RouteModuleFactory } from './module.js';
import type { AppEnv } from './table.js';

export const siteRoutes: RouteModuleFactory = ({ options: { sites = [] } }) => {
  const web = new Hono<AppEnv>();
  for (const [index, { prefix, dir }] of sites.entries()) {
    if (!existsSync(dir)) continue;
    if (index === 0) web.get('/', (c) => c.redirect(`${prefix}/`));
    web.get(prefix, (c, next) => (new URL(c.req.url).pathname === prefix ? c.redirect(`${prefix}/`) : next()));
    web.use(`${prefix}/*`, httpCache(CACHE_POLICY.files), serveStatic({ root: dir, rewriteRequestPath: (p) => p.slice(prefix.length) }));
  }
  return { web };
};

/**
 * The dashboard served by the endpoint at `/dashboard/`: one HTML page with the
 * strict headers every page of the endpoint sends (scripts and styles from the
 * endpoint only, no inline script, no framing, no referrer), its stylesheet,
 * and the built Lit app (`dist/dashboard/` of citylab-server, made by rollup
 * from src/dashboard). The page and the files are the same for every shop;
 * what a shop sees comes from the API with its session.
 */
import { Hono } from 'hono';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { etagOf, matchesIfNoneMatch } from '../http-cache.js';
import { contentSecurityPolicy, pageHeaders } from '../pages/html.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from '../routes/module.js';
import type { AppEnv } from '../routes/table.js';

const require = createRequire(import.meta.url);
/** Where the build puts the app: inside citylab-server's dist, so the installed package has it. */
export const DASHBOARD_DIR = join(dirname(require.resolve('citylab-server/package.json')), 'dist', 'dashboard');

const STYLE = `html{-webkit-text-size-adjust:100%}body{margin:0;background:#fff;color:#1d1d1f;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}
noscript p{max-width:36rem;margin:2rem auto;padding:0 1rem}
`;

const PAGE = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>CityLab – Ihr Geschäft</title>
<link rel="stylesheet" href="/dashboard/dashboard.css">
<script type="module" src="/dashboard/dashboard.js"></script>
</head>
<body>
<dashboard-app></dashboard-app>
<noscript><p>Das Dashboard braucht JavaScript. / The dashboard needs JavaScript.</p></noscript>
</body>
</html>
`;

/** Reservations, stock and the session come from this origin's API; the camera needs no source of its own. */
export const DASHBOARD_HEADERS = pageHeaders(contentSecurityPolicy({ 'img-src': ['blob:', 'data:'] }), 'no-cache');

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

interface File {
  type: string;
  body: string;
  etag: string;
}

export const dashboardPage: RouteModuleFactory = ({ options: { sdkDir } }) => {
  const web = new Hono<AppEnv>();
  const files = new Map<string, File>([['dashboard.css', { type: TYPES['.css']!, body: STYLE, etag: etagOf(STYLE) }]]);
  // The SDK's version and integrity hashes, for the snippet the shop copies (the build writes them beside citylab.js).
  const sri = sdkDir && existsSync(join(sdkDir, 'sri.json')) ? readFileSync(join(sdkDir, 'sri.json'), 'utf8') : undefined;
  if (sri) files.set('sri.json', { type: 'application/json', body: sri, etag: etagOf(sri) });
  // Only the files the build made: a name is looked up in this list, never joined into a path unchecked.
  if (existsSync(DASHBOARD_DIR)) {
    for (const name of readdirSync(DASHBOARD_DIR)) {
      if (!name.endsWith('.js')) continue;
      const body = readFileSync(join(DASHBOARD_DIR, name), 'utf8');
      files.set(name, { type: TYPES['.js']!, body, etag: etagOf(body) });
    }
  }

  // The app matches with and without a trailing slash: only the page's own address serves it, so relative links hold.
  web.get('/dashboard', (c) => (new URL(c.req.url).pathname.endsWith('/') ? c.html(PAGE, 200, DASHBOARD_HEADERS) : c.redirect('/dashboard/', 301)));
  web.get('/dashboard/:file', (c) => {
    const file = files.get(c.req.param('file'));
    if (!file) throw new ProblemError('not-found', `There is no dashboard file "${c.req.param('file')}".`);
    // The names stay the same from release to release: the browser asks again each time (a 304 when unchanged).
    const headers = { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag, 'X-Content-Type-Options': 'nosniff' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });
  return { web };
};

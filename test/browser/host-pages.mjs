/**
 * A shop's page, as the browser tests need it: served by web-test-runner's own server (so of
 * another origin than the endpoint, as on a real shop) at `/host-page.html`, embedded by a
 * test in an iframe, and built from the query:
 *
 * - `sdk`   the URLs of citylab.js, one per script tag (repeat it to load two copies);
 *           default `${endpoint}/sdk/citylab.js`
 * - `css`   the URL of citylab.css (the snippet's stylesheet); `none` leaves it out
 * - `csp`   `strict`: the page sends a strict Content-Security-Policy header with a fresh nonce
 *           on its own scripts (nonce-based script-src with 'strict-dynamic', no 'unsafe-inline',
 *           no 'unsafe-eval', 'wasm-unsafe-eval'; style-src without 'unsafe-inline'; Trusted
 *           Types required for scripts): the directives the README lists for a shop, and nothing more
 * - `hosts` further origins the CSP allows to be fetched from (a model host), comma-separated
 * - `endpoint` `<meta name="citylab:endpoint">`, when the elements must talk elsewhere
 * - `gtin`, `store`, `lang` what the three elements show (`viewer`: another GTIN for the viewer); `photo`: a shop's own photo inside the viewer
 * - `ssr`   `1`: the three elements come rendered by a server (Lit SSR, declarative shadow roots:
 *           server-render.ts), as on an agency's Next.js or Astro site; `answer`: that server
 *           asked the endpoint first and rendered its answer (the elements' `availability`)
 *
 * Before anything of ours runs, a script of the page records what a shop would see:
 * `window.__host` = { keys (Object.keys(window) before), violations (securitypolicyviolation),
 * errors (window error events), rejections (unhandled), warnings (console.warn), shifts
 * (layout-shift entries, with the nodes they moved) }.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

/** The elements' markup rendered by Lit SSR, in a process of its own (server-render.ts). */
const serverRendered = new Map();
function renderOnServer(params) {
  const key = JSON.stringify(params);
  if (!serverRendered.has(key)) {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', new URL('./server-render.ts', import.meta.url).pathname, key], { maxBuffer: 4 << 20 });
    serverRendered.set(key, run.then((r) => r.stdout));
    run.catch(() => serverRendered.delete(key));
  }
  return serverRendered.get(key);
}

/** The README's directive list for a shop with a strict policy, for `endpoint` (and `extra` hosts). */
export function strictCsp(nonce, endpoint, extra = []) {
  const hosts = [endpoint, ...extra].join(' ');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    `style-src 'nonce-${nonce}' ${endpoint}`,
    `img-src 'self' ${hosts} data: blob:`,
    `connect-src ${hosts}`,
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

const attr = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const RECORDER = `
window.__host = { keys: Object.keys(window), violations: [], errors: [], rejections: [], warnings: [], shifts: [] };
addEventListener('securitypolicyviolation', (e) => __host.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));
addEventListener('error', (e) => __host.errors.push(String(e.message || e.type)));
addEventListener('unhandledrejection', (e) => __host.rejections.push(String((e.reason && e.reason.message) || e.reason)));
const warn = console.warn;
console.warn = (...args) => { __host.warnings.push(args.map(String).join(' ')); warn.apply(console, args); };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (!e.hadRecentInput) __host.shifts.push({ value: e.value, nodes: (e.sources || []).map((s) => s.node ? (s.node.localName || s.node.nodeName) : '?') });
  }
}).observe({ type: 'layout-shift', buffered: true });
`;

export function hostPagesMiddleware(state) {
  return async (ctx, next) => {
    if (ctx.path !== '/host-page.html') return next();
    const q = ctx.query;
    const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const endpoint = state.endpoint;
    const nonce = randomBytes(16).toString('base64');
    const sdk = list(q.sdk).length ? list(q.sdk) : [`${endpoint}/sdk/citylab.js`];
    const css = q.css === 'none' ? undefined : (q.css ?? `${endpoint}/sdk/citylab.css`);
    const lang = q.lang ?? 'de';
    const gtin = q.gtin ?? '';
    const store = q.store ?? '';
    const photo = q.photo ? `<img src="${attr(q.photo)}" alt="Foto des Produkts" width="600" height="600">` : '';
    if (q.csp === 'strict') {
      const extra = list(q.hosts).flatMap((h) => h.split(',')).filter(Boolean);
      const origins = new Set([new URL(endpoint).origin, ...sdk.map((u) => new URL(u, endpoint).origin), ...(css ? [new URL(css, endpoint).origin] : [])]);
      ctx.set('Content-Security-Policy', strictCsp(nonce, [...origins].join(' '), extra));
    }
    const answer = q.ssr === 'answer' ? await (await fetch(`${endpoint}/v1/availability?gtin=${encodeURIComponent(gtin)}`)).json() : undefined;
    const elements = q.ssr === '1' || q.ssr === 'answer'
      ? await renderOnServer({ viewer: q.viewer ?? gtin, gtin, store, lang, photo, answer })
      : `<citylab-ar-viewer gtin="${attr(q.viewer ?? gtin)}">${photo}</citylab-ar-viewer>
<citylab-click-collect gtin="${attr(gtin)}" store="${attr(store)}"></citylab-click-collect>
<citylab-store-finder gtin="${attr(gtin)}" store="${attr(store)}"></citylab-store-finder>`;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = `<!doctype html>
<html lang="${attr(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ein Geschäft</title>
<script nonce="${nonce}">${RECORDER}</script>
${q.endpoint ? `<meta name="citylab:endpoint" content="${attr(q.endpoint)}">` : ''}
${css ? `<link rel="stylesheet" href="${attr(css)}">` : ''}
${sdk.map((src) => `<script type="module" src="${attr(src)}" nonce="${nonce}"></script>`).join('\n')}
<style nonce="${nonce}">body { margin: 0; padding: 0 8px; font: 16px/1.5 system-ui, sans-serif; } h1 { font-size: 1.4rem; margin: .5rem 0; }</style>
</head><body>
<h1>Tischleuchte Mohn</h1>
${elements}
<p id="text">Die Leuchte aus gebürstetem Messing gibt ein warmes, blendfreies Licht. Der Schirm aus Opalglas streut es gleichmäßig; die Höhe lässt sich in drei Stufen einstellen.</p>
</body></html>`;
  };
}

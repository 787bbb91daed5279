/**
 * What every HTML page of the endpoint sends besides its markup: a Content
 * Security Policy that allows scripts only from the endpoint itself (no inline
 * script anywhere, so no `'unsafe-inline'`), no framing, no sniffing, no referrer.
 */

/** Directives beyond the base every page has; a page adds what it needs. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

const BASE_POLICY: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // A page that takes a tap ("cancel", "view in your room") must not be clickjacked inside someone's frame.
  'frame-ancestors': ["'none'"],
};

/**
 * What a page running the SDK's elements needs beyond the base (the docs, the demo town):
 * WebAssembly and blob workers for the 3D decoders, and a product's images, 3D model and the
 * town's map tiles from other hosts (HTTPS). No inline script, and no inline style: the
 * elements style themselves with constructed style sheets (docs.test.ts, strict-csp.test.ts).
 */
export const ELEMENTS_PAGE: CspDirectives = {
  'script-src': ["'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ['data:', 'blob:', 'https:'],
  'connect-src': ['https:', 'data:', 'blob:'],
  'font-src': ["'self'"],
};

/** The base policy with each page's additions; an addition replaces a base `'none'`. */
export function contentSecurityPolicy(...additions: CspDirectives[]): string {
  const directives = new Map<string, string[]>(Object.entries(BASE_POLICY).map(([k, v]) => [k, [...v]]));
  for (const [name, sources] of additions.flatMap((extra) => Object.entries(extra))) {
    let list = directives.get(name) ?? [];
    if (sources.length && name !== 'default-src' && name !== 'frame-ancestors') list = list.filter((s) => s !== "'none'");
    for (const source of sources) if (!list.includes(source)) list.push(source);
    directives.set(name, list);
  }
  return [...directives].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The headers of every HTML page the endpoint serves, the one place they are written: the
 * policy (never an inline script, never framed), no sniffing, no referrer.
 */
export function pageHeaders(csp: string, cacheControl: string): Record<string, string> {
  if (/script-src[^;]*'unsafe-inline'/.test(csp) || !/frame-ancestors 'none'/.test(csp)) {
    throw new Error(`a page policy must not allow inline scripts nor framing: ${csp}`);
  }
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    // For browsers older than frame-ancestors.
    'X-Frame-Options': 'DENY',
    // The page's own address (a reservation id, the shop page a shopper came from) is nobody else's business.
    'Referrer-Policy': 'no-referrer',
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

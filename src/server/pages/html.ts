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

/** The base policy with each page's additions. */
export function contentSecurityPolicy(...additions: CspDirectives[]): string {
  const directives = new Map<string, string[]>(Object.entries(BASE_POLICY).map(([k, v]) => [k, [...v]]));
  for (const [name, sources] of additions.flatMap((extra) => Object.entries(extra))) {
    const list = directives.get(name) ?? [];
    for (const source of sources) if (!list.includes(source)) list.push(source);
    directives.set(name, list);
  }
  return [...directives].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export function pageHeaders(csp: string, cacheControl: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    // The page's own address (a reservation id, the shop page a shopper came from) is nobody else's business.
    'Referrer-Policy': 'no-referrer',
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * HTTP caching of the public read routes, so that a CDN (and browsers) can
 * absorb the widget traffic: an `ETag` on every answer, `Cache-Control` with a
 * short `max-age` and `stale-while-revalidate`, and 304 Not Modified when the
 * client's `If-None-Match` still matches. Content-hashed SDK chunks are
 * immutable for a year; `citylab.js` itself (whose name never changes) is short-lived.
 *
 * ETags are hashes of the answer's bytes (or, for files, of size and mtime), so
 * every instance behind a load balancer gives the same tag for the same answer.
 * Answers that carry `private` or `no-store` (a shop's or a shopper's own data)
 * are left alone.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export const CACHE_POLICY = {
  /** Stock moves: a CDN may keep an answer half a minute, and serve it a minute longer while it fetches a new one. */
  availability: 'public, max-age=30, stale-while-revalidate=60',
  /** The town, its shops and products change seldom. */
  data: 'public, max-age=60, stale-while-revalidate=600',
  /** `citylab.js` keeps its name across releases: a few minutes. */
  sdkEntry: 'public, max-age=300, stale-while-revalidate=86400',
  /** Chunks named by their content hash never change. */
  immutable: 'public, max-age=31536000, immutable',
  /** Other files (models, the demo): a few minutes. */
  files: 'public, max-age=300, stale-while-revalidate=86400',
} as const;

/** A strong ETag from the bytes of an answer. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** A strong ETag for an answer derived from another one by `variant` (for example a location). */
export function derivedEtag(etag: string, variant: string): string {
  return `"${createHash('sha1').update(etag).update('\0').update(variant).digest('base64url')}"`;
}

/** True when `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for this header) or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const tag = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const c = candidate.trim();
    return c === '*' || c.replace(/^W\//, '') === tag;
  });
}

/** The 304 for a 200 answer: the same validators and caching headers, no body. */
export function notModified(response: Response): Response {
  void response.body?.cancel().catch(() => undefined);
  const headers = new Headers(response.headers);
  for (const name of ['Content-Length', 'Content-Type', 'Content-Encoding', 'Content-Range', 'Accept-Ranges']) headers.delete(name);
  return new Response(null, { status: 304, headers });
}

/**
 * Makes a GET route's 200 answers cacheable: `Cache-Control` (unless the route set one),
 * an `ETag` (unless the route set one: the hot availability route computes it once per
 * cached answer), and 304 for a matching `If-None-Match`.
 */
export function httpCache(policy: string | ((c: Context) => string)): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    const res = c.res;
    const cacheControl = res.headers.get('Cache-Control');
    if (cacheControl && /private|no-store/i.test(cacheControl)) return;
    if (!cacheControl) res.headers.set('Cache-Control', typeof policy === 'string' ? policy : policy(c));
    let etag = res.headers.get('ETag');
    if (!etag) {
      const lastModified = res.headers.get('Last-Modified');
      const length = res.headers.get('Content-Length');
      // A file streamed from disk: size and modification time (weak: one-second resolution).
      etag = lastModified && length !== null && !res.headers.has('Content-Range')
        ? `W/"${Number(length).toString(36)}-${(Date.parse(lastModified) / 1000).toString(36)}"`
        : etagOf(new Uint8Array(await res.clone().arrayBuffer()));
      res.headers.set('ETag', etag);
    }
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) {
      // Cleared first: Hono would otherwise copy the 200's headers (Content-Length) onto the 304.
      c.res = undefined as unknown as Response;
      c.res = notModified(res);
    }
  };
}

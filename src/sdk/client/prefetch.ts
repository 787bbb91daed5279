/**
 * The first answers a page shows, asked for before the elements' code has arrived.
 *
 * citylab.js knows the elements on a static page as soon as it runs, long before each element's
 * chunk and the shared chunk (Lit, the client) are downloaded and parsed on a slow phone. It asks
 * the endpoint then (../prefetch-page.ts), and the client takes that answer instead of asking
 * again: the endpoint's round trip overlaps the code's download instead of following it.
 *
 * Both sides meet here: the request is made with the same settings (`READ`) and kept under a
 * registered symbol by its URL, taken once. The script-tag build gives citylab.js its own copy
 * of this module (rollup.config.mjs, `entryCopies`), so the entry never imports the shared chunk.
 */

/** How every read is asked: JSON, no cookies, and past any HTTP cache (the elements show live stock). */
export const READ: RequestInit = {
  headers: { Accept: 'application/json' },
  credentials: 'omit',
  // The endpoint's answers may be cached (max-age) for CDNs; the widgets show live stock, so the
  // browser asks again each time, with If-None-Match: a 304 from the CDN or the endpoint is cheap.
  cache: 'no-cache',
};

const REGISTRY = Symbol.for('citylab.prefetch');
type Registry = Map<string, Promise<Response>>;
const registry = (): Registry => ((globalThis as { [REGISTRY]?: Registry })[REGISTRY] ??= new Map());

/**
 * Asks for `url` now and keeps the whole answer (read to its end, so a late taker waits for
 * nothing more) until the client takes it. Asked once per URL.
 */
export function prefetch(url: string): void {
  const pending = registry();
  if (pending.has(url)) return;
  const answer = fetch(url, READ).then(async (r) => new Response(await r.blob(), { status: r.status, statusText: r.statusText, headers: r.headers }));
  // Nobody may take it (the element changed its mind): an unread failure is no error of the page.
  answer.catch(() => undefined);
  pending.set(url, answer);
}

/** The answer citylab.js already asked for, once; undefined when it did not. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const pending = registry();
  const answer = pending.get(url);
  pending.delete(url);
  return answer;
}

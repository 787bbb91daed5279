/**
 * The first answers a page shows, asked for before the elements' code has arrived.
 *
 * citylab.js knows the elements on a static page as soon as it runs, long before each element's
 * chunk and the shared chunk (Lit, the client) are downloaded and parsed on a slow phone. It asks
 * the endpoint then (../prefetch-page.ts), and the client takes that answer instead of asking
 * again: the endpoint's round trip overlaps the code's download instead of following it.
 *
 * Both sides meet here: the request is made with the same settings (`READ`) and kept under a
 * registered symbol by its URL, for the first paint only. The script-tag build gives citylab.js its own copy
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

/** Longer than the client's own limit (4 s from when the element asks): the element's code may take a while to arrive. */
const PREFETCH_LIMIT_MS = 10_000;
/** How long after its arrival an early answer is the page's first answer (the last element's code is there by then). */
const FRESH_MS = 5_000;

const REGISTRY = Symbol.for('citylab.prefetch');
type Registry = Map<string, Promise<Response>>;
const registry = (): Registry => ((globalThis as { [REGISTRY]?: Registry })[REGISTRY] ??= new Map());

/**
 * Asks for `url` now and keeps the whole answer (read to its end, so a late taker waits for
 * nothing more) for the page's first paint: every element asking that URL within `FRESH_MS` of
 * its arrival gets the same answer (the three elements of a product page show the same stock,
 * however far apart their code arrives); later questions go to the endpoint. Asked once per URL.
 */
export function prefetch(url: string): void {
  const pending = registry();
  if (pending.has(url)) return;
  // A hanging endpoint must not hold a connection for good; an element that takes a failed answer asks itself.
  const answer = fetch(url, { ...READ, signal: AbortSignal.timeout(PREFETCH_LIMIT_MS) }).then(async (r) => new Response(await r.blob(), { status: r.status, statusText: r.statusText, headers: r.headers }));
  const forget = () => setTimeout(() => pending.get(url) === answer && pending.delete(url), FRESH_MS);
  // Nobody may take it (the element changed its mind): an unread failure is no error of the page.
  answer.then(forget, forget);
  pending.set(url, answer);
}

/** The answer citylab.js asked for (a copy of it for each taker); undefined when it did not, or it is no longer fresh. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  return registry().get(url)?.then((r) => r.clone());
}

/** After a change (a reservation), no element is shown an answer from before it. */
export function forgetPrefetched(): void {
  registry().clear();
}

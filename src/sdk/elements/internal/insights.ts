/**
 * Counting without tracking. The elements report what shoppers do (a product
 * shown, the 3D view opened, a shop chosen, a route opened …) to the town's
 * endpoint as counts: no cookie, no storage, no identifier. The only number sent
 * besides the events is a random one this page holds in memory, so the endpoint
 * can count each event once per page view.
 *
 * Nothing is sent before the shopper interacts with the page (or leaves it):
 * events wait in memory, then go in one small request (`fetch` with `keepalive`,
 * no credentials, as text/plain so no preflight). A browser that sends Global
 * Privacy Control or Do Not Track sends nothing at all.
 */
import type { BeaconEvent } from '../../contract/insights.js';

/** The endpoint an element counts to, under a symbol so it is no part of the element's API. */
export const COUNTING_ENDPOINT = Symbol('citylab.countingEndpoint');

export interface Countable {
  readonly [COUNTING_ENDPOINT]?: string | undefined;
}

interface Pending {
  e: BeaconEvent;
  gtin?: string;
  store?: string;
  reason?: string;
}

/** Most events per request (the endpoint's limit). */
const BATCH = 50;
/** Events after the first interaction wait this long, so a burst goes as one request. */
const SETTLE_MS = 1000;

const queues = new Map<string, Pending[]>();
const queued = new Set<string>();
let pageView: string | undefined;
let interacted = false;
let listening = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const optedOut = (): boolean =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true || navigator.doNotTrack === '1';

/** Counts one event of the element's product (and shop) on the element's endpoint. */
export function count(element: Element & Countable, e: BeaconEvent, extra: { store?: string | undefined; reason?: string | undefined } = {}): void {
  const endpoint = element[COUNTING_ENDPOINT];
  if (!endpoint || optedOut()) return;
  const event: Pending = { e };
  const gtin = element.getAttribute('gtin');
  if (gtin && /^\d{8}$|^\d{12,14}$/.test(gtin)) event.gtin = gtin;
  if (extra.store) event.store = extra.store;
  if (extra.reason) event.reason = extra.reason;
  // The endpoint counts once per page view anyway; this saves sending it twice.
  const key = `${endpoint} ${e} ${event.gtin ?? ''} ${event.store ?? ''} ${event.reason ?? ''}`;
  if (queued.has(key)) return;
  queued.add(key);
  let queue = queues.get(endpoint);
  if (!queue) queues.set(endpoint, (queue = []));
  queue.push(event);
  listen();
  if (interacted) schedule();
}

function listen(): void {
  if (listening) return;
  listening = true;
  const first = () => {
    interacted = true;
    schedule();
  };
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, first, { capture: true, once: true, passive: true });
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(flush, SETTLE_MS);
}

function flush(): void {
  clearTimeout(timer);
  pageView ??= randomId();
  for (const [endpoint, events] of queues) {
    queues.set(endpoint, []);
    for (let i = 0; i < events.length; i += BATCH) {
      fetch(`${endpoint}/v1/events`, {
        method: 'POST',
        body: JSON.stringify({ pv: pageView, events: events.slice(i, i + BATCH) }),
        keepalive: true,
        credentials: 'omit',
        mode: 'no-cors',
        referrerPolicy: 'no-referrer',
      }).catch(() => undefined);
    }
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

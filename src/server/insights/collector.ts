/**
 * Turns beacons into counts, and nothing else: no address, user agent, cookie or
 * identifier is stored. What the collector keeps in memory, and only for an hour,
 * is which events a page view has already reported (so a replayed beacon counts
 * once) and how many events a client address sent recently (so one browser cannot
 * inflate the figures). Dropped without a trace: obvious bots, browsers that ask
 * not to be tracked (Sec-GPC, DNT), shops that switched counting off, shops and
 * products the town does not know.
 */
import { isbot } from 'isbot';
import type { Beacon, InsightEvent, Store } from 'citylab-sdk/contract';
import { RateLimiter } from '../rate-limit.js';
import type { CountRow } from '../storage/insights.js';
import type { Storage } from '../storage/types.js';

/** How long a page view's reported events are remembered: longer than anyone keeps a product page open and active. */
const PAGE_VIEW_MEMORY_MS = 60 * 60_000;
/** Events one client address may report per minute; beyond that they are not counted. */
const EVENTS_PER_CLIENT_PER_MINUTE = 120;

export interface BeaconContext {
  userAgent: string | undefined;
  /** `Sec-GPC: 1` or `DNT: 1` was sent. */
  optOut: boolean;
  /** The client's address, as a key of the in-memory limit only. */
  client: string;
}

export type BeaconOutcome = { counted: number; reason?: 'bot' | 'opt-out' | 'limit' | 'repeat' };

/** `2026-12-02T13:45:00Z` → `2026-12-02T13` */
export const hourOf = (at: Date): string => at.toISOString().slice(0, 13);

/** Whether a shop's actions are counted (on unless the shop switched it off). */
export const countsFor = (store: Pick<Store, 'insights'> | undefined): boolean => store?.insights?.counting !== false;

export class InsightCollector {
  private readonly seen = new Map<string, { until: number; keys: Set<string> }>();
  private readonly perClient = new RateLimiter({ limit: EVENTS_PER_CLIENT_PER_MINUTE, windowMs: 60_000 });

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date,
  ) {}

  async accept(beacon: Beacon, context: BeaconContext): Promise<BeaconOutcome> {
    if (context.optOut) return { counted: 0, reason: 'opt-out' };
    if (!context.userAgent || isbot(context.userAgent)) return { counted: 0, reason: 'bot' };
    const at = this.now();
    const fresh = this.firstTimeInPageView(beacon, at.getTime());
    if (!fresh.length) return { counted: 0, reason: 'repeat' };
    const admitted: typeof fresh = [];
    for (const event of fresh) {
      if (this.perClient.take(context.client, at.getTime()) > 0) break;
      admitted.push(event);
    }
    if (!admitted.length) return { counted: 0, reason: 'limit' };
    const rows = await this.known(admitted, hourOf(at));
    if (rows.length) await this.storage.insights.add(rows);
    return { counted: rows.length };
  }

  /** The events this page view has not reported before (remembered for an hour, in memory only). */
  private firstTimeInPageView(beacon: Beacon, now: number): Beacon['events'] {
    if (this.seen.size > 100_000) this.forget(now);
    let memory = this.seen.get(beacon.pv);
    if (!memory || memory.until < now) {
      memory = { until: now + PAGE_VIEW_MEMORY_MS, keys: new Set() };
      this.seen.set(beacon.pv, memory);
    }
    const fresh: Beacon['events'] = [];
    for (const event of beacon.events) {
      const key = `${event.e}\u0000${event.gtin ?? ''}\u0000${event.store ?? ''}\u0000${event.reason ?? ''}`;
      if (memory.keys.has(key)) continue;
      memory.keys.add(key);
      fresh.push(event);
    }
    return fresh;
  }

  private forget(now: number): void {
    for (const [pv, memory] of this.seen) if (memory.until < now) this.seen.delete(pv);
  }

  /** Rows for the events whose shop and product the town knows, and whose shop counts. */
  private async known(events: Beacon['events'], hour: string): Promise<CountRow[]> {
    const storeIds = [...new Set(events.flatMap((e) => (e.store ? [e.store] : [])))];
    const stores = storeIds.length ? await this.storage.getStores(storeIds) : new Map<string, Store>();
    const gtins = [...new Set(events.flatMap((e) => (e.gtin ? [e.gtin] : [])))];
    const products = new Set<string>();
    for (const gtin of gtins) if (await this.storage.getProduct(gtin)) products.add(gtin);
    const rows: CountRow[] = [];
    for (const e of events) {
      if (e.store && (!stores.has(e.store) || !countsFor(stores.get(e.store)))) continue;
      if (e.gtin && !products.has(e.gtin)) continue;
      rows.push(countRow(hour, e.e, e.store ?? '', e.gtin ?? '', e.reason ?? ''));
    }
    return rows;
  }
}

export function countRow(hour: string, event: InsightEvent, storeId: string, gtin: string, detail = ''): CountRow {
  return { hour, store_id: storeId, gtin, event, detail, demo: false, n: 1 };
}

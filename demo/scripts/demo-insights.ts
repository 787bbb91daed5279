/**
 * Eight weeks of generated insight figures and passer-by counts for the demo
 * town, marked as demo data (the reports say `demo: true`), so that the charts
 * mean something on first start. A fixed seed: every start draws the same town.
 *
 * The shape follows a town centre: people look online in the evening and on
 * Sundays, and come in on Saturdays and late mornings; about one in twelve
 * views leads to a shop being chosen, one in six of those to a reservation,
 * and most reservations are collected.
 */
import { zonedInstant, type InsightEvent } from 'citylab-sdk/contract';
import type { CountRow, FootfallRow, Storage } from 'citylab-server';
import { inventory } from '../town.js';

export const DEMO_WEEKS = 8;
const COUNTING_POINTS = [
  { name: 'Alter Markt', scale: 1 },
  { name: 'Bahnhofstraße', scale: 0.7 },
  { name: 'Kirchplatz', scale: 0.45 },
];

/** Online interest by hour of day (local), summing to about 1. */
const ONLINE_BY_HOUR = [0.005, 0.002, 0.001, 0.001, 0.001, 0.003, 0.012, 0.03, 0.04, 0.045, 0.05, 0.052, 0.06, 0.055, 0.05, 0.05, 0.055, 0.065, 0.08, 0.09, 0.095, 0.085, 0.05, 0.02];
/** Passers-by by hour of day (local), shops open 9:30–19:00. */
const FOOTFALL_BY_HOUR = [5, 3, 2, 2, 3, 10, 40, 120, 260, 420, 620, 780, 860, 820, 760, 740, 780, 820, 640, 380, 220, 140, 80, 30];
/** Monday … Sunday. */
const ONLINE_BY_WEEKDAY = [0.9, 0.85, 0.9, 0.95, 1.05, 1.1, 1.35];
const FOOTFALL_BY_WEEKDAY = [0.85, 0.8, 0.85, 0.9, 1.1, 1.6, 0.25];

/** mulberry32: a small, seeded generator, so the demo town is the same on every start. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A count near `mean` (Poisson by inversion; fine for the small means used here). */
function draw(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rand() + rand() + rand() - 1.5) * 2));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** How many of `n` happen, each with probability `p`. */
function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

/** UTC hour key of a local hour in the demo town. */
const utcHour = (day: Date, localHour: number): string =>
  zonedInstant({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, `${String(localHour).padStart(2, '0')}:00`, 'Europe/Berlin').toISOString().slice(0, 13);

export function demoInsights(now: Date): { counts: CountRow[]; footfall: FootfallRow[] } {
  const rand = random(20261202);
  const counts: CountRow[] = [];
  const footfall: FootfallRow[] = [];
  const add = (hour: string, event: InsightEvent, store: string, gtin: string, n: number, detail = '') => {
    if (n > 0) counts.push({ hour, store_id: store, gtin, event, detail, demo: true, n });
  };
  const offers = Object.entries(inventory).flatMap(([store, items]) => items.map((item) => ({ store, gtin: item.gtin, popularity: 0.4 + rand() * 1.6 })));
  const gtins = [...new Set(offers.map((o) => o.gtin))];
  const interest = new Map(gtins.map((g) => [g, 2 + rand() * 10]));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  for (let d = DEMO_WEEKS * 7; d >= 1; d--) {
    const day = new Date(today.getTime() - d * 86_400_000);
    const weekday = (day.getUTCDay() + 6) % 7;
    // Interest grows towards Christmas, slowly.
    const season = 1 + (DEMO_WEEKS * 7 - d) / (DEMO_WEEKS * 7 * 2);
    for (let h = 0; h < 24; h++) {
      const hour = utcHour(day, h);
      const onlineShare = ONLINE_BY_HOUR[h]! * ONLINE_BY_WEEKDAY[weekday]! * season;
      for (const gtin of gtins) {
        const views = draw(rand, interest.get(gtin)! * onlineShare * 3);
        add(hour, 'view', '', gtin, views);
        add(hour, 'finder-search', '', gtin, draw(rand, views * 0.35));
        add(hour, 'model-open', '', gtin, draw(rand, views * 0.25));
        add(hour, 'ar-start', '', gtin, draw(rand, views * 0.06));
        add(hour, 'ar-fail', '', gtin, draw(rand, views * 0.01), 'unsupported');
        add(hour, 'qr-shown', '', gtin, draw(rand, views * 0.03));
      }
      for (const offer of offers) {
        const chosen = draw(rand, interest.get(offer.gtin)! * onlineShare * 3 * 0.08 * offer.popularity);
        if (!chosen) continue;
        add(hour, 'store-select', offer.store, offer.gtin, chosen);
        add(hour, 'route-open', offer.store, offer.gtin, binomial(rand, chosen, 0.4));
        add(hour, 'call-open', offer.store, offer.gtin, draw(rand, chosen * 0.05));
        add(hour, 'website-open', offer.store, offer.gtin, draw(rand, chosen * 0.1));
        const opened = binomial(rand, chosen, 0.3);
        add(hour, 'reservation-open', offer.store, offer.gtin, opened);
        const reserved = binomial(rand, opened, 0.55);
        add(hour, 'reserved', offer.store, offer.gtin, reserved);
        const collected = binomial(rand, reserved, 0.88);
        add(hour, 'collected', offer.store, offer.gtin, collected);
        add(hour, 'expired', offer.store, offer.gtin, reserved - collected);
      }
      for (const point of COUNTING_POINTS) {
        footfall.push({ point: point.name, hour, n: draw(rand, FOOTFALL_BY_HOUR[h]! * FOOTFALL_BY_WEEKDAY[weekday]! * point.scale), demo: true });
      }
    }
  }
  return { counts, footfall };
}

export async function seedDemoInsights(storage: Storage, now: Date): Promise<{ counts: number; footfall: number }> {
  const { counts, footfall } = demoInsights(now);
  await storage.insights.add(counts);
  await storage.insights.putFootfall(footfall);
  return { counts: counts.length, footfall: footfall.length };
}

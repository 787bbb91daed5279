/**
 * Counts into figures: per day or ISO week in the town's time zone, totals, the
 * funnel from a product seen to a product collected, and the top products. In
 * every figure that crosses shops (the town's view, the open data), a cell under
 * SUPPRESS_BELOW is "<5", so that no single shopper's action can be read off.
 */
import {
  FUNNEL,
  INSIGHT_EVENTS,
  SUPPRESS_BELOW,
  addDays,
  isoDate,
  wallClock,
  zonedInstant,
  type Cell,
  type InsightEvent,
  type InsightsReport,
  type LocalDate,
} from 'citylab-sdk/contract';
import type { CountRow } from '../storage/insights.js';

export type Counts = Record<InsightEvent, number>;

export interface Period {
  from: string;
  to: string;
  by: 'day' | 'week';
  timeZone: string;
}

/** How many products the top list names. */
const TOP_PRODUCTS = 10;

export const parseDate = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** The UTC hours `[fromHour, toHour)` that cover the local dates from..to (inclusive). */
export function hourRange({ from, to, timeZone }: Pick<Period, 'from' | 'to' | 'timeZone'>): { fromHour: string; toHour: string } {
  const start = zonedInstant(parseDate(from), '00:00', timeZone);
  const end = zonedInstant(addDays(parseDate(to), 1), '00:00', timeZone);
  return { fromHour: start.toISOString().slice(0, 13), toHour: end.toISOString().slice(0, 13) };
}

/** `2026-12-02T13` (UTC) → the local date, weekday (1 = Monday) and hour in the zone. */
export function localHour(hour: string, timeZone: string): { date: string; weekday: number; hour: number } {
  const key = `${timeZone} ${hour}`;
  let local = localHours.get(key);
  if (!local) {
    if (localHours.size > 100_000) localHours.clear();
    localHours.set(key, (local = computeLocalHour(hour, timeZone)));
  }
  return local;
}

/** A year of hours is 8,760 entries: every report reads the same few thousand. */
const localHours = new Map<string, { date: string; weekday: number; hour: number }>();

function computeLocalHour(hour: string, timeZone: string): { date: string; weekday: number; hour: number } {
  const w = wallClock(new Date(`${hour}:00:00Z`), timeZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return { date: isoDate(w), weekday: day === 0 ? 7 : day, hour: w.hour };
}

/** The Monday of the ISO week a local date is in. */
function weekOf(date: string): string {
  const d = parseDate(date);
  const day = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return isoDate(addDays(d, -((day + 6) % 7)));
}

export const zeroCounts = (): Counts => Object.fromEntries(INSIGHT_EVENTS.map((e) => [e, 0])) as Counts;

/** The figure as shown: exact in a shop's own view, "<5" for small figures that cross shops. */
export const cell = (n: number, suppress: boolean): Cell => (suppress && n > 0 && n < SUPPRESS_BELOW ? '<5' : n);

const cells = (counts: Counts, suppress: boolean): Record<InsightEvent, Cell> =>
  Object.fromEntries(Object.entries(counts).map(([e, n]) => [e, cell(n, suppress)])) as Record<InsightEvent, Cell>;

function add(counts: Counts, row: CountRow): void {
  counts[row.event] = (counts[row.event] ?? 0) + row.n;
}

export interface ReportInput extends Period {
  rows: readonly CountRow[];
  /** Product names by GTIN, for the top list. */
  names: (gtin: string) => string;
  suppress: boolean;
}

/** Every period from..to, with its counts (periods without any are zero, not missing). */
export function buildReport({ rows, names, suppress, ...period }: ReportInput): Omit<InsightsReport, 'stores'> {
  const series = new Map<string, Counts>();
  for (let d = parseDate(period.from); isoDate(d) <= period.to; d = addDays(d, 1)) {
    const key = period.by === 'week' ? weekOf(isoDate(d)) : isoDate(d);
    if (!series.has(key)) series.set(key, zeroCounts());
  }
  const totals = zeroCounts();
  const byProduct = new Map<string, Counts>();
  let demo = false;
  for (const row of rows) {
    const { date } = localHour(row.hour, period.timeZone);
    const key = period.by === 'week' ? weekOf(date) : date;
    const bucket = series.get(key);
    if (!bucket) continue;
    add(bucket, row);
    add(totals, row);
    if (row.gtin) {
      let product = byProduct.get(row.gtin);
      if (!product) byProduct.set(row.gtin, (product = zeroCounts()));
      add(product, row);
    }
    demo ||= row.demo;
  }
  const top = [...byProduct.entries()]
    .sort(([ga, a], [gb, b]) => b.view - a.view || b.reserved - a.reserved || (ga < gb ? -1 : 1))
    .slice(0, TOP_PRODUCTS);
  return {
    from: period.from,
    to: period.to,
    by: period.by,
    demo,
    series: [...series.entries()].map(([p, counts]) => ({ period: p, counts: cells(counts, suppress) })),
    totals: cells(totals, suppress),
    funnel: FUNNEL.map((event) => ({ event, count: cell(totals[event], suppress) })),
    top_products: top.map(([gtin, counts]) => ({ gtin, name: names(gtin), counts: cells(counts, suppress) })),
  };
}

/** Totals of rows (for the per-shop lines of the town's view). */
export function totalsOf(rows: readonly CountRow[]): Counts {
  const totals = zeroCounts();
  for (const row of rows) add(totals, row);
  return totals;
}

export { cells as cellsOf };

/**
 * Town insights over HTTP: the elements' beacons in, figures out. A shop reads
 * its own figures; the town's operator reads the town's (small cells "<5") and
 * imports its passer-by counts; anyone reads the open data and the privacy
 * paragraph.
 */
import * as z from 'zod/mini';
import {
  Beacon,
  FootfallComparison,
  FootfallImported,
  INSIGHT_EVENTS,
  InsightsReport,
  type Store,
} from 'citylab-sdk/contract';
import { clientAddress, parseJsonBody } from '../http.js';
import { documented } from '../openapi.js';
import { pickLang } from '../pages/ar-page.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from '../routes/module.js';
import { StorePath, requireStore } from '../routes/stores.js';
import { route } from '../routes/table.js';
import type { CountRow } from '../storage/insights.js';
import type { Storage } from '../storage/types.js';
import { InsightCollector } from './collector.js';
import { parseFootfall } from './footfall.js';
import { PRIVACY_PARAGRAPH } from './privacy.js';
import { buildReport, cell, cellsOf, hourRange, localHour, totalsOf, type Period } from './report.js';

/** A beacon is a few events: a kilobyte or two. */
const BEACON_BODY_LIMIT = 16 * 1024;
/** A year of hourly counts from 20 counting points is about 8 MB of CSV. */
const FOOTFALL_BODY_LIMIT = 16 * 1024 * 1024;
const MAX_DAYS = 366;
const DEFAULT_DAYS = 28;
const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const PeriodQuery = z.object({
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
  by: z.optional(z.enum(['day', 'week'])),
});
type PeriodQuery = z.infer<typeof PeriodQuery>;

const Text = z.string();
const PrivacyText = documented(z.string(), 'PrivacyParagraph', 'Plain text, for a shop\'s privacy notice.');
const CsvText = documented(z.string(), 'InsightsCsv', 'CSV (comma-separated, UTF-8, header line): period, event, count.');
const OpenData = documented(
  z.object({
    town: z.string(),
    licence: z.string(),
    generated_at: z.iso.datetime(),
    report: InsightsReport,
    footfall: z.array(z.object({ point: z.string(), date: z.iso.date(), count: z.int() })),
  }),
  'InsightsOpenData',
  'The town\'s aggregates across all shops (cells under 5 are "<5") and its passer-by counts per day.',
);

export const insightRoutes: RouteModuleFactory = ({ storage, now, options }) => {
  const collector = new InsightCollector(storage, now);
  const trustProxy = options.reservations?.trustProxy ?? false;

  const timeZone = async () => (await storage.getCity())?.time_zone ?? DEFAULT_TIME_ZONE;

  /** The period asked for, by default the last four weeks up to today, in the town's time zone. */
  async function periodOf(query: PeriodQuery): Promise<Period> {
    const tz = await timeZone();
    const today = localHour(now().toISOString().slice(0, 13), tz).date;
    const to = query.to ?? today;
    const from = query.from ?? shiftDate(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw new ProblemError('validation-failed', 'The period starts after it ends.', { errors: [{ field: 'from', reason: 'after "to"' }] });
    if (daysBetween(from, to) >= MAX_DAYS) throw new ProblemError('validation-failed', `A period spans at most ${MAX_DAYS} days.`, { errors: [{ field: 'from', reason: `more than ${MAX_DAYS} days before "to"` }] });
    return { from, to, by: query.by ?? 'day', timeZone: tz };
  }

  /** The town's names (product-naming.ts); in a shop's own report, its own title where it gave one. */
  const names = async (rows: readonly CountRow[], storeId?: string) => {
    const map = new Map<string, string>();
    for (const gtin of new Set(rows.map((r) => r.gtin).filter(Boolean))) {
      const own = storeId ? (await storage.stockByGtin(gtin)).find((r) => r.store_id === storeId)?.title : undefined;
      map.set(gtin, own ?? (await storage.getProduct(gtin))?.name ?? gtin);
    }
    return (gtin: string) => map.get(gtin) ?? gtin;
  };

  async function shopReport(store: Store, query: PeriodQuery) {
    const period = await periodOf(query);
    const rows = await shopRows(storage, store.id, period);
    return buildReport({ ...period, rows, names: await names(rows, store.id), suppress: false });
  }

  async function townReport(query: PeriodQuery): Promise<InsightsReport> {
    const period = await periodOf(query);
    const rows = await storage.insights.read(hourRange(period));
    const report = buildReport({ ...period, rows, names: await names(rows), suppress: true });
    const shared = (await storage.listStores()).filter((s) => s.insights?.share_with_town);
    const stores = await Promise.all(
      shared.map(async (s) => ({ store_id: s.id, name: s.name, totals: cellsOf(totalsOf(await shopRows(storage, s.id, period)), true) })),
    );
    return { ...report, stores };
  }

  return {
    api: [
      route({
        method: 'post',
        path: '/v1/events',
        operationId: 'sendEvents',
        summary: 'Count what shoppers did (sent by the elements)',
        description:
          'Counts only: each event is added to its hour, shop, product and event. Nothing else of the request is kept. ' +
          'Not counted, with the same 204: bots, `Sec-GPC: 1` or `DNT: 1`, a page view\'s repeated events, shops with counting off, and a client past its limit.',
        tag: 'insights',
        access: 'public',
        bodyLimit: BEACON_BODY_LIMIT,
        body: { description: 'The beacon', content: { 'text/plain': Text, 'application/json': Beacon } },
        responses: { 204: { description: 'Received.' } },
        handle: async (c, { body }) => {
          const beacon = body.type === 'text/plain' ? parseJsonBody(body.value as string, Beacon, 'The beacon') : (body.value as Beacon);
          await collector.accept(beacon, {
            userAgent: c.req.header('User-Agent'),
            optOut: c.req.header('Sec-GPC') === '1' || c.req.header('DNT') === '1',
            client: clientAddress(c, trustProxy),
          });
          return c.body(null, 204);
        },
      }),
      route({
        method: 'get',
        path: '/v1/stores/{id}/insights',
        operationId: 'getStoreInsights',
        summary: 'The shop\'s figures: per day or week, funnel, top products',
        description: 'The shop\'s own events, and views, 3D and AR of the products it lists wherever in town they were seen.',
        tag: 'insights',
        access: 'shop',
        params: StorePath,
        query: PeriodQuery,
        responses: { 200: { description: 'The figures.', schema: InsightsReport } },
        problems: ['store-not-found'],
        handle: async (c, { params, query }) => c.json(await shopReport(await requireStore(storage, params.id), query), 200, { 'Cache-Control': 'no-store' }),
      }),
      route({
        method: 'get',
        path: '/v1/stores/{id}/insights.csv',
        operationId: 'getStoreInsightsCsv',
        summary: 'The shop\'s figures as CSV',
        tag: 'insights',
        access: 'shop',
        params: StorePath,
        query: PeriodQuery,
        responses: { 200: { description: 'One line per period and event.', schema: CsvText, type: 'text/csv' } },
        problems: ['store-not-found'],
        handle: async (c, { params, query }) => {
          const report = await shopReport(await requireStore(storage, params.id), query);
          return c.body(reportCsv(report), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="citylab-${params.id}-${report.from}-${report.to}.csv"`,
            'Cache-Control': 'no-store',
          });
        },
      }),
      route({
        method: 'get',
        path: '/v1/insights',
        operationId: 'getTownInsights',
        summary: 'The town\'s figures across all shops; per shop where the shop agreed',
        tag: 'insights',
        access: 'admin',
        query: PeriodQuery,
        responses: { 200: { description: 'The figures; cells under 5 are "<5".', schema: InsightsReport } },
        handle: async (c, { query }) => c.json(await townReport(query), 200, { 'Cache-Control': 'no-store' }),
      }),
      route({
        method: 'put',
        path: '/v1/footfall',
        operationId: 'importFootfall',
        summary: 'Import passer-by counts (hourly, per counting point) as CSV',
        description: 'Columns point, hour, count (or zaehlstelle, stunde, anzahl). A file with any bad line changes nothing; every bad line is named.',
        tag: 'insights',
        access: 'admin',
        bodyLimit: FOOTFALL_BODY_LIMIT,
        body: { description: 'The counts', content: { 'text/csv': Text, 'text/plain': Text } },
        responses: { 200: { description: 'Imported.', schema: FootfallImported } },
        problems: ['invalid-feed'],
        handle: async (c, { body }) => {
          const { rows, errors } = parseFootfall(body.value as string, await timeZone());
          if (errors.length) {
            throw new ProblemError('invalid-feed', `The passer-by counts were not imported: ${errors.length} line${errors.length === 1 ? '' : 's'} to fix.`, { errors });
          }
          await storage.insights.putFootfall(rows);
          const hours = rows.map((r) => r.hour).sort();
          return c.json({ rows: rows.length, points: [...new Set(rows.map((r) => r.point))].sort(), from: `${hours[0]}:00:00.000Z`, to: `${hours.at(-1)}:00:00.000Z` });
        },
      }),
      route({
        method: 'get',
        path: '/v1/insights/footfall',
        operationId: 'getFootfallComparison',
        summary: 'Passers-by beside online interest, by weekday and hour',
        tag: 'insights',
        access: 'admin',
        query: PeriodQuery,
        responses: { 200: { description: 'One cell per weekday and hour.', schema: FootfallComparison } },
        handle: async (c, { query }) => {
          const period = await periodOf(query);
          const range = hourRange(period);
          const [footfall, counts] = await Promise.all([storage.insights.readFootfall(range), storage.insights.read(range)]);
          const cells = new Map<string, { weekday: number; hour: number; footfall: number; online: number }>();
          const at = (hour: string) => {
            const local = localHour(hour, period.timeZone);
            const key = `${local.weekday}:${local.hour}`;
            let entry = cells.get(key);
            if (!entry) cells.set(key, (entry = { weekday: local.weekday, hour: local.hour, footfall: 0, online: 0 }));
            return entry;
          };
          for (const r of footfall) at(r.hour).footfall += r.n;
          for (const r of counts) if (r.event === 'view') at(r.hour).online += r.n;
          const sorted = [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
          return c.json({
            from: period.from,
            to: period.to,
            demo: footfall.some((r) => r.demo) || counts.some((r) => r.demo),
            points: [...new Set(footfall.map((r) => r.point))].sort(),
            cells: sorted.map((e) => ({ ...e, online: cell(e.online, true) })),
          });
        },
      }),
      route({
        method: 'get',
        path: '/v1/open-data/insights.json',
        operationId: 'getOpenDataJson',
        summary: 'Open data: the town\'s aggregates and passers-by per day (JSON)',
        tag: 'insights',
        access: 'public',
        query: PeriodQuery,
        responses: { 200: { description: 'The aggregates.', schema: OpenData } },
        handle: async (c, { query }) => c.json(await openData(query), 200, { 'Cache-Control': 'public, max-age=3600' }),
      }),
      route({
        method: 'get',
        path: '/v1/open-data/insights.csv',
        operationId: 'getOpenDataCsv',
        summary: 'Open data: the town\'s aggregates per day and event (CSV)',
        tag: 'insights',
        access: 'public',
        query: PeriodQuery,
        responses: { 200: { description: 'period, event, count; cells under 5 are "<5".', schema: CsvText, type: 'text/csv' } },
        handle: async (c, { query }) => {
          const data = await openData(query);
          return c.body(reportCsv(data.report, data.footfall), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="citylab-open-data-${data.report.from}-${data.report.to}.csv"`,
            'Cache-Control': 'public, max-age=3600',
          });
        },
      }),
      route({
        method: 'get',
        path: '/v1/privacy/insights',
        operationId: 'getPrivacyParagraph',
        summary: 'What is counted, as a paragraph for a shop\'s privacy notice (German; English with Accept-Language: en)',
        tag: 'insights',
        access: 'public',
        responses: { 200: { description: 'The paragraph.', schema: PrivacyText, type: 'text/plain' } },
        handle: async (c) => {
          const town = (await storage.getCity())?.name ?? 'CityLab';
          const lang = pickLang(c.req.header('Accept-Language'));
          return c.body(PRIVACY_PARAGRAPH[lang](town), 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': lang, Vary: 'Accept-Language' });
        },
      }),
    ],
  };

  async function openData(query: PeriodQuery) {
    const report = await townReport(query);
    const period = await periodOf(query);
    const footfall = new Map<string, { point: string; date: string; count: number }>();
    for (const r of await storage.insights.readFootfall(hourRange(period))) {
      const date = localHour(r.hour, period.timeZone).date;
      const key = `${r.point}\u0000${date}`;
      const entry = footfall.get(key) ?? { point: r.point, date, count: 0 };
      entry.count += r.n;
      footfall.set(key, entry);
    }
    // The town's figures only: no shop is named in open data.
    const { stores: _perShop, ...aggregate } = report;
    return {
      town: (await storage.getCity())?.name ?? 'CityLab',
      licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)',
      generated_at: now().toISOString(),
      report: aggregate,
      footfall: [...footfall.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.point < b.point ? -1 : 1)),
    };
  }
};

/** The shop's own rows, and the shop-less ones (views, 3D, AR) of the products it lists. */
async function shopRows(storage: Storage, storeId: string, period: Period): Promise<CountRow[]> {
  const range = hourRange(period);
  const [own, townWide, stock] = await Promise.all([
    storage.insights.read({ ...range, storeId }),
    storage.insights.read({ ...range, storeId: '' }),
    storage.stockOfStore(storeId),
  ]);
  const listed = new Set(stock.map((s) => s.gtin));
  return [...own, ...townWide.filter((r) => listed.has(r.gtin))];
}

/** period,event,count lines (and point,date,passers_by when given). Every cell is a date, a known word or a number: nothing a spreadsheet runs. */
function reportCsv(report: Pick<InsightsReport, 'series'>, footfall: readonly { point: string; date: string; count: number }[] = []): string {
  const lines = ['period,event,count'];
  for (const { period, counts } of report.series) for (const event of INSIGHT_EVENTS) lines.push(`${period},${event},${counts[event]}`);
  if (footfall.length) {
    lines.push('', 'point,date,passers_by');
    for (const f of footfall) lines.push(`${csvText(f.point)},${f.date},${f.count}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Quoted, and a leading = + - @ made harmless, so a spreadsheet shows the name instead of running it. */
const csvText = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

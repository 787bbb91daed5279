/**
 * Town insights over real HTTP on each backend: beacons become counts and nothing
 * else; a replayed beacon counts once per page view; bots, GPC/DNT and shops with
 * counting off leave no row; the endpoint counts reservations, collections and
 * no-shows itself; the shop's and the town's figures (small cells "<5"); the
 * passer-by import that refuses a file with a bad line whole; open data; the
 * privacy paragraph.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Problem } from '../../src/sdk/contract/schemas.js';
import { FootfallComparison, InsightsReport as Report } from '../../src/sdk/contract/insights.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import { createLogger } from '../../src/server/log.js';
import { sweep } from '../../src/server/reservations/jobs.js';
import { CHAIR, LAMP, VASE, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const berlin = (date: string, time: string) => zonedInstant({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) }, time, 'Europe/Berlin');
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let clock = berlin('2026-12-01', '10:00');
let ep: RunningEndpoint;
let town: SeededTown;

const pageView = () => randomUUID().replace(/-/g, '');

async function beacon(events: unknown[], { pv = pageView(), ua = PHONE, headers = {} as Record<string, string>, type = 'text/plain;charset=UTF-8' } = {}) {
  const res = await fetch(`${ep.url}/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'User-Agent': ua, ...headers },
    body: JSON.stringify({ pv, events }),
  });
  return { status: res.status, text: await res.text() };
}

type Row = { hour: string; store_id: string; gtin: string; event: string; detail: string; n: number };
const rows = () => ep.database.sql<Row>('SELECT hour, store_id, gtin, event, detail, CAST(n AS integer) AS n FROM insight_counts ORDER BY hour, store_id, gtin, event');
const count = async (event: string, filter: Partial<Row> = {}) =>
  (await rows()).filter((r) => r.event === event && Object.entries(filter).every(([k, v]) => r[k as keyof Row] === v)).reduce((s, r) => s + Number(r.n), 0);

async function report(path: string, headers: Record<string, string>) {
  const res = await fetch(`${ep.url}${path}`, { headers });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return Report.parse(JSON.parse(text));
}

for (const backend of BACKENDS) {
  describe(`town insights on ${backend}`, () => {
    before(async () => {
      ep = await startEndpoint({
        backend,
        now: () => clock,
        app: { reservations: { perClient: { limit: 1000, windowMs: 60_000 }, perStore: { limit: 1000, windowMs: 60_000 }, maxActivePerContact: 50 } },
      });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());
    beforeEach(async () => {
      clock = berlin('2026-12-01', '10:00');
      await ep.database.sql('DELETE FROM insight_counts');
    });

    it('stores counts per hour, shop, product and event, and nothing that identifies anyone', async () => {
      const r = await beacon(
        [{ e: 'view', gtin: LAMP }, { e: 'model-open', gtin: LAMP }, { e: 'store-select', gtin: LAMP, store: 'licht-haus' }, { e: 'ar-fail', gtin: LAMP, reason: 'unsupported' }],
        { headers: { Referer: 'https://shop.example/produkt/lampe?utm=x', 'X-Forwarded-For': '203.0.113.7' } },
      );
      assert.equal(r.status, 204, r.text);
      assert.deepEqual(
        (await rows()).map((x) => ({ ...x, n: Number(x.n) })),
        [
          { hour: '2026-12-01T09', store_id: '', gtin: LAMP, event: 'ar-fail', detail: 'unsupported', n: 1 },
          { hour: '2026-12-01T09', store_id: '', gtin: LAMP, event: 'model-open', detail: '', n: 1 },
          { hour: '2026-12-01T09', store_id: '', gtin: LAMP, event: 'view', detail: '', n: 1 },
          { hour: '2026-12-01T09', store_id: 'licht-haus', gtin: LAMP, event: 'store-select', detail: '', n: 1 },
        ],
      );
      // The table has no column for anything else: the whole row is above.
      const columns = Object.keys((await ep.database.sql<Record<string, unknown>>('SELECT * FROM insight_counts'))[0]!).sort();
      assert.deepEqual(columns, ['demo', 'detail', 'event', 'gtin', 'hour', 'n', 'store_id']);
    });

    it('counts a beacon replayed 100 times once per page view; another page view counts again', async () => {
      const pv = pageView();
      const events = [{ e: 'view', gtin: VASE }, { e: 'finder-search', gtin: VASE }];
      for (let i = 0; i < 100; i++) assert.equal((await beacon(events, { pv })).status, 204);
      assert.equal(await count('view', { gtin: VASE }), 1);
      assert.equal(await count('finder-search', { gtin: VASE }), 1);
      await beacon(events, { pv: pageView() });
      assert.equal(await count('view', { gtin: VASE }), 2);
    });

    it('counts nothing from a crawler, or from a browser that sends Sec-GPC or DNT', async () => {
      assert.equal((await beacon([{ e: 'view', gtin: LAMP }], { ua: CRAWLER })).status, 204);
      assert.equal((await beacon([{ e: 'view', gtin: LAMP }], { headers: { 'Sec-GPC': '1' } })).status, 204);
      assert.equal((await beacon([{ e: 'view', gtin: LAMP }], { headers: { DNT: '1' } })).status, 204);
      assert.deepEqual(await rows(), []);
      await beacon([{ e: 'view', gtin: LAMP }]);
      assert.equal(await count('view'), 1, 'the same beacon from a phone is counted');
    });

    it('counts nothing of a shop that switched counting off, not even its reservations', async () => {
      const off = await fetch(`${ep.url}/v1/stores/licht-haus`, {
        method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ insights: { counting: false, share_with_town: false } }),
      });
      assert.equal(off.status, 200, await off.text());
      try {
        await beacon([{ e: 'store-select', gtin: LAMP, store: 'licht-haus' }, { e: 'route-open', store: 'licht-haus' }]);
        const res = await reserveAt('licht-haus', LAMP);
        assert.equal(res.status, 201, await res.text());
        assert.deepEqual((await rows()).filter((r) => r.store_id === 'licht-haus'), []);
      } finally {
        await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ insights: { counting: true, share_with_town: false } }) });
      }
    });

    it('ignores shops and products the town does not know, and refuses a malformed beacon with 400', async () => {
      await beacon([{ e: 'store-select', gtin: LAMP, store: 'no-such-shop' }, { e: 'view', gtin: '4006381333931' }]);
      assert.deepEqual(await rows(), []);
      const bad = await beacon([{ e: 'view', gtin: LAMP, visitor: 'abc' }]);
      assert.equal(bad.status, 400);
      const problem = Problem.parse(JSON.parse(bad.text));
      assert.equal(problem.code, 'validation-failed');
      const proto = await fetch(`${ep.url}/v1/events`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'User-Agent': PHONE }, body: '{"pv":"abcdefgh12","events":[{"e":"view","constructor":1}]}' });
      assert.equal(proto.status, 400);
      assert.deepEqual(await rows(), []);
    });

    it('counts reservations made, collected and expired itself, once each', async () => {
      const collected = (await (await reserveAt('licht-haus', LAMP)).json()) as { id: string };
      await reserveAt('licht-haus', LAMP);
      const moved = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/${collected.id}`, {
        method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ status: 'collected' }),
      });
      assert.equal(moved.status, 200, await moved.text());
      const later = () => berlin('2026-12-10', '12:00');
      await Promise.all([sweep({ storage: ep.storage, log: createLogger('silent'), now: later }), sweep({ storage: ep.storage, log: createLogger('silent'), now: later })]);
      assert.equal(await count('reserved', { store_id: 'licht-haus', gtin: LAMP }), 2);
      assert.equal(await count('collected', { store_id: 'licht-haus', gtin: LAMP }), 1);
      assert.ok((await count('expired', { store_id: 'licht-haus' })) >= 1, 'the one not collected expired');
      const again = await count('expired', { store_id: 'licht-haus' });
      await sweep({ storage: ep.storage, log: createLogger('silent'), now: later });
      assert.equal(await count('expired', { store_id: 'licht-haus' }), again, 'a later sweep counts nothing again');
    });

    it('gives a shop exact figures of its own, per day and week, with the funnel; another shop\'s key gets 403', async () => {
      for (let i = 0; i < 3; i++) await beacon([{ e: 'view', gtin: LAMP }, { e: 'store-select', gtin: LAMP, store: 'licht-haus' }, { e: 'route-open', store: 'licht-haus' }]);
      await beacon([{ e: 'store-select', gtin: VASE, store: 'keramik-koenig' }]);
      clock = berlin('2026-12-02', '23:30');
      await beacon([{ e: 'view', gtin: CHAIR }]);
      const r = await report('/v1/stores/licht-haus/insights?from=2026-11-30&to=2026-12-02', keyHeaders(town.keys['licht-haus']!));
      assert.deepEqual(r.series.map((s) => [s.period, s.counts.view, s.counts['store-select'], s.counts['route-open']]), [
        ['2026-11-30', 0, 0, 0],
        ['2026-12-01', 3, 3, 3],
        ['2026-12-02', 0, 0, 0],
      ]);
      assert.equal(r.totals['store-select'], 3, 'the other shop\'s choice is not this shop\'s');
      assert.equal(r.totals.view, 3, 'a product the shop does not list is not in its figures');
      assert.deepEqual(r.funnel.slice(0, 4).map((f) => [f.event, f.count]), [['view', 3], ['model-open', 0], ['finder-search', 0], ['store-select', 3]]);
      assert.equal(r.top_products[0]!.gtin, LAMP);
      assert.equal(r.top_products[0]!.name, 'Tischleuchte Mohn');
      // A shop's own report names the product with its own title; the town's record stays the operator's.
      const retitle = (title: string) => fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
        method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!),
        body: JSON.stringify({ items: [{ sku: 'LH-100', gtin: LAMP, quantity: 5, price: { amount: '89.00', currency: 'EUR' }, title }] }),
      });
      assert.equal((await retitle('Leuchte Mohn (Licht & Haus)')).status, 200);
      const own = await report('/v1/stores/licht-haus/insights?from=2026-11-30&to=2026-12-02', keyHeaders(town.keys['licht-haus']!));
      assert.equal(own.top_products[0]!.name, 'Leuchte Mohn (Licht & Haus)');
      assert.equal((await retitle('Tischleuchte Mohn')).status, 200);
      const week = await report('/v1/stores/licht-haus/insights?from=2026-11-30&to=2026-12-06&by=week', keyHeaders(town.keys['licht-haus']!));
      assert.deepEqual(week.series.map((s) => [s.period, s.counts.view]), [['2026-11-30', 3]]);
      const other = await fetch(`${ep.url}/v1/stores/licht-haus/insights`, { headers: keyHeaders(town.keys['keramik-koenig']!) });
      assert.equal(other.status, 403);
      const csv = await fetch(`${ep.url}/v1/stores/licht-haus/insights.csv?from=2026-12-01&to=2026-12-01`, { headers: keyHeaders(town.keys['licht-haus']!) });
      const text = await csv.text();
      assert.match(csv.headers.get('content-type')!, /^text\/csv/);
      assert.match(text, /^period,event,count\r\n/);
      assert.match(text, /\r\n2026-12-01,view,3\r\n/);
    });

    it('shows the town small cells as "<5" and per shop only where the shop agreed', async () => {
      for (let i = 0; i < 7; i++) await beacon([{ e: 'view', gtin: LAMP }]);
      await beacon([{ e: 'store-select', gtin: LAMP, store: 'licht-haus' }, { e: 'store-select', gtin: VASE, store: 'keramik-koenig' }]);
      const share = await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ insights: { counting: true, share_with_town: true } }) });
      assert.equal(share.status, 200);
      try {
        const r = await report('/v1/insights?from=2026-12-01&to=2026-12-01', adminHeaders);
        assert.equal(r.totals.view, 7);
        assert.equal(r.totals['store-select'], '<5', 'two choices across shops are too few to show');
        assert.equal(r.totals.collected, 0, 'nothing is not hidden');
        assert.deepEqual(r.stores!.map((s) => s.store_id), ['licht-haus'], 'only the shop that agreed');
        assert.equal(r.stores![0]!.totals['store-select'], '<5');
        const shop = await fetch(`${ep.url}/v1/insights`, { headers: keyHeaders(town.keys['licht-haus']!) });
        assert.equal(shop.status, 403, 'a shop does not read the town\'s figures');
        const open = await fetch(`${ep.url}/v1/open-data/insights.json?from=2026-12-01&to=2026-12-01`);
        const data = (await open.json()) as { report: { totals: Record<string, unknown>; stores?: unknown } };
        assert.equal(data.report.totals.view, 7);
        assert.equal(data.report.totals['store-select'], '<5');
        assert.equal(data.report.stores, undefined, 'open data names no shop');
        const csv = await (await fetch(`${ep.url}/v1/open-data/insights.csv?from=2026-12-01&to=2026-12-01`)).text();
        assert.match(csv, /\r\n2026-12-01,store-select,<5\r\n/);
      } finally {
        await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ insights: { counting: true, share_with_town: false } }) });
      }
    });

    it('imports passers-by, refusing a file with one bad line whole and naming the line', async () => {
      const put = (body: string) => fetch(`${ep.url}/v1/footfall`, { method: 'PUT', headers: { ...adminHeaders, 'Content-Type': 'text/csv' }, body });
      const bad = await put('zaehlstelle;stunde;anzahl\nMarktplatz;2026-12-01 10:00;1.234\nMarktplatz;2026-12-01 11:00;viele\nKirchplatz;2026-12-01 10:30;12\n');
      assert.equal(bad.status, 422);
      const problem = Problem.parse(await bad.json());
      assert.deepEqual(problem.errors!.map((e) => [e.line, e.field]), [[3, 'count'], [4, 'hour']]);
      assert.deepEqual(await ep.database.sql('SELECT * FROM footfall'), [], 'nothing of the file was applied');
      const good = await put('zaehlstelle;stunde;anzahl\nMarktplatz;2026-12-01 10:00;1.234\nMarktplatz;2026-12-01 11:00;980\nKirchplatz;2026-12-01T10:00+01:00;12\n');
      assert.equal(good.status, 200, await good.text());
      for (let i = 0; i < 6; i++) await beacon([{ e: 'view', gtin: LAMP }]);
      const res = await fetch(`${ep.url}/v1/insights/footfall?from=2026-12-01&to=2026-12-01`, { headers: adminHeaders });
      const cmp = FootfallComparison.parse(await res.json());
      assert.deepEqual(cmp.points, ['Kirchplatz', 'Marktplatz']);
      assert.deepEqual(cmp.cells.find((x) => x.weekday === 2 && x.hour === 10), { weekday: 2, hour: 10, footfall: 1246, online: 6 });
      assert.deepEqual(cmp.cells.find((x) => x.hour === 11), { weekday: 2, hour: 11, footfall: 980, online: 0 });
      const notAdmin = await fetch(`${ep.url}/v1/footfall`, { method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!, 'text/csv'), body: 'point,hour,count\nA,2026-12-01 10:00,1\n' });
      assert.equal(notAdmin.status, 403);
    });

    it('serves the privacy paragraph in German, and in English when asked', async () => {
      const de = await fetch(`${ep.url}/v1/privacy/insights`);
      const text = await de.text();
      assert.match(de.headers.get('content-type')!, /^text\/plain/);
      assert.match(text, /Gespeichert werden ausschließlich Summen je Stunde, Geschäft, Artikel und Ereignis/);
      assert.match(text, /IP-Adresse, Cookies/);
      const en = await (await fetch(`${ep.url}/v1/privacy/insights`, { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } })).text();
      assert.match(en, /Only sums per hour, shop, article and event are stored/);
    });
  });
}

async function reserveAt(store: string, gtin: string) {
  return fetch(`${ep.url}/v1/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ store, gtin, quantity: 1, customer: { name: 'Erika Mustermann', email: `erika.${randomUUID().slice(0, 8)}@example.org` }, privacy_accepted: true }),
  });
}

for (const backend of BACKENDS) {
  describe(`the demo town's figures on ${backend}`, () => {
    let demo: RunningEndpoint;
    const today = new Date('2026-12-02T09:00:00Z');
    before(async () => {
      demo = await startEndpoint({ backend, now: () => today });
      const { seedDemo } = await import('../../demo/scripts/seed.js');
      await seedDemo(demo.storage, null, today);
    });
    after(() => demo.close());

    it('starts with eight weeks of figures and passers-by, marked as demo data', async () => {
      const res = await fetch(`${demo.url}/v1/insights?from=2026-10-07&to=2026-12-01`, { headers: adminHeaders });
      const r = Report.parse(await res.json());
      assert.equal(r.demo, true);
      assert.equal(r.series.length, 56);
      for (const day of r.series) assert.ok(typeof day.counts.view === 'number' && day.counts.view > 100, `${day.period}: ${day.counts.view} views`);
      const before = Report.parse(await (await fetch(`${demo.url}/v1/insights?from=2026-10-01&to=2026-10-06`, { headers: adminHeaders })).json());
      assert.deepEqual(before.series.map((d) => d.counts.view), [0, 0, 0, 0, 0, 0], 'eight weeks, not more');
      assert.ok(Number(r.totals.collected) > 0 && Number(r.totals.expired) > 0);
      assert.ok(Number(r.totals.collected) > Number(r.totals.expired), 'most reservations are collected');
      const cmp = FootfallComparison.parse(await (await fetch(`${demo.url}/v1/insights/footfall?from=2026-10-07&to=2026-12-01`, { headers: adminHeaders })).json());
      assert.equal(cmp.demo, true);
      assert.equal(cmp.points.length, 3);
      const saturdayNoon = cmp.cells.find((c) => c.weekday === 6 && c.hour === 12)!;
      const sundayNoon = cmp.cells.find((c) => c.weekday === 7 && c.hour === 12)!;
      assert.ok(saturdayNoon.footfall > sundayNoon.footfall * 3, 'the town is busy on Saturdays, quiet on Sundays');
    });
  });
}

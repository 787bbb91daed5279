/**
 * The endpoint over real HTTP against a fresh database of each backend (SQLite,
 * and PostgreSQL when TEST_DATABASE_URL is set): every route's success case, the
 * problems for bad input and wrong keys, that a rejected request changes
 * nothing, HTTP caching of the public reads, and readiness.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Availability, City, InventoryResult, Problem, Product, ProductList, Store, StoreCreated, StoreList } from '../../src/sdk/contract/schemas.js';
import { ADMIN_KEY, CHAIR, LAMP, UNKNOWN, VASE, gtin, seedTestTown, testCity, testStores, type SeededTown } from '../fixtures/town.js';
import { createApp } from '../../src/server/app.js';
import { SDK_DIR } from '../../src/server/package-files.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';
import { applyInventory } from '../../src/server/inventory/apply.js';
import { compareRoutes } from './route-table.js';

let ep: RunningEndpoint;
let town: SeededTown;

async function getJson(path: string, init?: RequestInit) {
  const res = await fetch(ep.url + path, init);
  const type = res.headers.get('content-type') ?? '';
  const copy = res.clone();
  return { res: copy, body: type.includes('json') ? ((await res.json()) as any) : await res.text() };
}

async function expectProblem(res: Response, status: number, code: string) {
  assert.equal(res.status, status, `expected ${status} ${code}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = Problem.parse(await res.json());
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  assert.equal(problem.type, `urn:citylab:problem:${code}`);
  assert.ok(problem.detail.length > 10, 'a human detail');
  return problem;
}

const stockOf = async (id: string) => (await ep.storage.stockOfStore(id)).map((r) => `${r.sku}:${r.gtin}:${r.quantity}:${r.price}`).sort();

for (const backend of BACKENDS) {
  describe(`the endpoint on ${backend}`, () => {
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    describe('public routes', () => {
      it('GET /v1/health', async () => {
        const { res, body } = await getJson('/v1/health');
        assert.equal(res.status, 200);
        assert.equal(body.status, 'ok');
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      });

      it('GET /v1/city returns the town', async () => {
        const { res, body } = await getJson('/v1/city');
        assert.equal(res.status, 200);
        assert.deepEqual(City.parse(body), testCity);
      });

      it('GET /v1/stores lists every shop, GET /v1/stores/{id} one', async () => {
        const list = StoreList.parse((await getJson('/v1/stores')).body);
        assert.deepEqual(list.items.map((s) => s.id).sort(), testStores.map((s) => s.id).sort());
        const { res, body } = await getJson('/v1/stores/licht-haus');
        assert.equal(res.status, 200);
        const store = Store.parse(body);
        assert.equal(store.name, 'Licht & Haus');
        assert.deepEqual(store.opening_hours.weekly.mon, [{ opens: '09:30', closes: '13:00' }, { opens: '14:30', closes: '18:30' }]);
        await expectProblem((await getJson('/v1/stores/no-such-shop')).res, 404, 'store-not-found');
      });

      it('GET /v1/products searches by name, brand and GTIN; GET /v1/products/{gtin} finds one', async () => {
        const byName = ProductList.parse((await getJson('/v1/products?q=tischleuchte')).body);
        assert.deepEqual(byName.items.map((p) => p.gtin), [LAMP]);
        const byBrand = ProductList.parse((await getJson('/v1/products?q=SAUERTON')).body);
        assert.deepEqual(byBrand.items.map((p) => p.gtin), [VASE]);
        const byGtin = ProductList.parse((await getJson(`/v1/products?q=${CHAIR.slice(-5)}`)).body);
        assert.deepEqual(byGtin.items.map((p) => p.gtin), [CHAIR]);
        const none = ProductList.parse((await getJson('/v1/products?q=%25_')).body);
        assert.deepEqual(none.items, [], 'LIKE wildcards are taken literally');
        const { res, body } = await getJson(`/v1/products/${LAMP}`);
        assert.equal(res.status, 200);
        assert.equal(Product.parse(body).name, 'Tischleuchte Mohn');
        await expectProblem((await getJson(`/v1/products/${UNKNOWN}`)).res, 404, 'product-not-found');
        await expectProblem((await getJson('/v1/products/4006381333932')).res, 400, 'validation-failed');
        await expectProblem((await getJson('/v1/products?q=a')).res, 400, 'validation-failed');
      });

      it('GET /v1/availability lists every shop with the product, in-stock first, quantities only where allowed', async () => {
        const { res, body } = await getJson(`/v1/availability?gtin=${LAMP}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        const a = Availability.parse(body);
        assert.equal(a.product.name, 'Tischleuchte Mohn');
        assert.deepEqual(
          a.offers.map((o) => [o.store.id, o.availability, o.quantity ?? null, o.price.amount, o.pickup.method, o.reservable]),
          [
            // The endpoint says what can be reserved: units free at a shop that takes reservations.
            ['licht-haus', 'in_stock', 5, '89.00', 'reserve', true],
            ['keramik-koenig', 'limited_availability', 2, '95.00', 'not_supported', false],
            ['wohnen-am-steinweg', 'out_of_stock', null, '92.00', 'reserve', false],
          ],
        );
        // On display, to order: the shop counts no units, so nothing can be held.
        const chair = Availability.parse((await getJson(`/v1/availability?gtin=${CHAIR}`)).body);
        assert.deepEqual(chair.offers.map((o) => [o.availability, o.reservable]), [['on_display_to_order', false]]);
        assert.equal(a.offers[0]!.pickup.sla, 'same_day', '120 minutes is a same-day promise');
        assert.ok(a.offers.every((o) => o.distance_m === undefined));
        assert.ok(a.offers.every((o) => !Number.isNaN(Date.parse(o.updated_at))));
      });

      it('GET /v1/availability with a location adds distances and sorts by them', async () => {
        // Right next to Keramik König (51.3940, 8.0600).
        const a = Availability.parse((await getJson(`/v1/availability?gtin=${LAMP}&lat=51.3941&lon=8.0601`)).body);
        assert.deepEqual(a.offers.map((o) => o.store.id), ['keramik-koenig', 'licht-haus', 'wohnen-am-steinweg']);
        const d = a.offers.map((o) => o.distance_m!);
        assert.ok(d[0]! < 20 && d[0]! < d[1]! && d[1]! < d[2]!, `increasing distances: ${d}`);
        // 0.0029° north (322 m) and 0.0049° east (340 m at this latitude): 468 m.
        assert.ok(Math.abs(d[1]! - 468) < 5, `Licht & Haus about 468 m away, got ${d[1]}`);
      });

      it('GET /v1/availability by a shop\'s own article number', async () => {
        const a = Availability.parse((await getJson('/v1/availability?store=wohnen-am-steinweg&sku=4711-B')).body);
        assert.equal(a.gtin, CHAIR);
        assert.deepEqual(a.offers.map((o) => [o.store.id, o.availability]), [['wohnen-am-steinweg', 'on_display_to_order']]);
        await expectProblem((await getJson('/v1/availability?store=wohnen-am-steinweg&sku=nope')).res, 404, 'product-not-found');
      });

      it('GET /v1/availability rejects unclear queries', async () => {
        await expectProblem((await getJson('/v1/availability')).res, 400, 'validation-failed');
        await expectProblem((await getJson(`/v1/availability?gtin=${LAMP}&lat=51.39`)).res, 400, 'validation-failed');
        await expectProblem((await getJson(`/v1/availability?gtin=${LAMP}&lat=north&lon=8`)).res, 400, 'validation-failed');
        await expectProblem((await getJson(`/v1/availability?gtin=${LAMP}&lat=91&lon=8`)).res, 400, 'validation-failed');
        await expectProblem((await getJson(`/v1/availability?gtin=${UNKNOWN}`)).res, 404, 'product-not-found');
      });

      it('answers unknown routes with a problem', async () => {
        await expectProblem((await getJson('/v1/nothing-here')).res, 404, 'route-not-found');
      });

      it('answers a CORS preflight for public reads, without credentials', async () => {
        const res = await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://some-shop.example', 'Access-Control-Request-Method': 'GET' },
        });
        assert.ok(res.status === 204 || res.status === 200);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.equal(res.headers.get('access-control-allow-credentials'), null);
      });

      it('serves an OpenAPI 3.1 document written from the route table: every /v1 route in it, everything in it routed', async () => {
        const { res, body } = await getJson('/v1/openapi.json');
        assert.equal(res.status, 200);
        assert.equal(body.openapi, '3.1.0');
        for (const name of ['Store', 'OpeningHours', 'Product', 'Model3D', 'Offer', 'Availability', 'InventoryItem', 'Problem', 'StoreCreate', 'StorePatch', 'InventoryUpload', 'Reservation', 'ReservationCreate']) {
          assert.ok(body.components.schemas[name], `component ${name}`);
        }
        assert.deepEqual(body.components.schemas.AvailabilityState.enum, ['in_stock', 'limited_availability', 'out_of_stock', 'on_display_to_order']);
        // The routes of an app made as this endpoint was, against the document it serves over HTTP.
        const app = createApp({ storage: ep.storage, adminKey: ADMIN_KEY, version: 'test', sdkDir: SDK_DIR, publicUrl: ep.url });
        assert.deepEqual(compareRoutes(app, body), { undocumented: [], unrouted: [] });
        assert.equal(body.paths['/v1/availability'].get.security.length, 0, 'public reads need no key');
        assert.deepEqual(body.paths['/v1/stores/{id}/inventory'].put.security, [{ shopKey: [] }, { operatorKey: [] }, { dashboardSession: [] }]);
      });
    });

    describe('shop routes', () => {
      it('PUT inventory replaces, PATCH merges, GET shows the shop its own stock', async () => {
        const key = town.keys['keramik-koenig']!;
        const headers = keyHeaders(key);
        const items = [
          { sku: 'KK-1', gtin: VASE, quantity: 11, price: { amount: '32', currency: 'EUR' } },
          { sku: 'KK-3', gtin: gtin(50), quantity: 4, price: { amount: '12.5', currency: 'EUR' }, title: 'Becher Möhne', brand: 'Sauerton' },
        ];
        const put = await fetch(`${ep.url}/v1/stores/keramik-koenig/inventory`, { method: 'PUT', headers, body: JSON.stringify({ items }) });
        assert.equal(put.status, 200);
        assert.deepEqual(InventoryResult.parse(await put.json()), {
          store_id: 'keramik-koenig', mode: 'replace', dry_run: false, received: 2, created: 1, updated: 1, removed: 1, products_created: 1,
        });
        assert.deepEqual(await stockOf('keramik-koenig'), [`KK-1:${VASE}:11:32.00`, `KK-3:${gtin(50)}:4:12.50`]);

        const patch = await fetch(`${ep.url}/v1/stores/keramik-koenig/inventory`, {
          method: 'PATCH', headers, body: JSON.stringify({ items: [{ sku: 'KK-2', gtin: LAMP, quantity: 2, price: { amount: '95.00', currency: 'EUR' } }] }),
        });
        assert.equal(patch.status, 200);
        assert.equal(InventoryResult.parse(await patch.json()).created, 1);
        assert.deepEqual(await stockOf('keramik-koenig'), [`KK-1:${VASE}:11:32.00`, `KK-2:${LAMP}:2:95.00`, `KK-3:${gtin(50)}:4:12.50`]);

        const own = await fetch(`${ep.url}/v1/stores/keramik-koenig/inventory`, { headers });
        assert.equal(own.status, 200);
        const body = (await own.json()) as { items: { sku: string; quantity: number }[] };
        assert.deepEqual(body.items.map((i) => [i.sku, i.quantity]), [['KK-1', 11], ['KK-2', 2], ['KK-3', 4]]);
      });

      it('accepts a Google local inventory feed as CSV, TSV and semicolon CSV', async () => {
        const key = town.keys['wohnen-am-steinweg']!;
        const before = await stockOf('wohnen-am-steinweg');
        const csv = `store_code,id,gtin,quantity,price,availability,pickup_method,pickup_sla\nwohnen-am-steinweg,4711-A,${LAMP},3,92.00 EUR,in stock,reserve,next day\n`;
        const dry = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory?dry_run=1`, { method: 'PATCH', headers: keyHeaders(key, 'text/csv'), body: csv });
        assert.equal(dry.status, 200);
        assert.equal(InventoryResult.parse(await dry.json()).dry_run, true);
        assert.deepEqual(await stockOf('wohnen-am-steinweg'), before, 'a dry run changes nothing');

        const res = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { method: 'PATCH', headers: keyHeaders(key, 'text/csv'), body: csv });
        assert.equal(res.status, 200, await res.clone().text());
        const a = Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json());
        const offer = a.offers.find((o) => o.store.id === 'wohnen-am-steinweg')!;
        assert.equal(offer.availability, 'in_stock');
        assert.equal(offer.pickup.sla, 'next_day');
        assert.equal(offer.quantity, undefined, 'this shop does not show quantities');

        const tsv = `id\tgtin\tquantity\tprice\n4711-A\t${LAMP}\t7\t90.00 EUR\n`;
        const t = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { method: 'PATCH', headers: keyHeaders(key, 'text/tab-separated-values'), body: tsv });
        assert.equal(t.status, 200);
        const semi = `id;gtin;quantity;price\n4711-A;${LAMP};6;"89,90"\n`;
        const s = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { method: 'PATCH', headers: keyHeaders(key, 'text/csv'), body: semi });
        assert.equal(s.status, 200, await s.clone().text());
        assert.ok((await stockOf('wohnen-am-steinweg')).includes(`4711-A:${LAMP}:6:89.90`));
      });

      it('rejects a CSV with one bad row whole, naming its line', async () => {
        const key = town.keys['licht-haus']!;
        const before = await stockOf('licht-haus');
        const csv = [
          'id,gtin,quantity,price',
          `LH-100,${LAMP},9,89.00 EUR`,
          `LH-200,${VASE},2,34.50 EUR`,
          `LH-300,4006381333932,1,10.00 EUR`,
          `LH-400,${gtin(60)},1,10.00 EUR`,
        ].join('\n');
        const res = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(key, 'text/csv'), body: csv });
        const problem = await expectProblem(res, 422, 'invalid-feed');
        assert.deepEqual(problem.errors!.map((e) => [e.line, e.field]), [[4, 'gtin']]);
        assert.match(problem.detail, /Zeile 4/, 'German unless the client prefers English');
        assert.deepEqual(await stockOf('licht-haus'), before, 'nothing half-applied');

        // With the GTIN fixed, the next problem is the product the town doesn't know (line 5).
        const res2 = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(key, 'text/csv'), body: csv.replace('4006381333932', gtin(61)) });
        const p2 = await expectProblem(res2, 422, 'invalid-feed');
        assert.deepEqual(p2.errors!.map((e) => [e.line, e.field]), [[4, 'title'], [5, 'title']]);
        assert.deepEqual(await stockOf('licht-haus'), before);
      });

      it('reports every bad line of a feed and unknown columns', async () => {
        const key = town.keys['licht-haus']!;
        const bad = `id,gtin,quantity,price,availability\nA,${LAMP},-1,1.00 EUR,\nB,${VASE},1,cheap,\nC,${CHAIR},1,1.00 EUR,sold out\nC,${CHAIR},1`;
        const p = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(key, 'text/csv'), body: bad }), 422, 'invalid-feed');
        assert.deepEqual(p.errors!.map((e) => e.line), [2, 3, 4, 5]);
        const cols = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(key, 'text/csv'), body: 'id,gtin,price,colour\n' }), 422, 'invalid-feed');
        assert.ok(cols.errors!.some((e) => e.field === 'colour' && e.line === 1));
        const feed = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
          method: 'PUT', headers: keyHeaders(key), body: JSON.stringify({ items: [
            { sku: 'X', gtin: LAMP, quantity: 1, price: { amount: '1', currency: 'EUR' } },
            { sku: 'X', gtin: VASE, quantity: 1, price: { amount: '1', currency: 'EUR' } },
          ] }),
        }), 422, 'invalid-feed');
        assert.deepEqual(feed.errors!.map((e) => e.path), ['items.1.sku']);
      });

      it('PATCH /v1/stores/{id} edits the shop\'s own profile', async () => {
        const key = town.keys['licht-haus']!;
        const hours = { weekly: { mon: [], tue: [{ opens: '10:00', closes: '18:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] }, special_days: [] };
        const res = await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(key), body: JSON.stringify({ opening_hours: hours, phone: null }) });
        assert.equal(res.status, 200);
        const store = Store.parse(await res.json());
        assert.deepEqual(store.opening_hours, hours);
        assert.equal(store.phone, undefined);
        assert.equal(store.name, 'Licht & Haus', 'untouched fields stay');
        assert.deepEqual(Store.parse((await getJson('/v1/stores/licht-haus')).body).opening_hours, hours);
        // Availability answers are cached; the edit must show there at once too.
        const a = Availability.parse((await getJson(`/v1/availability?gtin=${LAMP}`)).body);
        assert.deepEqual(a.offers.find((o) => o.store.id === 'licht-haus')!.store.opening_hours, hours);
      });

      it('shows stock written by another instance\'s connection to the same database at once (cache invalidation)', async () => {
        const before = Availability.parse((await getJson(`/v1/availability?gtin=${VASE}`)).body);
        assert.ok(before.offers.some((o) => o.store.id === 'licht-haus'));
        const other = await ep.database.open();
        try {
          const plan = await applyInventory(other, {
            storeId: 'licht-haus', mode: 'merge', dryRun: false, now: new Date().toISOString(),
            items: [{ sku: 'LH-200', gtin: VASE, quantity: 0, price: { amount: '34.50', currency: 'EUR' } }],
          });
          assert.deepEqual(plan.errors, []);
        } finally {
          await other.close();
        }
        const after = Availability.parse((await getJson(`/v1/availability?gtin=${VASE}`)).body);
        assert.equal(after.offers.find((o) => o.store.id === 'licht-haus')!.availability, 'out_of_stock');
      });
    });

    describe('keys', () => {
      const lampBody = JSON.stringify({ items: [{ sku: 'EVIL', gtin: LAMP, quantity: 99, price: { amount: '1.00', currency: 'EUR' } }] });

      it('401 without a key or with a wrong one, 403 with another shop\'s key, and nothing changes', async () => {
        const target = 'licht-haus';
        const before = await stockOf(target);
        const storeBefore = await ep.storage.getStore(target);
        const attempts: [Record<string, string>, number, string][] = [
          [{ 'Content-Type': 'application/json' }, 401, 'unauthorized'],
          [keyHeaders('cl_sk_not-a-real-key'), 401, 'unauthorized'],
          [{ ...keyHeaders(town.keys['licht-haus']!), Authorization: `Basic ${btoa('a:b')}` }, 401, 'unauthorized'],
          [keyHeaders(town.keys['keramik-koenig']!), 403, 'forbidden'],
        ];
        for (const [headers, status, code] of attempts) {
          for (const method of ['PUT', 'PATCH']) {
            const res = await fetch(`${ep.url}/v1/stores/${target}/inventory`, { method, headers, body: lampBody });
            await expectProblem(res, status, code);
            if (status === 401) assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
          }
          await expectProblem(await fetch(`${ep.url}/v1/stores/${target}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'Hacked' }) }), status, code);
          await expectProblem(await fetch(`${ep.url}/v1/stores/${target}/inventory`, { headers }), status, code);
        }
        assert.deepEqual(await stockOf(target), before);
        assert.deepEqual(await ep.storage.getStore(target), storeBefore);
      });

      it('a key sent to a public read must be valid; without one, or with another scheme, reads work as ever', async () => {
        await expectProblem(await fetch(`${ep.url}/v1/stores`, { headers: { Authorization: 'Bearer cl_sk_revoked-or-made-up' } }), 401, 'unauthorized');
        const unknown = await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`, { headers: { Authorization: 'Bearer nonsense' } });
        await expectProblem(unknown, 401, 'unauthorized');
        assert.match(unknown.headers.get('www-authenticate') ?? '', /^Bearer/);
        const reads: Record<string, string>[] = [{}, { Authorization: `Bearer ${town.keys['licht-haus']}` }, { Authorization: `Bearer ${ADMIN_KEY}` }, { Authorization: `Basic ${btoa('staging:secret')}` }];
        for (const headers of reads) {
          assert.equal((await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`, { headers })).status, 200, JSON.stringify(headers));
        }
      });

      it('an operator route tells a shop key (403) from a key no shop has (401)', async () => {
        await expectProblem(await fetch(`${ep.url}/v1/city`, { method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify(testCity) }), 403, 'forbidden');
        await expectProblem(await fetch(`${ep.url}/v1/city`, { method: 'PUT', headers: keyHeaders('cl_sk_no-shop-has-this'), body: JSON.stringify(testCity) }), 401, 'unauthorized');
      });

      it('only the operator adds shops and rotates keys; a rotated key stops working', async () => {
        const body = JSON.stringify({
          name: 'Fahrrad Fix', address: { street: 'Ruhrstraße 1', postal_code: '59821', city: 'Testhausen', country: 'DE' }, location: { lat: 51.395, lon: 8.066 },
        });
        await expectProblem(await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }), 401, 'unauthorized');
        await expectProblem(await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: keyHeaders(town.keys['licht-haus']!), body }), 403, 'forbidden');
        assert.equal(await ep.storage.getStore('fahrrad-fix'), null);

        const res = await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: adminHeaders, body });
        assert.equal(res.status, 201);
        assert.equal(res.headers.get('location'), '/v1/stores/fahrrad-fix');
        const created = StoreCreated.parse(await res.json());
        assert.equal(created.store.id, 'fahrrad-fix');
        assert.match(created.key, /^cl_sk_[A-Za-z0-9_-]{32}$/);
        assert.equal(created.store.click_and_collect.enabled, false, 'a new shop starts without click & collect');
        const [row] = await ep.database.sql<{ key_hash: string }>('SELECT key_hash FROM stores WHERE id = ?', 'fahrrad-fix');
        assert.match(row!.key_hash, /^[0-9a-f]{64}$/);
        assert.ok(!JSON.stringify(await ep.database.sql('SELECT * FROM stores')).includes(created.key), 'only the hash is stored');

        await expectProblem(await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: adminHeaders, body }), 409, 'conflict');

        const ok = await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(created.key), body: JSON.stringify({ phone: '+49 2931 5555' }) });
        assert.equal(ok.status, 200);
        await expectProblem(await fetch(`${ep.url}/v1/stores/fahrrad-fix/keys`, { method: 'POST', headers: keyHeaders(created.key) }), 403, 'forbidden');
        const rotated = await fetch(`${ep.url}/v1/stores/fahrrad-fix/keys`, { method: 'POST', headers: adminHeaders });
        assert.equal(rotated.status, 201);
        const { key: newKey } = (await rotated.json()) as { key: string };
        assert.notEqual(newKey, created.key);
        await expectProblem(await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(created.key), body: '{"phone":null}' }), 401, 'unauthorized');
        assert.equal((await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(newKey), body: '{"phone":null}' })).status, 200);
      });
    });

    describe('bad input changes nothing', () => {
      it('400 for malformed JSON', async () => {
        const before = await stockOf('licht-haus');
        const res = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!), body: '{"items": [' });
        await expectProblem(res, 400, 'malformed-json');
        await expectProblem(await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: adminHeaders, body: "{name: 'x'}" }), 400, 'malformed-json');
        assert.deepEqual(await stockOf('licht-haus'), before);
      });

      it('400 for unknown fields, at the top and nested, naming them', async () => {
        const key = town.keys['licht-haus']!;
        const top = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(key), body: JSON.stringify({ name: 'X', colour: 'red' }) }), 400, 'validation-failed');
        assert.deepEqual(top.errors, [{ path: 'colour', reason: 'unknown field' }]);
        const nested = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus`, {
          method: 'PATCH', headers: keyHeaders(key), body: JSON.stringify({ address: { street: 'A 1', postal_code: '59821', city: 'T', country: 'DE', floor: 2 } }),
        }), 400, 'validation-failed');
        assert.deepEqual(nested.errors, [{ path: 'address.floor', reason: 'unknown field' }]);
        const item = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
          method: 'PATCH', headers: keyHeaders(key), body: JSON.stringify({ items: [{ sku: 'A', gtin: LAMP, quantity: 1, price: { amount: '1.00', currency: 'EUR' }, colour: 'red' }] }),
        }), 400, 'validation-failed');
        assert.deepEqual(item.errors, [{ path: 'items.0.colour', reason: 'unknown field' }]);
        assert.equal((await ep.storage.getStore('licht-haus'))!.name, 'Licht & Haus');
      });

      it('400 with field and reason for invalid values', async () => {
        const p = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus`, {
          method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!),
          body: JSON.stringify({ opening_hours: { weekly: { mon: [{ opens: '18:00', closes: '09:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, special_days: [] } }),
        }), 400, 'validation-failed');
        assert.deepEqual(p.errors, [{ path: 'opening_hours.weekly.mon.0.closes', reason: 'closes must be after opens' }]);
      });

      it('400 naming the query parameter or path segment the route declares, and nothing changes', async () => {
        const key = town.keys['licht-haus']!;
        const before = await stockOf('licht-haus');
        const csv = `id,gtin,quantity,price\nLH-100,${LAMP},1,1.00 EUR\n`;
        // "yes" is not a dry run the endpoint knows: refused, rather than taken for a real upload.
        const dry = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory?dry_run=yes`, { method: 'PUT', headers: keyHeaders(key, 'text/csv'), body: csv }), 400, 'validation-failed');
        assert.deepEqual(dry.errors!.map((e) => e.path), ['dry_run']);
        assert.deepEqual(await stockOf('licht-haus'), before);
        const limit = await expectProblem((await getJson('/v1/products?q=leuchte&limit=lots')).res, 400, 'validation-failed');
        assert.deepEqual(limit.errors!.map((e) => e.path), ['limit']);
        assert.equal(ProductList.parse((await getJson('/v1/products?q=leuchte&limit=1')).body).items.length, 1);
        const id = await expectProblem((await getJson('/v1/stores/Not_A_Shop')).res, 400, 'validation-failed');
        assert.deepEqual(id.errors!.map((e) => e.path), ['id']);
        const status = await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/reservations?status=held,lost`, { headers: keyHeaders(key) }), 400, 'validation-failed');
        assert.deepEqual(status.errors!.map((e) => e.path), ['status']);
      });

      it('413 for a 2 MB body, and 415 for a body that is not JSON', async () => {
        const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
        await expectProblem(await fetch(`${ep.url}/v1/stores`, { method: 'POST', headers: adminHeaders, body: big }), 413, 'payload-too-large');
        await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: big }), 413, 'payload-too-large');
        await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!, 'text/plain'), body: '{}' }), 415, 'unsupported-media-type');
      });

      it('413 for a stock feed over 16 MB (a whole shop fits below it)', async () => {
        const huge = 'id,gtin,quantity,price\n' + `A,${LAMP},1,1.00 EUR\n`.repeat(17 * 1024 * 1024 / 25);
        await expectProblem(await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!, 'text/csv'), body: huge }), 413, 'payload-too-large');
      });
    });

    describe('HTTP caching of public reads', () => {
      const revalidate = async (path: string) => {
        const first = await fetch(ep.url + path);
        assert.equal(first.status, 200, path);
        const etag = first.headers.get('etag');
        assert.ok(etag && /^(W\/)?"[^"]+"$/.test(etag), `${path}: ETag ${etag}`);
        assert.match(first.headers.get('cache-control') ?? '', /^public, max-age=\d+, stale-while-revalidate=\d+$/, path);
        const body = await first.text();
        const again = await fetch(ep.url + path, { headers: { 'If-None-Match': etag } });
        assert.equal(again.status, 304, `${path}: 304 for its own ETag`);
        assert.equal(await again.text(), '');
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(again.headers.get('cache-control'), first.headers.get('cache-control'));
        assert.equal(again.headers.get('access-control-allow-origin'), '*', `${path}: a 304 keeps CORS`);
        const other = await fetch(ep.url + path, { headers: { 'If-None-Match': '"something-else"' } });
        assert.equal(other.status, 200);
        assert.equal(await other.text(), body);
        return { etag, body };
      };

      it('stores, products, the town, places, availability and OpenAPI: ETag, short max-age with stale-while-revalidate, 304', async () => {
        for (const path of ['/v1/stores', '/v1/stores/licht-haus', '/v1/city', '/v1/places?q=598', `/v1/products?q=leuchte`, `/v1/products/${LAMP}`,
          `/v1/availability?gtin=${LAMP}`, `/v1/availability?gtin=${LAMP}&lat=51.3941&lon=8.0601`, '/v1/availability?store=wohnen-am-steinweg&sku=4711-B', '/v1/openapi.json']) {
          await revalidate(path);
        }
        assert.equal((await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).headers.get('cache-control'), 'public, max-age=30, stale-while-revalidate=60');
        // Another location is another answer.
        const here = (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}&lat=51.3941&lon=8.0601`)).headers.get('etag');
        const there = (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}&lat=51.3990&lon=8.0700`)).headers.get('etag');
        assert.notEqual(here, there);
      });

      it('a stock change gives availability a new ETag: the old one gets the new answer, not a 304', async () => {
        const { etag, body } = await revalidate(`/v1/availability?gtin=${VASE}`);
        const patch = await fetch(`${ep.url}/v1/stores/keramik-koenig/inventory`, {
          method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ items: [{ sku: 'KK-1', gtin: VASE, quantity: 3, price: { amount: '31.00', currency: 'EUR' } }] }),
        });
        assert.equal(patch.status, 200);
        const after = await fetch(`${ep.url}/v1/availability?gtin=${VASE}`, { headers: { 'If-None-Match': etag } });
        assert.equal(after.status, 200);
        assert.notEqual(after.headers.get('etag'), etag);
        assert.notEqual(await after.text(), body);
      });

      it('private answers and liveness are never cached', async () => {
        const own = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { headers: keyHeaders(town.keys['licht-haus']!) });
        assert.equal(own.status, 200);
        assert.equal(own.headers.get('cache-control'), 'private, no-store');
        assert.equal(own.headers.get('etag'), null);
        const list = await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: keyHeaders(town.keys['licht-haus']!) });
        assert.equal(list.headers.get('cache-control'), 'private, no-store');
        assert.equal(list.headers.get('etag'), null);
        assert.equal((await fetch(`${ep.url}/v1/health`)).headers.get('cache-control'), 'no-store');
        assert.equal((await fetch(`${ep.url}/v1/ready`)).headers.get('cache-control'), 'no-store');
      });

      it('SDK files: citylab.js for minutes, content-hashed chunks immutable for a year, both with 304', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'citylab-sdk-'));
        writeFileSync(join(dir, 'citylab.js'), 'export const entry = 1;\n');
        writeFileSync(join(dir, 'map-BMk3moQf.js'), 'export const chunk = 1;\n');
        const sdk = await startEndpoint({ database: ep.database, app: { sdkDir: dir } });
        try {
          const entry = await fetch(`${sdk.url}/sdk/citylab.js`);
          assert.equal(entry.status, 200);
          assert.equal(entry.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=86400');
          assert.equal(await entry.text(), 'export const entry = 1;\n');
          const chunk = await fetch(`${sdk.url}/sdk/map-BMk3moQf.js`);
          assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
          assert.equal(chunk.headers.get('access-control-allow-origin'), '*');
          for (const res of [entry, chunk]) {
            const etag = res.headers.get('etag')!;
            assert.ok(etag, 'an ETag');
            const again = await fetch(res.url, { headers: { 'If-None-Match': etag } });
            assert.equal(again.status, 304);
            assert.equal(again.headers.get('access-control-allow-origin'), '*');
          }
        } finally {
          await sdk.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });

    describe('readiness', () => {
      it('GET /v1/ready is 200 while the database answers, 503 when it does not or while shutting down', async () => {
        const ready = await fetch(`${ep.url}/v1/ready`);
        assert.equal(ready.status, 200);
        assert.deepEqual(await ready.json(), { status: 'ready', storage: backend });
        let draining = false;
        const second = await startEndpoint({ database: ep.database, app: { draining: () => draining } });
        try {
          assert.equal((await fetch(`${second.url}/v1/ready`)).status, 200);
          draining = true;
          const res = await fetch(`${second.url}/v1/ready`);
          await expectProblem(res, 503, 'not-ready');
          assert.ok(Number(res.headers.get('retry-after')) > 0);
          draining = false;
          // Its database connection gone: not ready, while liveness still says the process runs.
          await second.storage.close();
          await expectProblem(await fetch(`${second.url}/v1/ready`), 503, 'not-ready');
          assert.equal((await fetch(`${second.url}/v1/health`)).status, 200);
        } finally {
          await second.close();
        }
      });
    });
  });
}

/**
 * A NUL character (and other controls) in a query parameter, a path id or a feed field
 * answers 400 or 404 on every public route, on each backend: never 500 (PostgreSQL
 * refuses NUL in text outright, where SQLite just finds nothing).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const NUL = '%00';

for (const backend of BACKENDS) {
  describe(`NUL characters on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const reads = [
      `/v1/availability?gtin=${LAMP}${NUL}`,
      `/v1/availability?store=licht-haus&sku=LH${NUL}100`,
      `/v1/availability?store=licht${NUL}haus&sku=LH-100`,
      `/v1/availability?gtin=${LAMP}&lat=51.3${NUL}&lon=8.0`,
      `/v1/places?q=Te${NUL}st`,
      `/v1/products?q=Le${NUL}uchte`,
      `/v1/products/${LAMP}${NUL}`,
      `/v1/products/${LAMP}/model${NUL}`,
      `/v1/stores/licht${NUL}haus`,
      `/v1/reservations/res_${NUL}abc`,
      `/r/res_${NUL}abc`,
      `/ar/${LAMP}${NUL}`,
      `/ar/${LAMP}?back=https://licht-haus.example/${NUL}`,
      `/docs/citylab-store-finder?gtin=${LAMP}${NUL}`,
      `/docs/citylab-store-finder?store=licht${NUL}haus`,
      `/docs/citylab${NUL}`,
    ];
    for (const path of reads) {
      it(`GET ${path} answers 400 or 404`, async () => {
        const res = await fetch(`${ep.url}${path}`, path.startsWith('/v1/reservations') ? { headers: { Authorization: 'Bearer cl_ct_made-up' } } : {});
        const text = await res.text();
        assert.ok([400, 404].includes(res.status) || (res.status === 200 && !path.startsWith('/v1')), `${res.status} ${text.slice(0, 300)}`);
      });
    }

    it('POST /v1/reservations/{id}/cancel with a NUL in the id answers 404', async () => {
      const res = await fetch(`${ep.url}/v1/reservations/res_${NUL}x/cancel`, { method: 'POST', headers: { Authorization: 'Bearer cl_ct_made-up' } });
      assert.equal(res.status, 404, await res.text());
    });

    it('a shop\'s reservation id with a NUL answers 400', async () => {
      const res = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/res_${NUL}x`, {
        method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ status: 'ready' }),
      });
      assert.equal(res.status, 400, await res.text());
    });

    it('a reservation whose fields carry a NUL answers 400', async () => {
      for (const body of [
        { store: 'licht-haus', sku: 'LH\u0000100', quantity: 1, privacy_accepted: true, customer: { name: 'Erika', email: 'erika@example.org' } },
        { store: 'licht\u0000haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'Erika', email: 'erika@example.org' } },
        { store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'Erika\u0000', email: 'erika@example.org' } },
        { store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'Erika', email: 'erika\u0000@example.org' } },
      ]) {
        const res = await fetch(`${ep.url}/v1/reservations`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body) });
        assert.equal(res.status, 400, await res.text());
      }
    });

    it('a stock feed with a NUL in a field answers 400 or 422 and changes nothing', async () => {
      const before = await ep.storage.stockOfStore('licht-haus');
      for (const feed of [`id,gtin,quantity,price,title\nLH\u0000-9,${LAMP},1,9.00 EUR,Leuchte\n`, `id,gtin,quantity,price,title\nLH-9,${LAMP},1,9.00 EUR,Leu\u0000chte\n`]) {
        const res = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!, 'text/csv'), body: feed });
        assert.ok([400, 422].includes(res.status), `${res.status} ${await res.text()}`);
      }
      assert.deepEqual(await ep.storage.stockOfStore('licht-haus'), before);
    });
  });
}

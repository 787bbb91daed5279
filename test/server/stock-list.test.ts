/**
 * The shop's own view of its stock and its promise, on each backend: the stock
 * list names each article (the shop's own title, and the town's product name),
 * and the shop keeps its own stock promise in its profile (hours, 1 to 336;
 * null goes back to the default), refused with the field named when out of range.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Problem, Store, STOCK_PROMISE_HOURS, stockIsStale } from '../../src/sdk/contract/index.js';
import { seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

for (const backend of BACKENDS) {
  describe(`the shop's stock list and stock promise on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());
    const headers = () => keyHeaders(town.keys['wohnen-am-steinweg']!);

    it('names each article: the shop\'s own title where it gave one, and the town\'s product name', async () => {
      const res = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: headers() });
      assert.equal(res.status, 200);
      const { items } = (await res.json()) as { items: { sku: string; title?: string; product_name?: string }[] };
      // 4711-A has no title of its own: the lamp is named by the town's product (another shop's title made it).
      assert.deepEqual(items.map((i) => [i.sku, i.title, i.product_name]), [
        ['4711-A', undefined, 'Tischleuchte Mohn'],
        ['4711-B', 'Sessel Lenne', 'Sessel Lenne'],
      ]);
    });

    it('keeps the shop\'s own stock promise; out of range is refused with the field named and nothing changed', async () => {
      const patch = (body: unknown) => fetch(`${ep.url}/v1/stores/wohnen-am-steinweg`, { method: 'PATCH', headers: headers(), body: JSON.stringify(body) });
      const store = async () => Store.parse(await (await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg`)).json());
      assert.equal((await store()).stock_promise_hours, undefined, 'the default until the shop says otherwise');
      assert.equal((await patch({ stock_promise_hours: 48 })).status, 200);
      assert.equal((await store()).stock_promise_hours, 48);
      for (const bad of [0, 337, 1.5, '24']) {
        const res = await patch({ stock_promise_hours: bad });
        const text = await res.text();
        assert.equal(res.status, 400, text);
        assert.equal(Problem.parse(JSON.parse(text)).errors?.[0]?.path, 'stock_promise_hours');
      }
      assert.equal((await store()).stock_promise_hours, 48, 'nothing changed');
      assert.equal((await patch({ stock_promise_hours: null })).status, 200);
      assert.equal((await store()).stock_promise_hours, undefined);
    });

    it('the warning follows the promise', () => {
      const now = new Date('2026-12-02T12:00:00Z');
      assert.equal(STOCK_PROMISE_HOURS, 24);
      assert.equal(stockIsStale('2026-12-01T13:00:00Z', undefined, now), false, '23 hours keep a promise of 24');
      assert.equal(stockIsStale('2026-12-01T11:00:00Z', undefined, now), true);
      assert.equal(stockIsStale('2026-12-01T11:00:00Z', 48, now), false);
      assert.equal(stockIsStale('2026-12-02T10:00:00Z', 1, now), true);
    });
  });
}

/**
 * Held units are never lost by a stock upload, on each backend: an upload that would
 * change the GTIN of an article with open holds, or a replace that leaves such an
 * article out (so that it would come back later with nothing held), is refused with a
 * reason naming the article, and changes nothing; once the reservations are settled
 * the same uploads go through.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Problem, Reservation } from '../../src/sdk/contract/schemas.js';
import { CHAIR, LAMP, VASE, gtin, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const OTHER = gtin(77);

for (const backend of BACKENDS) {
  describe(`held units and stock uploads on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const upload = (method: 'PUT' | 'PATCH', items: unknown[]) =>
      fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method, headers: keyHeaders(town.keys['licht-haus']!), body: JSON.stringify({ items }) });
    const csv = (text: string) =>
      fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { method: 'PUT', headers: keyHeaders(town.keys['licht-haus']!, 'text/csv'), body: text });
    const lamp = async () => (await ep.storage.stockBySku('licht-haus', 'LH-100'))!;

    async function reserve(quantity: number) {
      const res = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity, privacy_accepted: true, customer: { name: 'Erika', email: `erika-${randomUUID()}@example.org` } }),
      });
      const text = await res.text();
      assert.equal(res.status, 201, text);
      return Reservation.parse(JSON.parse(text));
    }

    async function refused(res: Response, path: string) {
      const text = await res.text();
      assert.equal(res.status, 422, text);
      const problem = Problem.parse(JSON.parse(text));
      assert.equal(problem.code, 'invalid-feed');
      const error = problem.errors?.find((e) => e.path === path);
      assert.ok(error, text);
      assert.match(error.reason ?? '', /"LH-100": 2 units are held for open reservations/);
    }

    it('refuses to change the GTIN of an article with held units, and to drop it in a replace', async () => {
      const r = await reserve(2);
      const before = await lamp();
      assert.equal(before.held, 2);

      await refused(await upload('PATCH', [{ sku: 'LH-100', gtin: OTHER, quantity: 5, price: eur('89.00'), title: 'Leuchte neu' }]), 'items.0.gtin');
      await refused(await upload('PUT', [{ sku: 'LH-200', gtin: VASE, quantity: 1, price: eur('34.50') }]), 'items');
      await refused(await csv(`id,gtin,quantity,price\nLH-200,${VASE},1,34.50 EUR\n`), 'items');
      // Nothing changed: the row, its GTIN and its held units are as they were.
      assert.deepEqual(await lamp(), before);
      // A dropped row that came back would start with nothing held: here it never left.
      const again = await upload('PATCH', [{ sku: 'LH-100', gtin: LAMP, quantity: 5, price: eur('89.00') }]);
      assert.equal(again.status, 200, await again.text());
      assert.equal((await lamp()).held, 2);

      // Once the reservation is settled, both uploads go through.
      const cancel = await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${r.customer_token}` } });
      assert.equal(cancel.status, 200, await cancel.text());
      const moved = await upload('PATCH', [{ sku: 'LH-100', gtin: OTHER, quantity: 5, price: eur('89.00'), title: 'Leuchte neu' }]);
      assert.equal(moved.status, 200, await moved.text());
      const replaced = await upload('PUT', [{ sku: 'LH-200', gtin: VASE, quantity: 1, price: eur('34.50') }, { sku: 'LH-300', gtin: CHAIR, quantity: 1, price: eur('600.00') }]);
      assert.equal(replaced.status, 200, await replaced.text());
      assert.equal(await ep.storage.stockBySku('licht-haus', 'LH-100'), null);
    });
  });
}

/**
 * Product titles, on each backend: each shop's title stays its own, in its offer and in
 * its mails; no shop renames the product for the town; the town's record is the
 * operator's to edit (PATCH /v1/products/{gtin}).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Availability, Product, Reservation } from '../../src/sdk/contract/schemas.js';
import { LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

for (const backend of BACKENDS) {
  describe(`product titles on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const upload = async (store: string, item: Record<string, unknown>) => {
      const res = await fetch(`${ep.url}/v1/stores/${store}/inventory`, { method: 'PATCH', headers: keyHeaders(town.keys[store]!), body: JSON.stringify({ items: [item] }) });
      assert.equal(res.status, 200, await res.text());
    };
    const availability = async () => Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json());

    it('a shop\'s title names its own offer only, never the product for the town', async () => {
      await upload('keramik-koenig', { sku: 'KK-2', gtin: LAMP, quantity: 2, price: eur('95.00'), title: 'FAKE – call +49 900 123456' });
      const a = await availability();
      assert.equal(a.product.name, 'Tischleuchte Mohn', 'the town\'s record is unchanged');
      const titles = Object.fromEntries(a.offers.map((o) => [o.store.id, o.title]));
      assert.equal(titles['keramik-koenig'], 'FAKE – call +49 900 123456');
      assert.equal(titles['licht-haus'], 'Tischleuchte Mohn');
      assert.equal(titles['wohnen-am-steinweg'], undefined, 'a shop that gave no title has none of another shop\'s');
    });

    it('mails and the reservation use the shop\'s own title', async () => {
      await upload('wohnen-am-steinweg', { sku: '4711-A', gtin: LAMP, quantity: 3, price: eur('92.00'), title: 'Leselampe Mohn (Steinweg)' });
      const res = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'wohnen-am-steinweg', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'Erika', email: 'erika-titles@example.org' } }),
      });
      const text = await res.text();
      assert.equal(res.status, 201, text);
      const r = Reservation.parse(JSON.parse(text));
      assert.equal(r.item.name, 'Leselampe Mohn (Steinweg)');
      const mails = (await ep.storage.outbox(100)).filter((m) => m.reservation_id === r.id);
      assert.ok(mails.some((m) => m.recipient === 'erika-titles@example.org'), 'the shopper\'s confirmation (this shop has no e-mail of its own)');
      for (const m of mails) {
        assert.match(m.text + m.subject, /Leselampe Mohn \(Steinweg\)/);
        assert.doesNotMatch(m.text + m.subject, /FAKE/);
      }
    });

    it('the operator edits the town\'s record; a shop may not', async () => {
      const byShop = await fetch(`${ep.url}/v1/products/${LAMP}`, { method: 'PATCH', headers: keyHeaders(town.keys['keramik-koenig']!), body: JSON.stringify({ name: 'FAKE' }) });
      assert.equal(byShop.status, 403);
      const res = await fetch(`${ep.url}/v1/products/${LAMP}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ name: 'Tischleuchte „Mohn“', description: 'Aus Messing.\nHandgefertigt.', brand: null }) });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      const product = Product.parse(JSON.parse(text));
      assert.equal(product.name, 'Tischleuchte „Mohn“');
      assert.equal(product.brand, undefined);
      assert.equal((await availability()).product.name, 'Tischleuchte „Mohn“');
      const bad = await fetch(`${ep.url}/v1/products/${LAMP}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ name: 'A\nB' }) });
      assert.equal(bad.status, 400);
      const doc = await (await fetch(`${ep.url}/v1/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
      assert.ok(doc.paths['/v1/products/{gtin}']!.patch, 'documented');
    });
  });
}

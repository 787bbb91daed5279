/**
 * Product titles, on each backend: each shop's title stays its own, in its offer and in its
 * mails; one shop alone never names the product for the town (its availability, search, AR
 * page and other shops' mails); two shops agreeing do; the operator's name
 * (PATCH /v1/products/{gtin}) wins over both and survives later uploads.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Availability, Product, ProductList, Reservation } from '../../src/sdk/contract/schemas.js';
import { gtin, seedTestTown, testInventory, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const FAKE = 'FAKE – call +49 900 123456';

for (const backend of BACKENDS) {
  describe(`product titles on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const upload = async (store: string, items: Record<string, unknown>[], method: 'PATCH' | 'PUT' = 'PATCH') => {
      const res = await fetch(`${ep.url}/v1/stores/${store}/inventory`, { method, headers: keyHeaders(town.keys[store]!), body: JSON.stringify({ items }) });
      assert.equal(res.status, 200, await res.text());
    };
    const availability = async (g: string) => Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${g}`)).json());
    const product = async (g: string) => Product.parse(await (await fetch(`${ep.url}/v1/products/${g}`)).json());
    const search = async (q: string) => ProductList.parse(await (await fetch(`${ep.url}/v1/products?q=${encodeURIComponent(q)}`)).json()).items;
    const reserve = async (store: string, g: string, email: string, lang: 'de' | 'en') => {
      const res = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store, gtin: g, quantity: 1, lang, privacy_accepted: true, customer: { name: 'Erika', email } }),
      });
      const text = await res.text();
      assert.equal(res.status, 201, text);
      const r = Reservation.parse(JSON.parse(text));
      return { r, mails: (await ep.storage.outbox(1000)).filter((m) => m.reservation_id === r.id) };
    };

    it('one shop\'s title names its own offer only: the town\'s record, search, AR page and another shop\'s mails show none of it', async () => {
      const g = gtin(101);
      await upload('licht-haus', [{ sku: 'LH-101', gtin: g, quantity: 4, price: eur('10.00'), title: FAKE, brand: 'FAKE brand' }]);
      await upload('wohnen-am-steinweg', [{ sku: 'W-101', gtin: g, quantity: 4, price: eur('11.00') }]);

      const a = await availability(g);
      assert.equal(a.product.name, `Artikel ${g}`, 'a neutral name until shops agree');
      assert.equal(a.product.named_by, undefined);
      assert.equal(a.product.brand, undefined, 'one shop\'s brand is not the town\'s');
      const offers = Object.fromEntries(a.offers.map((o) => [o.store.id, o]));
      assert.equal(offers['licht-haus']!.title, FAKE, 'the shop\'s own offer keeps its own title');
      assert.doesNotMatch(JSON.stringify(offers['wohnen-am-steinweg']), /FAKE/, 'the other shop\'s offer');
      // The other shop's widget asks by its own article number: its product and its offer carry none of it.
      const own = Availability.parse(await (await fetch(`${ep.url}/v1/availability?store=wohnen-am-steinweg&sku=W-101`)).json());
      assert.doesNotMatch(JSON.stringify([own.product, own.offers.find((o) => o.store.id === 'wohnen-am-steinweg')]), /FAKE/, 'the other shop\'s widget');

      assert.doesNotMatch(JSON.stringify(await product(g)), /FAKE/);
      assert.deepEqual(await search('FAKE'), [], 'search does not find the product by one shop\'s title');
      assert.deepEqual((await search(g)).map((p) => [p.gtin, p.name]), [[g, `Artikel ${g}`]]);

      const model = await fetch(`${ep.url}/v1/products/${g}/model`, { method: 'PUT', headers: adminHeaders, body: JSON.stringify({ glb_url: '/models/lamp.glb' }) });
      assert.equal(model.status, 200, await model.text());
      const de = await (await fetch(`${ep.url}/ar/${g}`)).text();
      assert.doesNotMatch(de, /FAKE/);
      assert.match(de, new RegExp(`<h1>Artikel ${g}</h1>`));
      const en = await (await fetch(`${ep.url}/ar/${g}`, { headers: { 'Accept-Language': 'en' } })).text();
      assert.match(en, new RegExp(`<h1>Article ${g}</h1>`), 'the neutral name in the reader\'s language');

      for (const lang of ['de', 'en'] as const) {
        const { r, mails } = await reserve('wohnen-am-steinweg', g, `kunde-${lang}@example.org`, lang);
        assert.equal(r.item.name, `${lang === 'en' ? 'Article' : 'Artikel'} ${g}`);
        assert.ok(mails.some((m) => m.recipient === `kunde-${lang}@example.org`), 'the shopper\'s confirmation');
        for (const m of mails) assert.doesNotMatch(m.subject + m.text, /FAKE/);
      }
      const { r } = await reserve('licht-haus', g, 'kunde-licht@example.org', 'de');
      assert.equal(r.item.name, FAKE, 'the shop\'s own mails use its own title');
    });

    it('titles two shops agree on name the product; a tie, a changed title or a row that leaves can undo it', async () => {
      const g = gtin(102);
      await upload('licht-haus', [{ sku: 'LH-102', gtin: g, quantity: 1, price: eur('10.00'), title: FAKE }]);
      await upload('wohnen-am-steinweg', [{ sku: 'W-102', gtin: g, quantity: 1, price: eur('10.00'), title: ' Stehleuchte   Ennepe ' }]);
      assert.equal((await product(g)).name, `Artikel ${g}`, 'one shop each: no agreement');
      await upload('keramik-koenig', [{ sku: 'KK-102', gtin: g, quantity: 1, price: eur('10.00'), title: 'stehleuchte ennepe' }]);
      const agreed = await product(g);
      assert.equal(agreed.name, 'Stehleuchte Ennepe', 'trimmed, whitespace collapsed, case ignored');
      assert.equal(agreed.named_by, 'shops');
      assert.equal((await availability(g)).product.name, 'Stehleuchte Ennepe');
      assert.deepEqual((await search('ennepe')).map((p) => p.gtin), [g]);
      const { r } = await reserve('licht-haus', g, 'kunde-agreed@example.org', 'de');
      assert.equal(r.item.name, FAKE, 'a shop\'s own title still names its own reservation');

      // König retitles its row: one title against one against one, no agreement.
      await upload('keramik-koenig', [{ sku: 'KK-102', gtin: g, quantity: 1, price: eur('10.00'), title: 'Leuchte Ennepe' }]);
      assert.equal((await product(g)).name, `Artikel ${g}`);
      await upload('keramik-koenig', [{ sku: 'KK-102', gtin: g, quantity: 1, price: eur('10.00'), title: 'Stehleuchte Ennepe' }]);
      assert.equal((await product(g)).name, 'Stehleuchte Ennepe', 'agreed again');
      // Steinweg's replace drops the article (keeping the rest of its list): one title against one.
      const rest = [...testInventory['wohnen-am-steinweg']!, { sku: 'W-101', gtin: gtin(101), quantity: 4, price: eur('11.00') }];
      await upload('wohnen-am-steinweg', rest, 'PUT');
      const dropped = await product(g);
      assert.equal(dropped.name, `Artikel ${g}`);
      assert.equal(dropped.named_by, undefined);
      assert.deepEqual(await search('ennepe'), []);
    });

    it('the operator\'s name wins over the shops\' and survives later uploads; a shop may not set it', async () => {
      const g = gtin(103);
      await upload('licht-haus', [{ sku: 'LH-103', gtin: g, quantity: 1, price: eur('10.00'), title: 'Kerze Hönne' }]);
      await upload('keramik-koenig', [{ sku: 'KK-103', gtin: g, quantity: 1, price: eur('10.00'), title: 'Kerze Hönne' }]);
      assert.equal((await product(g)).named_by, 'shops');

      const byShop = await fetch(`${ep.url}/v1/products/${g}`, { method: 'PATCH', headers: keyHeaders(town.keys['keramik-koenig']!), body: JSON.stringify({ name: 'FAKE' }) });
      assert.equal(byShop.status, 403);
      const res = await fetch(`${ep.url}/v1/products/${g}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ name: 'Kerze „Hönne“', description: 'Aus Wachs.\nHandgezogen.' }) });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.deepEqual(Product.parse(JSON.parse(text)), { gtin: g, name: 'Kerze „Hönne“', named_by: 'operator', description: 'Aus Wachs.\nHandgezogen.' });

      // Three shops now agree on another title, and one of them uploads again: the operator's name stays.
      for (const [store, sku] of [['licht-haus', 'LH-103'], ['keramik-koenig', 'KK-103'], ['wohnen-am-steinweg', 'W-103']] as const) {
        await upload(store, [{ sku, gtin: g, quantity: 2, price: eur('10.00'), title: FAKE }]);
      }
      const kept = await product(g);
      assert.equal(kept.name, 'Kerze „Hönne“');
      assert.equal(kept.named_by, 'operator');
      assert.equal((await availability(g)).product.name, 'Kerze „Hönne“');
      const { r, mails } = await reserve('wohnen-am-steinweg', g, 'kunde-operator@example.org', 'de');
      assert.equal(r.item.name, FAKE, 'each shop\'s own title still names its own offer and mails');
      assert.ok(mails.length > 0);

      const bad = await fetch(`${ep.url}/v1/products/${g}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ name: 'A\nB' }) });
      assert.equal(bad.status, 400);
      assert.equal((await product(g)).name, 'Kerze „Hönne“', 'a refused change changes nothing');
      const doc = await (await fetch(`${ep.url}/v1/openapi.json`)).json() as { paths: Record<string, Record<string, { description?: string }>> };
      assert.ok(doc.paths['/v1/products/{gtin}']!.patch, 'documented');
      assert.match(doc.paths['/v1/products/{gtin}']!.get!.description ?? '', /`named_by`.*at least two shops/s, 'the field is documented');
    });
  });
}

/**
 * `GET /v1/frames` over real HTTP on each backend: the three elements with their declarative
 * shadow roots, rendered by the endpoint from the stock it holds (the elements' own templates,
 * Lit SSR), in German and English, by GTIN or by a shop's article number; what a shop wrote is
 * escaped; a change of stock shows in the next frames; bad questions get problems.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LAMP, UNKNOWN, gtin, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

let ep: RunningEndpoint;
let town: SeededTown;

/** One element of the markup: its host tag and the text of its shadow root (styles left out). */
function element(html: string, tag: string): { host: string; text: string } {
  const m = new RegExp(`(<${tag}[^>]*>)<template shadowroot="open" shadowrootmode="open">([\\s\\S]*?)</template></${tag}>`).exec(html);
  assert.ok(m, `<${tag}> with its shadow root in:\n${html.slice(0, 300)}`);
  const text = m[2]!.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  return { host: m[1]!, text };
}

for (const backend of BACKENDS) {
  describe(`GET /v1/frames on ${backend}`, () => {
    before(async () => {
      ep = await startEndpoint({ backend });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    it('renders the three elements with the product’s availability, as strict HTML', async () => {
      const res = await fetch(`${ep.url}/v1/frames?gtin=${LAMP}&store=licht-haus`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'.*frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('cache-control') ?? '', /max-age=30/);
      assert.ok(res.headers.get('etag'));
      const html = await res.text();
      assert.doesNotMatch(html, /<!--|<\?/, 'no hydration markers');
      assert.doesNotMatch(html, /<script/i);

      const collect = element(html, 'citylab-click-collect');
      assert.match(collect.host, /status="available"/);
      assert.match(collect.host, /server-rendered/);
      assert.match(collect.text, /^Reservieren & abholen Vorrätig · 5 Stück frei · Abholbereit /);

      const finder = element(html, 'citylab-store-finder');
      for (const name of ['Licht & Haus', 'Keramik König', 'Wohnen am Steinweg']) assert.ok(finder.text.includes(name), `${name} in: ${finder.text}`);
      assert.match(finder.text, /Dieses Geschäft 1 Licht & Haus Preis: 89,00 €/);
      assert.doesNotMatch(finder.text, /Verfügbarkeit wird geprüft/);

      const viewer = element(html, 'citylab-ar-viewer');
      assert.doesNotMatch(viewer.host, /state="pending"/);
      assert.match(viewer.text, /In 2 Geschäften in der Nähe vorrätig/);
    });

    it('in English, only the elements asked for, and by a shop’s own article number', async () => {
      const en = await (await fetch(`${ep.url}/v1/frames?gtin=${LAMP}&store=licht-haus&lang=en&elements=click-collect`)).text();
      assert.match(element(en, 'citylab-click-collect').text, /^Reserve & collect In stock · 5 available · Pickup from /);
      assert.doesNotMatch(en, /citylab-store-finder|citylab-ar-viewer/);

      const bySku = await fetch(`${ep.url}/v1/frames?store=licht-haus&sku=LH-100&elements=click-collect,store-finder`);
      assert.equal(bySku.status, 200);
      const html = await bySku.text();
      const collect = element(html, 'citylab-click-collect');
      assert.match(collect.host, /sku="LH-100"/);
      assert.doesNotMatch(collect.host, /gtin=/);
      assert.match(collect.host, /status="available"/);
      assert.match(element(html, 'citylab-store-finder').text, /Licht & Haus/);
    });

    it('escapes what the town and shops wrote, and shows a change of stock in the next frames', async () => {
      const g = gtin(731);
      const patch = (quantity: number) =>
        fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
          method: 'PATCH',
          headers: keyHeaders(town.keys['licht-haus']!),
          body: JSON.stringify({ items: [{ sku: 'F-731', gtin: g, quantity, price: { amount: '12.00', currency: 'EUR' }, title: 'Kerze' }] }),
        });
      assert.equal((await patch(7)).status, 200);
      const named = await fetch(`${ep.url}/v1/products/${g}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ name: '<img src=x onerror=alert(1)> Kerze & "Docht"' }) });
      assert.equal(named.status, 200, await named.clone().text());
      const first = await (await fetch(`${ep.url}/v1/frames?gtin=${g}&store=licht-haus`)).text();
      assert.doesNotMatch(first, /<img src=x/);
      assert.match(first, /&lt;img src=x onerror=alert\(1\)&gt; Kerze &amp; (&quot;|")Docht(&quot;|")/);
      assert.match(element(first, 'citylab-click-collect').text, /7 Stück frei/);
      assert.equal((await patch(3)).status, 200);
      const second = await (await fetch(`${ep.url}/v1/frames?gtin=${g}&store=licht-haus`)).text();
      assert.match(element(second, 'citylab-click-collect').text, /3 Stück frei/);
    });

    it('the viewer’s poster is resolved against the endpoint’s configured address, not a forwarded host', async () => {
      const image = await fetch(`${ep.url}/v1/products/${LAMP}`, { method: 'PATCH', headers: adminHeaders, body: JSON.stringify({ image_url: '/media/lamp.jpg' }) });
      assert.equal(image.status, 200, await image.clone().text());
      const html = await (await fetch(`${ep.url}/v1/frames?gtin=${LAMP}&elements=ar-viewer`, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } })).text();
      assert.match(html, new RegExp(`<img class="poster" part="poster" src="${ep.url.replace(/[.]/g, '\\.')}/media/lamp\\.jpg"`));
      assert.doesNotMatch(html, /evil\.example/);
    });

    it('sends the CSS without its comments, and no runs of whitespace', async () => {
      const html = await (await fetch(`${ep.url}/v1/frames?gtin=${LAMP}&store=licht-haus`)).text();
      assert.doesNotMatch(html, /\/\*|[ \t\n\r\f]{2,}/);
      // The rules would change a string or url() with a space or one of {};,> in it: the elements' CSS has none.
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) assert.doesNotMatch(css!.replace(/(["'])[\w-]*\1/g, ''), /["']|url\(/);
      // The no-break spaces of a price stay.
      assert.match(html, /89,00\u00a0€/);
      // A selector keeps the space that makes it a descendant's: the shop's own photo in the viewer.
      assert.match(html, /\.placeholder ::slotted\(img\)\{/);
    });

    it('answers a bad question with a problem', async () => {
      const problem = async (query: string, status: number, code: string) => {
        const res = await fetch(`${ep.url}/v1/frames?${query}`, { headers: { 'Accept-Language': 'en' } });
        assert.equal(res.status, status, query);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(((await res.json()) as { code: string }).code, code, query);
      };
      await problem(`gtin=${UNKNOWN}`, 404, 'product-not-found');
      await problem('store=licht-haus&sku=NOPE', 404, 'product-not-found');
      await problem('store=licht-haus', 400, 'validation-failed');
      await problem(`gtin=${LAMP}&lang=fr`, 400, 'validation-failed');
      await problem(`gtin=${LAMP}&elements=map`, 400, 'validation-failed');
      await problem(`gtin=${LAMP}&elements=`, 400, 'validation-failed');
    });
  });
}

/**
 * citylab-sdk on a server, as an agency's Next.js, Remix or Astro site runs it: the package
 * (its built `dist/esm`, what the tarball holds) imports in Node, React's `renderToString`
 * renders its components, and Lit SSR (`@lit-labs/ssr`, which Astro's and Next.js's Lit
 * integrations use) renders each element with its declarative shadow root: the state the
 * browser's first frame shows (the answer still on its way), in the element's own language,
 * without asking the endpoint anything (a server must not call the town's endpoint once per
 * page render; the browser asks, with the shopper's page).
 *
 * Needs `npm run build` first (npm test runs it).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

/** A stand-in town endpoint that only counts what reaches it: a server render must not ask it. */
let endpoint: Server;
let endpointUrl = '';
const asked: string[] = [];

before(async () => {
  endpoint = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

/** Lit SSR of one element (it renders a shadow root only for a tag in a template's static part). */
function ssrTag(tag: 'citylab-click-collect' | 'citylab-store-finder' | 'citylab-ar-viewer', lang: 'de' | 'en'): string {
  const gtin = '2004317130014';
  switch (tag) {
    case 'citylab-click-collect':
      return collectResultSync(render(html`<citylab-click-collect gtin=${gtin} store="licht-haus" endpoint=${endpointUrl} lang=${lang}></citylab-click-collect>`));
    case 'citylab-store-finder':
      return collectResultSync(render(html`<citylab-store-finder gtin=${gtin} endpoint=${endpointUrl} lang=${lang}></citylab-store-finder>`));
    case 'citylab-ar-viewer':
      return collectResultSync(render(html`<citylab-ar-viewer gtin=${gtin} endpoint=${endpointUrl} lang=${lang}></citylab-ar-viewer>`));
  }
}

/** What is inside the declarative shadow root, as text (Lit's hydration markers and the styles left out). */
function shadowText(out: string): string {
  const inner = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/.exec(out)?.[1];
  assert.ok(inner, `a declarative shadow root in:\n${out.slice(0, 400)}`);
  return inner.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

describe('citylab-sdk on a server (Node)', () => {
  before(async () => {
    await import('citylab-sdk/define');
    // The tags are defined once both languages' words are here (a server may render either).
    await Promise.all(['citylab-click-collect', 'citylab-store-finder', 'citylab-ar-viewer'].map((t) => customElements.whenDefined(t)));
  });

  it('Lit SSR renders <citylab-click-collect> as the first frame: the button and "checking", in German and in English', () => {
    const de = ssrTag('citylab-click-collect', 'de');
    assert.match(de, /<citylab-click-collect[^>]* status="loading"/, 'the status the browser first shows');
    assert.match(shadowText(de), /Reservieren & abholen Verfügbarkeit wird geprüft …/);
    const en = ssrTag('citylab-click-collect', 'en');
    assert.match(shadowText(en), /Reserve & collect Checking availability …/);
  });

  it('Lit SSR renders <citylab-store-finder> with its place field and the list still loading', () => {
    const de = shadowText(ssrTag('citylab-store-finder', 'de'));
    assert.match(de, /Postleitzahl oder Ort/);
    assert.match(de, /Meinen Standort verwenden/);
    assert.doesNotMatch(de, /nicht abrufen|nicht erreichbar|Fehler/i, 'no error before any answer');
    assert.match(shadowText(ssrTag('citylab-store-finder', 'en')), /Postcode or place/);
  });

  it('Lit SSR renders <citylab-ar-viewer> as the poster’s box, waiting for the product', () => {
    const out = ssrTag('citylab-ar-viewer', 'de');
    assert.match(out, /<citylab-ar-viewer[^>]* state="pending"/);
    assert.match(out, /part="stage"/);
    assert.match(out, /<slot>(<!--[^>]*-->)*<\/slot>/, 'the shop’s own photo shows through until the poster comes');
  });

  it('a viewer without a product renders its words for the page’s developer, not an exception (no page to send citylab-error to)', () => {
    const out = collectResultSync(render(html`<citylab-ar-viewer gtin=""></citylab-ar-viewer>`));
    assert.match(out, /<citylab-ar-viewer[^>]* state="error"/);
    assert.match(shadowText(out), /Die 3D-Ansicht ist auf dieser Seite noch nicht eingerichtet/);
  });

  it('with the page’s own answer (the `availability` property), each element renders its content, not its loading state', () => {
    const gtin = '2004317130014';
    const hours = { opens: '09:30', closes: '18:30' };
    const store = {
      id: 'licht-haus',
      name: 'Licht & Haus',
      address: { street: 'Alter Markt 3', postal_code: '57462', city: 'Olpe', country: 'DE' },
      location: { lat: 51.029, lon: 7.851 },
      time_zone: 'Europe/Berlin',
      opening_hours: { weekly: { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [hours], sat: [], sun: [] }, special_days: [] },
      click_and_collect: { enabled: true, ready_within_minutes: 60, hold_days: 3 },
      show_quantities: true,
      low_stock_threshold: 2,
      updated_at: '2026-12-01T08:00:00Z',
    };
    const availability = {
      gtin,
      product: { gtin, name: 'Tischleuchte Mohn' },
      offers: [{ store, sku: 'LH-100', gtin, availability: 'in_stock', quantity: 5, price: { amount: '89.00', currency: 'EUR' }, pickup: { method: 'reserve' }, updated_at: '2026-12-01T08:00:00Z', reservable: true, max_quantity: 5 }],
    };
    const collect = collectResultSync(render(html`<citylab-click-collect gtin=${gtin} store="licht-haus" endpoint=${endpointUrl} .availability=${availability}></citylab-click-collect>`));
    assert.match(collect, /<citylab-click-collect[^>]* server-rendered="answer"[^>]* status="available"|<citylab-click-collect[^>]* status="available"[^>]* server-rendered="answer"/);
    assert.match(shadowText(collect), /^Reservieren & abholen Vorrätig · 5 Stück frei · Abholbereit /);
    const finder = shadowText(collectResultSync(render(html`<citylab-store-finder gtin=${gtin} store="licht-haus" endpoint=${endpointUrl} .availability=${availability}></citylab-store-finder>`)));
    assert.match(finder, /Licht & Haus Preis: 89,00 € Vorrätig · 5 Stück/);
    assert.match(finder, /Alter Markt 3 Reservieren Route/);
    const viewer = collectResultSync(render(html`<citylab-ar-viewer gtin=${gtin} endpoint=${endpointUrl} .availability=${availability}></citylab-ar-viewer>`));
    assert.doesNotMatch(viewer, /<citylab-ar-viewer[^>]* state="pending"/);
    assert.match(shadowText(viewer), /In 1 Geschäft in der Nähe vorrätig/);
    // One of another product is not shown: the loading state, as without one.
    const other = collectResultSync(render(html`<citylab-click-collect gtin="4006381333931" store="licht-haus" .availability=${availability}></citylab-click-collect>`));
    assert.match(other, /<citylab-click-collect[^>]* status="loading"/);
    assert.doesNotMatch(other, /server-rendered="answer"/, 'a loading frame: the browser renders its own at once');
  });

  it('asks the endpoint nothing while rendering', async () => {
    for (const tag of ['citylab-click-collect', 'citylab-store-finder', 'citylab-ar-viewer'] as const) ssrTag(tag, 'de');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(asked, []);
  });

  it('citylab-sdk/react imports and renders with React’s renderToString', async () => {
    const { CitylabClickCollect, CitylabStoreFinder, CitylabArViewer } = await import('citylab-sdk/react');
    const out = renderToString(
      createElement('div', null, createElement(CitylabArViewer, { gtin: '2004317130014' }), createElement(CitylabClickCollect, { gtin: '2004317130014', store: 'licht-haus' }), createElement(CitylabStoreFinder, { gtin: '2004317130014', lang: 'en' })),
    );
    for (const tag of ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder']) assert.match(out, new RegExp(`<${tag}[ >]`), tag);
  });
});

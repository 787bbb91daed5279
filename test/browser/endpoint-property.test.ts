/**
 * Every element honours its `endpoint` *property*, as lit's `.endpoint=${url}`
 * and React 19 (which sets properties on custom elements) set it, not only the
 * attribute: the page's `<meta name="citylab:endpoint">` points at the black
 * hole (a server that never answers), each element is given the real test
 * endpoint as a property alone, shows the town's data, and asks the new
 * endpoint when the property changes later. A page of its own, so the meta
 * element reaches no other test.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/sdk/elements/ar-viewer/define.js';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import { resolveEndpoint } from '../../src/sdk/client/endpoint.js';
import { LAMP } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

// Every module of the test page is a resource entry too; keep them all, the endpoint's requests among them.
performance.setResourceTimingBufferSize(10_000);

const ep = testEnv.endpoint;
/** The same town through the latency proxy (no delay): another endpoint URL, the same answers. */
const moved = `${testEnv.latency}/ms-0`;
const requests = (url: string) => performance.getEntriesByName(url).length;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

before(async () => {
  await ensureTown();
  const meta = document.createElement('meta');
  meta.name = 'citylab:endpoint';
  meta.content = testEnv.blackhole;
  document.head.append(meta);
});

/** The element as React 19 or lit's `.endpoint=${…}` would make it: properties only, no attributes. */
async function withProperties<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]>): Promise<HTMLElementTagNameMap[K]> {
  const el = Object.assign(document.createElement(tag), properties);
  (await fixture(html`<div></div>`)).append(el);
  return el;
}

describe('the endpoint property', () => {
  it('without it, an element follows the page\'s meta element (here: the black hole)', async () => {
    const el = await withProperties('citylab-store-finder', { lang: 'de' });
    expect(resolveEndpoint(el)).to.equal(testEnv.blackhole);
    el.endpoint = ep;
    expect(resolveEndpoint(el)).to.equal(ep);
    expect(el.hasAttribute('endpoint')).to.equal(false);
  });

  it('<citylab-store-finder> shows the shops from it, and asks the new endpoint when it changes', async () => {
    const el = await withProperties('citylab-store-finder', { lang: 'de', gtin: LAMP, endpoint: ep });
    const names = () => $$(el, '.offer:not(.skeleton) .name').map((n) => n.textContent!.trim());
    await waitUntil(() => names().length === 3, 'no shops from the endpoint property', { timeout: 8000 });
    expect(names()).to.deep.equal(['Licht & Haus', 'Keramik König', 'Wohnen am Steinweg']);
    expect(el.hasAttribute('endpoint')).to.equal(false);

    const before = { availability: requests(`${moved}/v1/availability?gtin=${LAMP}`), city: requests(`${moved}/v1/city`) };
    el.endpoint = moved;
    await el.updateComplete;
    expect($$(el, '.skeleton').length, 'loading again').to.be.greaterThan(0);
    await waitUntil(() => names().length === 3, 'no shops from the new endpoint', { timeout: 8000 });
    expect(requests(`${moved}/v1/availability?gtin=${LAMP}`) - before.availability).to.equal(1);
    // Another endpoint may be another town: its own name and map.
    expect(requests(`${moved}/v1/city`) - before.city).to.equal(1);
  });

  it('<citylab-click-collect> says the product is available here, and asks the new endpoint when it changes', async () => {
    const el = await withProperties('citylab-click-collect', { lang: 'de', gtin: LAMP, store: 'licht-haus', endpoint: ep });
    await waitUntil(() => el.status === 'available', `not available from the endpoint property (status ${el.status})`, { timeout: 8000 });
    expect(read(el.shadowRoot!.querySelector('#state')!.textContent)).to.match(/^Vorrätig · 5 Stück frei · Abholbereit ab (heute|morgen|\S+ \d+\. \S+), \d\d:\d\d Uhr$/);

    const before = requests(`${moved}/v1/availability?gtin=${LAMP}`);
    el.endpoint = moved;
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    await waitUntil(() => el.status === 'available', 'not available from the new endpoint', { timeout: 8000 });
    expect(requests(`${moved}/v1/availability?gtin=${LAMP}`) - before).to.equal(1);
  });

  it('the finder\'s "Reservieren" opens a dialog that talks to the finder\'s endpoint property', async () => {
    const finder = await withProperties('citylab-store-finder', { lang: 'de', gtin: LAMP, endpoint: ep });
    const reserve = () => finder.shadowRoot!.querySelector<HTMLButtonElement>('[data-store="licht-haus"] button.primary');
    await waitUntil(reserve, 'no "Reservieren" from the endpoint property', { timeout: 8000 });
    reserve()!.click();
    await waitUntil(() => finder.nextElementSibling?.shadowRoot?.querySelector('dialog[open] .summary'), 'the dialog did not show the shop', { timeout: 8000 });
    const dialog = finder.nextElementSibling as HTMLElementTagNameMap['citylab-click-collect'];
    expect(dialog.endpoint).to.equal(ep);
    expect(read(dialog.shadowRoot!.querySelector('.summary')!.textContent)).to.include('Licht & Haus, Alter Markt 3');
    dialog.shadowRoot!.querySelector('dialog')!.close();
  });

  it('<citylab-ar-viewer> shows the product from it, and asks the new endpoint when it changes', async () => {
    const el = await withProperties('citylab-ar-viewer', { lang: 'de', gtin: LAMP, endpoint: ep });
    const shown = () => el.getAttribute('state') === 'no-model';
    await waitUntil(shown, `no product from the endpoint property (state ${el.getAttribute('state')})`, { timeout: 8000 });
    // The fixture town's lamp has no 3D model: its name, and in how many shops it is.
    expect(read(el.shadowRoot!.querySelector('.placeholder')!.textContent)).to.equal('Tischleuchte Mohn');
    expect(read(el.shadowRoot!.querySelector('[part~="stock-button"]')!.textContent)).to.equal('In 2 Geschäften in der Nähe vorrätig');

    const before = requests(`${moved}/v1/availability?gtin=${LAMP}`);
    el.endpoint = moved;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('pending');
    await waitUntil(shown, 'no product from the new endpoint', { timeout: 8000 });
    expect(requests(`${moved}/v1/availability?gtin=${LAMP}`) - before).to.equal(1);
  });
});

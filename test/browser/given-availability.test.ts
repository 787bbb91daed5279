/**
 * An answer the page already has (its server asked the endpoint, or one request for a list of
 * products), given to an element as its `availability` property: the element shows it in its first
 * frame, without a loading state, asks the endpoint once more and shows the fresh answer, again
 * without a loading state in between. The endpoint is the real test endpoint, 800 ms late, so
 * the given answer is on screen long enough to be seen; the given answer is the endpoint's own,
 * changed so that it can be told apart from the fresh one.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/sdk/elements/ar-viewer/define.js';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import type { Availability } from '../../src/sdk/contract/schemas.js';
import type { CitylabErrorDetail } from '../../src/sdk/events.js';
import { CitylabClient } from '../../src/sdk/client/client.js';
import { LAMP, VASE, gtin } from '../fixtures/town.js';
import { read } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const slow = `${testEnv.latency}/ms-800`;
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

async function answer(gtin: string): Promise<Availability> {
  const res = await fetch(`${testEnv.endpoint}/v1/availability?gtin=${gtin}`);
  expect(res.status).to.equal(200);
  return (await res.json()) as Availability;
}

/** Every value an attribute takes from the element's creation on (the first is set before its first frame). */
function recordAttribute(el: Element, name: string): string[] {
  const seen: string[] = [];
  new MutationObserver(() => seen.push(el.getAttribute(name) ?? '')).observe(el, { attributes: true, attributeFilter: [name] });
  return seen;
}

/** Creates the element with the property set before it is connected, as a page (or React) does. */
async function create<T extends HTMLElement>(tag: string, attrs: Record<string, string>, availability: unknown, watch?: string): Promise<{ el: T; seen: string[] }> {
  const el = document.createElement(tag) as T & { availability?: unknown; updateComplete: Promise<boolean> };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.availability = availability;
  const seen = watch ? recordAttribute(el, watch) : [];
  await fixture(html`<div style="width: 360px"></div>`).then((box) => box.append(el));
  await el.updateComplete;
  return { el, seen };
}

before(() => ensureTown());

describe('the availability property: an answer the page already has', () => {
  it('<citylab-click-collect> shows it in its first frame, then the fresh answer, never "checking availability"', async () => {
    const given = await answer(LAMP);
    const own = given.offers.find((o) => o.store.id === 'licht-haus')!;
    expect(own.quantity, 'the test town has 5 lamps at Licht-Haus').to.equal(5);
    // The page's answer is older: two lamps were free then.
    own.quantity = 2;
    const { el, seen } = await create<CitylabClickCollect>('citylab-click-collect', { gtin: LAMP, store: 'licht-haus', endpoint: slow, lang: 'de' }, given, 'status');
    expect(el.getAttribute('status'), 'first frame').to.equal('available');
    expect(read($(el, '.state')?.textContent)).to.contain('2 Stück frei');
    expect($(el, '.state .bar'), 'no loading bar').to.equal(null);
    await waitUntil(() => read($(el, '.state')?.textContent).includes('5 Stück frei'), 'the fresh answer replaces the page’s', { timeout: 5000 });
    expect(seen, 'statuses from creation on').to.not.include('loading');
    expect(el.availability?.offers.find((o) => o.store.id === 'licht-haus')?.quantity, 'the property holds the fresh answer').to.equal(5);
  });

  it('<citylab-store-finder> lists the shops at once, never its skeleton, then the fresh list', async () => {
    const given = await answer(LAMP);
    expect(given.offers.length, 'the test town has the lamp in three shops').to.equal(3);
    // The page's answer knew of one shop only.
    given.offers = given.offers.filter((o) => o.store.id === 'licht-haus');
    const el = document.createElement('citylab-store-finder') as CitylabStoreFinder;
    el.setAttribute('gtin', LAMP);
    el.setAttribute('store', 'licht-haus');
    el.setAttribute('endpoint', slow);
    el.availability = given;
    let skeleton = false;
    const box = await fixture(html`<div style="width: 360px"></div>`);
    box.append(el);
    new MutationObserver(() => (skeleton ||= !!$(el, '.skeleton'))).observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    skeleton ||= !!$(el, '.skeleton');
    expect($$(el, '.offer').length, 'first frame: the page’s one shop').to.equal(1);
    expect(read($(el, '.offer')?.textContent)).to.contain('Licht & Haus');
    await waitUntil(() => $$(el, '.offer').length === 3, 'the fresh answer lists all three shops', { timeout: 5000 });
    expect(skeleton, 'the skeleton never showed').to.equal(false);
  });

  it('<citylab-ar-viewer> shows the product and its shop count at once, then the fresh count', async () => {
    const given = await answer(LAMP);
    given.offers = given.offers.filter((o) => o.store.id === 'licht-haus');
    const { el, seen } = await create<CitylabArViewer>('citylab-ar-viewer', { gtin: LAMP, endpoint: slow, lang: 'de' }, given, 'state');
    expect(el.getAttribute('state'), 'first frame').to.not.equal('pending');
    expect(read($(el, '.stock')?.textContent)).to.equal('In 1 Geschäft in der Nähe vorrätig');
    await waitUntil(() => read($(el, '.stock')?.textContent) === 'In 2 Geschäften in der Nähe vorrätig', 'the fresh count', { timeout: 5000 });
    expect(seen, 'states from creation on').to.not.include('pending');
  });

  it('an answer for another product is not shown: the element waits for its own', async () => {
    const { el, seen } = await create<CitylabClickCollect>('citylab-click-collect', { gtin: LAMP, store: 'licht-haus', endpoint: slow, lang: 'de' }, await answer(VASE), 'status');
    expect(el.getAttribute('status')).to.equal('loading');
    await waitUntil(() => el.getAttribute('status') === 'available', 'its own answer', { timeout: 5000 });
    expect(read($(el, '.state')?.textContent)).to.contain('5 Stück frei');
    expect(seen[0]).to.equal('loading');
  });

  it('something that is not an answer is reported to the page’s developer and not shown', async () => {
    const el = document.createElement('citylab-store-finder') as CitylabStoreFinder;
    el.setAttribute('gtin', LAMP);
    el.setAttribute('endpoint', testEnv.endpoint);
    (el as { availability?: unknown }).availability = { gtin: LAMP, offers: 'none' };
    const box = await fixture(html`<div style="width: 360px"></div>`);
    const reported = oneEvent(el, 'citylab-error');
    box.append(el);
    const { detail } = (await reported) as CustomEvent<CitylabErrorDetail>;
    expect(detail.kind).to.equal('config');
    expect(detail.message).to.match(/^availability is not an answer of \/v1\/availability \(\.product: missing\)/);
    await el.updateComplete;
    expect($(el, '.skeleton'), 'the element waits for its own answer').to.not.equal(null);
    await waitUntil(() => $$(el, '.offer:not(.skeleton)').length === 3, 'its own answer', { timeout: 5000 });
  });

  it('a newer answer the page sets later is shown as it is, without asking the endpoint; the same one set again (a React render) is not', async () => {
    let asked = 0;
    const client = new CitylabClient(testEnv.endpoint, { fetch: (input, init) => (asked++, fetch(input, init)) });
    const el = document.createElement('citylab-click-collect') as CitylabClickCollect;
    for (const [k, v] of Object.entries({ gtin: LAMP, store: 'licht-haus', lang: 'de' })) el.setAttribute(k, v);
    el.client = client;
    (await fixture(html`<div style="width: 360px"></div>`)).append(el);
    await waitUntil(() => el.getAttribute('status') === 'available', 'its own answer', { timeout: 5000 });
    expect(asked).to.equal(1);
    const newer = await answer(LAMP);
    newer.offers = newer.offers.map((o) => ({ ...o, availability: 'out_of_stock' as const, quantity: 0, reservable: false }));
    el.availability = newer;
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('unavailable');
    expect(read($(el, '.state')?.textContent)).to.equal('Zurzeit nicht vorrätig, auch in keinem anderen Geschäft der Stadt.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked, 'no request').to.equal(1);

    // The element's own answer (after a reload), then the page's old value set again, as @lit/react does on every render.
    await el.load();
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('available');
    el.availability = newer;
    await el.updateComplete;
    expect(el.getAttribute('status'), 'the page’s older answer did not come back').to.equal('available');
    expect(el.availability?.offers.find((o) => o.store.id === 'licht-haus')?.quantity).to.equal(5);
  });

  it('after its own answer, a reload shows the loading state, not the page’s earlier answer; a page answer for another product does not stay', async () => {
    const given = await answer(LAMP);
    const { el, seen } = await create<CitylabClickCollect>('citylab-click-collect', { gtin: LAMP, store: 'licht-haus', endpoint: slow, lang: 'de' }, given, 'status');
    await waitUntil(() => el.availability !== given, 'its own answer', { timeout: 5000 });
    void el.load();
    await el.updateComplete;
    expect(el.getAttribute('status'), 'reloading').to.equal('loading');
    await waitUntil(() => el.getAttribute('status') === 'available', 'its answer again', { timeout: 5000 });
    // Another product whose answer is not this page's: the loading state, then "not known".
    el.setAttribute('gtin', gtin(998));
    el.availability = given;
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('loading');
    await waitUntil(() => el.getAttribute('status') === 'unavailable', 'an unknown product', { timeout: 5000 });
    expect(el.availability, 'no answer of the lamp on the unknown product').to.equal(undefined);
    expect(seen).to.include('loading');
  });
});

/**
 * The shopper's phone (issue 13): at 320 and 360 px, every element in every state shows its
 * text in full (it wraps; nothing is cut off, nothing ends in "…") and the page never scrolls
 * sideways. The facts the shopper came for are checked by name: a long shop name, the stock
 * state beside the "Dieses Geschäft" badge, the opening time.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/sdk/elements/store-finder/define.js';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import { CHAIR_3D } from '../fixtures/ar-products.js';
import { gtin } from '../fixtures/town.js';
import { ensureArProducts, untilState } from './ar-viewer-support.js';
import { clippedTexts, scrollsSideways } from './clipping.js';
import { testEnv } from './test-env.js';
import { admin, ensureTown } from './town.js';

const ep = testEnv.endpoint;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const finderLoaded = (el: Element) => waitUntil(() => $$(el, '.offer:not(.skeleton)').length > 0 || $(el, '.message'), 'finder did not load', { timeout: 8000 });

/** A shop with a long name, few left, only in this file's products (other test files never list it). */
const LONG = 'wohnraum-einrichtung';
const LONG_NAME = 'Wohnraum Einrichtung Großmann & Töchter am Neumarkt';
const SOFA = gtin(81);
const NOWHERE = gtin(82);

let nextProduct = 850;
/** A product of this file's own at Licht & Haus (shows quantities) and Wohnen am Steinweg. */
async function product(quantity: number): Promise<string> {
  const g = gtin(nextProduct++);
  for (const store of ['licht-haus', 'wohnen-am-steinweg']) {
    const res = await admin(`/v1/stores/${store}/inventory`, {
      method: 'PATCH',
      body: JSON.stringify({ items: [{ sku: `PH-${g}`, gtin: g, quantity, price: { amount: '1249.00', currency: 'EUR' }, title: 'Zweisitzer-Sofa Lenne, Bezug Wollstoff anthrazit' }] }),
    });
    if (!res.ok) throw new Error(`PATCH: ${res.status}`);
  }
  return g;
}

before(async () => {
  await ensureTown();
  await ensureArProducts();
  const res = await admin('/v1/stores', {
    method: 'POST',
    body: JSON.stringify({
      id: LONG,
      name: LONG_NAME,
      address: { street: 'Neumarkt 14–16 (Eingang Hinterhof)', postal_code: '59821', city: 'Testhausen', country: 'DE' },
      location: { lat: 51.398, lon: 8.066 },
      phone: '+49 2931 55555',
      website: 'https://wohnraum.example',
      opening_hours: { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ opens: '10:00', closes: '14:00' }], sun: [] }, special_days: [] },
      click_and_collect: { enabled: true, ready_within_minutes: 1440, hold_days: 3 },
      show_quantities: true,
      low_stock_threshold: 3,
    }),
  });
  if (res.status !== 409) {
    if (!res.ok) throw new Error(`POST /v1/stores: ${res.status} ${await res.text()}`);
    const { key } = (await res.json()) as { key: string };
    const put = await fetch(`${ep}/v1/stores/${LONG}/inventory`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'WE-1', gtin: SOFA, quantity: 2, price: { amount: '1249.00', currency: 'EUR' }, title: 'Sofa Lenne, dreisitzig' }] }),
    });
    if (!put.ok) throw new Error(`PUT inventory: ${put.status} ${await put.text()}`);
  }
});

for (const width of [320, 360]) {
  describe(`on a ${width} px phone`, () => {
    before(() => setViewport({ width, height: 740 }));
    after(() => setViewport({ width: 800, height: 600 }));

    const noClipping = (el: Element, state: string) => {
      expect(clippedTexts(el), `${state}: cut-off texts`).to.deep.equal([]);
      expect(scrollsSideways(), `${state}: the page scrolls sideways`).to.equal(false);
    };

    describe('<citylab-store-finder>', () => {
      it('loaded, this shop first with its badge: the long name, the state and the opening time wrap instead of being cut', async () => {
        const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${SOFA} store=${LONG} endpoint=${ep} lang="de"></citylab-store-finder>`);
        await finderLoaded(el);
        const card = $(el, `.offer[data-store="${LONG}"]`)!;
        expect(card.textContent).to.include(LONG_NAME).and.include('Dieses Geschäft').and.include('Nur noch wenige vorrätig · 2 Stück');
        noClipping(el, 'loaded');
        // The badge sits on a line of its own when it has no room beside the state, not over it.
        const state = card.querySelector('.avail')!.getBoundingClientRect();
        const badge = card.querySelector('.own-tag')!.getBoundingClientRect();
        const overlap = state.right > badge.left && badge.bottom > state.top && state.bottom > badge.top;
        expect(overlap, 'badge overlaps the state').to.equal(false);
        expect(badge.right).to.be.at.most(card.getBoundingClientRect().right);
      });

      it('in English too', async () => {
        const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${SOFA} store=${LONG} endpoint=${ep} lang="en"></citylab-store-finder>`);
        await finderLoaded(el);
        noClipping(el, 'loaded, English');
      });

      it('none in town', async () => {
        const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${NOWHERE} endpoint=${ep} lang="de"></citylab-store-finder>`);
        await finderLoaded(el);
        expect($(el, '.message'), 'a message').to.exist;
        noClipping(el, 'none in town');
      });

      it('endpoint unreachable', async () => {
        const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${SOFA} endpoint=${testEnv.refused} lang="de"></citylab-store-finder>`);
        await finderLoaded(el);
        noClipping(el, 'error');
      });
    });

    describe('<citylab-click-collect>', () => {
      const ready = (el: CitylabClickCollect) => waitUntil(() => el.status !== 'loading' && el.status !== 'idle', 'did not load', { timeout: 8000 });

      it('loaded, the dialog and the confirmation', async () => {
        const g = await product(2);
        const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${g} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
        await ready(el);
        expect(el.status).to.equal('available');
        noClipping(el, 'loaded');
        $(el, '.reserve')!.click();
        await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open && $(el, '#cc-name'), 'no dialog', { timeout: 8000 });
        noClipping(el, 'dialog');
        const set = (id: string, value: string) => {
          const input = $<HTMLInputElement>(el, `#${id}`)!;
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        };
        // A field error, shown with what was typed.
        set('cc-email', 'kein-at-zeichen');
        $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
        await waitUntil(() => !$(el, '#cc-email-error')!.hidden, 'no field error', { timeout: 4000 });
        noClipping(el, 'dialog with field errors');
        set('cc-name', 'Maximiliane Mustermann-Lüdenscheidt');
        set('cc-email', `phone.${width}@example.org`);
        $<HTMLInputElement>(el, '#cc-privacy')!.click();
        await el.updateComplete;
        $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
        await waitUntil(() => $(el, '.code'), 'no confirmation', { timeout: 8000 });
        noClipping(el, 'confirmation');
      });

      it('none in town, elsewhere, and the endpoint unreachable', async () => {
        for (const [label, markup] of [
          ['none in town', html`<citylab-click-collect gtin=${NOWHERE} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`],
          ['elsewhere', html`<citylab-click-collect gtin=${SOFA} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`],
          ['error', html`<citylab-click-collect gtin=${SOFA} store="licht-haus" endpoint=${testEnv.refused} lang="de"></citylab-click-collect>`],
        ] as const) {
          const el = await fixture<CitylabClickCollect>(markup);
          await ready(el);
          noClipping(el, label);
        }
      });
    });

    describe('<citylab-ar-viewer>', () => {
      it('the poster with its controls, and the endpoint unreachable', async () => {
        const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
        await untilState(el, 'poster');
        noClipping(el, 'poster');
        const down = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${testEnv.refused} lang="de"></citylab-ar-viewer>`);
        await waitUntil(() => down.shadowRoot!.textContent!.trim().length > 0 && !down.shadowRoot!.querySelector('.stage.pending'), 'no state', { timeout: 8000 });
        noClipping(down, 'error');
      });
    });
  });
}

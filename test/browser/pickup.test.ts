/**
 * The pickup time and the quantity's limit, stated before anything is sent and the same way
 * everywhere (issue 13). The clock is fixed: Tuesday, 1 Dec 2026, 19:00 in Berlin, after the
 * test town's shops have closed, so a pickup promise of "2 hours" or "1 day" runs into closed
 * hours and only the opening hours tell when the article is really ready.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import type { Reservation } from '../../src/sdk/contract/schemas.js';
import { gtin } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { admin, ensureTown } from './town.js';

const ep = testEnv.endpoint;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const TUESDAY_EVENING = zonedInstant({ year: 2026, month: 12, day: 1 }, '19:00', 'Europe/Berlin');

let nextProduct = 600;
async function product(stock: Partial<Record<'licht-haus' | 'wohnen-am-steinweg', number>>): Promise<string> {
  const n = nextProduct++;
  const g = gtin(n);
  for (const [store, quantity] of Object.entries(stock)) {
    const res = await admin(`/v1/stores/${store}/inventory`, {
      method: 'PATCH',
      body: JSON.stringify({ items: [{ sku: `PU-${n}`, gtin: g, quantity, price: { amount: '19.90', currency: 'EUR' }, title: `Teelicht Nr. ${n}` }] }),
    });
    if (!res.ok) throw new Error(`PATCH ${store}: ${res.status} ${await res.text()}`);
  }
  return g;
}

async function openDialog(el: CitylabClickCollect): Promise<HTMLDialogElement> {
  await waitUntil(() => el.status === 'available', 'not available', { timeout: 8000 });
  $(el, '.reserve')!.click();
  await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open && $(el, '#cc-quantity'), 'no dialog', { timeout: 8000 });
  return $<HTMLDialogElement>(el, 'dialog')!;
}

before(() => ensureTown());

describe('pickup time, computed once', () => {
  it('finder, button and dialog say the same on a Tuesday evening', async () => {
    const g = await product({ 'licht-haus': 5, 'wohnen-am-steinweg': 4 });
    const finder = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${g} endpoint=${ep} lang="de" .now=${TUESDAY_EVENING}></citylab-store-finder>`);
    await waitUntil(() => finder.shadowRoot!.querySelector('.offer:not(.skeleton)'), 'finder did not load', { timeout: 8000 });
    const card = (store: string) => read(finder.shadowRoot!.querySelector(`[data-store="${store}"]`)!.textContent);
    // Ready within 2 hours, but closed from 18:30: ready when it opens on Wednesday.
    expect(card('licht-haus')).to.include('Abholbereit ab morgen, 09:30 Uhr').and.not.include('Abholbereit in');
    // Ready within a day: Wednesday 19:00 is after closing, so Thursday at opening.
    expect(card('wohnen-am-steinweg')).to.include('Abholbereit ab Do., 3. Dez., 10:00 Uhr').and.not.include('1 Tag');

    const button = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${g} store="wohnen-am-steinweg" endpoint=${ep} lang="de" .now=${TUESDAY_EVENING}></citylab-click-collect>`);
    await waitUntil(() => button.status === 'available', 'not available', { timeout: 8000 });
    expect(read($(button, '#state')!.textContent)).to.include('Abholbereit ab Do., 3. Dez., 10:00 Uhr');
    await openDialog(button);
    expect(read($(button, '.window')!.textContent)).to.match(/^Abholbereit ab Do\., 3\. Dez\., 10:00 Uhr, reserviert bis .+ Uhr\.$/);
  });

  it('in English the same way', async () => {
    const g = await product({ 'licht-haus': 5 });
    const finder = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${g} endpoint=${ep} lang="en" .now=${TUESDAY_EVENING}></citylab-store-finder>`);
    await waitUntil(() => finder.shadowRoot!.querySelector('.offer:not(.skeleton)'), 'finder did not load', { timeout: 8000 });
    expect(read(finder.shadowRoot!.querySelector('[data-store="licht-haus"]')!.textContent)).to.include('Pickup from tomorrow, 09:30');
  });
});

describe('the quantity\'s limit is what is free, stated before sending', () => {
  it('one free at a shop that hides its quantities: "Höchstens 1 Stück frei", and 2 is refused without sending', async () => {
    const g = await product({ 'wohnen-am-steinweg': 1 });
    const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${g} store="wohnen-am-steinweg" endpoint=${ep} lang="de"></citylab-click-collect>`);
    await openDialog(el);
    expect(read($(el, '#state')!.textContent), 'the shop hides its quantities').to.not.include('Stück');
    expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 1 Stück frei');
    expect($<HTMLInputElement>(el, '#cc-quantity')!.max).to.equal('1');
    const set = (id: string, value: string) => {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    set('cc-quantity', '2');
    set('cc-name', 'Erika Muster');
    set('cc-email', 'erika@example.org');
    $<HTMLInputElement>(el, '#cc-privacy')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => !$(el, '#cc-quantity-error')!.hidden, 'no message at the quantity', { timeout: 4000 });
    expect(read($(el, '#cc-quantity-error')!.textContent)).to.include('nur noch 1 Stück frei');
    expect($<HTMLInputElement>(el, '#cc-quantity')!.value, 'what the shopper typed stays').to.equal('2');
    const res = await admin('/v1/stores/wohnen-am-steinweg/reservations');
    const sent = ((await res.json()) as { items: Reservation[] }).items.filter((r) => r.item.gtin === g);
    expect(sent, 'nothing was sent').to.have.length(0);
  });

  it('plenty free: the contract\'s own limit', async () => {
    const g = await product({ 'wohnen-am-steinweg': 40 });
    const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${g} store="wohnen-am-steinweg" endpoint=${ep} lang="de"></citylab-click-collect>`);
    await openDialog(el);
    expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 10 Stück');
  });

  it('the endpoint says how many one reservation may take, but still not the hidden stock', async () => {
    const g = await product({ 'wohnen-am-steinweg': 3, 'licht-haus': 25 });
    const body = (await (await fetch(`${ep}/v1/availability?gtin=${g}`)).json()) as { offers: { store: { id: string }; quantity?: number; max_quantity?: number }[] };
    const offer = (id: string) => body.offers.find((o) => o.store.id === id)!;
    expect(offer('wohnen-am-steinweg').max_quantity).to.equal(3);
    expect(offer('wohnen-am-steinweg').quantity).to.equal(undefined);
    expect(offer('licht-haus').max_quantity).to.equal(10);
    expect(offer('licht-haus').quantity).to.equal(25);
  });
});

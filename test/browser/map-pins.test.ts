/**
 * The map's pins and the list agree (issue 13): pin n is the n-th card, whose number the card
 * shows, and a pin has the colour of its card's stock state (green "Vorrätig", amber "Nur noch
 * wenige", grey "Nicht vorrätig").
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import { LAMP } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];

before(() => ensureTown());

it('numbers and colours of the pins match the list', async function () {
  // The map's chunk (Leaflet) arrives unbundled in the test server.
  this.timeout(30_000);
  const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${testEnv.endpoint} lang="de"></citylab-store-finder>`);
  await waitUntil(() => $$(el, '.offer:not(.skeleton)').length === 3, 'finder did not load', { timeout: 8000 });
  $$(el, '.more button').find((b) => b.textContent!.includes('Karte anzeigen'))!.click();
  await waitUntil(() => $$(el, '.pin').length === 3, 'no pins', { timeout: 25_000 });
  const cards = $$(el, '.offer');
  const pins = $$(el, '.pin');
  const states = cards.map((c) => getComputedStyle(c.querySelector('.avail')!).color);
  expect(new Set(states).size, 'three different states in the test town').to.equal(3);
  cards.forEach((card, i) => {
    const num = card.querySelector('.num') as HTMLElement;
    expect(num.textContent, `card ${i + 1}'s number`).to.equal(String(i + 1));
    expect(pins[i]!.textContent, `pin ${i + 1}`).to.equal(String(i + 1));
    // The pin of the n-th card has its state's colour, as the card's number and state words do.
    expect(getComputedStyle(pins[i]!).backgroundColor, `pin ${i + 1}'s colour`).to.equal(states[i]);
    expect(getComputedStyle(num).backgroundColor, `card ${i + 1}'s number colour`).to.equal(states[i]);
  });
});

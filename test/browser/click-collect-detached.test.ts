/**
 * A reservation dialog asked for by an element that leaves the page before the
 * dialog's code has arrived (a React view unmounted, a shop page's own script
 * replacing the section): nothing is shown and nothing is thrown into the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';
import { gtin } from '../fixtures/town.js';

describe('<citylab-click-collect> removed while its dialog loads', () => {
  before(ensureTown);

  it('opens nothing and rejects nothing when its host left the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><citylab-store-finder gtin=${gtin(1)} store="licht-haus" endpoint=${testEnv.endpoint}></citylab-store-finder></div>`);
    const finder = wrapper.querySelector<CitylabStoreFinder>('citylab-store-finder')!;
    const opening = CitylabClickCollect.openFor({ gtin: gtin(1), store: 'licht-haus', host: finder });
    // The finder (and the dialog placed beside it) leave the page before the dialog's chunk is there.
    wrapper.replaceChildren();
    const dialog = await opening;
    expect(dialog.isConnected).to.equal(false);
    expect(dialog.shadowRoot?.querySelector('dialog')?.open ?? false).to.equal(false);
  });
});

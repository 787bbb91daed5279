/**
 * A page without `lang` is German (README: "German by default"), whatever the browser's own
 * languages are: headless Chromium here speaks English (navigator.languages), so an element
 * that followed the browser would answer in English.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/sdk/elements/store-finder/define.js';
import '../../src/sdk/elements/click-collect/define.js';
import { LAMP } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const ep = testEnv.endpoint;
const shadowText = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');

before(() => ensureTown());

describe('language without any lang on the page', () => {
  let pageLang: string;
  beforeEach(() => {
    pageLang = document.documentElement.lang;
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    if (pageLang) document.documentElement.lang = pageLang;
  });

  it('the browser speaks English, the elements speak German', async () => {
    expect(navigator.languages.map((l) => l.slice(0, 2)), 'this test needs a browser that prefers English').to.include('en').and.not.include('de');
    const wrapper = await fixture(html`<div>
      <citylab-store-finder gtin=${LAMP} endpoint=${ep}></citylab-store-finder>
      <citylab-click-collect gtin=${LAMP} store="licht-haus" endpoint=${ep}></citylab-click-collect>
    </div>`);
    const finder = wrapper.querySelector('citylab-store-finder')!;
    const collect = wrapper.querySelector('citylab-click-collect')!;
    await waitUntil(() => finder.shadowRoot?.querySelector('.offer:not(.skeleton)'), 'finder did not load', { timeout: 8000 });
    await waitUntil(() => collect.getAttribute('status') === 'available', 'click & collect did not load', { timeout: 8000 });
    expect(shadowText(finder)).to.include('Vorrätig').and.not.include('In stock');
    expect(shadowText(collect)).to.include('Reservieren & abholen').and.not.include('Reserve & collect');
  });

  it('English where the page says so', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><citylab-store-finder gtin=${LAMP} endpoint=${ep}></citylab-store-finder></div>`);
    const finder = wrapper.querySelector('citylab-store-finder')!;
    await waitUntil(() => finder.shadowRoot?.querySelector('.offer:not(.skeleton)'), 'finder did not load', { timeout: 8000 });
    expect(shadowText(finder)).to.include('In stock');
  });
});

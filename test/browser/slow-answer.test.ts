/**
 * The page never jumps when the endpoint is slow (or an app adds the elements after the page
 * has loaded): the elements' code is on the page, their answer comes 1.5 s later, so each shows
 * its own loading frame first (the finder its skeleton). That frame has the size of the content
 * that replaces it, at phone and desktop widths, German and English. The shops of the test town
 * differ in how many actions they have (the page's own shop all five, the others two): a card's
 * actions take the rows all five would need at that width (store-finder/styles.ts).
 */
import { expect } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { contentShown, openHostPage, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const heights = (page: HostPage) => Object.fromEntries(TAGS.map((t) => [t, Math.round(page.el(t).getBoundingClientRect().height * 10) / 10]));

before(() => ensureTown());

describe('a slow endpoint: loading frames as large as the content', () => {
  for (const [lang, width] of [['de', 320], ['en', 320], ['de', 360], ['en', 360], ['de', 420], ['en', 560], ['de', 1280]] as const) {
    it(`at ${width} px, ${lang}`, async () => {
      const slow = `${testEnv.latency}/ms-1500`;
      const page = await openHostPage({ sdk: `${testEnv.endpoint}/sdk/citylab.js`, endpoint: slow, gtin: LAMP, store: 'licht-haus', lang }, { width, height: 2400 });
      try {
        await Promise.all(TAGS.map((tag) => page.win.customElements.whenDefined(tag)));
        await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
        expect(page.$('citylab-store-finder', '.offer.skeleton'), 'the finder shows its skeleton').to.not.equal(null);
        const loading = heights(page);
        await contentShown(page);
        const loaded = heights(page);
        console.log(`slow at ${width}px ${lang}: loading ${JSON.stringify(loading)} loaded ${JSON.stringify(loaded)}`);
        for (const tag of TAGS) expect(loading[tag], `${tag} loading vs loaded`).to.be.closeTo(loaded[tag]!, 1);
      } finally {
        page.close();
      }
    }).timeout(20_000);
  }
});

/**
 * "The page never jumps" (issue 13): a shop page with the README's snippet, the elements above
 * the shop's own text, at 320 px, 360 px and a desktop width. citylab.js arrives late (through
 * the latency proxy, 1.5 s: a phone on a slow network), so the first paint happens before any
 * of our code runs; citylab.css (render-blocking) must already hold each element's final size.
 * The page's own layout-shift entries, until all three show their content, add up to < 0.01,
 * and each element's box before its code arrived equals its box with content.
 */
import { expect } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { contentShown, openHostPage, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const heights = (page: HostPage) => Object.fromEntries(TAGS.map((t) => [t, Math.round(page.el(t).getBoundingClientRect().height * 10) / 10]));

before(() => ensureTown());

describe('no layout shift from the elements (README snippet, script late)', () => {
  // German (the default) and English: the words differ in length, and so do the lines they take.
  for (const [lang, width] of [320, 360, 420, 560, 700, 1280].flatMap((w) => [['de', w], ['en', w]] as const)) {
    it(`at ${width} px, ${lang}: reserved boxes equal the loaded ones, CLS < 0.01`, async () => {
      const page = await openHostPage(
        { sdk: `${testEnv.latency}/ms-1500/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus', lang },
        { width, height: 2400 },
      );
      try {
        expect(page.win.customElements.get('citylab-store-finder'), 'no code yet at first paint').to.equal(undefined);
        const reserved = heights(page);
        await contentShown(page);
        const loaded = heights(page);
        const cls = page.report.shifts.reduce((sum, s) => sum + s.value, 0);
        console.log(`layout at ${width}px, ${lang}: reserved ${JSON.stringify(reserved)} loaded ${JSON.stringify(loaded)} CLS ${cls.toFixed(4)}`);
        for (const tag of TAGS) expect(reserved[tag], `${tag} reserved vs loaded`).to.be.closeTo(loaded[tag]!, 1);
        expect(cls, JSON.stringify(page.report.shifts)).to.be.lessThan(0.01);
      } finally {
        page.close();
      }
    }).timeout(20_000);
  }
});

/**
 * A page whose server rendered the elements (Lit SSR: an agency's Next.js or Astro site),
 * with the README's snippet. The browser shows the server's markup (declarative shadow roots)
 * before any of our code arrives; when it arrives, each element takes over its shadow root:
 * one copy of its content (not the server's beside its own), its content from the endpoint, the
 * box it had before, no layout shift, nothing thrown into the page. Fails without the elements'
 * server path (test/packages/server-render.test.ts) or if the client appended to the server's DOM.
 */
import { expect } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { contentShown, openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const heights = (page: HostPage) => Object.fromEntries(TAGS.map((t) => [t, Math.round(page.el(t).getBoundingClientRect().height * 10) / 10]));
const count = (page: HostPage, tag: string, selector: string) => page.el(tag).shadowRoot?.querySelectorAll(selector).length ?? 0;

before(() => ensureTown());

describe('elements rendered by a server (Lit SSR), then the README snippet', () => {
  for (const [lang, width] of [['de', 360], ['en', 320], ['de', 1280]] as const) {
    it(`at ${width} px, ${lang}: the server's markup shows first, the elements take it over without a jump`, async () => {
      const page = await openHostPage(
        { ssr: '1', sdk: `${testEnv.latency}/ms-1500/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus', lang },
        { width, height: 2400 },
      );
      try {
        expect(page.win.customElements.get('citylab-click-collect'), 'no code yet').to.equal(undefined);
        // Before our code: the server's declarative shadow roots, in the page's language.
        expect(read(page.$('citylab-click-collect', 'button.reserve')?.textContent)).to.equal(lang === 'de' ? 'Reservieren & abholen' : 'Reserve & collect');
        expect(page.$('citylab-store-finder', 'label[for="where"]'), 'the finder’s place field').to.not.equal(null);
        expect(page.$('citylab-ar-viewer', '.stage.pending'), 'the viewer’s box').to.not.equal(null);
        const before = heights(page);

        await contentShown(page);

        // One copy of each element's content: the client took over the server's shadow root.
        expect(count(page, 'citylab-click-collect', 'button.reserve')).to.equal(1);
        expect(count(page, 'citylab-store-finder', 'form.where')).to.equal(1);
        expect(count(page, 'citylab-ar-viewer', '.stage')).to.equal(1);
        expect(count(page, 'citylab-click-collect', 'style'), 'the server’s <style> gave way to the element’s own sheets').to.equal(0);
        expect(page.text('citylab-store-finder'), 'the shops from the endpoint').to.contain('Licht & Haus');

        const after = heights(page);
        for (const tag of TAGS) expect(before[tag], `${tag}: server-rendered vs loaded`).to.be.closeTo(after[tag]!, 1);
        const cls = page.report.shifts.reduce((sum, s) => sum + s.value, 0);
        expect(cls, JSON.stringify(page.report.shifts)).to.be.lessThan(0.01);
        expect(page.report.errors, 'errors').to.deep.equal([]);
        expect(page.report.rejections, 'unhandled rejections').to.deep.equal([]);
      } finally {
        page.close();
      }
    }).timeout(20_000);
  }
});

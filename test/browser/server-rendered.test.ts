/**
 * A page whose server rendered the elements (Lit SSR: an agency's Next.js or Astro site),
 * with the README's snippet. The browser shows the server's markup (declarative shadow roots)
 * before any of our code arrives; when it arrives, each element takes over its shadow root:
 * one copy of its content (not the server's beside its own), its content from the endpoint, the
 * box it had before, no layout shift, nothing thrown into the page. Fails without the elements'
 * server path (test/packages/server-render.test.ts) or if the client appended to the server's DOM.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { contentShown, openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const heights = (page: HostPage) => Object.fromEntries(TAGS.map((t) => [t, Math.round(page.el(t).getBoundingClientRect().height * 10) / 10]));
const count = (page: HostPage, tag: string, selector: string) => page.el(tag).shadowRoot?.querySelectorAll(selector).length ?? 0;

before(() => ensureTown());

/** Records whether a loading frame (the finder's skeleton, the button's bar, the viewer's pending box) ever shows in a shadow root. */
function watchLoading(page: HostPage): () => string[] {
  const seen = new Set<string>();
  const check = () => {
    for (const [tag, selector] of [['citylab-store-finder', '.skeleton'], ['citylab-click-collect', '.state .bar'], ['citylab-ar-viewer', '.stage.pending']] as const)
      if (page.$(tag, selector)) seen.add(tag);
  };
  for (const tag of TAGS) new MutationObserver(check).observe(page.el(tag).shadowRoot!, { childList: true, subtree: true, attributes: true });
  check();
  return () => [...seen];
}

describe('elements rendered by a server (Lit SSR), then the README snippet', () => {
  it('a server frame with the answer gives way to the element’s own as soon as the shopper focuses it, before the element’s answer', async () => {
    const page = await openHostPage(
      { ssr: 'answer', sdk: `${testEnv.endpoint}/sdk/citylab.js`, endpoint: `${testEnv.latency}/ms-3000`, gtin: LAMP, store: 'licht-haus', lang: 'de' },
      { width: 360, height: 2400 },
    );
    try {
      await page.win.customElements.whenDefined('citylab-store-finder');
      const finder = page.el('citylab-store-finder') as HTMLElement & { updateComplete: Promise<unknown> };
      await finder.updateComplete;
      expect(finder.shadowRoot!.querySelector('style'), 'the server’s frame, while the answer is on its way').to.not.equal(null);
      page.$('citylab-store-finder', 'input#where')!.focus();
      await finder.updateComplete;
      expect(finder.shadowRoot!.querySelector('style'), 'the element’s own frame').to.equal(null);
      expect(finder.shadowRoot!.querySelectorAll('form.where')).to.have.length(1);
    } finally {
      page.close();
    }
  }).timeout(20_000);

  it('at 360 px, de: a server that rendered the endpoint’s answer: content before any code, kept until the elements’ own answer, never a loading frame', async () => {
    const page = await openHostPage(
      { ssr: 'answer', sdk: `${testEnv.latency}/ms-300/sdk/citylab.js`, endpoint: `${testEnv.latency}/ms-3000`, gtin: LAMP, store: 'licht-haus', lang: 'de' },
      { width: 360, height: 2400 },
    );
    try {
      const loadingSeen = watchLoading(page);
      expect(page.win.customElements.get('citylab-click-collect'), 'no code yet').to.equal(undefined);
      expect(page.el('citylab-click-collect').getAttribute('status')).to.equal('available');
      expect(page.el('citylab-click-collect').getAttribute('server-rendered')).to.equal('answer');
      expect(count(page, 'citylab-store-finder', '.offer:not(.skeleton)')).to.equal(3);
      expect(page.text('citylab-ar-viewer')).to.contain('In 2 Geschäften in der Nähe vorrätig');
      const before = heights(page);
      await Promise.all(TAGS.map((tag) => page.win.customElements.whenDefined(tag)));
      // The code is here, the answer (3 s late) is not: the server's content is still on screen.
      await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
      expect(count(page, 'citylab-store-finder', '.offer:not(.skeleton)')).to.equal(3);
      await contentShown(page);
      await waitUntil(() => count(page, 'citylab-click-collect', 'style') === 0, 'the elements rendered their own frames', { timeout: 8000 });
      expect(loadingSeen(), 'loading frames shown').to.deep.equal([]);
      expect(count(page, 'citylab-click-collect', 'button.reserve')).to.equal(1);
      expect(count(page, 'citylab-store-finder', '.offer:not(.skeleton)')).to.equal(3);
      expect(count(page, 'citylab-ar-viewer', '.stage')).to.equal(1);
      const after = heights(page);
      for (const tag of TAGS) expect(before[tag], `${tag}: server-rendered vs loaded`).to.be.closeTo(after[tag]!, 1);
      const cls = page.report.shifts.reduce((sum, s) => sum + s.value, 0);
      expect(cls, JSON.stringify(page.report.shifts)).to.be.lessThan(0.01);
      expect(page.report.errors, 'errors').to.deep.equal([]);
    } finally {
      page.close();
    }
  }).timeout(20_000);

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

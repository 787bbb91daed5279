/**
 * Each language's words arrive only where they are spoken (issue 13, "Fast on the phone"): the
 * elements' chunks carry German, and English is a chunk of its own that an English page fetches
 * before the elements are defined, so their first render is English and the space citylab.css
 * reserved is not given up meanwhile. Needs `npm run build` (the endpoint serves the bundle).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const TAGS = ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder'] as const;
const shown = (page: HostPage) =>
  waitUntil(
    () =>
      page.$('citylab-ar-viewer', '.stage:not(.pending)') &&
      page.el('citylab-click-collect')?.getAttribute('status') === 'available' &&
      page.$('citylab-store-finder', '.offer:not(.skeleton)'),
    'the three elements did not show their content',
    { timeout: 10_000 },
  );
const englishChunks = (page: HostPage) =>
  page.win.performance.getEntriesByType('resource').filter((e) => /\/sdk\/strings-en-[\w-]+\.js$/.test(new URL(e.name).pathname)).length;

before(() => ensureTown());

describe('the words of the page\'s language', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('a German page fetches no English words', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 2400 });
    await shown(page);
    expect(read(page.$('citylab-click-collect', 'button.reserve')!.textContent)).to.equal('Reservieren & abholen');
    expect(englishChunks(page)).to.equal(0);
  });

  it('an English page (code late): English from the first render, and the viewer and the button in the space reserved for them', async () => {
    page = await openHostPage({ sdk: `${testEnv.latency}/ms-1500/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus', lang: 'en' }, { width: 360, height: 2400 });
    const p = page;
    const reserved = TAGS.map((t) => p.el(t).getBoundingClientRect().height);
    // Every text the click-collect element ever renders, from its first one on.
    const seen: string[] = [];
    const watch = () => {
      const root = p.el('citylab-click-collect').shadowRoot;
      if (!root) return false;
      const record = () => seen.push(read(root.textContent));
      record();
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
      return true;
    };
    await waitUntil(watch, 'click-collect never rendered', { timeout: 10_000 });
    await shown(p);
    await new Promise((resolve) => p.win.requestAnimationFrame(() => p.win.requestAnimationFrame(resolve)));
    expect(englishChunks(p), 'one chunk of English words per element').to.equal(3);
    expect(read(p.$('citylab-click-collect', 'button.reserve')!.textContent)).to.equal('Reserve & collect');
    expect(seen.filter((t) => /Reservieren|Verfügbarkeit|wird geprüft/.test(t)), 'German shown before the English').to.deep.equal([]);
    // The viewer and the button keep the space reserved for them while their English is fetched. (The
    // finder's reserved height is measured for German text, which wraps differently: not checked here.)
    const loaded = TAGS.map((t) => p.el(t).getBoundingClientRect().height);
    for (const [i, tag] of TAGS.entries()) if (tag !== 'citylab-store-finder') expect(reserved[i], `${tag} reserved vs loaded`).to.be.closeTo(loaded[i]!, 1);
  }).timeout(30_000);
});

/**
 * The script-tag bundle on a shop's page of another origin than the endpoint (issue 10, "On the
 * shop's page"): two copies on one page, and what the elements leave in the page's globals and
 * storage. Needs `npm run build` (the endpoint serves the built bundle).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { endpoint, openHostPage, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const shown = (page: HostPage) =>
  waitUntil(
    () =>
      page.$('citylab-ar-viewer', '.stage:not(.pending)') &&
      page.el('citylab-click-collect')?.getAttribute('status') === 'available' &&
      page.$('citylab-store-finder', '.offer:not(.skeleton)'),
    'the three elements did not show their content',
    { timeout: 8000 },
  );

before(() => ensureTown());

describe('citylab.js on a shop page', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('loaded twice (the moving and the versioned URL), one copy runs, the other names both versions in a warning', async () => {
    const moving = `${endpoint}/sdk/citylab.js`;
    const pinned = `${endpoint}/sdk/${testEnv.sdkVersion}/citylab.js`;
    page = await openHostPage({ sdk: [moving, pinned], gtin: LAMP, store: 'licht-haus' });
    await shown(page);
    const warnings = page.report.warnings.filter((w) => w.startsWith('citylab:'));
    expect(warnings, warnings.join('\n')).to.have.length(1);
    expect(warnings[0]).to.include(`citylab.js ${testEnv.sdkVersion} (${pinned})`).and.include(`citylab.js ${testEnv.sdkVersion} (${moving}) was first`);
    expect(page.report.errors, 'nothing thrown').to.deep.equal([]);
    expect(page.report.rejections).to.deep.equal([]);
    // Each element exists once, from the first copy: only its chunks were fetched.
    const fetched = page.win.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'));
    expect(fetched.filter((n) => n.includes(`/sdk/${testEnv.sdkVersion}/`) && !n.endsWith('/citylab.js')), fetched.join('\n')).to.deep.equal([]);
    expect(page.doc.querySelectorAll('citylab-click-collect')).to.have.length(1);
    // No <style> of ours in the page: the reservation is the snippet's stylesheet.
    expect(page.doc.querySelectorAll('style:not([nonce])')).to.have.length(0);
  });

  it('adds no global a shop script could collide with, and writes no cookie or storage', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' });
    await shown(page);
    // The dialog too: its code and the full schemas arrive with it.
    page.$('citylab-click-collect', 'button.reserve')!.click();
    await waitUntil(() => page!.$('citylab-click-collect', 'dialog[open]'), 'no dialog', { timeout: 8000 });
    page.$('citylab-store-finder', 'button[aria-controls="map"]')!.click();
    await waitUntil(() => page!.$('citylab-store-finder', '.leaflet-container'), 'no map', { timeout: 8000 });
    const before = new Set([...page.report.keys, '__host']);
    const added = Object.keys(page.win).filter((k) => !before.has(k));
    // Lit's and zod's own namespaced markers are theirs (a page with Lit of its own has them too).
    const libraries = /^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|__zod_globalConfig|__zod_globalRegistry)$/;
    expect(added.filter((k) => !libraries.test(k)), `globals: ${added.join(', ')}`).to.deep.equal([]);
    expect(page.doc.cookie).to.equal('');
    expect(page.win.localStorage.length, 'localStorage').to.equal(0);
    expect(page.win.sessionStorage.length, 'sessionStorage').to.equal(0);
    expect(await page.win.indexedDB.databases(), 'indexedDB').to.deep.equal([]);
    expect(await page.win.caches.keys(), 'CacheStorage').to.deep.equal([]);
    expect(page.report.errors).to.deep.equal([]);
  });
});

/**
 * What a shop page with all three elements downloads before the shopper taps anything (issue 13,
 * "Fast on the phone"): the entry, one shared chunk and each element's own chunk; not the
 * contract's schemas (zod), the dialog, the map, the 3D engine or the AR viewer's lazy part
 * (which the pointer coming over the viewer fetches). The schemas arrive with the dialog, and
 * from then on the client checks every answer. Needs `npm run build` (the endpoint serves the
 * built bundle). `npm run bench` prints the bytes on a throttled phone.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { CHAIR_3D, SNEAKER_3D, VASE_3D } from '../fixtures/ar-products.js';
import { LAMP, gtin } from '../fixtures/town.js';
import { ensureArProducts } from './ar-viewer-support.js';
import { openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { admin, ensureTown } from './town.js';

const shown = (page: HostPage) =>
  waitUntil(
    () =>
      page.$('citylab-ar-viewer', '.stage:not(.pending)') &&
      page.el('citylab-click-collect')?.getAttribute('status') === 'available' &&
      page.$('citylab-store-finder', '.offer:not(.skeleton)'),
    'the three elements did not show their content',
    { timeout: 8000 },
  );

/** The SDK's scripts the page fetched, by file name without the content hash (`store-finder`, `shared`, …). */
const scripts = (page: HostPage) =>
  page.win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/sdk/') && p.endsWith('.js'))
    .map((p) => p.slice('/sdk/'.length).replace(/-[\w-]{8}\.js$|\.js$/, ''));

before(() => ensureTown());

describe('first paint of a page with all three elements', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('loads the entry, one shared chunk and the three elements, and no schemas, dialog, map or 3D engine before a tap', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    await shown(page);
    // The answers arrived and were drawn: whatever loads after them would have been requested by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scripts(page).sort()).to.deep.equal(['ar-viewer', 'citylab', 'click-collect', 'shared', 'store-finder']);
    expect(page.report.errors).to.deep.equal([]);
  });

  it('loads the AR viewer\'s lazy part (loading, AR, QR dialog) when the pointer comes over it, not before', async () => {
    await ensureArProducts();
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus', viewer: VASE_3D }, { width: 360, height: 800 });
    const p = page;
    await shown(p);
    await waitUntil(() => p.el('citylab-ar-viewer').getAttribute('state') === 'poster', 'the viewer did not show its poster', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scripts(p), 'nothing of it before the shopper shows interest').not.to.include('viewer-3d');
    expect(p.$('citylab-ar-viewer', 'dialog'), 'the QR dialog is there, closed').to.exist;

    // A real pointer over the viewer (the iframe's box plus the viewer's inside it): that is intent.
    p.frame.scrollIntoView();
    const frame = p.frame.getBoundingClientRect();
    const box = p.el('citylab-ar-viewer').getBoundingClientRect();
    try {
      await sendMouse({ type: 'move', position: [Math.round(frame.left + box.left + box.width / 2), Math.round(frame.top + box.top + box.height / 3)] });
      await waitUntil(() => scripts(p).includes('viewer-3d'), `the lazy part did not arrive on intent: ${JSON.stringify(scripts(p))}`, { timeout: 8000 });
    } finally {
      await resetMouse();
    }
    expect(scripts(p), 'the QR encoder waits for the tap').not.to.include('qr-code');
    expect(p.report.errors).to.deep.equal([]);
  });

  it('loads the schemas with the dialog', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    await shown(page);
    page.$('citylab-click-collect', 'button.reserve')!.click();
    await waitUntil(() => page!.$('citylab-click-collect', 'dialog[open]'), 'no dialog', { timeout: 8000 });
    const loaded = scripts(page);
    expect(loaded).to.include('schemas');
    expect(loaded).to.include('reservation-flow');
    expect(loaded, 'the map and the 3D engine wait for their own tap').not.to.include.members(['map']);
    expect(loaded).not.to.include('model-viewer');
    expect(page.report.errors).to.deep.equal([]);
  });

  it('"Maße" whose code cannot arrive (offline) says so and stays closed, instead of doing nothing', async () => {
    await ensureArProducts();
    page = await openHostPage(
      { sdk: `${testEnv.latency}/ms-0/lose-viewer-3d/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus', viewer: CHAIR_3D },
      { width: 360, height: 800 },
    );
    const p = page;
    await waitUntil(() => p.el('citylab-ar-viewer').getAttribute('state') === 'poster', 'the viewer did not show its poster', { timeout: 8000 });
    const toggle = p.$('citylab-ar-viewer', '.dimensions-toggle')!;
    toggle.click();
    await waitUntil(
      () => read(p.$('citylab-ar-viewer', '[part="message"]')?.textContent) === 'Die Maße ließen sich gerade nicht laden. Bitte tippen Sie noch einmal auf „Maße“.',
      `the press failed silently: "${read(p.$('citylab-ar-viewer', '[part="message"]')?.textContent)}"`,
      { timeout: 8000 },
    );
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(p.$('citylab-ar-viewer', '#dimensions')).to.equal(null);
  });

  it('asks for the first answers while the elements\' code is still on its way, once each', async () => {
    // The SDK's files come 400 ms late (a slow phone network); the endpoint answers at once.
    page = await openHostPage(
      { sdk: `${testEnv.latency}/ms-400/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus' },
      { width: 360, height: 800 },
    );
    const p = page;
    await shown(p);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const entries = p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const asked = (path: string) => entries.filter((e) => new URL(e.name).pathname === path);
    const availability = asked('/v1/availability');
    expect(availability.map((e) => new URL(e.name).search), 'one question for the three elements').to.deep.equal([`?gtin=${LAMP}`]);
    expect(asked('/v1/city')).to.have.length(1);
    const chunk = (name: string) => entries.find((e) => new RegExp(`/sdk/${name}-[\\w-]{8}\\.js$`).test(e.name))!;
    // Asked before any element's code had arrived: the round trip overlaps the download.
    for (const name of ['shared', 'store-finder', 'click-collect', 'ar-viewer']) {
      expect(availability[0]!.startTime, `availability asked before ${name} arrived`).to.be.lessThan(chunk(name).responseEnd);
    }
    expect(p.report.errors).to.deep.equal([]);
  });

  it('an early question that broke off is asked again by the element: the shopper sees content, not an error', async () => {
    const endpoint = `${testEnv.latency}/ms-0/fail-first-${Date.now().toString(36)}`;
    // The SDK's files 700 ms late, at a path of their own (no earlier test's files from the cache): the
    // elements ask well after the 300 ms in which the endpoint's connection breaks.
    page = await openHostPage({ sdk: `${testEnv.latency}/ms-700/sdk/citylab.js`, endpoint, gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    const p = page;
    await shown(p);
    expect(p.el('citylab-ar-viewer').getAttribute('state')).not.to.equal('error');
    expect(p.report.errors).to.deep.equal([]);
  });

  it('after a reservation the elements read the stock from the endpoint again, not the early answer', async () => {
    // A product of this test's own (its stock changes here): 3 at Licht & Haus.
    const g = gtin(950);
    const patch = await admin('/v1/stores/licht-haus/inventory', {
      method: 'PATCH',
      body: JSON.stringify({ items: [{ sku: 'FP-950', gtin: g, quantity: 3, price: { amount: '9.90', currency: 'EUR' }, title: 'Teelicht Nr. 950' }] }),
    });
    expect(patch.ok).to.equal(true);
    page = await openHostPage({ gtin: g, store: 'licht-haus' }, { width: 360, height: 800 });
    const p = page;
    const cc = p.el('citylab-click-collect');
    await waitUntil(() => cc.getAttribute('status') === 'available', 'no reserve button', { timeout: 8000 });
    p.$('citylab-click-collect', 'button.reserve')!.click();
    await waitUntil(() => p.$('citylab-click-collect', '#cc-name'), 'no form', { timeout: 8000 });
    for (const [id, value] of [['cc-name', 'Erika Mustermann'], ['cc-email', 'erika.frisch@example.org']]) {
      const input = p.$('citylab-click-collect', `#${id}`) as HTMLInputElement;
      input.value = value!;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    p.$('citylab-click-collect', '#cc-privacy')!.click();
    await (cc as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    p.$('citylab-click-collect', 'button[type="submit"]')!.click();
    await waitUntil(() => p.$('citylab-click-collect', '.code'), 'not reserved', { timeout: 8000 });
    const entries = () => p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const posted = entries().find((e) => new URL(e.name).pathname === '/v1/reservations')!;
    expect(posted, 'the reservation went out').to.exist;
    await waitUntil(
      () => entries().some((e) => new URL(e.name).pathname === '/v1/availability' && e.startTime > posted.startTime),
      'the stock after the reservation came from the early answer',
      { timeout: 8000 },
    );
  });

  it('starts loading the viewer\'s poster with the early answer, before the viewer\'s code arrived, and once', async () => {
    await ensureArProducts();
    // The SDK's files 450 ms late, at a path no earlier test used (nothing from the cache).
    page = await openHostPage(
      { sdk: `${testEnv.latency}/ms-450/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus', viewer: SNEAKER_3D },
      { width: 360, height: 800 },
    );
    const p = page;
    await waitUntil(() => (p.$('citylab-ar-viewer', 'img.poster') as HTMLImageElement | null)?.complete, 'the viewer shows no poster', { timeout: 8000 });
    const entries = p.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const posters = entries.filter((e) => e.name.endsWith('/sneaker-poster.webp'));
    expect(posters, 'one request for the poster').to.have.length(1);
    const viewerChunk = entries.find((e) => /\/sdk\/ar-viewer-[\w-]{8}\.js$/.test(e.name))!;
    expect(posters[0]!.startTime, 'asked before the viewer\'s code arrived').to.be.lessThan(viewerChunk.responseEnd);
    expect((p.$('citylab-ar-viewer', 'img.poster') as HTMLImageElement).src).to.equal(posters[0]!.name);
    expect(p.report.errors).to.deep.equal([]);
  });
});

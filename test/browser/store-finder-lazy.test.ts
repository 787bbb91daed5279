/**
 * The finder's tools (sorting by a place or the device's location, the map: finder-tools.ts)
 * arrive on the shopper's first sign of intent, not with the page (issue 13, "Fast on the
 * phone"), and a press before they arrived waits for them instead of being lost. A shop page
 * of the built bundle, so the chunk is the one a phone fetches. Needs `npm run build`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LAMP } from '../fixtures/town.js';
import { openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const FINDER = 'citylab-store-finder';
const listed = (page: HostPage) => waitUntil(() => page.$(FINDER, '.offer:not(.skeleton)'), 'the finder did not show its list', { timeout: 8000 });
const toolsFetched = (page: HostPage) =>
  page.win.performance.getEntriesByType('resource').some((e) => /^\/sdk\/finder-tools-[\w-]+\.js$/.test(new URL(e.name).pathname));

before(() => ensureTown());

describe('<citylab-store-finder>: the tools load on intent', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('not with the page, but when the shopper moves focus into the finder', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    const p = page;
    await listed(p);
    // The list was drawn: whatever loads with the page would have been requested by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toolsFetched(p), 'no tools before a sign of intent').to.equal(false);
    p.$(FINDER, '#where')!.focus();
    await waitUntil(() => toolsFetched(p), 'focus in the finder did not fetch the tools', { timeout: 8000 });
    expect(p.report.errors).to.deep.equal([]);
  });

  it('a press before the tools arrived is answered once they are here', async () => {
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    const p = page;
    await listed(p);
    expect(toolsFetched(p)).to.equal(false);
    // No pointer, focus or touch first: the press itself has to fetch them.
    (p.$(FINDER, '#where') as HTMLInputElement).value = '59823';
    p.$(FINDER, '.where-row button[type="submit"]')!.click();
    await waitUntil(() => read(p.$(FINDER, '[role="status"]')?.textContent).includes('Sortiert nach Entfernung von Nordhang.'), 'the press was lost', { timeout: 8000 });
    expect(toolsFetched(p)).to.equal(true);
    await waitUntil(() => p.$(FINDER, '.distance'), 'no distances', { timeout: 8000 });
    expect(p.report.errors).to.deep.equal([]);
    expect(p.report.rejections).to.deep.equal([]);
  });

  it('"use my location" before the tools arrived: the button answers at once, the list is sorted once they are here', async () => {
    await executeServerCommand('citylab-geolocation', { state: 'granted', lat: 51.3941, lon: 8.0601 });
    page = await openHostPage({ gtin: LAMP, store: 'licht-haus' }, { width: 360, height: 800 });
    const p = page;
    await listed(p);
    expect(toolsFetched(p)).to.equal(false);
    const button = [...p.el(FINDER).shadowRoot!.querySelectorAll('button')].find((b) => read(b.textContent).includes('Meinen Standort verwenden'))!;
    button.click();
    await (p.el(FINDER) as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(read(button.textContent), 'says so at once').to.equal('Standort wird bestimmt …');
    expect((button as HTMLButtonElement).disabled, 'no second press meanwhile').to.equal(true);
    await waitUntil(() => read(p.$(FINDER, '[role="status"]')?.textContent).includes('Sortiert nach Entfernung von Ihrem Standort.'), 'the press was lost', { timeout: 8000 });
    expect((button as HTMLButtonElement).disabled).to.equal(false);
    expect(p.report.errors).to.deep.equal([]);
  });

  it('a press whose tools cannot arrive (offline) says so and keeps what was typed', async () => {
    // The page and the list came; then the network lost the tools' chunk.
    page = await openHostPage(
      { sdk: `${testEnv.latency}/ms-0/lose-finder-tools/sdk/citylab.js`, endpoint: testEnv.endpoint, gtin: LAMP, store: 'licht-haus' },
      { width: 360, height: 800 },
    );
    const p = page;
    await listed(p);
    const status = () => read(p.$(FINDER, '[role="status"]')?.textContent);
    expect(status()).not.to.include('nicht laden');
    (p.$(FINDER, '#where') as HTMLInputElement).value = '59823';
    p.$(FINDER, '.where-row button[type="submit"]')!.click();
    await waitUntil(() => status().includes('Das ließ sich gerade nicht laden. Bitte versuchen Sie es noch einmal.'), `the press failed silently: "${status()}"`, { timeout: 8000 });
    expect((p.$(FINDER, '#where') as HTMLInputElement).value, 'what the shopper typed stays').to.equal('59823');
    expect(p.$(FINDER, '.distance'), 'nothing sorted').to.equal(null);
    // "Karte anzeigen" tells the same, and changes nothing either.
    const mapButton = [...p.el(FINDER).shadowRoot!.querySelectorAll('button')].find((b) => read(b.textContent).includes('Karte anzeigen'))!;
    mapButton.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mapButton.getAttribute('aria-expanded')).to.equal('false');
    expect(status()).to.include('Das ließ sich gerade nicht laden.');
  });
});

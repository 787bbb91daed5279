/**
 * The town's endpoint down, hanging or answering garbage, on a shop's page that loaded
 * citylab.js fine (issue 10): each element shows its fallback, in one voice and without
 * blaming the shopper, nothing is thrown into the page, the page stays responsive, and the
 * viewer keeps the shop's own product photo. The client's time limit is what bounds the
 * hanging case; the tests wait for the fallback, not for a time.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LAMP } from '../fixtures/town.js';
import { openHostPage, read, type HostPage } from './host-page.js';
import { testEnv } from './test-env.js';

const SENTENCE = { de: 'Die Verfügbarkeit in den Geschäften der Stadt lässt sich gerade nicht abrufen.', en: "Availability in the town's shops cannot be retrieved right now." };
// An SVG photo of the shop's own, as a data URL: it loads without any endpoint.
const PHOTO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#b3541e"/></svg>')}`;

const cases: [string, string][] = [
  ['connection refused', testEnv.refused],
  ['hanging (accepts, never answers)', testEnv.blackhole],
  ['broken JSON', `${testEnv.garbage}/invalid-json`],
  ['an HTML page with status 200', `${testEnv.garbage}/html`],
  ['JSON of the wrong shape', `${testEnv.garbage}/shape`],
  ['502 with an HTML body', `${testEnv.garbage}/bad-gateway`],
];

async function fallbacks(page: HostPage, lang: 'de' | 'en'): Promise<void> {
  const sentence = SENTENCE[lang];
  await waitUntil(
    () =>
      page.el('citylab-ar-viewer').getAttribute('state') === 'error' &&
      page.el('citylab-click-collect').getAttribute('status') === 'error' &&
      page.$('citylab-store-finder', '.message[role="alert"]'),
    'the elements did not show their fallback',
    { timeout: 9000 },
  );
  expect(read(page.$('citylab-store-finder', '.message')!.textContent)).to.include(sentence);
  expect(read(page.$('citylab-click-collect', '#state')!.textContent)).to.equal(sentence);
  expect(read(page.$('citylab-ar-viewer', '.message')!.textContent)).to.equal(sentence);
  for (const tag of ['citylab-ar-viewer', 'citylab-click-collect', 'citylab-store-finder']) {
    expect(page.text(tag), `${tag} never blames the connection`).not.to.match(/Verbindung|connection|Internet/i);
  }
}

describe('the endpoint down, hanging or answering garbage', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  for (const [name, endpoint] of cases) {
    it(`${name}: each element shows its fallback, nothing is thrown, the shop's photo stays`, async () => {
      page = await openHostPage({ endpoint, gtin: LAMP, store: 'licht-haus', photo: PHOTO });
      await fallbacks(page, 'de');
      const viewer = page.el('citylab-ar-viewer');
      const slot = page.$('citylab-ar-viewer', 'slot:not([name])') as HTMLSlotElement | null;
      const photo = slot?.assignedElements()[0] as HTMLImageElement | undefined;
      expect(photo?.getAttribute('src'), 'the shop\'s photo is in the viewer').to.equal(PHOTO);
      const box = photo!.getBoundingClientRect();
      expect(box.width, 'and fills its box').to.be.closeTo(viewer.getBoundingClientRect().width, 1);
      expect(box.height).to.be.greaterThan(100);
      expect(page.report.errors, 'nothing thrown into the page').to.deep.equal([]);
      expect(page.report.rejections).to.deep.equal([]);
      // The page still answers: its own next frame comes, and a click on its text is handled.
      await new Promise((resolve) => page!.win.requestAnimationFrame(resolve));
      const clicked = new Promise((resolve) => page!.doc.getElementById('text')!.addEventListener('click', resolve, { once: true }));
      page.doc.getElementById('text')!.click();
      await clicked;
    }).timeout(15_000);
  }

  it('says it in English on an English page', async () => {
    page = await openHostPage({ endpoint: testEnv.refused, gtin: LAMP, store: 'licht-haus', lang: 'en' });
    await fallbacks(page, 'en');
  });

  it('before the code arrives (or when citylab.js never does), the shop\'s photo fills the reserved box', async () => {
    page = await openHostPage({ sdk: `${testEnv.refused}/sdk/citylab.js`, gtin: LAMP, photo: PHOTO }, { width: 360 });
    const viewer = page.el('citylab-ar-viewer');
    const photo = viewer.querySelector('img')!;
    await waitUntil(() => photo.complete, 'photo not loaded');
    expect(customElements.get.call(page.win.customElements, 'citylab-ar-viewer')).to.equal(undefined);
    const [v, p] = [viewer.getBoundingClientRect(), photo.getBoundingClientRect()];
    // The square picture, and under it the rows its buttons and stock line will take (0.5rem + 44 px, 0.25rem + 2.5rem).
    expect(v.height, 'a square picture and the rows under it').to.be.closeTo(v.width + 8 + 44 + 4 + 40, 1);
    expect(p.top).to.be.closeTo(v.top, 1);
    expect(p.width).to.be.closeTo(v.width, 1);
    expect(p.height, 'the photo fills the picture').to.be.closeTo(v.width, 1);
  });
});

/**
 * The AR viewer on a phone (issue 13): its buttons sit under the picture, as furniture shops'
 * product pages have them, and never cover the product; the picture and the row under it take
 * the height citylab.css reserved before the viewer's code arrived, so the page does not jump
 * when the element upgrades and its data arrives.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import { CHAIR_3D, LAMP_3D } from '../fixtures/ar-products.js';
import { LAMP } from '../fixtures/town.js';
import { $, ensureArProducts, untilState } from './ar-viewer-support.js';
import { openHostPage } from './host-page.js';
import { testEnv } from './test-env.js';
import { ensureTown } from './town.js';

const ep = testEnv.endpoint;
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

before(async () => {
  await ensureTown();
  await ensureArProducts();
});

for (const width of [320, 360]) {
  describe(`<citylab-ar-viewer> on a ${width} px phone`, () => {
    before(() => setViewport({ width, height: 740 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('"In 3D ansehen", "In Ihrem Raum ansehen" and the stock line sit under the picture, 44 px high, none over it', async () => {
      const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
      await untilState(el, 'poster');
      await waitUntil(() => $(el, '.stock'), 'no stock line', { timeout: 8000 });
      const picture = $(el, '.poster')!.getBoundingClientRect();
      expect(picture.width, 'the picture spans the viewer').to.be.closeTo(el.getBoundingClientRect().width, 1);
      for (const selector of ['.view-3d', '.ar-button', '.stock']) {
        const box = $(el, selector)!.getBoundingClientRect();
        expect(overlaps(box, picture), `${selector} covers the picture (${JSON.stringify(box)} over ${JSON.stringify(picture)})`).to.equal(false);
        expect(box.top, `${selector} under the picture`).to.be.at.least(picture.bottom);
        expect(box.right, `${selector} inside the viewer`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
      for (const selector of ['.view-3d', '.ar-button']) expect($(el, selector)!.getBoundingClientRect().height, selector).to.be.at.least(44);
      // Side by side, one row.
      expect($(el, '.view-3d')!.getBoundingClientRect().top).to.be.closeTo($(el, '.ar-button')!.getBoundingClientRect().top, 0.5);
    });

    it('the height stays when "In 3D ansehen" goes and when no shop has the product', async () => {
      const chair = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
      await untilState(chair, 'poster');
      const lamp = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${LAMP_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
      await untilState(lamp, 'poster');
      expect($(lamp, '.stock'), 'out of stock everywhere: no stock line').to.equal(null);
      expect(lamp.getBoundingClientRect().height, 'without a stock line').to.be.closeTo(chair.getBoundingClientRect().height, 0.5);
      const before = chair.getBoundingClientRect().height;
      $(chair, '.view-3d')!.click();
      // The engine (model-viewer, three.js) loads on the tap: software WebGL on a busy machine takes a while.
      await waitUntil(() => chair.getAttribute('state') === 'ready', 'the 3D view did not open', { timeout: 25_000 });
      await chair.updateComplete;
      expect($(chair, '.view-3d'), '"In 3D ansehen" is gone once the 3D view shows').to.equal(null);
      expect(chair.getBoundingClientRect().height, 'after the 3D view opened').to.be.closeTo(before, 0.5);
      // The AR button takes the whole row.
      expect($(chair, '.ar-button')!.getBoundingClientRect().width).to.be.closeTo($(chair, '.controls')!.getBoundingClientRect().width, 1);
    }).timeout(30_000);

    it('the README snippet, code late: the viewer has its final size before the code, and nothing shifts', async () => {
      const page = await openHostPage(
        { sdk: `${testEnv.latency}/ms-1500/sdk/citylab.js`, endpoint: ep, viewer: CHAIR_3D, gtin: LAMP, store: 'licht-haus' },
        { width, height: 1600 },
      );
      try {
        const viewer = page.el('citylab-ar-viewer');
        expect(page.win.customElements.get('citylab-ar-viewer'), 'no code yet at first paint').to.equal(undefined);
        const reserved = viewer.getBoundingClientRect().height;
        await waitUntil(() => viewer.getAttribute('state') === 'poster' && page.$('citylab-ar-viewer', '.stock'), 'the viewer did not show its poster', {
          timeout: 10_000,
        });
        await new Promise((resolve) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(resolve)));
        const loaded = viewer.getBoundingClientRect().height;
        expect(reserved, 'reserved vs loaded').to.be.closeTo(loaded, 1);
        const picture = page.$('citylab-ar-viewer', '.poster')!.getBoundingClientRect();
        expect(overlaps(page.$('citylab-ar-viewer', '.ar-button')!.getBoundingClientRect(), picture), 'AR button over the picture').to.equal(false);
        const cls = page.report.shifts.reduce((sum, s) => sum + s.value, 0);
        expect(cls, JSON.stringify(page.report.shifts)).to.be.lessThan(0.01);
      } finally {
        page.close();
      }
    }).timeout(20_000);
  });
}

/**
 * <citylab-ar-viewer> does not make a product page pay for the 3D engine before
 * the shopper shows interest. A page of its own (each test file gets a fresh
 * one), so nothing has loaded model-viewer before these tests look.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import { CHAIR_3D } from '../fixtures/ar-products.js';
import { $, engineRequests, ensureArProducts, modelHits, untilState } from './ar-viewer-support.js';
import { testEnv } from './test-env.js';

/** The viewer's lazy part (loading, AR, the QR dialog's content): internal/viewer-3d.ts. */
const lazyPartRequested = () => performance.getEntriesByType('resource').some((e) => /ar-viewer\/internal\/viewer-3d\./.test(e.name));

before(async () => {
  await ensureArProducts();
});

describe('<citylab-ar-viewer> loading on intent (the default)', function () {
  this.timeout(30_000);

  afterEach(async () => {
    await resetMouse();
  });

  it('shows the poster in the first screen and fetches neither engine nor model until the pointer comes', async () => {
    await modelHits(true);
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${testEnv.endpoint} lang="de" style="width: 300px"></citylab-ar-viewer>`);
    expect(el.effectiveLoading).to.equal('intent');
    await untilState(el, 'poster');
    await $<HTMLImageElement>(el, '.poster')!.decode();
    // Everything a shopper sees is there: poster, "In 3D ansehen", "In Ihrem Raum ansehen", the shop count.
    expect($(el, '[part~="view-3d-button"]')).to.exist;
    expect($(el, '[part~="ar-button"]')).to.exist;
    expect($(el, '[part~="stock-button"]')).to.exist;
    expect(engineRequests(), 'no model-viewer or three.js module requested').to.deep.equal([]);
    expect(lazyPartRequested(), 'nor the viewer\'s own lazy part').to.equal(false);
    expect(customElements.get('model-viewer')).to.equal(undefined);
    expect(await modelHits(), 'no model downloaded').to.equal(0);
    await expect(el).to.be.accessible();

    // The shopper points at the viewer: that is intent.
    const loaded = oneEvent(el, 'citylab-model-load');
    const box = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 3)] });
    await loaded;
    expect(engineRequests().some((url) => url.includes('model-viewer')), 'model-viewer arrived').to.equal(true);
    expect(engineRequests().some((url) => url.includes('/three/')), 'three.js arrived').to.equal(true);
    expect(lazyPartRequested(), 'the viewer\'s lazy part arrived').to.equal(true);
    expect(await modelHits()).to.equal(1);
    await el.updateComplete;
    // Pointing is not asking: the poster stays until the shopper chooses 3D.
    expect(el.getAttribute('state')).to.equal('poster');
    expect(getComputedStyle($(el, '.poster')!).display).to.not.equal('none');
    await expect(el).to.be.accessible();
  });
});

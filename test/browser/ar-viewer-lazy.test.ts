/**
 * <citylab-ar-viewer loading="lazy">: a viewer further down the page loads when
 * it comes near the viewport, not before. A page of its own, so nothing has
 * loaded model-viewer before these tests look.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import { VASE_3D } from '../fixtures/ar-products.js';
import { engineRequests, ensureArProducts, modelHits, untilState } from './ar-viewer-support.js';
import { testEnv } from './test-env.js';

before(async () => {
  await ensureArProducts();
});

describe('<citylab-ar-viewer loading="lazy">', function () {
  this.timeout(30_000);

  it('loads the engine and the model only when scrolled near the viewport', async () => {
    await modelHits(true);
    const wrapper = await fixture(html`<div>
      <div style="height: 3000px">Produktbeschreibung, lang</div>
      <citylab-ar-viewer gtin=${VASE_3D} endpoint=${testEnv.endpoint} loading="lazy" lang="de"></citylab-ar-viewer>
    </div>`);
    const el = wrapper.querySelector<CitylabArViewer>('citylab-ar-viewer')!;
    await untilState(el, 'poster');
    // An observer made now reports in a later rendering step than the viewer's own: once it has,
    // the viewer has certainly seen itself far below the viewport.
    const visible = await new Promise<boolean>((resolve) => {
      const io = new IntersectionObserver(
        (entries) => {
          io.disconnect();
          resolve(entries.some((e) => e.isIntersecting));
        },
        { rootMargin: '300px' },
      );
      io.observe(el);
    });
    expect(visible, 'the viewer starts far below the viewport').to.equal(false);
    expect(engineRequests()).to.deep.equal([]);
    expect(await modelHits()).to.equal(0);

    const loaded = oneEvent(el, 'citylab-model-load');
    el.scrollIntoView();
    await loaded;
    expect(engineRequests().some((url) => url.includes('model-viewer'))).to.equal(true);
    expect(await modelHits()).to.equal(1);
    expect(el.getAttribute('state'), 'lazy loads, the poster stays until asked').to.equal('poster');
    window.scrollTo(0, 0);
  });
});

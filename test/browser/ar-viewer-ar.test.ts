/**
 * "In Ihrem Raum ansehen" on phones, where AR cannot always start: inside an
 * app's built-in browser (Instagram, Facebook) and on a device without AR. The
 * browser's real user agent is switched (the test runner's `setUserAgent`), so
 * the element reads `navigator.userAgent` exactly as on a phone.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setUserAgent } from '@web/test-runner-commands';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import type { CitylabArStatusDetail } from '../../src/sdk/events.js';
import { CHAIR_3D } from '../fixtures/ar-products.js';
import { $, engineRequests, ensureArProducts, untilState } from './ar-viewer-support.js';
import { testEnv } from './test-env.js';

const DESKTOP = navigator.userAgent;
const INSTAGRAM =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 335.0.0.0.0 (iPhone14,5; iOS 17_5; de_DE; de; scale=3.00; 1170x2532; 612337284)';
const FACEBOOK =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/477.0.0.49.73;]';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const message = (el: Element) => read($(el, '.message')?.textContent);

before(async () => {
  await ensureArProducts();
});

after(async () => {
  await setUserAgent(DESKTOP);
});

describe('<citylab-ar-viewer> AR on phones', function () {
  this.timeout(30_000);

  it('tells Instagram users to open the page in their browser', async () => {
    await setUserAgent(INSTAGRAM);
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${testEnv.endpoint} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const status = oneEvent(el, 'citylab-ar-status');
    $<HTMLButtonElement>(el, '[part~="ar-button"]')!.click();
    expect(((await status) as CustomEvent<CitylabArStatusDetail>).detail).to.deep.equal({ status: 'failed', reason: 'in-app-browser' });
    await el.updateComplete;
    expect(el.getAttribute('ar-status')).to.equal('failed');
    expect(message(el)).to.equal(
      'In der Instagram-App lässt sich die Raumansicht nicht starten. Öffnen Sie die Seite in Ihrem Browser (Menü „…“ › „Im Browser öffnen“).',
    );
    expect($<HTMLDialogElement>(el, 'dialog')!.open, 'no QR code on a phone').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('names Facebook\'s built-in browser too, in English', async () => {
    await setUserAgent(FACEBOOK);
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${testEnv.endpoint} lang="en"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    $<HTMLButtonElement>(el, '[part~="ar-button"]')!.click();
    await el.updateComplete;
    expect(message(el)).to.equal('The in-room view cannot start inside the Facebook app. Open the page in your browser (menu "…" › "Open in browser").');
  });

  it('says clearly when the phone cannot start AR, and keeps the 3D view', async () => {
    await setUserAgent(IPHONE_SAFARI);
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${testEnv.endpoint} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const status = oneEvent(el, 'citylab-ar-status');
    // The tap loads the engine and the model, then asks model-viewer whether AR can start:
    // this Chromium has neither WebXR AR nor Quick Look.
    $<HTMLButtonElement>(el, '[part~="ar-button"]')!.click();
    expect(((await status) as CustomEvent<CitylabArStatusDetail>).detail).to.deep.equal({ status: 'failed', reason: 'unsupported' });
    await el.updateComplete;
    expect(engineRequests().length, 'the engine was loaded to ask').to.be.greaterThan(0);
    expect(el.getAttribute('ar-status')).to.equal('failed');
    expect(message(el)).to.equal('Auf diesem Gerät lässt sich die Raumansicht nicht starten. Sie können das Produkt hier in 3D drehen.');
    await expect(el).to.be.accessible();
  });
});

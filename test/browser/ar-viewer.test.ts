/**
 * <citylab-ar-viewer> in headless Chromium (WebGL through SwiftShader) against
 * the real test endpoint, with the demo town's models made by the model
 * pipeline and served over HTTP by a model host: what is drawn (pixels), the
 * shop count and its event, the size, the QR code, keyboard use, errors, and
 * axe in every state.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/sdk/elements/ar-viewer/define.js';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import type { CitylabErrorDetail, CitylabFindInStoreDetail, CitylabModelLoadDetail } from '../../src/sdk/events.js';
import { AR_SHOPS, BROKEN_3D, CHAIR_3D, LAMP_3D, MISSING_3D, PLAIN, SNEAKER_3D, VASE_3D } from '../fixtures/ar-products.js';
import { UNKNOWN } from '../fixtures/town.js';
import { $, arModels, decodeQr, drawnPixelsOnceDrawn, ensureArProducts, untilState, viewerOf } from './ar-viewer-support.js';
import { testEnv } from './test-env.js';

const ep = testEnv.endpoint;
/** Text as a person reads it (Intl and Lit leave odd spaces). */
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const message = (el: Element) => read($(el, '.message')?.textContent);
const button = (el: Element, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`);
/**
 * What has focus inside the viewer, by its part names. (Assertions compare
 * strings, never DOM nodes: the test runner cannot report a failure that holds one.)
 */
const focusedPart = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('part') ?? el.shadowRoot!.activeElement?.localName ?? null;
/** The poster is on screen (not display: none). */
const posterShown = (el: Element) => {
  const poster = $(el, '.poster');
  return !!poster && getComputedStyle(poster).display !== 'none';
};

before(async () => {
  await ensureArProducts();
});

afterEach(() => {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

describe('<citylab-ar-viewer>', function () {
  // The 3D engine arrives unbundled in the test server (hundreds of modules) and SwiftShader draws on the CPU.
  this.timeout(30_000);

  it('shows the poster first, then draws the product in 3D when asked (real pixels)', async function () {
    // The first 3D view of the file: the engine's hundreds of modules and SwiftShader's first shaders.
    this.timeout(90_000);
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de" style="width: 360px"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const poster = $<HTMLImageElement>(el, '.poster')!;
    expect(poster.alt).to.equal('Loungesessel Lenne');
    expect(new URL(poster.src).pathname).to.equal('/lounge-chair-poster.webp');
    await poster.decode();
    expect(poster.naturalWidth, 'the poster image really loaded').to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    const loaded = oneEvent(el, 'citylab-model-load');
    button(el, 'view-3d-button')!.click();
    const { detail } = (await loaded) as CustomEvent<CitylabModelLoadDetail>;
    expect(detail.src).to.match(/\/lounge-chair\.glb$/);
    await untilState(el, 'ready');
    expect(posterShown(el), 'the 3D view replaced the poster').to.equal(false);

    const viewer = viewerOf(el)!;
    // The fabric is petrol blue-green (#2f6470), the frame oiled oak: count what was really drawn.
    const teal = (r: number, g: number, b: number) => b > r + 25 && g > r + 15;
    const pixels = await drawnPixelsOnceDrawn(viewer, teal, (p) => p.drawn > 0.1 && p.coloured > 0.03);
    expect(pixels.width).to.equal(360);
    expect(pixels.drawn, 'share of the view covered by the chair').to.be.greaterThan(0.1);
    expect(pixels.coloured, 'share of petrol fabric pixels').to.be.greaterThan(0.03);
    expect(pixels.shades, 'shading, not a flat silhouette').to.be.greaterThan(40);
    await expect(el).to.be.accessible();
  });

  it('keeps its size from the first frame to the 3D view: nothing on the page moves', async () => {
    const wrapper = await fixture(html`<div style="width: 320px">
      <citylab-ar-viewer gtin=${SNEAKER_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>
      <p id="below">Produktbeschreibung</p>
    </div>`);
    const el = wrapper.querySelector('citylab-ar-viewer')!;
    const below = wrapper.querySelector('#below')!;
    const top = () => below.getBoundingClientRect().top;
    const first = top();
    expect(el.shadowRoot!.querySelector('.stage')!.getBoundingClientRect().height, 'a square picture reserved before any data').to.equal(320);
    // Under it the row of buttons (at least 44 px after a 0.5rem gap) and the stock line (2.5rem after 0.25rem).
    expect(el.getBoundingClientRect().height, 'the picture and the rows under it').to.equal(320 + 8 + 44 + 4 + 40);
    await untilState(el, 'poster');
    expect(top()).to.equal(first);
    const loaded = oneEvent(el, 'citylab-model-load');
    button(el, 'view-3d-button')!.click();
    await loaded;
    await untilState(el, 'ready');
    expect(top()).to.equal(first);
    button(el, 'dimensions-button')!.click();
    await el.updateComplete;
    expect(top(), 'the size label sits inside the box').to.equal(first);
  });

  it('says in how many shops nearby the product is and leads to them', async () => {
    const wrapper = await fixture(html`<div>
      <citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>
      <citylab-store-finder gtin=${CHAIR_3D} tabindex="-1"></citylab-store-finder>
    </div>`);
    const el = wrapper.querySelector('citylab-ar-viewer')!;
    await untilState(el, 'poster');
    const stock = button(el, 'stock-button')!;
    // In stock in one shop, on display in the other.
    expect(read(stock.textContent)).to.equal('In 2 Geschäften in der Nähe vorrätig oder ausgestellt');
    const event = oneEvent(el, 'citylab-find-in-store');
    stock.click();
    const { detail } = (await event) as CustomEvent<CitylabFindInStoreDetail>;
    expect(detail).to.deep.equal({ gtin: CHAIR_3D, count: 2 });
    expect(document.activeElement?.localName, 'the page\'s store finder takes over').to.equal('citylab-store-finder');
  });

  it('lets the shop handle "in N shops" itself by cancelling the event', async () => {
    const wrapper = await fixture(html`<div>
      <citylab-ar-viewer gtin=${VASE_3D} endpoint=${ep} lang="en"></citylab-ar-viewer>
      <citylab-store-finder tabindex="-1"></citylab-store-finder>
    </div>`);
    const el = wrapper.querySelector('citylab-ar-viewer')!;
    await untilState(el, 'poster');
    const stock = button(el, 'stock-button')!;
    expect(read(stock.textContent)).to.equal('In stock in 1 shop nearby');
    el.addEventListener('citylab-find-in-store', (e) => e.preventDefault(), { once: true });
    stock.click();
    expect(document.activeElement?.localName).to.not.equal('citylab-store-finder');
  });

  it('shows no shop line for a product that no shop has in stock', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${LAMP_3D} endpoint=${ep}></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    expect(button(el, 'stock-button')).to.equal(null);
  });

  it('makes one availability request for two viewers of the same product', async () => {
    const url = `${ep}/v1/availability?gtin=${SNEAKER_3D}`;
    const before = performance.getEntriesByName(url).length;
    const wrapper = await fixture(html`<div>
      <citylab-ar-viewer gtin=${SNEAKER_3D} endpoint=${ep}></citylab-ar-viewer>
      <citylab-ar-viewer gtin=${SNEAKER_3D} endpoint=${ep}></citylab-ar-viewer>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('citylab-ar-viewer')];
    await untilState(a!, 'poster');
    await untilState(b!, 'poster');
    expect(performance.getEntriesByName(url).length - before).to.equal(1);
  });

  it('gives the real size on request, from the product data (German and English)', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const toggle = button(el, 'dimensions-button')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part="dimensions"]')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const size = $(el, '[part="dimensions"]')!;
    expect(read(size.textContent)).to.equal('B 75 × H 80 × T 80 cm');
    expect(size.getAttribute('aria-label')).to.equal('Breite 75 cm, Höhe 80 cm, Tiefe 80 cm');
    await expect(el).to.be.accessible();

    const english = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="en"></citylab-ar-viewer>`);
    await untilState(english, 'poster');
    button(english, 'dimensions-button')!.click();
    await english.updateComplete;
    expect(read($(english, '[part="dimensions"]')!.textContent)).to.equal('W 75 × H 80 × D 80 cm');
  });

  it('measures the size from the model when the product data has none', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${VASE_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    expect(button(el, 'dimensions-button'), 'no size before the model is there').to.equal(null);
    const loaded = oneEvent(el, 'citylab-model-load');
    button(el, 'view-3d-button')!.click();
    await loaded;
    await el.updateComplete;
    button(el, 'dimensions-button')!.click();
    await el.updateComplete;
    // The vase is modelled at 18 × 32 × 18 cm.
    expect(read($(el, '[part="dimensions"]')!.textContent)).to.equal('B 18 × H 32 × T 18 cm');
  });

  it('shows a QR code on the desktop that decodes to this page with the AR marker', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    expect(performance.getEntriesByType('resource').some((e) => /qr-code|lean-qr/.test(e.name)), 'no QR encoder before it is needed').to.equal(false);
    button(el, 'ar-button')!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await oneEvent(dialog, 'toggle');
    expect(dialog.open).to.equal(true);
    expect(performance.getEntriesByType('resource').some((e) => /lean-qr/.test(e.name)), 'the encoder arrived on demand').to.equal(true);

    const expected = `${location.origin}${location.pathname}${location.search}#citylab-ar=${CHAIR_3D}`;
    expect(el.arUrl).to.equal(expected);
    expect(await decodeQr($<HTMLCanvasElement>(el, '.qr-code')!)).to.equal(expected);
    expect($<HTMLAnchorElement>(el, '.qr-link a')!.href).to.equal(expected);
    await expect(el).to.be.accessible();

    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(focusedPart(el), 'focus returns to the button').to.equal('button ar-button');
  });

  it('can lead the phone to the endpoint\'s AR page instead, which shows the viewer and links back', async () => {
    // "Back" leads only to an origin the town knows: this test page is a shop's website for the test.
    const shopId = AR_SHOPS[0]!.id;
    const admin = { Authorization: `Bearer ${testEnv.adminKey}`, 'Content-Type': 'application/json' };
    const website = async (url: string | null) => {
      const res = await fetch(`${ep}/v1/stores/${shopId}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ website: url }) });
      expect(res.status, await res.text()).to.equal(200);
    };
    const before = ((await (await fetch(`${ep}/v1/stores/${shopId}`)).json()) as { website?: string }).website ?? null;
    await website(`${location.origin}/`);
    try {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint=${ep} ar-link="endpoint" lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    button(el, 'ar-button')!.click();
    await oneEvent($(el, 'dialog')!, 'toggle');
    const decoded = await decodeQr($<HTMLCanvasElement>(el, '.qr-code')!);
    const back = `${location.origin}${location.pathname}${location.search}`;
    expect(decoded).to.equal(`${ep}/ar/${CHAIR_3D}?back=${encodeURIComponent(back)}#citylab-ar=${CHAIR_3D}`);
    const page = await fetch(decoded!);
    expect(page.status).to.equal(200);
    const body = await page.text();
    expect(body).to.include(`<citylab-ar-viewer gtin="${CHAIR_3D}"`).and.include('Loungesessel Lenne').and.include(`href="${back.replace(/&/g, '&#38;')}"`);
    $<HTMLDialogElement>(el, 'dialog')!.close();
    } finally {
      await website(before);
    }
  });

  it('offers AR at once on a page opened from its QR code', async () => {
    history.replaceState(null, '', `#citylab-ar=${SNEAKER_3D}`);
    const loaded = new Promise((resolve) => document.addEventListener('citylab-model-load', resolve, { once: true }));
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${SNEAKER_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await loaded;
    await untilState(el, 'ready');
    expect(message(el)).to.equal('Tippen Sie auf „In Ihrem Raum ansehen“, um das Produkt in Originalgröße in Ihren Raum zu stellen.');
    expect(button(el, 'ar-button')!.classList.contains('primary')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: focus loads, Enter shows 3D, arrow keys turn the model, Escape closes the QR code', async () => {
    const { base } = await arModels();
    const wrapper = await fixture(html`<div>
      <button id="before">Vorher</button>
      <citylab-ar-viewer src="${base}table-lamp.glb" poster="${base}table-lamp-poster.webp" alt="Tischleuchte Röhr" endpoint=${ep} lang="de"></citylab-ar-viewer>
    </div>`);
    const el = wrapper.querySelector('citylab-ar-viewer')!;
    await untilState(el, 'poster');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const loaded = oneEvent(el, 'citylab-model-load');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(el), 'the 3D button is the first stop').to.equal('button view-3d-button');
    expect(button(el, 'view-3d-button')!.getAttribute('aria-label')).to.equal('In 3D ansehen: Tischleuchte Röhr');
    await sendKeys({ press: 'Enter' });
    await loaded;
    await untilState(el, 'ready');

    const viewer = viewerOf(el)!;
    expect(focusedPart(el), 'focus moved into the 3D view').to.equal('model');
    const theta = viewer.getCameraOrbit().theta;
    const moved = oneEvent(viewer, 'camera-change');
    await sendKeys({ press: 'ArrowRight' });
    await moved;
    await new Promise(requestAnimationFrame);
    expect(viewer.getCameraOrbit().theta).to.not.equal(theta);

    // Next stops: the size, then "view in your room".
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(el)).to.equal('button dimensions-button');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(el)).to.equal('button ar-button');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    const opened = oneEvent(dialog, 'toggle');
    await sendKeys({ press: 'Enter' });
    await opened;
    expect(dialog.open).to.equal(true);
    expect(focusedPart(el), 'focus in the dialog').to.equal('button qr-close-button');
    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(focusedPart(el)).to.equal('button ar-button');
  });

  it('keeps the poster and says so when the model file is missing', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${MISSING_3D} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const failed = oneEvent(el, 'citylab-error');
    button(el, 'view-3d-button')!.click();
    const { detail } = (await failed) as CustomEvent<CitylabErrorDetail>;
    expect(detail.element).to.equal('citylab-ar-viewer');
    expect(detail.kind).to.equal('model');
    await untilState(el, 'error');
    expect(posterShown(el), 'the poster stays').to.equal(true);
    expect(message(el)).to.equal('Das 3D-Modell ließ sich gerade nicht laden. Das Foto bleibt sichtbar; versuchen Sie es später noch einmal.');
    expect(button(el, 'view-3d-button'), 'no button that cannot work').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the poster and says so when the model file is not a 3D model', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${BROKEN_3D} endpoint=${ep} lang="en"></citylab-ar-viewer>`);
    await untilState(el, 'poster');
    const failed = oneEvent(el, 'citylab-error');
    button(el, 'view-3d-button')!.click();
    expect(((await failed) as CustomEvent<CitylabErrorDetail>).detail.kind).to.equal('model');
    await untilState(el, 'error');
    expect(posterShown(el)).to.equal(true);
    expect(message(el)).to.equal('The 3D model could not be loaded just now. The photo stays; please try again later.');
    await expect(el).to.be.accessible();
  });

  it('says when a product has no 3D view, and offers no 3D or AR button', async () => {
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${PLAIN} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    await untilState(el, 'no-model');
    expect(message(el)).to.equal('Für dieses Produkt gibt es noch keine 3D-Ansicht.');
    expect(button(el, 'view-3d-button')).to.equal(null);
    expect(button(el, 'ar-button')).to.equal(null);
    expect(read($(el, '.placeholder')!.textContent)).to.equal('Bilderrahmen Eiche');
    await expect(el).to.be.accessible();
  });

  it('says when the product is unknown, with the endpoint\'s problem code in the event', async () => {
    const failed = new Promise<CitylabErrorDetail>((resolve) => document.addEventListener('citylab-error', (e) => resolve(e.detail), { once: true }));
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${UNKNOWN} endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    const detail = await failed;
    expect(detail).to.include({ element: 'citylab-ar-viewer', kind: 'http', code: 'product-not-found' });
    await untilState(el, 'error');
    expect(message(el)).to.equal('Zu diesem Produkt gibt es hier gerade keine Angaben.');
    await expect(el).to.be.accessible();
  });

  it('stays calm when the endpoint cannot be reached', async () => {
    // A loopback port nobody listens on: the connection is refused at once.
    const failed = new Promise<CitylabErrorDetail>((resolve) => document.addEventListener('citylab-error', (e) => resolve(e.detail), { once: true }));
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer gtin=${CHAIR_3D} endpoint="http://127.0.0.1:9" lang="de"></citylab-ar-viewer>`);
    expect((await failed).kind).to.equal('network');
    await untilState(el, 'error');
    expect(message(el)).to.equal('Die Verfügbarkeit in den Geschäften der Stadt lässt sich gerade nicht abrufen.');
    await expect(el).to.be.accessible();
  });

  it('says when it is set up without a product or a model, and recovers when one is given', async () => {
    const failed = new Promise<CitylabErrorDetail>((resolve) => document.addEventListener('citylab-error', (e) => resolve(e.detail), { once: true }));
    const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer endpoint=${ep} lang="de"></citylab-ar-viewer>`);
    expect((await failed).kind).to.equal('config');
    expect(el.getAttribute('state')).to.equal('error');
    expect(message(el)).to.equal('Die 3D-Ansicht ist auf dieser Seite noch nicht eingerichtet.');
    await expect(el).to.be.accessible();
    el.gtin = LAMP_3D;
    await untilState(el, 'poster');
    expect(message(el)).to.equal('');
  });

  it('works from explicit src, ios-src, poster and alt, without product data', async () => {
    const { base } = await arModels();
    const el = await fixture<CitylabArViewer>(
      html`<citylab-ar-viewer src="${base}vase.glb" ios-src="${base}vase.usdz" poster="${base}vase-poster.webp" alt="Vase Möhne" endpoint=${ep} reveal="auto"></citylab-ar-viewer>`,
    );
    expect(el.effectiveLoading, 'reveal="auto" loads near the viewport').to.equal('lazy');
    await oneEvent(el, 'citylab-model-load');
    await untilState(el, 'ready');
    const viewer = viewerOf(el)!;
    expect(viewer.getAttribute('ios-src')).to.equal(`${base}vase.usdz`);
    expect(viewer.getAttribute('alt')).to.equal('Vase Möhne');
    expect(viewer.getAttribute('ar-scale')).to.equal('fixed');
    expect(viewer.getAttribute('ar-placement')).to.equal('floor');
    expect(viewer.getAttribute('ar-modes')).to.equal('webxr scene-viewer quick-look');
    expect(button(el, 'stock-button'), 'no shop count without a GTIN').to.equal(null);
    const pixels = await drawnPixelsOnceDrawn(viewer, (r, g, b) => g > r + 10 && b > r, (p) => p.drawn > 0.05 && p.coloured > 0.02);
    expect(pixels.drawn).to.be.greaterThan(0.05);
    expect(pixels.coloured, 'celadon glaze').to.be.greaterThan(0.02);

    // Another product on the same viewer (a colour or variant picker on the shop page).
    const next = oneEvent(el, 'citylab-model-load');
    el.src = `${base}sneaker.glb`;
    expect(((await next) as CustomEvent<CitylabModelLoadDetail>).detail.src).to.equal(`${base}sneaker.glb`);
    await untilState(el, 'ready');
    const navy = await drawnPixelsOnceDrawn(viewer, (r, g, b) => b > r + 40 && b > g + 30, (p) => p.coloured > 0.01);
    expect(navy.coloured, 'the sneaker\'s navy suede is drawn now').to.be.greaterThan(0.01);
  });

  it('loads at once with loading="eager", keeps the poster until asked, and places on a wall when told', async () => {
    const { base } = await arModels();
    const el = await fixture<CitylabArViewer>(
      html`<citylab-ar-viewer src="${base}table-lamp.glb" poster="${base}table-lamp-poster.webp" ar-placement="wall" loading="eager" endpoint=${ep}></citylab-ar-viewer>`,
    );
    await oneEvent(el, 'citylab-model-load');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('poster');
    expect(posterShown(el)).to.equal(true);
    expect(viewerOf(el)!.getAttribute('ar-placement')).to.equal('wall');
    await expect(el).to.be.accessible();
  });

  it('does not turn the model by itself when the shopper prefers reduced motion', async () => {
    const { base } = await arModels();
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await fixture<CitylabArViewer>(html`<citylab-ar-viewer src="${base}sneaker.glb" auto-rotate loading="eager" endpoint=${ep}></citylab-ar-viewer>`);
      await oneEvent(el, 'citylab-model-load');
      const viewer = viewerOf(el)!;
      expect(viewer.hasAttribute('auto-rotate')).to.equal(false);
      expect(viewer.getAttribute('interaction-prompt')).to.equal('none');
      // The element hears the change first (it listened first), then this test.
      const query = matchMedia('(prefers-reduced-motion: reduce)');
      const changed = oneEvent(query as unknown as EventTarget, 'change');
      await emulateMedia({ reducedMotion: 'no-preference' });
      await changed;
      await el.updateComplete;
      expect(viewer.hasAttribute('auto-rotate'), 'turns again once motion is welcome').to.equal(true);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('serves model-viewer\'s decoders from the endpoint, never from a CDN', async () => {
    const names = ['meshopt_decoder.js', 'draco_wasm_wrapper.js', 'draco_decoder.wasm', 'basis_transcoder.js', 'basis_transcoder.wasm'];
    for (const name of names) {
      const res = await fetch(`${ep}/sdk/decoders/${name}`);
      expect(res.status, name).to.equal(200);
      expect((await res.arrayBuffer()).byteLength, name).to.be.greaterThan(1000);
    }
    const config = (globalThis as unknown as { ModelViewerElement: Record<string, string> }).ModelViewerElement;
    expect(config.dracoDecoderLocation).to.equal(`${ep}/sdk/decoders/`);
    expect(config.ktx2TranscoderLocation).to.equal(`${ep}/sdk/decoders/`);
    expect(config.meshoptDecoderLocation).to.equal(`${ep}/sdk/decoders/meshopt_decoder.js`);
    const thirdParty = performance.getEntriesByType('resource').filter((e) => !e.name.startsWith(location.origin) && !e.name.startsWith('http://127.0.0.1:'));
    expect(thirdParty.map((e) => e.name)).to.deep.equal([]);
  });
});

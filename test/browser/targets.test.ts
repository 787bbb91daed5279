/**
 * Tap targets and focus rings (issue 13): inside the elements, every control a finger may hit is
 * at least 24 px high and the primary actions at least 44 px; a filled accent button's focus ring
 * shows on a light page and on a dark one: an outer ring that contrasts with the page and an inner
 * one, in the button's text colour, that contrasts with the button's own fill.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import { gtin } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { admin, ensureTown } from './town.js';

const ep = testEnv.endpoint;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];

/** Any CSS colour (oklab, color-mix results …) as sRGB bytes, read back from a canvas. */
function rgb(color: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}
function contrast(a: string, b: string): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The focus ring of a focused button: outline colour, and the inner ring (box-shadow spread) colour. */
function ring(button: HTMLElement): { outline: string; outlineWidth: number; inner: string | undefined; innerWidth: number } {
  const cs = getComputedStyle(button);
  const shadow = /^(.*?)\s+0px\s+0px\s+0px\s+(\d+(?:\.\d+)?)px/.exec(cs.boxShadow);
  return { outline: cs.outlineColor, outlineWidth: cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth), inner: shadow?.[1], innerWidth: shadow ? parseFloat(shadow[2]!) : 0 };
}

let n = 700;
async function product(stock: Record<string, number>): Promise<string> {
  const g = gtin(n++);
  for (const [store, quantity] of Object.entries(stock)) {
    const res = await admin(`/v1/stores/${store}/inventory`, {
      method: 'PATCH',
      body: JSON.stringify({ items: [{ sku: `TT-${g}`, gtin: g, quantity, price: { amount: '9.90', currency: 'EUR' }, title: 'Duftkerze' }] }),
    });
    if (!res.ok) throw new Error(`PATCH: ${res.status}`);
  }
  return g;
}

/** Controls inside a shadow root that a finger can hit, with their height. */
function targets(el: Element): { what: string; height: number }[] {
  return $$(el, 'button, a[href], input, select, label.shop, label.check, summary')
    .filter((t) => t.getClientRects().length && getComputedStyle(t).visibility !== 'hidden' && !t.closest('dialog:not([open])'))
    .map((t) => {
      // A checkbox or radio is hit through its label.
      const label = (t as HTMLInputElement).labels?.[0];
      const box = (['checkbox', 'radio'].includes((t as HTMLInputElement).type) && label ? label : t).getBoundingClientRect();
      return { what: `${t.localName}.${t.className} "${(t.textContent || (t as HTMLInputElement).name || '').trim().slice(0, 30)}"`, height: Math.round(box.height * 10) / 10 };
    });
}

before(() => ensureTown());

for (const page of [{ name: 'light', bg: '#ffffff', fg: '#1a1a1a' }, { name: 'dark', bg: '#121212', fg: '#eeeeee' }]) {
  describe(`on a ${page.name} page at 360 px`, () => {
    before(() => setViewport({ width: 360, height: 740 }));
    after(() => setViewport({ width: 800, height: 600 }));

    const checkRing = (button: HTMLElement, what: string) => {
      button.focus();
      expect(button.matches(':focus-visible'), `${what} shows focus`).to.equal(true);
      const r = ring(button);
      const fill = getComputedStyle(button).backgroundColor;
      expect(r.outlineWidth, `${what}: outline`).to.be.at.least(2);
      expect(contrast(r.outline, page.bg), `${what}: outer ring against the page`).to.be.at.least(3);
      expect(r.inner, `${what}: an inner ring between the button and the outer one`).to.be.a('string');
      expect(r.innerWidth, `${what}: inner ring fills the outline's offset`).to.be.at.least(2);
      expect(contrast(r.inner!, fill), `${what}: inner ring against the button's fill`).to.be.at.least(3);
    };

    it('finder and button: rings and tap targets', async () => {
      const g = await product({ 'licht-haus': 4 });
      const wrapper = await fixture(html`<div style="background:${page.bg};color:${page.fg};padding:8px">
        <citylab-store-finder gtin=${g} endpoint=${ep} lang="de"></citylab-store-finder>
        <citylab-click-collect gtin=${g} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>
      </div>`);
      const finder = wrapper.querySelector('citylab-store-finder')!;
      const cc = wrapper.querySelector('citylab-click-collect') as CitylabClickCollect;
      await waitUntil(() => $(finder, '.offer:not(.skeleton)') && cc.status === 'available', 'not loaded', { timeout: 8000 });
      checkRing($(finder, 'button.primary')!, 'finder "Reservieren"');
      checkRing($(finder, '.where-row button')!, 'finder "Suchen"');
      checkRing($(cc, '.reserve')!, '"Reservieren & abholen"');
      for (const t of [...targets(finder), ...targets(cc)]) expect(t.height, t.what).to.be.at.least(24);
      expect($(finder, 'button.primary')!.getBoundingClientRect().height).to.be.at.least(44);
      expect($(cc, '.reserve')!.getBoundingClientRect().height).to.be.at.least(44);
    });

    it('the dialog and its confirmation: rings and tap targets', async () => {
      const g = await product({ 'licht-haus': 4 });
      const wrapper = await fixture(html`<div style="background:${page.bg};color:${page.fg};padding:8px">
        <citylab-click-collect gtin=${g} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>
      </div>`);
      const cc = wrapper.querySelector('citylab-click-collect') as CitylabClickCollect;
      await waitUntil(() => cc.status === 'available', 'not loaded', { timeout: 8000 });
      $(cc, '.reserve')!.click();
      await waitUntil(() => $<HTMLDialogElement>(cc, 'dialog')?.open && $(cc, '#cc-name'), 'no dialog', { timeout: 8000 });
      const dialogBg = getComputedStyle($(cc, 'dialog')!).backgroundColor;
      for (const t of targets(cc)) expect(t.height, `form: ${t.what}`).to.be.at.least(24);
      const send = $(cc, 'button[type="submit"]')!;
      expect(send.getBoundingClientRect().height).to.be.at.least(44);
      send.focus();
      expect(contrast(ring(send).outline, dialogBg), 'send: outer ring against the dialog').to.be.at.least(3);
      expect(contrast(ring(send).inner ?? dialogBg, getComputedStyle(send).backgroundColor), 'send: inner ring against its fill').to.be.at.least(3);
      const set = (id: string, value: string) => {
        const input = $<HTMLInputElement>(cc, `#${id}`)!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      };
      set('cc-name', 'Ziel Kundin');
      set('cc-email', `ziel.${page.name}@example.org`);
      $<HTMLInputElement>(cc, '#cc-privacy')!.click();
      await cc.updateComplete;
      send.click();
      await waitUntil(() => $(cc, '.code'), 'no confirmation', { timeout: 8000 });
      for (const t of targets(cc)) expect(t.height, `confirmation: ${t.what}`).to.be.at.least(24);
    });
  });
}

/**
 * <citylab-click-collect> in headless Chromium against the real test endpoint
 * (a fresh SQLite database, over real HTTP): the button's states, a whole
 * reservation through the dialog (also by keyboard alone), field errors, stock
 * running out in the meantime, retries that never make a second reservation
 * (checked in the shop's own list of reservations), cancelling, the finder's
 * "Reservieren", layout, and axe in every state.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/sdk/elements/click-collect/define.js';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabClickCollect } from '../../src/sdk/elements/click-collect/click-collect.js';
import { buildIcs, foldLine } from '../../src/sdk/elements/click-collect/calendar.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import { CitylabClient } from '../../src/sdk/client/client.js';
import type { Reservation } from '../../src/sdk/contract/schemas.js';
import type { CitylabErrorDetail, CitylabReserveDetail, CitylabReservedDetail } from '../../src/sdk/events.js';
import { gtin, UNKNOWN } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { admin, ensureTown } from './town.js';

// The lazy-loading test reads resource timings; the default buffer (250) fills up with the test page's own modules.
performance.setResourceTimingBufferSize(10_000);

const ep = testEnv.endpoint;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
/** Text as a person reads it: Intl puts no-break spaces in "24,90 €"; they read as spaces. */
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog');
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Where focus is inside the element, as words (assertion messages never print whole elements). */
const focused = (el: Element) => {
  const a = active(el);
  return a ? `${a.localName}${a.id ? `#${a.id}` : ''}${a.className ? `.${a.className.trim().split(/\s+/).join('.')}` : ''}` : 'nothing';
};
/** The dialog's close event: focus moves back in its handler, after \`open\` is already false. */
const closing = (el: Element) => oneEvent(dialogOf(el)!, 'close');

/** Every test gets a product of its own, so stock and reservations never leak between tests or into other files. */
let nextProduct = 400;
async function product(stock: Partial<Record<'licht-haus' | 'wohnen-am-steinweg' | 'keramik-koenig', number>>, price = '24.90'): Promise<{ gtin: string; name: string }> {
  const n = nextProduct++;
  const g = gtin(n);
  const name = `Kerze Nr. ${n}`;
  for (const [store, quantity] of Object.entries(stock)) {
    const res = await admin(`/v1/stores/${store}/inventory`, {
      method: 'PATCH',
      body: JSON.stringify({ items: [{ sku: `CC-${n}`, gtin: g, quantity, price: { amount: price, currency: 'EUR' }, title: name, brand: 'Wachszieher' }] }),
    });
    if (!res.ok) throw new Error(`PATCH ${store}: ${res.status} ${await res.text()}`);
  }
  return { gtin: g, name };
}

/** The shop's own list of reservations (read with the operator's key), for one product. */
async function reservationsOf(store: string, g: string): Promise<(Reservation & { customer?: { name: string; email?: string } })[]> {
  const res = await admin(`/v1/stores/${store}/reservations`);
  if (!res.ok) throw new Error(`GET reservations: ${res.status}`);
  return ((await res.json()) as { items: Reservation[] }).items.filter((r) => r.item.gtin === g);
}

/** Another shopper reserving through the public API. */
async function reserveAsOther(store: string, g: string, quantity: number, email: string): Promise<Reservation> {
  const res = await fetch(`${ep}/v1/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ store, gtin: g, quantity, customer: { name: 'Andere Kundin', email }, privacy_accepted: true }),
  });
  if (res.status !== 201) throw new Error(`POST /v1/reservations: ${res.status} ${await res.text()}`);
  return (await res.json()) as Reservation;
}

const settled = (el: CitylabClickCollect) => waitUntil(() => el.status !== 'loading' && el.status !== 'idle', 'availability did not load', { timeout: 8000 });

async function openDialog(el: CitylabClickCollect): Promise<HTMLDialogElement> {
  $(el, '.reserve')!.click();
  await waitUntil(() => dialogOf(el)?.open && active(el), 'the dialog did not open with focus inside', { timeout: 8000 });
  return dialogOf(el)!;
}

/** As typing does: the value, then an input event. */
function setField(el: Element, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function fill(el: CitylabClickCollect, v: { quantity?: number; name: string; email: string; phone?: string }): Promise<void> {
  if (v.quantity !== undefined) setField(el, 'cc-quantity', String(v.quantity));
  setField(el, 'cc-name', v.name);
  setField(el, 'cc-email', v.email);
  if (v.phone !== undefined) setField(el, 'cc-phone', v.phone);
  const box = $<HTMLInputElement>(el, '#cc-privacy')!;
  if (!box.checked) box.click();
  await el.updateComplete;
}

const submit = (el: Element) => $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
const confirmed = (el: Element, timeout = 8000) => waitUntil(() => $(el, '.code'), 'no confirmation', { timeout });
const failureText = (el: Element) => read($(el, '.failure')?.textContent);

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
let jsQr: Promise<JsQr> | undefined;
/** Reads the QR code as a phone camera would: scaled up, then decoded by jsQR (its own browser build). */
async function decodeQr(canvas: HTMLCanvasElement): Promise<string | undefined> {
  const decode = await (jsQr ??= new Promise<JsQr>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    script.onload = () => resolve((globalThis as unknown as { jsQR: JsQr }).jsQR);
    script.onerror = () => reject(new Error('jsQR could not be loaded'));
    document.head.append(script);
  }));
  const scale = 8;
  const big = document.createElement('canvas');
  big.width = canvas.width * scale;
  big.height = canvas.height * scale;
  const ctx = big.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas, 0, 0, big.width, big.height);
  return decode(ctx.getImageData(0, 0, big.width, big.height).data, big.width, big.height)?.data;
}

before(async () => {
  await ensureTown();
});

describe('<citylab-click-collect>', () => {
  describe('the button', () => {
    it('loads the dialog only on a sign of intent, not with the page', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      const loaded = () => performance.getEntriesByType('resource').some((e) => /reservation-flow/.test(e.name));
      expect(loaded(), 'no dialog code before the shopper shows interest').to.equal(false);
      expect(dialogOf(el)).to.equal(null);
      $(el, '.reserve')!.focus();
      await waitUntil(loaded, 'focus did not load the dialog code', { timeout: 8000 });
      expect(performance.getEntriesByType('resource').some((e) => /qr-code|lean-qr/.test(e.name)), 'the QR encoder waits for a confirmation').to.equal(false);
    });

    it('available here: the state in words with quantity and pickup promise', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      expect(el.status).to.equal('available');
      expect(el.getAttribute('status')).to.equal('available');
      const button = $(el, '.reserve')!;
      expect(read(button.textContent)).to.equal('Reservieren & abholen');
      expect(button.hasAttribute('aria-disabled')).to.equal(false);
      expect(button.getAttribute('aria-describedby')).to.equal('state');
      // The pickup moment from the shop's hours (test/browser/pickup.test.ts checks it on a fixed clock).
      expect(read($(el, '#state')!.textContent)).to.match(/^Vorrätig · 5 Stück frei · Abholbereit ab (heute|morgen|\S+ \d+\. \S+), \d\d:\d\d Uhr$/);
      expect($(el, '#state svg'), 'an icon, not colour alone').to.exist;
      await expect(el).to.be.accessible();
    });

    it('speaks English from the page language', async () => {
      const p = await product({ 'licht-haus': 2 });
      const wrapper = await fixture(html`<div lang="en"><citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep}></citylab-click-collect></div>`);
      const el = wrapper.querySelector('citylab-click-collect')!;
      await settled(el);
      expect(read($(el, '.reserve')!.textContent)).to.equal('Reserve & collect');
      expect(read($(el, '#state')!.textContent)).to.match(/^Only a few left · 2 available · Pickup from (today|tomorrow|\S+ \d+ \S+), \d\d:\d\d$/);
    });

    it('only at other shops: says where, and the button stays usable', async () => {
      const p = await product({ 'licht-haus': 3, 'wohnen-am-steinweg': 0, 'keramik-koenig': 4 });
      const out = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="wohnen-am-steinweg" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(out);
      expect(out.status).to.equal('elsewhere');
      expect(read($(out, '#state')!.textContent)).to.equal('Hier nicht vorrätig · in einem anderen Geschäft der Stadt reservierbar');
      await expect(out).to.be.accessible();
      // Keramik König has it but takes no reservations.
      const noService = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="keramik-koenig" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(noService);
      expect(noService.status).to.equal('elsewhere');
      expect(read($(noService, '#state')!.textContent)).to.equal('Hier nicht reservierbar · in einem anderen Geschäft der Stadt');
      expect($(noService, '.reserve')!.hasAttribute('aria-disabled')).to.equal(false);
    });

    it('unavailable: disabled, with the reason in words, and a click opens nothing', async () => {
      const onlyNoService = await product({ 'keramik-koenig': 4 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${onlyNoService.gtin} store="keramik-koenig" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      expect(el.status).to.equal('unavailable');
      const button = $(el, '.reserve')!;
      // Focusable (aria-disabled, not disabled), so a screen reader user hears the reason with it.
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(read($(el, '#state')!.textContent)).to.equal('Dieser Artikel lässt sich zurzeit in keinem Geschäft reservieren. Fragen Sie gern im Geschäft nach.');
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(dialogOf(el)?.open ?? false).to.equal(false);

      const soldOut = await product({ 'licht-haus': 0 });
      const el2 = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${soldOut.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el2);
      expect(read($(el2, '#state')!.textContent)).to.equal('Zurzeit nicht vorrätig, auch in keinem anderen Geschäft der Stadt.');
    });

    it('an unknown product: says so and reports it as an event', async () => {
      const el = document.createElement('citylab-click-collect');
      el.setAttribute('endpoint', ep);
      el.lang = 'de';
      el.gtin = UNKNOWN;
      const error = oneEvent(document, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      (await fixture(html`<div></div>`)).append(el);
      expect((await error).detail).to.include({ element: 'citylab-click-collect', kind: 'http', code: 'product-not-found' });
      await settled(el);
      expect(el.status).to.equal('unavailable');
      expect(read($(el, '#state')!.textContent)).to.equal('Diesen Artikel führt zurzeit kein Geschäft in der Stadt.');
      await expect(el).to.be.accessible();
    });

    it('an unreachable endpoint: says so, the button retries, nothing is thrown into the page', async () => {
      const uncaught: unknown[] = [];
      const onError = (e: ErrorEvent) => uncaught.push(e.error);
      const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const p = await product({ 'licht-haus': 5 });
        const error = oneEvent(document, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint="http://127.0.0.1:9" lang="de"></citylab-click-collect>`);
        expect((await error).detail).to.include({ element: 'citylab-click-collect', kind: 'network' });
        await settled(el);
        expect(el.status).to.equal('error');
        expect(read($(el, '#state')!.textContent)).to.equal('Die Verfügbarkeit in den Geschäften der Stadt lässt sich gerade nicht abrufen.');
        expect(read($(el, '.reserve')!.textContent)).to.equal('Erneut versuchen');
        await expect(el).to.be.accessible();
        // The endpoint is back (the shop page fixed its configuration): the same button now works.
        el.setAttribute('endpoint', ep);
        await waitUntil(() => el.status === 'available', 'no availability from the endpoint', { timeout: 8000 });
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
      expect(uncaught).to.deep.equal([]);
    });

    it('reserves its final space while loading, so nothing below it moves', async () => {
      const p = await product({ 'licht-haus': 5 });
      // Through the latency proxy: the endpoint's answer 400 ms late, so the loading state is certain to be seen.
      const wrapper = await fixture(html`<div>
        <citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint="${testEnv.latency}/ms-400" lang="de"></citylab-click-collect>
        <p id="below">Text unter dem Button</p>
      </div>`);
      const el = wrapper.querySelector('citylab-click-collect')!;
      const below = wrapper.querySelector('#below') as HTMLElement;
      expect(el.status).to.equal('loading');
      expect(read($(el, '#state')!.textContent)).to.equal('Verfügbarkeit wird geprüft …');
      await expect(el).to.be.accessible();
      const during = below.getBoundingClientRect().top;
      await settled(el);
      expect(el.status).to.equal('available');
      expect(below.getBoundingClientRect().top).to.equal(during);
    });
  });

  describe('reserving', () => {
    it('a whole reservation through the dialog: form, events without personal data, code, QR code, calendar, focus back', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      const dialog = await openDialog(el);
      expect(active(el)?.id, 'focus moves into the dialog').to.equal('cc-quantity');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('cc-title');
      expect(read($(el, '#cc-title')!.textContent)).to.equal('Reservieren & abholen');
      expect(read($(el, '.subtitle')!.textContent)).to.equal(p.name);
      expect($(el, 'fieldset.shops'), 'the shop is this page\'s: no choice').to.equal(null);
      expect(read($(el, '.summary')!.textContent)).to.include('Licht & Haus, Alter Markt 3, 59821 Testhausen').and.include('24,90 € · Bezahlt wird im Geschäft.');
      const windowText = read($(el, '.window')!.textContent);
      expect(windowText).to.match(/^Abholbereit ab .+ Uhr, reserviert bis .+ Uhr\.$/);
      expect(read($(el, '#cc-privacy-text')!.textContent)).to.equal(
        'Gespeichert werden nur Ihr Name und Ihre Kontaktdaten, damit Licht & Haus die Reservierung zuordnen und Sie benachrichtigen kann. Sie werden 30 Tage nach Ende der Reservierung gelöscht.',
      );
      expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 5 Stück frei');
      await expect(el).to.be.accessible();

      await fill(el, { quantity: 2, name: 'Erika Mustermann', email: 'erika.ganz@example.org', phone: '+49 2931 55 66' });
      expect(read($(el, '.summary .price')!.textContent)).to.include('2 × 24,90 € = 49,80 € · Bezahlt wird im Geschäft.');

      const reserve = oneEvent(el, 'citylab-reserve') as Promise<CustomEvent<CitylabReserveDetail>>;
      const reserved = oneEvent(el, 'citylab-reserved') as Promise<CustomEvent<CitylabReservedDetail>>;
      submit(el);
      const before = await reserve;
      expect(before.cancelable).to.equal(true);
      expect(before.bubbles && before.composed).to.equal(true);
      expect(before.detail).to.deep.equal({ store: 'licht-haus', gtin: p.gtin, quantity: 2 });
      const { detail } = await reserved;
      expect(Object.keys(detail).sort()).to.deep.equal(['code', 'expires_at', 'gtin', 'id', 'quantity', 'store']);
      expect(JSON.stringify(detail)).to.not.match(/Erika|example\.org|2931/);
      expect(detail).to.include({ store: 'licht-haus', gtin: p.gtin, quantity: 2 });
      await confirmed(el);

      // The confirmation: focus on its heading, the code large and as a QR code.
      expect(read($(el, '#cc-title')!.textContent)).to.equal('Reserviert');
      expect(active(el)?.id).to.equal('cc-title');
      expect($(el, '.code')!.textContent).to.equal(detail.code);
      expect(detail.code).to.match(/^[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}$/);
      const canvas = $<HTMLCanvasElement>(el, 'canvas.qr')!;
      await waitUntil(() => canvas.width > 0 && canvas.width !== 300, 'no QR code drawn', { timeout: 5000 });
      expect(await decodeQr(canvas), 'the QR code reads as the pickup code').to.equal(detail.code);
      expect(canvas.getAttribute('aria-label')).to.equal(`QR-Code mit Ihrem Abholcode ${detail.code}`);
      const done = read($(el, '.done')!.textContent);
      expect(done).to.include(`2 × ${p.name} ist für Sie bei Licht & Haus reserviert.`);
      expect(done).to.include('Alter Markt 3').and.include('59821 Testhausen').and.include('Telefon: +49 2931 1234');
      expect(done).to.include('Mo–Fr 09:30–13:00, 14:30–18:30 Uhr').and.include('Sa 09:30–14:00 Uhr').and.include('So geschlossen');
      expect(done).to.include('49,80 € · Bezahlt wird im Geschäft.');
      expect(done).to.include('Eine Bestätigung mit dem Code geht an erika.ganz@example.org.');
      // The window the form promised is the one the endpoint holds.
      const until = $$(el, '.facts > div').find((d) => d.querySelector('dt')!.textContent === 'Reserviert bis')!.querySelector('dd')!.textContent!;
      expect(windowText).to.include(`reserviert bis ${read(until)}.`);
      await expect(el).to.be.accessible();

      // The shop sees exactly this reservation, with the shopper's name.
      const list = await reservationsOf('licht-haus', p.gtin);
      expect(list).to.have.length(1);
      expect(list[0]).to.include({ id: detail.id, code: detail.code, status: 'held', quantity: 2, expires_at: detail.expires_at });
      expect(list[0]!.customer).to.include({ name: 'Erika Mustermann', email: 'erika.ganz@example.org' });

      // "Zum Kalender hinzufügen": an .ics file made in the browser.
      const link = $<HTMLAnchorElement>(el, 'a[download]')!;
      expect(read(link.textContent)).to.equal('Zum Kalender hinzufügen');
      expect(link.download).to.equal(`abholung-${detail.code}.ics`);
      expect(link.href).to.match(/^blob:/);
      const ics = await (await fetch(link.href)).text();
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).to.equal(true);
      expect(ics.replace(/\r\n/g, '')).to.not.include('\n', 'every line ends in CRLF');
      const icsUtc = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
      const unfolded = ics.replace(/\r\n /g, '');
      // One event at the pickup window's start (half an hour), not one spanning the whole hold (issue 13).
      expect(unfolded).to.include(`DTSTART:${icsUtc(list[0]!.ready_from)}\r\n`);
      expect(unfolded).to.include(`DTEND:${icsUtc(new Date(Date.parse(list[0]!.ready_from) + 30 * 60_000).toISOString())}\r\n`);
      expect(unfolded).to.not.include(`DTEND:${icsUtc(detail.expires_at)}`);
      // The hold's end in the text, and reminders: when it is ready, and two hours before the hold ends.
      expect(unfolded).to.include(`DESCRIPTION:Ihre Reservierung liegt bei Licht & Haus bereit.\r\nTRIGGER:-PT0M\r\n`);
      expect(unfolded).to.include(`TRIGGER;VALUE=DATE-TIME:${icsUtc(new Date(Date.parse(detail.expires_at) - 2 * 3_600_000).toISOString())}\r\n`);
      expect(unfolded).to.include(`UID:${detail.id}@citylab\r\n`);
      expect(unfolded).to.include(`SUMMARY:Abholen: 2 × ${p.name} bei Licht & Haus\r\n`);
      expect(unfolded).to.include('LOCATION:Licht & Haus\\, Alter Markt 3\\, 59821 Testhausen\r\n');
      expect(unfolded).to.include(`DESCRIPTION:Abholcode: ${detail.code}\\nReserviert bis `);
      for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);

      // Closing: focus goes back to the button, which now shows the code.
      const closed = closing(el);
      $$(el, '.done .actions button').find((b) => b.textContent!.trim() === 'Schließen')!.click();
      await closed;
      expect(dialog.open).to.equal(false);
      expect(focused(el)).to.equal('button.reserve');
      await el.updateComplete;
      expect(el.status).to.equal('reserved');
      expect(read($(el, '#state')!.textContent)).to.equal(`Reserviert · Ihr Abholcode: ${detail.code}`);
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard alone, and Esc closes with focus back on the button', async () => {
      const p = await product({ 'licht-haus': 4 });
      const wrapper = await fixture(html`<div><button id="before">vorher</button><citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect></div>`);
      const el = wrapper.querySelector('citylab-click-collect')!;
      await settled(el);
      (wrapper.querySelector('#before') as HTMLElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('button.reserve');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el)?.open && active(el)?.id === 'cc-quantity', 'Enter did not open the dialog', { timeout: 8000 });
      // Esc closes, and focus is back on the button.
      let closed = closing(el);
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(dialogOf(el)!.open).to.equal(false);
      expect(focused(el)).to.equal('button.reserve');

      await sendKeys({ press: 'Space' });
      await waitUntil(() => dialogOf(el)?.open && active(el)?.id === 'cc-quantity', 'Space did not open the dialog', { timeout: 8000 });
      await sendKeys({ press: 'ArrowUp' });
      expect($<HTMLInputElement>(el, '#cc-quantity')!.value).to.equal('2');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('cc-name');
      await sendKeys({ type: 'Kai Tastatur' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('cc-email');
      await sendKeys({ type: 'kai.tastatur@example.org' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('cc-phone');
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('cc-privacy');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await confirmed(el);
      expect(active(el)?.id).to.equal('cc-title');
      const code = $(el, '.code')!.textContent!;
      // Through the confirmation's controls to "Schließen", then Enter.
      for (let i = 0; i < 10 && active(el)?.textContent?.trim() !== 'Schließen'; i++) await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent?.trim()).to.equal('Schließen');
      closed = closing(el);
      await sendKeys({ press: 'Enter' });
      await closed;
      expect(focused(el)).to.equal('button.reserve');
      const list = await reservationsOf('licht-haus', p.gtin);
      expect(list.map((r) => [r.code, r.quantity])).to.deep.equal([[code, 2]]);
      expect(list[0]!.customer?.name).to.equal('Kai Tastatur');
    });

    it('checks the form with the shared schema: messages next to the fields, focus on the first, input kept, nothing sent', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      submit(el);
      await el.updateComplete;
      const invalid = $$(el, '[aria-invalid="true"]').map((i) => i.id);
      expect(invalid).to.deep.equal(['cc-name', 'cc-email', 'cc-privacy']);
      expect(active(el)?.id).to.equal('cc-name');
      expect($(el, '#cc-name')!.getAttribute('aria-describedby')).to.equal('cc-name-error');
      expect(read($(el, '#cc-name-error')!.textContent)).to.equal('Bitte geben Sie Ihren Namen ein.');
      expect($(el, '#cc-email')!.getAttribute('aria-describedby')).to.equal('cc-email-hint cc-email-error');
      expect(read($(el, '#cc-email-error')!.textContent)).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein, z. B. name@beispiel.de.');
      expect($(el, '#cc-privacy')!.getAttribute('aria-describedby')).to.equal('cc-privacy-text cc-privacy-error');
      expect(read($(el, '#cc-privacy-error')!.textContent)).to.equal('Bitte bestätigen Sie, dass Sie den Hinweis zum Datenschutz gelesen haben.');
      await expect(el).to.be.accessible();

      setField(el, 'cc-quantity', '6');
      setField(el, 'cc-name', '  Erika  ');
      setField(el, 'cc-email', 'erika@');
      setField(el, 'cc-phone', 'ruf mich an');
      submit(el);
      await el.updateComplete;
      expect($$(el, '[aria-invalid="true"]').map((i) => i.id)).to.deep.equal(['cc-quantity', 'cc-email', 'cc-phone', 'cc-privacy']);
      expect(active(el)?.id).to.equal('cc-quantity');
      expect(read($(el, '#cc-quantity-error')!.textContent)).to.equal('Bei Licht & Haus sind nur noch 5 Stück frei.');
      expect(read($(el, '#cc-phone-error')!.textContent)).to.include('Bitte nur Ziffern');
      // What the shopper typed stays as typed.
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('  Erika  ');
      expect($<HTMLInputElement>(el, '#cc-email')!.value).to.equal('erika@');
      expect($<HTMLInputElement>(el, '#cc-phone')!.value).to.equal('ruf mich an');
      setField(el, 'cc-quantity', '11');
      submit(el);
      await el.updateComplete;
      expect(read($(el, '#cc-quantity-error')!.textContent)).to.equal('Bitte höchstens 5 Stück.');
      // A corrected field loses its message as soon as it passes.
      setField(el, 'cc-email', 'erika@example.org');
      await el.updateComplete;
      expect($(el, '#cc-email')!.getAttribute('aria-invalid')).to.equal('false');
      expect($(el, '#cc-email-error')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
      expect(await reservationsOf('licht-haus', p.gtin)).to.have.length(0);
    });

    it('sends nothing when a listener cancels citylab-reserve', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { name: 'Erika Mustermann', email: 'erika.storno@example.org' });
      const veto = (e: Event) => e.preventDefault();
      document.addEventListener('citylab-reserve', veto, { once: true });
      submit(el);
      await el.updateComplete;
      expect(read($(el, '.live')!.textContent)).to.equal('Die Reservierung wurde nicht gesendet.');
      expect($(el, '.code')).to.equal(null);
      expect(await reservationsOf('licht-haus', p.gtin)).to.have.length(0);
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('Erika Mustermann');
    });

    it('from a town shop when this one has none: the shopper chooses where', async () => {
      const p = await product({ 'licht-haus': 2, 'wohnen-am-steinweg': 3, 'keramik-koenig': 6 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="keramik-koenig" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      expect(read($(el, '#state')!.textContent)).to.equal('Hier nicht reservierbar · in 2 anderen Geschäften der Stadt');
      await openDialog(el);
      const radios = $$(el, 'input[name="store"]') as HTMLInputElement[];
      expect(radios.map((r) => r.value).sort()).to.deep.equal(['licht-haus', 'wohnen-am-steinweg']);
      expect(radios.some((r) => r.checked), 'nothing chosen for the shopper').to.equal(false);
      expect(read($(el, 'legend')!.textContent)).to.equal('Geschäft');
      expect(active(el) === radios[0], `focus on the first shop, not on ${focused(el)}`).to.equal(true);
      await fill(el, { name: 'Wahl Kundin', email: 'wahl@example.org' });
      submit(el);
      await el.updateComplete;
      expect(read($(el, '#cc-store-error')!.textContent)).to.equal('Bitte wählen Sie ein Geschäft.');
      expect(active(el) === radios[0], `focus on the first shop, not on ${focused(el)}`).to.equal(true);
      await expect(el).to.be.accessible();
      radios.find((r) => r.value === 'wohnen-am-steinweg')!.click();
      await el.updateComplete;
      expect(read($(el, '.summary')!.textContent)).to.include('Wohnen am Steinweg, Steinweg 12');
      // Wohnen am Steinweg keeps its quantities to itself, but the limit is still what it has free (issue 13).
      expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 3 Stück frei');
      submit(el);
      await confirmed(el);
      expect(read($(el, '.done')!.textContent)).to.include('ist für Sie bei Wohnen am Steinweg reserviert.');
      expect(await reservationsOf('wohnen-am-steinweg', p.gtin)).to.have.length(1);
      expect(await reservationsOf('licht-haus', p.gtin)).to.have.length(0);
    });
  });

  describe('when it does not go through', () => {
    it('stock taken in the meantime: says how many are left, keeps the form, and a lower quantity then works', async () => {
      const p = await product({ 'licht-haus': 3 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { quantity: 3, name: 'Erika Mustermann', email: 'erika.spaet@example.org', phone: '02931 1234' });
      // Someone else reserves two while the form is open.
      await reserveAsOther('licht-haus', p.gtin, 2, 'schneller@example.org');
      const error = oneEvent(el, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      submit(el);
      expect((await error).detail).to.include({ element: 'citylab-click-collect', kind: 'http', code: 'insufficient-stock' });
      await waitUntil(() => failureText(el), 'no failure message');
      expect(failureText(el)).to.equal('Inzwischen ist bei Licht & Haus nur noch 1 Stück frei. Bitte verringern Sie die Menge und senden Sie erneut.');
      expect($(el, '.failure')!.getAttribute('role')).to.equal('alert');
      expect($(el, '#cc-quantity')!.getAttribute('aria-invalid')).to.equal('true');
      expect(read($(el, '#cc-quantity-error')!.textContent)).to.equal('Bei Licht & Haus ist nur noch 1 Stück frei.');
      expect(active(el)?.id).to.equal('cc-quantity');
      expect($<HTMLInputElement>(el, '#cc-quantity')!.value).to.equal('3');
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('Erika Mustermann');
      expect($<HTMLInputElement>(el, '#cc-email')!.value).to.equal('erika.spaet@example.org');
      expect($<HTMLInputElement>(el, '#cc-phone')!.value).to.equal('02931 1234');
      expect($<HTMLInputElement>(el, '#cc-privacy')!.checked).to.equal(true);
      expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 1 Stück frei');
      await expect(el).to.be.accessible();

      setField(el, 'cc-quantity', '1');
      submit(el);
      await confirmed(el);
      const list = await reservationsOf('licht-haus', p.gtin);
      expect(list.map((r) => r.quantity).sort()).to.deep.equal([1, 2]);
    });

    it('sold out at the chosen shop in the meantime: that shop is greyed out, the shopper chooses another', async () => {
      const p = await product({ 'licht-haus': 1, 'wohnen-am-steinweg': 3 });
      // No shop of its own (a town page): the button speaks for the whole town.
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      expect(el.status).to.equal('elsewhere');
      expect(read($(el, '#state')!.textContent)).to.equal('In 2 Geschäften der Stadt reservierbar');
      await openDialog(el);
      const radio = (store: string) => $$(el, 'input[name="store"]').find((r) => (r as HTMLInputElement).value === store) as HTMLInputElement;
      radio('licht-haus').click();
      await fill(el, { name: 'Erika Mustermann', email: 'erika.ausverkauft@example.org' });
      await reserveAsOther('licht-haus', p.gtin, 1, 'letztes.stueck@example.org');
      submit(el);
      await waitUntil(() => failureText(el), 'no failure message');
      expect(failureText(el)).to.equal('Inzwischen ist bei Licht & Haus kein Stück mehr frei. Bitte wählen Sie ein anderes Geschäft oder versuchen Sie es später noch einmal.');
      expect(radio('licht-haus').disabled).to.equal(true);
      expect(radio('licht-haus').checked).to.equal(false);
      expect(active(el) === radio('wohnen-am-steinweg'), `focus on the shop still free, not on ${focused(el)}`).to.equal(true);
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('Erika Mustermann');
      await expect(el).to.be.accessible();
      radio('wohnen-am-steinweg').click();
      submit(el);
      await confirmed(el);
      expect(await reservationsOf('wohnen-am-steinweg', p.gtin)).to.have.length(1);
      expect((await reservationsOf('licht-haus', p.gtin)).map((r) => r.customer?.name)).to.deep.equal(['Andere Kundin']);
    });

    it('a lost answer: the retry sends the same key, and the shop gets exactly one reservation', async () => {
      const p = await product({ 'licht-haus': 5 });
      // Through the latency proxy (no delay), with a client that waits 1.5 s for an answer.
      const client = new CitylabClient(`${testEnv.latency}/ms-0`, { timeoutMs: 1500 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" .client=${client} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { name: 'Erika Mustermann', email: 'erika.funkloch@example.org' });
      // The endpoint gets the request at once, but its answer is held back 3 s: the browser gives up first.
      await executeServerCommand('citylab-delay-next-answer', { ms: 3000 });
      const error = oneEvent(el, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      submit(el);
      expect((await error).detail.kind).to.equal('timeout');
      await waitUntil(() => failureText(el), 'no failure message');
      expect(failureText(el)).to.equal('Es kam keine Antwort. Ihre Angaben sind noch da: Senden Sie einfach erneut, es entsteht keine doppelte Reservierung.');
      expect(read($(el, 'button[type="submit"]')!.textContent)).to.equal('Erneut senden');
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('Erika Mustermann');
      await expect(el).to.be.accessible();
      // The endpoint did act on the first request: the shop has the reservation already.
      const first = await reservationsOf('licht-haus', p.gtin);
      expect(first).to.have.length(1);

      submit(el);
      await confirmed(el);
      expect($(el, '.code')!.textContent).to.equal(first[0]!.code);
      const after = await reservationsOf('licht-haus', p.gtin);
      expect(after.map((r) => r.id)).to.deep.equal([first[0]!.id], 'the retry made no second reservation');
    });

    it('a lost answer, then a changed form: no second reservation, the first one is shown', async () => {
      const p = await product({ 'licht-haus': 5 });
      const client = new CitylabClient(`${testEnv.latency}/ms-0`, { timeoutMs: 1500 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" .client=${client} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { name: 'Erika Mustermann', email: 'erika.umentschieden@example.org' });
      await executeServerCommand('citylab-delay-next-answer', { ms: 3000 });
      submit(el);
      await waitUntil(() => failureText(el).startsWith('Es kam keine Antwort.'), 'no timeout message', { timeout: 5000 });
      setField(el, 'cc-quantity', '2');
      submit(el);
      await confirmed(el);
      expect(read($(el, '.note')!.textContent)).to.include('Ihre erste Anfrage war bereits angekommen');
      expect(read($(el, '.lead')!.textContent)).to.include(`1 × ${p.name}`);
      const list = await reservationsOf('licht-haus', p.gtin);
      expect(list.map((r) => [r.code, r.quantity])).to.deep.equal([[$(el, '.code')!.textContent, 1]]);
    });

    it('a double click while sending: one request, one reservation; the sending state is shown', async () => {
      const p = await product({ 'licht-haus': 5 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint="${testEnv.latency}/ms-1500" lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { name: 'Erika Mustermann', email: 'erika.doppel@example.org' });
      let sent = 0;
      el.addEventListener('citylab-reserve', () => sent++);
      submit(el);
      submit(el);
      await el.updateComplete;
      const button = $(el, 'button[type="submit"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(read(button.textContent)).to.equal('Ihre Reservierung wird gesendet …');
      expect(read($(el, '.live')!.textContent)).to.equal('Ihre Reservierung wird gesendet …');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await expect(el).to.be.accessible();
      await confirmed(el, 8000);
      expect(sent).to.equal(1);
      expect(await reservationsOf('licht-haus', p.gtin)).to.have.length(1);
    });

    it('too many reservations: says from when to try again, and keeps the form', async () => {
      const p = await product({ 'licht-haus': 9 });
      const email = 'viel.vor@example.org';
      // The endpoint allows three open holds per e-mail address.
      for (let i = 0; i < 3; i++) await reserveAsOther('licht-haus', p.gtin, 1, email);
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { name: 'Viel Vor', email });
      const error = oneEvent(el, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      submit(el);
      expect((await error).detail).to.include({ kind: 'http', code: 'rate-limited' });
      await waitUntil(() => failureText(el), 'no failure message');
      expect(failureText(el)).to.match(/^Gerade sind keine weiteren Reservierungen möglich: .+ Bitte versuchen Sie es (ab \d\d:\d\d Uhr|morgen, \d\d:\d\d Uhr) noch einmal\.$/);
      expect($<HTMLInputElement>(el, '#cc-email')!.value).to.equal(email);
      expect(read($(el, 'button[type="submit"]')!.textContent)).to.equal('Jetzt reservieren');
      await expect(el).to.be.accessible();
      expect(await reservationsOf('licht-haus', p.gtin)).to.have.length(3);
    });
  });

  describe('after reserving', () => {
    it('cancels with the shopper\'s token after asking, and the item is free again', async () => {
      const p = await product({ 'licht-haus': 2 });
      const el = await fixture<CitylabClickCollect>(html`<citylab-click-collect gtin=${p.gtin} store="licht-haus" endpoint=${ep} lang="de"></citylab-click-collect>`);
      await settled(el);
      await openDialog(el);
      await fill(el, { quantity: 2, name: 'Erika Mustermann', email: 'erika.zurueck@example.org' });
      submit(el);
      await confirmed(el);
      await waitUntil(() => el.status === 'reserved');
      $<HTMLButtonElement>(el, '#cc-cancel')!.click();
      await el.updateComplete;
      await waitUntil(() => active(el)?.id === 'cc-cancel-no', 'focus not on "Nein, behalten"');
      expect(read($(el, '#cc-ask')!.textContent)).to.equal('Möchten Sie die Reservierung wirklich stornieren? Der Artikel ist dann wieder für andere frei.');
      await expect(el).to.be.accessible();
      // "Nein" keeps it.
      $<HTMLButtonElement>(el, '#cc-cancel-no')!.click();
      await waitUntil(() => active(el)?.id === 'cc-cancel');
      expect((await reservationsOf('licht-haus', p.gtin))[0]!.status).to.equal('held');

      $<HTMLButtonElement>(el, '#cc-cancel')!.click();
      await waitUntil(() => $(el, '.danger'));
      $<HTMLButtonElement>(el, '.danger')!.click();
      await waitUntil(() => read($(el, '#cc-title')!.textContent) === 'Reservierung storniert', 'not cancelled', { timeout: 8000 });
      const code = (await reservationsOf('licht-haus', p.gtin))[0]!.code;
      expect(read($(el, '.done')!.textContent)).to.include(`Ihre Reservierung ${code} ist storniert.`);
      expect(active(el)?.id).to.equal('cc-title');
      await expect(el).to.be.accessible();
      expect((await reservationsOf('licht-haus', p.gtin)).map((r) => r.status)).to.deep.equal(['cancelled']);
      // Both units are free again, and the button says so.
      await waitUntil(() => el.status === 'available', 'the button did not return to "available"', { timeout: 8000 });
      expect(read($(el, '#state')!.textContent)).to.include('2 Stück frei');
      // "Weitere Reservierung": a fresh form, with what the shopper typed about themselves still there.
      $$(el, '.done button').find((b) => b.textContent!.trim() === 'Weitere Reservierung')!.click();
      await waitUntil(() => active(el)?.id === 'cc-quantity', 'no fresh form');
      expect($<HTMLInputElement>(el, '#cc-quantity')!.value).to.equal('1');
      expect($<HTMLInputElement>(el, '#cc-name')!.value).to.equal('Erika Mustermann');
      expect(read($(el, '#cc-title')!.textContent)).to.equal('Reservieren & abholen');
    });
  });

  describe('with the finder', () => {
    it('the finder\'s "Reservieren" opens the dialog for that shop; Esc returns focus to it; the reservation goes through', async () => {
      const p = await product({ 'licht-haus': 4, 'keramik-koenig': 2 });
      const finder = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${p.gtin} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await waitUntil(() => finder.shadowRoot!.querySelectorAll('.offer:not(.skeleton)').length === 2, 'finder did not load', { timeout: 8000 });
      const reserveButton = () => finder.shadowRoot!.querySelector<HTMLButtonElement>('[data-store="licht-haus"] button.primary');
      expect(read(reserveButton()!.textContent)).to.equal('Reservieren');
      expect(finder.shadowRoot!.querySelector('[data-store="keramik-koenig"] button.primary'), 'no reservations at Keramik König').to.equal(null);
      reserveButton()!.focus();
      reserveButton()!.click();
      await waitUntil(() => finder.nextElementSibling?.localName === 'citylab-click-collect', 'no dialog element next to the finder', { timeout: 8000 });
      const el = finder.nextElementSibling as CitylabClickCollect;
      await waitUntil(() => dialogOf(el)?.open && active(el)?.id === 'cc-quantity', 'the dialog did not open', { timeout: 8000 });
      expect($(el, '.reserve'), 'only the dialog, no second button on the page').to.equal(null);
      expect($(el, '.base'), 'not even an empty box in the page\'s layout').to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(read($(el, '.summary')!.textContent)).to.include('Licht & Haus, Alter Markt 3');
      expect(read($(el, '#cc-quantity-hint')!.textContent)).to.equal('Höchstens 4 Stück frei');
      await expect(el).to.be.accessible();
      let closed = closing(el);
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(dialogOf(el)!.open).to.equal(false);
      expect(finder.shadowRoot!.activeElement === reserveButton(), 'focus is back on the finder\'s button').to.equal(true);

      reserveButton()!.click();
      await waitUntil(() => dialogOf(el)?.open, 'the dialog did not open again', { timeout: 8000 });
      expect(finder.parentElement!.querySelectorAll('citylab-click-collect')).to.have.length(1, 'the dialog element is reused');
      await fill(el, { name: 'Finder Kunde', email: 'finder@example.org' });
      submit(el);
      await confirmed(el);
      const list = await reservationsOf('licht-haus', p.gtin);
      expect(list.map((r) => r.code)).to.deep.equal([$(el, '.code')!.textContent]);
      closed = closing(el);
      $$(el, '.done .actions button').find((b) => b.textContent!.trim() === 'Schließen')!.click();
      await closed;
      expect(finder.shadowRoot!.activeElement === reserveButton(), 'focus is back on the finder\'s button').to.equal(true);
    });
  });

  describe('layout', () => {
    it('fits a 280 px column and a 320 px phone, and reads well on a dark page', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const p = await product({ 'licht-haus': 5 });
        const wrapper = await fixture(html`<div style="width:280px;background:#111;color:#eee;padding:0">
          <citylab-click-collect gtin=${p.gtin} store="keramik-koenig" endpoint=${ep} lang="de"></citylab-click-collect>
        </div>`);
        const el = wrapper.querySelector('citylab-click-collect')!;
        await settled(el);
        expect(el.scrollWidth).to.be.at.most(280);
        expect($(el, '.reserve')!.getBoundingClientRect().height).to.be.at.least(44);
        await expect(el).to.be.accessible();
        const dialog = await openDialog(el);
        expect(dialog.classList.contains('dark')).to.equal(true);
        expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(28, 28, 30)');
        expect(dialog.getBoundingClientRect().width).to.be.at.most(320);
        expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
        for (const b of $$(el, 'dialog button, dialog label.shop')) expect(b.getBoundingClientRect().height, b.textContent!).to.be.at.least(44);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('the calendar file', () => {
    it('escapes text, writes UTC times, folds long lines at 75 octets without splitting a character', () => {
      const ics = buildIcs({
        uid: 'res_x@citylab',
        stamp: new Date('2026-12-01T09:00:00.000Z'),
        start: new Date('2026-12-01T11:00:00.000Z'),
        end: new Date('2026-12-02T17:30:00.000Z'),
        summary: 'Abholen: 1 × Stuhl; Eiche, geölt \\ natur',
        location: 'Möbel & Mehr, Königstraße 7, 59821 Arnsberg',
        description: `Zeile eins\nZeile zwei mit Umlauten: ${'äöüß€'.repeat(20)}`,
        alarms: [{ minutesBeforeStart: 15, description: 'Liegt bereit' }, { at: new Date('2026-12-02T15:30:00.000Z'), description: 'Läuft bald ab' }],
      });
      const lines = ics.split('\r\n');
      expect(lines.at(-1)).to.equal('');
      for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      const unfolded = ics.replace(/\r\n /g, '');
      expect(unfolded).to.include('SUMMARY:Abholen: 1 × Stuhl\\; Eiche\\, geölt \\\\ natur\r\n');
      expect(unfolded).to.include('DTSTART:20261201T110000Z\r\nDTEND:20261202T173000Z\r\n');
      expect(unfolded).to.include('DTSTAMP:20261201T090000Z\r\n');
      expect(unfolded).to.include(`DESCRIPTION:Zeile eins\\nZeile zwei mit Umlauten: ${'äöüß€'.repeat(20)}\r\n`);
      expect(unfolded).to.include('BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Liegt bereit\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n');
      expect(unfolded).to.include('DESCRIPTION:Läuft bald ab\r\nTRIGGER;VALUE=DATE-TIME:20261202T153000Z\r\n');
      expect(foldLine('x'.repeat(75))).to.equal('x'.repeat(75));
      expect(foldLine('x'.repeat(76))).to.equal(`${'x'.repeat(75)}\r\n x`);
      // 74 ASCII octets, then a 3-octet "€": it moves to the next line whole.
      expect(foldLine(`${'x'.repeat(74)}€`)).to.equal(`${'x'.repeat(74)}\r\n €`);
    });
  });
});

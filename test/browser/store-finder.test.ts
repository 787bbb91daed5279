/**
 * <citylab-store-finder> in headless Chromium against the real test endpoint
 * (a fresh SQLite database, over real HTTP): every state, opening hours,
 * distance sorting, the map's consent gate, keyboard use and axe.
 */
import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/sdk/elements/store-finder/define.js';
import type { CitylabStoreFinder } from '../../src/sdk/elements/store-finder/store-finder.js';
import { CitylabClient } from '../../src/sdk/client/client.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import type { CitylabErrorDetail, CitylabStoreSelectDetail } from '../../src/sdk/events.js';
import { CHAIR, LAMP, UNKNOWN, VASE, gtin, testCity } from '../fixtures/town.js';
import { testEnv } from './test-env.js';
import { ensureTown, knownButUnlisted, restoreCity, setCity } from './town.js';

const ep = testEnv.endpoint;
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const names = (el: Element) => $$(el, '.offer:not(.skeleton) .name').map((n) => n.textContent!.trim());
/** Text as a person reads it: Intl puts no-break spaces in "89,00 €"; they read as spaces. */
const read = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');
const text = (el: Element) => read(el.shadowRoot!.textContent);
const loaded = (el: CitylabStoreFinder) => waitUntil(() => $$(el, '.offer:not(.skeleton)').length > 0 || $(el, '.message'), 'finder did not load', { timeout: 8000 });
/** A Berlin wall-clock time as an instant. */
const berlin = (date: string, time: string) => zonedInstant({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) }, time, 'Europe/Berlin');

before(async () => {
  await ensureTown();
});

describe('<citylab-store-finder>', () => {
  it('offers "Reservieren" where a shop takes reservations and has it, and opens the reservation dialog', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
    await loaded(el);
    const reserveIn = (store: string) => $(el, `[data-store="${store}"] .actions button.primary`);
    expect(reserveIn('keramik-koenig'), 'click & collect off').to.equal(null);
    expect(reserveIn('wohnen-am-steinweg'), 'out of stock').to.equal(null);
    const button = reserveIn('licht-haus')!;
    expect(button.textContent!.trim()).to.equal('Reservieren');
    const select = oneEvent(el, 'citylab-store-select') as Promise<CustomEvent<CitylabStoreSelectDetail>>;
    button.click();
    expect((await select).detail.action).to.equal('reserve');
    // The dialog's code arrives on demand and opens for this shop and product.
    await waitUntil(() => document.querySelector('citylab-click-collect[data-dialog-only]')?.shadowRoot?.querySelector('dialog[open]'), 'no dialog', { timeout: 8000 });
    const collect = document.querySelector('citylab-click-collect[data-dialog-only]')!;
    expect(collect.getAttribute('store')).to.equal('licht-haus');
    expect(collect.getAttribute('gtin')).to.equal(LAMP);
    collect.remove();
  });

  it('shows every shop with the product: state in words, price, quantity where allowed, in-stock first', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
    await loaded(el);
    expect(names(el)).to.deep.equal(['Licht & Haus', 'Keramik König', 'Wohnen am Steinweg']);
    const items = $$(el, '.offer').map((i) => read(i.textContent));
    expect(items[0]).to.include('Vorrätig · 5 Stück').and.include('89,00 €');
    expect(items[0]).to.match(/Abholbereit ab (heute|morgen|\S+ \d+\. \S+), \d\d:\d\d Uhr/);
    expect(items[1]).to.include('Nur noch wenige vorrätig · 2 Stück').and.include('95,00 €');
    expect(items[2]).to.include('Nicht vorrätig').and.not.include('Stück');
    expect($$(el, '.offer')[0]!.querySelector('.avail svg'), 'state has an icon, not colour alone').to.exist;
    // Seeded moments ago by this test run.
    expect(items[0]).to.match(/Bestand aktualisiert (gerade eben|vor \d+ Minuten?)/);
    expect($(el, '[role="status"]')!.textContent).to.include('3 Geschäfte führen diesen Artikel, 2 davon haben ihn vorrätig.');
    await expect(el).to.be.accessible();
  });

  it('speaks English from the page language', async () => {
    const wrapper = await fixture(html`<div lang="en"><citylab-store-finder gtin=${LAMP} endpoint=${ep}></citylab-store-finder></div>`);
    const el = wrapper.querySelector('citylab-store-finder')!;
    await loaded(el);
    expect(text(el)).to.include('In stock · 5 in stock').and.include('€89.00').and.include('Only a few left');
  });

  it('reserves the final space while loading, so nothing below it moves', async () => {
    // Through the latency proxy: the endpoint's answer, 400 ms late, so the loading state is certain to be seen.
    // Looked at right after the element's first update (not after a frame: a busy compositor can take longer than 400 ms).
    const wrapper = fixtureSync(html`<div>
      <citylab-store-finder gtin=${VASE} endpoint="${testEnv.latency}/ms-400" lang="de" limit="2"></citylab-store-finder>
      <p id="below">Text unter dem Finder</p>
    </div>`);
    const el = wrapper.querySelector('citylab-store-finder')! as CitylabStoreFinder;
    await el.updateComplete;
    const below = wrapper.querySelector('#below') as HTMLElement;
    expect($$(el, '.skeleton')).to.have.length(2);
    expect($(el, '.list')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    const during = below.getBoundingClientRect().top;
    await loaded(el);
    expect($$(el, '.skeleton')).to.have.length(0);
    expect(below.getBoundingClientRect().top).to.equal(during);
  });

  it('puts the shop whose page this is first, marked, even when it is out of stock', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} store="wohnen-am-steinweg" endpoint=${ep} lang="de"></citylab-store-finder>`);
    await loaded(el);
    expect(names(el)[0]).to.equal('Wohnen am Steinweg');
    expect($$(el, '.offer')[0]!.textContent).to.include('Dieses Geschäft');
    expect($$(el, '.offer')[0]!.getAttribute('part')).to.include('own-offer');
  });

  it('looks a product up by a shop\'s own article number', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder store="wohnen-am-steinweg" sku="4711-B" endpoint=${ep} lang="de"></citylab-store-finder>`);
    await loaded(el);
    expect(names(el)).to.deep.equal(['Wohnen am Steinweg']);
    expect(text(el)).to.include('Ausstellungsstück, bestellbar');
    void CHAIR;
  });

  it('filters to shops with stock', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
    await loaded(el);
    const box = $(el, '.filter input') as HTMLInputElement;
    box.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Licht & Haus', 'Keramik König']);
    box.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
  });

  it('shows a few shops, and all of them on request', async () => {
    const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de" limit="1"></citylab-store-finder>`);
    await loaded(el);
    expect(names(el)).to.have.length(1);
    const more = $$(el, '.more button').find((b) => b.textContent!.includes('Alle 3 Geschäfte anzeigen'))!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
  });

  describe('states', () => {
    it('says when no shop in town lists the product', async () => {
      const product = gtin(70);
      await knownButUnlisted(product, 'Auslaufmodell');
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${product} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      expect($(el, '.message')!.textContent).to.include('Dieser Artikel ist zurzeit in keinem Geschäft in Testhausen gelistet.');
      await expect(el).to.be.accessible();
    });

    it('says when the product is unknown, and reports it as an event', async () => {
      const el = document.createElement('citylab-store-finder');
      el.setAttribute('endpoint', ep);
      el.lang = 'de';
      const error = oneEvent(document, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      el.gtin = UNKNOWN;
      const parent = await fixture(html`<div></div>`);
      parent.append(el);
      const { detail } = await error;
      expect(detail).to.include({ element: 'citylab-store-finder', kind: 'http', code: 'product-not-found' });
      await loaded(el);
      expect($(el, '.message')!.textContent).to.include('Diesen Artikel führt zurzeit kein Geschäft in der Stadt.');
      await expect(el).to.be.accessible();
    });

    it('says the endpoint is unreachable, offers a retry, and leaves the page alone', async () => {
      const uncaught: unknown[] = [];
      const onError = (e: ErrorEvent) => uncaught.push(e.error);
      const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint="http://127.0.0.1:9" lang="de"></citylab-store-finder>`);
        await loaded(el);
        const alert = $(el, '.message[role="alert"]')!;
        expect(alert.textContent).to.include('Die Verfügbarkeit in den Geschäften der Stadt lässt sich gerade nicht abrufen.');
        await expect(el).to.be.accessible();
        const retry = alert.querySelector('button')!;
        expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
        retry.click();
        await el.updateComplete;
        expect($$(el, '.skeleton').length, 'retrying shows the skeleton again').to.be.greaterThan(0);
        await waitUntil(() => $(el, '.message[role="alert"]'), 'error again', { timeout: 8000 });
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
      expect(uncaught).to.deep.equal([]);
    });

    it('says when the endpoint is slow, then gives up with a retry', async () => {
      const client = new CitylabClient(testEnv.blackhole, { timeoutMs: 6500 });
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} .client=${client} lang="de"></citylab-store-finder>`);
      expect($$(el, '.skeleton').length).to.be.greaterThan(0);
      await waitUntil(() => text(el).includes('Das dauert gerade länger als gewohnt'), 'no slow note', { timeout: 6000 });
      await expect(el).to.be.accessible();
      // The client gives up 6.5 s after the request started; the wait is generous, as it is not a timing test.
      await waitUntil(() => $(el, '.message[role="alert"]'), 'no error after the timeout', { timeout: 10_000 });
      expect(text(el)).not.to.include('Das dauert gerade länger als gewohnt');
    }).timeout(20_000);
  });

  describe('opening hours, computed in the shop\'s time zone', () => {
    const statusOf = async (now: Date, store = 'licht-haus') => {
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de" limit="5" .now=${now}></citylab-store-finder>`);
      await loaded(el);
      return $(el, `[data-store="${store}"] .hours`)!.textContent!.replace(/\s+/g, ' ').trim();
    };

    it('open, with the closing time in Berlin time (the browser runs on UTC)', async () => {
      // 2026-12-01 is a Tuesday; 09:45 in Berlin is 08:45 UTC.
      expect(await statusOf(berlin('2026-12-01', '09:45'))).to.equal('Geöffnet · schließt um 13:00 Uhr');
    });

    it('lunch break', async () => {
      expect(await statusOf(berlin('2026-12-01', '13:30'))).to.equal('Mittagspause · öffnet um 14:30 Uhr');
    });

    it('just before closing', async () => {
      expect(await statusOf(berlin('2026-12-01', '18:10'))).to.equal('Schließt bald · um 18:30 Uhr');
    });

    it('closed day: Sunday opens on Monday', async () => {
      expect(await statusOf(berlin('2026-12-06', '11:00'))).to.equal('Geschlossen · öffnet morgen um 09:30 Uhr');
    });

    it('special day: closed on Christmas Day with its name, opens on the Saturday', async () => {
      expect(await statusOf(berlin('2026-12-25', '11:00'))).to.equal('Geschlossen · öffnet morgen um 09:30 Uhr · Heute: 1. Weihnachtstag');
    });

    it('before opening on a weekday', async () => {
      expect(await statusOf(berlin('2026-12-02', '08:00'))).to.equal('Geschlossen · öffnet um 09:30 Uhr');
    });
  });

  describe('distance', () => {
    it('sorts by distance from a postcode the shopper types, and keeps what they typed', async () => {
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      expect($$(el, '.distance')).to.have.length(0, 'no distance before the shopper asks');
      const input = $(el, '#where') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: '59823' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $$(el, '.distance').length === 3, 'no distances', { timeout: 8000 });
      expect(names(el)).to.deep.equal(['Wohnen am Steinweg', 'Licht & Haus', 'Keramik König']);
      expect($(el, '[role="status"]')!.textContent).to.include('Sortiert nach Entfernung von Nordhang.');
      expect($$(el, '.distance')[0]!.textContent).to.match(/^\d+ m entfernt$/);
      expect(input.value).to.equal('59823');
      await expect(el).to.be.accessible();
    });

    it('explains an unknown place next to the field, keeping the input', async () => {
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      const input = $(el, '#where') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'Atlantis' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !$(el, '#where-msg')!.hidden, 'no message');
      expect($(el, '#where-msg')!.textContent).to.include('Zu „Atlantis“ kennen wir keinen Ort.');
      expect(input.value).to.equal('Atlantis');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('where-msg');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(names(el)).to.deep.equal(['Licht & Haus', 'Keramik König', 'Wohnen am Steinweg'], 'the list stays as it was');
      await expect(el).to.be.accessible();
    });

    it('uses the device location only after the click, and sorts by it', async () => {
      await executeServerCommand('citylab-geolocation', { state: 'granted', lat: 51.3941, lon: 8.0601 });
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      expect($$(el, '.distance')).to.have.length(0);
      $$(el, 'button').find((b) => b.textContent!.includes('Meinen Standort verwenden'))!.click();
      await waitUntil(() => $$(el, '.distance').length === 3, 'no distances', { timeout: 8000 });
      expect(names(el)[0]).to.equal('Keramik König');
      expect($(el, '[role="status"]')!.textContent).to.include('Sortiert nach Entfernung von Ihrem Standort.');
    });

    it('explains a denied location and moves focus to the postcode field', async () => {
      await executeServerCommand('citylab-geolocation', { state: 'denied' });
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      const error = oneEvent(el, 'citylab-error') as Promise<CustomEvent<CitylabErrorDetail>>;
      $$(el, 'button').find((b) => b.textContent!.includes('Meinen Standort verwenden'))!.click();
      expect((await error).detail).to.include({ kind: 'geolocation', code: 'denied' });
      await el.updateComplete;
      expect($(el, '#where-msg')!.textContent).to.include('Ihr Standort ist nicht freigegeben.');
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#where'), 'focus not on the field');
      await expect(el).to.be.accessible();
    });
  });

  describe('map', () => {
    afterEach(restoreCity);

    it('without a tile source: a schematic map with numbered pins and a scale bar; a pin selects its shop', async () => {
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      expect($(el, '.map')).to.equal(null, 'no map before the shopper asks');
      $$(el, '.more button').find((b) => b.textContent!.includes('Karte anzeigen'))!.click();
      await waitUntil(() => $$(el, '.pin').length === 3, 'no pins', { timeout: 8000 });
      expect($(el, '.map-canvas')!.classList.contains('schematic')).to.equal(true);
      expect($(el, '.leaflet-control-scale')).to.exist;
      expect($(el, '.map-canvas img.leaflet-tile')).to.equal(null);
      expect($$(el, '.pin').map((p) => p.textContent)).to.deep.equal(['1', '2', '3']);
      const select = oneEvent(el, 'citylab-store-select') as Promise<CustomEvent<CitylabStoreSelectDetail>>;
      $$(el, '.pin')[1]!.click();
      const { detail } = await select;
      expect(detail.store.id).to.equal('keramik-koenig');
      expect(detail.offer.gtin).to.equal(LAMP);
      expect(detail.action).to.equal('select');
      await expect(el).to.be.accessible();
    });

    it('asks before contacting a third-party tile host, and asks nothing before "show map"', async () => {
      await setCity({ ...testCity, tiles: { type: 'xyz', url: `${testEnv.tiles}/{z}/{x}/{y}.png`, max_zoom: 18, attribution: '© Test-Kacheln' } });
      await executeServerCommand('citylab-tile-hits', { reset: true });
      const el = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(el);
      $$(el, '.more button').find((b) => b.textContent!.includes('Karte anzeigen'))!.click();
      await el.updateComplete;
      const consent = $(el, '.consent')!;
      expect(consent.textContent).to.include(`Die Karte lädt Kartenbilder von ${new URL(testEnv.tiles).host}.`);
      await expect(el).to.be.accessible();
      expect(await executeServerCommand('citylab-tile-hits')).to.equal(0, 'no tile before consent');
      (consent.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(async () => (await executeServerCommand('citylab-tile-hits')) as number > 0, 'no tiles after consent', { timeout: 8000 });
      await waitUntil(() => $$(el, '.pin').length === 3, 'no pins');
      expect(text(el)).to.include('© Test-Kacheln');

      // Consent holds for this page view: a second finder loads tiles without asking again.
      const second = await fixture<CitylabStoreFinder>(html`<citylab-store-finder gtin=${VASE} endpoint=${ep} lang="de"></citylab-store-finder>`);
      await loaded(second);
      $$(second, '.more button').find((b) => b.textContent!.includes('Karte anzeigen'))!.click();
      await waitUntil(() => $$(second, '.pin').length > 0, 'no pins on the second map', { timeout: 8000 });
      expect($(second, '.consent')).to.equal(null);
    });
  });

  describe('keyboard and layout', () => {
    it('can be used with the keyboard alone', async () => {
      const wrapper = await fixture(html`<div><button id="before">vorher</button><citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de" limit="1"></citylab-store-finder></div>`);
      const el = wrapper.querySelector('citylab-store-finder')!;
      await loaded(el);
      (wrapper.querySelector('#before') as HTMLElement).focus();
      const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
      await sendKeys({ press: 'Tab' });
      expect(focused()?.id).to.equal('where');
      await sendKeys({ type: '59822' });
      await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent).to.include('Nach Entfernung sortieren');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => names(el)[0] === 'Keramik König', 'not sorted from the keyboard', { timeout: 8000 });
      await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent).to.include('Meinen Standort verwenden');
      await sendKeys({ press: 'Tab' });
      expect((focused() as HTMLInputElement).type).to.equal('checkbox');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect((focused() as HTMLInputElement).checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      // Keramik König, nearest to 59822, takes no reservations: its first action is the route.
      expect(focused()?.textContent).to.include('Route');
      // Through the shop's links to "show all".
      for (let i = 0; i < 6 && !focused()?.textContent?.includes('Alle'); i++) await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent).to.include('Alle 2 Geschäfte anzeigen');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(names(el)).to.have.length(2);
    });

    it('fits a 280 px column without sideways scrolling, and reads well on a dark page', async () => {
      await setViewport({ width: 360, height: 800 });
      try {
        const wrapper = await fixture(html`<div style="width:280px;background:#111;color:#eee;padding:0"><citylab-store-finder gtin=${LAMP} endpoint=${ep} lang="de"></citylab-store-finder></div>`);
        const el = wrapper.querySelector('citylab-store-finder')!;
        await loaded(el);
        expect(el.scrollWidth).to.be.at.most(280);
        for (const item of $$(el, '.offer')) expect(item.scrollWidth).to.be.at.most(item.clientWidth + 1);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
});

/**
 * The town operator's dashboard as the operator uses it: headless Chromium
 * (puppeteer-core) on the real endpoint over real HTTP, with a real SMTP server
 * on loopback. The operator signs in with the admin key, adds a shop with hours
 * typed as text (a bad text named first, input kept), invites it (the mail
 * arrives), pauses it (confirmed once), changes the town's settings with one bad
 * field (named, input kept, nothing saved) and then right, reads the mail status,
 * sees the town's figures with "< 5" and the funnel's share set apart, and
 * imports a passer-by file with a bad line (the line named, nothing applied).
 * axe finds no serious or critical violation on any operator screen at 768 and
 * 360 px. DASHBOARD_SHOTS=<dir> writes screenshots for people to look at.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { createLogger } from '../../src/server/log.js';
import { createMailer, type Mailer } from '../../src/server/reservations/mail.js';
import { ADMIN_KEY, LAMP, seedTestTown } from '../fixtures/town.js';
import { axeViolations, handleInDashboard, inDashboard, pageErrors, waitInDashboard } from './dashboard-page.js';
import { adminHeaders, startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail, type MailCatcher } from './smtp.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const dir = mkdtempSync(join(tmpdir(), 'citylab-operator-'));

describe('the town operator\'s dashboard in Chromium', () => {
  let ep: RunningEndpoint;
  let smtp: MailCatcher;
  let browser: Browser;
  let page: Page;
  const a11y: Record<string, string[]> = {};

  const settle = () => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(0))))');
  const shot = async (name: string) => {
    const out = process.env.DASHBOARD_SHOTS;
    if (!out) return;
    for (const width of [360, 768]) {
      await page.setViewport({ width, height: 800, hasTouch: true });
      await settle();
      await page.screenshot({ path: join(out, `operator-${name}-${width}.png`) as `${string}.png`, fullPage: true });
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };
  const checkA11y = async (screen: string) => {
    for (const width of [768, 360]) {
      await page.setViewport({ width, height: 900, hasTouch: true });
      await settle();
      a11y[`${screen} at ${width}px`] = await axeViolations(page);
      // Phone first: nothing wider than the screen.
      if (width === 360) assert.ok((await page.evaluate('document.documentElement.scrollWidth')) as number <= 360, `${screen}: no horizontal scroll at 360 px`);
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${ep.url}${path}`, { headers: adminHeaders })).json()) as T;

  before(async () => {
    smtp = await catchMail();
    let storage: RunningEndpoint['storage'] | undefined;
    let real: Mailer | undefined;
    const make = () => (real ??= createMailer(storage!, { smtpUrl: smtp.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') })!);
    const mailer: Mailer = { flush: () => make().flush(), get server() { return make().server; } };
    ep = await startEndpoint({ app: { mailer } });
    storage = ep.storage;
    await seedTestTown(ep.url);
    for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: new Date().toISOString() });
    // Shoppers' counted actions: six views (shown as they are) and two shop picks (fewer than 5: "< 5").
    for (let i = 0; i < 6; i++) {
      const events = [{ e: 'view', gtin: LAMP }, ...(i < 2 ? [{ e: 'store-select', gtin: LAMP, store: 'licht-haus' }] : [])];
      const res = await fetch(`${ep.url}/v1/events`, { method: 'POST', headers: { 'User-Agent': DESKTOP_UA }, body: JSON.stringify({ pv: randomUUID().replace(/-/g, ''), events }) });
      assert.equal(res.status, 204);
    }
    browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=de-DE'],
    });
    page = await browser.newPage();
    // The operator's browser is set to German.
    await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en'] })`);
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' });
    pageErrors(page);
    // axe is injected as a script: the dashboard's own CSP (rightly) refuses that.
    await page.setBypassCSP(true);
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  });

  after(async () => {
    await browser?.close();
    await ep?.close();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the operator signs in with the admin key and sees the shops', async () => {
    // Under the dashboard's own CSP: the operator's screens are a chunk of their own, loaded from the endpoint.
    await page.setBypassCSP(false);
    try {
      await page.goto(`${ep.url}/dashboard/`);
      await waitInDashboard(page, `() => q('input#key')`);
      await inDashboard(page, `() => { q('summary')?.click(); q('input#key').value = ${JSON.stringify(ADMIN_KEY)}; q('input#key').form.requestSubmit(); }`);
      await waitInDashboard(page, `() => q('dashboard-operator') && qa('li[data-store]').length === 3`);
      assert.deepEqual(pageErrors(page).filter((e) => /Content Security Policy|Refused/.test(e)), []);
    } finally {
      await page.setBypassCSP(true);
    }
    assert.equal(await page.evaluate('document.cookie'), '', 'the session cookie is not readable by the page');
    const licht = await inDashboard<string>(page, `() => q('li[data-store="licht-haus"]').textContent.replace(/\\s+/g, ' ')`);
    assert.match(licht, /Alter Markt 3, 59821 Testhausen/);
    assert.match(licht, /Click & Collect an/);
    assert.match(licht, /Bestand zuletzt: /);
    assert.match(licht, /Offene Reservierungen: 0/);
    assert.match(await inDashboard<string>(page, `() => q('li[data-store="keramik-koenig"]').textContent`), /Click & Collect aus/);
    await checkA11y('shops');
    await shot('shops');
  });

  it('adds a shop with its hours: a text the parser cannot read is named and kept, then the shop is added', async () => {
    await inDashboard(page, `() => {
      type('#add-name', 'Buchhandlung Becker'); type('#add-email', 'post@becker.example');
      type('#add-street', 'Hauptstraße 20'); type('#add-postal_code', '59821'); type('#add-city', 'Testhausen');
      type('#add-lat', '51,3975'); type('#add-lon', '8,0655');
      type('#add-hours', 'Mo-Fr 09:00-18:00; Xy 10:00-12:00');
      type('#add-ready', '60'); type('#add-hold', '3');
      q('#add-name').form.requestSubmit();
    }`);
    await waitInDashboard(page, `() => q('#add-error')`);
    const error = await inDashboard<string>(page, `() => q('#add-error').textContent.replace(/\\s+/g, ' ')`);
    assert.match(error, /Öffnungszeiten: Die Öffnungszeiten sind nicht lesbar: "Xy" is not a day/);
    assert.equal(await inDashboard<string>(page, `() => q('#add-hours').value`), 'Mo-Fr 09:00-18:00; Xy 10:00-12:00', 'the input stays');
    assert.equal(await inDashboard<string>(page, `() => q('#add-hours').getAttribute('aria-invalid')`), 'true');
    assert.equal(await inDashboard<string>(page, `() => q('#add-name').value`), 'Buchhandlung Becker');
    assert.equal((await fetch(`${ep.url}/v1/stores/buchhandlung-becker`)).status, 404, 'nothing was added');
    await checkA11y('add shop, bad hours');
    await shot('add-shop-error');

    await inDashboard(page, `() => { type('#add-hours', 'Mo-Fr 09:00-13:00 14:00-18:00; Sa 09:00-14:00'); q('#add-name').form.requestSubmit(); }`);
    await waitInDashboard(page, `() => q('li[data-store="buchhandlung-becker"]') && q('#shops-message code')`);
    const key = await inDashboard<string>(page, `() => q('#shops-message code').textContent`);
    assert.match(key, /^cl_sk_/);
    const store = await api<{ opening_hours: { weekly: Record<string, { opens: string; closes: string }[]> }; click_and_collect: unknown; location: unknown; email: string }>('/v1/stores/buchhandlung-becker');
    assert.deepEqual(store.opening_hours.weekly.mon, [{ opens: '09:00', closes: '13:00' }, { opens: '14:00', closes: '18:00' }]);
    assert.deepEqual(store.opening_hours.weekly.sat, [{ opens: '09:00', closes: '14:00' }]);
    assert.deepEqual(store.opening_hours.weekly.sun, []);
    assert.deepEqual(store.click_and_collect, { enabled: true, ready_within_minutes: 60, hold_days: 3 });
    assert.deepEqual(store.location, { lat: 51.3975, lon: 8.0655 });
    // The key shown works.
    assert.equal((await fetch(`${ep.url}/v1/stores/buchhandlung-becker/inventory`, { headers: { Authorization: `Bearer ${key}` } })).status, 200);
    await shot('shop-added');
  });

  it('invites the shop: its sign-in link arrives by mail at once', async () => {
    await inDashboard(page, `() => [...q('li[data-store="buchhandlung-becker"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Einladen').click()`);
    const mail = await smtp.mailLike((m) => m.to.includes('post@becker.example'));
    assert.equal(mail.subject, 'Anmeldung im CityLab-Dashboard: Buchhandlung Becker');
    assert.match(mail.text, new RegExp(`${ep.url.replace(/[.]/g, '\\.')}/dashboard/#sign-in=[A-Za-z0-9_-]+`));
    await waitInDashboard(page, `() => /an post@becker.example unterwegs/.test(q('#shops-message')?.textContent ?? '')`);
  });

  it('pauses the shop after one confirmation, and resumes it', async () => {
    const pauseButton = `[...q('li[data-store="licht-haus"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Pausieren')`;
    await inDashboard(page, `() => ${pauseButton}.click()`);
    await waitInDashboard(page, `() => q('li[data-store="licht-haus"] [role="alertdialog"]')`);
    assert.match(await inDashboard<string>(page, `() => q('li[data-store="licht-haus"] [role="alertdialog"]').textContent`), /Licht & Haus pausieren\? Das Geschäft verschwindet aus der Verfügbarkeit/);
    assert.equal((await api<{ paused?: boolean }>('/v1/stores/licht-haus')).paused, undefined, 'nothing happens before the confirmation');
    await checkA11y('pause confirmation');
    await shot('pause-confirm');
    await inDashboard(page, `() => q('li[data-store="licht-haus"] [data-confirm]').click()`);
    await waitInDashboard(page, `() => /Pausiert/.test(q('li[data-store="licht-haus"] .facts').textContent)`);
    assert.equal((await api<{ paused?: boolean }>('/v1/stores/licht-haus')).paused, true);
    const offers = (await api<{ offers: { store: { id: string } }[] }>(`/v1/availability?gtin=${LAMP}`)).offers.map((o) => o.store.id);
    assert.ok(!offers.includes('licht-haus'), 'gone from availability');
    // The shop added above is paused too, as the task's walk-through asks.
    await inDashboard(page, `() => [...q('li[data-store="buchhandlung-becker"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Pausieren').click()`);
    await inDashboard(page, `() => q('li[data-store="buchhandlung-becker"] [data-confirm]').click()`);
    await waitInDashboard(page, `() => /Pausiert/.test(q('li[data-store="buchhandlung-becker"] .facts').textContent)`);
    assert.equal((await api<{ paused?: boolean }>('/v1/stores/buchhandlung-becker')).paused, true);
    await inDashboard(page, `() => [...q('li[data-store="licht-haus"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Fortsetzen').click()`);
    await waitInDashboard(page, `() => !/Pausiert/.test(q('li[data-store="licht-haus"] .facts').textContent)`);
    assert.equal((await api<{ paused?: boolean }>('/v1/stores/licht-haus')).paused, undefined);
  });

  it('changes the town\'s settings: a bad field is named and kept, nothing is saved until it is right', async () => {
    const before = await api<{ name: string; centre: { lat: number; lon: number } }>('/v1/city');
    await page.goto(`${ep.url}/dashboard/#town`);
    await waitInDashboard(page, `() => q('#town-name') && q('#town-name').value !== ''`);
    await checkA11y('town');
    await inDashboard(page, `() => {
      type('#town-name', 'Testhausen an der Ruhr');
      type('#town-lat', '123,5');
      type('#town-places', 'Altstadt; 59821; 51,397; 8,065\\nNeustadt; 59823; 51,40; 8,08');
      q('#town-name').form.requestSubmit();
    }`);
    await waitInDashboard(page, `() => q('#town-error')`);
    assert.match(await inDashboard<string>(page, `() => q('#town-error').textContent.replace(/\\s+/g, ' ')`), /Nicht gespeichert\. Bitte prüfen Sie dieses Feld: Mitte: Breitengrad: /);
    assert.equal(await inDashboard<string>(page, `() => q('#town-lat').value`), '123,5', 'the input stays');
    assert.equal(await inDashboard<string>(page, `() => q('#town-lat').getAttribute('aria-invalid')`), 'true');
    assert.equal(await inDashboard<string>(page, `() => q('#town-name').value`), 'Testhausen an der Ruhr');
    assert.equal((await api<{ name: string }>('/v1/city')).name, before.name, 'nothing saved');
    await checkA11y('town, bad field');
    await shot('town-error');

    // A place line that is not one is named by its line.
    await inDashboard(page, `() => { type('#town-lat', '51,3965'); type('#town-places', 'Altstadt; 59821; 51,397; 8,065\\nNeustadt 59823'); q('#town-name').form.requestSubmit(); }`);
    await waitInDashboard(page, `() => /Orte, Zeile 2/.test(q('#town-error')?.textContent ?? '')`);

    await inDashboard(page, `() => { type('#town-places', 'Altstadt; 59821; 51,397; 8,065\\nNeustadt; 59823; 51,40; 8,08'); q('#town-name').form.requestSubmit(); }`);
    await waitInDashboard(page, `() => !q('#town-error') && /Gespeichert/.test(q('operator-town').shadowRoot.textContent)`);
    const after = await api<{ name: string; centre: { lat: number; lon: number }; places: { name: string; postal_code?: string; location: { lat: number; lon: number } }[] }>('/v1/city');
    assert.equal(after.name, 'Testhausen an der Ruhr');
    assert.deepEqual(after.centre, { lat: 51.3965, lon: before.centre.lon });
    assert.deepEqual(after.places, [
      { name: 'Altstadt', postal_code: '59821', location: { lat: 51.397, lon: 8.065 } },
      { name: 'Neustadt', postal_code: '59823', location: { lat: 51.4, lon: 8.08 } },
    ]);
    await shot('town');
  });

  it('shows the mail status: SMTP configured, waiting and failed counts, the last error', async () => {
    await page.goto(`${ep.url}/dashboard/#mail`);
    await waitInDashboard(page, `() => q('dd[data-field="smtp"]')`);
    assert.match(await inDashboard<string>(page, `() => q('dd[data-field="smtp"]').textContent`), /^eingerichtet \(127\.0\.0\.1:\d+\)$/);
    const status = await api<{ waiting: number; failed: number }>('/v1/operator/mail');
    assert.equal(await inDashboard<string>(page, `() => q('dd[data-field="waiting"]').textContent`), String(status.waiting));
    assert.equal(await inDashboard<string>(page, `() => q('dd[data-field="failed"]').textContent`), String(status.failed));
    assert.equal(await inDashboard<string>(page, `() => q('dd[data-field="last-error"]').textContent`), 'keiner');
    await checkA11y('mail');
    await shot('mail');
  });

  it('shows the town\'s figures with "< 5" and imports passers-by: a file with a bad line is refused by line, a good one imported', async () => {
    await page.goto(`${ep.url}/dashboard/#numbers`);
    await waitInDashboard(page, `() => q('.figures dd[data-event="view"]')`, 20_000);
    assert.equal(await inDashboard<string>(page, `() => q('dashboard-insights').shadowRoot.querySelector('h2').textContent.trim()`), 'Zahlen der Stadt');
    assert.equal(await inDashboard<string>(page, `() => q('.figures dd[data-event="view"]').textContent.trim()`), '6');
    assert.ok(await inDashboard<boolean>(page, `() => qa('td, dd').some((c) => c.textContent.replace(/\\s+/g, ' ').trim() === '< 5')`), 'a small cell reads "< 5"');
    // The funnel: the number and its share stand apart ("6 · 100 %", not "6· 100 %").
    const funnel = await inDashboard<string>(page, `() => q('ol.funnel li .what').textContent`);
    assert.match(funnel, /6[\s\u00a0]+·\s/);
    await checkA11y('numbers');
    await shot('numbers');

    const footfallBefore = await api<unknown>('/v1/insights/footfall');
    const bad = join(dir, 'zaehlung-fehler.csv');
    writeFileSync(bad, 'zaehlstelle;stunde;anzahl\nMarktplatz;2026-11-30 14:00;1.234\nMarktplatz;2026-11-30 14:30;99\nSteinweg;2026-11-30 15:00;87\n');
    const input = (await handleInDashboard(page, `() => q('#footfall-file')`)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(bad);
    await waitInDashboard(page, `() => q('#footfall-result')`);
    const refused = await inDashboard<string>(page, `() => q('#footfall-result').textContent.replace(/\\s+/g, ' ')`);
    assert.match(refused, /Nichts importiert: eine Zeile zu korrigieren\./);
    assert.match(refused, /Zeile 3: hour: "2026-11-30 14:30" does not start a full hour/);
    assert.deepEqual(await api<unknown>('/v1/insights/footfall'), footfallBefore, 'nothing applied');
    await checkA11y('numbers, refused file');
    await shot('footfall-refused');

    const good = join(dir, 'zaehlung.csv');
    writeFileSync(good, 'zaehlstelle;stunde;anzahl\nMarktplatz;2026-11-30 14:00;1.234\nMarktplatz;2026-11-30 15:00;99\nSteinweg;2026-11-30 15:00;87\n');
    await input.uploadFile(good);
    await waitInDashboard(page, `() => /3 Stundenwerte importiert \\(Marktplatz, Steinweg\\)/.test(q('#footfall-result')?.textContent ?? '')`);
  });

  it('signing out ends the session; axe finds nothing serious on any operator screen', async () => {
    await page.goto(`${ep.url}/dashboard/#shops`);
    await waitInDashboard(page, `() => q('dashboard-operator')`);
    await inDashboard(page, `() => button('dashboard-operator', 'Abmelden').click()`);
    await waitInDashboard(page, `() => q('input#email')`);
    assert.equal(await page.evaluate(`fetch('/v1/operator/stores').then((r) => r.status)`), 401);
    assert.deepEqual(Object.entries(a11y).filter(([, v]) => v.length), []);
  });
});

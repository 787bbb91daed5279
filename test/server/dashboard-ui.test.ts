/**
 * The shop's dashboard as its owner uses it: headless Chromium (puppeteer-core)
 * on the real endpoint over real HTTP, with a real SMTP server on loopback
 * receiving the mails. The owner signs in by the mailed link; a shopper's
 * reservation appears on the board without reload; the owner finds it by its
 * pickup code, marks it ready (the customer is mailed) and collected (the
 * stock goes down); uploads a stock file with a bad line, sees the line, fixes
 * it and applies it; changes one quantity inline and the public availability
 * shows it. axe finds no serious or critical violation on any screen at 768
 * and 360 px.
 *
 * The dashboard lives on the endpoint's origin behind a strict CSP and
 * frame-ancestors 'none', so it is driven as a top-level page here rather than
 * from web-test-runner's page on another origin.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from 'lean-qr';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createLogger } from '../../src/server/log.js';
import { SDK_DIR } from '../../src/server/package-files.js';
import { createMailer, type Mailer } from '../../src/server/reservations/mail.js';
import { LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { axeViolations, inDashboard, pageErrors, waitInDashboard } from './dashboard-page.js';
import { startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail, type MailCatcher } from './smtp.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SHOP_EMAIL = 'info@licht-haus.example';
const dir = mkdtempSync(join(tmpdir(), 'citylab-dashboard-'));

/**
 * A video file that shows `text` as a QR code, for Chromium's fake camera: Y4M, grey
 * (4:2:0 with neutral chroma), 320×240, a few identical frames that the camera loops.
 */
function qrVideo(text: string, file: string): void {
  const qr = generate(text);
  const width = 320;
  const height = 240;
  const scale = Math.floor(200 / (qr.size + 8));
  const left = Math.floor((width - qr.size * scale) / 2);
  const top = Math.floor((height - qr.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < qr.size * scale; y++) {
    for (let x = 0; x < qr.size * scale; x++) {
      if (qr.get(Math.floor(x / scale), Math.floor(y / scale))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
}

describe('the shop\'s dashboard in Chromium', () => {
  let ep: RunningEndpoint;
  let town: SeededTown;
  let smtp: MailCatcher;
  let browser: Browser;
  let page: Page;
  /** The page's errors and console errors (dashboard-page.ts collects them). */
  let errors: string[] = [];
  let mailer: Mailer;
  const a11y: Record<string, string[]> = {};

  /** With DASHBOARD_SHOTS=<dir>: phone-sized screenshots of the screens, for people to look at (nothing is asserted on them). */
  const shot = async (name: string) => {
    const out = process.env.DASHBOARD_SHOTS;
    if (!out) return;
    for (const width of [360, 768]) {
      await page.setViewport({ width, height: 800, hasTouch: true });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
      await page.screenshot({ path: join(out, `${name}-${width}.png`) as `${string}.png`, fullPage: true });
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };

  const checkA11y = async (screen: string) => {
    for (const width of [768, 360]) {
      // Only the width changes: switching touch or mobile emulation would reload the page.
      await page.setViewport({ width, height: 900, hasTouch: true });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
      a11y[`${screen} at ${width}px`] = await axeViolations(page);
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };

  before(async () => {
    smtp = await catchMail();
    let storage: RunningEndpoint['storage'] | undefined;
    let real: Mailer | undefined;
    mailer = { flush: () => (real ??= createMailer(storage!, { smtpUrl: smtp.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') })!).flush() };
    ep = await startEndpoint({ app: { mailer } });
    storage = ep.storage;
    town = await seedTestTown(ep.url);
    for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: new Date().toISOString() });
    browser = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=de-DE'],
    });
    page = await browser.newPage();
    // The owner's browser is set to German (headless Chromium reports en-US whatever --lang says).
    // (Scripts for the page are strings: tsx would add helpers to a function that the page does not have.)
    await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en'] })`);
    errors = pageErrors(page);
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

  it('the owner signs in by the mailed link', async () => {
    await page.goto(`${ep.url}/dashboard/`);
    await waitInDashboard(page, `() => q('input#email')`);
    await checkA11y('sign-in');
    await shot('sign-in');
    await inDashboard(page, `() => { q('input#email').value = ${JSON.stringify(SHOP_EMAIL)}; q('dashboard-sign-in').shadowRoot.querySelector('form').requestSubmit(); }`);
    const signIn = await smtp.mailLike((m) => m.to.includes(SHOP_EMAIL) && m.text.includes('/dashboard/#sign-in='));
    const link = /(http:\/\/\S+\/dashboard\/#sign-in=[A-Za-z0-9_-]+)/.exec(signIn.text)?.[1];
    assert.ok(link, signIn.text);
    await waitInDashboard(page, `() => /ist der Link unterwegs/.test(q('dashboard-sign-in').shadowRoot.textContent)`);
    await page.goto(link);
    await waitInDashboard(page, `() => q('dashboard-board') && /Licht & Haus/.test(q('dashboard-app').shadowRoot.textContent)`);
    assert.equal(await page.evaluate('location.hash'), '', 'the token is gone from the address');
    // The cookie is not readable by the page's scripts.
    assert.equal(await page.evaluate('document.cookie'), '');
  });

  let code = '';
  let reservationId = '';

  it('a shopper\'s reservation appears on the board without reload', async () => {
    // Live, with the board's first list in.
    await waitInDashboard(page, `() => /Live/.test(q('dashboard-board').shadowRoot.textContent) && !/Wird geladen/.test(q('dashboard-board').shadowRoot.textContent)`);
    await checkA11y('board');
    const sent = Date.now();
    const res = await fetch(`${ep.url}/v1/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer: { name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 30 1234567' }, privacy_accepted: true }),
    });
    assert.equal(res.status, 201);
    ({ code, id: reservationId } = (await res.json()) as { code: string; id: string });
    await waitInDashboard(page, `() => q('li[data-code="${code}"]')`);
    console.log(`# dashboard: the new reservation was on the board ${Date.now() - sent} ms after the shopper's request`);
    const card = await inDashboard<string>(page, `() => q('li[data-code="${code}"]').textContent`);
    assert.match(card, /Erika Mustermann/);
    assert.match(card, /erika@example\.org/);
    assert.match(card, /Neu eingegangen/, 'a visible cue');
    await checkA11y('board with a reservation');
    await shot('board');
    // The shop's mail about it opens it in the dashboard.
    await mailer.flush();
    const toShop = await smtp.mailLike((m) => m.to.includes(SHOP_EMAIL) && m.subject.startsWith(`Neue Reservierung ${code}`));
    const link = /(http:\/\/\S+\/dashboard\/#r=\S+)/.exec(toShop.text)?.[1];
    assert.equal(link, `${ep.url}/dashboard/#r=${reservationId}`);
    await page.goto(link);
    await waitInDashboard(page, `() => q('li.focus[data-code="${code}"]')`);
  });

  it('finds it by the pickup code typed, marks it ready (the customer is mailed) and collected (stock goes down)', async () => {
    // A fresh page: nothing is focused until the code is typed.
    await page.goto(`${ep.url}/dashboard/`);
    await waitInDashboard(page, `() => q('li[data-code="${code}"]') && !q('li.focus')`);
    const typed = code.replace('-', '').toLowerCase();
    await inDashboard(page, `() => { q('input#code').value = ${JSON.stringify(typed)}; q('input#code').form.requestSubmit(); }`);
    await waitInDashboard(page, `() => q('li.focus[data-code="${code}"]')`);
    await inDashboard(page, `() => [...q('li[data-code="${code}"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Liegt bereit').click()`);
    await waitInDashboard(page, `() => /als bereit gemeldet/.test(q('li[data-code="${code}"]')?.textContent ?? '')`);
    await mailer.flush();
    await smtp.mailLike((m) => m.to.includes('erika@example.org') && m.subject === `Ihre Reservierung liegt bereit: ${code}`);

    const row = (await ep.storage.stockByGtin(LAMP)).find((r) => r.store_id === 'licht-haus')!;
    await inDashboard(page, `() => [...q('li[data-code="${code}"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Abgeholt').click()`);
    await waitInDashboard(page, `() => /abgeholt, der Bestand ist angepasst/.test(q('dashboard-board').shadowRoot.textContent)`);
    const after = (await ep.storage.stockBySku('licht-haus', row.sku))!;
    assert.equal(after.quantity, row.quantity! - 1, 'collected lowers the stock');
    assert.equal(after.held ?? 0, (row.held ?? 0) - 1);
    // An impossible change explains itself: the reservation is collected already.
    const again = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/${reservationId}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${town.keys['licht-haus']}`, 'Content-Type': 'application/json' }, body: '{"status":"ready"}',
    });
    assert.equal(again.status, 409);
  });

  it('uploads a stock file with a bad line, sees the line, fixes it and applies it', async () => {
    await page.goto(`${ep.url}/dashboard/#stock`);
    await waitInDashboard(page, `() => q('dashboard-stock') && q('li[data-sku]')`);
    await checkA11y('stock');
    const rows = await ep.storage.stockOfStore('licht-haus');
    const header = 'id;gtin;quantity;price;title';
    const good = rows.map((r) => `${r.sku};${r.gtin};${(r.quantity ?? 0) + 5};${r.price.replace('.', ',')} EUR;`);
    const bad = [header, ...good, 'NEW-1;4006381333931;zwei;12,50 EUR;Teekanne Nord'].join('\n');
    const input = async (text: string, name: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const handle = (await page.evaluateHandle(`(() => {
        const all = (root, out = []) => { out.push(...root.querySelectorAll('input[type=file]')); for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, out); return out; };
        return all(document)[0];
      })()`)) as unknown as import('puppeteer-core').ElementHandle<HTMLInputElement>;
      await handle.uploadFile(file);
    };
    await input(bad, 'bestand-fehler.csv');
    await waitInDashboard(page, `() => q('tr.problem')`);
    const problems = await inDashboard<string[]>(page, `() => qa('tr.problem').map((tr) => [...tr.cells].map((td) => td.textContent.trim()).join('|'))`);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, new RegExp(`^${good.length + 2}\\|quantity\\|`), 'the line and column of the problem');
    await checkA11y('stock upload problems');
    await shot('stock-problems');
    // Nothing changed.
    assert.deepEqual((await ep.storage.stockOfStore('licht-haus')).map((r) => r.quantity), rows.map((r) => r.quantity));

    await input([header, ...good, 'NEW-1;4006381333931;2;12,50 EUR;Teekanne Nord'].join('\n'), 'bestand.csv');
    await waitInDashboard(page, `() => q('.preview')`);
    const preview = await inDashboard<string>(page, `() => q('.preview').textContent`);
    assert.equal(preview, `Vorschau: ${rows.length} Artikel werden aktualisiert, 1 neu, 0 entfernt.`);
    await checkA11y('stock upload preview');
    await shot('stock-preview');
    assert.deepEqual((await ep.storage.stockOfStore('licht-haus')).map((r) => r.quantity), rows.map((r) => r.quantity), 'a preview changes nothing');
    await inDashboard(page, `() => [...q('dashboard-stock').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Übernehmen').click()`);
    await waitInDashboard(page, `() => q('.applied')`);
    assert.equal(await inDashboard<string>(page, `() => q('.applied').textContent`), `${rows.length} Artikel aktualisiert, 1 neu, 0 entfernt.`);
    const now = await ep.storage.stockBySku('licht-haus', 'NEW-1');
    assert.equal(now?.quantity, 2);
  });

  it('changes one quantity inline, and the public availability shows it', async () => {
    const row = (await ep.storage.stockByGtin(LAMP)).find((r) => r.store_id === 'licht-haus')!;
    await waitInDashboard(page, `() => q('li[data-sku="${row.sku}"] input[type=number]')`);
    await inDashboard(page, `() => { const li = q('li[data-sku="${row.sku}"]'); li.querySelector('input[type=number]').value = '7'; li.querySelector('form').requestSubmit(); }`);
    await waitInDashboard(page, `() => /Gespeichert/.test(q('li[data-sku="${row.sku}"]').textContent)`);
    assert.equal((await ep.storage.stockBySku('licht-haus', row.sku))!.quantity, 7);
    const availability = (await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json()) as { offers: { store: { id: string }; quantity?: number }[] };
    const offer = availability.offers.find((o) => o.store.id === 'licht-haus');
    assert.equal(offer?.quantity, 7 - (row.held ?? 0), 'the finder shows what is free');
    // On a phone the quantity field still shows its whole placeholder ("ohne Zählung" was cut off at 6rem).
    await page.setViewport({ width: 360, height: 800, hasTouch: true });
    const room = await inDashboard<{ text: number; box: number }>(page, `() => {
      const input = q('li[data-sku] input[type=number]');
      const cs = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = cs.font;
      return { text: ctx.measureText(input.placeholder).width, box: input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
    }`);
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
    assert.ok(room.text <= room.box, `placeholder ${room.text.toFixed(1)} px in a field of ${room.box.toFixed(1)} px`);
    await shot('stock-list');
  });

  it('the shop profile: several intervals a day, the state\'s holidays with one click, click & collect off; a bad field is named and the input kept', async () => {
    await page.goto(`${ep.url}/dashboard/#profile`);
    await waitInDashboard(page, `() => q('dashboard-profile') && q('input#hold')`);
    await checkA11y('profile');
    await shot('profile');
    const button = (text: string) => `[...q('dashboard-profile').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)})`;
    // Saturday gets an afternoon too: its second interval.
    await inDashboard(page, `() => [...q('[aria-label="Samstag"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Zeitraum hinzufügen').click()`);
    await inDashboard(page, `() => { const s = q('dashboard-profile').shadowRoot.querySelector('select'); s.value = 'NW'; s.dispatchEvent(new Event('change')); }`);
    await inDashboard(page, `() => ${button('Feiertage des Bundeslands eintragen (geschlossen)')}.click()`);
    await waitInDashboard(page, `() => /Allerheiligen/.test([...q('dashboard-profile').shadowRoot.querySelectorAll('input[type=text]')].map((i) => i.value).join(' '))`);
    await inDashboard(page, `() => { const c = q('input[name=cc]'); c.checked = false; c.dispatchEvent(new Event('change')); }`);
    // A website that is no address: refused, named, and what was typed stays.
    await inDashboard(page, `() => { const w = q('input#website'); w.value = 'licht haus'; w.dispatchEvent(new Event('input')); }`);
    await inDashboard(page, `() => ${button('Speichern')}.click()`);
    await waitInDashboard(page, `() => /Nicht gespeichert/.test(q('dashboard-profile').shadowRoot.textContent)`);
    assert.match(await inDashboard<string>(page, `() => q('dashboard-profile').shadowRoot.querySelector('[role=alert]').textContent`), /website/);
    assert.equal(await inDashboard<string>(page, `() => q('input#website').value`), 'licht haus');
    assert.equal((await ep.storage.getStore('licht-haus'))!.click_and_collect.enabled, true, 'nothing changed');
    await checkA11y('profile with a problem');

    await inDashboard(page, `() => { const w = q('input#website'); w.value = 'https://licht-haus.example/laden'; w.dispatchEvent(new Event('input')); }`);
    await inDashboard(page, `() => ${button('Speichern')}.click()`);
    await waitInDashboard(page, `() => /Gespeichert/.test(q('dashboard-profile').shadowRoot.textContent)`);
    const store = (await ep.storage.getStore('licht-haus'))!;
    assert.equal(store.click_and_collect.enabled, false);
    assert.equal(store.website, 'https://licht-haus.example/laden');
    assert.equal(store.opening_hours.weekly.sat.length, 2);
    const allSaints = store.opening_hours.special_days.find((d) => /-11-01$/.test(d.date));
    assert.deepEqual(allSaints && { intervals: allSaints.intervals, label: allSaints.label }, { intervals: [], label: 'Allerheiligen' });
  });

  it('the snippet page: the element live, and the code for plain HTML and for Shopify', async () => {
    await page.goto(`${ep.url}/dashboard/#snippet`);
    await waitInDashboard(page, `() => q('pre.code') && /citylab-store-finder gtin="\\d+"/.test(q('pre.code').textContent)`);
    const sri = JSON.parse(readFileSync(join(SDK_DIR, 'sri.json'), 'utf8')) as { version: string; integrity: Record<string, string> };
    const plain = await inDashboard<string>(page, `() => q('pre.code').textContent`);
    assert.ok(plain.includes(`<script type="module" src="${ep.url}/sdk/${sri.version}/citylab.js" integrity="${sri.integrity['citylab.js']}" crossorigin="anonymous"></script>`), plain);
    assert.match(plain, /<citylab-store-finder gtin="\d{8,14}" store="licht-haus"><\/citylab-store-finder>/);
    // The owner picks the article by its name (the shop's title, else the town's), as on the stock screen.
    const stock = (await (await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { headers: { Authorization: `Bearer ${town.keys['licht-haus']}` } })).json()) as { items: { sku: string; gtin: string; title?: string; product_name?: string }[] };
    const named = stock.items.find((i) => i.title ?? i.product_name)!;
    const options = await inDashboard<string[]>(page, `() => [...q('dashboard-snippet').shadowRoot.querySelectorAll('#product option')].map((o) => o.textContent.trim())`);
    assert.ok(options.includes(`${named.title ?? named.product_name} (${named.sku} · ${named.gtin})`), JSON.stringify(options));
    // The element itself, live from this endpoint's SDK, shows the shop's stock.
    await waitInDashboard(page, `() => { const f = q('.preview citylab-store-finder'); return f && f.shadowRoot && /Licht & Haus/.test(f.shadowRoot.textContent); }`, 20_000);
    await checkA11y('snippet');
    await shot('snippet');
    await inDashboard(page, `() => [...q('dashboard-snippet').shadowRoot.querySelectorAll('[role=tab]')].find((b) => b.textContent.trim() === 'Shopify').click()`);
    await waitInDashboard(page, `() => /barcode/.test(q('pre.code').textContent)`);
    assert.match(await inDashboard<string>(page, `() => q('pre.code').textContent`), /<citylab-store-finder gtin="\{\{ product\.selected_or_first_available_variant\.barcode \}\}" store="licht-haus">/);
  });

  it('finds a reservation by scanning the customer\'s QR code with the camera', async () => {
    const res = await fetch(`${ep.url}/v1/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer: { name: 'Max Scan', email: 'max@example.org' }, privacy_accepted: true }),
    });
    // Click & collect was turned off in the profile: the shop takes it on again first.
    if (res.status === 409) {
      await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: { Authorization: `Bearer ${town.keys['licht-haus']}`, 'Content-Type': 'application/json' }, body: '{"click_and_collect":{"enabled":true,"ready_within_minutes":120,"hold_days":2}}' });
    }
    const created = res.status === 409
      ? await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer: { name: 'Max Scan', email: 'max@example.org' }, privacy_accepted: true }),
      })
      : res;
    assert.equal(created.status, 201, await created.clone().text());
    const { code: scanned } = (await created.json()) as { code: string };
    const video = join(dir, 'qr.y4m');
    qrVideo(scanned, video);
    const camera = await puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const tablet = await camera.newPage();
      await tablet.setViewport({ width: 768, height: 900, hasTouch: true });
      await tablet.goto(`${ep.url}/dashboard/`);
      // The counter tablet signs in with the shop's key.
      await waitInDashboard(tablet, `() => q('input#key')`);
      await inDashboard(tablet, `() => { q('summary').click(); q('input#key').value = ${JSON.stringify(town.keys['licht-haus'])}; q('input#key').form.requestSubmit(); }`);
      await waitInDashboard(tablet, `() => q('li[data-code="${scanned}"]') && !q('li.focus')`);
      await inDashboard(tablet, `() => [...q('dashboard-board').shadowRoot.querySelectorAll('button')].find((b) => /QR/.test(b.textContent)).click()`);
      await waitInDashboard(tablet, `() => q('li.focus[data-code="${scanned}"]')`, 20_000);
      assert.equal(await inDashboard<boolean>(tablet, `() => !q('video')`), true, 'the camera is off once the code is found');
    } finally {
      await camera.close();
    }
  });

  it('the figures: the shop\'s own counts as the endpoint keeps them, with a chart, under the dashboard\'s CSP', async () => {
    const report = (await (await fetch(`${ep.url}/v1/stores/licht-haus/insights`, { headers: { Authorization: `Bearer ${town.keys['licht-haus']}` } })).json()) as { totals: Record<string, number> };
    assert.ok(report.totals.reserved! >= 2, `the reservations of this test are counted (${report.totals.reserved})`);
    await page.setBypassCSP(false);
    try {
      await page.goto(`${ep.url}/dashboard/#insights`);
      await waitInDashboard(page, `() => q('dashboard-insights .figures') || q('.figures dd[data-event="reserved"]')`, 20_000);
      assert.equal(await inDashboard<string>(page, `() => q('dd[data-event="reserved"]').textContent.trim()`), String(report.totals.reserved));
      // uPlot draws into a canvas; its stylesheet is adopted, so the page's CSP (no inline style) holds.
      await waitInDashboard(page, `() => q('.over-time canvas')`, 20_000);
      assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
    } finally {
      await page.setBypassCSP(true);
    }
    await page.goto(`${ep.url}/dashboard/#insights`);
    await waitInDashboard(page, `() => q('.over-time canvas')`, 20_000);
    await checkA11y('insights');
    await shot('insights');
  });

  it('signing out ends the session; axe finds nothing serious on any screen', async () => {
    await inDashboard(page, `() => [...q('dashboard-app').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Abmelden').click()`);
    await waitInDashboard(page, `() => q('input#email')`);
    const status = await page.evaluate(`fetch('/v1/stores/licht-haus/reservations').then((r) => r.status)`);
    assert.equal(status, 401);
    assert.deepEqual(Object.entries(a11y).filter(([, v]) => v.length), []);
  });
});

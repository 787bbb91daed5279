/**
 * The stock screen's own settings as the owner uses them, in headless Chromium
 * (puppeteer-core) on the real endpoint over real HTTP, with a real SMTP server
 * on loopback: the list shows and searches articles by name; the shop's own
 * stock promise (set on the profile screen) drives the stale warning; a feed on
 * a private address is refused with the address still in the field; a real
 * failed feed run shows its problem by line, and an applied one its counts in
 * words. axe finds nothing serious or critical at 768 and 360 px.
 * (The dashboard's walk-through is dashboard-ui.test.ts; this file signs in with the shop's key.)
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { runDueFeeds } from '../../src/server/inventory-feed-job.js';
import { createLogger } from '../../src/server/log.js';
import { createMailer, type Mailer } from '../../src/server/reservations/mail.js';
import { seedTestTown, type SeededTown } from '../fixtures/town.js';
import { axeViolations, inDashboard, waitInDashboard } from './dashboard-page.js';
import { startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail, type MailCatcher } from './smtp.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe('the stock screen\'s names, promise and feed in Chromium', () => {
  let ep: RunningEndpoint;
  let town: SeededTown;
  let mail: MailCatcher;
  let browser: Browser;
  let page: Page;
  let mailer: Mailer;
  const a11y: Record<string, string[]> = {};

  const checkA11y = async (screen: string) => {
    for (const width of [768, 360]) {
      await page.setViewport({ width, height: 900, hasTouch: true });
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
      a11y[`${screen} at ${width}px`] = await axeViolations(page);
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };
  /** With DASHBOARD_SHOTS=<dir>: phone and tablet screenshots for people to look at. */
  const shot = async (name: string) => {
    const out = process.env.DASHBOARD_SHOTS;
    if (!out) return;
    for (const width of [360, 768]) {
      await page.setViewport({ width, height: 800, hasTouch: true });
      await page.screenshot({ path: join(out, `${name}-${width}.png`) as `${string}.png`, fullPage: true });
    }
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
  };
  const button = (element: string, text: string) => `() => [...q(${JSON.stringify(element)}).shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}).click()`;

  before(async () => {
    mail = await catchMail();
    let storage: RunningEndpoint['storage'] | undefined;
    let real: Mailer | undefined;
    mailer = { flush: () => (real ??= createMailer(storage!, { smtpUrl: mail.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') })!).flush() };
    // The endpoint as in production: feeds on private addresses are refused.
    ep = await startEndpoint({ app: { mailer } });
    storage = ep.storage;
    town = await seedTestTown(ep.url);
    browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--lang=de-DE'] });
    page = await browser.newPage();
    await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en'] })`);
    await page.setBypassCSP(true); // axe is injected as a script
    await page.setViewport({ width: 768, height: 900, hasTouch: true });
    await page.goto(`${ep.url}/dashboard/`);
    await waitInDashboard(page, `() => q('input#key')`);
    await inDashboard(page, `() => { q('details').open = true; q('input#key').value = ${JSON.stringify(town.keys['licht-haus'])}; q('input#key').form.requestSubmit(); }`);
    await waitInDashboard(page, `() => q('dashboard-board')`);
  });

  after(async () => {
    await browser?.close();
    await ep?.close();
    await mail?.close();
  });

  it('finds an article by its name, which the list shows', async () => {
    await page.goto(`${ep.url}/dashboard/#stock`);
    await waitInDashboard(page, `() => qa('li[data-sku]').length === 2`);
    await inDashboard(page, `() => { const s = q('input#search'); s.value = 'vase ruhr'; s.dispatchEvent(new Event('input')); }`);
    await waitInDashboard(page, `() => qa('li[data-sku]').length === 1`);
    assert.equal(await inDashboard<string>(page, `() => q('li[data-sku]').dataset.sku`), 'LH-200');
    assert.equal(await inDashboard<string>(page, `() => q('li[data-sku] .name').textContent.trim()`), 'Vase Ruhr');
  });

  it('warns when the stock is older than the shop\'s own promise, set on the profile screen', async () => {
    // Two hours on, the stock keeps the default promise of 24 hours…
    await inDashboard(page, `() => { q('dashboard-stock').now = () => new Date(Date.now() + 2 * 3600000); }`);
    await waitInDashboard(page, `() => /Zuletzt aktualisiert/.test(q('dashboard-stock').shadowRoot.textContent)`);
    assert.equal(await inDashboard<boolean>(page, `() => Boolean(q('.stale'))`), false);

    await page.goto(`${ep.url}/dashboard/#profile`);
    await waitInDashboard(page, `() => q('input#promise')`);
    assert.equal(await inDashboard<string>(page, `() => q('input#promise').value`), '24');
    await inDashboard(page, `() => { const p = q('input#promise'); p.value = '1'; p.dispatchEvent(new Event('change')); }`);
    await inDashboard(page, button('dashboard-profile', 'Speichern'));
    await waitInDashboard(page, `() => /Gespeichert/.test(q('dashboard-profile').shadowRoot.textContent)`);
    assert.equal((await ep.storage.getStore('licht-haus'))!.stock_promise_hours, 1);
    await checkA11y('profile');

    // …and breaks the shop's own promise of one hour.
    await page.goto(`${ep.url}/dashboard/#stock`);
    await waitInDashboard(page, `() => q('li[data-sku]')`);
    await inDashboard(page, `() => { q('dashboard-stock').now = () => new Date(Date.now() + 2 * 3600000); }`);
    await waitInDashboard(page, `() => q('.stale')`);
    assert.match(await inDashboard<string>(page, `() => q('.stale').textContent`), /älter als eine Stunde/);
  });

  it('a feed on a private address is refused, named, with the address still in the field', async () => {
    const url = 'https://192.168.178.20/bestand.csv';
    await waitInDashboard(page, `() => q('input#feed-url')`);
    await inDashboard(page, `() => { const u = q('input#feed-url'); u.value = ${JSON.stringify(url)}; u.dispatchEvent(new Event('input')); }`);
    await inDashboard(page, button('dashboard-stock-feed', 'Abruf speichern'));
    await waitInDashboard(page, `() => q('.feed-message[role=alert]')`);
    assert.match(await inDashboard<string>(page, `() => q('.feed-message').textContent`), /^Nicht gespeichert\. Die Adresse \(url\) ist keine öffentliche https-Adresse.* \(192\.168\.178\.20 is not a public address\)$/);
    assert.equal(await inDashboard<string>(page, `() => q('input#feed-url').value`), url);
    assert.equal(await ep.storage.feeds.get('licht-haus'), null, 'nothing was set');
    await checkA11y('stock feed refused');
    await shot('stock-feed-refused');
  });

  it('the last run in words: a failed one with its problem by line, then an applied one with its counts', async () => {
    // This endpoint refuses loopback feeds: the feed is stored directly, and fetched by the job
    // with the test setting from a feed server on loopback. The shop's whole list, one bad line.
    const rows = await ep.storage.stockOfStore('licht-haus');
    const list = (bad: boolean) => ['id;gtin;quantity;price;title', ...rows.map((r) => `${r.sku};${r.gtin};${bad && r.sku === 'LH-200' ? 'zwei' : r.quantity ?? 0};${r.price.replace('.', ',')} EUR;${r.title ?? ''}`)].join('\n');
    const badLine = rows.findIndex((r) => r.sku === 'LH-200') + 2;
    let body = list(true);
    const feedServer = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/csv' }); res.end(body); });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', () => r()));
    try {
      const at = new Date().toISOString();
      await ep.storage.feeds.put({ store_id: 'licht-haus', url: `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/bestand.csv`, every_hours: 6, at: '06:00', next_run_at: at, updated_at: at });
      const round = () => runDueFeeds({ storage: ep.storage, mailer, log: createLogger('silent'), publicUrl: ep.url, allowPrivate: true });
      assert.equal((await round())[0]?.outcome, 'failed');
      assert.deepEqual(mail.received.map((m) => [m.to[0], m.subject]), [['info@licht-haus.example', 'Bestandsliste nicht übernommen: Licht & Haus']]);
      await page.reload();
      await waitInDashboard(page, `() => q('tr.feed-problem')`);
      assert.match(await inDashboard<string>(page, `() => q('.feed-run').textContent`), /Letzter Abruf: .*Fehlgeschlagen, es wurde nichts geändert\. Ein Problem in der Datei:/);
      assert.match(await inDashboard<string>(page, `() => q('tr.feed-problem').textContent`), new RegExp(`^${badLine}quantity`));
      assert.match(await inDashboard<string>(page, `() => q('.feed-status').textContent`), /Abruf alle 6 Stunden ab 06:00 Uhr\. Nächster Abruf: /);
      assert.equal(await inDashboard<string>(page, `() => q('input#feed-url').value`), (await ep.storage.feeds.get('licht-haus'))!.url);
      await checkA11y('stock feed failed');
      await shot('stock-feed-failed');

      // The owner fixed the file and does not wait for the schedule: "Jetzt abrufen".
      body = list(false);
      const scheduled = (await ep.storage.feeds.get('licht-haus'))!.next_run_at;
      assert.ok(scheduled > new Date().toISOString(), 'the next run is hours away');
      await inDashboard(page, button('dashboard-stock-feed', 'Jetzt abrufen'));
      await waitInDashboard(page, `() => /Wird abgerufen/.test(q('.feed-message')?.textContent ?? '')`);
      // The endpoint made the feed due at once; the job's round (this endpoint runs none: the test runs it) fetches it.
      for (let i = 0; (await ep.storage.feeds.get('licht-haus'))!.next_run_at > new Date().toISOString(); i++) {
        assert.ok(i < 100, 'the feed was not made due');
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal((await round())[0]?.outcome, 'applied');
      // No reload: the screen asks until the run is there.
      await waitInDashboard(page, `() => q('.feed-run.ok')`, 10_000, 'the applied run on the screen');
      assert.match(await inDashboard<string>(page, `() => q('.feed-run').textContent`), new RegExp(`Übernommen: ${rows.length} Artikel aktualisiert, 0 neu, 0 entfernt\\.`));
      assert.equal(await inDashboard<string>(page, `() => q('.feed-message').textContent.trim()`), 'Abgerufen. Das Ergebnis steht oben unter „Letzter Abruf“.');
      assert.equal((await ep.storage.feeds.get('licht-haus'))!.every_hours, 6, 'the schedule stays');
      await checkA11y('stock feed applied');
      await shot('stock-feed-applied');
    } finally {
      await new Promise<void>((r) => feedServer.close(() => r()));
    }
  });

  it('axe finds nothing serious on these screens', () => {
    assert.deepEqual(Object.entries(a11y).filter(([, v]) => v.length), []);
  });
});

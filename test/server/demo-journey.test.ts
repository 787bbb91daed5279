/**
 * The demo town as its people use it, end to end: `npm start`'s server in its own
 * process on a fresh database, a real SMTP server on loopback, and headless
 * Chromium with real mouse and keyboard input.
 *
 * A shopper on a demo shop's product page opens the 3D view, asks for AR (a
 * desktop gets the QR code for the phone), opens the route to another shop in the
 * finder and reserves here. Meanwhile the owner has the dashboard open on the
 * counter: the reservation appears on the board without a reload, the owner marks
 * it ready (the shopper's mail links to the reservation) and collected. Then the
 * rows the endpoint stored are read from its database: counts only, nothing that
 * identifies anyone, exactly the actions taken; and the shop's "Zahlen" screen
 * moves by exactly those actions.
 *
 * Headless Chromium says "HeadlessChrome" in its user agent, which the endpoint
 * rightly drops as a bot: the shopper's browser presents itself as a desktop Chrome.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { startDemo, type Demo } from './demo-process.js';
import { BACKENDS, createDatabase, tempDir, type TestDatabase } from './harness.js';
import { inDashboard, waitInDashboard } from './dashboard-page.js';
import { catchMail, type MailCatcher } from './smtp.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SHOP = 'lichtwerk-leuchten';
const GTIN = '2004317130014';
const PRODUCT_PAGE = `/demo/shops/${SHOP}/${GTIN}.html`;
/** The shop's article number of that product (its page says "Art.-Nr. LW-TL-0042"). */
const SKU = 'LW-TL-0042';
const DEMO_SITE = new URL('../../demo/dist/', import.meta.url);
const CUSTOMER = { name: 'Erika Mustermann', email: 'erika.journey@example.org' };

const inPage = inDashboard;
/** Waits for `fn` on a page of the journey; a minute, as the demo's pages and mails take their time. */
const waitIn = (page: Page, fn: string, what: string, timeout = 60_000) => waitInDashboard(page, fn, timeout, what);

/** A number as the dashboard writes it (German: 4.733), or "< 5". */
const figure = (text: string) => Number(text.replace(/\./g, '').trim());

for (const backend of BACKENDS) {
  describe(`the demo town, a shopper and a shop owner, on ${backend}`, () => {
    let database: TestDatabase;
    let demo: Demo;
    let mail: MailCatcher;
    let browser: Browser;
    let shopper: Page;
    let owner: Page;
    let dir: string;
    let key: string;
    const requests: { url: string; tapped: boolean }[] = [];
    let tapped = false;
    const pageErrors: string[] = [];
    let code = '';
    let reservationId = '';
    let figuresBefore: Record<string, number> = {};
    let otherShop = '';

    const figures = async (): Promise<Record<string, number>> => {
      // The owner is on the dashboard (the counter's screen, in front): its own navigation (the
      // address's fragment) opens the figures.
      await owner.bringToFront();
      await owner.evaluate(`location.hash = '#insights'`);
      await waitIn(owner, `() => q('dd[data-event="reserved"]') && q('dd[data-event="view"]')`, 'the shop\'s figures');
      return inPage(owner, `() => Object.fromEntries(qa('dd[data-event]').map((d) => [d.dataset.event, d.textContent.trim()]))`).then(
        (texts) => Object.fromEntries(Object.entries(texts as Record<string, string>).map(([k, v]) => [k, figure(v)])),
      );
    };

    before(async () => {
      assert.ok(existsSync(new URL('index.html', DEMO_SITE)), 'the demo site is built (node scripts/build.mjs --demo; npm test does it)');
      database = await createDatabase(backend);
      dir = tempDir();
      mail = await catchMail();
      // Mail that waits for the sweeper's round (the ready mail) goes every 2 s instead of every 30 s.
      demo = await startDemo(database, { CITYLAB_DATA_DIR: join(dir, 'data'), SMTP_URL: mail.url, CITYLAB_SWEEP_MS: '2000' });
      const keysFile = backend === 'sqlite' ? `${database.cli.args[1]}.demo-keys.txt` : join(dir, 'data', `demo-keys.${database.cli.env.DATABASE_SCHEMA}.txt`);
      key = readFileSync(keysFile, 'utf8').split('\n').map((l) => l.split('\t')).find(([id]) => id === SHOP)![1]!;
      browser = await puppeteer.launch({
        executablePath: CHROME,
        headless: true,
        args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });

      // The owner's counter tablet, in a browser profile of its own, signed in with the shop's key.
      owner = await (await browser.createBrowserContext()).newPage();
      await owner.setViewport({ width: 768, height: 1000, hasTouch: true });
      await owner.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de'] })`);
      owner.on('pageerror', (err) => pageErrors.push(`dashboard: ${err}`));
      await owner.goto(`${demo.url}/dashboard/`);
      await waitIn(owner, `() => q('summary')`, 'the sign-in form');
      await inPage(owner, `() => { q('summary').click(); }`);
      await owner.type('dashboard-app >>> dashboard-sign-in >>> input#key', key);
      await inPage(owner, `() => q('input#key').form.requestSubmit()`);
      await waitIn(owner, `() => q('dashboard-board') && /Lichtwerk/.test(q('dashboard-app').shadowRoot.textContent)`, 'the board after sign-in');

      // The shopper: a desktop browser with German settings, every request it makes recorded.
      shopper = await (await browser.createBrowserContext()).newPage();
      await shopper.setUserAgent(DESKTOP);
      await shopper.setViewport({ width: 1280, height: 900 });
      await shopper.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de'] })`);
      // Links the shopper opens would leave the page (the route goes to a map service): the click
      // happens and is counted, the navigation is not made.
      await shopper.evaluateOnNewDocument(`document.addEventListener('click', (e) => { if (e.composedPath().some((n) => n instanceof HTMLAnchorElement)) e.preventDefault(); })`);
      shopper.on('request', (r: HTTPRequest) => requests.push({ url: r.url(), tapped }));
      shopper.on('pageerror', (err) => pageErrors.push(`shop page: ${err}`));
    });

    after(async () => {
      await browser?.close();
      await demo?.stop();
      await mail?.close();
      await database?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the shop\'s figures start with the demo\'s eight weeks, marked as demo data', async () => {
      figuresBefore = await figures();
      assert.ok(figuresBefore.view! > 100, `the demo town has figures on first start (${figuresBefore.view} views)`);
      assert.match(await inPage<string>(owner, `() => q('dashboard-insights').shadowRoot.textContent`), /Demo/);
      await owner.goto(`${demo.url}/dashboard/`);
      await waitIn(owner, `() => /Live/.test(q('dashboard-board').shadowRoot.textContent) && !/Wird geladen/.test(q('dashboard-board').shadowRoot.textContent)`, 'the live board');
    });

    it('the product page shows all three elements with nothing sent to anyone before the shopper acts', async () => {
      await shopper.goto(`${demo.url}${PRODUCT_PAGE}`, { waitUntil: 'load' });
      await waitIn(shopper, `() => qa('citylab-store-finder .offer:not(.skeleton), .offer:not(.skeleton)').length >= 2`, 'the finder\'s shops');
      await waitIn(shopper, `() => document.querySelector('citylab-click-collect').status === 'available'`, 'click & collect');
      await waitIn(shopper, `() => q('[part~="view-3d-button"]')`, 'the 3D button');
      // A moment for anything that would go out unasked.
      await new Promise((r) => setTimeout(r, 1500));
      const origin = new URL(demo.url).origin;
      const before = requests.filter((r) => !r.tapped);
      assert.deepEqual(before.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin).map((r) => r.url), [], 'no third party');
      assert.deepEqual(before.filter((r) => r.url.includes('/v1/events')).map((r) => r.url), [], 'no beacon before the shopper acts');
      assert.deepEqual(await shopper.cookies(), []);
      assert.equal(await shopper.evaluate('localStorage.length + sessionStorage.length'), 0);
    });

    it('3D, AR on a desktop (the QR code for the phone), the route to another shop', async () => {
      tapped = true;
      await shopper.click('citylab-ar-viewer >>> [part~="view-3d-button"]');
      await waitIn(shopper, `() => document.querySelector('citylab-ar-viewer').shadowRoot.querySelector('model-viewer')?.loaded`, 'the 3D model', 60_000);
      await shopper.click('citylab-ar-viewer >>> [part~="ar-button"]');
      await waitIn(shopper, `() => q('[part~="qr-dialog"]')?.open`, 'the QR code');
      await shopper.click('citylab-ar-viewer >>> [part~="qr-close-button"]');
      const other = await inPage<string>(shopper, `() => q('.offer:not(.own)[data-store]').dataset.store`);
      assert.notEqual(other, SHOP);
      await shopper.click(`citylab-store-finder >>> [data-store="${other}"] .actions a[target="_blank"]`);
      otherShop = other;
    });

    it('the reservation: made on the product page, on the owner\'s board without a reload, ready (mailed), collected', async () => {
      await shopper.click('citylab-click-collect >>> .reserve');
      await waitIn(shopper, `() => document.querySelector('citylab-click-collect').shadowRoot.querySelector('dialog')?.open && q('#cc-name')`, 'the dialog');
      await shopper.type('citylab-click-collect >>> #cc-name', CUSTOMER.name);
      await shopper.type('citylab-click-collect >>> #cc-email', CUSTOMER.email);
      await shopper.click('citylab-click-collect >>> #cc-privacy');
      await shopper.click('citylab-click-collect >>> button[type="submit"]');
      const sent = Date.now();
      await waitIn(shopper, `() => document.querySelector('citylab-click-collect').shadowRoot.querySelector('.code')`, 'the confirmation');
      code = await inPage<string>(shopper, `() => document.querySelector('citylab-click-collect').shadowRoot.querySelector('.code').textContent.trim()`);
      assert.match(code, /^[A-Z0-9]{3,}-?[A-Z0-9]+$/);

      await waitIn(owner, `() => q('li[data-code="${code}"]')`, 'the reservation on the board');
      console.log(`# demo journey (${backend}): on the owner's board ${Date.now() - sent} ms after the shopper pressed "Reservieren" (no reload)`);
      const card = await inPage<string>(owner, `() => q('li[data-code="${code}"]').textContent`);
      assert.match(card, /Erika Mustermann/);
      assert.match(card, /Neu eingegangen/);
      // The confirmation mail reaches the shopper.
      await mail.mailLike((m) => m.to.includes(CUSTOMER.email) && m.subject.includes(code));

      await inPage(owner, `() => [...q('li[data-code="${code}"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Liegt bereit').click()`);
      const ready = await mail.mailLike((m) => m.to.includes(CUSTOMER.email) && m.subject === `Ihre Reservierung liegt bereit: ${code}`);
      const link = /(http:\/\/\S+\/r\/[A-Za-z0-9_-]+\S*)/.exec(ready.text)?.[1];
      assert.ok(link?.startsWith(`${demo.url}/r/`), `the ready mail links the reservation (${link})`);
      reservationId = new URL(link!).pathname.split('/')[2]!;
      await waitIn(owner, `() => [...q('li[data-code="${code}"]').querySelectorAll('button')].some((b) => b.textContent.trim() === 'Abgeholt')`, 'the collect button');
      await inPage(owner, `() => [...q('li[data-code="${code}"]').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Abgeholt').click()`);
      await waitIn(owner, `() => /abgeholt, der Bestand ist angepasst/.test(q('dashboard-board').shadowRoot.textContent)`, 'collected');
      // The shopper's page behind the mail's link says so.
      const page = await (await browser.createBrowserContext()).newPage();
      await page.goto(link!);
      await page.waitForFunction(`/abgeholt/i.test(document.body.innerText)`, { timeout: 60_000 }).catch(async () => {
        assert.fail(`the reservation page does not say it was collected: ${await page.evaluate('document.body.innerText')}`);
      });
      await page.close();
      await owner.bringToFront();
      assert.equal(await owner.evaluate('1 + 1'), 2, 'the dashboard still answers');
    });

    it('the stored rows are counts of exactly these actions, and nothing that identifies anyone', async () => {
      const today = (await database.sql<Record<string, unknown>>('SELECT * FROM insight_counts WHERE demo = ? ORDER BY event, store_id', backend === 'sqlite' ? 0 : false));
      for (const row of today) assert.deepEqual(Object.keys(row).sort(), ['demo', 'detail', 'event', 'gtin', 'hour', 'n', 'store_id']);
      assert.doesNotMatch(JSON.stringify(today), /Mozilla|Chrome|127\.0\.0\.1|Erika|example\.org|::1/);
      const counted = Object.fromEntries(today.map((r) => [`${r.event} ${r.store_id} ${r.gtin}`, Number(r.n)]));
      assert.deepEqual(counted, {
        [`collected ${SHOP} ${GTIN}`]: 1,
        [`finder-search  ${GTIN}`]: 1,
        [`model-open  ${GTIN}`]: 1,
        [`qr-shown  ${GTIN}`]: 1,
        [`reservation-open ${SHOP} ${GTIN}`]: 1,
        [`reserved ${SHOP} ${GTIN}`]: 1,
        [`route-open ${otherShop} ${GTIN}`]: 1,
        [`view  ${GTIN}`]: 1,
      });
      assert.deepEqual(pageErrors, []);
    });

    it('the shop\'s "Zahlen" screen moved by exactly these actions', async () => {
      const after = await figures();
      const moved = Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (figuresBefore[k] ?? 0)]));
      assert.deepEqual(moved, { view: 1, 'model-open': 1, 'ar-start': 0, 'finder-search': 1, 'route-open': 0, reserved: 1, collected: 1, expired: 0 });
    });

    it('the owner changes one quantity at the counter, and the finder on the product page shows it', async () => {
      const card = `() => q('.offer[data-store="${SHOP}"]')?.textContent.replace(/\\s+/g, ' ') ?? ''`;
      assert.doesNotMatch(await inPage<string>(shopper, card), /Nicht vorrätig/);
      await owner.bringToFront();
      await owner.evaluate(`location.hash = '#stock'`);
      await waitIn(owner, `() => q('input#search')`, 'the stock screen');
      // Found by its name, as the owner knows it.
      await owner.type('dashboard-app >>> input#search', 'Röhr');
      await waitIn(owner, `() => qa('li[data-sku]').length === 1 && q('li[data-sku="${SKU}"]')`, 'the article found by name');
      await owner.click(`dashboard-app >>> input[id="q-${SKU}"]`, { count: 3 });
      await owner.keyboard.press('Backspace');
      await owner.type(`dashboard-app >>> input[id="q-${SKU}"]`, '0');
      await owner.click(`dashboard-app >>> li[data-sku="${SKU}"] button[type="submit"]`);
      await waitIn(owner, `() => /Gespeichert/.test(q('li[data-sku="${SKU}"]').textContent)`, 'saved');
      // The next shopper (a browser without this one's 30-second HTTP cache of the answer) sees it.
      const next = await (await browser.createBrowserContext()).newPage();
      await next.setUserAgent(DESKTOP);
      await next.goto(`${demo.url}${PRODUCT_PAGE}`, { waitUntil: 'load' });
      await waitIn(next, `() => /Nicht vorrätig/.test((${card})())`, 'the finder showing the new count');
      await next.close();
    });
  });
}

/**
 * The endpoint's own pages in a real browser (headless Chromium), under the
 * Content Security Policy they are sent with: the shopper's reservation page
 * shows and cancels a reservation, and the AR page loads the SDK, model-viewer
 * and the decoders and shows a Draco model from the endpoint and a meshopt model
 * from a shop's CDN — with no violation of the policy. A page that injects an
 * inline script or reaches another host shows the policy is really enforced.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { buildModels } from '../../demo/scripts/models.js';
import { Reservation } from '../../src/sdk/contract/schemas.js';
import { chromeArgs, findChrome } from '../../src/models/chrome.js';
import { optimizeModel } from '../../src/models/optimize.js';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

/** A page, and every breach of its policy the browser reported (events and console). */
interface WatchedPage {
  page: Page;
  violations: string[];
}

async function watch(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __cspViolation(t: string): void; __cspBreached: boolean };
      w.__cspBreached = true;
      w.__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (err) => violations.push(`page error: ${(err as Error).message}`));
  await page.goto(url);
  return { page, violations };
}

/** Not narrowing: the same list is checked again after the page is made to break the policy. */
function noViolations(violations: readonly string[]): void {
  assert.equal(violations.length, 0, `policy violations:\n${violations.join('\n')}`);
}

for (const backend of BACKENDS) {
  describe(`the endpoint's pages in Chromium, under their CSP, on ${backend}`, () => {
    let ep: RunningEndpoint;
    let browser: Browser;
    let cdn: Server;
    let cdnUrl = '';
    let dir = '';

    before(async () => {
      const chrome = findChrome();
      assert.ok(chrome, 'these tests need Chrome or Chromium: install one (apt-get install chromium) or set CHROME_PATH');
      dir = await mkdtemp(join(tmpdir(), 'citylab-pages-'));
      const lamp = (await buildModels(dir)).find((m) => m.name === 'table-lamp')!;
      // The two compressions the pipeline makes, each with its WebAssembly decoder and worker.
      await optimizeModel(lamp.glb, join(dir, 'lamp-draco.glb'), { compress: 'draco', textureFormat: 'keep' });
      await optimizeModel(lamp.glb, join(dir, 'lamp-meshopt.glb'), { compress: 'meshopt', textureFormat: 'keep' });
      const meshopt = await readFile(join(dir, 'lamp-meshopt.glb'));
      // A shop's CDN: another origin ("localhost", the endpoint is 127.0.0.1).
      cdn = createServer((req, res) => {
        if (req.url !== '/lamp-meshopt.glb') return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': 'model/gltf-binary', 'Access-Control-Allow-Origin': '*' }).end(meshopt);
      });
      await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
      cdnUrl = `http://localhost:${(cdn.address() as AddressInfo).port}`;
      ep = await startEndpoint({ backend, app: { sites: [{ prefix: '/models', dir }] } });
      await seedTestTown(ep.url);
      browser = await launch({ executablePath: chrome, headless: true, args: chromeArgs() });
    });

    after(async () => {
      await browser?.close();
      await ep?.close();
      await new Promise((resolve) => cdn?.close(resolve));
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const setModel = async (glb_url: string) => {
      const res = await fetch(`${ep.url}/v1/products/${LAMP}/model`, {
        method: 'PUT', headers: adminHeaders, body: JSON.stringify({ glb_url, dimensions_m: { width: 0.3, height: 0.5, depth: 0.3 } }),
      });
      assert.equal(res.status, 200, await res.text());
    };

    const viewerReady = async (page: Page) => {
      // Until the viewer is done, or the policy stopped something (which may leave it waiting for ever).
      await page.waitForFunction(
        () => (window as unknown as { __cspBreached?: boolean }).__cspBreached || ['ready', 'error', 'no-model'].includes(document.querySelector('citylab-ar-viewer')?.getAttribute('state') ?? ''),
        { timeout: 90_000 },
      );
      return page.evaluate(() => ({
        state: document.querySelector('citylab-ar-viewer')!.getAttribute('state'),
        fetched: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + (new URL(e.name).origin === location.origin ? '' : ` @${new URL(e.name).origin}`)),
      }));
    };

    it('the AR page shows a Draco model from the endpoint: SDK, model-viewer, decoder, worker, all within the policy', async () => {
      await setModel('/models/lamp-draco.glb');
      const { page, violations } = await watch(browser, `${ep.url}/ar/${LAMP}`);
      const { state, fetched } = await viewerReady(page);
      noViolations(violations);
      assert.equal(state, 'ready');
      assert.ok(fetched.includes('/sdk/citylab.js'), 'the SDK from the endpoint');
      assert.ok(fetched.some((f) => f.startsWith('/sdk/decoders/draco')), `the Draco decoder from the endpoint: ${fetched.join(', ')}`);
      assert.ok(fetched.includes('/models/lamp-draco.glb'));
      await page.close();
    });

    it('the AR page shows a meshopt model from a shop\'s CDN, whose host only this product\'s page may reach', async () => {
      await setModel(`${cdnUrl}/lamp-meshopt.glb`);
      const { page, violations } = await watch(browser, `${ep.url}/ar/${LAMP}`);
      const { state, fetched } = await viewerReady(page);
      noViolations(violations);
      assert.equal(state, 'ready');
      assert.ok(fetched.includes(`/lamp-meshopt.glb @${cdnUrl}`), fetched.join(', '));
      // The meshopt decoder is the one three.js bundles (no script tag of model-viewer's, see
      // rollup.config.mjs): nothing is fetched for it, from a CDN or anywhere.
      assert.ok(!fetched.some((f) => f.includes('meshopt_decoder')), fetched.join(', '));
      await page.close();
    });

    it('the reservation page shows the reservation from the e-mail link and cancels it, without an inline script', async () => {
      const res = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { name: 'Erika Mustermann', email: 'erika@example.org' } }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const r = Reservation.parse(await res.json());

      const { page, violations } = await watch(browser, `${ep.url}/r/${r.id}#token=${r.customer_token}`);
      await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 1 });
      await page.waitForSelector('.code');
      assert.equal(await page.$eval('.code', (el) => el.textContent), r.code);
      const text = async () => (await page.$eval('main', (el) => (el as HTMLElement).innerText)).replace(/[\s\u00a0\u202f]+/g, ' ');
      // What a shopper needs (issue 13): from when, until when (with "Uhr"), the price, the shop's hours, phone and route.
      const shown = await text();
      assert.match(shown, /Reserviert/);
      assert.match(shown, /Abholbereit ab \S+\., \d+\. \S+ um \d\d:\d\d Uhr/);
      assert.match(shown, /Reserviert bis \S+\., \d+\. \S+ um \d\d:\d\d Uhr/);
      assert.match(shown, /Preis 89,00 € · Bezahlt wird im Geschäft\./);
      assert.match(shown, /Öffnungszeiten Mo–Fr 09:30–13:00, 14:30–18:30 Uhr Sa 09:30–14:00 Uhr So geschlossen/);
      assert.equal(await page.$eval('a[href^="tel:"]', (a) => a.getAttribute('href')), 'tel:+4929311234');
      assert.match(await page.$eval('a[href*="openstreetmap.org"]', (a) => a.getAttribute('href') ?? ''), /Alter%20Markt%203/);
      // The QR code of the pickup code, drawn (dark and light modules), by the encoder the endpoint serves itself.
      await page.waitForFunction(() => {
        const c = document.querySelector('canvas.qr') as HTMLCanvasElement | null;
        if (!c || c.width < 21) return false;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
        return dark > 50 && dark < (d.length / 4) * 0.8;
      });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll at 360 px');
      // Cancel asks once; "Nein, behalten" keeps it.
      await page.click('#cancel');
      await page.waitForSelector('#confirm');
      assert.match(await text(), /wirklich stornieren/);
      await page.click('#keep');
      await page.waitForSelector('#cancel');
      assert.equal((await ep.storage.getReservation(r.id))!.status, 'held');
      await page.click('#cancel');
      await page.waitForSelector('#confirm');
      await page.click('#confirm');
      await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Storniert'));
      assert.equal((await ep.storage.getReservation(r.id))!.status, 'cancelled');
      // Shown as cancelled: no pickup code, no QR code, no cancel button.
      assert.equal(await page.$('.code'), null);
      assert.equal(await page.$('canvas.qr'), null);
      assert.equal(await page.$('#cancel'), null);
      assert.match(await text(), /Diese Reservierung ist storniert\./);
      noViolations(violations);

      // The policy is enforced, not just sent: an injected inline script does not run, another host is not reached.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.append(s);
      });
      const reached = await page.evaluate((url) => fetch(url).then(() => true, () => false), `${cdnUrl}/lamp-meshopt.glb`);
      assert.equal(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false), false);
      assert.equal(reached, false);
      assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
      assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
      await page.close();
    });

    it('the reservation page says so when the link is incomplete', async () => {
      const { page, violations } = await watch(browser, `${ep.url}/r/res_unknown#token=cl_ct_wrong`);
      await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('finden wir nicht'));
      noViolations(violations);
      await page.close();
    });
  });
}

/**
 * The demo town's product page on a throttled phone (issue 13), in headless Chromium through
 * puppeteer-core: 4× CPU slowdown, "slow 4G" (562.5 ms round trip, 1.47 Mbit/s down, as
 * Lighthouse's mobile preset), a 360 × 740 touch viewport, an empty cache each run. Three
 * pages, measured in the same run, medians over `BENCH_PHONE_RUNS` (default 3):
 *
 * - ours: the page as the demo builds it (the README's snippet, the three elements);
 * - baseline "no SDK": the same page without the snippet (the tags stay, undefined);
 * - baseline "model-viewer": the snippet replaced by <model-viewer>'s own script and the viewer's
 *   tag by <model-viewer> with the same model and poster (Google's snippet).
 *
 * Figures: CLS (the page's layout-shift entries), JavaScript transferred before any interaction
 * (gzip -9 of each .js the page fetched, so the figure does not depend on the server's
 * compression), and when the page's content is there (ours: all three elements show content;
 * the baselines: the load event, or <model-viewer> defined with its poster).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../src/models/chrome.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const MV_PATH = '/bench/model-viewer.min.js';
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };

export interface PhoneFigures {
  cls: number;
  jsGzip: number;
  /** ms from navigation start until the page's content is there (see the module comment). */
  content: number;
}
/** The insights beacon (issue 12), on our page: before a tap, and in the 3 s after one. */
export interface BeaconFigures {
  /** Requests to /v1/events before the tap (the goal: none). */
  before: number;
  /** Requests to /v1/events in the 3 s after the tap. */
  after: number;
  /** Long tasks (over 50 ms) in the 3 s after the tap, and their total ms. */
  longTasks: number;
  longMs: number;
}
export interface PhoneResult {
  page: string;
  /** Our page counting (as shipped), and the baseline: the same page in a browser sending Global Privacy Control (the elements count nothing). */
  beacon: { counting: BeaconFigures; baseline: BeaconFigures };
  ours: PhoneFigures;
  noSdk: PhoneFigures;
  modelViewer: PhoneFigures;
  runs: number;
}

function startDemo(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/scripts/serve.ts', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, CITYLAB_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`demo server exited ${code}: ${out}`)));
  });
}

/** A product page of the demo with all three elements (the first one found). */
function productPage(): string {
  const shops = join(ROOT, 'demo', 'dist', 'shops');
  for (const shop of readdirSync(shops)) {
    for (const file of readdirSync(join(shops, shop)).filter((f) => /^\d+\.html$/.test(f))) {
      const html = readFileSync(join(shops, shop, file), 'utf8');
      if (['citylab-ar-viewer', 'citylab-store-finder', 'citylab-click-collect'].every((t) => html.includes(`<${t}`))) return `/demo/shops/${shop}/${file}`;
    }
  }
  throw new Error('no demo product page with all three elements (npm run build:demo)');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function phoneFigures(): Promise<PhoneResult> {
  const chrome = findChrome();
  if (!chrome) throw new Error('no Chrome or Chromium found (set CHROME_PATH)');
  const dir = mkdtempSync(join(tmpdir(), 'citylab-bench-phone-'));
  const demo = await startDemo(join(dir, 'demo.db'));
  const require = createRequire(import.meta.url);
  const mvFile = gzipSync(readFileSync(require.resolve('@google/model-viewer/dist/model-viewer.min.js')), { level: 9 });
  // Every page is served from one origin in front of the demo: the variants' HTML and model-viewer's
  // own script (gzip, as a CDN sends it) from here, everything else passed on to the demo. The
  // first version answered the variants' documents through puppeteer's request interception and
  // model-viewer from a second loopback port: Chromium's Local Network Access then refused the
  // script ("Permission was denied for this request to access the loopback address space"), so
  // <model-viewer> was never defined and the run waited out its 120 s for content.
  const variants = new Map<string, string>();
  const front: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://front');
    if (u.pathname === MV_PATH) return void res.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip' }).end(mvFile);
    const variant = variants.get(u.searchParams.get('variant') ?? '');
    if (variant !== undefined) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(variant);
    const upstream = httpRequest(new URL(req.url ?? '/', demo.url), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  const browser: Browser = await launch({ executablePath: chrome, headless: true, args: chromeArgs() });
  const gzCache = new Map<string, number>();
  const gzOf = async (url: string) => {
    if (!gzCache.has(url)) gzCache.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length);
    return gzCache.get(url)!;
  };
  try {
    const path = productPage();
    const url = origin + path;
    const original = await (await fetch(url)).text();
    const snippet = /<!-- CityLab:[^>]*-->\s*<link rel="stylesheet" href="\/sdk\/citylab\.css">\s*<script type="module" src="\/sdk\/citylab\.js"><\/script>/;
    if (!snippet.test(original)) throw new Error(`${path} does not carry the README's snippet`);
    const gtin = /<citylab-ar-viewer gtin="(\d+)"/.exec(original)![1]!;
    const product = (await (await fetch(`${demo.url}/v1/products/${gtin}`)).json()) as { model?: { glb_url: string; poster_url?: string } };
    const pages: Record<'ours' | 'noSdk' | 'modelViewer', string | undefined> = {
      ours: undefined,
      noSdk: original.replace(snippet, ''),
      modelViewer: original
        .replace(snippet, `<script type="module" src="${MV_PATH}"></script>`)
        .replace(/<citylab-ar-viewer[^>]*><\/citylab-ar-viewer>/, `<model-viewer src="${product.model?.glb_url}" poster="${product.model?.poster_url ?? ''}" alt="3D" ar camera-controls style="display:block;width:100%;aspect-ratio:1"></model-viewer>`),
    };
    const contentReady = {
      ours: `['citylab-ar-viewer','citylab-click-collect','citylab-store-finder'].every((t) => { const e = document.querySelector(t); return e && e.shadowRoot && (t === 'citylab-ar-viewer' ? !e.shadowRoot.querySelector('.stage.pending') : t === 'citylab-click-collect' ? !['idle','loading'].includes(e.getAttribute('status')) : e.shadowRoot.querySelector('.offer:not(.skeleton), .message')); })`,
      noSdk: `document.readyState === 'complete'`,
      modelViewer: `!!customElements.get('model-viewer') && !!document.querySelector('model-viewer').shadowRoot`,
    };
    const runs: Record<keyof typeof pages, PhoneFigures[]> = { ours: [], noSdk: [], modelViewer: [] };
    const beacons: Record<'counting' | 'baseline', BeaconFigures[]> = { counting: [], baseline: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ['counting', 'baseline'] as const) beacons[mode].push(await tapFigures(browser, url, contentReady.ours, mode === 'baseline'));
      for (const kind of Object.keys(pages) as (keyof typeof pages)[]) {
        const context = await browser.createBrowserContext();
        const tab = await context.newPage();
        try {
          await throttledPhone(tab);
          const body = pages[kind];
          if (body !== undefined) variants.set(kind, body);
          const problems: string[] = [];
          tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
          tab.on('pageerror', (e) => problems.push(String(e)));
          tab.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
          await tab.evaluateOnNewDocument(`window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`);
          await tab.goto(body === undefined ? url : `${url}?variant=${kind}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
          const content = (await tab.waitForFunction(`(${contentReady[kind]}) && performance.now()`, { timeout: 120_000, polling: 'raf' }).then(
            (h) => h.jsonValue(),
            async (err: Error) => {
              const seen = await tab.evaluate(`document.readyState + ' ' + [...document.querySelectorAll('citylab-ar-viewer, citylab-click-collect, citylab-store-finder, model-viewer')].map((e) => e.localName + (e.shadowRoot ? ' (rendered: ' + e.shadowRoot.textContent.trim().slice(0, 60) + ')' : ' (no shadow root)')).join('; ')`);
              throw new Error(`${kind}: the page's content did not show (${err.message}); the page has: ${seen}; problems: ${problems.join(' | ')}`);
            },
          )) as number;
          await tab.waitForNetworkIdle({ idleTime: 2000, timeout: 120_000 });
          const { cls, scripts } = (await tab.evaluate(
            `({ cls: window.__cls, scripts: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => new URL(n).pathname.endsWith('.js')) })`,
          )) as { cls: number; scripts: string[] };
          let jsGzip = 0;
          for (const s of scripts) jsGzip += await gzOf(s);
          runs[kind].push({ cls, jsGzip, content });
        } finally {
          await context.close();
        }
      }
    }
    const summarise = (xs: PhoneFigures[]): PhoneFigures => ({ cls: median(xs.map((x) => x.cls)), jsGzip: median(xs.map((x) => x.jsGzip)), content: median(xs.map((x) => x.content)) });
    const beaconMedian = (xs: BeaconFigures[]): BeaconFigures => ({ before: median(xs.map((x) => x.before)), after: median(xs.map((x) => x.after)), longTasks: median(xs.map((x) => x.longTasks)), longMs: median(xs.map((x) => x.longMs)) });
    return { page: path, beacon: { counting: beaconMedian(beacons.counting), baseline: beaconMedian(beacons.baseline) }, ours: summarise(runs.ours), noSdk: summarise(runs.noSdk), modelViewer: summarise(runs.modelViewer), runs: RUNS };
  } finally {
    await browser.close();
    await new Promise((r) => front.close(r));
    demo.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our page on the throttled phone until its content shows and the network is quiet, then one tap
 * on the page's own text (no element's control): how many beacons went before and after it, and the
 * long tasks in the 3 s after. With `gpc`, the browser sends Global Privacy Control: the elements
 * count nothing, which makes the same page and tap the baseline.
 */
async function tapFigures(browser: Browser, url: string, ready: string, gpc: boolean): Promise<BeaconFigures> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  try {
    await throttledPhone(tab);
    if (gpc) await tab.evaluateOnNewDocument(`Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })`);
    await tab.evaluateOnNewDocument(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });`);
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await tab.waitForFunction(ready, { timeout: 120_000, polling: 'raf' });
    await tab.waitForNetworkIdle({ idleTime: 2000, timeout: 120_000 });
    const beaconsSent = `performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/events')).length`;
    const before = (await tab.evaluate(beaconsSent)) as number;
    const tappedAt = (await tab.evaluate('performance.now()')) as number;
    const heading = await tab.$('h1');
    const box = heading ? await heading.boundingBox() : null;
    await tab.touchscreen.tap(box ? box.x + 5 : 10, box ? box.y + 5 : 10);
    await new Promise((r) => setTimeout(r, 3000));
    const after = ((await tab.evaluate(beaconsSent)) as number) - before;
    const long = ((await tab.evaluate('window.__long')) as [number, number][]).filter(([start]) => start >= tappedAt);
    return { before, after, longTasks: long.length, longMs: Math.round(long.reduce((n, [, d]) => n + d, 0)) };
  } finally {
    await context.close();
  }
}

/** A 360 px touch phone with 4× slower CPU, slow 4G and an empty cache. */
async function throttledPhone(tab: Page): Promise<void> {
  await tab.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

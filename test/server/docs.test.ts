/**
 * `/docs/` over real HTTP on each backend: the index and each element's page carry
 * everything the installed citylab-sdk's custom-elements.json documents (every
 * attribute, property, event, slot, CSS part and custom property, each with its
 * words and types), with strict headers, no inline script and escaped output. Then, in
 * headless Chromium at 360 px, each page's live example shows the test town's data
 * from this endpoint, without a CSP violation and without getting wider than the phone.
 *
 * Needs `npm run build` (the manifest and /sdk/citylab.js) and Chromium (CHROME_PATH or on PATH).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildModels } from '../../demo/scripts/models.js';
import { chromeArgs, findChrome } from '../../src/models/chrome.js';
import { optimizeModel } from '../../src/models/optimize.js';
import type { Availability } from '../../src/sdk/contract/schemas.js';
import { SDK_MANIFEST } from '../../src/server/package-files.js';
import { LAMP, VASE, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, startEndpoint, tempDir, type RunningEndpoint } from './harness.js';

interface Described {
  name: string;
  summary?: string;
  description?: string;
}
interface Declaration extends Described {
  customElement?: boolean;
  tagName?: string;
  attributes?: (Described & { type?: { text: string }; fieldName?: string })[];
  members?: (Described & { kind: string; privacy?: string; type?: { text: string } })[];
  events?: (Described & { type?: { text: string } })[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

/** The elements as the installed manifest has them: the truth the pages must show. */
const manifest = JSON.parse(readFileSync(SDK_MANIFEST, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is Declaration & { tagName: string } => !!d.customElement && !!d.tagName);

/** Text of some HTML as a reader sees it, without any white space (so markup around `code` does not matter). */
const squash = (s: string) => s.replace(/\s+/g, '');
const textOf = (markup: string) =>
  squash(
    markup
      .replace(/<[^>]*>/g, '')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
/** JSDoc words as the page shows them: backticks become <code>. */
const words = (s: string | undefined) => squash((s ?? '').replace(/`/g, ''));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of one documented entry (`<article class="api" id="attribute-gtin">`). */
function entry(page: string, id: string): string {
  const match = new RegExp(`<article class="api" id="${escapeRegExp(id)}">([\\s\\S]*?)</article>`).exec(page);
  assert.ok(match, `the page has no entry #${id}`);
  return textOf(match[1]!);
}

function expectDocumented(page: string, id: string, item: Described & { type?: { text: string } }, what: string): void {
  const text = entry(page, id);
  assert.ok(text.includes(squash(item.name)), `${what}: its name`);
  if (item.summary) assert.ok(text.includes(words(item.summary)), `${what}: its summary`);
  assert.ok(text.includes(words(item.description)), `${what}: its description "${item.description}"`);
  if (item.type) assert.ok(text.includes(squash(item.type.text)), `${what}: its type ${item.type.text}`);
}

function expectStrictHeaders(res: Response, what: string): void {
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', what);
  const csp = new Map(
    (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
  assert.deepEqual(csp.get('default-src'), ["'none'"], `${what}: default-src`);
  assert.ok(csp.get('script-src')?.includes("'self'"), `${what}: script-src 'self'`);
  for (const source of csp.get('script-src') ?? []) {
    assert.ok(["'self'", "'wasm-unsafe-eval'"].includes(source), `${what}: script-src allows ${source}`);
  }
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(csp.get('base-uri'), ["'none'"], `${what}: base-uri`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
}

/** Scripts only by `src` from this endpoint, no handler attributes, no inline style of our own. */
function expectNoInlineCode(page: string, what: string): void {
  assert.match(page, /^<!doctype html>\n<html lang="en">/, `${what}: an English page`);
  for (const [, attributes, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(attributes!, /\ssrc="\/sdk\/citylab\.js"/, `${what}: a script without src`);
    assert.equal(body, '', `${what}: an inline script`);
  }
  assert.doesNotMatch(page, /<[^>]+\son[a-z]+\s*=/i, `${what}: an event handler attribute`);
  assert.doesNotMatch(page, /<style\b|<[^>]+\sstyle\s*=/i, `${what}: inline style`);
}

for (const backend of BACKENDS) {
  describe(`/docs/ on ${backend}`, () => {
    let ep: RunningEndpoint;
    const get = async (path: string) => {
      const res = await fetch(`${ep.url}${path}`, { redirect: 'manual' });
      return { res, page: await res.text() };
    };

    before(async () => {
      ep = await startEndpoint({ backend });
      await seedTestTown(ep.url);
    });
    after(() => ep.close());

    it('the manifest has the elements to document', () => {
      assert.ok(elements.length >= 2, `custom-elements.json documents ${elements.length} registered elements`);
    });

    it('the index links every element of the manifest with its summary, and tells shop pages how to load the SDK', async () => {
      const { res, page } = await get('/docs/');
      assert.equal(res.status, 200);
      expectStrictHeaders(res, '/docs/');
      expectNoInlineCode(page, '/docs/');
      for (const element of elements) {
        assert.ok(page.includes(`<a href="/docs/${element.tagName}">`), `a link to <${element.tagName}>`);
        if (element.summary) assert.ok(textOf(page).includes(words(element.summary)), `the summary of <${element.tagName}>`);
      }
      assert.ok(textOf(page).includes(squash(`<script type="module" src="${ep.url}/sdk/citylab.js"></script>`)), 'the snippet with this endpoint');
      assert.ok(textOf(page).includes('Testhausen'), "the town's name");
    });

    for (const element of elements) {
      it(`<${element.tagName}>: every attribute, property, event, slot, part and CSS property of the manifest, with its words`, async () => {
        const { res, page } = await get(`/docs/${element.tagName}`);
        assert.equal(res.status, 200);
        expectStrictHeaders(res, element.tagName);
        expectNoInlineCode(page, element.tagName);
        const text = textOf(page);
        if (element.summary) assert.ok(text.includes(words(element.summary)), 'the summary');
        assert.ok(text.includes(words(element.description)), 'the description');

        for (const a of element.attributes ?? []) expectDocumented(page, `attribute-${a.name}`, a, `attribute ${a.name}`);
        for (const m of (element.members ?? []).filter((m) => m.kind === 'field' && (!m.privacy || m.privacy === 'public'))) {
          expectDocumented(page, `property-${m.name}`, m, `property ${m.name}`);
        }
        for (const e of element.events ?? []) expectDocumented(page, `event-${e.name}`, e, `event ${e.name}`);
        for (const s of element.slots ?? []) expectDocumented(page, `slot-${s.name || 'default'}`, s, `slot ${s.name}`);
        for (const p of element.cssParts ?? []) expectDocumented(page, `css-part-${p.name}`, p, `part ${p.name}`);
        for (const p of element.cssProperties ?? []) expectDocumented(page, `css-property-${p.name}`, p, `CSS property ${p.name}`);
        // Nothing more than the manifest says: as many entries as it has things.
        const counted = (element.attributes ?? []).length + (element.events ?? []).length + (element.slots ?? []).length + (element.cssParts ?? []).length + (element.cssProperties ?? []).length;
        assert.equal(page.match(/<article class="api" id="(attribute|event|slot|css-part|css-property)-/g)?.length ?? 0, counted);
      });
    }

    it('escapes what it prints: markup in the manifest and in the address stays text', async () => {
      // The viewer's JSDoc names another element in backticks: shown as code, never as a tag.
      const withTag = elements.flatMap((e) => (e.events ?? []).map((ev) => ({ tag: e.tagName, ev }))).find(({ ev }) => /<[a-z]+-[a-z-]+>/.test(ev.description ?? ''));
      assert.ok(withTag, 'an event description that names an element');
      const { page } = await get(`/docs/${withTag.tag}`);
      const [, named] = /<([a-z]+-[a-z-]+)>/.exec(withTag.ev.description!)!;
      const raw = /<article class="api" id="event-[^"]+">[\s\S]*?<\/article>/g;
      const item = [...page.matchAll(raw)].map((m) => m[0]).find((m) => m.includes(`id="event-${withTag.ev.name}"`))!;
      assert.ok(item.includes(`&#60;${named}&#62;`), 'the element name escaped');
      assert.ok(!item.includes(`<${named}>`), 'no live tag from the manifest');

      for (const query of ['?store=%3Cscript%3Ealert(1)%3C/script%3E', '?gtin=%22%3E%3Cscript%3E']) {
        const { res, page: answer } = await get(`/docs/${elements[0]!.tagName}${query}`);
        assert.equal(res.status, 400, query);
        assert.ok(!answer.includes('<script>'), `${query}: echoed as markup`);
      }
    });

    it('shows a product the town has, and ?gtin= and ?store= choose another', async () => {
      const takesStore = elements.find((e) => (e.attributes ?? []).some((a) => a.name === 'store'))!;
      const { page } = await get(`/docs/${takesStore.tagName}`);
      const [, gtin, store] = new RegExp(`<${takesStore.tagName} gtin="(\\d+)" store="([a-z0-9-]+)"></${takesStore.tagName}>`).exec(page) ?? [];
      assert.ok(gtin && store, 'the live example has a product and a shop');
      const availability = (await (await fetch(`${ep.url}/v1/availability?gtin=${gtin}`)).json()) as Availability;
      const offer = availability.offers.find((o) => o.store.id === store);
      assert.ok(offer && offer.availability !== 'out_of_stock', `the example's shop has it in stock (${offer?.availability})`);
      assert.ok(textOf(page).includes(squash(availability.product.name)), "the product's name");

      const chosen = await get(`/docs/${takesStore.tagName}?gtin=${VASE}&store=keramik-koenig`);
      assert.ok(chosen.page.includes(`<${takesStore.tagName} gtin="${VASE}" store="keramik-koenig"></${takesStore.tagName}>`));
      assert.ok(textOf(chosen.page).includes('VaseRuhr') && textOf(chosen.page).includes('KeramikKönig'));
      const byProduct = await get(`/docs/${takesStore.tagName}?gtin=${VASE}`);
      assert.match(byProduct.page, new RegExp(`<${takesStore.tagName} gtin="${VASE}" store="(licht-haus|keramik-koenig)">`), 'a shop that has the vase');
    });

    it('/docs leads to /docs/; an unknown element is a 404; the stylesheet is a file', async () => {
      const { res } = await get('/docs');
      assert.equal(res.status, 301);
      assert.equal(res.headers.get('location'), '/docs/');
      assert.equal((await get('/docs/citylab-nothing')).res.status, 404);
      const css = await get('/docs/docs.css');
      assert.equal(css.res.status, 200);
      assert.equal(css.res.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal(css.res.headers.get('x-content-type-options'), 'nosniff');
    });
  });
}

describe('/docs/ in Chromium at 360 px: each live example shows the town’s data from this endpoint', () => {
  let ep: RunningEndpoint;
  let browser: Browser;
  /** A demo model made small by the model pipeline (meshopt: decoded by WebAssembly), served at /models/. */
  const models = tempDir();
  let model: { glb: string; dimensions_m: { width: number; height: number; depth: number } };

  before(async () => {
    const [built] = await buildModels(join(models, 'raw'));
    await optimizeModel(built!.glb, join(models, 'model.glb'));
    model = { glb: join(models, 'model.glb'), dimensions_m: built!.dimensions_m };
    ep = await startEndpoint({ app: { sites: [{ prefix: '/models', dir: models }] } });
    await seedTestTown(ep.url);
    const executablePath = findChrome();
    assert.ok(executablePath, 'Chromium (CHROME_PATH or on PATH)');
    browser = await puppeteer.launch({ executablePath, headless: true, args: chromeArgs() });
  });
  after(async () => {
    await browser?.close();
    await ep?.close();
    rmSync(models, { recursive: true, force: true });
  });

  /** A phone-sized page that records every CSP violation from before its first script. */
  async function phonePage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = ((globalThis as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return page;
  }
  const violations = (page: Page) => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);

  for (const element of elements) {
    it(`<${element.tagName}>`, async () => {
      const page = await phonePage();
      try {
        const html = await (await fetch(`${ep.url}/docs/${element.tagName}`)).text();
        const [, gtin, store] = new RegExp(`<${element.tagName} gtin="(\\d+)"(?: store="([a-z0-9-]+)")?>`).exec(html) ?? [];
        assert.ok(gtin, 'the example has a product');
        const availability = (await (await fetch(`${ep.url}/v1/availability?gtin=${gtin}`)).json()) as Availability;
        // The example's own shop (the finder shows it first), else the first shop the endpoint names.
        const shop = (availability.offers.find((o) => o.store.id === store) ?? availability.offers[0])!.store.name;

        await page.goto(`${ep.url}/docs/${element.tagName}`, { waitUntil: 'load' });
        // Data only the endpoint has: a shop's name, an availability state, a count of shops.
        const shown = await page.waitForFunction(
          (tag: string, shopName: string) => {
            const el = document.querySelector(tag);
            const text = (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
            if (tag === 'citylab-store-finder') return text.includes(shopName) && text;
            if (tag === 'citylab-click-collect') return ['available', 'elsewhere'].includes(el?.getAttribute('status') ?? '') && text;
            if (tag === 'citylab-ar-viewer') return el?.shadowRoot?.querySelector('[part~="stock-button"]')?.textContent?.replace(/\s+/g, ' ').trim();
            return el?.shadowRoot && text.trim();
          },
          { timeout: 15_000, polling: 100 },
          element.tagName,
          shop,
        );
        const text = String(await shown.jsonValue());
        if (element.tagName === 'citylab-ar-viewer') {
          const inShop = new Set(availability.offers.filter((o) => o.availability !== 'out_of_stock').map((o) => o.store.id)).size;
          assert.match(text, new RegExp(`\\b${inShop} Geschäft`), `"${text}" counts the shops that have it`);
        }

        const { width, lang } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, lang: document.documentElement.lang }));
        assert.equal(lang, 'en');
        assert.deepEqual(await violations(page), [], 'CSP violations');
        assert.ok(width <= 360, `the page is ${width} px wide on a 360 px phone`);
      } finally {
        await page.close();
      }
    });
  }

  it('<citylab-ar-viewer>: the 3D view works under the page’s CSP (the engine, the WebAssembly decoder, the model)', async () => {
    assert.ok(readFileSync(model.glb).includes('EXT_meshopt_compression'), 'the model needs the meshopt decoder');
    const attach = await fetch(`${ep.url}/v1/products/${LAMP}/model`, {
      method: 'PUT',
      headers: adminHeaders,
      body: JSON.stringify({ glb_url: `${ep.url}/models/model.glb`, dimensions_m: model.dimensions_m }),
    });
    assert.equal(attach.status, 200, await attach.text());
    const page = await phonePage();
    try {
      await page.goto(`${ep.url}/docs/citylab-ar-viewer?gtin=${LAMP}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('citylab-ar-viewer')?.shadowRoot?.querySelector('[part~="view-3d-button"]'), { timeout: 15_000 });
      // "In 3D ansehen": the engine arrives, then the model, decoded by the meshopt WebAssembly decoder.
      await page.evaluate(() => document.querySelector('citylab-ar-viewer')!.shadowRoot!.querySelector<HTMLElement>('[part~="view-3d-button"]')!.click());
      await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('citylab-ar-viewer')?.getAttribute('state') ?? ''), { timeout: 60_000 });
      assert.equal(await page.evaluate(() => document.querySelector('citylab-ar-viewer')!.getAttribute('state')), 'ready');
      assert.deepEqual(await violations(page), [], 'CSP violations');
    } finally {
      await page.close();
    }
  });
});

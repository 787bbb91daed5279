/**
 * The endpoint's routes for 3D and AR (`<citylab-ar-viewer>` and the model pipeline):
 *
 * - `GET /sdk/decoders/{file}`: the Draco, KTX2 and meshopt decoders a compressed
 *   model needs in the browser, as citylab-sdk ships them (`dist/decoders/`).
 *   model-viewer would otherwise fetch them from a Google CDN; the viewer points
 *   it here instead.
 * - `GET /ar/{gtin}[?back=<shop page>]`: a small page a phone opens from the
 *   viewer's QR code: the product in the viewer, one tap to AR, a link back to the
 *   shop.
 * - `PUT /v1/products/{gtin}/model` and `DELETE …` (town operator): attach a 3D
 *   model (made with `citylab-models`) to a product, or take it away.
 */
import type { Context, Hono } from 'hono';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as z from 'zod/mini';
import { Gtin, Model3D, type Product } from 'citylab-sdk/contract';
import { sameSecret } from './keys.js';
import { ProblemError, validationProblem } from './problem.js';
import type { Storage } from './storage/types.js';

export interface ArRoutesOptions {
  storage: Storage;
  adminKey?: string | undefined;
  /** The built citylab-sdk (its `decoders/` folder). */
  sdkDir?: string | undefined;
}

const DECODER_TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** A day: the file names stay the same when the packages that ship them are updated, so not `immutable`. */
const DECODER_CACHE = 'public, max-age=86400';

export function registerArRoutes(app: Hono, options: ArRoutesOptions): void {
  const { storage } = options;
  const decoderCache = new Map<string, Promise<Buffer>>();
  // Only the files the SDK ships: a name is looked up in this list, never joined into a path unchecked.
  const decoderDir = options.sdkDir ? join(options.sdkDir, 'decoders') : undefined;
  const decoders = new Set(decoderDir ? safeList(decoderDir) : []);

  app.get('/sdk/decoders/:file', async (c) => {
    const name = c.req.param('file');
    const type = DECODER_TYPES[extname(name)];
    if (!decoderDir || !decoders.has(name) || !type) throw new ProblemError(404, 'not-found', `There is no decoder "${name}".`);
    let body = decoderCache.get(name);
    if (!body) {
      body = readFile(join(decoderDir, name));
      decoderCache.set(name, body);
      body.catch(() => decoderCache.delete(name));
    }
    // Shop pages on any origin fetch these (the WebAssembly files with fetch(), so CORS matters).
    return c.body(new Uint8Array(await body), 200, {
      'Content-Type': type,
      'Cache-Control': DECODER_CACHE,
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.get('/ar/:gtin', async (c) => {
    const lang = pickLang(c.req.header('Accept-Language'));
    const words = PAGE_WORDS[lang];
    const back = safeBackLink(c.req.query('back'));
    const gtin = Gtin.safeParse(c.req.param('gtin'));
    const product = gtin.success ? await storage.getProduct(gtin.data) : null;
    if (!product?.model) {
      return c.html(page(lang, words.notFoundTitle, `<h1>${escapeHtml(words.notFoundTitle)}</h1><p>${escapeHtml(words.notFound)}</p>`, back, words), 404, PAGE_HEADERS);
    }
    // The QR code's link ends in #citylab-ar=<gtin>: the viewer itself then says to tap "In Ihrem Raum ansehen".
    const body = `<h1>${escapeHtml(product.name)}</h1>
<citylab-ar-viewer gtin="${escapeHtml(product.gtin)}" loading="eager" reveal="auto"></citylab-ar-viewer>`;
    return c.html(page(lang, `${product.name} – ${words.title}`, body, back, words), 200, PAGE_HEADERS);
  });

  app.put('/v1/products/:gtin/model', async (c) => {
    requireAdmin(c);
    const product = await requireProduct(c.req.param('gtin'));
    const model = await readModel(c);
    const updated: Product = { ...product, model };
    await storage.putProducts([updated]);
    return c.json(updated);
  });

  app.delete('/v1/products/:gtin/model', async (c) => {
    requireAdmin(c);
    const product = await requireProduct(c.req.param('gtin'));
    const { model: _removed, ...rest } = product;
    await storage.putProducts([rest]);
    return c.json(rest);
  });

  function requireAdmin(c: Context): void {
    const header = c.req.header('Authorization');
    const key = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const unauthorized = (detail: string) =>
      new ProblemError(401, 'unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="citylab"' });
    if (!key) throw unauthorized('This route needs the town operator\'s key.');
    if (options.adminKey && sameSecret(key, options.adminKey)) return;
    throw key.startsWith('cl_sk_') ? new ProblemError(403, 'forbidden', 'Only the town operator may do this.') : unauthorized('The key is not valid.');
  }

  async function requireProduct(raw: string): Promise<Product> {
    const gtin = Gtin.safeParse(raw);
    if (!gtin.success) {
      const problem = validationProblem(gtin.error.issues, 'The GTIN');
      for (const e of problem.errors ?? []) e.path = e.path ? `gtin.${e.path}` : 'gtin';
      throw problem;
    }
    const product = await storage.getProduct(gtin.data);
    if (!product) throw new ProblemError(404, 'product-not-found', `No product with GTIN ${gtin.data} is known in this town.`);
    return product;
  }
}

const MODEL_KEYS = new Set(['glb_url', 'usdz_url', 'poster_url', 'dimensions_m']);
const DIMENSION_KEYS = new Set(['width', 'height', 'depth']);

async function readModel(c: Context): Promise<z.infer<typeof Model3D>> {
  const media = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (media !== 'application/json') throw new ProblemError(415, 'unsupported-media-type', 'Send the model as application/json.');
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch (err) {
    throw new ProblemError(400, 'malformed-json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  // The contract's Model3D strips unknown keys (for forward-compatible responses); a request must not have any.
  const stray: string[] = [];
  if (isObject(data)) {
    for (const key of Object.keys(data)) if (!MODEL_KEYS.has(key)) stray.push(key);
    if (isObject(data.dimensions_m)) {
      for (const key of Object.keys(data.dimensions_m)) if (!DIMENSION_KEYS.has(key)) stray.push(`dimensions_m.${key}`);
    }
  }
  if (stray.length) {
    throw new ProblemError(400, 'validation-failed', `The model is not valid: unknown field ${stray[0]}.`, stray.map((path) => ({ path, reason: 'unknown field' })));
  }
  const parsed = Model3D.safeParse(data);
  if (!parsed.success) throw validationProblem(parsed.error.issues, 'The model');
  return parsed.data;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ------------------------------------------------------------------ landing page

type Lang = 'de' | 'en';

const PAGE_WORDS = {
  de: {
    title: 'in Ihrem Raum ansehen',
    back: (host: string) => `Zurück zu ${host}`,
    notFoundTitle: 'Keine 3D-Ansicht gefunden',
    notFound: 'Zu diesem Produkt gibt es hier keine 3D-Ansicht. Vielleicht ist der Link veraltet.',
  },
  en: {
    title: 'view in your room',
    back: (host: string) => `Back to ${host}`,
    notFoundTitle: 'No 3D view found',
    notFound: 'There is no 3D view of this product here. The link may be out of date.',
  },
} as const;

const PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  // A public page without cookies; shop tools may check it from their own origin.
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
  // The shop page a shopper came from is nobody else's business.
  'Referrer-Policy': 'no-referrer',
};

function pickLang(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'de';
}

/** Only an absolute http(s) link may become "back to the shop". */
function safeBackLink(raw: string | undefined): URL | undefined {
  if (!raw || raw.length > 2000) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(lang: Lang, title: string, main: string, back: URL | undefined, words: (typeof PAGE_WORDS)[Lang]): string {
  const backLink = back ? `<p><a href="${escapeHtml(back.href)}">← ${escapeHtml(words.back(back.host))}</a></p>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<script type="module" src="/sdk/citylab.js"></script>
<style>
  body { margin: 0 auto; max-width: 40rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #1d1d1b; background: #fff; }
  h1 { font-size: 1.375rem; margin: 0.5rem 0 1rem; }
  citylab-ar-viewer { margin-bottom: 1rem; }
  a { color: #0b5cad; }
</style>
</head>
<body>
${backLink}
<main>
${main}
</main>
</body>
</html>
`;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Figures for <citylab-ar-viewer> (issue 5), measured in headless Chromium:
 *
 * - `arViewerBytes()`: JavaScript a product page downloads before the shopper
 *   interacts, with one <citylab-ar-viewer> (the script-tag bundle, dist/citylab.js)
 *   next to the same page embedding <model-viewer> directly (its own
 *   model-viewer.min.js, as Google's snippet does). Both served gzip-compressed
 *   from one local server; bytes are what the browser's Resource Timing says it
 *   transferred for .js files (bodies plus headers). Needs `npm run build` first.
 * - `demoModelReduction()`: what the model pipeline (`citylab-models optimize`)
 *   does to the demo town's generated models.
 * - `gltfpackComparison()`: the same generated models through `citylab-models optimize` and
 *   through gltfpack -cc (meshoptimizer's own tool, the npm package), byte for byte.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from 'puppeteer-core';
import { buildArModels, type ArModel } from '../../demo/scripts/ar-models.js';
import { buildModels } from '../../demo/scripts/models.js';
import { optimizeModel } from '../../src/models/optimize.js';
import { chromeArgs, findChrome } from '../../src/models/chrome.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

const page = (head: string, body: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vase Möhne – Keramik König</title>${head}
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem} .media{width:480px}</style></head>
<body><h1>Vase Möhne, Seladon glasiert</h1><div class="media">${body}</div>
<p>Bauchige Vase aus Steinzeug, von Hand gedreht. 59,00 €</p></body></html>`;

/** A product page with the model in the first screen, both ways. */
function pages(origin: string): Record<string, string> {
  return {
    '/ours.html': page(
      '<script type="module" src="/sdk/citylab.js"></script>',
      `<citylab-ar-viewer src="/models/vase.glb" poster="/models/vase-poster.webp" alt="Vase Möhne" endpoint="${origin}"></citylab-ar-viewer>`,
    ),
    // Google's snippet: the library's script tag and the element with a poster.
    '/direct.html': page(
      '<script type="module" src="/mv/model-viewer.min.js"></script>',
      '<model-viewer src="/models/vase.glb" poster="/models/vase-poster.webp" alt="Vase Möhne" ar camera-controls style="width:480px;height:480px"></model-viewer>',
    ),
  };
}

async function serveFiles(models: string): Promise<Server> {
  const require = createRequire(import.meta.url);
  const modelViewer = require.resolve('@google/model-viewer/dist/model-viewer.min.js');
  const cache = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = new URL(req.url ?? '/', origin).pathname;
    let body: Buffer | undefined;
    const generated = pages(origin)[path];
    try {
      if (generated) body = Buffer.from(generated);
      else if (path === '/mv/model-viewer.min.js') body = await readFile(modelViewer);
      else if (path.startsWith('/sdk/')) body = await readFile(join(ROOT, 'packages', 'citylab-sdk', 'dist', normalize(path.slice(5)).replace(/^(\.\.[/\\])+/, '')));
      else if (path.startsWith('/models/')) body = await readFile(join(models, normalize(path.slice(8)).replace(/^(\.\.[/\\])+/, '')));
    } catch {
      body = undefined;
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // Text is sent gzip-compressed, as any CDN or the endpoint's proxy would.
    if (/text|javascript|svg/.test(type) && /gzip/.test(String(req.headers['accept-encoding']))) {
      let gz = cache.get(path);
      if (!gz) {
        gz = gzipSync(body, { level: 9 });
        cache.set(path, gz);
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' }).end(gz);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Models for the pages: the build's (demo/dist/models), else made now without rendered posters. */
async function withModels<T>(fn: (dir: string, models: ArModel[]) => Promise<T>): Promise<T> {
  const built = join(ROOT, 'demo', 'dist', 'models');
  try {
    const manifest = JSON.parse(await readFile(join(built, 'models.json'), 'utf8')) as { models: Record<string, ArModel> };
    return await fn(built, Object.values(manifest.models));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const dir = await mkdtemp(join(tmpdir(), 'citylab-bench-models-'));
  try {
    return await fn(dir, await buildArModels(dir, { posters: 'svg' }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** JS bytes transferred before any interaction: one <citylab-ar-viewer> vs <model-viewer> directly. */
export async function arViewerBytes(): Promise<{ ours: number; direct: number }> {
  const chrome = findChrome();
  if (!chrome) throw new Error('no Chrome or Chromium found (set CHROME_PATH)');
  return withModels(async (models) => {
    const server = await serveFiles(models);
    const browser = await launch({ executablePath: chrome, headless: true, args: chromeArgs() });
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const measure = async (path: string) => {
        const tab = await browser.newPage();
        await tab.setViewport({ width: 1280, height: 900 });
        await tab.goto(origin + path, { waitUntil: 'networkidle0' });
        const bytes = await tab.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => new URL(e.name).pathname.endsWith('.js'))
            .reduce((sum, e) => sum + (e as PerformanceResourceTiming).transferSize, 0),
        );
        await tab.close();
        return bytes;
      };
      return { ours: await measure('/ours.html'), direct: await measure('/direct.html') };
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
}

export interface ModelReduction {
  name: string;
  before: number;
  after: number;
  triangles: number;
}

/** The demo models before and after `citylab-models optimize`. */
export async function demoModelReduction(): Promise<ModelReduction[]> {
  return withModels(async (_dir, models) =>
    models.map((m) => ({ name: m.name, before: m.sourceBytes, after: m.bytes, triangles: m.triangles })),
  );
}

export interface GltfpackComparison {
  name: string;
  source: number;
  ours: number;
  gltfpack: number;
}

/** The generated demo models, optimized by us and by gltfpack -cc. */
export async function gltfpackComparison(): Promise<GltfpackComparison[]> {
  const dir = await mkdtemp(join(tmpdir(), 'citylab-bench-gltfpack-'));
  try {
    const rows: GltfpackComparison[] = [];
    for (const source of await buildModels(dir)) {
      const ours = join(dir, `${source.name}.ours.glb`);
      const theirs = join(dir, `${source.name}.gltfpack.glb`);
      await optimizeModel(source.glb, ours);
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [join(ROOT, 'node_modules/gltfpack/cli.js'), '-i', source.glb, '-o', theirs, '-cc'], { stdio: 'ignore' });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gltfpack exited ${code} on ${source.name}`))));
      });
      rows.push({ name: source.name, source: source.bytes, ours: (await stat(ours)).size, gltfpack: (await stat(theirs)).size });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

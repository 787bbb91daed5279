/**
 * `citylab-models poster`: renders a model to an image with model-viewer in
 * headless Chromium (WebGL through SwiftShader), framed exactly as
 * `<citylab-ar-viewer>` frames it, on a transparent background.
 *
 * A throw-away HTTP server on 127.0.0.1 serves the page, model-viewer's own
 * bundle from node_modules, the model and the decoders; nothing else is fetched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { CAMERA_ORBIT, SHADOW_INTENSITY } from 'citylab-sdk/contract';
import { chromeArgs, findChrome } from './chrome.js';
import { modelViewerScript, sdkDecoders } from './decoders.js';
import { modelIO } from './io.js';

export interface PosterOptions {
  /** Pixels (default 1024 × 1024: the viewer's default box is square). */
  width?: number;
  height?: number;
  /** 0–1 for WebP and JPEG (default 0.9). */
  quality?: number;
  /** Defaults to findChrome(). */
  chromePath?: string;
  timeoutMs?: number;
}

export interface PosterResult {
  output: string;
  bytes: number;
  width: number;
  height: number;
  /** Share of pixels the model covers (not transparent), 0–1. */
  coverage: number;
}

const MIME: Record<string, string> = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

const page = (model: string) => `<!doctype html>
<html><head><meta charset="utf-8">
<style>html,body{margin:0;background:transparent}model-viewer{display:block;width:100vw;height:100vh;--poster-color:transparent}</style>
<script>self.ModelViewerElement = {
  dracoDecoderLocation: '/decoders/',
  ktx2TranscoderLocation: '/decoders/',
  meshoptDecoderLocation: '/decoders/meshopt_decoder.js',
  lottieLoaderLocation: '/decoders/no-lottie.js'
};</script>
<script type="module" src="/model-viewer.js"></script>
</head><body>
<model-viewer src="${model}" camera-orbit="${CAMERA_ORBIT}" shadow-intensity="${SHADOW_INTENSITY}" interaction-prompt="none" alt="poster"></model-viewer>
</body></html>`;

function serve(files: Map<string, { body: Buffer | string; type: string }>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

export interface PosterJob {
  input: string;
  output: string;
}

/** Renders one poster. */
export async function renderPoster(input: string, output: string, options: PosterOptions = {}): Promise<PosterResult> {
  const [result] = await renderPosters([{ input, output }], options);
  return result!;
}

/** Renders several posters with one browser. */
export async function renderPosters(jobs: readonly PosterJob[], options: PosterOptions = {}): Promise<PosterResult[]> {
  const width = options.width ?? 1024;
  const height = options.height ?? width;
  for (const job of jobs) {
    if (!MIME[extname(job.output).toLowerCase()]) {
      throw new Error(`write the poster as .webp, .png or .jpg, not ${extname(job.output) || 'a file without extension'}`);
    }
  }
  const chromePath = options.chromePath ?? findChrome();
  if (!chromePath) throw new Error('no Chrome or Chromium found: install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH');

  const io = await modelIO();
  const files = new Map<string, { body: Buffer | string; type: string }>([
    ['/model-viewer.js', { body: await readFile(modelViewerScript()), type: 'text/javascript' }],
  ]);
  for (const decoder of sdkDecoders()) {
    files.set(`/decoders/${decoder.name}`, { body: await readFile(decoder.path), type: decoder.type });
  }
  for (const [i, job] of jobs.entries()) {
    // A .gltf with external files becomes one GLB, so the page needs only one model file.
    const glb = Buffer.from(await io.writeBinary(await io.read(resolve(job.input))));
    files.set(`/model/${i}.glb`, { body: glb, type: 'model/gltf-binary' });
    files.set(`/${i}.html`, { body: page(`/model/${i}.glb`), type: 'text/html; charset=utf-8' });
  }

  const server = await serve(files);
  const { launch } = await import('puppeteer-core');
  const browser = await launch({ executablePath: chromePath, headless: true, args: chromeArgs() });
  const results: PosterResult[] = [];
  try {
    for (const [i, job] of jobs.entries()) {
      const mimeType = MIME[extname(job.output).toLowerCase()]!;
      const tab = await browser.newPage();
      tab.setDefaultTimeout(options.timeoutMs ?? 60_000);
      await tab.setViewport({ width, height, deviceScaleFactor: 1 });
      const errors: string[] = [];
      tab.on('pageerror', (err) => errors.push(err instanceof Error ? err.message : String(err)));
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${i}.html`, { waitUntil: 'load' });
      const rendered = await tab.evaluate(snapshot, mimeType, options.quality ?? 0.9);
      await tab.close();
      if (rendered.type !== mimeType) throw new Error(`Chromium wrote ${rendered.type}, not ${mimeType}`);
      if (rendered.coverage < 0.005) {
        throw new Error(`the rendered poster of ${job.input} is empty (WebGL unavailable?)${errors.length ? `: ${errors.join('; ')}` : ''}`);
      }
      const data = Buffer.from(rendered.base64, 'base64');
      await writeFile(resolve(job.output), data);
      results.push({ output: resolve(job.output), bytes: data.byteLength, width: rendered.width, height: rendered.height, coverage: rendered.coverage });
    }
    return results;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(() => r(null)));
  }
}

/** Runs in the page: waits for the model, takes model-viewer's picture, and measures how much of it the model covers. */
async function snapshot(type: string, quality: number) {
  await customElements.whenDefined('model-viewer');
  type Viewer = HTMLElement & { loaded: boolean; toDataURL(type: string, quality: number): string; updateComplete: Promise<unknown> };
  const viewer = document.querySelector('model-viewer') as Viewer;
  if (!viewer.loaded) {
    await new Promise<void>((ok, fail) => {
      viewer.addEventListener('load', () => ok(), { once: true });
      viewer.addEventListener(
        'error',
        (e) => fail(new Error(`model-viewer could not load the model: ${(e as unknown as CustomEvent<{ type?: string }>).detail?.type ?? 'error'}`)),
        { once: true },
      );
    });
  }
  await viewer.updateComplete;
  // Two frames: the first after load reveals the model, the second has it drawn.
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
  // toDataURL encodes at once; toBlob waits for idle time, which a rendering page rarely has.
  const url = viewer.toDataURL(type, quality);
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  let covered = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 16) covered++;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { base64: btoa(binary), width: bitmap.width, height: bitmap.height, coverage: covered / (bitmap.width * bitmap.height), type: blob.type };
}

/**
 * Shared by the <citylab-ar-viewer> tests: the real models and products, and
 * ways to look at what the browser really did (pixels drawn, modules fetched,
 * a QR code decoded).
 */
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CitylabArViewer } from '../../src/sdk/elements/ar-viewer/ar-viewer.js';
import type { ModelViewer } from '../../src/sdk/elements/ar-viewer/internal/engine.js';
import { seedArProducts } from '../fixtures/ar-products.js';
import { testEnv } from './test-env.js';

export interface ArModels {
  /** URL of the model host, ending in "/". */
  base: string;
  models: { name: string; dimensions_m: { width: number; height: number; depth: number } }[];
}

// The 3D engine alone is a few hundred modules in the test server; keep every entry, not the first 250.
performance.setResourceTimingBufferSize(10_000);

let models: Promise<ArModels> | undefined;
let seeded: Promise<void> | undefined;

/** The pipeline's demo models on the test model host (test/browser/ar-models-server.mjs). */
export function arModels(): Promise<ArModels> {
  return (models ??= executeServerCommand<ArModels, undefined>('citylab-ar-models'));
}

/** The products of test/fixtures/ar-products.ts on the test endpoint; once per page. */
export function ensureArProducts(): Promise<void> {
  return (seeded ??= arModels().then(({ base }) => seedArProducts(testEnv.endpoint, testEnv.adminKey, base)));
}

export async function modelHits(reset = false): Promise<number> {
  return (await executeServerCommand<{ glb: number }, { reset: boolean }>('citylab-ar-model-hits', { reset })).glb;
}

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);

export const viewerOf = (el: CitylabArViewer) => $<ModelViewer & HTMLElement>(el, 'model-viewer');

/** Waits until the element reflects the state (the product data arrives over HTTP; there is no event for that). */
export async function untilState(el: CitylabArViewer, state: string, message?: string): Promise<void> {
  await waitUntil(() => el.getAttribute('state') === state, message ?? `state "${state}" (now "${el.getAttribute('state')}")`, { timeout: 8000 });
  await el.updateComplete;
}

/** Script and module URLs of the 3D engine fetched so far (model-viewer and three.js). */
export function engineRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /@google\/model-viewer|\/three\/|model-viewer-[\w-]+\.js/.test(name));
}

/**
 * What model-viewer really drew: its own snapshot of the canvas (`toDataURL`;
 * `toBlob` encodes in the browser's idle time, which a page that keeps
 * rendering rarely has), decoded, with the share of pixels that are not
 * transparent background and of those in the colour family asked for.
 */
export async function drawnPixels(viewer: ModelViewer, isColour: (r: number, g: number, b: number) => boolean = () => true) {
  const image = new Image();
  image.src = viewer.toDataURL('image/png');
  await image.decode();
  const bitmap = await createImageBitmap(image);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  let drawn = 0;
  let coloured = 0;
  const distinct = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < 16) continue;
    drawn++;
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (isColour(r, g, b)) coloured++;
    distinct.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  const total = bitmap.width * bitmap.height;
  return { width: bitmap.width, height: bitmap.height, drawn: drawn / total, coloured: coloured / total, shades: distinct.size };
}

/**
 * `drawnPixels` once the product is really on screen: SwiftShader draws on the CPU, and on a busy
 * machine the first frames after `load` can come late (model-viewer logs "rAF timed out"). Samples
 * once per animation frame until `drawn` says so, at most `frames` times; the caller's assertions
 * then judge the last sample, so a viewer that never draws still fails.
 */
export async function drawnPixelsOnceDrawn(
  viewer: ModelViewer,
  isColour: (r: number, g: number, b: number) => boolean,
  drawn: (pixels: Awaited<ReturnType<typeof drawnPixels>>) => boolean,
  frames = 300,
) {
  let pixels = await drawnPixels(viewer, isColour);
  for (let i = 0; i < frames && !drawn(pixels); i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    pixels = await drawnPixels(viewer, isColour);
  }
  return pixels;
}

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
let jsQr: Promise<JsQr> | undefined;

/** jsQR, a QR code reader, as its own browser build (a classic script that defines `jsQR`). */
function loadJsQr(): Promise<JsQr> {
  return (jsQr ??= new Promise<JsQr>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    script.onload = () => resolve((globalThis as unknown as { jsQR: JsQr }).jsQR);
    script.onerror = () => reject(new Error('jsQR could not be loaded'));
    document.head.append(script);
  }));
}

/** Reads the QR code drawn on a canvas, the way a phone camera would: scaled up, then decoded. */
export async function decodeQr(canvas: HTMLCanvasElement): Promise<string | undefined> {
  const read = await loadJsQr();
  const scale = 8;
  const big = document.createElement('canvas');
  big.width = canvas.width * scale;
  big.height = canvas.height * scale;
  const ctx = big.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas, 0, 0, big.width, big.height);
  const { data } = ctx.getImageData(0, 0, big.width, big.height);
  return read(data, big.width, big.height)?.data;
}

/**
 * Loads each element's code when its tag is on the page (Shoelace's
 * autoloader does the same): a page with one finder downloads the finder and
 * Lit, not the 3D viewer or the reservation dialog. The entry stays a couple of
 * kilobytes however many elements the SDK has.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'citylab-store-finder': () => import('./elements/store-finder/define.js'),
  'citylab-click-collect': () => import('./elements/click-collect/define.js'),
  'citylab-ar-viewer': () => import('./elements/ar-viewer/define.js'),
};

const requested = new Set<string>();

/**
 * The chunk every element's code imports (Lit, the client; rollup.config.mjs names it here when it
 * writes citylab.js). Fetched together with the first element's own chunk instead of after it: on
 * a slow phone network that is one round trip less before the elements show content.
 */
declare const __CITYLAB_SHARED_CHUNKS__: readonly string[] | undefined;
let preloaded = false;

function preloadShared(): void {
  if (preloaded) return;
  preloaded = true;
  const chunks = typeof __CITYLAB_SHARED_CHUNKS__ === 'undefined' ? [] : __CITYLAB_SHARED_CHUNKS__;
  for (const chunk of chunks) import(/* @vite-ignore */ new URL(chunk, import.meta.url).href).catch(() => {});
}

function load(tag: string): void {
  if (requested.has(tag) || !loaders[tag]) return;
  requested.add(tag);
  preloadShared();
  loaders[tag]!().catch((err: unknown) => {
    requested.delete(tag);
    console.warn(`citylab: could not load <${tag}>`, err);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (!requested.has(tag) && root.querySelector(tag)) load(tag);
  }
}

/**
 * Starts loading the elements on the page and watches for tags added later. The space an
 * element takes before its code arrives is reserved by citylab.css (a stylesheet the page
 * links, applied before any script runs), not here: a `<style>` written by a script comes
 * too late to prevent the jump, and a strict CSP without 'unsafe-inline' refuses it.
 */
export function autoload(doc: Document = document): void {
  scan(doc);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const el = node as Element;
        const tag = el.localName;
        if (loaders[tag]) load(tag);
        if (el.firstElementChild) scan(el);
      }
    }
  }).observe(doc.documentElement, { childList: true, subtree: true });
}

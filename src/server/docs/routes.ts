/**
 * `/docs/`: the elements' documentation, rendered from the installed citylab-sdk's
 * custom-elements.json (`SDK_MANIFEST`), so agencies read what the manifest says and
 * nothing retyped: an index, one page per element (`/docs/<tag>`) with the element live
 * on this town's data, and the stylesheet (`/docs/docs.css`).
 *
 * The pages run no inline script (the only script is `/sdk/citylab.js` from this
 * endpoint), may not be framed, and escape everything they print.
 */
import { Hono } from 'hono';
import { Gtin, StoreId } from 'citylab-sdk/contract';
import { validate } from '../http.js';
import { SDK_MANIFEST } from '../package-files.js';
import { ELEMENTS_PAGE, contentSecurityPolicy, pageHeaders } from '../pages/html.js';
import { ProblemError } from '../problem.js';
import type { Storage } from '../storage/types.js';
import { examplePicker } from './example.js';
import { readElementDocs, type ElementDoc } from './manifest.js';
import { elementPage, indexPage, type PageContext } from './pages.js';
import type { RouteModuleFactory } from '../routes/module.js';
import type { AppEnv } from '../routes/table.js';
import { DOCS_CSS } from './stylesheet.js';

export interface DocsRoutesOptions {
  storage: Storage;
  /** The manifest to document; the installed citylab-sdk's by default. */
  manifest?: string;
  /** The address shop pages reach this endpoint at (`CITYLAB_PUBLIC_URL`). */
  publicUrl: string;
}

// The example follows the town's stock: always ask again. The docs have a form (the example picker).
const PAGE_HEADERS = pageHeaders(contentSecurityPolicy(ELEMENTS_PAGE, { 'form-action': ["'self'"] }), 'no-cache');

/** The docs as a route module of the endpoint (pages, not part of the API document). */
export const docsRoutes: RouteModuleFactory = ({ storage, options }) => {
  const web = new Hono<AppEnv>();
  registerDocsRoutes(web, { storage, publicUrl: options.publicUrl });
  return { web };
};

export function registerDocsRoutes(app: Hono<AppEnv>, options: DocsRoutesOptions): void {
  const manifestFile = options.manifest ?? SDK_MANIFEST;
  const pickExample = examplePicker(options.storage);
  // Read once; a failed read (no build yet) is tried again on the next request.
  let elements: Promise<ElementDoc[]> | undefined;
  const loadElements = () => {
    elements ??= readElementDocs(manifestFile).catch((err: Error) => {
      elements = undefined;
      throw new ProblemError('not-found', `The elements' manifest is not installed (${err.message}). Install or build citylab-sdk.`);
    });
    return elements;
  };

  const context = async (): Promise<PageContext> => ({
    town: (await options.storage.getCity())?.name,
    sdkUrl: `${options.publicUrl.replace(/\/+$/, '')}/sdk/citylab.js`,
  });

  app.get('/docs/docs.css', (c) =>
    c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=300' }),
  );

  app.get('/docs', async (c) => {
    // One address for the index: relative links and the browser's history stay simple.
    // (The app matches paths without their trailing slash; the URL still has it.)
    if (!new URL(c.req.url).pathname.endsWith('/')) return c.redirect('/docs/', 301);
    return c.body(indexPage(await loadElements(), await context()), 200, PAGE_HEADERS);
  });

  app.get('/docs/:tag', async (c) => {
    const tag = c.req.param('tag');
    const element = (await loadElements()).find((e) => e.tag === tag);
    if (!element) throw new ProblemError('not-found', `There is no element <${tag}> in the SDK's manifest.`);
    const gtin = c.req.query('gtin');
    const store = c.req.query('store');
    const example = await pickExample({
      gtin: gtin ? validate(Gtin, gtin, 'The gtin', 'gtin') : undefined,
      store: store ? validate(StoreId, store, 'The store', 'store') : undefined,
    });
    return c.body(elementPage(element, example, await context()), 200, PAGE_HEADERS);
  });
}

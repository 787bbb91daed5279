/**
 * Entry of the script-tag bundle (dist/citylab.js). A shop owner pastes
 *
 *   <link rel="stylesheet" href="https://<town endpoint>/sdk/citylab.css">
 *   <script type="module" src="https://<town endpoint>/sdk/citylab.js"></script>
 *
 * and every CityLab element on the page works: each one's code is loaded when
 * its tag appears (see autoload.ts), from the same place as this file, and the
 * elements talk to that endpoint. citylab.css (render-blocking, so it applies
 * before any script runs) reserves each element's space: the page never jumps.
 *
 * A page may end up with two copies (the shop builder's and a pasted one, or
 * `/sdk/citylab.js` beside `/sdk/<version>/citylab.js`): ES modules of two URLs
 * are two modules. The first copy stays in charge; a later one only says in the
 * console which versions met, and touches nothing (no second observer, no
 * second set of chunks, no exception).
 */
import { autoload } from './autoload.js';
import { prefetchFirstPaint } from './prefetch-page.js';
import { SDK_VERSION } from './version.js';

/**
 * Where the copy in charge says who it is: a registered symbol, not a name in `window`, so no
 * shop script can collide with it (Symbol.for finds it across copies and realms of one page).
 * Its `url` is also the elements' default endpoint (client/endpoint.ts reads it).
 */
const RUNNING = Symbol.for('citylab.sdk');

interface Running {
  version: string;
  url: string;
}

const page = globalThis as typeof globalThis & { [RUNNING]?: Running };
const first = page[RUNNING];
if (first) {
  console.warn(
    `citylab: citylab.js ${SDK_VERSION} (${import.meta.url}) is on this page a second time; ` +
      `citylab.js ${first.version} (${first.url}) was first and stays in charge. Remove one of the script tags.`,
  );
} else {
  Object.defineProperty(page, RUNNING, { value: Object.freeze({ version: SDK_VERSION, url: import.meta.url }) });
  // Its URL is where elements talk to when the page configures no endpoint (client/endpoint.ts).
  autoload();
  // The elements' first answers, asked for while their code downloads (client/prefetch.ts).
  prefetchFirstPaint();
}

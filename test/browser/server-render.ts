/**
 * The three elements as a server renders them (Lit SSR, as an agency's Next.js or Astro site
 * would), for host-pages.mjs (`ssr=1`). Run as its own process, so that Lit's server DOM shim
 * never enters web-test-runner's: `node --import tsx test/browser/server-render.ts '<json>'`
 * with `{ viewer, gtin, store, lang, photo, answer }`, prints the three tags' markup; `answer`, the
 * endpoint's availability answer the page's server asked for, is given to each element.
 * Uses the built package (`citylab-sdk/define`), as an agency's server would.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

const { viewer, gtin, store, lang, photo, answer } = JSON.parse(process.argv[2] ?? '{}') as Record<string, string> & { answer?: unknown };
await import('citylab-sdk/define');
await Promise.all(['citylab-click-collect', 'citylab-store-finder', 'citylab-ar-viewer'].map((t) => customElements.whenDefined(t)));
// `lang` on each element: on a server an element sees only its own attributes, not the page's.
process.stdout.write(
  collectResultSync(
    render(html`<citylab-ar-viewer gtin=${viewer} lang=${lang} .availability=${answer}>${photo ? unsafeHTML(photo) : ''}</citylab-ar-viewer>
<citylab-click-collect gtin=${gtin} store=${store} lang=${lang} .availability=${answer}></citylab-click-collect>
<citylab-store-finder gtin=${gtin} store=${store} lang=${lang} .availability=${answer}></citylab-store-finder>`),
  ),
);

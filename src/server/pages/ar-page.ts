/**
 * The page a phone opens from `<citylab-ar-viewer>`'s QR code (`/ar/{gtin}`):
 * the product in the viewer, one tap to AR, a link back to the shop. Its only
 * script is the SDK from this endpoint, which loads model-viewer and the
 * decoders from here too; the policy adds what the 3D engine needs and the
 * hosts of this product's model, and nothing else.
 */
import type { Product } from 'citylab-sdk/contract';
import { productName } from '../product-naming.js';
import { contentSecurityPolicy, escapeHtml, pageHeaders } from './html.js';

export type Lang = 'de' | 'en';

const WORDS = {
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

/**
 * What the 3D engine needs beyond the base policy: WebAssembly for the Draco, Basis and
 * meshopt decoders ('wasm-unsafe-eval' allows compiling it, not eval), workers the decoders
 * start from blob: URLs, blob: and data: images for textures, the QR code and the poster.
 * No inline style: the page's own styles are /pages/ar.css, and the elements and model-viewer
 * style their shadow roots with constructed style sheets (test/browser/model-cors.test.ts).
 */
const ENGINE_POLICY = {
  'script-src': ["'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ['blob:', 'data:'],
  'img-src': ['blob:', 'data:'],
} as const;

export function pickLang(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'de';
}

/**
 * "Back to the shop" leads only to an origin the town knows (its shops' websites, the
 * endpoint itself): the page must not lend the town's name to a link anyone can make.
 */
export function safeBackLink(raw: string | undefined, knownOrigins: ReadonlySet<string>): URL | undefined {
  if (!raw || raw.length > 2000) return undefined;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && knownOrigins.has(url.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The page for a product with a model; `null` for a product without one (the 404 page). */
export function arPage(product: Product | null, lang: Lang, back: URL | undefined): { status: 200 | 404; html: string; headers: Record<string, string> } {
  const words = WORDS[lang];
  const headers = (extra: Record<string, string[]>) => ({
    ...pageHeaders(contentSecurityPolicy(ENGINE_POLICY, extra), 'no-cache'),
    // A public page without cookies; shop tools may check it from their own origin.
    'Access-Control-Allow-Origin': '*',
  });
  if (!product?.model) {
    const main = `<h1>${escapeHtml(words.notFoundTitle)}</h1><p>${escapeHtml(words.notFound)}</p>`;
    return { status: 404, html: layout(lang, words.notFoundTitle, main, back, words.back), headers: headers({}) };
  }
  const { glb_url, usdz_url, poster_url } = product.model;
  // The QR code's link ends in #citylab-ar=<gtin>: the viewer itself then says to tap "In Ihrem Raum ansehen".
  const name = productName(product, lang);
  const main = `<h1>${escapeHtml(name)}</h1>
<citylab-ar-viewer gtin="${escapeHtml(product.gtin)}" loading="eager" reveal="auto"></citylab-ar-viewer>`;
  const modelHosts = [glb_url, usdz_url].flatMap(originOf);
  return {
    status: 200,
    html: layout(lang, `${name} – ${words.title}`, main, back, words.back),
    headers: headers({ 'connect-src': modelHosts, 'img-src': [...originOf(poster_url), ...modelHosts] }),
  };
}

/** The origin of an absolute model URL on another host; none for a relative one (it is the endpoint's). */
function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? [origin] : [];
  } catch {
    return [];
  }
}

function layout(lang: Lang, title: string, main: string, back: URL | undefined, backWords: (host: string) => string): string {
  const backLink = back ? `<p><a href="${escapeHtml(back.href)}">← ${escapeHtml(backWords(back.host))}</a></p>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/pages/ar.css">
<script type="module" src="/sdk/citylab.js"></script>
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

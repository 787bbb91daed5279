/**
 * The link a desktop shopper's phone opens from the QR code, and how a viewer
 * recognises it: the shop's own page with `#citylab-ar=<key>` (the viewer there
 * offers one tap to start AR), or the endpoint's landing page `/ar/<gtin>` with a
 * link back to the shop page.
 */
export const AR_MARKER = 'citylab-ar';

/** The key a viewer answers to: its GTIN, else its id, else "model". */
export function arKey(gtin: string | undefined, id: string): string {
  return gtin || id || 'model';
}

/** The page's URL without its fragment. */
export function pageUrl(location: Location | URL): string {
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}

/** `https://shop.example/p/vase#citylab-ar=2004317140017` */
export function pageArUrl(location: Location | URL, key: string): string {
  return `${pageUrl(location)}#${AR_MARKER}=${encodeURIComponent(key)}`;
}

/** `https://endpoint.example/ar/2004317140017?back=https%3A%2F%2Fshop.example%2Fp%2Fvase#citylab-ar=2004317140017` */
export function endpointArUrl(endpoint: string, gtin: string, back: string): string {
  const url = new URL(`ar/${encodeURIComponent(gtin)}`, endpoint.replace(/\/*$/, '/'));
  url.searchParams.set('back', back);
  // The viewer on the landing page answers to the same marker: it loads at once and offers AR.
  url.hash = `${AR_MARKER}=${encodeURIComponent(gtin)}`;
  return url.href;
}

/** The key in `#citylab-ar=<key>`, or undefined when the page was not opened from a viewer's QR code. */
export function arKeyFromHash(hash: string): string | undefined {
  const match = new RegExp(`^#${AR_MARKER}=([^&]+)$`).exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

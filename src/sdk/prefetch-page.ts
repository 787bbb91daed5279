/**
 * What citylab.js asks the endpoint for as it starts, on behalf of the elements already in the
 * page (client/prefetch.ts says why): each element's availability question, and the town for the
 * finder; with the answer, the viewer's poster. The URLs are built by the same functions the elements use, so the client finds them;
 * an element whose question differs by the time it asks (a script changed its `gtin`) asks again.
 */
import { availabilitySearchParams } from './contract/availability.js';
import { resolveAgainst, resolveEndpoint } from './client/endpoint.js';
import { prefetch, takePrefetched } from './client/prefetch.js';
import { posterOf, type PosterSource } from './elements/ar-viewer/internal/poster.js';
import { availabilityRequest } from './elements/internal/availability.js';

export function prefetchFirstPaint(doc: Document = document): void {
  for (const el of doc.querySelectorAll('citylab-store-finder, citylab-click-collect, citylab-ar-viewer')) {
    const endpoint = resolveEndpoint(el);
    const attr = (name: string) => el.getAttribute(name) ?? undefined;
    // The viewer asks by the trimmed GTIN alone (ar-viewer/internal/product-data.ts).
    const viewer = el.localName === 'citylab-ar-viewer';
    const request = viewer ? (attr('gtin')?.trim() ? { gtin: attr('gtin')!.trim() } : undefined) : availabilityRequest(attr('gtin'), attr('store'), attr('sku'));
    if (!endpoint || !request) continue;
    const url = `${endpoint}/v1/availability?${availabilitySearchParams(request)}`;
    prefetch(url);
    // The viewer's picture, the largest thing on a phone's first screen, starts loading with the answer, not after the viewer's code.
    if (viewer) {
      takePrefetched(url)
        ?.then((r) => (r.ok ? (r.json() as Promise<{ product?: PosterSource }>) : undefined))
        .then((answer) => {
          const poster = posterOf(el.getAttribute('poster'), answer?.product, (u) => (u ? resolveAgainst(endpoint, u) : undefined));
          if (poster) new Image().src = poster;
        })
        .catch(() => undefined);
    }
    if (el.localName === 'citylab-store-finder') prefetch(`${endpoint}/v1/city`);
  }
}

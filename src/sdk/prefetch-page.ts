/**
 * What citylab.js asks the endpoint for as it starts, on behalf of the elements already in the
 * page (client/prefetch.ts says why): each element's availability question, and the town for the
 * finder. The URLs are built by the same functions the elements use, so the client finds them;
 * an element whose question differs by the time it asks (a script changed its `gtin`) asks again.
 */
import { availabilitySearchParams } from './contract/availability.js';
import { resolveEndpoint } from './client/endpoint.js';
import { prefetch } from './client/prefetch.js';
import { availabilityRequest } from './elements/internal/availability.js';

export function prefetchFirstPaint(doc: Document = document): void {
  for (const el of doc.querySelectorAll('citylab-store-finder, citylab-click-collect, citylab-ar-viewer')) {
    const endpoint = resolveEndpoint(el);
    const attr = (name: string) => el.getAttribute(name) ?? undefined;
    // The viewer asks by the trimmed GTIN alone (ar-viewer/internal/product-data.ts).
    const viewer = el.localName === 'citylab-ar-viewer';
    const request = viewer ? (attr('gtin')?.trim() ? { gtin: attr('gtin')!.trim() } : undefined) : availabilityRequest(attr('gtin'), attr('store'), attr('sku'));
    if (!endpoint || !request) continue;
    prefetch(`${endpoint}/v1/availability?${availabilitySearchParams(request)}`);
    if (el.localName === 'citylab-store-finder') prefetch(`${endpoint}/v1/city`);
  }
}

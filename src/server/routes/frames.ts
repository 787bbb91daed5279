/**
 * `GET /v1/frames`: the elements of a product page with their first frames, rendered here
 * (../frames.ts says how and for whom), from the same cached answer `/v1/availability` gives.
 */
import * as z from 'zod/mini';
import { FRAME_ELEMENTS, FramesQuery } from 'citylab-sdk/contract';
import { renderFrames } from '../frames.js';
import { contentSecurityPolicy, pageHeaders } from '../pages/html.js';
import { CACHE_POLICY } from '../http-cache.js';
import { availabilityReader } from './availability.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

export const frameRoutes: RouteModuleFactory = ({ storage, now, options }) => {
  const { offersOf, gtinOf } = availabilityReader(storage);
  return {
    api: [
      route({
        method: 'get',
        path: '/v1/frames',
        operationId: 'getFrames',
        summary: 'The elements of a product page, rendered with their first frame',
        description:
          'HTML to include in a shop\'s page on its server (PHP, WordPress, Shopware: any server without Node): `<citylab-ar-viewer>`, `<citylab-click-collect>` and `<citylab-store-finder>` (or those named in `elements`), each with its declarative shadow root showing the product\'s availability, so the shopper sees it before any script runs. With the README\'s snippet on the page the elements take their frames over when their code arrives. The frames hold what `/v1/availability` answers, and opening and pickup times as of the request.',
        tag: 'availability',
        access: 'public',
        cache: 'availability',
        query: FramesQuery,
        responses: { 200: { description: 'The elements\' markup (an HTML fragment).', type: 'text/html', schema: z.string() } },
        problems: ['product-not-found'],
        handle: async (c, { query }) => {
          const { offers, product } = await offersOf(await gtinOf(query));
          const html = await renderFrames({
            elements: query.elements ?? FRAME_ELEMENTS,
            gtin: query.gtin,
            store: query.store,
            sku: query.gtin === undefined ? query.sku : undefined,
            lang: query.lang ?? 'de',
            // Never from the request's Host header: the operator's configured address.
            endpoint: options.publicUrl.replace(/\/+$/, ''),
            availability: { gtin: product.gtin, product, offers },
            now: now(),
          });
          // A fragment, yet opened on its own it is a page: the strict headers of every page (no script, no framing).
          return c.body(html, 200, pageHeaders(contentSecurityPolicy(), CACHE_POLICY.availability));
        },
      }),
    ],
  };
};

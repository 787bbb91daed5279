/**
 * The SDK's events: every one prefixed `citylab-`, bubbling and composed.
 * Listen on the element or anywhere above it, e.g.
 *
 *   document.addEventListener('citylab-store-select', (e) => console.log(e.detail.store.name));
 */
import type { ClientErrorKind } from './client/client.js';
import type { ProblemCode } from './contract/problems.js';
import type { Offer, Store } from './contract/schemas.js';

/**
 * Codes an element reports without the endpoint: the shopper's location was not
 * shared (`denied`) or not found (`unavailable`); the browser cannot draw 3D
 * (`webgl-unavailable`), the 3D engine did not download (`engine-unavailable`),
 * the model did not load (`loadfailure`) or the drawing context was lost
 * (`webglcontextlost`, both named as model-viewer names them).
 */
export type CitylabElementErrorCode = 'denied' | 'unavailable' | 'webgl-unavailable' | 'engine-unavailable' | 'loadfailure' | 'webglcontextlost';

export interface CitylabErrorDetail {
  /** The element's tag, e.g. "citylab-store-finder". */
  element: string;
  kind: ClientErrorKind | 'geolocation' | 'model' | 'ar' | 'config';
  /** The endpoint's problem code when it sent one (e.g. "product-not-found"), or the element's own. */
  code?: ProblemCode | CitylabElementErrorCode;
  /** For developers; shoppers see the element's own words. */
  message: string;
}

export interface CitylabStoreSelectDetail {
  store: Store;
  offer: Offer;
  /** What the shopper chose to do with the shop. */
  action: 'reserve' | 'select';
}

export interface CitylabFindInStoreDetail {
  gtin: string;
  /** Shops in town that have it in stock or on display. */
  count: number;
}

export interface CitylabModelLoadDetail {
  src: string;
}

/**
 * Before a reservation is sent (cancelable: `preventDefault()` sends nothing). No personal data:
 * what the shopper typed never leaves the element in an event.
 */
export interface CitylabReserveDetail {
  /** The shop's id. */
  store: string;
  gtin: string;
  quantity: number;
}

/** A reservation was made (the endpoint holds the item). No personal data. */
export interface CitylabReservedDetail {
  /** The reservation's id, e.g. "res_…". */
  id: string;
  /** The pickup code the shopper shows in the shop, e.g. "7KQ-M4P". */
  code: string;
  /** The shop's id. */
  store: string;
  gtin: string;
  quantity: number;
  /** ISO 8601 instant until which the item is held. */
  expires_at: string;
}

export interface CitylabArStatusDetail {
  status: 'started' | 'failed' | 'ended';
  /** Why AR could not start, when it failed. */
  reason?: 'unsupported' | 'in-app-browser' | 'error';
}

/** Event name → detail, for `emit()` and `GlobalEventHandlersEventMap`. */
export interface CitylabEventDetails {
  'citylab-error': CitylabErrorDetail;
  'citylab-store-select': CitylabStoreSelectDetail;
  'citylab-find-in-store': CitylabFindInStoreDetail;
  'citylab-model-load': CitylabModelLoadDetail;
  'citylab-ar-status': CitylabArStatusDetail;
  'citylab-reserve': CitylabReserveDetail;
  'citylab-reserved': CitylabReservedDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'citylab-error': CustomEvent<CitylabErrorDetail>;
    'citylab-store-select': CustomEvent<CitylabStoreSelectDetail>;
    'citylab-find-in-store': CustomEvent<CitylabFindInStoreDetail>;
    'citylab-model-load': CustomEvent<CitylabModelLoadDetail>;
    'citylab-ar-status': CustomEvent<CitylabArStatusDetail>;
    'citylab-reserve': CustomEvent<CitylabReserveDetail>;
    'citylab-reserved': CustomEvent<CitylabReservedDetail>;
  }
}

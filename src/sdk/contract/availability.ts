/**
 * The availability question as both sides ask it: the client builds the query
 * string here, the endpoint parses the same names with `AvailabilityQuery`
 * (schemas.ts). Plain code without zod, for the elements' first chunk.
 */
import type { LatLon } from './schemas.js';

/** A product by its GTIN, or by a shop's own article number. */
export type AvailabilityRequest = { gtin: string } | { store: string; sku: string };

/**
 * `?gtin=…` or `?store=…&sku=…`, and `lat`/`lon` when sorting by distance. The location is
 * rounded to about 10 m: enough for sorting, and the exact spot never leaves the browser.
 */
export function availabilitySearchParams(request: AvailabilityRequest, near?: LatLon): URLSearchParams {
  const params = new URLSearchParams('gtin' in request ? { gtin: request.gtin } : { store: request.store, sku: request.sku });
  if (near) {
    params.set('lat', near.lat.toFixed(4));
    params.set('lon', near.lon.toFixed(4));
  }
  return params;
}

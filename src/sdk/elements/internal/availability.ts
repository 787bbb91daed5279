/**
 * What the elements ask about a product and read from the answer alike. citylab.js asks the same
 * question as it starts (prefetch-page.ts), with its own copy of this module: nothing heavier here.
 */
import type { AvailabilityRequest } from '../../contract/availability.js';
import type { Offer } from '../../contract/schemas.js';

/** The product by its GTIN, else by a shop's own article number; nothing to ask without either. */
export function availabilityRequest(gtin: string | undefined, store: string | undefined, sku: string | undefined): AvailabilityRequest | undefined {
  return gtin ? { gtin } : store && sku ? { store, sku } : undefined;
}

/** In stock, only a few left, or on display: the shopper can see it in the shop. */
export const inShop = (o: Offer): boolean =>
  o.availability === 'in_stock' || o.availability === 'limited_availability' || o.availability === 'on_display_to_order';

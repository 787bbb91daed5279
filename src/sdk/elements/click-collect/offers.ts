/** Which of a product's offers a shopper can reserve, and how many units: as the endpoint says. */
import { MAX_RESERVATION_QUANTITY } from '../../contract/reservations.js';
import type { Availability, Offer } from '../../contract/schemas.js';

/** The endpoint decides (`offer.reservable`); the elements never guess. */
export function reservableOffers(availability: Availability | undefined): Offer[] {
  return availability?.offers.filter((o) => o.reservable) ?? [];
}

/**
 * Units on the shelf (in stock, or only a few left): an offer with stock that the endpoint does
 * not let anyone reserve is "not reservable here", not "not in stock here".
 */
export const hasStock = (o: Offer): boolean => o.availability === 'in_stock' || o.availability === 'limited_availability';

/** How many units the shopper may ask for at this offer: what is free (the endpoint says so also where the shop hides its quantities), at most the contract's limit. */
export function maxQuantity(o: Offer): number {
  return Math.max(1, Math.min(MAX_RESERVATION_QUANTITY, o.max_quantity ?? o.quantity ?? MAX_RESERVATION_QUANTITY));
}

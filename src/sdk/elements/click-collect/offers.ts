/** Which of a product's offers a shopper can reserve, as the endpoint will decide it. */
import type { Availability, Offer } from '../../contract/schemas.js';

/**
 * The shop takes reservations, and has units it counts and can hold. Shops that
 * keep no count ("on display, can be ordered") are turned down by the endpoint,
 * so they are not offered here.
 */
export function isReservable(o: Offer): boolean {
  return (
    o.store.click_and_collect.enabled &&
    o.pickup.method === 'reserve' &&
    (o.availability === 'in_stock' || o.availability === 'limited_availability') &&
    (o.quantity === undefined || o.quantity > 0)
  );
}

export function reservableOffers(availability: Availability | undefined): Offer[] {
  return availability?.offers.filter(isReservable) ?? [];
}

/** At most this many units in one reservation (the contract's limit). */
export const MAX_QUANTITY = 10;

/** How many units the shopper may ask for at this offer: what is free (when the shop shows it), at most 10. */
export function maxQuantity(o: Offer): number {
  return Math.max(1, Math.min(MAX_QUANTITY, o.quantity ?? MAX_QUANTITY));
}

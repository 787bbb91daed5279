/**
 * Turns stored stock rows into the offers shoppers see: the state derived from
 * the quantity and the shop's threshold, quantities hidden unless the shop
 * allows them, pickup from the shop's click-and-collect settings, and the order.
 */
import { MAX_RESERVATION_QUANTITY, distanceMetres } from 'citylab-sdk/contract';
import type { AvailabilityState, LatLon, Offer, PickupMethod, PickupSla, Store } from 'citylab-sdk/contract';
import type { StockRow } from './inventory-plan.js';

const STATE_ORDER: Record<AvailabilityState, number> = {
  in_stock: 0,
  limited_availability: 1,
  on_display_to_order: 2,
  out_of_stock: 3,
};

/** Units a shopper can still have: on hand minus those held for reservations. */
export function availableUnits(row: Pick<StockRow, 'quantity' | 'held'>): number | null {
  return row.quantity === null ? null : Math.max(0, row.quantity - (row.held ?? 0));
}

export function deriveState(row: Pick<StockRow, 'quantity' | 'availability' | 'held'>, store: Pick<Store, 'low_stock_threshold'>): AvailabilityState {
  const availability = row.availability;
  const quantity = availableUnits(row);
  if (quantity === 0 && availability !== 'on_display_to_order') return 'out_of_stock';
  if (availability) return availability;
  if (quantity === null) return 'in_stock';
  return quantity <= store.low_stock_threshold ? 'limited_availability' : 'in_stock';
}

function slaFromMinutes(minutes: number): PickupSla {
  if (minutes < 24 * 60) return 'same_day';
  if (minutes < 48 * 60) return 'next_day';
  const days = Math.ceil(minutes / (24 * 60));
  return days <= 6 ? (`${days}_day` as PickupSla) : 'multi_week';
}

export function withDistance(offer: Offer, from: LatLon): Offer {
  return { ...offer, distance_m: Math.round(distanceMetres(from, offer.store.location)) };
}

/** How the shopper gets the article at this shop; a shop that switched click & collect off takes no reservations, whatever its feed says. */
export function pickupMethod(row: Pick<StockRow, 'pickup_method'>, store: Pick<Store, 'click_and_collect'>): PickupMethod {
  const enabled = store.click_and_collect.enabled;
  const method = row.pickup_method ?? (enabled ? 'reserve' : 'not_supported');
  return !enabled && method === 'reserve' ? 'not_supported' : method;
}

/**
 * Whether this article can be reserved at this shop at all (the offer's `reservable` says
 * so only when units are free too): the shop takes reservations for it, and counts it, so
 * a hold can be taken. The reservation itself checks the same rule (reservations/service.ts).
 */
export function takesReservations(row: Pick<StockRow, 'pickup_method' | 'quantity' | 'availability' | 'held'>, store: Pick<Store, 'click_and_collect' | 'low_stock_threshold'>): boolean {
  if (pickupMethod(row, store) !== 'reserve' || row.quantity === null) return false;
  const state = deriveState(row, store);
  return state !== 'on_display_to_order';
}

export function toOffer(row: StockRow, store: Store, from?: LatLon): Offer {
  const cc = store.click_and_collect;
  const method = pickupMethod(row, store);
  const sla = method === 'not_supported' ? undefined : (row.pickup_sla ?? slaFromMinutes(cc.ready_within_minutes));
  const offer: Offer = {
    store,
    sku: row.sku,
    gtin: row.gtin,
    ...(row.title ? { title: row.title } : {}),
    availability: deriveState(row, store),
    price: { amount: row.price, currency: row.currency },
    pickup: sla ? { method, sla } : { method },
    updated_at: row.updated_at,
    reservable: takesReservations(row, store) && (availableUnits(row) ?? 0) > 0,
  };
  const units = availableUnits(row);
  if (store.show_quantities && units !== null) offer.quantity = units;
  if (offer.reservable && units !== null) offer.max_quantity = Math.min(units, MAX_RESERVATION_QUANTITY);
  if (from) offer.distance_m = Math.round(distanceMetres(from, store.location));
  return offer;
}

/** By distance when a location was given; otherwise in-stock first, then by name. */
export function sortOffers(offers: Offer[]): Offer[] {
  return offers.sort((a, b) => {
    if (a.distance_m !== undefined && b.distance_m !== undefined && a.distance_m !== b.distance_m) {
      return a.distance_m - b.distance_m;
    }
    return STATE_ORDER[a.availability] - STATE_ORDER[b.availability] || a.store.name.localeCompare(b.store.name, 'de');
  });
}

/** Each shop serialised once while its object lives (SQLite keeps parsed shops cached). */
const storeJson = new WeakMap<Store, string>();

/**
 * The availability answer as JSON text, with every shop's (unchanging, and
 * largest) part serialised once rather than on every request.
 */
export function serializeAvailability(body: { gtin: string; product: unknown; offers: Offer[] }): string {
  const parts: string[] = [];
  for (const { store, ...rest } of body.offers) {
    let json = storeJson.get(store);
    if (json === undefined) {
      json = JSON.stringify(store);
      storeJson.set(store, json);
    }
    parts.push(`{"store":${json},${JSON.stringify(rest).slice(1)}`);
  }
  return `{"gtin":${JSON.stringify(body.gtin)},"product":${JSON.stringify(body.product)},"offers":[${parts.join(',')}]}`;
}

/** A stored reservation as the API shows it. */
import type { Reservation, Store } from 'citylab-sdk/contract';
import type { ReservationRecord } from '../storage/types.js';

export function renderReservation(r: ReservationRecord, store: Store | null, options: { token?: string; withCustomer: boolean }): Reservation {
  const body: Reservation = {
    id: r.id,
    code: r.code,
    status: r.status,
    store: store
      ? {
          id: store.id, name: store.name, address: store.address, time_zone: store.time_zone, opening_hours: store.opening_hours,
          ...(store.phone ? { phone: store.phone } : {}),
        }
      : { id: r.store_id, name: r.store_id, address: { street: '', postal_code: '', city: '', country: 'DE' }, time_zone: 'Europe/Berlin', opening_hours: { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, special_days: [] } },
    item: { gtin: r.gtin, sku: r.sku, name: r.item_name, price: { amount: r.price, currency: r.currency } },
    quantity: r.quantity,
    created_at: r.created_at,
    ready_from: r.ready_from,
    expires_at: r.expires_at,
    lang: r.lang,
  };
  if (r.cancel_reason) body.cancel_reason = r.cancel_reason;
  if (options.withCustomer && r.customer_name) {
    body.customer = { name: r.customer_name, ...(r.customer_email ? { email: r.customer_email } : {}), ...(r.customer_phone ? { phone: r.customer_phone } : {}) };
  }
  if (options.token) body.customer_token = options.token;
  return body;
}

/** Click & collect reservations, problems and health. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { Gtin, Money, OpeningHours, Sku, StoreId, singleLine } from './primitives.js';
import { Address, Phone } from './stores.js';
import { MAX_RESERVATION_QUANTITY, RESERVATION_STATUSES, SHOP_STATUS_CHANGES } from '../reservations.js';

// ------------------------------------------------------------ reservations

export { RESERVATION_STATUSES };
export const ReservationStatus = named(z.enum(RESERVATION_STATUSES), 'ReservationStatus');

export const PickupCode = named(
  z.string().check(z.regex(/^[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}$/)),
  'PickupCode',
  'Six characters people can read aloud without confusing 0/O, 1/I/L, 5/S, 2/Z, 8/B or U/V, e.g. "7KQ-M4P".',
);

/** What the shopper types: validated in the browser with this schema before it is sent. */
export const CustomerInput = named(
  z.strictObject({
    name: singleLine(100),
    email: z.email(),
    phone: z.optional(Phone),
  }),
  'CustomerInput',
);

export const ReservationCreate = named(
  z.strictObject({
    store: StoreId,
    gtin: z.optional(Gtin),
    /** The shop's own article number, instead of the GTIN. */
    sku: z.optional(Sku),
    quantity: z.int().check(z.gte(1), z.lte(MAX_RESERVATION_QUANTITY)),
    customer: CustomerInput,
    /** The shopper has read the privacy notice. */
    privacy_accepted: z.literal(true),
    /** The language for the e-mails. */
    lang: z.optional(z.enum(['de', 'en'])),
  }).check(
    z.refine((r) => (r.gtin !== undefined) !== (r.sku !== undefined), { message: 'give either gtin or sku', path: ['gtin'] }),
  ),
  'ReservationCreate',
);

export const Reservation = named(
  z.object({
    id: z.string(),
    code: PickupCode,
    status: ReservationStatus,
    store: z.object({ id: StoreId, name: z.string(), address: Address, phone: z.optional(z.string()), time_zone: z.string(), opening_hours: OpeningHours }),
    item: z.object({ gtin: Gtin, sku: z.string(), name: z.string(), price: Money }),
    quantity: z.int(),
    created_at: z.iso.datetime(),
    /** From when the item is ready to collect (the shop's pickup promise). */
    ready_from: z.iso.datetime(),
    expires_at: z.iso.datetime(),
    lang: z.enum(['de', 'en']),
    cancel_reason: z.optional(z.string()),
    /** The shopper's name, shown to the shop and to the shopper with the token; erased after the reservation ends. */
    customer: z.optional(z.object({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()) })),
    /** Only in the answer to the shopper: lets them view and cancel. Not stored in plain text. */
    customer_token: z.optional(z.string()),
  }),
  'Reservation',
);

export const ReservationList = named(z.object({ items: z.array(Reservation) }), 'ReservationList');

export const ReservationUpdate = named(
  z.strictObject({
    status: z.enum(SHOP_STATUS_CHANGES),
    reason: z.optional(singleLine(300)),
  }),
  'ReservationUpdate',
);

export const ReservationCancel = named(z.strictObject({ reason: z.optional(singleLine(300)) }), 'ReservationCancel');

// --------------------------------------------------------------- problems

export const Problem = named(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    instance: z.optional(z.string()),
    /** With insufficient-stock: how many units can still be reserved. */
    available: z.optional(z.int()),
    errors: z.optional(
      z.array(
        z.object({
          path: z.optional(z.string()),
          line: z.optional(z.int()),
          field: z.optional(z.string()),
          reason: z.string(),
        }),
      ),
    ),
  }),
  'Problem',
  'An RFC 9457 problem: a stable `type` and `code`, a human `detail`, and per-field errors where the input was at fault.',
);

export const Health = named(
  z.object({ status: z.literal('ok'), version: z.string(), time: z.iso.datetime() }),
  'Health',
);

export type Problem = z.infer<typeof Problem>;
export type Health = z.infer<typeof Health>;
export type ReservationStatus = z.infer<typeof ReservationStatus>;
export type CustomerInput = z.infer<typeof CustomerInput>;
export type ReservationCreate = z.infer<typeof ReservationCreate>;
export type Reservation = z.infer<typeof Reservation>;
export type ReservationList = z.infer<typeof ReservationList>;
export type ReservationUpdate = z.infer<typeof ReservationUpdate>;

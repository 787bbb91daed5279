/** Shops: address, contact, hours, click & collect, and the operator's and the shop's requests. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { LatLon, OpeningHours, StoreId, singleLine, multiLine } from './primitives.js';

// ------------------------------------------------------------------- stores

export const Address = named(
  z.object({
    street: singleLine(120),
    postal_code: z.string().check(z.regex(/^[0-9A-Z -]{3,10}$/, 'a postal code')),
    city: singleLine(80),
    country: z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166 country code like "DE"')),
  }),
  'Address',
);

export const ClickAndCollect = named(
  z.object({
    enabled: z.boolean(),
    /** The pickup promise: the item is ready this many minutes after reserving, during opening hours. */
    ready_within_minutes: z.int().check(z.gte(0), z.lte(60 * 24 * 14)),
    /** How many opening days a hold lasts before it expires. */
    hold_days: z.int().check(z.gte(1), z.lte(14)),
  }),
  'ClickAndCollect',
);

export const TimeZone = z.string().check(
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone like "Europe/Berlin"'),
);

export const Phone = z.string().check(z.regex(/^\+?[0-9 ()/-]{5,30}$/, 'a phone number'));
const Website = z.url({ protocol: /^https?$/ });

/** Whether the endpoint counts what shoppers do with the shop's products, and whether the town sees the shop's own figures. */
export const StoreInsights = named(
  z.object({
    /** Off: nothing about this shop is counted. Default on. */
    counting: z.boolean(),
    /** On: the town's operator sees this shop's figures on their own (cells under 5 shown as "<5"). Default off. */
    share_with_town: z.boolean(),
  }),
  'StoreInsights',
);

/** Hours (see ../stock.ts for the default and the check). */
const StockPromiseHours = z.int().check(z.gte(1), z.lte(24 * 14));

const storeProfileShape = {
  name: singleLine(120),
  description: z.optional(multiLine(500)),
  address: Address,
  location: LatLon,
  phone: z.optional(Phone),
  email: z.optional(z.email()),
  website: z.optional(Website),
  time_zone: TimeZone,
  opening_hours: OpeningHours,
  click_and_collect: ClickAndCollect,
  /** Whether exact quantities may be shown to shoppers; otherwise only the state is exposed. */
  show_quantities: z.boolean(),
  /** At or below this quantity the state is "limited_availability". */
  low_stock_threshold: z.int().check(z.gte(0), z.lte(1000)),
  /** Counting and sharing; without it, counting is on and the shop's figures are not shared. */
  insights: z.optional(StoreInsights),
  /** The shop's own promise: its stock list is never older than this many hours (default STOCK_PROMISE_HOURS); older stock warns on its dashboard. */
  stock_promise_hours: z.optional(StockPromiseHours),
};

export const Store = named(
  z.object({
    id: StoreId,
    ...storeProfileShape,
    /** Set by the town operator: the shop is left out of availability and takes no reservations (its holds stay). */
    paused: z.optional(z.boolean()),
    updated_at: z.iso.datetime(),
  }),
  'Store',
  'A shop in the town centre.',
);

export const StoreList = named(z.object({ items: z.array(Store) }), 'StoreList');

/** Body of `POST /v1/stores` (town operator). Omitted settings get sensible defaults. */
export const StoreCreate = named(
  z.strictObject({
    id: z.optional(StoreId),
    ...storeProfileShape,
    time_zone: z.optional(TimeZone),
    opening_hours: z.optional(OpeningHours),
    click_and_collect: z.optional(ClickAndCollect),
    show_quantities: z.optional(z.boolean()),
    low_stock_threshold: z.optional(storeProfileShape.low_stock_threshold),
  }),
  'StoreCreate',
);

/** Body of `PATCH /v1/stores/{id}`: the shop edits its own profile. Only given fields change. */
export const StorePatch = named(
  z.strictObject({
    name: z.optional(storeProfileShape.name),
    description: z.optional(z.nullable(multiLine(500))),
    address: z.optional(Address),
    location: z.optional(LatLon),
    phone: z.optional(z.nullable(Phone)),
    email: z.optional(z.nullable(z.email())),
    website: z.optional(z.nullable(Website)),
    time_zone: z.optional(TimeZone),
    opening_hours: z.optional(OpeningHours),
    click_and_collect: z.optional(ClickAndCollect),
    show_quantities: z.optional(z.boolean()),
    low_stock_threshold: z.optional(storeProfileShape.low_stock_threshold),
    insights: z.optional(StoreInsights),
    /** null: back to the default (STOCK_PROMISE_HOURS). */
    stock_promise_hours: z.optional(z.nullable(StockPromiseHours)),
  }),
  'StorePatch',
);

export const StoreCreated = named(
  z.object({ store: Store, key: z.string() }),
  'StoreCreated',
  'The new shop and its key. The key is shown only here; the endpoint keeps only a hash.',
);

export const KeyRotated = named(z.object({ store_id: StoreId, key: z.string() }), 'KeyRotated');

export type Address = z.infer<typeof Address>;
export type ClickAndCollect = z.infer<typeof ClickAndCollect>;
export type Store = z.infer<typeof Store>;
export type StoreInsights = z.infer<typeof StoreInsights>;
export type StoreList = z.infer<typeof StoreList>;
export type StoreCreate = z.infer<typeof StoreCreate>;
export type StorePatch = z.infer<typeof StorePatch>;
export type StoreCreated = z.infer<typeof StoreCreated>;

/**
 * The contract between the endpoint and the elements.
 *
 * Written with zod/mini so that browser code that imports it stays small; the
 * server validates requests with the same schemas, the client parses responses
 * with them, and `GET /v1/openapi.json` is generated from them. Types are
 * inferred here and nowhere written twice.
 *
 * Responses are parsed with plain (stripping) objects so an older client keeps
 * working when the endpoint adds a field; request bodies are strict, so a typo
 * in a shop's feed is an error instead of being silently ignored.
 */
import * as z from 'zod/mini';
import { isValidGtin } from './gtin.js';
import { MAX_RESERVATION_QUANTITY, RESERVATION_STATUSES, SHOP_STATUS_CHANGES } from './reservations.js';

/**
 * Component names and descriptions for the OpenAPI document. `named()` is
 * declared free of side effects, so a browser bundle drops every schema it
 * doesn't use (request bodies, operator types); the server lists them all.
 */
export const docs = new WeakMap<z.ZodMiniType, { id: string; description?: string }>();

/*#__NO_SIDE_EFFECTS__*/
function named<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  docs.set(schema, description ? { id, description } : { id });
  return schema;
}

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

// ---------------------------------------------------------------- primitives

export const Gtin = named(
  z.string().check(
    z.regex(/^(\d{8}|\d{12,14})$/, 'must be 8, 12, 13 or 14 digits'),
    z.refine(isValidGtin, 'check digit does not match'),
  ),
  'Gtin',
  'Global Trade Item Number (EAN-13 and friends) with a valid check digit.',
);

export const StoreId = named(
  z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lower-case letters, digits and dashes')),
  'StoreId',
  'A shop\'s id in this town, e.g. "buchhandlung-am-markt".',
);

export const Sku = text(64);

export const LatLon = named(
  z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lon: z.number().check(z.gte(-180), z.lte(180)),
  }),
  'LatLon',
);

export const Money = named(
  z.object({
    amount: z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/, 'a decimal like "12.99"')),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "EUR"')),
  }),
  'Money',
  'A price as a decimal string (no binary floating point) and its currency.',
);

// ------------------------------------------------------------- opening hours

const Clock = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like "09:30"'));

export const TimeInterval = named(
  z.object({ opens: Clock, closes: Clock }).check(
    z.refine((i) => i.opens < i.closes, { message: 'closes must be after opens', path: ['closes'] }),
  ),
  'TimeInterval',
  'Local wall-clock times; "24:00" closes at midnight.',
);

const Day = z.array(TimeInterval).check(z.maxLength(6));

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SpecialDay = named(
  z.object({
    date: z.iso.date(),
    intervals: Day,
    label: z.optional(text(80)),
  }),
  'SpecialDay',
  'A date whose hours differ from the week: a holiday (no intervals = closed) or a late-opening night.',
);

export const OpeningHours = named(
  z.object({
    weekly: z.object({
      mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day,
    }),
    special_days: z.array(SpecialDay).check(z.maxLength(366)),
  }),
  'OpeningHours',
  'Weekly hours with several intervals per day (lunch breaks) and special days, in the shop\'s time zone.',
);

// ------------------------------------------------------------------- stores

export const Address = named(
  z.object({
    street: text(120),
    postal_code: z.string().check(z.regex(/^[0-9A-Z -]{3,10}$/, 'a postal code')),
    city: text(80),
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

const TimeZone = z.string().check(
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone like "Europe/Berlin"'),
);

const Phone = z.string().check(z.regex(/^\+?[0-9 ()/-]{5,30}$/, 'a phone number'));
const Website = z.url({ protocol: /^https?$/ });

const storeProfileShape = {
  name: text(120),
  description: z.optional(text(500)),
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
};

export const Store = named(
  z.object({ id: StoreId, ...storeProfileShape, updated_at: z.iso.datetime() }),
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
    description: z.optional(z.nullable(text(500))),
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
  }),
  'StorePatch',
);

export const StoreCreated = named(
  z.object({ store: Store, key: z.string() }),
  'StoreCreated',
  'The new shop and its key. The key is shown only here; the endpoint keeps only a hash.',
);

export const KeyRotated = named(z.object({ store_id: StoreId, key: z.string() }), 'KeyRotated');

// ----------------------------------------------------------------- products

export const Dimensions = named(
  z.object({
    width: z.number().check(z.gt(0), z.lte(100)),
    height: z.number().check(z.gt(0), z.lte(100)),
    depth: z.number().check(z.gt(0), z.lte(100)),
  }),
  'Dimensions',
  'Real-world size in metres.',
);

export const Model3D = named(
  z.object({
    glb_url: z.string().check(z.minLength(1)),
    usdz_url: z.optional(z.string().check(z.minLength(1))),
    poster_url: z.optional(z.string().check(z.minLength(1))),
    dimensions_m: z.optional(Dimensions),
  }),
  'Model3D',
  'A 3D model of the product (glTF binary, optional USDZ for Apple Quick Look).',
);

export const Product = named(
  z.object({
    gtin: Gtin,
    name: text(200),
    brand: z.optional(text(120)),
    description: z.optional(text(2000)),
    category: z.optional(text(80)),
    image_url: z.optional(z.string().check(z.minLength(1))),
    model: z.optional(Model3D),
  }),
  'Product',
);

export const ProductList = named(z.object({ items: z.array(Product) }), 'ProductList');

// ------------------------------------------------------------- availability

export const AVAILABILITY_STATES = ['in_stock', 'limited_availability', 'out_of_stock', 'on_display_to_order'] as const;
export const AvailabilityState = named(z.enum(AVAILABILITY_STATES), 'AvailabilityState');

export const PICKUP_METHODS = ['buy', 'reserve', 'ship_to_store', 'not_supported'] as const;
export const PickupMethod = named(z.enum(PICKUP_METHODS), 'PickupMethod');

export const PICKUP_SLAS = ['same_day', 'next_day', '2_day', '3_day', '4_day', '5_day', '6_day', 'multi_week'] as const;
export const PickupSla = named(z.enum(PICKUP_SLAS), 'PickupSla');

export const Offer = named(
  z.object({
    store: Store,
    sku: z.string(),
    gtin: Gtin,
    availability: AvailabilityState,
    /** Present only where the shop allows exact quantities to be shown. */
    quantity: z.optional(z.int().check(z.gte(0))),
    price: Money,
    pickup: z.object({ method: PickupMethod, sla: z.optional(PickupSla) }),
    updated_at: z.iso.datetime(),
    /** Metres from the given location, when one was given. */
    distance_m: z.optional(z.number().check(z.gte(0))),
    /**
     * Whether a shopper can reserve it now: decided by the endpoint (the shop takes
     * reservations, counts this article and has units free), so no client guesses.
     */
    reservable: z.boolean(),
  }),
  'Offer',
  'One shop\'s offer of the product.',
);

export const Availability = named(
  z.object({
    gtin: Gtin,
    product: Product,
    /** Sorted by distance when a location was given, otherwise in-stock first. */
    offers: z.array(Offer),
  }),
  'Availability',
);

const queryNumber = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'a number')),
    z.pipe(z.transform((s: string) => Number(s)), z.number().check(z.gte(min), z.lte(max))),
  );

/**
 * The query of `GET /v1/availability`, as the endpoint parses it; the client writes it with
 * `availabilitySearchParams` (availability.ts).
 */
export const AvailabilityQuery = named(
  z
    .object({
      gtin: z.optional(Gtin),
      store: z.optional(StoreId),
      sku: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      lat: z.optional(queryNumber(-90, 90)),
      lon: z.optional(queryNumber(-180, 180)),
    })
    .check(
      z.refine((q) => (q.gtin !== undefined) !== (q.store !== undefined && q.sku !== undefined), {
        message: 'give either gtin, or store and sku',
        path: ['gtin'],
      }),
      z.refine((q) => (q.lat === undefined) === (q.lon === undefined), { message: 'give both lat and lon', path: ['lat'] }),
    ),
  'AvailabilityQuery',
);

// ---------------------------------------------------------------- inventory

/** One article in a shop's stock feed (the column names follow Google's local inventory feed). */
export const InventoryItem = named(
  z.strictObject({
    sku: Sku,
    gtin: Gtin,
    quantity: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
    price: Money,
    availability: z.optional(AvailabilityState),
    pickup_method: z.optional(PickupMethod),
    pickup_sla: z.optional(PickupSla),
    /** Needed only for a product the town does not know yet. */
    title: z.optional(text(200)),
    brand: z.optional(text(120)),
  }).check(
    z.refine((i) => i.quantity !== undefined || i.availability !== undefined, {
      message: 'give quantity or availability',
      path: ['quantity'],
    }),
  ),
  'InventoryItem',
);

export const InventoryUpload = named(
  z.strictObject({ items: z.array(InventoryItem).check(z.maxLength(100_000)) }),
  'InventoryUpload',
);

export const InventoryResult = named(
  z.object({
    store_id: StoreId,
    mode: z.enum(['replace', 'merge']),
    dry_run: z.boolean(),
    received: z.int(),
    created: z.int(),
    updated: z.int(),
    removed: z.int(),
    products_created: z.int(),
  }),
  'InventoryResult',
);

// --------------------------------------------------------------------- city

export const TileSource = named(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({
      type: z.literal('xyz'),
      url: z.string().check(z.regex(/\{z\}.*\{x\}.*\{y\}/, 'a template with {z}, {x} and {y}')),
      max_zoom: z.int().check(z.gte(1), z.lte(22)),
      attribution: text(300),
    }),
    z.object({
      type: z.literal('pmtiles'),
      url: z.string().check(z.minLength(1)),
      max_zoom: z.int().check(z.gte(1), z.lte(22)),
      attribution: text(300),
    }),
  ]),
  'TileSource',
  'Where map tiles come from. A host other than the endpoint\'s is contacted only after the shopper consents.',
);

export const Place = named(
  z.object({
    name: text(120),
    postal_code: z.optional(z.string().check(z.regex(/^[0-9A-Z -]{3,10}$/))),
    location: LatLon,
  }),
  'Place',
  'A postcode area or district of the town, for "sort by distance from …" without a third-party geocoder.',
);

export const PlaceList = named(z.object({ items: z.array(Place) }), 'PlaceList');

export const City = named(
  z.object({
    id: StoreId,
    name: text(120),
    region: z.optional(text(120)),
    country: z.string().check(z.regex(/^[A-Z]{2}$/)),
    time_zone: TimeZone,
    centre: LatLon,
    map: z.object({ zoom: z.int().check(z.gte(1), z.lte(22)) }),
    tiles: TileSource,
    attribution: z.optional(text(300)),
    /** Postcodes and districts that shoppers may type instead of sharing their location. */
    places: z.optional(z.array(Place).check(z.maxLength(5000))),
  }),
  'City',
);

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
    name: text(100),
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
    reason: z.optional(text(300)),
  }),
  'ReservationUpdate',
);

export const ReservationCancel = named(z.strictObject({ reason: z.optional(text(300)) }), 'ReservationCancel');

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

// -------------------------------------------------------------------- types

export type Gtin = z.infer<typeof Gtin>;
export type LatLon = z.infer<typeof LatLon>;
export type Money = z.infer<typeof Money>;
export type TimeInterval = z.infer<typeof TimeInterval>;
export type SpecialDay = z.infer<typeof SpecialDay>;
export type OpeningHours = z.infer<typeof OpeningHours>;
export type Address = z.infer<typeof Address>;
export type ClickAndCollect = z.infer<typeof ClickAndCollect>;
export type Store = z.infer<typeof Store>;
export type StoreList = z.infer<typeof StoreList>;
export type StoreCreate = z.infer<typeof StoreCreate>;
export type StorePatch = z.infer<typeof StorePatch>;
export type StoreCreated = z.infer<typeof StoreCreated>;
export type Dimensions = z.infer<typeof Dimensions>;
export type Model3D = z.infer<typeof Model3D>;
export type Product = z.infer<typeof Product>;
export type ProductList = z.infer<typeof ProductList>;
export type AvailabilityState = z.infer<typeof AvailabilityState>;
export type PickupMethod = z.infer<typeof PickupMethod>;
export type PickupSla = z.infer<typeof PickupSla>;
export type Offer = z.infer<typeof Offer>;
export type Availability = z.infer<typeof Availability>;
export type AvailabilityQuery = z.output<typeof AvailabilityQuery>;
export type InventoryItem = z.infer<typeof InventoryItem>;
export type InventoryUpload = z.infer<typeof InventoryUpload>;
export type InventoryResult = z.infer<typeof InventoryResult>;
export type TileSource = z.infer<typeof TileSource>;
export type City = z.infer<typeof City>;
export type Place = z.infer<typeof Place>;
export type PlaceList = z.infer<typeof PlaceList>;
export type Problem = z.infer<typeof Problem>;
export type Health = z.infer<typeof Health>;
export type ReservationStatus = z.infer<typeof ReservationStatus>;
export type CustomerInput = z.infer<typeof CustomerInput>;
export type ReservationCreate = z.infer<typeof ReservationCreate>;
export type Reservation = z.infer<typeof Reservation>;
export type ReservationList = z.infer<typeof ReservationList>;
export type ReservationUpdate = z.infer<typeof ReservationUpdate>;

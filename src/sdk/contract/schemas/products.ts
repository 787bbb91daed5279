/** Products, their 3D models, what each shop offers (availability), and stock uploads. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { AssetUrl, Gtin, Money, Sku, StoreId, singleLine, multiLine } from './primitives.js';
import { Store } from './stores.js';

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
    glb_url: AssetUrl,
    usdz_url: z.optional(AssetUrl),
    poster_url: z.optional(AssetUrl),
    dimensions_m: z.optional(Dimensions),
  }),
  'Model3D',
  'A 3D model of the product (glTF binary, optional USDZ for Apple Quick Look).',
);

export const ProductNamedBy = named(
  z.enum(['operator', 'shops']),
  'ProductNamedBy',
  'Who named the product for the town: `operator` (PATCH /v1/products/{gtin}; no stock upload changes it), or `shops` ' +
    '(the title at least two shops give it, more shops than any other; compared trimmed, whitespace collapsed, case ignored). ' +
    'Absent: nobody yet; one shop alone never names a product for the town, so `name` is the neutral `Artikel {gtin}` ' +
    '(a client may show it in its own language, `Article {gtin}`). Each shop\'s own title is in its offer (`Offer.title`).',
);

export const Product = named(
  z.object({
    gtin: Gtin,
    /** The town's name for the product: see `named_by`. */
    name: singleLine(200),
    named_by: z.optional(ProductNamedBy),
    brand: z.optional(singleLine(120)),
    description: z.optional(multiLine(2000)),
    category: z.optional(singleLine(80)),
    image_url: z.optional(AssetUrl),
    model: z.optional(Model3D),
  }),
  'Product',
);

/**
 * Body of `PATCH /v1/products/{gtin}` (town operator): the town's own record of a product.
 * A shop's upload names only its own offer; the product's name is the operator's to set.
 */
export const ProductPatch = named(
  z.strictObject({
    name: z.optional(singleLine(200)),
    brand: z.optional(z.nullable(singleLine(120))),
    description: z.optional(z.nullable(multiLine(2000))),
    category: z.optional(z.nullable(singleLine(80))),
    image_url: z.optional(z.nullable(AssetUrl)),
  }),
  'ProductPatch',
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
    /** The shop's own title for the article, when it gave one: each shop names its offer, never another shop's. */
    title: z.optional(z.string()),
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
    /**
     * Where reservable: the most units one reservation may take here now, that is what is free,
     * at most MAX_RESERVATION_QUANTITY (reservations.ts). Also where the shop hides its
     * quantities, so the dialog states the limit before sending; it tells no more than a
     * too-large request's answer would.
     */
    max_quantity: z.optional(z.int().check(z.gte(1))),
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

/** The elements the endpoint renders first frames of (`GET /v1/frames`), by their tag without `citylab-`. */
export const FRAME_ELEMENTS = ['ar-viewer', 'click-collect', 'store-finder'] as const;

/**
 * The query of `GET /v1/frames`: the product as the elements name it (`gtin`, or `store` and
 * `sku`), the page's shop (`store`), their language, and which elements (comma-separated; default all three).
 */
export const FramesQuery = named(
  z
    .object({
      // The product as the availability question names it (the same fields, checked the same way).
      gtin: AvailabilityQuery.shape.gtin,
      store: AvailabilityQuery.shape.store,
      sku: AvailabilityQuery.shape.sku,
      lang: z.optional(z.enum(['de', 'en'])),
      elements: z.optional(
        z.pipe(
          z.pipe(z.string(), z.transform((s: string) => [...new Set(s.split(',').map((e) => e.trim()))])),
          z.array(z.enum(FRAME_ELEMENTS)).check(z.minLength(1)),
        ),
      ),
    })
    .check(z.refine((q) => q.gtin !== undefined || (q.store !== undefined && q.sku !== undefined), { message: 'give gtin, or store and sku', path: ['gtin'] })),
  'FramesQuery',
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
    /**
     * The shop's own title, shown in its offer and its mails; needed for a product the town does
     * not know yet. It names the product for the town only when other shops agree (`Product.named_by`).
     */
    title: z.optional(singleLine(200)),
    /** Accepted, but the town's record takes its brand from the operator only (one shop's brand is not shown town-wide). */
    brand: z.optional(singleLine(120)),
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

export type Dimensions = z.infer<typeof Dimensions>;
export type Model3D = z.infer<typeof Model3D>;
export type Product = z.infer<typeof Product>;
export type ProductNamedBy = z.infer<typeof ProductNamedBy>;
export type ProductList = z.infer<typeof ProductList>;
export type AvailabilityState = z.infer<typeof AvailabilityState>;
export type PickupMethod = z.infer<typeof PickupMethod>;
export type PickupSla = z.infer<typeof PickupSla>;
export type Offer = z.infer<typeof Offer>;
export type Availability = z.infer<typeof Availability>;
export type AvailabilityQuery = z.output<typeof AvailabilityQuery>;
export type FramesQuery = z.output<typeof FramesQuery>;
export type InventoryItem = z.infer<typeof InventoryItem>;
export type InventoryUpload = z.infer<typeof InventoryUpload>;
export type InventoryResult = z.infer<typeof InventoryResult>;

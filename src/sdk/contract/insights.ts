/**
 * Town insights without tracking: what the elements count, what the endpoint
 * counts itself, and the figures it answers with. Counts only, per hour, shop,
 * product and event; no identifier of a person or a browser is ever sent or
 * stored (see the endpoint's `GET /v1/privacy/insights`).
 */
import * as z from 'zod/mini';
import { named } from './schemas/named.js';
import { Gtin, StoreId } from './schemas/primitives.js';

/** What the elements report (by beacon, once the shopper interacts or leaves the page). */
export const BEACON_EVENTS = [
  /** An element showed the product (once per product and page view, however many elements). */
  'view',
  /** The 3D model was opened (loaded on the shopper's request). */
  'model-open',
  'ar-start',
  /** AR could not start; `reason` says which kind of failure. */
  'ar-fail',
  /** The QR code that hands AR over to a phone was shown. */
  'qr-shown',
  /** The finder listed the town's shops for the product. */
  'finder-search',
  'store-select',
  'route-open',
  'call-open',
  'website-open',
  /** The reservation dialog was opened. */
  'reservation-open',
] as const;

/** What the endpoint counts itself, from what it does: a reservation made, collected, expired. */
export const SERVER_EVENTS = ['reserved', 'collected', 'expired'] as const;

export const INSIGHT_EVENTS = [...BEACON_EVENTS, ...SERVER_EVENTS] as const;
export type BeaconEvent = (typeof BEACON_EVENTS)[number];
export type InsightEvent = (typeof INSIGHT_EVENTS)[number];

/** The classes of AR failure counted (never the message or the device). */
export const AR_FAIL_REASONS = ['unsupported', 'in-app-browser', 'error'] as const;

/** The steps from a product seen to a product collected, in order. */
export const FUNNEL: readonly InsightEvent[] = ['view', 'model-open', 'finder-search', 'store-select', 'reservation-open', 'reserved', 'collected'];

/** Figures crossing shops below this are shown as "<5": no single shopper's action can be read off. */
export const SUPPRESS_BELOW = 5;

/**
 * One page view's events. `pv` is a random number the page holds in memory for as long as it
 * is open (never stored by the browser nor by the endpoint): the endpoint uses it only to count
 * each event once per page view, in memory, for an hour.
 */
export const Beacon = named(
  z.strictObject({
    pv: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,40}$/, 'a page view\'s random id')),
    events: z
      .array(
        z.strictObject({
          e: z.enum(BEACON_EVENTS),
          gtin: z.optional(Gtin),
          store: z.optional(StoreId),
          reason: z.optional(z.enum(AR_FAIL_REASONS)),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
  }),
  'Beacon',
  'Events of one page view, sent by the elements with navigator.sendBeacon (as text/plain, so no preflight).',
);
export type Beacon = z.infer<typeof Beacon>;

/** A count, or "<5" where a figure crossing shops is too small to show. */
export const Cell = z.union([z.int().check(z.gte(0)), z.literal('<5')]);
export type Cell = z.infer<typeof Cell>;

/** One cell per event (an object with every event, so the document lists them). */
const Counts = z.object(Object.fromEntries(INSIGHT_EVENTS.map((e) => [e, Cell])) as Record<InsightEvent, typeof Cell>);

export const InsightsReport = named(
  z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    by: z.enum(['day', 'week']),
    /** True when any figure in range is generated demo data. */
    demo: z.boolean(),
    /** One entry per day (or per ISO week, dated by its Monday), in the town's time zone. */
    series: z.array(z.object({ period: z.iso.date(), counts: Counts })),
    totals: Counts,
    funnel: z.array(z.object({ event: z.enum(INSIGHT_EVENTS), count: Cell })),
    top_products: z.array(z.object({ gtin: Gtin, name: z.string(), counts: Counts })),
    /** In the town's view: per shop, only shops that agreed to share their figures. */
    stores: z.optional(z.array(z.object({ store_id: StoreId, name: z.string(), totals: Counts }))),
  }),
  'InsightsReport',
  'Counts per period and event; cells crossing shops under 5 are "<5".',
);
export type InsightsReport = z.infer<typeof InsightsReport>;

export const FootfallComparison = named(
  z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    demo: z.boolean(),
    points: z.array(z.string()),
    /** Per weekday (1 = Monday) and hour of day in the town's time zone: passers-by counted, and online interest (views). */
    cells: z.array(z.object({ weekday: z.int(), hour: z.int(), footfall: z.int(), online: Cell })),
  }),
  'FootfallComparison',
  'Where people look online, and when they come: passers-by beside online interest, by weekday and hour.',
);
export type FootfallComparison = z.infer<typeof FootfallComparison>;

export const FootfallImported = named(
  z.object({ rows: z.int(), points: z.array(z.string()), from: z.iso.datetime(), to: z.iso.datetime() }),
  'FootfallImported',
);

/** Primitives (GTIN, shop id, money, places on the map) and opening hours. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { isValidGtin } from '../gtin.js';

// ---------------------------------------------------------------- text

/**
 * What no text field takes: control characters (C0, DEL, C1) and the bidi controls that make
 * text read otherwise than it is stored (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates). A single line also refuses line breaks, U+2028 and U+2029 included: a name with
 * line breaks writes its own lines into the mails. A multi-line field keeps plain line breaks.
 */
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NOT_MULTI_LINE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** One line of text (names, streets, titles, labels), trimmed, 1 to `max` characters. */
export const singleLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !NOT_ONE_LINE.test(s), 'one line of text: no line breaks, control characters or direction overrides'),
  );

/** Text with paragraphs (descriptions, notes), trimmed, 1 to `max` characters: plain line breaks only. */
export const multiLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !NOT_MULTI_LINE.test(s), 'text with line breaks only: no tabs, control characters or direction overrides'),
  );

/**
 * Where a model, poster or image is: a path on the endpoint (`/demo/models/lamp.glb`) or an
 * https URL. http only on loopback (tests and the demo on one machine): a model fetched over
 * plain http from anywhere could be swapped on the way.
 */
export function isAssetUrl(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//') && !value.includes('\\');
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

export const AssetUrl = z.string().check(
  z.minLength(1),
  z.maxLength(2000),
  z.refine((s) => !NOT_ONE_LINE.test(s) && !/\s/.test(s), 'an address without spaces or control characters'),
  z.refine(isAssetUrl, 'an https URL, or a path on this endpoint starting with "/" (http only on localhost)'),
);

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

export const Sku = singleLine(64);

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
    label: z.optional(singleLine(80)),
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

export type Gtin = z.infer<typeof Gtin>;
export type LatLon = z.infer<typeof LatLon>;
export type Money = z.infer<typeof Money>;
export type TimeInterval = z.infer<typeof TimeInterval>;
export type SpecialDay = z.infer<typeof SpecialDay>;
export type OpeningHours = z.infer<typeof OpeningHours>;

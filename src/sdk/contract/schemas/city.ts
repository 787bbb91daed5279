/** The town: map, tiles, places for "sort by distance". See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { TimeZone } from './stores.js';
import { LatLon, StoreId, singleLine } from './primitives.js';

// --------------------------------------------------------------------- city

export const TileSource = named(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({
      type: z.literal('xyz'),
      url: z.string().check(z.regex(/\{z\}.*\{x\}.*\{y\}/, 'a template with {z}, {x} and {y}')),
      max_zoom: z.int().check(z.gte(1), z.lte(22)),
      attribution: singleLine(300),
    }),
    z.object({
      type: z.literal('pmtiles'),
      url: z.string().check(z.minLength(1)),
      max_zoom: z.int().check(z.gte(1), z.lte(22)),
      attribution: singleLine(300),
    }),
  ]),
  'TileSource',
  'Where map tiles come from. A host other than the endpoint\'s is contacted only after the shopper consents.',
);

export const Place = named(
  z.object({
    name: singleLine(120),
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
    name: singleLine(120),
    region: z.optional(singleLine(120)),
    country: z.string().check(z.regex(/^[A-Z]{2}$/)),
    time_zone: TimeZone,
    centre: LatLon,
    map: z.object({ zoom: z.int().check(z.gte(1), z.lte(22)) }),
    tiles: TileSource,
    attribution: z.optional(singleLine(300)),
    /** Postcodes and districts that shoppers may type instead of sharing their location. */
    places: z.optional(z.array(Place).check(z.maxLength(5000))),
  }),
  'City',
);

export type TileSource = z.infer<typeof TileSource>;
export type City = z.infer<typeof City>;
export type Place = z.infer<typeof Place>;
export type PlaceList = z.infer<typeof PlaceList>;

/** The town: its settings (the operator sets them) and the places shoppers may sort by. */
import * as z from 'zod/mini';
import { City, PlaceList } from 'citylab-sdk/contract';
import { matchPlaces } from '../places.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

const PlacesQuery = z.object({
  q: z.string().check(z.trim(), z.minLength(2, 'between 2 and 60 characters'), z.maxLength(60, 'between 2 and 60 characters')),
});

export const cityRoutes: RouteModuleFactory = ({ storage }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/city',
      operationId: 'getCity',
      summary: 'The town: name, centre, map view, tile source',
      tag: 'town',
      access: 'public',
      cache: 'data',
      responses: { 200: { description: 'The town.', schema: City } },
      problems: ['city-not-configured'],
      handle: async (c) => {
        const city = await storage.getCity();
        if (!city) throw new ProblemError('city-not-configured', 'This endpoint has no town configured yet.');
        return c.json(city);
      },
    }),
    route({
      method: 'put',
      path: '/v1/city',
      operationId: 'setCity',
      summary: 'Set the town',
      tag: 'town',
      access: 'admin',
      body: { description: 'The town', content: { 'application/json': City } },
      responses: { 200: { description: 'The town as stored.', schema: City } },
      handle: async (c, { body }) => {
        await storage.setCity(body.value);
        return c.json(body.value);
      },
    }),
    route({
      method: 'get',
      path: '/v1/places',
      operationId: 'searchPlaces',
      summary: 'Postcodes and districts of the town matching what a shopper typed',
      description: 'Resolved from the town\'s own list (`City.places`); no third-party geocoder is asked.',
      tag: 'town',
      access: 'public',
      cache: 'data',
      query: PlacesQuery,
      responses: { 200: { description: 'Matching places, best first.', schema: PlaceList } },
      handle: async (c, { query }) => {
        const places = (await storage.getCity())?.places ?? [];
        return c.json({ items: matchPlaces(places, query.q) });
      },
    }),
  ],
});

/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas (every
 * schema named in `contract` becomes a component) plus the route table below.
 * A test asks every listed route of the running endpoint, so the table cannot
 * drift from the routes without failing.
 */
import * as z from 'zod/mini';
import * as schemas from 'citylab-sdk/contract';

/** Every named schema of the contract, as a registry for z.toJSONSchema. */
function contractRegistry() {
  const registry = z.registry<{ id: string; description?: string }>();
  for (const value of Object.values(schemas)) {
    const meta = typeof value === 'object' && value !== null ? schemas.docs.get(value as z.ZodMiniType) : undefined;
    if (meta) registry.add(value as z.ZodMiniType, meta);
  }
  return registry;
}

type Ref = { $ref: string };
const ref = (id: string): Ref => ({ $ref: `#/components/schemas/${id}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const json = (description: string, schema: Ref) => ({ description, content: { 'application/json': { schema } } });

const storeIdParam = { name: 'id', in: 'path', required: true, schema: ref('StoreId') };
const shopAuth = [{ storeKey: [] }, { adminKey: [] }];

export const ROUTES = {
  '/v1/health': {
    get: { summary: 'Liveness', tags: ['public'], responses: { 200: json('The endpoint is up.', ref('Health')) } },
  },
  '/v1/ready': {
    get: {
      summary: 'Readiness: the database answers and the instance is not shutting down',
      tags: ['public'],
      responses: { 200: { description: 'Ready to take requests.' }, 503: problem('Not ready (database unreachable, or shutting down).') },
    },
  },
  '/v1/openapi.json': {
    get: { summary: 'This document', tags: ['public'], responses: { 200: { description: 'OpenAPI 3.1' } } },
  },
  '/v1/city': {
    get: {
      summary: 'The town: name, centre, map view, tile source',
      tags: ['public'],
      responses: { 200: json('The town.', ref('City')), 404: problem('No town configured.') },
    },
    put: {
      summary: 'Set the town (town operator)',
      tags: ['operator'],
      security: [{ adminKey: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('City') } } },
      responses: { 200: json('The town.', ref('City')), 400: problem('Invalid town.'), 401: problem('Missing or wrong key.') },
    },
  },
  '/v1/places': {
    get: {
      summary: 'Postcodes and districts of the town matching what a shopper typed',
      description: 'Resolved from the town\'s own list (`City.places`); no third-party geocoder is asked.',
      tags: ['public'],
      parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 60 } }],
      responses: { 200: json('Matching places, best first.', ref('PlaceList')), 400: problem('No or too short query.') },
    },
  },
  '/v1/stores': {
    get: { summary: 'Every shop in town', tags: ['public'], responses: { 200: json('The shops.', ref('StoreList')) } },
    post: {
      summary: 'Add a shop (town operator); returns its key once',
      tags: ['operator'],
      security: [{ adminKey: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: ref('StoreCreate') } } },
      responses: {
        201: json('Created. The key is shown only here.', ref('StoreCreated')),
        400: problem('Malformed JSON or invalid fields.'),
        401: problem('Missing or wrong key.'),
        403: problem('Not the operator\'s key.'),
        409: problem('The id is taken.'),
        413: problem('Body over 1 MB.'),
      },
    },
  },
  '/v1/stores/{id}': {
    get: {
      summary: 'One shop',
      tags: ['public'],
      parameters: [storeIdParam],
      responses: { 200: json('The shop.', ref('Store')), 404: problem('No such shop.') },
    },
    patch: {
      summary: 'Edit the shop\'s own profile (hours, contact, pickup settings)',
      tags: ['shop'],
      security: shopAuth,
      parameters: [storeIdParam],
      requestBody: { required: true, content: { 'application/json': { schema: ref('StorePatch') } } },
      responses: {
        200: json('The updated shop.', ref('Store')),
        400: problem('Malformed JSON or invalid fields.'),
        401: problem('Missing or wrong key.'),
        403: problem('Another shop\'s key.'),
        404: problem('No such shop.'),
      },
    },
  },
  '/v1/stores/{id}/keys': {
    post: {
      summary: 'Rotate a shop\'s key (town operator); the old key stops working',
      tags: ['operator'],
      security: [{ adminKey: [] }],
      parameters: [storeIdParam],
      responses: { 201: json('The new key, shown only here.', ref('KeyRotated')), 401: problem('Missing or wrong key.'), 404: problem('No such shop.') },
    },
  },
  '/v1/stores/{id}/inventory': {
    get: {
      summary: 'The shop\'s own stock list, with exact quantities',
      tags: ['shop'],
      security: shopAuth,
      parameters: [storeIdParam],
      responses: { 200: { description: 'The stock list.' }, 401: problem('Missing or wrong key.'), 403: problem('Another shop\'s key.') },
    },
    put: inventoryOperation('Replace the shop\'s stock list'),
    patch: inventoryOperation('Merge into the shop\'s stock list (by article number)'),
  },
  '/v1/products': {
    get: {
      summary: 'Search products by name, brand or GTIN',
      tags: ['public'],
      parameters: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 2, maxLength: 100 } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      ],
      responses: { 200: json('Matching products.', ref('ProductList')), 400: problem('No or too short search term.') },
    },
  },
  '/v1/products/{gtin}': {
    get: {
      summary: 'One product, with its 3D model if it has one',
      tags: ['public'],
      parameters: [{ name: 'gtin', in: 'path', required: true, schema: ref('Gtin') }],
      responses: { 200: json('The product.', ref('Product')), 400: problem('Not a valid GTIN.'), 404: problem('Unknown product.') },
    },
  },
  '/v1/availability': {
    get: {
      summary: 'Which shops in town have the product',
      description:
        'Every shop that lists the product. With `lat`/`lon`: each offer gets `distance_m` and the list is sorted by distance; otherwise in-stock first. Ask by `gtin`, or by a shop\'s own article number with `store` and `sku`.',
      tags: ['public'],
      parameters: [
        { name: 'gtin', in: 'query', required: false, schema: ref('Gtin') },
        { name: 'store', in: 'query', required: false, schema: ref('StoreId') },
        { name: 'sku', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'lat', in: 'query', required: false, schema: { type: 'number', minimum: -90, maximum: 90 } },
        { name: 'lon', in: 'query', required: false, schema: { type: 'number', minimum: -180, maximum: 180 } },
      ],
      responses: { 200: json('The offers.', ref('Availability')), 400: problem('Invalid query.'), 404: problem('Unknown product or article.') },
    },
  },
} as const;

function inventoryOperation(summary: string) {
  return {
    summary,
    description:
      'JSON (`InventoryUpload`), or a CSV / tab-separated file with the column names of Google\'s local inventory feed: store_code, id, gtin, quantity, price, availability, pickup_method, pickup_sla, title, brand. A file with any bad row is rejected whole with every line number and reason. `?dry_run=1` validates only. Bodies up to 16 MB.',
    tags: ['shop'],
    security: shopAuth,
    parameters: [storeIdParam, { name: 'dry_run', in: 'query', required: false, schema: { type: 'string', enum: ['1', 'true'] } }],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: ref('InventoryUpload') },
        'text/csv': { schema: { type: 'string' } },
        'text/tab-separated-values': { schema: { type: 'string' } },
      },
    },
    responses: {
      200: json('Applied (or, with dry_run, would be applied).', ref('InventoryResult')),
      400: problem('Malformed JSON or invalid fields.'),
      401: problem('Missing or wrong key.'),
      403: problem('Another shop\'s key.'),
      413: problem('Body over 16 MB.'),
      415: problem('Unsupported content type.'),
      422: problem('Rows rejected; nothing applied.'),
    },
  };
}

export function buildOpenApi(version: string) {
  const generated = z.toJSONSchema(contractRegistry(), {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    schemas[id] = rest;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CityLab city availability endpoint',
      version,
      description: 'Which shop in town has it, stock fed by the shops, for the CityLab web components.',
    },
    servers: [{ url: '/' }],
    paths: ROUTES,
    components: {
      schemas,
      securitySchemes: {
        storeKey: { type: 'http', scheme: 'bearer', description: 'A shop\'s key (cl_sk_…).' },
        adminKey: { type: 'http', scheme: 'bearer', description: 'The town operator\'s key (CITYLAB_ADMIN_KEY).' },
      },
    },
  };
}

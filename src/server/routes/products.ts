/** Product search and one product, with its 3D model if it has one. */
import * as z from 'zod/mini';
import { Gtin, Product, ProductList, ProductPatch } from 'citylab-sdk/contract';
import { ProblemError } from '../problem.js';
import type { Storage } from '../storage/types.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

/** The `{gtin}` of every `/v1/products/{gtin}…` route. */
export const ProductPath = z.object({ gtin: Gtin });

export async function requireProduct(storage: Storage, gtin: string): Promise<Product> {
  const product = await storage.getProduct(gtin);
  if (!product) throw new ProblemError('product-not-found', { en: `No product with GTIN ${gtin} is known in this town.`, de: `Ein Produkt mit der GTIN ${gtin} ist in dieser Stadt nicht bekannt.` });
  return product;
}

/** How the town's record is named (product-naming.ts), for the document. */
const NAMING =
  '`name` is the town\'s name for the product, and `named_by` says who gave it: `operator` (PATCH /v1/products/{gtin}; no stock ' +
  'upload changes it) or `shops` (the title at least two shops give the product, used by more shops than any other; compared ' +
  'trimmed, whitespace collapsed, case ignored). Without `named_by` nobody has named it yet: one shop alone never names a product ' +
  'for the town, so `name` is the neutral `Artikel {gtin}` (a client may show it in its own language). Each shop\'s own title is ' +
  'in its offer (`Offer.title`). Brand, image, description, category and 3D model come from the operator only.';

const searchTerm = 'between 2 and 100 characters';
const ProductSearch = z.object({
  q: z.string().check(z.trim(), z.minLength(2, searchTerm), z.maxLength(100, searchTerm)),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, 'a whole number from 1 to 100')),
      z.pipe(z.transform(Number), z.int().check(z.gte(1, 'a whole number from 1 to 100'), z.lte(100, 'a whole number from 1 to 100'))),
    ),
  ),
});

export const productRoutes: RouteModuleFactory = ({ storage }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/products',
      operationId: 'searchProducts',
      summary: 'Search products by name, brand or GTIN',
      description: 'At most `limit` products (default 20). The search matches the town\'s name once someone named the product, its brand and its GTIN, never one shop\'s own title.',
      tag: 'products',
      access: 'public',
      cache: 'data',
      query: ProductSearch,
      responses: { 200: { description: 'Matching products.', schema: ProductList } },
      handle: async (c, { query }) => c.json({ items: await storage.searchProducts(query.q, query.limit ?? 20) }),
    }),
    route({
      method: 'get',
      path: '/v1/products/{gtin}',
      operationId: 'getProduct',
      summary: 'One product, with its 3D model if it has one',
      description: NAMING,
      tag: 'products',
      access: 'public',
      cache: 'data',
      params: ProductPath,
      responses: { 200: { description: 'The product.', schema: Product } },
      problems: ['product-not-found'],
      handle: async (c, { params }) => c.json(await requireProduct(storage, params.gtin)),
    }),
    route({
      method: 'patch',
      path: '/v1/products/{gtin}',
      operationId: 'updateProduct',
      summary: 'The town operator edits the town\'s record of a product',
      description:
        'The name every shop\'s widget shows above the offers. A shop\'s upload names only its own offer (`title` in the offer); ' +
        'the town\'s record is named by the operator, or by the shops\' agreement (`named_by`), never by one shop alone. ' +
        'A name set here wins and no upload changes it. `null` removes a field.',
      tag: 'products',
      access: 'admin',
      params: ProductPath,
      body: { description: 'The changes', content: { 'application/json': ProductPatch } },
      responses: { 200: { description: 'The product as it is now.', schema: Product } },
      problems: ['product-not-found'],
      handle: async (c, { params, body: { value: patch } }) => {
        const updated: Record<string, unknown> = { ...(await requireProduct(storage, params.gtin)) };
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) delete updated[key];
          else if (value !== undefined) updated[key] = value;
        }
        // The operator's name is kept against every later upload (product-naming.ts).
        if (patch.name !== undefined) updated.named_by = 'operator';
        await storage.putProducts([updated as Product]);
        return c.json(updated);
      },
    }),
  ],
});

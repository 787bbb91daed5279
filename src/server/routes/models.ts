/**
 * The town operator attaches a 3D model (made with `citylab-models`) to a
 * product, or takes it away; `<citylab-ar-viewer>` shows what the product carries.
 */
import { Model3D, Product } from 'citylab-sdk/contract';
import type { RouteModuleFactory } from './module.js';
import { ProductPath, requireProduct } from './products.js';
import { route } from './table.js';

export const modelRoutes: RouteModuleFactory = ({ storage }) => ({
  api: [
    route({
      method: 'put',
      path: '/v1/products/{gtin}/model',
      operationId: 'setProductModel',
      summary: 'Attach a 3D model to a product',
      description: 'URLs may be relative to the endpoint (its `/demo/models/…`, say) or absolute (a shop\'s CDN).',
      tag: 'products',
      access: 'admin',
      params: ProductPath,
      body: { description: 'The model', content: { 'application/json': Model3D } },
      responses: { 200: { description: 'The product with its model.', schema: Product } },
      problems: ['product-not-found'],
      handle: async (c, { params, body }) => {
        const updated: Product = { ...(await requireProduct(storage, params.gtin)), model: body.value };
        await storage.putProducts([updated]);
        return c.json(updated);
      },
    }),
    route({
      method: 'delete',
      path: '/v1/products/{gtin}/model',
      operationId: 'removeProductModel',
      summary: 'Take a product\'s 3D model away',
      tag: 'products',
      access: 'admin',
      params: ProductPath,
      responses: { 200: { description: 'The product without a model.', schema: Product } },
      problems: ['product-not-found'],
      handle: async (c, { params }) => {
        const { model: _removed, ...rest } = await requireProduct(storage, params.gtin);
        await storage.putProducts([rest]);
        return c.json(rest);
      },
    }),
  ],
});

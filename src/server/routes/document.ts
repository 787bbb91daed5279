/** `GET /v1/openapi.json`: the document the route table writes (../openapi.ts). */
import * as z from 'zod/mini';
import { documented } from '../openapi.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

const OpenApiDocument = documented(z.looseObject({ openapi: z.string() }), 'OpenApiDocument', 'An OpenAPI 3.1 document: this one.');

export const documentRoutes: RouteModuleFactory = ({ openapi }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      tag: 'endpoint',
      access: 'public',
      cache: 'data',
      responses: { 200: { description: 'The OpenAPI 3.1 document of every /v1 route.', schema: OpenApiDocument } },
      handle: (c) => c.body(openapi(), 200, { 'Content-Type': 'application/json' }),
    }),
  ],
});

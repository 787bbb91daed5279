/**
 * The OpenAPI document is the route table: every /v1 route Hono has is in it and
 * everything in it is routed (with or without the demo's outbox), its security
 * says what the auth middleware does, and it passes Redocly's `recommended`
 * ruleset with no error and no warning.
 *
 * Redocly's openapi-core is the linter behind `redocly lint`, the ruleset most
 * OpenAPI tooling checks against; it runs in-process, so the test needs no CLI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createApp } from '../../src/server/app.js';
import type { Storage } from '../../src/server/storage/types.js';
import { ADMIN_KEY, LAMP } from '../fixtures/town.js';
import { BACKENDS, createDatabase, type TestDatabase } from './harness.js';
import { compareRoutes, documentedOperations, routedOperations, type OpenApiLike } from './route-table.js';

for (const backend of BACKENDS) {
  describe(`the OpenAPI document on ${backend}`, () => {
    let database: TestDatabase;
    let storage: Storage;
    const appWith = (demoOutbox: boolean) => createApp({ storage, adminKey: ADMIN_KEY, version: '9.9.9', publicUrl: 'https://citylab.example', reservations: { demoOutbox } });
    const documentOf = async (app: ReturnType<typeof appWith>) => {
      const res = await app.request('/v1/openapi.json');
      assert.equal(res.status, 200);
      return (await res.json()) as OpenApiLike & Record<string, any>;
    };

    before(async () => {
      database = await createDatabase(backend);
      storage = await database.open();
    });
    after(async () => {
      await storage.close();
      await database.drop();
    });

    it('lists every /v1 route the app has and nothing else, with the demo outbox or without', async () => {
      for (const demoOutbox of [false, true]) {
        const app = appWith(demoOutbox);
        const doc = await documentOf(app);
        assert.deepEqual(compareRoutes(app, doc), { undocumented: [], unrouted: [] });
        assert.equal(documentedOperations(doc).includes('GET /v1/demo/outbox'), demoOutbox);
        // The reservation and model routes are in it, which the hand-written document left out.
        for (const op of ['POST /v1/reservations', 'GET /v1/reservations/{id}', 'POST /v1/reservations/{id}/cancel', 'GET /v1/stores/{id}/reservations',
          'PATCH /v1/stores/{id}/reservations/{rid}', 'PUT /v1/products/{gtin}/model', 'DELETE /v1/products/{gtin}/model']) {
          assert.ok(documentedOperations(doc).includes(op), op);
        }
      }
    });

    it('the comparison fails both ways: a route registered outside the table, a documented operation nobody serves', async () => {
      const doc = await documentOf(appWith(false));
      const routed = appWith(false);
      const sideDoor = appWith(false);
      sideDoor.get('/v1/side-door', (c) => c.text('not in the table'));
      assert.deepEqual(compareRoutes(sideDoor, doc), { undocumented: ['GET /v1/side-door'], unrouted: [] });

      const { '/v1/places': places, ...otherPaths } = doc.paths;
      assert.ok(places);
      const extra = { ...doc, paths: { ...otherPaths, '/v1/places': places, '/v1/nowhere/{id}': { delete: places.get! } } };
      assert.deepEqual(compareRoutes(routed, extra), { undocumented: [], unrouted: ['DELETE /v1/nowhere/{id}'] });
      assert.deepEqual(compareRoutes(routed, { ...doc, paths: otherPaths }), { undocumented: ['GET /v1/places'], unrouted: [] });
      assert.ok(routedOperations(routed).length > 20);
    });

    it('says which key each operation needs, as the endpoint answers without one', async () => {
      const app = appWith(true);
      const doc = await documentOf(app);
      const seen = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const schemes = op.security.flatMap((s) => Object.keys(s)).sort().join(' ');
          seen.add(schemes);
          const url = path.replace('{id}', 'licht-haus').replace('{gtin}', LAMP).replace('{rid}', 'res_x');
          const res = await app.request(url, { method: method.toUpperCase(), headers: { 'Content-Type': 'application/json' }, body: method === 'get' ? null : '{}' });
          const code = res.headers.get('content-type')?.includes('problem') ? ((await res.json()) as { code: string }).code : String(res.status);
          const label = `${method.toUpperCase()} ${path} (${schemes || 'public'})`;
          if (schemes === '') assert.notEqual(code, 'unauthorized', `${label} is documented as public`);
          else if (schemes === 'dashboardSession operatorKey' || schemes === 'dashboardSession operatorKey shopKey' || schemes === 'dashboardSession') assert.equal(code, 'unauthorized', label);
          else if (schemes === 'customerToken') assert.equal(code, 'reservation-not-found', label);
          else assert.fail(`${label}: unexpected security ${schemes}`);
        }
      }
      assert.deepEqual([...seen].sort(), ['', 'customerToken', 'dashboardSession', 'dashboardSession operatorKey', 'dashboardSession operatorKey shopKey']);
      assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['customerToken', 'dashboardSession', 'operatorKey', 'shopKey']);
    });

    it('every operation has a unique operationId, a summary, a tag, and its answers by status; errors as problem+json', async () => {
      const doc = await documentOf(appWith(true));
      const ids = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops) as [string, any][]) {
          const label = `${method.toUpperCase()} ${path}`;
          assert.match(op.operationId, /^[a-z][A-Za-z]+$/, label);
          assert.ok(!ids.has(op.operationId), `${label}: operationId ${op.operationId} twice`);
          ids.add(op.operationId);
          assert.ok(op.summary && op.tags.length === 1, label);
          const statuses = Object.keys(op.responses);
          assert.ok(statuses.some((s) => /^2/.test(s)), `${label}: a success answer`);
          for (const s of statuses.filter((s) => /^[45]/.test(s))) {
            assert.deepEqual(op.responses[s].content, { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }, `${label} ${s}`);
          }
        }
      }
      // Request schemas: the query of the availability route is the contract's AvailabilityQuery, one parameter per field.
      const availability = doc.paths['/v1/availability']!.get as any;
      assert.deepEqual(availability.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`), ['query:gtin', 'query:store', 'query:sku', 'query:lat', 'query:lon']);
      assert.deepEqual(availability.parameters[0].schema, { $ref: '#/components/schemas/Gtin' });
      // The stock list goes up as JSON or as a feed file.
      const upload = (doc.paths['/v1/stores/{id}/inventory'] as any).put.requestBody;
      assert.deepEqual(Object.keys(upload.content), ['application/json', 'text/csv', 'text/tab-separated-values', 'text/plain']);
      assert.deepEqual(upload.content['application/json'].schema, { $ref: '#/components/schemas/InventoryUpload' });
      const reserve = (doc.paths['/v1/reservations'] as any).post;
      assert.deepEqual(reserve.parameters.map((p: { name: string; in: string; required: boolean }) => [p.in, p.name, p.required]), [['header', 'Idempotency-Key', true]]);
      assert.deepEqual(reserve.responses['201'].content['application/json'].schema, { $ref: '#/components/schemas/Reservation' });
      assert.ok(reserve.responses['409'].description.includes('insufficient-stock'));
      // Request bodies are strict, answers stay open for fields a later version adds.
      assert.equal(doc.components.schemas.StoreCreate.additionalProperties, false);
      assert.equal(doc.components.schemas.Store.additionalProperties, undefined);
    });

    it('passes Redocly\'s recommended ruleset without an error or a warning', async () => {
      const config = await createConfig({ extends: ['recommended'] });
      for (const demoOutbox of [false, true]) {
        const source = JSON.stringify(await documentOf(appWith(demoOutbox)));
        const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
        const report = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
        assert.deepEqual(report, []);
      }
    });
  });
}

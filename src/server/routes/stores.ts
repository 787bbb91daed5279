/** The shops: public profiles, the operator adding shops, rotating or revoking keys and pausing shops, a shop editing its own profile. */
import * as z from 'zod/mini';
import { KeyRotated, Store, StoreCreate, StoreCreated, StoreId, StoreList, StorePatch, StorePause } from 'citylab-sdk/contract';
import { hashKey, newStoreKey } from '../keys.js';
import { ProblemError } from '../problem.js';
import type { Storage } from '../storage/types.js';
import { newStore, slugify } from '../stores.js';
import type { RouteModuleFactory } from './module.js';
import { route } from './table.js';

/** The `{id}` of every `/v1/stores/{id}…` route. */
export const StorePath = z.object({ id: StoreId });

export async function requireStore(storage: Storage, id: string): Promise<Store> {
  const store = await storage.getStore(id);
  if (!store) throw storeNotFound(id);
  return store;
}

const storeNotFound = (id: string) => new ProblemError('store-not-found', { en: `There is no shop "${id}" in this town.`, de: `Ein Geschäft „${id}“ gibt es in dieser Stadt nicht.` });

export const storeRoutes: RouteModuleFactory = ({ storage, log, now }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/stores',
      operationId: 'listStores',
      summary: 'Every shop in town',
      tag: 'stores',
      access: 'public',
      cache: 'data',
      responses: { 200: { description: 'The shops.', schema: StoreList } },
      handle: async (c) => c.json({ items: await storage.listStores() }),
    }),
    route({
      method: 'get',
      path: '/v1/stores/{id}',
      operationId: 'getStore',
      summary: 'One shop',
      tag: 'stores',
      access: 'public',
      cache: 'data',
      params: StorePath,
      responses: { 200: { description: 'The shop.', schema: Store } },
      problems: ['store-not-found'],
      handle: async (c, { params }) => c.json(await requireStore(storage, params.id)),
    }),
    route({
      method: 'post',
      path: '/v1/stores',
      operationId: 'createStore',
      summary: 'Add a shop; its key is shown only in this answer',
      tag: 'stores',
      access: 'admin',
      body: { description: 'The shop', content: { 'application/json': StoreCreate } },
      responses: {
        201: {
          description: 'Created. The key is shown only here; the endpoint keeps only its hash.',
          schema: StoreCreated,
          headers: { Location: { description: 'The new shop\'s URL.', schema: z.string() } },
        },
      },
      problems: ['conflict'],
      handle: async (c, { body }) => {
        const city = await storage.getCity();
        const id = body.value.id ?? slugify(body.value.name);
        const key = newStoreKey();
        const store = newStore(body.value, id, { time_zone: city?.time_zone ?? 'Europe/Berlin' }, now().toISOString());
        if (!(await storage.createStore(store, hashKey(key)))) {
          throw new ProblemError('conflict', `A shop with the id "${id}" exists already. Choose another id.`, { errors: [{ path: 'id', reason: 'taken' }] });
        }
        log.info('store-created', { store: id });
        const created: StoreCreated = { store, key };
        return c.json(created, 201, { Location: `/v1/stores/${id}`, 'Cache-Control': 'no-store' });
      },
    }),
    route({
      method: 'post',
      path: '/v1/stores/{id}/keys',
      operationId: 'rotateStoreKey',
      summary: 'Rotate a shop\'s key; the old key stops working at once',
      tag: 'stores',
      access: 'admin',
      params: StorePath,
      responses: { 201: { description: 'The new key, shown only here.', schema: KeyRotated } },
      problems: ['store-not-found'],
      handle: async (c, { params }) => {
        const { id } = await requireStore(storage, params.id);
        const key = newStoreKey();
        await storage.setStoreKeyHash(id, hashKey(key));
        log.info('store-key-rotated', { store: id });
        return c.json({ store_id: id, key }, 201, { 'Cache-Control': 'no-store' });
      },
    }),
    route({
      method: 'delete',
      path: '/v1/stores/{id}/keys',
      operationId: 'revokeStoreKey',
      summary: 'Revoke a shop\'s key: no key of the shop works and its dashboard sessions end, until a new key is made',
      tag: 'stores',
      access: 'admin',
      params: StorePath,
      responses: { 204: { description: 'Revoked.' } },
      problems: ['store-not-found'],
      handle: async (c, { params }) => {
        const { id } = await requireStore(storage, params.id);
        // Sessions are bound to the key hash they began under (storage findSession): none is left.
        await storage.setStoreKeyHash(id, null);
        log.info('store-key-revoked', { store: id });
        return c.body(null, 204);
      },
    }),
    route({
      method: 'put',
      path: '/v1/stores/{id}/paused',
      operationId: 'setStorePaused',
      summary: 'Pause or resume a shop',
      description: 'A paused shop is left out of availability and takes no new reservations; reservations it holds stay, and it can still work on them.',
      tag: 'stores',
      access: 'admin',
      params: StorePath,
      body: { description: 'Paused or not', content: { 'application/json': StorePause } },
      responses: { 200: { description: 'The shop.', schema: Store } },
      problems: ['store-not-found'],
      handle: async (c, { params, body }) => {
        const store = await storage.updateStore(params.id, { paused: body.value.paused ? true : null }, now().toISOString());
        if (!store) throw storeNotFound(params.id);
        log.info(body.value.paused ? 'store-paused' : 'store-resumed', { store: store.id });
        return c.json(store);
      },
    }),
    route({
      method: 'patch',
      path: '/v1/stores/{id}',
      operationId: 'updateStore',
      summary: 'Edit the shop\'s own profile (hours, contact, pickup settings)',
      description: 'Only the fields given change; `null` removes an optional one.',
      tag: 'stores',
      access: 'shop',
      params: StorePath,
      body: { description: 'The shop profile', content: { 'application/json': StorePatch } },
      responses: { 200: { description: 'The updated shop.', schema: Store } },
      problems: ['store-not-found'],
      handle: async (c, { params, body }) => {
        const store = await storage.updateStore(params.id, body.value, now().toISOString());
        if (!store) throw storeNotFound(params.id);
        return c.json(store);
      },
    }),
  ],
});

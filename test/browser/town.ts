/** The test town on the real test endpoint, set up once per test page. */
import { ADMIN_KEY, seedTestTown, testCity } from '../fixtures/town.js';
import type { City, InventoryItem } from '../../src/sdk/contract/schemas.js';
import { testEnv } from './test-env.js';

let seeded: Promise<unknown> | undefined;

/** Creates the test town if this endpoint doesn't have it yet (shops that exist are kept). */
export function ensureTown(): Promise<unknown> {
  return (seeded ??= seedTestTown(testEnv.endpoint, testEnv.adminKey));
}

export async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(testEnv.endpoint + path, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}

export async function setCity(city: City): Promise<void> {
  const res = await admin('/v1/city', { method: 'PUT', body: JSON.stringify(city) });
  if (!res.ok) throw new Error(`PUT /v1/city: ${res.status}`);
}

export const restoreCity = () => setCity(testCity);

export async function stockOf(store: string): Promise<(InventoryItem & { updated_at: string; held?: number; product_name?: string })[]> {
  const res = await admin(`/v1/stores/${store}/inventory`);
  return ((await res.json()) as { items: (InventoryItem & { updated_at: string; held?: number; product_name?: string })[] }).items;
}

/** Makes the product known in town while no shop lists it. */
export async function knownButUnlisted(gtin: string, title: string): Promise<void> {
  const before = await stockOf('keramik-koenig');
  const add = await admin('/v1/stores/keramik-koenig/inventory', {
    method: 'PATCH',
    body: JSON.stringify({ items: [{ sku: `TMP-${gtin}`, gtin, quantity: 1, price: { amount: '1.00', currency: 'EUR' }, title }] }),
  });
  if (!add.ok) throw new Error(`PATCH: ${add.status} ${await add.text()}`);
  const items = before.filter((i) => i.gtin !== gtin).map(({ updated_at: _u, held: _h, product_name: _p, ...rest }) => rest);
  const put = await admin('/v1/stores/keramik-koenig/inventory', { method: 'PUT', body: JSON.stringify({ items }) });
  if (!put.ok) throw new Error(`PUT: ${put.status} ${await put.text()}`);
}

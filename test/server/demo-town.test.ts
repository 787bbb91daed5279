/**
 * The demo town must satisfy the contract the endpoint enforces, and be rich
 * enough that "find in store" shows something interesting.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { city, inventory, products, stores } from '../../demo/town.js';
import { isValidGtin } from '../../src/sdk/contract/gtin.js';
import { City, InventoryItem, Product, Store, WEEKDAYS } from '../../src/sdk/contract/schemas.js';

const UPDATED_AT = '2026-11-27T10:00:00.000Z';

function haversineMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const issues = (r: { success: boolean; error?: { issues: unknown[] } }) => JSON.stringify(r.error?.issues ?? []);

describe('demo town', () => {
  it('city validates and keeps the demo offline', () => {
    const r = City.safeParse(city);
    assert.ok(r.success, issues(r));
    assert.equal(city.id, 'arnsberg');
    assert.equal(city.tiles.type, 'none');
    assert.equal(city.time_zone, 'Europe/Berlin');
  });

  it('every store validates as a Store', () => {
    for (const store of stores) {
      const r = Store.safeParse({ ...store, updated_at: UPDATED_AT });
      assert.ok(r.success, `${store.id}: ${issues(r)}`);
    }
  });

  it('has at least 13 shops with unique ids, at least 12 within 1 km of the centre', () => {
    assert.ok(stores.length >= 13, `only ${stores.length} stores`);
    assert.equal(new Set(stores.map((s) => s.id)).size, stores.length, 'store ids must be unique');
    const near = stores.filter((s) => haversineMetres(city.centre, s.location) <= 1000);
    assert.ok(near.length >= 12, `only ${near.length} stores within 1 km`);
    // Distinct locations, so markers do not sit on top of each other.
    const spots = new Set(stores.map((s) => `${s.location.lat.toFixed(5)},${s.location.lon.toFixed(5)}`));
    assert.equal(spots.size, stores.length, 'two shops share a location');
  });

  it('has the variety the elements need to show', () => {
    const lunch = stores.filter((s) => s.opening_hours.weekly.mon.length >= 2 || s.opening_hours.weekly.tue.length >= 2);
    assert.ok(lunch.length >= 3, 'several shops should have a lunch break');
    assert.ok(
      stores.some((s) => s.opening_hours.weekly.mon.length === 0 || s.opening_hours.weekly.wed.length < s.opening_hours.weekly.tue.length),
      'a shop closed on Monday or on Wednesday afternoon',
    );
    for (const s of stores) assert.deepEqual(s.opening_hours.weekly.sun, [], `${s.id} opens on Sunday`);
    for (const s of stores) {
      const days = new Map(s.opening_hours.special_days.map((d) => [d.date, d]));
      assert.deepEqual(days.get('2026-12-25')?.intervals, [], `${s.id} open on Christmas Day`);
      assert.deepEqual(days.get('2026-12-26')?.intervals, [], `${s.id} open on Boxing Day`);
      assert.deepEqual(days.get('2027-01-01')?.intervals, [], `${s.id} open on New Year's Day`);
      assert.ok((days.get('2026-12-24')?.intervals.length ?? 0) > 0, `${s.id}: Heiligabend short hours`);
      assert.equal(days.size, s.opening_hours.special_days.length, `${s.id}: a special day twice`);
    }
    assert.ok(
      stores.some((s) => s.opening_hours.special_days.some((d) => d.label === 'Inventur')),
      'a shop-specific closure',
    );
    const disabled = stores.filter((s) => !s.click_and_collect.enabled);
    assert.ok(disabled.length >= 1 && disabled.length < stores.length / 2, 'click & collect enabled for most');
    assert.ok(stores.some((s) => s.show_quantities) && stores.some((s) => !s.show_quantities));
    assert.ok(new Set(stores.map((s) => s.click_and_collect.ready_within_minutes)).size >= 3);
    for (const s of stores) assert.equal(WEEKDAYS.length, Object.keys(s.opening_hours.weekly).length);
  });

  it('every product validates; at least 60, at least 4 with a 3D model', () => {
    for (const product of products) {
      const r = Product.safeParse(product);
      assert.ok(r.success, `${product.gtin} ${product.name}: ${issues(r)}`);
    }
    assert.ok(products.length >= 60, `only ${products.length} products`);
    const withModel = products.filter((p) => p.model);
    assert.ok(withModel.length >= 4, `only ${withModel.length} products with a model`);
    for (const p of withModel) {
      assert.match(p.model!.glb_url, /^\/demo\/models\/[a-z0-9-]+\.glb$/);
      assert.match(p.model!.poster_url ?? '', /^\/demo\/models\/[a-z0-9-]+-poster\.webp$/);
      assert.ok(p.model!.dimensions_m, `${p.name} has no dimensions`);
    }
  });

  it('GTINs are valid, unique and in the restricted-circulation range', () => {
    const seen = new Set<string>();
    for (const p of products) {
      assert.ok(isValidGtin(p.gtin), `invalid GTIN ${p.gtin}`);
      assert.match(p.gtin, /^20\d{11}$/, `${p.gtin} is not a GTIN-13 with prefix 20`);
      assert.ok(!seen.has(p.gtin), `GTIN ${p.gtin} twice`);
      seen.add(p.gtin);
    }
  });

  it('every inventory item validates and refers to a known product and shop', () => {
    const known = new Set(products.map((p) => p.gtin));
    const storeIds = new Set(stores.map((s) => s.id));
    for (const [storeId, items] of Object.entries(inventory)) {
      assert.ok(storeIds.has(storeId), `inventory for unknown store ${storeId}`);
      assert.ok(items.length > 0, `${storeId} has no stock`);
      for (const item of items) {
        const r = InventoryItem.safeParse(item);
        assert.ok(r.success, `${storeId} ${item.sku}: ${issues(r)}`);
        assert.ok(known.has(item.gtin), `${storeId} ${item.sku}: unknown GTIN ${item.gtin}`);
        assert.equal(item.price.currency, 'EUR');
      }
    }
    for (const id of storeIds) assert.ok(inventory[id], `${id} has no inventory`);
  });

  it('skus and gtins are unique within each shop', () => {
    for (const [storeId, items] of Object.entries(inventory)) {
      assert.equal(new Set(items.map((i) => i.sku)).size, items.length, `${storeId}: duplicate sku`);
      assert.equal(new Set(items.map((i) => i.gtin)).size, items.length, `${storeId}: duplicate gtin`);
    }
  });

  it('every product is stocked somewhere; many in several shops', () => {
    const shopsOf = new Map<string, Set<string>>();
    for (const [storeId, items] of Object.entries(inventory)) {
      for (const item of items) {
        const set = shopsOf.get(item.gtin) ?? new Set<string>();
        set.add(storeId);
        shopsOf.set(item.gtin, set);
      }
    }
    for (const p of products) assert.ok(shopsOf.has(p.gtin), `${p.name} (${p.gtin}) is in no shop`);
    const multi = products.filter((p) => (shopsOf.get(p.gtin)?.size ?? 0) >= 2);
    assert.ok(multi.length >= 15, `only ${multi.length} products in two or more shops`);
    for (const p of products.filter((x) => x.model)) {
      assert.ok((shopsOf.get(p.gtin)?.size ?? 0) >= 2, `${p.name} (3D) should be in several shops`);
    }
  });

  it('stock mixes the states: out of stock, low, plenty, display pieces', () => {
    const all = Object.values(inventory).flat();
    assert.ok(all.some((i) => i.quantity === 0), 'some out of stock');
    assert.ok(all.some((i) => i.quantity === 1 || i.quantity === 2), 'some low');
    assert.ok(all.some((i) => (i.quantity ?? 0) >= 10), 'some plenty');
    assert.ok(all.filter((i) => i.availability === 'on_display_to_order').length >= 3, 'display pieces');
    assert.ok(all.filter((i) => i.pickup_method === 'reserve').length > all.length / 2, 'reserve mostly');
    assert.ok(new Set(all.map((i) => i.pickup_sla)).size >= 4, 'varied pickup promises');
  });

  it('shops without click & collect do not offer pickup', () => {
    for (const s of stores.filter((x) => !x.click_and_collect.enabled)) {
      for (const item of inventory[s.id] ?? []) assert.equal(item.pickup_method, 'not_supported', `${s.id} ${item.sku}`);
    }
  });
});

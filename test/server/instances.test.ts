/**
 * Several endpoint processes on one database, as a region runs them behind a
 * load balancer (SQLite: two processes on one file; PostgreSQL: two instances
 * on one schema). What one writes, the other answers at once; stock is never
 * promised twice; one Idempotency-Key makes one reservation whichever instance
 * gets it; both sweepers run and each hold is released once; a kill -9 of one
 * loses nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Availability, Reservation, Store, StoreList } from '../../src/sdk/contract/schemas.js';
import { LAMP, gtin, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, createDatabase, keyHeaders, pool, startProcess, type RunningProcess, type TestDatabase } from './harness.js';

/** Each instance counts rate limits for itself (see the README); these tests are about the shared database. */
const INSTANCE_ENV = { CITYLAB_RESERVATION_LIMITS: 'off', CITYLAB_SWEEP_MS: '50' };

const reservation = (sku: string, n: number) => ({
  store: 'licht-haus', sku, quantity: 1, privacy_accepted: true,
  customer: { name: `Kunde ${n}`, email: `kunde${n}@example.org` },
});

async function reserve(url: string, body: unknown, key = randomUUID()): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/v1/reservations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

async function stockUp(url: string, sku: string, product: string, quantity: number) {
  const res = await fetch(`${url}/v1/stores/licht-haus/inventory`, {
    method: 'PATCH', headers: adminHeaders,
    body: JSON.stringify({ items: [{ sku, gtin: product, quantity, price: { amount: '10.00', currency: 'EUR' }, title: `Artikel ${sku}` }] }),
  });
  assert.equal(res.status, 200, await res.text());
}

type Counted = { n: number };

for (const backend of BACKENDS) {
  describe(`two instances on one ${backend} database`, () => {
    let db: TestDatabase;
    let a: RunningProcess;
    let b: RunningProcess;
    let town: SeededTown;

    const stock = async (sku: string) =>
      (await db.sql<{ quantity: number; held: number }>("SELECT quantity, held FROM inventory WHERE store_id = 'licht-haus' AND sku = ?", sku))[0]!;
    const count = async (where: string, ...params: unknown[]) =>
      (await db.sql<Counted>(`SELECT CAST(count(*) AS INTEGER) AS n FROM reservations WHERE ${where}`, ...params))[0]!.n;

    before(async () => {
      db = await createDatabase(backend);
      // Started together on an empty database: the migrations must be applied once, whichever wins.
      const started = await Promise.allSettled([startProcess(db, [], INSTANCE_ENV), startProcess(db, [], INSTANCE_ENV)]);
      const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (running.length < 2) {
        await Promise.all(running.map((p) => p.stop()));
        throw (started.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      }
      [a, b] = running as [RunningProcess, RunningProcess];
      town = await seedTestTown(a.url);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await db.drop();
    });

    it('what one instance writes, the other answers at once: stock, shops, reservations (caches included)', async () => {
      // Prime B's caches: the availability answer and the shop.
      const before = Availability.parse(await (await fetch(`${b.url}/v1/availability?gtin=${LAMP}`)).json());
      assert.equal(before.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 5);
      assert.equal(Store.parse(await (await fetch(`${b.url}/v1/stores/licht-haus`)).json()).phone, '+49 2931 1234');

      await stockUp(a.url, 'LH-100', LAMP, 9);
      const afterStock = Availability.parse(await (await fetch(`${b.url}/v1/availability?gtin=${LAMP}`)).json());
      assert.equal(afterStock.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 9);

      const patch = await fetch(`${a.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: '{"phone":"+49 2931 9999"}' });
      assert.equal(patch.status, 200);
      assert.equal(Store.parse(await (await fetch(`${b.url}/v1/stores/licht-haus`)).json()).phone, '+49 2931 9999');
      const afterShop = Availability.parse(await (await fetch(`${b.url}/v1/availability?gtin=${LAMP}`)).json());
      assert.equal(afterShop.offers.find((o) => o.store.id === 'licht-haus')!.store.phone, '+49 2931 9999');

      const created = await fetch(`${b.url}/v1/stores`, {
        method: 'POST', headers: adminHeaders,
        body: JSON.stringify({ name: 'Fahrrad Fix', address: { street: 'Ruhrstraße 1', postal_code: '59821', city: 'Testhausen', country: 'DE' }, location: { lat: 51.395, lon: 8.066 } }),
      });
      assert.equal(created.status, 201);
      assert.ok(StoreList.parse(await (await fetch(`${a.url}/v1/stores`)).json()).items.some((s) => s.id === 'fahrrad-fix'));

      // A reservation made through A is the shopper's through B, and B's cancel releases the stock for both.
      const made = await reserve(a.url, reservation('LH-100', 1));
      assert.equal(made.status, 201, made.text);
      const r = Reservation.parse(JSON.parse(made.text));
      const auth = { Authorization: `Bearer ${r.customer_token}` };
      assert.equal((await fetch(`${b.url}/v1/reservations/${r.id}`, { headers: auth })).status, 200);
      const held = Availability.parse(await (await fetch(`${b.url}/v1/availability?gtin=${LAMP}`)).json());
      assert.equal(held.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 8, 'B shows the hold A took');
      assert.equal((await fetch(`${b.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: auth })).status, 200);
      const freed = Availability.parse(await (await fetch(`${a.url}/v1/availability?gtin=${LAMP}`)).json());
      assert.equal(freed.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 9, 'A shows the release B made');

      // The same answer has the same ETag on both: a CDN may revalidate against either.
      const etagA = (await fetch(`${a.url}/v1/availability?gtin=${LAMP}`)).headers.get('etag');
      const etagB = (await fetch(`${b.url}/v1/availability?gtin=${LAMP}`)).headers.get('etag');
      assert.ok(etagA);
      assert.equal(etagA, etagB);
    });

    it('never oversells across the two: 2,000 attempts at 64 connections, half to each, for 7 units', { timeout: 180_000 }, async () => {
      await stockUp(a.url, 'LOAD-1', gtin(501), 7);
      const statuses = await pool(2000, 64, async (i) => {
        const { status, text } = await reserve(i % 2 ? a.url : b.url, reservation('LOAD-1', 10_000 + i));
        return status === 409 ? `409 ${(JSON.parse(text) as { code: string }).code}` : String(status);
      });
      const counts = statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
      assert.deepEqual(counts, { '201': 7, '409 insufficient-stock': 1993 });
      assert.deepEqual({ ...(await stock('LOAD-1')) }, { quantity: 7, held: 7 });
      assert.equal(await count("sku = 'LOAD-1' AND status = 'held'"), 7);
    });

    it('one Idempotency-Key sent 600 times to both, 40 at once: one reservation; every answer the stored one or 409 in progress', { timeout: 120_000 }, async () => {
      await stockUp(a.url, 'LOAD-2', gtin(502), 100);
      const key = randomUUID();
      const answers = await pool(600, 40, async (i) => {
        const { status, text } = await reserve(i % 2 ? a.url : b.url, reservation('LOAD-2', 1), key);
        return `${status} ${text}`;
      });
      const created = answers.filter((x) => x.startsWith('201 '));
      const inProgress = answers.filter((x) => x.startsWith('409 ') && x.includes('"request-in-progress"'));
      assert.equal(created.length + inProgress.length, 600, `other answers: ${answers.find((x) => !x.startsWith('201 ') && !x.includes('request-in-progress'))}`);
      assert.equal(new Set(created).size, 1, 'every 201 identical, status and body, from either instance');
      assert.equal(await count("sku = 'LOAD-2'"), 1);
      assert.equal((await stock('LOAD-2')).held, 1);
    });

    it('both sweepers run: each due hold is expired and released exactly once, with one mail', { timeout: 120_000 }, async () => {
      await stockUp(a.url, 'EXP-1', gtin(503), 20);
      const made: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { status, text } = await reserve(i % 2 ? a.url : b.url, reservation('EXP-1', 20_000 + i));
        assert.equal(status, 201, text);
        made.push(Reservation.parse(JSON.parse(text)).id);
      }
      assert.equal((await stock('EXP-1')).held, 10);
      // Six of them fall due (as if their pickup time had passed); both processes sweep every 50 ms.
      const due = made.slice(0, 6);
      await db.sql(`UPDATE reservations SET expires_at = ? WHERE id IN (${due.map(() => '?').join(', ')})`, '2020-01-01T00:00:00.000Z', ...due);
      while ((await count(`status = 'expired' AND id IN (${due.map(() => '?').join(', ')})`, ...due)) < due.length) {
        await new Promise((r) => setTimeout(r, 50));
      }
      // Both sweep a few more rounds (every 50 ms): nothing may be released again.
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual({ ...(await stock('EXP-1')) }, { quantity: 20, held: 4 }, 'released once each');
      assert.equal(await count(`sku = 'EXP-1' AND status = 'held'`), 4);
      const mails = await db.sql<Counted>(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM outbox WHERE kind = 'customer-expired' AND reservation_id IN (${due.map(() => '?').join(', ')})`, ...due,
      );
      assert.equal(mails[0]!.n, due.length, 'one "expired" mail per reservation');
    });

    it('a kill -9 of one instance loses nothing: the other serves on, and the restarted one has every acknowledged reservation', { timeout: 120_000 }, async () => {
      await stockUp(a.url, 'LOAD-3', gtin(504), 100_000);
      const acknowledged: { id: string; token: string }[] = [];
      const targets = { a: a.url, b: b.url };
      let stop = false;
      let n = 0;
      const stream = pool(1_000_000, 8, async (i) => {
        if (stop) return;
        const target = i % 2 ? 'a' : 'b';
        try {
          const { status, text } = await reserve(targets[target], reservation('LOAD-3', 30_000 + n++));
          if (status === 201) {
            const r = Reservation.parse(JSON.parse(text));
            acknowledged.push({ id: r.id, token: r.customer_token! });
          }
        } catch {
          // A is gone: send everything to B from now on.
          targets.a = targets.b;
        }
        if (acknowledged.length >= 300) stop = true;
      });
      while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
      await a.stop('SIGKILL');
      await stream;
      assert.ok(acknowledged.length >= 300, `${acknowledged.length} acknowledged`);
      a = await startProcess(db, [], INSTANCE_ENV);
      const ids = new Set((await db.sql<{ id: string }>("SELECT id FROM reservations WHERE sku = 'LOAD-3'")).map((r) => r.id));
      assert.deepEqual(acknowledged.filter((r) => !ids.has(r.id)), [], 'acknowledged reservations lost');
      for (const r of acknowledged.slice(0, 20).concat(acknowledged.slice(-20))) {
        const res = await fetch(`${a.url}/v1/reservations/${r.id}`, { headers: { Authorization: `Bearer ${r.token}` } });
        assert.equal(res.status, 200, 'the restarted instance shows it');
      }
      const [open] = await db.sql<Counted>("SELECT CAST(coalesce(sum(quantity), 0) AS INTEGER) AS n FROM reservations WHERE sku = 'LOAD-3' AND status IN ('held', 'ready')");
      assert.deepEqual({ ...(await stock('LOAD-3')) }, { quantity: 100_000, held: open!.n }, 'held units = open reservations');
    });
  });
}

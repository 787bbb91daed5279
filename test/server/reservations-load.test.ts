/**
 * Reservations under load and crashes, over real HTTP, on each backend: never
 * oversold at 100+ connections, one key made once however often it arrives,
 * and nothing lost when the process is killed with SIGKILL mid-stream.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { gtin, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, createDatabase, pool, startEndpoint, startProcess, type TestDatabase } from './harness.js';

const PRODUCT = gtin(500);
const reservation = (n: number) => ({
  store: 'licht-haus', gtin: PRODUCT, quantity: 1, privacy_accepted: true,
  customer: { name: `Kunde ${n}`, email: `kunde${n}@example.org` },
});

async function stockUp(url: string, quantity: number) {
  const res = await fetch(`${url}/v1/stores/licht-haus/inventory`, {
    method: 'PATCH', headers: adminHeaders,
    body: JSON.stringify({ items: [{ sku: 'LOAD-1', gtin: PRODUCT, quantity, price: { amount: '10.00', currency: 'EUR' }, title: 'Lastartikel' }] }),
  });
  assert.equal(res.status, 200, await res.text());
}

type Counted = { n: number };
const stockRow = async (db: TestDatabase) =>
  (await db.sql<{ quantity: number; held: number }>("SELECT quantity, held FROM inventory WHERE store_id = 'licht-haus' AND sku = 'LOAD-1'"))[0]!;
const count = async (db: TestDatabase, where: string) =>
  (await db.sql<Counted>(`SELECT CAST(count(*) AS INTEGER) AS n FROM reservations WHERE ${where}`))[0]!.n;

const limitsOff = { reservations: { perClient: { limit: 1e9, windowMs: 1000 }, perStore: { limit: 1e9, windowMs: 1000 }, maxActivePerContact: 1e9 } };

for (const backend of BACKENDS) {
  describe(`reservations under load on ${backend}`, () => {
    it('10,000 attempts at 128 connections for 5 units: exactly 5 held, every other one a 409, stock never below 0', { timeout: 180_000 }, async () => {
      const ep = await startEndpoint({ backend, app: limitsOff });
      try {
        await seedTestTown(ep.url);
        await stockUp(ep.url, 5);
        const sockets = new Set<unknown>();
        ep.server.on('connection', (s) => sockets.add(s));
        let negative = 0;
        let watching = true;
        const watch = (async () => {
          while (watching) {
            const row = await stockRow(ep.database);
            if (row.held < 0 || row.quantity - row.held < 0) negative++;
            await new Promise((r) => setTimeout(r, 5));
          }
        })();
        const statuses = await pool(10_000, 128, async (i) => {
          const res = await fetch(`${ep.url}/v1/reservations`, {
            method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(reservation(i)),
          });
          const body = (await res.json()) as { code?: string };
          return res.status === 409 ? `409 ${body.code}` : String(res.status);
        });
        watching = false;
        await watch;
        const counts = statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
        assert.deepEqual(counts, { '201': 5, '409 insufficient-stock': 9995 });
        assert.ok(sockets.size >= 100, `${sockets.size} connections`);
        assert.equal(negative, 0);
        assert.deepEqual({ ...(await stockRow(ep.database)) }, { quantity: 5, held: 5 });
        assert.equal(await count(ep.database, "sku = 'LOAD-1' AND status = 'held'"), 5);
      } finally {
        await ep.close();
      }
    });

    it('one Idempotency-Key sent 1,000 times, 50 at once: one reservation; every answer the stored one or 409 in progress', { timeout: 120_000 }, async () => {
      const ep = await startEndpoint({ backend, app: limitsOff });
      try {
        await seedTestTown(ep.url);
        await stockUp(ep.url, 100);
        const key = randomUUID();
        const answers = await pool(1000, 50, async () => {
          const res = await fetch(`${ep.url}/v1/reservations`, {
            method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(reservation(1)),
          });
          return `${res.status} ${await res.text()}`;
        });
        const created = answers.filter((a) => a.startsWith('201 '));
        const inProgress = answers.filter((a) => a.startsWith('409 ') && a.includes('"request-in-progress"'));
        assert.equal(created.length + inProgress.length, 1000, `other answers: ${answers.find((a) => !a.startsWith('201 ') && !a.includes('request-in-progress'))}`);
        assert.equal(new Set(created).size, 1, 'every 201 identical, status and body');
        assert.equal(await count(ep.database, "sku = 'LOAD-1'"), 1);
        assert.equal((await ep.storage.stockBySku('licht-haus', 'LOAD-1'))!.held, 1);
      } finally {
        await ep.close();
      }
    });
  });

  describe(`reservations and SIGKILL on ${backend}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createDatabase(backend);
    });
    after(() => db.drop());

    it('20 rounds of kill -9 during a stream: every 201 is there after restart, and held stock equals the open holds', { timeout: 240_000 }, async () => {
      const initial = 100_000;
      let ep = await startProcess(db);
      await seedTestTown(ep.url);
      await stockUp(ep.url, initial);
      await ep.stop();
      const acknowledged: string[] = [];
      for (let round = 0; round < 20; round++) {
        ep = await startProcess(db);
        const url = ep.url;
        let stop = false;
        // The kill comes after this round's 6th to 9th 201 (a different point in each round, under
        // the default limit of 10 per client), with 8 requests in flight: on the event, not after a
        // fixed time, which a busy machine may spend before the first answer.
        const killAfter = 6 + (round % 4);
        let acknowledgedThisRound = 0;
        let kill!: () => void;
        const killed = new Promise<void>((resolve) => (kill = resolve));
        const stream = pool(1_000_000, 8, async (i) => {
          if (stop) return;
          try {
            const res = await fetch(`${url}/v1/reservations`, {
              method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(reservation(round * 1_000_000 + i)),
            });
            if (res.status === 201) {
              acknowledged.push(((await res.json()) as { id: string }).id);
              if (++acknowledgedThisRound === killAfter) kill();
            } else await res.text();
          } catch {
            stop = true; // the server is gone
          }
        });
        await Promise.race([killed, stream]);
        await ep.stop('SIGKILL');
        stop = true;
        await stream;
      }
      assert.ok(acknowledged.length > 100, `only ${acknowledged.length} reservations acknowledged`);
      // After the last crash: open the database as a restarted endpoint would.
      const storage = await db.open();
      try {
        const ids = new Set((await db.sql<{ id: string }>("SELECT id FROM reservations WHERE sku = 'LOAD-1'")).map((r) => r.id));
        const missing = acknowledged.filter((id) => !ids.has(id));
        assert.deepEqual(missing, [], 'acknowledged reservations lost');
        const row = (await storage.stockBySku('licht-haus', 'LOAD-1'))!;
        const [open] = await db.sql<Counted>("SELECT CAST(coalesce(sum(quantity), 0) AS INTEGER) AS n FROM reservations WHERE sku = 'LOAD-1' AND status IN ('held', 'ready')");
        const [collected] = await db.sql<Counted>("SELECT CAST(coalesce(sum(quantity), 0) AS INTEGER) AS n FROM reservations WHERE sku = 'LOAD-1' AND status = 'collected'");
        assert.equal(row.held, open!.n, 'held units = open reservations');
        // on hand (free) + held + collected = what the shop started with
        assert.equal(row.quantity! - row.held! + row.held! + collected!.n, initial);
        assert.equal(row.quantity, initial);
      } finally {
        await storage.close();
      }
    });
  });
}

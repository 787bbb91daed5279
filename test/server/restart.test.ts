/**
 * The endpoint as its own process, on each backend (a SQLite file; a PostgreSQL
 * schema when TEST_DATABASE_URL is set): data survives a graceful restart and a
 * kill -9, a request under way when SIGTERM arrives is finished before the
 * process exits, and the operator's CLI works on the database a running
 * endpoint serves.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Availability, StoreList } from '../../src/sdk/contract/schemas.js';
import { ADMIN_KEY, LAMP, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, cliCommand, createDatabase, keyHeaders, startProcess, type TestDatabase } from './harness.js';

const run = promisify(execFile);

for (const backend of BACKENDS) {
  describe(`restarts on ${backend}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createDatabase(backend);
    });
    after(() => db.drop());

    const cli = (...args: string[]) => {
      const command = cliCommand(db, ...args);
      return run(process.execPath, command.args, { env: command.env });
    };

    it('keeps the town, shops, keys and stock across a restart and a kill -9', async () => {
      let ep = await startProcess(db);
      const { keys } = await seedTestTown(ep.url);
      const patch = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
        method: 'PATCH',
        headers: keyHeaders(keys['licht-haus']!),
        body: JSON.stringify({ items: [{ sku: 'LH-100', gtin: LAMP, quantity: 42, price: { amount: '88.00', currency: 'EUR' } }] }),
      });
      assert.equal(patch.status, 200);
      const before = await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json();
      await ep.stop('SIGTERM');
      assert.equal(await ep.exited, 0, 'a graceful stop exits 0');

      ep = await startProcess(db);
      assert.deepEqual(await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json(), before);
      // Write, then kill without any chance to clean up: the acknowledged write is there afterwards.
      const again = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, {
        method: 'PATCH',
        headers: keyHeaders(keys['licht-haus']!),
        body: JSON.stringify({ items: [{ sku: 'LH-100', gtin: LAMP, quantity: 41, price: { amount: '88.00', currency: 'EUR' } }] }),
      });
      assert.equal(again.status, 200);
      await ep.stop('SIGKILL');

      ep = await startProcess(db);
      try {
        const a = Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json());
        assert.equal(a.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 41);
        // The shop's key still works after restarts (only its hash is stored).
        const own = await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { headers: keyHeaders(keys['licht-haus']!) });
        assert.equal(own.status, 200);
        assert.equal((await fetch(`${ep.url}/v1/ready`)).status, 200);
      } finally {
        await ep.stop();
      }
    });

    it('on SIGTERM finishes the request under way, then closes and exits 0', async () => {
      const ep = await startProcess(db, [], { CITYLAB_LOG: 'info' });
      const { hostname, port } = new URL(ep.url);
      let log = '';
      ep.child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
      const csv = `id,gtin,quantity,price\nLH-100,${LAMP},17,88.00 EUR\n`;
      // The headers go first and the server confirms it has the request (100 Continue); then SIGTERM,
      // and the body only once the endpoint has logged that it is shutting down: the request is
      // certainly under way during the shutdown.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({
          host: hostname, port, method: 'PATCH', path: '/v1/stores/licht-haus/inventory',
          headers: { ...keyHeaders(ADMIN_KEY, 'text/csv'), 'Content-Length': Buffer.byteLength(csv), Expect: '100-continue' },
        });
        req.on('continue', () => {
          ep.child.kill('SIGTERM');
          const waitForShutdown = setInterval(() => {
            if (!log.includes('"event":"shutdown"')) return;
            clearInterval(waitForShutdown);
            req.end(csv);
          }, 10);
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
      });
      assert.equal(answer.status, 200, answer.body);
      assert.equal(await ep.exited, 0);
      const next = await startProcess(db);
      try {
        const a = Availability.parse(await (await fetch(`${next.url}/v1/availability?gtin=${LAMP}`)).json());
        assert.equal(a.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 17, 'the finished request was applied');
      } finally {
        await next.stop();
      }
    });

    it('the CLI adds a shop and rotates its key on the database a running endpoint serves', async () => {
      const ep = await startProcess(db);
      try {
        const added = await cli('store', 'add', '--name', 'Fahrrad Fix', '--street', 'Ruhrstraße 1', '--postal-code', '59821', '--city', 'Arnsberg', '--lat', '51.395', '--lon', '8.066');
        const key = /cl_sk_\S+/.exec(added.stdout)?.[0];
        assert.ok(key, added.stdout);
        const list = StoreList.parse(await (await fetch(`${ep.url}/v1/stores`)).json());
        assert.ok(list.items.some((s) => s.id === 'fahrrad-fix'), 'the running endpoint sees the new shop');
        const ok = await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(key), body: '{"phone":"+49 2931 4711"}' });
        assert.equal(ok.status, 200);

        const rotated = await cli('store', 'rotate-key', 'fahrrad-fix');
        const newKey = /cl_sk_\S+/.exec(rotated.stdout)?.[0];
        assert.ok(newKey && newKey !== key);
        assert.equal((await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(key), body: '{}' })).status, 401);
        assert.equal((await fetch(`${ep.url}/v1/stores/fahrrad-fix`, { method: 'PATCH', headers: keyHeaders(newKey), body: '{}' })).status, 200);

        await assert.rejects(cli('store', 'add', '--name', 'Ohne Ort'), (err: { stderr: string; code: number }) => {
          assert.equal(err.code, 2);
          assert.match(err.stderr, /address\.street: required/);
          return true;
        });
        await assert.rejects(cli('store', 'rotate-key', 'no-such-shop'), /there is no shop "no-such-shop"/);
      } finally {
        await ep.stop();
      }
    });
  });
}

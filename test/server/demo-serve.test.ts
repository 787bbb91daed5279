/**
 * The demo town's script (`npm start`) as a user runs it, in its own process:
 * from a fresh clone on each backend (no ./data/ yet), and its mail outbox, which
 * holds live cancel links, served only for the demo town and only to loopback.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hashKey } from '../../src/server/keys.js';
import { testCity, testStores } from '../fixtures/town.js';
import { startDemo } from './demo-process.js';
import { BACKENDS, createDatabase, startEndpoint, tempDir } from './harness.js';

for (const backend of BACKENDS) {
  describe(`the demo script on ${backend}`, () => {
    const dirs: string[] = [];
    after(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('starts from a fresh clone (no data folder yet), saves the shops\' keys and serves the outbox to loopback', async () => {
      const database = await createDatabase(backend);
      const dir = tempDir();
      dirs.push(dir);
      const dataDir = join(dir, 'clone', 'data');
      assert.ok(!existsSync(dataDir));
      const demo = await startDemo(database, { CITYLAB_DATA_DIR: dataDir });
      try {
        const keysFile = backend === 'sqlite'
          ? `${database.cli.args[1]}.demo-keys.txt`
          : join(dataDir, `demo-keys.${database.cli.env.DATABASE_SCHEMA}.txt`);
        const lines = readFileSync(keysFile, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
        assert.ok(lines.length >= 10, 'a key for every demo shop');
        // The saved key is the shop's: it reads the shop's own stock.
        const [id, key] = lines[0]!.split('\t');
        const res = await fetch(`${demo.url}/v1/stores/${id}/inventory`, { headers: { Authorization: `Bearer ${key}` } });
        assert.equal(res.status, 200, await res.text());
        const outbox = await fetch(`${demo.url}/v1/demo/outbox`);
        assert.equal(outbox.status, 200, 'the demo without SMTP shows its mails');
      } finally {
        await demo.stop();
        await database.drop();
      }
    });

    it('never serves the outbox on a database with a real shop', async () => {
      const database = await createDatabase(backend);
      const storage = await database.open();
      const dir = tempDir();
      dirs.push(dir);
      try {
        await storage.setCity(testCity);
        const { id, ...rest } = testStores[0]!;
        await storage.createStore({
          id, ...rest, time_zone: 'Europe/Berlin', opening_hours: rest.opening_hours!, click_and_collect: rest.click_and_collect!,
          show_quantities: true, low_stock_threshold: 2, updated_at: new Date().toISOString(),
        }, hashKey('cl_sk_real-shop-key'));
      } finally {
        await storage.close();
      }
      const demo = await startDemo(database, { CITYLAB_DATA_DIR: dir });
      try {
        const outbox = await fetch(`${demo.url}/v1/demo/outbox`);
        assert.equal(outbox.status, 404, await outbox.text());
      } finally {
        await demo.stop();
        await database.drop();
      }
    });
  });
}

describe('the demo outbox', () => {
  it('answers loopback clients only', async () => {
    const address = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
    assert.ok(address, 'this machine has an address other than loopback to call from');
    const ep = await startEndpoint({ host: '0.0.0.0', app: { reservations: { demoOutbox: true } } });
    try {
      const port = new URL(ep.url).port;
      assert.equal((await fetch(`http://127.0.0.1:${port}/v1/demo/outbox`)).status, 200);
      const remote = await fetch(`http://${address}:${port}/v1/demo/outbox`);
      assert.equal(remote.status, 404, await remote.text());
    } finally {
      await ep.close();
    }
  });
});

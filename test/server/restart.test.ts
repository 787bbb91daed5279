/**
 * The endpoint as its own process on a real SQLite file: data survives a
 * restart and a kill -9, and the operator's CLI works on the same database
 * while the endpoint runs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { promisify } from 'node:util';
import { Availability, StoreList } from '../../src/shared/schemas.js';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { keyHeaders, startProcess, tempDir } from './harness.js';

const run = promisify(execFile);
const dir = tempDir();
const db = join(dir, 'town.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args, '--db', db]);

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
  } finally {
    await ep.stop();
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

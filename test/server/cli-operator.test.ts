/**
 * The operator's path on the command line, on each backend: the town's
 * settings, a shop added with its opening hours and click & collect (so it is
 * not "closed for ever" on its first day), changed later, shown; mistakes named
 * with exit code 2 and nothing changed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { openState } from '../../src/sdk/contract/opening-hours.js';
import type { Storage } from '../../src/server/storage/types.js';
import { BACKENDS, cliCommand, createDatabase, type TestDatabase } from './harness.js';

const run = promisify(execFile);

for (const backend of BACKENDS) {
  describe(`the operator's CLI on ${backend}`, () => {
    let db: TestDatabase;
    let storage: Storage;
    const cli = (...args: string[]) => {
      const command = cliCommand(db, ...args);
      return run(process.execPath, command.args, { env: command.env });
    };
    const failing = async (...args: string[]) => {
      const err = (await cli(...args).then(() => assert.fail('the command succeeded'), (e: unknown) => e)) as { code: number; stderr: string };
      assert.equal(err.code, 2);
      return err.stderr;
    };
    before(async () => {
      db = await createDatabase(backend);
      storage = await db.open();
    });
    after(async () => {
      await storage.close();
      await db.drop();
    });

    it('sets the town, then adds a shop with hours and click & collect that is open when it says', async () => {
      const town = await cli('town', 'set', '--name', 'Arnsberg', '--lat', '51.3968', '--lon', '8.0647', '--zoom', '16');
      assert.match(town.stdout, /Town "Arnsberg" saved/);
      assert.equal((await storage.getCity())!.name, 'Arnsberg');
      const added = await cli('store', 'add', '--name', 'Buchhandlung am Markt', '--street', 'Alter Markt 4', '--postal-code', '59821', '--city', 'Arnsberg',
        '--lat', '51.3968', '--lon', '8.0647', '--hours', 'Mo-Fr 09:30-13:00 14:00-18:30; Sa 10:00-16:00', '--click-collect', 'on', '--ready-within', '60');
      assert.match(added.stdout, /Added shop "buchhandlung-am-markt"\. Its key \(shown only now, give it to the shop\):\ncl_sk_/);
      const store = (await storage.getStore('buchhandlung-am-markt'))!;
      assert.deepEqual(store.opening_hours.weekly.mon, [{ opens: '09:30', closes: '13:00' }, { opens: '14:00', closes: '18:30' }]);
      assert.deepEqual(store.opening_hours.weekly.sun, []);
      assert.deepEqual(store.click_and_collect, { enabled: true, ready_within_minutes: 60, hold_days: 2 });
      // Tuesday 1 December 2026, 10:00 in Berlin: open; 13:30: lunch break.
      assert.equal(openState(store.opening_hours, store.time_zone, new Date('2026-12-01T09:00:00Z')).open, true);
      assert.equal(openState(store.opening_hours, store.time_zone, new Date('2026-12-01T12:30:00Z')).open, false);
    });

    it('changes a shop\'s hours and click & collect, and shows them', async () => {
      const set = await cli('store', 'set', 'buchhandlung-am-markt', '--hours', 'Di-Sa 10-18', '--hold-days', '3');
      assert.match(set.stdout, /hours: tue 10:00-18:00; wed 10:00-18:00; thu 10:00-18:00; fri 10:00-18:00; sat 10:00-18:00/);
      assert.match(set.stdout, /click & collect: on, ready within 60 min, held 3 opening days/);
      const shown = await cli('store', 'show', 'buchhandlung-am-markt');
      assert.equal(shown.stdout, set.stdout);
      const store = (await storage.getStore('buchhandlung-am-markt'))!;
      assert.deepEqual(store.opening_hours.weekly.mon, []);
      assert.equal(store.click_and_collect.hold_days, 3);
    });

    it('names the mistake, exits with 2, and changes nothing', async () => {
      const before = await storage.getStore('buchhandlung-am-markt');
      assert.match(await failing('store', 'set', 'buchhandlung-am-markt', '--hours', 'Mo-Xy 10-18'), /--hours: "Xy" is not a day/);
      assert.match(await failing('store', 'set', 'buchhandlung-am-markt', '--hours', 'Mo 18:00-09:00'), /--hours: weekly\.mon\.0\.closes: closes must be after opens/);
      assert.match(await failing('store', 'set', 'buchhandlung-am-markt', '--click-collect', 'maybe'), /--click-collect is "on" or "off"/);
      assert.match(await failing('store', 'set', 'buchhandlung-am-markt', '--hold-days', '40'), /The change is not valid:\n {2}click_and_collect\.hold_days/);
      assert.match(await failing('store', 'set', 'no-such-shop', '--hold-days', '2'), /there is no shop "no-such-shop"/);
      assert.match(await failing('store', 'add', '--name', 'Ohne Adresse'), /The shop is not valid/);
      assert.deepEqual(await storage.getStore('buchhandlung-am-markt'), before);
      assert.equal((await storage.listStores()).length, 1);
    });
  });
}

/**
 * The reservation dialog shows the pickup window before anything is sent
 * (src/shared/hold-window.ts, in the browser); the endpoint stores the one it
 * computes (src/server/reservations/hold-window.ts). They must agree, for every
 * test shop, at every time of day, across weekends, holidays and clock changes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdWindow as serverWindow } from '../../src/server/reservations/hold-window.js';
import { holdWindow as sharedWindow, nextFullMinute } from '../../src/shared/hold-window.js';
import type { Store } from '../../src/shared/schemas.js';
import { testStores } from '../fixtures/town.js';

const stores = testStores.map((s) => ({ ...s, time_zone: 'Europe/Berlin', updated_at: '2026-01-01T00:00:00.000Z' }) as Store);

describe('hold window: browser and endpoint agree', () => {
  for (const store of stores) {
    it(store.id, () => {
      // Every 37 minutes for three weeks around each clock change and over Christmas (a special day).
      for (const startIso of ['2026-03-22T00:00:00Z', '2026-10-18T00:00:00Z', '2026-12-20T00:00:00Z']) {
        const start = Date.parse(startIso);
        for (let t = start; t < start + 21 * 86_400_000; t += 37 * 60_000) {
          const at = nextFullMinute(new Date(t));
          assert.deepEqual(sharedWindow(store, at), serverWindow(store, at), `${store.id} at ${at.toISOString()}`);
        }
      }
    });
  }
});

/**
 * The rules' footing, on each backend's real storage: a unit of work commits
 * whole or not at all, a SQLite unit that tries to wait is stopped and rolled
 * back (it holds the only connection inside a transaction), and the reservation
 * rules decide with the shop's settings and the contract's limits whoever
 * calls them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_RESERVATION_QUANTITY } from '../../src/sdk/contract/reservations.js';
import { createReservation, type CreateReservationInput } from '../../src/server/reservations/service.js';
import { WaitInTransactionError, wait } from '../../src/server/storage/steps.js';
import { LAMP, seedTestTown } from '../fixtures/town.js';
import { BACKENDS, startEndpoint, type RunningEndpoint } from './harness.js';

for (const backend of BACKENDS) {
  describe(`units of work on ${backend}`, () => {
    let ep: RunningEndpoint;
    before(async () => {
      ep = await startEndpoint({ backend });
      await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const lamp = async () => (await ep.storage.stockBySku('licht-haus', 'LH-100'))!;
    const takeOne = { store_id: 'licht-haus', sku: 'LH-100', release: 0, takeOut: 1 };

    it('commits a unit whole, and rolls it back whole when it throws', async () => {
      const before = (await lamp()).quantity!;
      await ep.storage.unit(function* (tx) {
        yield* tx.settleStock([takeOne]);
      });
      assert.equal((await lamp()).quantity, before - 1);
      await assert.rejects(ep.storage.unit(function* (tx) {
        yield* tx.settleStock([takeOne]);
        throw new Error('the rule changed its mind');
      }), /changed its mind/);
      assert.equal((await lamp()).quantity, before - 1, 'nothing of the failed unit is left');
    });

    if (backend === 'sqlite') {
      it('stops a unit that waits, rolls it back, and leaves the connection out of any transaction', async () => {
        const before = (await lamp()).quantity!;
        await assert.rejects(ep.storage.unit(function* (tx) {
          yield* tx.settleStock([takeOne]);
          yield* wait(Promise.resolve());
          yield* tx.settleStock([takeOne]);
        }), WaitInTransactionError);
        assert.equal((await lamp()).quantity, before, 'the write before the wait is rolled back');
        // The next unit runs in a transaction of its own and commits.
        await ep.storage.unit(function* (tx) {
          yield* tx.settleStock([takeOne]);
        });
        assert.equal((await lamp()).quantity, before - 1);
      });
    } else {
      it('lets a unit wait: its transaction lives on one pooled connection', async () => {
        const before = (await lamp()).quantity!;
        await ep.storage.unit(function* (tx) {
          yield* tx.settleStock([takeOne]);
          yield* wait(new Promise((resolve) => setImmediate(resolve)));
          yield* tx.settleStock([takeOne]);
        });
        assert.equal((await lamp()).quantity, before - 2);
      });
    }

    describe('the reservation rules, called without the HTTP layer', () => {
      const input = async (change: Partial<CreateReservationInput['reservation']> = {}, store?: Partial<CreateReservationInput['store']>): Promise<CreateReservationInput> => {
        const shop = (await ep.storage.getStore('licht-haus'))!;
        const at = new Date().toISOString();
        return {
          keyHash: randomUUID(),
          requestHash: 'request',
          store: { ...shop, ...store },
          maxActivePerContact: 10,
          reservation: {
            id: `res_${randomUUID()}`, code: () => 'AAA-AAA', store_id: 'licht-haus', gtin: LAMP, quantity: 1,
            customer: { name: 'Erika', email: 'erika@example.org' }, lang: 'de', token_hash: 'hash', created_at: at, ready_from: at, expires_at: at, ...change,
          },
          respond: () => ({ response: { status: 200, body: '{}' }, mails: [] }),
        };
      };

      it('refuses a shop that has click & collect off, whatever it lists', async () => {
        const held = (await lamp()).held;
        const shop = (await ep.storage.getStore('licht-haus'))!;
        const result = await createReservation(ep.storage, await input({}, { click_and_collect: { ...shop.click_and_collect, enabled: false } }));
        assert.deepEqual(result.kind === 'done' && result.outcome, { kind: 'not-reservable' });
        assert.equal((await lamp()).held, held);
      });

      it(`refuses more than ${MAX_RESERVATION_QUANTITY} units before anything is stored`, async () => {
        const request = await input({ quantity: MAX_RESERVATION_QUANTITY + 1 });
        await assert.rejects(createReservation(ep.storage, request), RangeError);
        assert.equal(await ep.storage.findIdempotencyKey(request.keyHash), null);
      });
    });
  });
}

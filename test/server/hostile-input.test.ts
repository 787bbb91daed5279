/**
 * The endpoint under hostile input, over real HTTP on each backend: text fields
 * that would write their own lines into mails, unknown keys at any depth
 * (names of Object.prototype included), and the customer token in a query string.
 * Each refusal is a 400 (or 404) that names the field and changes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { Problem, Reservation } from '../../src/sdk/contract/schemas.js';
import { createLogger } from '../../src/server/log.js';
import { ADMIN_KEY, LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, startEndpoint, type RunningEndpoint } from './harness.js';

const customer = { name: 'Erika Mustermann', email: 'erika@example.org' };

for (const backend of BACKENDS) {
  describe(`hostile input on ${backend}`, () => {
    let ep: RunningEndpoint;
    let town: SeededTown;
    before(async () => {
      ep = await startEndpoint({ backend, app: { reservations: { maxActivePerContact: 100 } } });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());

    const send = (method: string, path: string, body: unknown, headers: Record<string, string> = adminHeaders) =>
      fetch(`${ep.url}${path}`, { method, headers: { 'Idempotency-Key': randomUUID(), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

    async function refused(res: Response, path: string, status = 400): Promise<void> {
      const text = await res.text();
      assert.equal(res.status, status, text);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = Problem.parse(JSON.parse(text));
      assert.ok(problem.errors?.some((e) => e.path === path), `names ${path}: ${text}`);
    }

    const reservationCount = async () => (await ep.database.sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM reservations'.replace('::int', backend === 'sqlite' ? '' : '::int')))[0]!.n;

    describe('single-line and multi-line text', () => {
      const reservation = (name: string) => ({ store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer: { ...customer, name } });

      for (const [what, name] of [
        ['a line break', 'Erika\nWICHTIG: Zahlung an DE00 0000'],
        ['a carriage return', 'Erika\rX'],
        ['a NUL', 'Erika\u0000'],
        ['a tab', 'Erika\tX'],
        ['a C1 control', 'Erika\u0085X'],
        ['a line separator', 'Erika\u2028X'],
        ['a right-to-left override', 'Erika \u202Egpj.exe'],
        ['a bidi isolate', 'Erika \u2066X\u2069'],
      ] as const) {
        it(`a customer name with ${what} is refused, naming the field; nothing is reserved`, async () => {
          const before = await reservationCount();
          await refused(await send('POST', '/v1/reservations', reservation(name), { 'Content-Type': 'application/json' }), 'customer.name');
          assert.equal(await reservationCount(), before);
        });
      }

      it('a plain name with umlauts and an apostrophe is taken', async () => {
        const res = await send('POST', '/v1/reservations', reservation('Jürgen O\'Neill-Şahin'), { 'Content-Type': 'application/json' });
        assert.equal(res.status, 201, await res.text());
      });

      it('shop name, street, article title and opening-hours label are single lines', async () => {
        const key = town.keys['licht-haus']!;
        await refused(await send('PATCH', '/v1/stores/licht-haus', { name: 'Licht\nHaus' }, keyHeaders(key, 'application/merge-patch+json')), 'name');
        await refused(await send('PATCH', '/v1/stores/licht-haus', { address: { street: 'Markt\u202E 3', postal_code: '59821', city: 'Testhausen', country: 'DE' } }, keyHeaders(key, 'application/merge-patch+json')), 'address.street');
        await refused(
          await send('PATCH', '/v1/stores/licht-haus/inventory', { items: [{ sku: 'LH-100', gtin: LAMP, quantity: 5, price: { amount: '89.00', currency: 'EUR' }, title: 'Leuchte\r\nFAKE' }] }, keyHeaders(key)),
          'items.0.title',
        );
        const store = await (await fetch(`${ep.url}/v1/stores/licht-haus`)).json() as { name: string; address: { street: string } };
        assert.equal(store.name, 'Licht & Haus');
        assert.equal(store.address.street, 'Alter Markt 3');
      });

      it('a description keeps plain line breaks, and refuses tabs, controls and direction overrides', async () => {
        const key = town.keys['licht-haus']!;
        const headers = keyHeaders(key, 'application/merge-patch+json');
        const ok = await send('PATCH', '/v1/stores/licht-haus', { description: 'Lampen seit 1952.\nAuch Reparaturen.\r\nWillkommen!' }, headers);
        assert.equal(ok.status, 200, await ok.text());
        await refused(await send('PATCH', '/v1/stores/licht-haus', { description: 'Lampen\u202E seit 1952' }, headers), 'description');
        await refused(await send('PATCH', '/v1/stores/licht-haus', { description: 'Lampen\u0007' }, headers), 'description');
        await refused(await send('PATCH', '/v1/stores/licht-haus', { description: 'Lampen\tseit' }, headers), 'description');
        const store = await (await fetch(`${ep.url}/v1/stores/licht-haus`)).json() as { description: string };
        assert.equal(store.description, 'Lampen seit 1952.\nAuch Reparaturen.\r\nWillkommen!');
      });
    });

    describe('unknown keys at any depth', () => {
      for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'colour']) {
        it(`"${key}" in a nested object is refused with its path`, async () => {
          const before = await reservationCount();
          // Written by hand: JSON.stringify would drop a __proto__ key set through an object literal.
          const body = `{"store":"licht-haus","gtin":"${LAMP}","quantity":1,"privacy_accepted":true,"customer":{"name":"Erika","email":"erika@example.org","${key}":"x"}}`;
          await refused(await send('POST', '/v1/reservations', body, { 'Content-Type': 'application/json' }), `customer.${key}`);
          assert.equal(await reservationCount(), before);
          const shop = `{"address":{"street":"Markt 1","postal_code":"59821","city":"Testhausen","country":"DE","${key}":{}}}`;
          await refused(await send('PATCH', '/v1/stores/licht-haus', shop, keyHeaders(town.keys['licht-haus']!, 'application/merge-patch+json')), `address.${key}`);
          const week = `{"opening_hours":{"weekly":{"mon":[{"opens":"09:00","closes":"18:00","${key}":1}],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]},"special_days":[]}}`;
          await refused(await send('PATCH', '/v1/stores/licht-haus', week, keyHeaders(town.keys['licht-haus']!, 'application/merge-patch+json')), `opening_hours.weekly.mon.0.${key}`);
          const top = `{"items":[],"${key}":1}`;
          await refused(await send('PUT', '/v1/stores/licht-haus/inventory', top, keyHeaders(town.keys['licht-haus']!)), key);
        });
      }
    });

    describe('authorisation before the body', () => {
      /**
       * Sends the headers of a large write and a little of its body, then waits for the answer
       * without sending the rest: a server that read the body first would never answer.
       */
      function answerBeforeBody(method: string, path: string, authorization?: string): Promise<string> {
        const { port } = new URL(ep.url);
        return new Promise((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1');
          let got = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => {
            got += chunk;
            if (got.includes('\r\n\r\n')) {
              socket.destroy();
              resolve(got);
            }
          });
          socket.on('error', reject);
          // A server that waits for the rest of the body never answers: the test fails on its
          // timeout and the socket must not keep the endpoint from closing.
          socket.setTimeout(10_000, () => {
            socket.destroy();
            resolve(got);
          });
          socket.on('close', () => resolve(got));
          const auth = authorization ? `Authorization: ${authorization}\r\n` : '';
          socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${auth}Content-Length: 900000\r\n\r\n{"items":[`);
        });
      }

      for (const [what, method, path, authorization] of [
        ['a shop\'s stock upload without a key', 'PUT', '/v1/stores/licht-haus/inventory', undefined],
        ['a shop\'s stock upload with a wrong key', 'PUT', '/v1/stores/licht-haus/inventory', 'Bearer cl_sk_not-a-key'],
        ['a new shop without the operator\'s key', 'POST', '/v1/stores', undefined],
        ['a cancellation without the customer token', 'POST', '/v1/reservations/res_nothere/cancel', undefined],
      ] as const) {
        it(`${what} is refused before the body arrives`, { timeout: 20_000 }, async () => {
          const head = await answerBeforeBody(method, path, authorization);
          assert.match(head, path.includes('reservations') ? /^HTTP\/1\.1 404/ : /^HTTP\/1\.1 401/, head);
        });
      }
    });

    describe('a dropped upload', () => {
      it('is logged as an abort (info), not as an error or a 500', async () => {
        const lines: string[] = [];
        const logged = await startEndpoint({ backend, database: ep.database, app: { logger: createLogger('info', (l) => lines.push(l)) } });
        try {
          const socket = connect(Number(new URL(logged.url).port), '127.0.0.1');
          await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
          socket.write(`PUT /v1/stores/licht-haus/inventory HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${town.keys['licht-haus']}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"items":[`);
          // The server has the headers and part of the body when the client goes away.
          while (!lines.some((l) => l.includes('"event":"request"'))) {
            await new Promise((r) => setTimeout(r, 50));
            if (!socket.destroyed && lines.length === 0) socket.destroy();
          }
          const events = lines.map((l) => JSON.parse(l) as { level: string; event: string; status?: number });
          assert.ok(events.some((e) => e.level === 'info' && e.event === 'request-aborted'), lines.join('\n'));
          assert.ok(!events.some((e) => e.level === 'error'), lines.join('\n'));
          assert.ok(!events.some((e) => e.status === 500), lines.join('\n'));
        } finally {
          await logged.close();
        }
      });
    });

    describe('guessing keys', () => {
      it('after a few wrong keys one client gets 429 with Retry-After, even for a right key; other clients do not', async () => {
        const other = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
        assert.ok(other, 'this machine has an address other than loopback to call from');
        const guessed = await startEndpoint({ backend, host: '0.0.0.0', database: ep.database });
        try {
          const stores = (host: string, key: string) => fetch(`http://${host}:${new URL(guessed.url).port}/v1/stores`, { headers: { Authorization: `Bearer ${key}` } });
          for (let i = 0; i < 10; i++) assert.equal((await stores('127.0.0.1', `cl_sk_guess-${i}`)).status, 401);
          const slowed = await stores('127.0.0.1', 'cl_sk_guess-10');
          assert.equal(slowed.status, 429, await slowed.text());
          assert.ok(Number(slowed.headers.get('retry-after')) > 0, 'Retry-After says how long');
          assert.equal((await stores('127.0.0.1', ADMIN_KEY)).status, 429, 'a right key is not even looked at for a while');
          assert.equal((await stores(other, ADMIN_KEY)).status, 200, 'another client is not slowed down');
          assert.equal((await stores(other, 'cl_sk_guess')).status, 401);
        } finally {
          await guessed.close();
        }
      });
    });

    describe('the customer token', () => {
      it('is taken from the Authorization header only, never from ?token=', async () => {
        const res = await send('POST', '/v1/reservations', { store: 'licht-haus', gtin: LAMP, quantity: 1, privacy_accepted: true, customer }, { 'Content-Type': 'application/json' });
        const r = Reservation.parse(await res.json());
        const byQuery = await fetch(`${ep.url}/v1/reservations/${r.id}?token=${r.customer_token}`);
        assert.equal(byQuery.status, 404, await byQuery.text());
        const cancelByQuery = await fetch(`${ep.url}/v1/reservations/${r.id}/cancel?token=${r.customer_token}`, { method: 'POST' });
        assert.equal(cancelByQuery.status, 404, await cancelByQuery.text());
        const byHeader = await fetch(`${ep.url}/v1/reservations/${r.id}`, { headers: { Authorization: `Bearer ${r.customer_token}` } });
        assert.equal(byHeader.status, 200);
        assert.equal(Reservation.parse(await byHeader.json()).status, 'held', 'the query did not cancel it');
      });
    });
  });
}

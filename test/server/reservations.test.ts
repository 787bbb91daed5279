/**
 * Click & collect over real HTTP on a fresh database of each backend (SQLite,
 * and PostgreSQL when TEST_DATABASE_URL is set): reserving, idempotency, the
 * lifecycle, expiry with a controllable clock and two sweepers, limits, erasure
 * of personal data, logs, and mail through a real SMTP server on loopback.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createLogger } from '../../src/server/log.js';
import { sweep } from '../../src/server/reservations/jobs.js';
import { createMailer } from '../../src/server/reservations/mail.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import { Availability, Problem, Reservation } from '../../src/sdk/contract/schemas.js';
import { LAMP, VASE, gtin, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, keyHeaders, pool, startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail } from './smtp.js';

const berlin = (date: string, time: string) => zonedInstant({ year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) }, time, 'Europe/Berlin');

/** The endpoint's clock: tests move it. Starts on a Tuesday, 10:00 in Berlin. */
let clock = berlin('2026-12-01', '10:00');
const logLines: string[] = [];
let ep: RunningEndpoint;
let town: SeededTown;


const customer = { name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 30 23125 999' };
const body = (extra: Record<string, unknown> = {}) => ({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer, privacy_accepted: true, ...extra });

async function reserve(payload: unknown, key: string | null = randomUUID()) {
  const res = await fetch(`${ep.url}/v1/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(payload),
  });
  return { res, text: await res.text(), key };
}

const stock = async (store: string, sku: string) => (await ep.storage.stockBySku(store, sku))!;

async function setQuantity(store: string, sku: string, gtin: string, quantity: number) {
  await list(store, { sku, gtin, quantity });
}

/** Lists (or changes) one article at a shop, as the shop's upload would. */
async function list(store: string, item: Record<string, unknown>) {
  const res = await fetch(`${ep.url}/v1/stores/${store}/inventory`, {
    method: 'PATCH', headers: adminHeaders,
    body: JSON.stringify({ items: [{ price: { amount: '89.00', currency: 'EUR' }, ...item }] }),
  });
  assert.equal(res.status, 200, await res.text());
}

for (const backend of BACKENDS) {
  describe(`click & collect on ${backend}`, () => {
    before(async () => {
      ep = await startEndpoint({
        backend,
        now: () => clock,
        app: {
          logger: createLogger('info', (line) => logLines.push(line)),
          reservations: { perClient: { limit: 1000, windowMs: 60_000 }, perStore: { limit: 1000, windowMs: 60_000 }, maxActivePerContact: 50 },
        },
      });
      town = await seedTestTown(ep.url);
    });
    after(() => ep.close());
    beforeEach(() => {
      clock = berlin('2026-12-01', '10:00');
    });

    describe('reserving', () => {
      it('holds the item: 201 with a readable pickup code, the hold window, and a token for the shopper', async () => {
        await setQuantity('licht-haus', 'LH-100', LAMP, 5);
        const before = await stock('licht-haus', 'LH-100');
        const { res, text } = await reserve(body({ quantity: 2 }));
        assert.equal(res.status, 201, text);
        const r = Reservation.parse(JSON.parse(text));
        assert.match(r.code, /^[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}$/);
        assert.equal(r.status, 'held');
        assert.equal(r.quantity, 2);
        assert.equal(r.item.name, 'Tischleuchte Mohn');
        assert.match(r.customer_token!, /^cl_ct_[A-Za-z0-9_-]{43}$/);
        assert.equal(r.customer, undefined, 'the answer does not echo personal data');
        // Tuesday 10:00 + 2 hours' promise = 12:00; held (hold_days 2) to Wednesday's closing, 18:30.
        assert.equal(r.ready_from, berlin('2026-12-01', '12:00').toISOString());
        assert.equal(r.expires_at, berlin('2026-12-02', '18:30').toISOString());
        const after = await stock('licht-haus', 'LH-100');
        assert.equal(after.held, before.held! + 2);
        assert.equal(after.quantity, before.quantity, 'held units stay on hand until collected');
        const a = Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json());
        assert.equal(a.offers.find((o) => o.store.id === 'licht-haus')!.quantity, 5 - after.held!, 'shoppers see what is still free');
      });

      it('starts the hold when the shop opens if the promise falls outside opening hours', async () => {
        clock = berlin('2026-12-01', '18:00'); // + 2 h = 20:00, closed: ready Wednesday 09:30
        const { res, text } = await reserve(body());
        assert.equal(res.status, 201, text);
        const r = Reservation.parse(JSON.parse(text));
        assert.equal(r.ready_from, berlin('2026-12-02', '09:30').toISOString());
        assert.equal(r.expires_at, berlin('2026-12-03', '18:30').toISOString());
      });

      it('answers 409 insufficient-stock with what is still available, and creates nothing', async () => {
        await setQuantity('licht-haus', 'LH-100', LAMP, 5);
        const free = (await stock('licht-haus', 'LH-100')).quantity! - (await stock('licht-haus', 'LH-100')).held!;
        const count = (await ep.storage.listReservations('licht-haus')).length;
        const { res, text } = await reserve(body({ quantity: free + 1 }));
        assert.equal(res.status, 409);
        const p = Problem.parse(JSON.parse(text));
        assert.equal(p.code, 'insufficient-stock');
        assert.equal(p.available, free);
        assert.equal((await ep.storage.listReservations('licht-haus')).length, count);
      });

      it('rejects bad input with the field and reason, and changes nothing', async () => {
        const count = (await ep.storage.listReservations('licht-haus')).length;
        const noKey = await reserve(body(), null);
        assert.equal(noKey.res.status, 400);
        assert.equal(Problem.parse(JSON.parse(noKey.text)).code, 'idempotency-key-missing');
        const badMail = Problem.parse(JSON.parse((await reserve(body({ customer: { name: 'E', email: 'not-an-address' } }))).text));
        assert.deepEqual(badMail.errors!.map((e) => e.path), ['customer.email']);
        const noConsent = Problem.parse(JSON.parse((await reserve(body({ privacy_accepted: false }))).text));
        assert.deepEqual(noConsent.errors!.map((e) => e.path), ['privacy_accepted']);
        const extra = Problem.parse(JSON.parse((await reserve(body({ coupon: 'X' }))).text));
        assert.deepEqual(extra.errors, [{ path: 'coupon', reason: 'unknown field' }]);
        const tooMany = await reserve(body({ quantity: 11 }));
        assert.equal(tooMany.res.status, 400);
        const offShop = Problem.parse(JSON.parse((await reserve(body({ store: 'keramik-koenig', gtin: VASE }))).text));
        assert.equal(offShop.code, 'not-reservable', 'a shop with click & collect off takes no reservations');
        assert.equal((await ep.storage.listReservations('licht-haus')).length, count);
      });

      it('refuses what the offer does not call reservable: a "buy" article, one on display only; nothing is held', async () => {
        await list('licht-haus', { sku: 'BUY-1', gtin: gtin(610), quantity: 5, pickup_method: 'buy', title: 'Nur vor Ort' });
        await list('licht-haus', { sku: 'SHOW-1', gtin: gtin(611), quantity: 3, availability: 'on_display_to_order', title: 'Ausstellungsstück' });
        const count = (await ep.storage.listReservations('licht-haus')).length;
        for (const [sku, product] of [['BUY-1', gtin(610)], ['SHOW-1', gtin(611)]] as const) {
          const offer = Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${product}`)).json()).offers[0]!;
          assert.equal(offer.reservable, false, `${sku} is offered as not reservable`);
          for (const by of [{ gtin: product }, { gtin: undefined, sku }]) {
            const { res, text } = await reserve(body(by));
            assert.equal(res.status, 409, `${sku}: ${text}`);
            assert.equal(Problem.parse(JSON.parse(text)).code, 'not-reservable');
          }
          assert.equal((await stock('licht-haus', sku)).held, 0, `no unit of ${sku} held`);
        }
        assert.equal((await ep.storage.listReservations('licht-haus')).length, count);
      });

      it('is idempotent: the same key and body give the identical answer; another body under the key is 422', async () => {
        const key = randomUUID();
        const first = await reserve(body(), key);
        assert.equal(first.res.status, 201);
        const again = await reserve(body(), key);
        assert.equal(again.res.status, 201);
        assert.equal(again.text, first.text, 'identical body, token included');
        const reordered = await reserve({ privacy_accepted: true, customer, quantity: 1, gtin: LAMP, store: 'licht-haus' }, key);
        assert.equal(reordered.text, first.text, 'key order does not make it another request');
        const other = await reserve(body({ quantity: 2 }), key);
        assert.equal(other.res.status, 422);
        assert.equal(Problem.parse(JSON.parse(other.text)).code, 'idempotency-key-reused');
        const id = Reservation.parse(JSON.parse(first.text)).id;
        assert.equal((await ep.storage.listReservations('licht-haus')).filter((r) => r.id === id).length, 1);
        // A refused request is replayed as refused too.
        const key2 = randomUUID();
        const refused = await reserve(body({ quantity: 10 }), key2);
        assert.equal(refused.res.status, 409);
        const refusedAgain = await reserve(body({ quantity: 10 }), key2);
        assert.equal(refusedAgain.res.status, 409);
        assert.equal(refusedAgain.text, refused.text);
      });
    });

    describe('the lifecycle', () => {
      it('the shopper views and cancels with their token; the stock comes back; a second cancel is 409', async () => {
        await setQuantity('licht-haus', 'LH-100', LAMP, 100);
        const r = Reservation.parse(JSON.parse((await reserve(body())).text));
        const heldBefore = (await stock('licht-haus', 'LH-100')).held!;
        const auth = { Authorization: `Bearer ${r.customer_token}` };
        const view = await fetch(`${ep.url}/v1/reservations/${r.id}`, { headers: auth });
        assert.equal(view.status, 200);
        assert.equal(Reservation.parse(await view.json()).customer!.name, customer.name);
        const wrong = await fetch(`${ep.url}/v1/reservations/${r.id}`, { headers: { Authorization: 'Bearer cl_ct_wrong' } });
        assert.equal(wrong.status, 404);
        const cancel = await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: auth });
        assert.equal(cancel.status, 200);
        assert.equal(Reservation.parse(await cancel.json()).status, 'cancelled');
        assert.equal((await stock('licht-haus', 'LH-100')).held, heldBefore - 1);
        const twice = await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: auth });
        assert.equal(twice.status, 409);
        assert.equal(Problem.parse(await twice.json()).code, 'invalid-transition');
        assert.equal((await stock('licht-haus', 'LH-100')).held, heldBefore - 1, 'released once');
      });

      it('the shop lists and moves its reservations: held → ready → collected takes the units out', async () => {
        await setQuantity('licht-haus', 'LH-100', LAMP, 100);
        const r = Reservation.parse(JSON.parse((await reserve(body({ quantity: 2 }))).text));
        const shop = keyHeaders(town.keys['licht-haus']!);
        const list = await (await fetch(`${ep.url}/v1/stores/licht-haus/reservations?status=held`, { headers: shop })).json() as { items: Reservation[] };
        const listed = list.items.find((i) => i.id === r.id)!;
        assert.equal(listed.customer!.email, customer.email, 'the shop sees who reserved');
        const before = await stock('licht-haus', 'LH-100');
        const move = (status: string) => fetch(`${ep.url}/v1/stores/licht-haus/reservations/${r.id}`, { method: 'PATCH', headers: shop, body: JSON.stringify({ status }) });
        assert.equal((await move('ready')).status, 200);
        assert.equal((await move('collected')).status, 200);
        const after = await stock('licht-haus', 'LH-100');
        assert.equal(after.held, before.held! - 2);
        assert.equal(after.quantity, before.quantity! - 2, 'collected units leave the shop');
        const back = await move('ready');
        assert.equal(back.status, 409);
        assert.equal(Problem.parse(await back.json()).code, 'invalid-transition');
      });

      it('collecting from an article the shop stopped counting leaves it uncounted, on every backend', async () => {
        await list('licht-haus', { sku: 'COUNT-1', gtin: gtin(612), quantity: 4, title: 'Zählartikel' });
        const r = Reservation.parse(JSON.parse((await reserve(body({ gtin: gtin(612) }))).text));
        // The shop's next upload gives no quantity: the article is in stock, uncounted.
        await list('licht-haus', { sku: 'COUNT-1', gtin: gtin(612), availability: 'in_stock' });
        const shop = keyHeaders(town.keys['licht-haus']!);
        const collected = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/${r.id}`, { method: 'PATCH', headers: shop, body: '{"status":"collected"}' });
        assert.equal(collected.status, 200);
        assert.deepEqual([(await stock('licht-haus', 'COUNT-1')).quantity, (await stock('licht-haus', 'COUNT-1')).held], [null, 0]);
        const offer = Availability.parse(await (await fetch(`${ep.url}/v1/availability?gtin=${gtin(612)}`)).json()).offers[0]!;
        assert.equal(offer.availability, 'in_stock', 'not "out of stock"');
      });

      it('the shop\'s list filters by status before it stops at 500: open holds are never cut off by ended ones', { timeout: 120_000 }, async () => {
        await list('licht-haus', { sku: 'LIST-1', gtin: gtin(613), quantity: 1000, title: 'Listenartikel' });
        const open = Reservation.parse(JSON.parse((await reserve(body({ gtin: gtin(613) }))).text));
        // 500 newer ones, each cancelled at once: the newest 500 of the shop are all ended.
        clock = berlin('2026-12-20', '10:00');
        await pool(500, 8, async (i) => {
          const made = await reserve(body({ gtin: gtin(613), customer: { name: `Kunde ${i}`, email: `liste${i}@example.org` } }));
          assert.equal(made.res.status, 201, made.text);
          const r = Reservation.parse(JSON.parse(made.text));
          const cancel = await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${r.customer_token}` } });
          assert.equal(cancel.status, 200);
        });
        const shop = keyHeaders(town.keys['licht-haus']!);
        const listed = async (query: string) => ((await (await fetch(`${ep.url}/v1/stores/licht-haus/reservations${query}`, { headers: shop })).json()) as { items: Reservation[] }).items;
        const all = await listed('');
        assert.equal(all.length, 500, 'the list stops at 500');
        assert.ok(!all.some((r) => r.id === open.id), 'the open hold is older than the newest 500');
        const held = await listed('?status=held,ready');
        assert.ok(held.some((r) => r.id === open.id), 'the open hold is listed');
        assert.ok(held.every((r) => r.status === 'held' || r.status === 'ready'));
      });

      it('another shop\'s key gets 403 on the reservations and changes nothing', async () => {
        const r = Reservation.parse(JSON.parse((await reserve(body())).text));
        const other = keyHeaders(town.keys['wohnen-am-steinweg']!);
        assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: other })).status, 403);
        const patch = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/${r.id}`, { method: 'PATCH', headers: other, body: '{"status":"cancelled"}' });
        assert.equal(patch.status, 403);
        const ownRoute = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/reservations/${r.id}`, { method: 'PATCH', headers: other, body: '{"status":"cancelled"}' });
        assert.equal(ownRoute.status, 404, 'not found through another shop\'s route');
        assert.equal((await ep.storage.getReservation(r.id))!.status, 'held');
      });
    });

    describe('expiry', () => {
      it('expires due holds and releases the stock exactly once with two sweepers on the same database', async () => {
        await setQuantity('licht-haus', 'LH-100', LAMP, 20);
        const made: Reservation[] = [];
        for (let i = 0; i < 6; i++) made.push(Reservation.parse(JSON.parse((await reserve(body())).text)));
        const heldBefore = (await stock('licht-haus', 'LH-100')).held!;
        // A second instance's storage on the same database: two sweepers racing.
        const other = await ep.database.open();
        try {
          const log = createLogger('silent');
          const later = () => berlin('2026-12-02', '18:31'); // after Wednesday's closing
          const [a, b] = await Promise.all([sweep({ storage: ep.storage, log, now: later }), sweep({ storage: other, log, now: later })]);
          assert.ok(a.expired + b.expired >= made.length, `expired ${a.expired} + ${b.expired}`);
          for (const r of made) assert.equal((await ep.storage.getReservation(r.id))!.status, 'expired');
          const again = await sweep({ storage: other, log, now: later });
          assert.equal(again.expired, 0);
        } finally {
          await other.close();
        }
        const after = await stock('licht-haus', 'LH-100');
        assert.ok(after.held! <= heldBefore - made.length, 'every one released');
        assert.ok(after.held! >= 0);
        const mails = (await ep.storage.outbox(500)).filter((m) => m.kind === 'customer-expired' && made.some((r) => r.id === m.reservation_id));
        assert.equal(mails.length, made.length, 'one "expired" mail per reservation');
      });

      it('does not expire a hold before its time', async () => {
        const r = Reservation.parse(JSON.parse((await reserve(body())).text));
        await sweep({ storage: ep.storage, log: createLogger('silent'), now: () => berlin('2026-12-02', '18:29') });
        assert.equal((await ep.storage.getReservation(r.id))!.status, 'held');
      });
    });

    describe('limits', () => {
      it('429 with Retry-After past the per-client limit, and past the holds per contact', async () => {
        const limited = await startEndpoint({
          backend,
          now: () => clock,
          app: { reservations: { perClient: { limit: 2, windowMs: 60_000 }, maxActivePerContact: 50 } },
        });
        try {
          await seedTestTown(limited.url);
          const send = (key = randomUUID()) =>
            fetch(`${limited.url}/v1/reservations`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body()) });
          const firstKey = randomUUID();
          assert.equal((await send(firstKey)).status, 201);
          assert.equal((await send()).status, 201);
          const third = await send();
          assert.equal(third.status, 429);
          assert.ok(Number(third.headers.get('retry-after')) > 0);
          assert.equal(Problem.parse(await third.json()).code, 'rate-limited');
          assert.equal((await send(firstKey)).status, 201, 'a retry is answered, not limited');
        } finally {
          await limited.close();
        }
        const capped = await startEndpoint({ backend, now: () => clock, app: { reservations: { maxActivePerContact: 1 } } });
        try {
          await seedTestTown(capped.url);
          const send = () =>
            fetch(`${capped.url}/v1/reservations`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(body()) });
          assert.equal((await send()).status, 201);
          const second = await send();
          assert.equal(second.status, 429);
          assert.ok(second.headers.get('retry-after'));
        } finally {
          await capped.close();
        }
      });
    });

    describe('one contact', () => {
      it('caps open holds per e-mail address whatever the case it is written in', async () => {
        const capped = await startEndpoint({ backend, now: () => clock, app: { reservations: { maxActivePerContact: 1 } } });
        try {
          await seedTestTown(capped.url);
          const send = (email: string) =>
            fetch(`${capped.url}/v1/reservations`, {
              method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
              body: JSON.stringify(body({ customer: { ...customer, email } })),
            });
          assert.equal((await send('Erika.Mustermann@Example.org')).status, 201);
          const again = await send('erika.mustermann@example.ORG');
          assert.equal(again.status, 429, 'the same contact');
          assert.equal(Problem.parse(await again.json()).code, 'rate-limited');
          assert.equal((await send('max.mustermann@example.org')).status, 201, 'another contact is not capped');
        } finally {
          await capped.close();
        }
      });
    });

    describe('personal data', () => {
      it('is erased when the retention period after the end has passed; the reservation stays without it', async () => {
        const r = Reservation.parse(JSON.parse((await reserve(body())).text));
        await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${r.customer_token}` } });
        const log = createLogger('silent');
        await sweep({ storage: ep.storage, log, now: () => new Date(clock.getTime() + 29 * 86_400_000), retentionDays: 30 });
        assert.equal((await ep.storage.getReservation(r.id))!.customer_email, customer.email, 'kept within the period');
        await sweep({ storage: ep.storage, log, now: () => new Date(clock.getTime() + 31 * 86_400_000), retentionDays: 30 });
        const erased = (await ep.storage.getReservation(r.id))!;
        assert.deepEqual([erased.customer_name, erased.customer_email, erased.customer_phone], [null, null, null]);
        assert.equal(erased.status, 'cancelled');
        assert.equal((await ep.storage.outbox(1000)).filter((m) => m.reservation_id === r.id).length, 0, 'its mails are gone too');
      });

      it('never reaches the logs', async () => {
        const r = Reservation.parse(JSON.parse((await reserve(body())).text));
        await fetch(`${ep.url}/v1/reservations/${r.id}`, { headers: { Authorization: `Bearer ${r.customer_token}` } });
        await fetch(`${ep.url}/v1/reservations/${r.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${r.customer_token}` } });
        const all = logLines.join('\n');
        assert.ok(logLines.some((l) => l.includes('reservation-created')), 'the log has the event');
        for (const secret of [customer.name, customer.email, customer.phone, 'Mustermann', r.customer_token!, r.code]) {
          assert.ok(!all.includes(secret), `log contains ${secret}`);
        }
      });
    });

    describe('mail', () => {
      it('sends the confirmation to the shopper (in their language) and the news to the shop over SMTP', async () => {
        const smtp = await catchMail();
        const received = smtp.received;
        try {
          // Only this reservation's mails are waiting: earlier ones are sent (to nowhere) first.
          for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: clock.toISOString() });
          const en = Reservation.parse(JSON.parse((await reserve(body({ lang: 'en', customer: { ...customer, email: 'john@example.org', name: 'John Doe' } }))).text));
          const mailer = createMailer(ep.storage, { smtpUrl: smtp.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') })!;
          assert.equal(await mailer.flush(), 2);
          const toShopper = received.find((m) => m.to.includes('john@example.org'))!;
          assert.ok(toShopper, 'shopper got mail');
          assert.equal(toShopper.subject, `Your reservation at Licht & Haus: pickup code ${en.code}`);
          assert.equal(toShopper.language, 'en');
          assert.match(toShopper.text, new RegExp(`Pickup code: ${en.code}`));
          assert.ok(toShopper.text.includes(`/r/${en.id}#token=${en.customer_token}`), 'the link to view and cancel');
          const toShop = received.find((m) => m.to.includes('info@licht-haus.example'))!;
          assert.ok(toShop, 'shop got mail');
          assert.equal(toShop.subject, `Neue Reservierung ${en.code}: 1 × Tischleuchte Mohn`);
          assert.match(toShop.text, /Kunde: John Doe/);
          assert.equal(await mailer.flush(), 0, 'nothing is sent twice');
          // A German shopper gets German mail.
          await reserve(body());
          await mailer.flush();
          const german = received.find((m) => m.to.includes(customer.email))!;
          assert.ok(german, 'the German shopper got mail');
          assert.match(german.subject, /^Ihre Reservierung bei Licht & Haus: Abholcode [34679A-Z]{3}-[34679A-Z]{3}$/);
          assert.match(german.text, /Guten Tag Erika Mustermann,/);

          // Cancelled by the shopper on their page: the shopper gets a mail too, with the link to the page.
          const mine = Reservation.parse(JSON.parse((await reserve(body({ customer: { ...customer, email: 'storno@example.org' } }))).text));
          await mailer.flush();
          const cancelled = await fetch(`${ep.url}/v1/reservations/${mine.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${mine.customer_token}` } });
          assert.equal(cancelled.status, 200, await cancelled.text());
          assert.equal(await mailer.flush(), 2, 'to the shopper and to the shop');
          const storno = received.filter((m) => m.to.includes('storno@example.org')).at(-1)!;
          assert.equal(storno.subject, `Ihre Reservierung ${mine.code} wurde storniert`);
          assert.match(storno.text, /Ihre Reservierung von 1 × Tischleuchte Mohn bei Licht & Haus wurde storniert\./);
          assert.ok(storno.text.includes(`/r/${mine.id}#token=${mine.customer_token}`), 'the link to the reservation page');
          assert.ok(received.some((m) => m.to.includes('info@licht-haus.example') && m.subject === `Reservierung ${mine.code} storniert`));

          // Ready: the shopper's mail links their reservation page (not the shop's website), with a
          // link token that opens that reservation only and is not the shopper's own token.
          const later = Reservation.parse(JSON.parse((await reserve(body({ customer: { ...customer, email: 'bereit@example.org' } }))).text));
          const other = Reservation.parse(JSON.parse((await reserve(body({ customer: { ...customer, email: 'andere@example.org' } }))).text));
          await mailer.flush();
          const ready = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/${later.id}`, { method: 'PATCH', headers: keyHeaders(town.keys['licht-haus']!), body: '{"status":"ready"}' });
          assert.equal(ready.status, 200, await ready.text());
          await mailer.flush();
          const readyMail = received.filter((m) => m.to.includes('bereit@example.org')).at(-1)!;
          assert.equal(readyMail.subject, `Ihre Reservierung liegt bereit: ${later.code}`);
          const link = new RegExp(`(https?://[^\\s]+)/r/${later.id}#token=(cl_lt_[A-Za-z0-9_-]{43})`).exec(readyMail.text);
          assert.ok(link, readyMail.text);
          assert.ok(!readyMail.text.includes('licht-haus.example/'), 'not the shop\'s website');
          const token = link[2]!;
          assert.notEqual(token, later.customer_token);
          const seen = await fetch(`${ep.url}/v1/reservations/${later.id}`, { headers: { Authorization: `Bearer ${token}` } });
          assert.equal(seen.status, 200, 'the link token opens the reservation');
          assert.equal(Reservation.parse(await seen.json()).status, 'ready');
          const elsewhere = await fetch(`${ep.url}/v1/reservations/${other.id}`, { headers: { Authorization: `Bearer ${token}` } });
          assert.equal(elsewhere.status, 404, 'and no other one');
          const forged = await fetch(`${ep.url}/v1/reservations/${later.id}`, { headers: { Authorization: `Bearer cl_lt_${'A'.repeat(43)}` } });
          assert.equal(forged.status, 404);
        } finally {
          await smtp.close();
        }
      });
    });
  });
}

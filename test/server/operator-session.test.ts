/**
 * The town operator in the dashboard, over real HTTP on each backend: signing
 * in with the admin key makes an operator session (the cookie as for shops,
 * CSRF the same, wrong keys slowed down as on every route), bound to the admin
 * key it began under; a shop's session cannot reach the operator's routes; the
 * operator pauses a shop (gone from availability, no new reservations, its
 * holds stay), rotates and revokes keys (the shop's sessions end), invites a
 * shop (the mail reaches a real SMTP server on loopback at once) and reads the
 * mail status without any address in it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createLogger } from '../../src/server/log.js';
import { createMailer } from '../../src/server/reservations/mail.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import { ADMIN_KEY, LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, startEndpoint, type RunningEndpoint } from './harness.js';

const berlin = (time: string) => zonedInstant({ year: 2026, month: 12, day: 1 }, time, 'Europe/Berlin');

interface Received { to: string[]; subject: string; text: string }

for (const backend of BACKENDS) {
  describe(`operator dashboard session on ${backend}`, () => {
    let clock = berlin('10:00');
    let ep: RunningEndpoint;
    let town: SeededTown;
    let smtp: SMTPServer;
    const received: Received[] = [];
    let mailArrived: (() => void) | undefined;

    before(async () => {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        onAuth(auth, _session, done) {
          done(null, { user: auth.username });
        },
        onData(stream, session, done) {
          simpleParser(stream).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
            mailArrived?.();
            done();
          }, done);
        },
      });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
      const port = (smtp.server.address() as { port: number }).port;
      let storage: RunningEndpoint['storage'] | undefined;
      let real: ReturnType<typeof createMailer>;
      const make = () => (real ??= createMailer(storage!, { smtpUrl: `smtp://user:s3cret-pass@127.0.0.1:${port}`, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') }))!;
      const mailer = { flush: () => make().flush(), get server() { return make().server; } };
      ep = await startEndpoint({
        backend,
        now: () => clock,
        app: { mailer, wrongKeys: { limit: 8, windowMs: 60_000 }, dashboard: { perClient: { limit: 1000, windowMs: 60_000 } } },
      });
      storage = ep.storage;
      town = await seedTestTown(ep.url);
      for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: clock.toISOString() });
    });
    after(async () => {
      await ep.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    });

    async function signIn(body: unknown, url = ep.url): Promise<{ res: Response; cookie: string; csrf: string }> {
      const res = await fetch(`${url}/v1/dashboard/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const setCookie = res.headers.get('set-cookie') ?? '';
      const json = res.ok ? ((await res.clone().json()) as { csrf_token: string }) : { csrf_token: '' };
      return { res, cookie: setCookie.split(';')[0]!, csrf: json.csrf_token };
    }
    const withSession = (cookie: string, csrf?: string) => ({ Cookie: cookie, 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) });
    const reserve = (store: string, headers: Record<string, string> = {}) => fetch(`${ep.url}/v1/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers },
      body: JSON.stringify({ store, gtin: LAMP, quantity: 1, customer: { name: 'Erika M', email: `erika-${randomUUID().slice(0, 8)}@example.org` }, privacy_accepted: true }),
    });
    const lampShops = async () => ((await (await fetch(`${ep.url}/v1/availability?gtin=${LAMP}`)).json()) as { offers: { store: { id: string } }[] }).offers.map((o) => o.store.id);

    it('the admin key signs in as the operator: a cookie as for shops, the operator\'s routes work with it and its CSRF token', async () => {
      const { res, cookie, csrf } = await signIn({ key: ADMIN_KEY });
      assert.equal(res.status, 201);
      const cookieHeader = res.headers.get('set-cookie')!;
      assert.match(cookieHeader, /^citylab_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookieHeader, /HttpOnly/i);
      assert.match(cookieHeader, /SameSite=Strict/i);
      const session = (await res.json()) as Record<string, unknown>;
      assert.equal(session.role, 'operator');
      assert.equal(session.store_id, undefined);
      // Neither the key nor the session id is stored as such.
      const rows = await ep.database.sql<{ id_hash: string; key_hash: string }>('SELECT id_hash, key_hash FROM operator_sessions');
      assert.equal(rows.length, 1);
      assert.ok(!rows[0]!.key_hash.includes(ADMIN_KEY) && `citylab_session=${rows[0]!.id_hash}` !== cookie);

      const who = await fetch(`${ep.url}/v1/dashboard/session`, { headers: withSession(cookie) });
      assert.equal(((await who.json()) as { role: string }).role, 'operator');
      const list = await fetch(`${ep.url}/v1/operator/stores`, { headers: withSession(cookie) });
      assert.equal(list.status, 200);
      const items = ((await list.json()) as { items: { store: { id: string }; has_key: boolean; open_reservations: number; stock_updated_at: string | null }[] }).items;
      assert.deepEqual(items.map((i) => i.store.id).sort(), ['keramik-koenig', 'licht-haus', 'wohnen-am-steinweg']);
      assert.ok(items.every((i) => i.has_key && i.stock_updated_at !== null));
      // Each shop's newest stock row, as its stock list has them.
      for (const item of items) {
        const newest = (await ep.storage.stockOfStore(item.store.id)).map((r) => r.updated_at).sort().at(-1);
        assert.equal(item.stock_updated_at, newest, item.store.id);
      }

      // A change with the token works (the town's name); without it, it is refused and nothing changes.
      const city = (await (await fetch(`${ep.url}/v1/city`)).json()) as { name: string };
      const forged = await fetch(`${ep.url}/v1/city`, { method: 'PUT', headers: withSession(cookie), body: JSON.stringify({ ...city, name: 'Fälschung' }) });
      assert.equal(forged.status, 403);
      assert.match(((await forged.json()) as { detail: string }).detail, /X-CSRF-Token/);
      const forgedPause = await fetch(`${ep.url}/v1/stores/licht-haus/paused`, { method: 'PUT', headers: withSession(cookie), body: JSON.stringify({ paused: true }) });
      assert.equal(forgedPause.status, 403);
      assert.equal(((await (await fetch(`${ep.url}/v1/city`)).json()) as { name: string }).name, city.name);
      assert.equal(((await (await fetch(`${ep.url}/v1/stores/licht-haus`)).json()) as { paused?: boolean }).paused, undefined);
      const renamed = await fetch(`${ep.url}/v1/city`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify({ ...city, name: 'Testhausen an der Ruhr' }) });
      assert.equal(renamed.status, 200);
      assert.equal(((await (await fetch(`${ep.url}/v1/city`)).json()) as { name: string }).name, 'Testhausen an der Ruhr');
      await fetch(`${ep.url}/v1/city`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify(city) });

      // Sign-out ends it at once.
      assert.equal((await fetch(`${ep.url}/v1/dashboard/session`, { method: 'DELETE', headers: withSession(cookie, csrf) })).status, 204);
      assert.equal((await fetch(`${ep.url}/v1/operator/stores`, { headers: withSession(cookie) })).status, 401);
    });

    it('the operator session ends after 12 hours, and with another admin key after a restart', async () => {
      const { cookie } = await signIn({ key: ADMIN_KEY });
      assert.equal((await fetch(`${ep.url}/v1/operator/mail`, { headers: withSession(cookie) })).status, 200);
      // The same database, an endpoint started with a new admin key: the old session is nobody's.
      const restarted = await startEndpoint({ database: ep.database, now: () => clock, app: { adminKey: 'a-new-admin-key-after-rotation-0000' } });
      try {
        assert.equal((await fetch(`${restarted.url}/v1/operator/mail`, { headers: withSession(cookie) })).status, 401);
        assert.equal((await fetch(`${restarted.url}/v1/dashboard/session`, { headers: withSession(cookie) })).status, 401);
        assert.equal((await signIn({ key: ADMIN_KEY }, restarted.url)).res.status, 401, 'the old admin key no longer signs in');
      } finally {
        await restarted.close();
      }
      clock = new Date(clock.getTime() + 12 * 3_600_000 + 1000);
      assert.equal((await fetch(`${ep.url}/v1/operator/mail`, { headers: withSession(cookie) })).status, 401);
    });

    it('a shop\'s session cannot reach the operator\'s routes', async () => {
      const { cookie, csrf } = await signIn({ key: town.keys['licht-haus'] });
      for (const path of ['/v1/operator/stores', '/v1/operator/mail']) {
        assert.equal((await fetch(`${ep.url}${path}`, { headers: withSession(cookie) })).status, 403, path);
      }
      const pause = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/paused`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify({ paused: true }) });
      assert.equal(pause.status, 403);
      const ownPause = await fetch(`${ep.url}/v1/stores/licht-haus/paused`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify({ paused: true }) });
      assert.equal(ownPause.status, 403, 'a shop cannot pause or resume itself');
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/keys`, { method: 'POST', headers: withSession(cookie, csrf) })).status, 403);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/invite`, { method: 'POST', headers: withSession(cookie, csrf) })).status, 403);
    });

    it('pausing hides the shop from availability and refuses a reservation clearly; its holds stay; resuming restores', async () => {
      const { cookie, csrf } = await signIn({ key: ADMIN_KEY });
      const held = await reserve('licht-haus');
      assert.equal(held.status, 201, await held.clone().text());
      const heldId = ((await held.json()) as { id: string }).id;
      assert.ok((await lampShops()).includes('licht-haus'));

      const paused = await fetch(`${ep.url}/v1/stores/licht-haus/paused`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify({ paused: true }) });
      assert.equal(paused.status, 200);
      assert.equal(((await paused.json()) as { paused?: boolean }).paused, true);
      assert.deepEqual((await lampShops()).sort(), ['keramik-koenig', 'wohnen-am-steinweg']);
      const refused = await reserve('licht-haus');
      assert.equal(refused.status, 409);
      const problem = (await refused.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'not-reservable');
      assert.equal(problem.detail, 'Licht & Haus pausiert gerade und nimmt keine Reservierungen an.');
      const english = await reserve('licht-haus', { 'Accept-Language': 'en' });
      assert.equal(((await english.json()) as { detail: string }).detail, 'Licht & Haus is paused and takes no reservations at the moment.');
      // The hold taken before is still there, and the shop still sees it.
      const list = await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: { Authorization: `Bearer ${town.keys['licht-haus']}` } });
      const items = ((await list.json()) as { items: { id: string; status: string }[] }).items;
      assert.equal(items.find((r) => r.id === heldId)?.status, 'held');
      const overview = ((await (await fetch(`${ep.url}/v1/operator/stores`, { headers: withSession(cookie) })).json()) as { items: { store: { id: string; paused?: boolean }; open_reservations: number }[] }).items;
      const row = overview.find((i) => i.store.id === 'licht-haus')!;
      assert.equal(row.store.paused, true);
      // Counted by the overview's one query; the same as the shop's own list of held and ready ones.
      assert.equal(row.open_reservations, (await ep.storage.listReservations('licht-haus', ['held', 'ready'])).length);
      assert.ok(row.open_reservations >= 1);

      const resumed = await fetch(`${ep.url}/v1/stores/licht-haus/paused`, { method: 'PUT', headers: withSession(cookie, csrf), body: JSON.stringify({ paused: false }) });
      assert.equal(resumed.status, 200);
      assert.equal(((await resumed.json()) as { paused?: boolean }).paused, undefined);
      assert.ok((await lampShops()).includes('licht-haus'));
      assert.equal((await reserve('licht-haus')).status, 201);
    });

    it('rotating a shop\'s key shows the new one once and ends the shop\'s sessions; revoking stops every key', async () => {
      const op = await signIn({ key: ADMIN_KEY });
      const shop = await signIn({ key: town.keys['wohnen-am-steinweg'] });
      const other = await signIn({ key: town.keys['keramik-koenig'] });
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: withSession(shop.cookie) })).status, 200);

      const rotated = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/keys`, { method: 'POST', headers: withSession(op.cookie, op.csrf) });
      assert.equal(rotated.status, 201);
      const { key } = (await rotated.json()) as { key: string };
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: withSession(shop.cookie) })).status, 401, 'the shop\'s session ended');
      assert.equal((await fetch(`${ep.url}/v1/stores/keramik-koenig/inventory`, { headers: withSession(other.cookie) })).status, 200, 'another shop\'s session goes on');
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: { Authorization: `Bearer ${town.keys['wohnen-am-steinweg']}` } })).status, 401, 'the old key stopped');
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: { Authorization: `Bearer ${key}` } })).status, 200);

      const again = await signIn({ key });
      const revoked = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/keys`, { method: 'DELETE', headers: withSession(op.cookie, op.csrf) });
      assert.equal(revoked.status, 204);
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: { Authorization: `Bearer ${key}` } })).status, 401, 'the key stopped');
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/inventory`, { headers: withSession(again.cookie) })).status, 401, 'its session ended');
      assert.equal((await signIn({ key })).res.status, 401);
      const overview = ((await (await fetch(`${ep.url}/v1/operator/stores`, { headers: withSession(op.cookie) })).json()) as { items: { store: { id: string }; has_key: boolean }[] }).items;
      assert.equal(overview.find((i) => i.store.id === 'wohnen-am-steinweg')!.has_key, false);
      // No sign-in link for a shop without a key.
      const invite = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/invite`, { method: 'POST', headers: withSession(op.cookie, op.csrf) });
      assert.equal(invite.status, 409);
      // A new key brings it back.
      const fresh = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/keys`, { method: 'POST', headers: withSession(op.cookie, op.csrf) });
      town.keys['wohnen-am-steinweg'] = ((await fresh.json()) as { key: string }).key;
      assert.equal((await signIn({ key: town.keys['wohnen-am-steinweg'] })).res.status, 201);
    });

    it('inviting a shop mails its sign-in link to the shop\'s address at once, and the link signs the shop in', async () => {
      const op = await signIn({ key: ADMIN_KEY });
      const arrived = new Promise<void>((r) => (mailArrived = r));
      const res = await fetch(`${ep.url}/v1/stores/licht-haus/invite`, { method: 'POST', headers: withSession(op.cookie, op.csrf) });
      assert.equal(res.status, 200, await res.clone().text());
      assert.deepEqual(await res.json(), { sent: true, email: 'info@licht-haus.example', valid_minutes: 15 });
      // No outbox round runs in this test: the mail must leave on its own.
      await arrived;
      // Mails of earlier tests' reservations may leave in the same round: the invitation is the one to the shop.
      while (!received.some((m) => m.subject.startsWith('Anmeldung'))) await new Promise<void>((r) => (mailArrived = r));
      const mail = received.find((m) => m.subject.startsWith('Anmeldung'))!;
      assert.deepEqual(mail.to, ['info@licht-haus.example']);
      assert.equal(mail.subject, 'Anmeldung im CityLab-Dashboard: Licht & Haus');
      const token = /\/dashboard\/#sign-in=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.ok(token && mail.text.includes(`${ep.url}/dashboard/#sign-in=`), mail.text);
      const shop = await signIn({ token });
      assert.equal(shop.res.status, 201);
      assert.equal(((await shop.res.json()) as { store_id: string }).store_id, 'licht-haus');

      // A shop without an address cannot be invited: the answer says why.
      await ep.storage.updateStore('keramik-koenig', { email: null }, clock.toISOString());
      const none = await fetch(`${ep.url}/v1/stores/keramik-koenig/invite`, { method: 'POST', headers: withSession(op.cookie, op.csrf) });
      assert.equal(none.status, 409);
      assert.equal(((await none.json()) as { detail: string }).detail, 'Keramik König hat keine E-Mail-Adresse. Tragen Sie zuerst eine ein.');
    });

    it('the mail status: SMTP server without its password, waiting and failed counts, the last error without addresses', async () => {
      const op = await signIn({ key: ADMIN_KEY });
      const read = async () => (await (await fetch(`${ep.url}/v1/operator/mail`, { headers: withSession(op.cookie) })).json()) as { smtp_configured: boolean; smtp_server?: string; waiting: number; failed: number; last_error: string | null };
      const before = await read();
      assert.equal(before.smtp_configured, true);
      assert.match(before.smtp_server ?? '', /^127\.0\.0\.1:\d+$/);
      assert.ok(!JSON.stringify(before).includes('s3cret-pass'));

      await ep.storage.unit(function* (tx) {
        yield* tx.queueMails([
          { reservation_id: null, kind: 'test', recipient: 'waiting@example.org', subject: 's', text: 't', lang: 'de', created_at: clock.toISOString() },
          { reservation_id: null, kind: 'test', recipient: 'failing@example.org', subject: 's', text: 't', lang: 'de', created_at: clock.toISOString() },
        ]);
      });
      const [, failing] = (await ep.storage.outbox(2)).reverse();
      for (let i = 0; i < 10; i++) await ep.storage.markMail(failing!.id!, { error: '550 5.1.1 <failing@example.org>: Recipient address rejected' });
      const after = await read();
      assert.equal(after.waiting, before.waiting + 1);
      assert.equal(after.failed, before.failed + 1);
      assert.equal(after.last_error, '550 5.1.1 <…>: Recipient address rejected');
      assert.ok(!JSON.stringify(after).includes('@example.org'));
    });

    // Last: the limit counts in real time, and it holds this client back for a minute.
    it('a wrong key is refused, and after a few the client is slowed down (429) even for the right key', async () => {
      const wrong = await signIn({ key: 'not-the-admin-key-0000' });
      assert.equal(wrong.res.status, 401);
      assert.equal(wrong.res.headers.get('set-cookie'), null);
      // The other tests sent a few old keys too; at most 8 wrong ones pass in a minute.
      let answer = 401;
      for (let i = 1; i <= 8 && answer === 401; i++) answer = (await signIn({ key: `not-the-admin-key-000${i}` })).res.status;
      assert.equal(answer, 429);
      const limited = await signIn({ key: ADMIN_KEY });
      assert.equal(limited.res.status, 429);
      assert.ok(Number(limited.res.headers.get('retry-after')) > 0);
      assert.equal(limited.res.headers.get('set-cookie'), null);
      // The same limit as every route's: a Bearer admin key is refused too while it lasts.
      assert.equal((await fetch(`${ep.url}/v1/operator/stores`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } })).status, 429);
    });
  });
}

/**
 * Signing in to the shop's dashboard over real HTTP, on each backend: the
 * one-time link arrives at once through a real SMTP server on loopback, works
 * once and for 15 minutes; the session is an httpOnly, SameSite=Strict cookie
 * that sees only its own shop, needs its CSRF token for every change, ends on
 * sign-out, at expiry and when the shop's key is rotated; the live board
 * receives a new reservation without asking again.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../src/server/log.js';
import { createMailer } from '../../src/server/reservations/mail.js';
import { zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import { LAMP, seedTestTown, type SeededTown } from '../fixtures/town.js';
import { BACKENDS, adminHeaders, startEndpoint, type RunningEndpoint } from './harness.js';
import { catchMail, type MailCatcher, type ReceivedMail } from './smtp.js';

const SHOP_EMAIL = 'info@licht-haus.example';
const berlin = (time: string) => zonedInstant({ year: 2026, month: 12, day: 1 }, time, 'Europe/Berlin');

for (const backend of BACKENDS) {
  describe(`dashboard sign-in on ${backend}`, () => {
    let clock = berlin('10:00');
    let ep: RunningEndpoint;
    let town: SeededTown;
    let smtp: MailCatcher;

    before(async () => {
      smtp = await catchMail();
      let storage: RunningEndpoint['storage'] | undefined;
      // The mailer needs the endpoint's storage, which exists once the endpoint runs.
      let real: ReturnType<typeof createMailer>;
      const mailer = { flush: () => (real ??= createMailer(storage!, { smtpUrl: smtp.url, from: 'CityLab <noreply@citylab.test>', logger: createLogger('silent') }))!.flush() };
      ep = await startEndpoint({
        backend,
        now: () => clock,
        app: { mailer, dashboard: { perAddress: { limit: 3, windowMs: 60_000 }, perClient: { limit: 1000, windowMs: 60_000 }, eventsPollMs: 200 } },
      });
      storage = ep.storage;
      town = await seedTestTown(ep.url);
      // The seed's reservation mails etc. are not this test's business.
      for (const m of await ep.storage.pendingMail(10_000)) await ep.storage.markMail(m.id!, { sentAt: clock.toISOString() });
    });
    after(async () => {
      await ep.close();
      await smtp.close();
    });

    /** Asks for a link and waits for its mail (no sweep runs: it must leave at once). */
    async function mailedToken(email = SHOP_EMAIL): Promise<{ token: string; mail: ReceivedMail }> {
      const earlier = smtp.received.length;
      const res = await fetch(`${ep.url}/v1/dashboard/sign-in-link`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
      assert.equal(res.status, 200, await res.clone().text());
      // The mail this request sent: the first to arrive after it.
      const mail = await smtp.mailLike((m) => smtp.received.indexOf(m) >= earlier);
      const token = /\/dashboard\/#sign-in=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.ok(token, mail.text);
      return { token, mail };
    }

    async function signIn(body: unknown): Promise<{ res: Response; cookie: string; csrf: string }> {
      const res = await fetch(`${ep.url}/v1/dashboard/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const setCookie = res.headers.get('set-cookie') ?? '';
      const json = res.ok ? ((await res.clone().json()) as { csrf_token: string }) : { csrf_token: '' };
      return { res, cookie: setCookie.split(';')[0]!, csrf: json.csrf_token };
    }

    const withSession = (cookie: string, csrf?: string, extra: Record<string, string> = {}) => ({
      Cookie: cookie, 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...extra,
    });

    it('mails a one-time link at once; it signs in once, into an httpOnly SameSite=Strict cookie for /v1/', async () => {
      const { token, mail } = await mailedToken();
      assert.deepEqual(mail.to, [SHOP_EMAIL]);
      assert.match(mail.subject, /^Anmeldung im CityLab-Dashboard: Licht & Haus$/);
      assert.ok(mail.text.includes(`${ep.url}/dashboard/#sign-in=`), 'the link goes to this endpoint\'s dashboard');
      // Stored hashed only.
      const rows = await ep.database.sql<{ token_hash: string }>('SELECT token_hash FROM sign_in_tokens');
      assert.ok(rows.length >= 1 && rows.every((r) => r.token_hash !== token && !r.token_hash.includes(token)));

      const first = await signIn({ token });
      assert.equal(first.res.status, 201);
      const cookieHeader = first.res.headers.get('set-cookie')!;
      assert.match(cookieHeader, /^citylab_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookieHeader, /HttpOnly/i);
      assert.match(cookieHeader, /SameSite=Strict/i);
      assert.match(cookieHeader, /Path=\/v1\//);
      assert.doesNotMatch(cookieHeader, /Secure/i, 'plain http on loopback: a Secure cookie would never come back');
      const session = (await first.res.json()) as { store_id: string; store_name: string; csrf_token: string };
      assert.equal(session.store_id, 'licht-haus');
      const sessions = await ep.database.sql<{ id_hash: string }>('SELECT id_hash FROM dashboard_sessions');
      assert.ok(sessions.every((s) => `citylab_session=${s.id_hash}` !== first.cookie), 'the session id is stored hashed');

      const again = await signIn({ token });
      assert.equal(again.res.status, 401, 'a link works once');
      assert.equal(again.res.headers.get('set-cookie'), null);
    });

    it('a link older than 15 minutes does not sign in; an unknown address gets the same answer and no mail', async () => {
      const { token } = await mailedToken();
      clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
      assert.equal((await signIn({ token })).res.status, 401);
      const before = smtp.received.length;
      const res = await fetch(`${ep.url}/v1/dashboard/sign-in-link`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org' }) });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { sent: true, valid_minutes: 15 });
      assert.equal(smtp.received.length, before);
      assert.equal((await ep.storage.outbox(50)).filter((m) => m.recipient === 'nobody@example.org').length, 0);
    });

    it('rate-limits the links asked for one address', async () => {
      // Two links were asked for this address in the last minute; the limit is 3.
      await mailedToken();
      const res = await fetch(`${ep.url}/v1/dashboard/sign-in-link`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: SHOP_EMAIL.toUpperCase() }) });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      clock = new Date(clock.getTime() + 60_000);
    });

    it('a session sees and changes only its own shop, and only with its CSRF token', async () => {
      const { cookie, csrf } = await signIn({ key: town.keys['licht-haus'] });
      assert.ok(csrf);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: withSession(cookie) })).status, 200);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/inventory`, { headers: withSession(cookie) })).status, 200);
      for (const path of ['reservations', 'inventory']) {
        const other = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/${path}`, { headers: withSession(cookie) });
        assert.equal(other.status, 403, `another shop's ${path}`);
      }
      const otherPatch = await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg`, { method: 'PATCH', headers: withSession(cookie, csrf), body: JSON.stringify({ phone: '+49 30 1' }) });
      assert.equal(otherPatch.status, 403);

      // A change without the token (what a forged form or another site's script would send) changes nothing.
      const forged = await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: withSession(cookie), body: JSON.stringify({ phone: '+49 30 666' }) });
      assert.equal(forged.status, 403);
      assert.match(((await forged.json()) as { detail: string }).detail, /X-CSRF-Token/);
      const wrong = await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: withSession(cookie, 'x'.repeat(43)), body: JSON.stringify({ phone: '+49 30 666' }) });
      assert.equal(wrong.status, 403);
      assert.equal((await ep.storage.getStore('licht-haus'))!.phone, '+49 2931 1234');

      const ok = await fetch(`${ep.url}/v1/stores/licht-haus`, { method: 'PATCH', headers: withSession(cookie, csrf), body: JSON.stringify({ phone: '+49 2931 9999' }) });
      assert.equal(ok.status, 200, await ok.text());
      assert.equal((await ep.storage.getStore('licht-haus'))!.phone, '+49 2931 9999');

      // Signed out (no cookie) is refused.
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`)).status, 401);
      // The cookie is not a shopper's business: a reservation on the town's pages works with it and without a token.
      const reserve = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST',
        headers: { ...withSession(cookie), 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer: { name: 'Erika M', email: 'erika@example.org' }, privacy_accepted: true }),
      });
      assert.equal(reserve.status, 201, await reserve.text());
    });

    it('GET /v1/dashboard/session names the shop; sign-out needs the token and ends the session', async () => {
      const { cookie, csrf } = await signIn({ key: town.keys['licht-haus'] });
      const who = await fetch(`${ep.url}/v1/dashboard/session`, { headers: withSession(cookie) });
      assert.equal(who.status, 200);
      assert.deepEqual({ ...((await who.json()) as object), expires_at: undefined }, { role: 'shop', store_id: 'licht-haus', store_name: 'Licht & Haus', csrf_token: csrf, expires_at: undefined });
      assert.equal((await fetch(`${ep.url}/v1/dashboard/session`, { method: 'DELETE', headers: withSession(cookie) })).status, 403);
      const out = await fetch(`${ep.url}/v1/dashboard/session`, { method: 'DELETE', headers: withSession(cookie, csrf) });
      assert.equal(out.status, 204);
      assert.match(out.headers.get('set-cookie') ?? '', /citylab_session=;.*Max-Age=0/i);
      assert.equal((await fetch(`${ep.url}/v1/dashboard/session`, { headers: withSession(cookie) })).status, 401);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: withSession(cookie) })).status, 401);
    });

    it('a session ends after 12 hours', async () => {
      const { cookie } = await signIn({ key: town.keys['licht-haus'] });
      clock = new Date(clock.getTime() + 12 * 3_600_000 - 1000);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: withSession(cookie) })).status, 200);
      clock = new Date(clock.getTime() + 2000);
      assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: withSession(cookie) })).status, 401);
    });

    it('rotating the shop\'s key ends every session of the shop, and only of that shop', async () => {
      const a = await signIn({ key: town.keys['licht-haus'] });
      const b = await signIn({ key: town.keys['licht-haus'] });
      const other = await signIn({ key: town.keys['wohnen-am-steinweg'] });
      const rotated = await fetch(`${ep.url}/v1/stores/licht-haus/keys`, { method: 'POST', headers: adminHeaders });
      assert.equal(rotated.status, 201);
      town.keys['licht-haus'] = ((await rotated.json()) as { key: string }).key;
      for (const s of [a, b]) assert.equal((await fetch(`${ep.url}/v1/stores/licht-haus/reservations`, { headers: withSession(s.cookie) })).status, 401);
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/reservations`, { headers: withSession(other.cookie) })).status, 200);
      assert.equal((await signIn({ key: 'cl_sk_not-a-key-at-all' })).res.status, 401);
    });

    it('the live board: its first list comes at once, even when empty', async () => {
      const { cookie } = await signIn({ key: town.keys['keramik-koenig'] });
      const abort = new AbortController();
      const res = await fetch(`${ep.url}/v1/stores/keramik-koenig/reservations/events`, { headers: withSession(cookie), signal: abort.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
      assert.equal(text, 'event: reservations\ndata: {"items":[]}\n\n');
      abort.abort();
    });

    it('the live board: a new reservation arrives as an event without asking again', async () => {
      const { cookie } = await signIn({ key: town.keys['licht-haus'] });
      assert.equal((await fetch(`${ep.url}/v1/stores/wohnen-am-steinweg/reservations/events`, { headers: withSession(cookie) })).status, 403);
      const abort = new AbortController();
      const res = await fetch(`${ep.url}/v1/stores/licht-haus/reservations/events`, { headers: withSession(cookie), signal: abort.signal });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const nextEvent = async (): Promise<{ items: { code: string; customer?: { name: string } }[] }> => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
            if (/^event: reservations/m.test(block)) return JSON.parse(data);
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += value;
        }
      };
      const first = await nextEvent();
      const created = await fetch(`${ep.url}/v1/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ store: 'licht-haus', gtin: LAMP, quantity: 1, customer: { name: 'Max Board', email: 'max@example.org' }, privacy_accepted: true }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const { code } = (await created.json()) as { code: string };
      assert.ok(!first.items.some((r) => r.code === code));
      const second = await nextEvent();
      const shown = second.items.find((r) => r.code === code);
      assert.ok(shown, 'the new reservation is on the board');
      assert.equal(shown.customer?.name, 'Max Board');
      abort.abort();
    });
  });
}

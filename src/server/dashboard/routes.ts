/**
 * The shop's dashboard over HTTP: asking for a one-time sign-in link (mailed at
 * once, not with the outbox's next round), starting a session with that link's
 * token or the shop's key, reading and ending the session, and the live feed
 * of the shop's reservations (server-sent events) that the board listens to.
 *
 * These are `/v1` routes in the route table, documented like every other: the
 * dashboard is one client of the API, and a shop system may use the same
 * sign-in. Everything else the dashboard does goes through the shop's existing
 * routes, which accept the session as the shop (../auth.ts, ./session.ts).
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import {
  CSRF_HEADER, DashboardSession, ReservationList, SessionCreate, SignInLinkRequest, SignInLinkSent, SIGN_IN_LINK_MINUTES,
  type ReservationState,
} from 'citylab-sdk/contract';
import { clientAddress } from '../http.js';
import { hashKey } from '../keys.js';
import { ProblemError } from '../problem.js';
import { RateLimiter, type Limit } from '../rate-limit.js';
import { renderReservation } from '../reservations/render.js';
import { sha256 } from '../reservations/codes.js';
import type { RouteModuleFactory } from '../routes/module.js';
import { StorePath, requireStore } from '../routes/stores.js';
import { route } from '../routes/table.js';
import type { Storage } from '../storage/types.js';
import { sendSignInLink } from './mail.js';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, SESSION_MS, csrfToken, findAnySession, newSecret } from './session.js';

export interface DashboardOptions {
  /** Sign-in links per e-mail address (default 3 per 15 minutes). */
  perAddress?: Limit;
  /** Sign-in attempts (links asked for, keys and tokens tried) per client address (default 20 per 15 minutes). */
  perClient?: Limit;
  /** How often the live feed looks for changed reservations (default 1 s: a new one shows within 2 s). */
  eventsPollMs?: number;
  /** How often the live feed sends a comment to keep proxies from closing it (default 15 s). */
  keepAliveMs?: number;
}

/** What the board shows: open reservations and those that ran out (the newest RESERVATION_LIST_LIMIT). */
const BOARD_STATUSES: readonly ReservationState[] = ['held', 'ready', 'expired'];
const PRIVATE = { 'Cache-Control': 'private, no-store' };

export const dashboardRoutes: RouteModuleFactory = ({ storage, now, log, options, keyHolder }) => {
  const settings = options.dashboard ?? {};
  const perAddress = new RateLimiter(settings.perAddress ?? { limit: 3, windowMs: 15 * 60_000 });
  const perClient = new RateLimiter(settings.perClient ?? { limit: 20, windowMs: 15 * 60_000 });
  // CITYLAB_PUBLIC_URL (required outside the demo; the demo's own loopback address there). Links in
  // mails start with it, never with the request's Host header (a sign-in link to someone's host would hand them the shop).
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const trustProxy = options.reservations?.trustProxy ?? false;

  const secure = (_c: Context) => publicUrl.startsWith('https:');

  const limited = (limiter: RateLimiter, key: string, detail: string) => {
    const wait = limiter.take(key);
    if (wait) throw new ProblemError('rate-limited', detail, { headers: { 'Retry-After': String(wait) } });
  };
  const client = (c: Context) => clientAddress(c, trustProxy);

  const signInLink = route({
    method: 'post',
    path: '/v1/dashboard/sign-in-link',
    operationId: 'requestSignInLink',
    summary: 'Mail a one-time sign-in link to the shop with this e-mail address',
    description: `The link works once, for ${SIGN_IN_LINK_MINUTES} minutes, and leaves at once. The answer is the same whether or not the address belongs to a shop.`,
    tag: 'dashboard',
    access: 'public',
    body: { description: 'The shop\'s e-mail address', content: { 'application/json': SignInLinkRequest } },
    responses: { 200: { description: 'If the address is a shop\'s, the link is on its way.', schema: SignInLinkSent } },
    problems: ['rate-limited', 'not-ready'],
    handle: async (c, { body: { value: body } }) => {
      limited(perClient, client(c), 'Too many sign-in attempts from this connection. Please wait a few minutes.');
      const email = body.email.toLowerCase();
      limited(perAddress, email, 'A sign-in link was sent to this address just now. Please look in your inbox, or wait a few minutes.');
      const store = (await storage.listStores()).find((s) => s.email?.toLowerCase() === email);
      if (store?.email) {
        await sendSignInLink({ storage, mailer: options.mailer, publicUrl }, { ...store, email: store.email }, body.lang ?? 'de', now());
        log.info('sign-in-link', { store: store.id });
      }
      return c.json({ sent: true, valid_minutes: SIGN_IN_LINK_MINUTES }, 200, PRIVATE);
    },
  });

  const signIn = route({
    method: 'post',
    path: '/v1/dashboard/session',
    operationId: 'createDashboardSession',
    summary: 'Sign in to the dashboard with a mailed link\'s token, the shop\'s key or the town operator\'s admin key',
    description: `With the admin key the session is the town operator's (\`role: operator\`); it ends when the endpoint runs with another admin key. Wrong keys count towards the same limit as on every route. Sets the session cookie (httpOnly, SameSite=Strict, Secure on https) for ${SESSION_COOKIE_PATH}. Every change the session makes needs the answer's \`csrf_token\` as the ${CSRF_HEADER} header.`,
    tag: 'dashboard',
    access: 'public',
    body: { description: 'The sign-in', content: { 'application/json': SessionCreate } },
    responses: { 201: { description: 'Signed in.', schema: DashboardSession } },
    problems: ['rate-limited'],
    handle: async (c, { body: { value: body } }) => {
      limited(perClient, client(c), 'Too many sign-in attempts from this connection. Please wait a few minutes.');
      const at = now();
      // A key is checked as on every route (the same limit on wrong keys): the operator's or a shop's.
      const caller = 'key' in body ? await keyHolder(c, body.key) : undefined;
      const storeId = 'token' in body
        ? await storage.sessions.useSignInToken(sha256(body.token), at.toISOString())
        : caller?.kind === 'shop' ? caller.storeId : null;
      if (!storeId && caller?.kind !== 'operator') {
        throw new ProblemError('unauthorized', 'token' in body
          ? 'This sign-in link has been used already or is older than 15 minutes. Ask for a new one.'
          : 'This key is not valid. Ask the town operator for the current one.');
      }
      const id = newSecret();
      const expires = new Date(at.getTime() + SESSION_MS);
      const record = { id_hash: sha256(id), created_at: at.toISOString(), expires_at: expires.toISOString() };
      if (!storeId) {
        await storage.sessions.putOperatorSession({ ...record, key_hash: hashKey(options.adminKey!) });
      } else if (!(await storage.sessions.putSession({ ...record, store_id: storeId }))) {
        throw new ProblemError('unauthorized', 'This shop has no key at the moment. Ask the town operator.');
      }
      setCookie(c, SESSION_COOKIE, id, { httpOnly: true, sameSite: 'Strict', secure: secure(c), path: SESSION_COOKIE_PATH, maxAge: SESSION_MS / 1000 });
      log.info('dashboard-sign-in', storeId ? { store: storeId, by: 'token' in body ? 'link' : 'key' } : { operator: true });
      return c.json(await describe(storage, storeId, id, expires.toISOString()), 201, PRIVATE);
    },
  });

  /** The session of the request's cookie (a shop's, or the operator's with `store_id: null`), or 401. */
  const current = async (c: Context) => {
    const found = await findAnySession(storage, c, now().toISOString(), options.adminKey);
    if (!found) throw new ProblemError('unauthorized', 'Not signed in, or the session has ended. Please sign in again.');
    return { id: found.id, ...found.session };
  };

  const whoAmI = route({
    method: 'get',
    path: '/v1/dashboard/session',
    operationId: 'getDashboardSession',
    summary: 'The signed-in shop (or the town operator) and the session\'s CSRF token',
    tag: 'dashboard',
    access: 'session',
    responses: { 200: { description: 'The session.', schema: DashboardSession } },
    handle: async (c) => {
      const session = await current(c);
      return c.json(await describe(storage, session.store_id, session.id, session.expires_at), 200, PRIVATE);
    },
  });

  const signOut = route({
    method: 'delete',
    path: '/v1/dashboard/session',
    operationId: 'deleteDashboardSession',
    summary: 'Sign out: the session ends at once',
    description: `Needs the ${CSRF_HEADER} header.`,
    tag: 'dashboard',
    access: 'session',
    responses: { 204: { description: 'Signed out.' } },
    handle: async (c) => {
      // The auth middleware has checked the session and its CSRF token.
      const session = await current(c);
      await storage.sessions.deleteSession(sha256(session.id));
      deleteCookie(c, SESSION_COOKIE, { path: SESSION_COOKIE_PATH, secure: secure(c), httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204, PRIVATE);
    },
  });

  const events = route({
    method: 'get',
    path: '/v1/stores/{id}/reservations/events',
    operationId: 'streamStoreReservations',
    summary: 'The shop\'s board, live: its open and expired reservations whenever they change',
    description: 'Server-sent events. Each `reservations` event carries the whole list (as `listStoreReservations` with `status=held,ready,expired`), first at once and then after every change.',
    tag: 'dashboard',
    access: 'shop',
    params: StorePath,
    responses: { 200: { description: 'An event stream.', type: 'text/event-stream', schema: ReservationList } },
    problems: ['store-not-found'],
    handle: async (c, { params }) => {
      const store = await requireStore(storage, params.id);
      c.header('Cache-Control', 'private, no-store');
      return streamSSE(c, async (stream) => {
        let seen: string | undefined;
        let quietMs = 0;
        const pollMs = settings.eventsPollMs ?? 1000;
        while (!stream.aborted && !stream.closed) {
          const records = await storage.listReservations(store.id, BOARD_STATUSES);
          const signature = records.map((r) => `${r.id}:${r.status}`).join(',');
          if (signature !== seen) {
            seen = signature;
            quietMs = 0;
            const fresh = (await storage.getStore(store.id)) ?? store;
            await stream.writeSSE({ event: 'reservations', data: JSON.stringify({ items: records.map((r) => renderReservation(r, fresh, { withCustomer: true })) }) });
          } else if ((quietMs += pollMs) >= (settings.keepAliveMs ?? 15_000)) {
            quietMs = 0;
            await stream.write(': keep-alive\n\n');
          }
          await stream.sleep(pollMs);
        }
      });
    },
  });

  return { api: [signInLink, signIn, whoAmI, signOut, events] };
};

async function describe(storage: Storage, storeId: string | null, id: string, expiresAt: string): Promise<DashboardSession> {
  if (storeId === null) return { role: 'operator', csrf_token: csrfToken(id), expires_at: expiresAt };
  const store = await storage.getStore(storeId);
  return { role: 'shop', store_id: storeId, store_name: store?.name ?? storeId, csrf_token: csrfToken(id), expires_at: expiresAt };
}



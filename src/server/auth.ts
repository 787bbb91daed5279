/**
 * Who is asking, decided once per request and in one place (as hono's
 * bearer-auth middleware does), and whether that is enough for the route:
 *
 * - `public`   anyone; a key that is sent must still be valid.
 * - `admin`    the town operator (the admin key, compared in constant time, or the operator's
 *              dashboard session: a cookie, and a CSRF token on changes).
 * - `shop`     the shop in the path (`{id}`), with its own key or its dashboard session (a cookie,
 *              and a CSRF token on changes); or the operator acting for it.
 * - `session`  whichever dashboard session the cookie is, a shop's or the operator's (the dashboard's own routes).
 * - `customer` the shopper holding the customer token of the reservation in the path (`{id}`).
 *
 * A route declares its need in the route table (routes/table.ts), which puts this
 * middleware in front of it and writes the same need into the OpenAPI document.
 *
 * Answers: no key where one is needed, or a key the endpoint does not know → 401 with
 * `WWW-Authenticate`; a valid key that is not enough (a shop on an operator route, or on
 * another shop's route) → 403. A customer route answers an unknown reservation and a
 * wrong token alike with 404, so reservation ids cannot be probed.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { clientAddress } from './http.js';
import { hashKey, sameSecret } from './keys.js';
import { ProblemError, type Detail } from './problem.js';
import { RateLimiter, type Limit } from './rate-limit.js';
import { linkToken, sha256 } from './reservations/codes.js';
import type { ReservationRecord, Storage } from './storage/types.js';

/** What `newReservationId` makes: `res_` and base64url. */
const RESERVATION_ID = /^res_[A-Za-z0-9_-]{1,64}$/;

export type Access = 'public' | 'shop' | 'admin' | 'customer' | 'session';

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'operator' }
  | { kind: 'shop'; storeId: string }
  | { kind: 'customer'; reservation: ReservationRecord };

/** What the middleware leaves on the context for the route's handler. */
export interface AuthEnv {
  Variables: { caller: Caller };
}

export interface AuthOptions {
  storage: Storage;
  /** The town operator's key (`CITYLAB_ADMIN_KEY`); without it no request is the operator's. */
  adminKey?: string | undefined;
  /** Client addresses from X-Forwarded-For (behind a proxy the operator runs). */
  trustProxy?: boolean | undefined;
  /** Wrong keys one client may send before it is slowed down (default 10 in 10 minutes). */
  wrongKeys?: Limit | undefined;
  /** The shop or operator a dashboard session cookie makes (dashboard/session.ts); asked only on a shop's and the operator's routes, when no key is sent. */
  session?: ((c: Context) => Promise<Caller>) | undefined;
}

/** Wrong keys one client may send before its requests with a key answer 429 for a while. */
export const WRONG_KEYS: Limit = { limit: 10, windowMs: 10 * 60_000 };

/** The guard for each access, and the one way a presented key is checked (also for a dashboard sign-in with a key). */
export interface Authentication {
  (access: Access): MiddlewareHandler<AuthEnv>;
  /** The caller a key makes: operator or shop; 401 for a key nobody has, 429 after too many wrong ones from this client. */
  keyHolder(c: Context, key: string): Promise<Caller>;
}

export function authentication({ storage, adminKey, trustProxy = false, wrongKeys = WRONG_KEYS, session }: AuthOptions): Authentication {
  // Guessing keys: after a few wrong ones, a client's keys are not even looked at for a while.
  const failures = new RateLimiter(wrongKeys);

  /** The caller a presented key makes; throws 401 for a key nobody has. */
  async function keyHolder(c: Context, key: string | undefined): Promise<Caller> {
    if (key === undefined) return { kind: 'anonymous' };
    const client = clientAddress(c, trustProxy);
    const wait = failures.wait(client);
    if (wait) {
      throw new ProblemError('rate-limited', { en: 'Too many wrong keys from this connection. Please wait before trying again.', de: 'Zu viele falsche Schlüssel von diesem Anschluss. Bitte warten Sie, bevor Sie es noch einmal versuchen.' }, { headers: { 'Retry-After': String(wait) } });
    }
    if (adminKey && sameSecret(key, adminKey)) return { kind: 'operator' };
    const storeId = await storage.storeIdForKeyHash(hashKey(key));
    if (storeId) return { kind: 'shop', storeId };
    failures.take(client);
    throw unauthorized({ en: 'The key is not valid. Ask the town operator for a new one.', de: 'Der Schlüssel ist nicht gültig. Bitten Sie den Betreiber der Stadt um einen neuen.' });
  }

  async function customer(c: Context, token: string | undefined): Promise<Caller> {
    // Only from the Authorization header: a token in a URL ends up in logs and browser histories.
    const id = c.req.param('id') ?? '';
    // Only what an id can look like reaches the storage (PostgreSQL refuses a NUL with a 500).
    const record = RESERVATION_ID.test(id) ? await storage.getReservation(id) : null;
    if (!record || !token || !(sha256(token) === record.token_hash || (token.startsWith('cl_lt_') && sameSecret(token, linkToken(await storage.secret('reservation-links'), record.id))))) {
      throw new ProblemError('reservation-not-found', 'There is no such reservation, or the link is incomplete.');
    }
    return { kind: 'customer', reservation: record };
  }

  const guard = (access: Access): MiddlewareHandler<AuthEnv> => async (c, next) => {
    const key = bearerToken(c.req.header('Authorization'));
    const caller =
      access === 'customer' ? await customer(c, key)
      : access === 'session' ? (session ? await session(c) : { kind: 'anonymous' as const })
      : key === undefined && (access === 'shop' || access === 'admin') && session ? await session(c)
      : await keyHolder(c, key);
    if (access === 'admin') {
      if (caller.kind === 'anonymous') throw unauthorized('This route needs the town operator\'s key.');
      if (caller.kind !== 'operator') throw new ProblemError('forbidden', 'Only the town operator may do this.');
    } else if (access === 'session') {
      if (caller.kind !== 'shop' && caller.kind !== 'operator') throw new ProblemError('unauthorized', 'Not signed in, or the session has ended. Please sign in again.');
    } else if (access === 'shop') {
      if (caller.kind === 'anonymous') throw unauthorized('This route needs the shop\'s key.');
      if (caller.kind === 'shop' && caller.storeId !== c.req.param('id')) throw new ProblemError('forbidden', 'This key belongs to another shop.');
    }
    c.set('caller', caller);
    await next();
  };
  return Object.assign(guard, { keyHolder: (c: Context, key: string) => keyHolder(c, key) });
}

/** The reservation a customer route's caller holds the token of. */
export function customerReservation(c: Context<AuthEnv>): ReservationRecord {
  const caller = c.get('caller');
  if (caller.kind !== 'customer') throw new Error('customerReservation() on a route whose access is not "customer"');
  return caller.reservation;
}

/**
 * The token of an `Authorization: Bearer …` header. Another scheme (a proxy's Basic
 * login in front of a staging site) is not a key of ours: the request counts as anonymous.
 */
function bearerToken(header: string | undefined): string | undefined {
  return header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}

function unauthorized(detail: Detail): ProblemError {
  return new ProblemError('unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="citylab"' } });
}

/**
 * Dashboard sessions: an httpOnly, SameSite=Strict cookie (Secure when the
 * endpoint's public address is https) holding a random session id, of which
 * the storage keeps only the SHA-256. The CSRF token is derived from the
 * session id (a keyed hash the server can recompute, so nothing more is
 * stored): the dashboard reads it from `GET /v1/dashboard/session` and sends
 * it as `X-CSRF-Token` with every change. A page on another site can neither
 * send the cookie (SameSite=Strict) nor read the token (no CORS credentials).
 *
 * The session is one more way of being a shop, or the town operator, in the one
 * auth middleware (../auth.ts): it is consulted only on a shop's own routes and
 * the operator's, so a signed-in owner who also shops on the town's pages is an
 * anonymous shopper there. An operator's session is kept with the hash of the
 * admin key it began under: a server started with another key knows none of them.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createHash, randomBytes } from 'node:crypto';
import { CSRF_HEADER, SESSION_HOURS } from 'citylab-sdk/contract';
import type { Caller } from '../auth.js';
import { hashKey, sameSecret } from '../keys.js';
import { ProblemError } from '../problem.js';
import { sha256 } from '../reservations/codes.js';
import type { Storage } from '../storage/types.js';

export const SESSION_COOKIE = 'citylab_session';
/** The cookie goes only to the API, never to the town's pages or the SDK files. */
export const SESSION_COOKIE_PATH = '/v1/';
export const SESSION_MS = SESSION_HOURS * 3_600_000;

export const newSecret = (): string => randomBytes(32).toString('base64url');

export function csrfToken(sessionId: string): string {
  return createHash('sha256').update(`citylab-csrf\0${sessionId}`).digest('base64url');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie's value, when it is there and looks like one of ours. */
export function sessionId(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/**
 * The caller a session cookie makes (anonymous without one, or with one that has ended);
 * a change without the session's CSRF token is refused (403) before anything happens.
 */
export function sessionCaller(storage: Storage, now: () => Date, adminKey: string | undefined): (c: Context) => Promise<Caller> {
  return async (c) => {
    const found = await findAnySession(storage, c, now().toISOString(), adminKey);
    if (!found) return { kind: 'anonymous' };
    const { id, session } = found;
    if (!SAFE_METHODS.has(c.req.method)) {
      const presented = c.req.header(CSRF_HEADER);
      if (!presented || !sameSecret(presented, csrfToken(id))) {
        throw new ProblemError('forbidden', {
          en: `A change from the dashboard needs the session's ${CSRF_HEADER} header. Reload the dashboard and try again.`,
          de: `Eine Änderung aus dem Dashboard braucht den ${CSRF_HEADER}-Header der Sitzung. Laden Sie das Dashboard neu und versuchen Sie es noch einmal.`,
        });
      }
    }
    return session.store_id === null ? { kind: 'operator' } : { kind: 'shop', storeId: session.store_id };
  };
}

/** The session of the request's cookie, a shop's (`store_id`) or the operator's (`store_id: null`), while it lasts. */
export async function findAnySession(storage: Storage, c: Context, now: string, adminKey: string | undefined): Promise<{ id: string; session: { store_id: string | null; expires_at: string } } | null> {
  const id = sessionId(c);
  if (!id) return null;
  const shop = await storage.sessions.findSession(sha256(id), now);
  if (shop) return { id, session: shop };
  const operator = adminKey ? await storage.sessions.findOperatorSession(sha256(id), hashKey(adminKey), now) : null;
  return operator ? { id, session: { store_id: null, expires_at: operator.expires_at } } : null;
}

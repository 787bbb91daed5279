/** The shop's dashboard: signing in by a mailed one-time link or with the shop's key, and the session. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { StoreId } from './primitives.js';

/** How long a mailed sign-in link works, and how long a dashboard session lasts (a working day and then some). */
export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_HOURS = 12;
/** The request header that carries the session's CSRF token on every change. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const SignInLinkRequest = named(
  z.strictObject({
    email: z.email(),
    /** The language of the mail (the dashboard's). Default German. */
    lang: z.optional(z.enum(['de', 'en'])),
  }),
  'SignInLinkRequest',
  'Ask for a one-time sign-in link, mailed to the shop whose notification address this is.',
);

export const SignInLinkSent = named(
  z.object({ sent: z.literal(true), valid_minutes: z.number() }),
  'SignInLinkSent',
  'The same answer whether or not the address belongs to a shop, so that addresses cannot be probed.',
);

export const SessionCreate = named(
  z.union([
    z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)) }),
    z.strictObject({ key: z.string().check(z.minLength(8), z.maxLength(200)) }),
  ]),
  'SessionCreate',
  'The token of a mailed sign-in link (single use), the shop\'s key, or the town operator\'s admin key.',
);

export const DashboardSession = named(
  z.object({
    /** `shop`: a shop's own dashboard; `operator`: the town operator's (signed in with the admin key). */
    role: z.enum(['shop', 'operator']),
    /** The shop (only for `role: shop`). */
    store_id: z.optional(StoreId),
    store_name: z.optional(z.string()),
    /** Send it as the X-CSRF-Token header with every change the session makes. */
    csrf_token: z.string(),
    expires_at: z.iso.datetime(),
  }),
  'DashboardSession',
  'The signed-in shop or town operator. The session itself is an httpOnly cookie.',
);

export type SignInLinkRequest = z.infer<typeof SignInLinkRequest>;
export type SessionCreate = z.infer<typeof SessionCreate>;
export type DashboardSession = z.infer<typeof DashboardSession>;

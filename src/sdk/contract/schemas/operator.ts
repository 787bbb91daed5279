/** The town operator's dashboard: the shops at a glance, pausing a shop, inviting it, and the mail status. See ../schemas.ts. */
import * as z from 'zod/mini';
import { named } from './named.js';
import { Store } from './stores.js';

export const OperatorStore = named(
  z.object({
    store: Store,
    /** False once the operator revoked the shop's key (until a new one is made). */
    has_key: z.boolean(),
    /** When the shop's stock last changed; null when it has none. */
    stock_updated_at: z.nullable(z.iso.datetime()),
    /** Reservations held or ready for pickup. */
    open_reservations: z.int(),
  }),
  'OperatorStore',
  'A shop as the town operator sees it in the list.',
);

export const OperatorStoreList = named(z.object({ items: z.array(OperatorStore) }), 'OperatorStoreList');

export const StorePause = named(
  z.strictObject({ paused: z.boolean() }),
  'StorePause',
  'Pause (true) or resume (false) a shop.',
);

export const InviteSent = named(
  z.object({ sent: z.literal(true), email: z.email(), valid_minutes: z.number() }),
  'InviteSent',
  'The sign-in link left for the shop\'s own address.',
);

export const MailStatus = named(
  z.object({
    /** Whether the endpoint has an SMTP server to send through (CITYLAB_SMTP_URL); its password is never shown. */
    smtp_configured: z.boolean(),
    /** The SMTP server's host and port, when configured. */
    smtp_server: z.optional(z.string()),
    /** Mails not sent yet that will be tried again. */
    waiting: z.int(),
    /** Mails given up on after every attempt failed. */
    failed: z.int(),
    /** The newest error the SMTP server answered, with any e-mail address in it left out. */
    last_error: z.nullable(z.string()),
  }),
  'MailStatus',
  'The town\'s outgoing mail: counts and the newest error, nothing personal.',
);

export type OperatorStore = z.infer<typeof OperatorStore>;
export type OperatorStoreList = z.infer<typeof OperatorStoreList>;
export type StorePause = z.infer<typeof StorePause>;
export type InviteSent = z.infer<typeof InviteSent>;
export type MailStatus = z.infer<typeof MailStatus>;

/** The sign-in mail: the one-time link, in the dashboard's language; sent at once, since a person waits for it. */
import { SIGN_IN_LINK_MINUTES, type Store } from 'citylab-sdk/contract';
import type { Mailer } from '../reservations/mail.js';
import { sha256 } from '../reservations/codes.js';
import type { OutboxMail, Storage } from '../storage/types.js';
import { newSecret } from './session.js';

/**
 * Makes a one-time sign-in token for the shop and mails its link to the shop's own address
 * (the shop asking for it, or the town operator inviting the shop). The link starts with the
 * configured public address, never with a request's Host header.
 */
export async function sendSignInLink(
  { storage, mailer, publicUrl }: { storage: Storage; mailer: Mailer | undefined; publicUrl: string },
  store: Store & { email: string },
  lang: 'de' | 'en',
  at: Date,
): Promise<void> {
  const token = newSecret();
  await storage.sessions.putSignInToken({
    token_hash: sha256(token),
    store_id: store.id,
    created_at: at.toISOString(),
    expires_at: new Date(at.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString(),
  });
  const mail = signInMail(store, `${publicUrl.replace(/\/+$/, '')}/dashboard/#sign-in=${token}`, lang, at.toISOString());
  await storage.unit(function* (tx) {
    yield* tx.queueMails([mail]);
  });
  // A person is waiting for this mail: send it now, not with the outbox's next round.
  void mailer?.flush().catch(() => undefined);
}

export function signInMail(store: Store, link: string, lang: 'de' | 'en', now: string): OutboxMail {
  const de = lang === 'de';
  return {
    reservation_id: null,
    kind: 'dashboard-sign-in',
    recipient: store.email!,
    lang,
    created_at: now,
    subject: de ? `Anmeldung im CityLab-Dashboard: ${store.name}` : `Sign in to the CityLab dashboard: ${store.name}`,
    text: (de
      ? [
          'Guten Tag,', '', `mit diesem Link melden Sie sich im Dashboard von ${store.name} an:`, '', link, '',
          `Der Link gilt ${SIGN_IN_LINK_MINUTES} Minuten und nur einmal.`,
          'Wenn Sie keine Anmeldung angefordert haben, können Sie diese E-Mail einfach löschen.',
        ]
      : [
          'Hello,', '', `This link signs you in to the dashboard of ${store.name}:`, '', link, '',
          `It works once, for ${SIGN_IN_LINK_MINUTES} minutes.`,
          'If you did not ask to sign in, simply delete this e-mail.',
        ]).join('\n'),
  };
}

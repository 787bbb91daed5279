/** The sign-in mail: the one-time link, in the dashboard's language. */
import { SIGN_IN_LINK_MINUTES, type Store } from 'citylab-sdk/contract';
import type { OutboxMail } from '../storage/types.js';

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

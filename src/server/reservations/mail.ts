/**
 * The e-mails a reservation sends, German or English as the shopper used, and
 * the worker that delivers the outbox over SMTP (nodemailer). Without SMTP
 * configured (the demo), mails stay in the outbox, which the demo shows.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Store } from 'citylab-sdk/contract';
import type { Logger } from '../log.js';
import type { OutboxMail, ReservationRecord, Storage } from '../storage/types.js';

export type MailKind = 'customer-confirmation' | 'customer-ready' | 'customer-expired' | 'customer-cancelled' | 'shop-new' | 'shop-cancelled';

/** Intl formatters are costly to make and cheap to use: one per language and zone (or currency). */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function when(iso: string, store: Store, lang: 'de' | 'en'): string {
  const format = formatter(`date|${lang}|${store.time_zone}`, () => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: store.time_zone,
  }));
  return format.format(new Date(iso)) + (lang === 'de' ? ' Uhr' : '');
}

function price(r: ReservationRecord, lang: 'de' | 'en'): string {
  const format = formatter(`price|${lang}|${r.currency}`, () => new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: r.currency }));
  return format.format(Number(r.price) * r.quantity);
}

const address = (s: Store) => `${s.address.street}, ${s.address.postal_code} ${s.address.city}`;

/** The mails for an event, to the shopper and/or the shop. `link` opens the shopper's reservation page (for `shop-new`: the reservation in the shop's dashboard). */
export function reservationMails(kind: MailKind, r: ReservationRecord, store: Store, link: string, now: string): OutboxMail[] {
  const de = r.lang === 'de';
  const item = `${r.quantity} × ${r.item_name}`;
  const mail = (to: string | null | undefined, lang: 'de' | 'en', subject: string, lines: string[]): OutboxMail[] =>
    to ? [{ reservation_id: r.id, kind, recipient: to, subject, text: lines.join('\n'), lang, created_at: now }] : [];
  const greeting = de ? `Guten Tag ${r.customer_name ?? ''},` : `Hello ${r.customer_name ?? ''},`;
  const footer = de
    ? [...(link ? ['', `Reservierung ansehen oder stornieren: ${link}`] : []), '', `${store.name}`, address(store), ...(store.phone ? [`Telefon ${store.phone}`] : [])]
    : [...(link ? ['', `View or cancel your reservation: ${link}`] : []), '', `${store.name}`, address(store), ...(store.phone ? [`Phone ${store.phone}`] : [])];

  switch (kind) {
    case 'customer-confirmation':
      return mail(r.customer_email, r.lang, de ? `Ihre Reservierung bei ${store.name}: Abholcode ${r.code}` : `Your reservation at ${store.name}: pickup code ${r.code}`, de
        ? [greeting, '', `Sie haben ${item} bei ${store.name} reserviert.`, '', `Abholcode: ${r.code}`, `Abholbereit ab: ${when(r.ready_from, store, 'de')}`, `Reserviert bis: ${when(r.expires_at, store, 'de')}`, `Preis: ${price(r, 'de')}, bezahlt wird bei der Abholung im Geschäft.`, '', 'Nennen oder zeigen Sie den Abholcode im Geschäft.', ...footer]
        : [greeting, '', `You reserved ${item} at ${store.name}.`, '', `Pickup code: ${r.code}`, `Ready from: ${when(r.ready_from, store, 'en')}`, `Held until: ${when(r.expires_at, store, 'en')}`, `Price: ${price(r, 'en')}, paid when you collect it in the shop.`, '', 'Say or show the pickup code in the shop.', ...footer]);
    case 'customer-ready':
      return mail(r.customer_email, r.lang, de ? `Ihre Reservierung liegt bereit: ${r.code}` : `Your reservation is ready: ${r.code}`, de
        ? [greeting, '', `${store.name} hat ${item} für Sie zurückgelegt.`, `Abholcode: ${r.code}`, `Reserviert bis: ${when(r.expires_at, store, 'de')}`, ...footer]
        : [greeting, '', `${store.name} has put ${item} aside for you.`, `Pickup code: ${r.code}`, `Held until: ${when(r.expires_at, store, 'en')}`, ...footer]);
    case 'customer-expired':
      return mail(r.customer_email, r.lang, de ? `Ihre Reservierung ${r.code} ist abgelaufen` : `Your reservation ${r.code} has expired`, de
        ? [greeting, '', `Ihre Reservierung von ${item} bei ${store.name} ist abgelaufen; der Artikel ist wieder frei.`, 'Sie können ihn jederzeit erneut reservieren.', ...footer]
        : [greeting, '', `Your reservation of ${item} at ${store.name} has expired and the item is available again.`, 'You are welcome to reserve it again.', ...footer]);
    case 'customer-cancelled':
      return mail(r.customer_email, r.lang, de ? `Ihre Reservierung ${r.code} wurde storniert` : `Your reservation ${r.code} was cancelled`, de
        ? [greeting, '', `Ihre Reservierung von ${item} bei ${store.name} wurde storniert.`, ...(r.cancel_reason ? [`Grund: ${r.cancel_reason}`] : []), ...footer]
        : [greeting, '', `Your reservation of ${item} at ${store.name} was cancelled.`, ...(r.cancel_reason ? [`Reason: ${r.cancel_reason}`] : []), ...footer]);
    case 'shop-new':
      // The shop's own mails are in German: the town's shops are German.
      return mail(store.email, 'de', `Neue Reservierung ${r.code}: ${item}`, [
        `Neue Click-&-Collect-Reservierung für ${store.name}.`, '', `Abholcode: ${r.code}`, `Artikel: ${item} (Art.-Nr. ${r.sku}, EAN ${r.gtin})`,
        `Kunde: ${r.customer_name ?? ''}`, `E-Mail: ${r.customer_email ?? ''}`, ...(r.customer_phone ? [`Telefon: ${r.customer_phone}`] : []),
        `Zugesagt ab: ${when(r.ready_from, store, 'de')}`, `Reserviert bis: ${when(r.expires_at, store, 'de')}`, '',
        'Bitte legen Sie den Artikel zurück und setzen Sie die Reservierung auf „bereit“:',
        link,
      ]);
    case 'shop-cancelled':
      return mail(store.email, 'de', `Reservierung ${r.code} storniert`, [
        `Die Reservierung ${r.code} (${item}) wurde von der Kundin oder dem Kunden storniert. Der Artikel ist wieder frei.`,
        ...(r.cancel_reason ? [`Grund: ${r.cancel_reason}`] : []),
      ]);
  }
}

export interface Mailer {
  /** Sends what is waiting in the outbox; returns how many went out. */
  flush(): Promise<number>;
  /** The SMTP server's host and port (never its user or password), for the operator's mail status. */
  readonly server?: string;
}

/** Delivers the outbox over SMTP. Without `smtpUrl`, nothing is sent and mails wait in the outbox. */
export function createMailer(storage: Storage, options: { smtpUrl?: string | undefined; from: string; logger: Logger }): Mailer | undefined {
  if (!options.smtpUrl) return undefined;
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  let running: Promise<number> | undefined;
  const flushOnce = async (): Promise<number> => {
    let sent = 0;
    for (const m of await storage.pendingMail(50)) {
      try {
        await transport.sendMail({ from: options.from, to: m.recipient, subject: m.subject, text: m.text, headers: { 'Content-Language': m.lang } });
        await storage.markMail(m.id!, { sentAt: new Date().toISOString() });
        sent++;
      } catch (err) {
        await storage.markMail(m.id!, { error: (err as Error).message });
        // The message may name the address; only the kind of failure goes to the log.
        options.logger.error('mail-failed', { mail: m.id, kind: m.kind, code: (err as { code?: string }).code ?? 'unknown' });
      }
    }
    return sent;
  };
  // A flush asked for while one runs gets a round of its own after it: the mail just queued
  // (a sign-in link) may have come after the running round read the outbox.
  let again: Promise<number> | undefined;
  const flush = (): Promise<number> => {
    if (!running) return (running = flushOnce().finally(() => (running = undefined)));
    return (again ??= running.then(() => {
      again = undefined;
      return flush();
    }));
  };
  let server: string | undefined;
  try {
    const url = new URL(options.smtpUrl);
    server = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    server = undefined;
  }
  return server ? { flush, server } : { flush };
}

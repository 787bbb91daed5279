/**
 * The town operator's dashboard over HTTP: the shops at a glance (with what the
 * public list does not show: whether the shop has a key, its last stock update,
 * its open reservations), inviting a shop by mail, and the state of the town's
 * outgoing mail. Everything else the operator's screens do goes through the
 * operator's existing routes (adding a shop, keys, pausing, the town, insights,
 * footfall), which accept the operator's dashboard session (../auth.ts). Hours
 * typed as text ("Mo-Fr 09:30-18:00; Sa 10:00-14:00") are read by the CLI's own
 * parser (../hours-text.ts), so both read the same text the same way.
 */
import * as z from 'zod/mini';
import { InviteSent, MailStatus, OpeningHours, OperatorStoreList, SIGN_IN_LINK_MINUTES, type OperatorStore } from 'citylab-sdk/contract';
import { parseHoursText } from '../hours-text.js';
import { ProblemError } from '../problem.js';
import type { RouteModuleFactory } from '../routes/module.js';
import { StorePath, requireStore } from '../routes/stores.js';
import { route } from '../routes/table.js';
import { sendSignInLink } from './mail.js';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const HoursText = z.string().check(z.maxLength(2000));

/** An SMTP server's answer may name the recipient: every address in it is left out. */
export const withoutAddresses = (text: string): string => text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '…');

export const operatorRoutes: RouteModuleFactory = ({ storage, now, log, options }) => ({
  api: [
    route({
      method: 'get',
      path: '/v1/operator/stores',
      operationId: 'listOperatorStores',
      summary: 'Every shop with its key state, last stock update and open reservations',
      tag: 'operator',
      access: 'admin',
      responses: { 200: { description: 'The shops.', schema: OperatorStoreList } },
      handle: async (c) => {
        // Three queries however many shops the town has (not every shop's whole stock list and reservations).
        const [stores, keyed, figures] = await Promise.all([storage.listStores(), storage.storesWithKey(), storage.storeFigures()]);
        const items: OperatorStore[] = stores.map((store) => ({
          store,
          has_key: keyed.has(store.id),
          stock_updated_at: figures.get(store.id)?.stock_updated_at ?? null,
          open_reservations: figures.get(store.id)?.open_reservations ?? 0,
        }));
        items.sort((a, b) => a.store.name.localeCompare(b.store.name, 'de'));
        return c.json({ items }, 200, PRIVATE);
      },
    }),
    route({
      method: 'post',
      path: '/v1/stores/{id}/invite',
      operationId: 'inviteStore',
      summary: 'Mail the shop a one-time sign-in link to its dashboard, at once',
      description: `The link goes to the shop's own notification address and works once, for ${SIGN_IN_LINK_MINUTES} minutes.`,
      tag: 'operator',
      access: 'admin',
      params: StorePath,
      responses: { 200: { description: 'The link is on its way.', schema: InviteSent } },
      problems: ['store-not-found', 'conflict'],
      handle: async (c, { params }) => {
        const store = await requireStore(storage, params.id);
        if (!store.email) {
          throw new ProblemError('conflict', { en: `${store.name} has no e-mail address. Add one to the shop first.`, de: `${store.name} hat keine E-Mail-Adresse. Tragen Sie zuerst eine ein.` });
        }
        if (!(await storage.storesWithKey()).has(store.id)) {
          throw new ProblemError('conflict', { en: `${store.name}'s key is revoked, so no sign-in works. Make a new key first.`, de: `Der Schlüssel von ${store.name} ist gesperrt, keine Anmeldung funktioniert. Erzeugen Sie zuerst einen neuen Schlüssel.` });
        }
        const lang = /^en\b/i.test(c.req.header('Accept-Language') ?? '') ? 'en' : 'de';
        await sendSignInLink({ storage, mailer: options.mailer, publicUrl: options.publicUrl }, { ...store, email: store.email }, lang, now());
        log.info('store-invited', { store: store.id });
        return c.json({ sent: true, email: store.email, valid_minutes: SIGN_IN_LINK_MINUTES }, 200, PRIVATE);
      },
    }),
    route({
      method: 'post',
      path: '/v1/operator/opening-hours',
      operationId: 'parseOpeningHours',
      summary: 'Read opening hours typed as text, as the CLI\'s --hours does',
      description: 'For example `Mo-Fr 09:30-13:00 14:30-18:30; Sa 10:00-14:00` (German or English day names; days not named are closed). Nothing is stored: the answer goes into a new shop\'s `opening_hours`.',
      tag: 'operator',
      access: 'admin',
      bodyLimit: 4096,
      body: { description: 'The hours as text', content: { 'text/plain': HoursText } },
      responses: { 200: { description: 'The weekly hours.', schema: OpeningHours } },
      handle: async (c, { body }) => {
        try {
          return c.json(parseHoursText(body.value as string), 200, PRIVATE);
        } catch (err) {
          const reason = (err as Error).message;
          throw new ProblemError('validation-failed', {
            en: `The opening hours cannot be read: ${reason}. Write them like "Mo-Fr 09:30-18:00; Sa 10:00-14:00".`,
            de: `Die Öffnungszeiten sind nicht lesbar: ${reason}. Schreiben Sie sie wie „Mo-Fr 09:30-18:00; Sa 10:00-14:00“.`,
          }, { errors: [{ path: 'opening_hours', reason }] });
        }
      },
    }),
    route({
      method: 'get',
      path: '/v1/operator/mail',
      operationId: 'getMailStatus',
      summary: 'The town\'s outgoing mail: SMTP configured, mails waiting and failed, the newest error',
      tag: 'operator',
      access: 'admin',
      responses: { 200: { description: 'The mail status.', schema: MailStatus } },
      handle: async (c) => {
        const outbox = await storage.outboxStatus();
        const status: MailStatus = {
          smtp_configured: options.mailer !== undefined,
          ...(options.mailer?.server ? { smtp_server: options.mailer.server } : {}),
          waiting: outbox.waiting,
          failed: outbox.failed,
          last_error: outbox.last_error === null ? null : withoutAddresses(outbox.last_error),
        };
        return c.json(status, 200, PRIVATE);
      },
    }),
  ],
});

/**
 * Click & collect over HTTP: the shopper reserves (public, with an
 * Idempotency-Key), views and cancels (with the customer token); the shop
 * lists its reservations and moves them on (with its key).
 */
import { countReservationEvent } from '../insights/server-events.js';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Reservation, ReservationCancel, ReservationCreate, ReservationList, ReservationUpdate, RESERVATION_STATUSES, type ReservationState, type Store } from 'citylab-sdk/contract';
import { customerReservation } from '../auth.js';
import { clientAddress } from '../http.js';
import { documented } from '../openapi.js';
import { ProblemError, preferredLang, type Detail } from '../problem.js';
import { RateLimiter, type Limit } from '../rate-limit.js';
import type { RouteModuleFactory } from '../routes/module.js';
import { StorePath, requireStore } from '../routes/stores.js';
import { route } from '../routes/table.js';
import type { ReservationRecord, Storage } from '../storage/types.js';
import { createReservation, transitionReservation, type CreateOutcome, type TransitionResult } from './service.js';
import { customerToken, linkToken, newPickupCode, newReservationId, sha256 } from './codes.js';
import { holdWindow, nextFullMinute, type HoldWindow } from 'citylab-sdk/contract';
import { reservationMails, type MailKind } from './mail.js';
import { renderReservation } from './render.js';

export interface ReservationOptions {
  /** Reservations per client address (default 10 per 10 minutes). */
  perClient?: Limit;
  /** Reservations per shop (default 120 per hour). */
  perStore?: Limit;
  /** Active holds one e-mail address may have at once (default 3). */
  maxActivePerContact?: number;
  /** Take the client address from X-Forwarded-For (behind a proxy you run). */
  trustProxy?: boolean;
  /** Serve the mail outbox at GET /v1/demo/outbox (the demo town without SMTP). Never in production. */
  demoOutbox?: boolean;
}

const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, "-" or "_"'));

/** The shopper's reservation, by the id in their link. */
const ReservationPath = z.object({ id: z.string() });
const ShopReservationPath = z.object({ ...StorePath.shape, rid: z.string() });

const oneStatus = `(?:${RESERVATION_STATUSES.join('|')})`;
const ReservationFilter = z.object({
  status: z.optional(
    z.pipe(
      z.string().check(z.regex(new RegExp(`^${oneStatus}(?:,${oneStatus})*$`), `statuses out of ${RESERVATION_STATUSES.join(', ')}, separated by commas`)),
      z.transform((list: string) => list.split(',') as ReservationState[]),
    ),
  ),
});

const Outbox = documented(
  z.object({
    items: z.array(
      z.object({
        reservation_id: z.nullable(z.string()),
        kind: z.string(),
        recipient: z.string(),
        subject: z.string(),
        text: z.string(),
        lang: z.enum(['de', 'en']),
        created_at: z.iso.datetime(),
        sent_at: z.optional(z.nullable(z.iso.datetime())),
      }),
    ),
  }),
  'Outbox',
  'The newest mails the endpoint has queued, sent or not.',
);

const PRIVATE = { 'Cache-Control': 'private, no-store' };

export const reservationRoutes: RouteModuleFactory = ({ storage, now, log, options: { publicUrl, reservations: options = {} } }) => {
  const perClient = new RateLimiter(options.perClient ?? { limit: 10, windowMs: 10 * 60_000 });
  const perStore = new RateLimiter(options.perStore ?? { limit: 120, windowMs: 60 * 60_000 });
  const maxActive = options.maxActivePerContact ?? 3;

  const linkFor = (r: ReservationRecord, token: string) =>
    // From CITYLAB_PUBLIC_URL, never from the request's Host. The token travels in the fragment:
    // browsers never send it to a server, so it lands in no log.
    `${publicUrl}/r/${r.id}#token=${token}`;

  const dashboardLinkFor = (r: ReservationRecord) => `${publicUrl}/dashboard/#r=${r.id}`;

  const storeOf = async (id: string): Promise<Store | null> => storage.getStore(id);

  // The hold window counts from the next full minute ("ready from 12:00"), so a rush of
  // reservations at one shop computes it once a minute, not once per request.
  const windows = new Map<string, HoldWindow>();
  const windowFor = (store: Store, at: Date): HoldWindow => {
    const minute = nextFullMinute(at);
    const key = `${store.id}|${store.updated_at}|${minute.getTime()}`;
    let window = windows.get(key);
    if (!window) {
      if (windows.size > 1000) windows.clear();
      window = holdWindow(store, minute);
      windows.set(key, window);
    }
    return window;
  };

  const create = route({
    method: 'post',
    path: '/v1/reservations',
    operationId: 'createReservation',
    summary: 'Reserve a product at a shop, to collect there',
    description:
      'The answer carries `customer_token`, the shopper\'s key to view and cancel this reservation. A retry with the same Idempotency-Key and body gets the identical answer (token included) and reserves nothing more; a refusal is replayed as refused.',
    tag: 'reservations',
    access: 'public',
    headers: {
      'Idempotency-Key': {
        schema: IdempotencyKey,
        description: 'a random value, new for each reservation and the same for every retry of it.',
        missing: 'idempotency-key-missing',
      },
    },
    body: { description: 'The reservation', content: { 'application/json': ReservationCreate } },
    responses: { 201: { description: 'Reserved.', schema: Reservation } },
    problems: ['idempotency-key-reused', 'request-in-progress', 'rate-limited', 'store-not-found', 'not-reservable', 'insufficient-stock', 'product-not-found'],
    handle: async (c, { headers, body: { value: body } }) => {
      const key = headers['Idempotency-Key']!;
      const keyHash = sha256(key);
      const requestHash = sha256(canonicalJson(body));
      // A retry is answered before any limit is counted: it creates nothing.
      const prior = await storage.findIdempotencyKey(keyHash);
      if (prior) {
        if (prior.request_hash !== requestHash) throw keyReused();
        if (prior.state !== 'done') throw inProgress();
        return replay(c, { status: prior.status!, body: prior.body! }, prior.reservation_id ? customerToken(key, prior.reservation_id) : undefined);
      }
      const clientWait = perClient.take(clientAddress(c, options.trustProxy ?? false));
      if (clientWait) throw rateLimited(clientWait, { en: 'Too many reservations from this connection. Please try again later.', de: 'Zu viele Reservierungen von diesem Anschluss. Bitte später noch einmal versuchen.' });
      const store = await storeOf(body.store);
      if (!store) throw new ProblemError('store-not-found', { en: `There is no shop "${body.store}" in this town.`, de: `Ein Geschäft „${body.store}“ gibt es in dieser Stadt nicht.` });
      if (store.paused) throw new ProblemError('not-reservable', { en: `${store.name} is paused and takes no reservations at the moment.`, de: `${store.name} pausiert gerade und nimmt keine Reservierungen an.` });
      if (!store.click_and_collect.enabled) throw new ProblemError('not-reservable', { en: `${store.name} does not take reservations.`, de: `${store.name} nimmt keine Reservierungen an.` });
      const storeWait = perStore.take(store.id);
      if (storeWait) throw rateLimited(storeWait, { en: `${store.name} has received many reservations just now. Please try again later.`, de: `${store.name} hat gerade sehr viele Reservierungen bekommen. Bitte später noch einmal versuchen.` });

      const at = now();
      const window = windowFor(store, at);
      const id = newReservationId();
      const token = customerToken(key, id);
      const result = await createReservation(storage, {
        store,
        keyHash,
        requestHash,
        maxActivePerContact: maxActive,
        reservation: {
          id,
          code: newPickupCode,
          store_id: store.id,
          gtin: body.gtin,
          sku: body.sku,
          quantity: body.quantity,
          customer: body.customer,
          lang: body.lang ?? 'de',
          token_hash: sha256(token),
          created_at: at.toISOString(),
          ready_from: window.readyFrom.toISOString(),
          expires_at: window.expiresAt.toISOString(),
        },
        respond: (outcome) => {
          if (outcome.kind !== 'created') return { response: outcomeProblem(c, outcome, store), mails: [] };
          const r = outcome.record;
          const link = linkFor(r, token);
          return {
            // Stored without the token; a retry with the same key gets it back (it is derived from the key).
            response: { status: 201, body: JSON.stringify(renderReservation(r, store, { withCustomer: false })) },
            // The shop's mail opens the reservation in the dashboard; the shopper's link (with their token) is theirs alone.
            mails: [...reservationMails('customer-confirmation', r, store, link, at.toISOString()), ...reservationMails('shop-new', r, store, dashboardLinkFor(r), at.toISOString())],
          };
        },
      });
      switch (result.kind) {
        case 'key-mismatch':
          throw keyReused();
        case 'in-progress':
          throw inProgress();
        case 'replay':
          return replay(c, result.response, result.reservationId ? customerToken(key, result.reservationId) : undefined);
        case 'done':
          if (result.outcome.kind === 'created') {
            log.info('reservation-created', { store: store.id, reservation: result.outcome.record.id, quantity: body.quantity });
            await countReservationEvent(storage, 'reserved', [result.outcome.record], () => store, now());
          }
          return replay(c, result.response, result.outcome.kind === 'created' ? token : undefined);
      }
    },
  });

  const view = route({
    method: 'get',
    path: '/v1/reservations/{id}',
    operationId: 'getReservation',
    summary: 'The shopper\'s view of their reservation',
    tag: 'reservations',
    access: 'customer',
    params: ReservationPath,
    responses: { 200: { description: 'The reservation, with the shopper\'s contact details.', schema: Reservation } },
    handle: async (c) => {
      const record = customerReservation(c);
      return c.json(renderReservation(record, await storeOf(record.store_id), { withCustomer: true }), 200, PRIVATE);
    },
  });

  const cancel = route({
    method: 'post',
    path: '/v1/reservations/{id}/cancel',
    operationId: 'cancelReservation',
    summary: 'The shopper cancels their reservation; the units are free again',
    tag: 'reservations',
    access: 'customer',
    params: ReservationPath,
    body: { description: 'Why (optional)', required: false, content: { 'application/json': ReservationCancel } },
    responses: { 200: { description: 'The cancelled reservation.', schema: Reservation } },
    problems: ['invalid-transition'],
    handle: async (c, { body: input }) => {
      const record = customerReservation(c);
      const body = input?.value ?? {};
      const store = await storeOf(record.store_id);
      const result = await transitionReservation(storage, {
        id: record.id,
        to: 'cancelled',
        reason: body.reason ?? (record.lang === 'de' ? 'Von der Kundin oder dem Kunden storniert' : 'Cancelled by the customer'),
        now: now().toISOString(),
        // The shopper is told too, with the link to their page: the token is at hand in this request.
        mails: (r) =>
          store
            ? [
                ...reservationMails('customer-cancelled', r, store, linkFor(r, /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? ''), now().toISOString()),
                ...reservationMails('shop-cancelled', r, store, '', now().toISOString()),
              ]
            : [],
      });
      return transitionResponse(c, result, store);
    },
  });

  const list = route({
    method: 'get',
    path: '/v1/stores/{id}/reservations',
    operationId: 'listStoreReservations',
    summary: 'The shop\'s reservations, newest first',
    description: '`status` keeps only those in the given statuses, separated by commas (`held,ready`).',
    tag: 'reservations',
    access: 'shop',
    params: StorePath,
    query: ReservationFilter,
    responses: { 200: { description: 'The reservations, with the shoppers\' contact details.', schema: ReservationList } },
    problems: ['store-not-found'],
    handle: async (c, { params, query }) => {
      const store = await requireStore(storage, params.id);
      const items = (await storage.listReservations(store.id, query.status)).map((r) => renderReservation(r, store, { withCustomer: true }));
      return c.json({ items }, 200, PRIVATE);
    },
  });

  const move = route({
    method: 'patch',
    path: '/v1/stores/{id}/reservations/{rid}',
    operationId: 'updateStoreReservation',
    summary: 'The shop moves a reservation on: ready, collected or cancelled',
    description: 'Ready and cancelled tell the shopper by e-mail; collected takes the units out of the stock.',
    tag: 'reservations',
    access: 'shop',
    params: ShopReservationPath,
    body: { description: 'The status change', content: { 'application/json': ReservationUpdate } },
    responses: { 200: { description: 'The reservation in its new status.', schema: Reservation } },
    problems: ['store-not-found', 'reservation-not-found', 'invalid-transition'],
    handle: async (c, { params, body: { value: update } }) => {
      const store = await requireStore(storage, params.id);
      const storeId = store.id;
      const record = await storage.getReservation(params.rid);
      if (!record || record.store_id !== storeId) throw new ProblemError('reservation-not-found', 'This shop has no such reservation.');
      const at = now().toISOString();
      const mailKind: Partial<Record<string, MailKind>> = { ready: 'customer-ready', cancelled: 'customer-cancelled' };
      // The shopper's own token is only theirs: the mail links their page with a link token instead.
      const secret = mailKind[update.status] ? await storage.secret('reservation-links') : '';
      const result = await transitionReservation(storage, {
        id: record.id,
        to: update.status,
        reason: update.reason,
        now: at,
        mails: (r) => (store && mailKind[update.status] ? reservationMails(mailKind[update.status]!, r, store, linkFor(r, linkToken(secret, r.id)), at) : []),
      });
      if (result.kind === 'ok') {
        log.info('reservation-status', { store: storeId, reservation: record.id, status: update.status });
        if (update.status === 'collected') await countReservationEvent(storage, 'collected', [result.record], () => store, now());
      }
      return transitionResponse(c, result, store);
    },
  });

  const outbox = route({
    method: 'get',
    path: '/v1/demo/outbox',
    operationId: 'getDemoOutbox',
    summary: 'The mails the demo town would send (no SMTP in the demo)',
    tag: 'demo',
    access: 'public',
    responses: { 200: { description: 'The newest 50 mails.', schema: Outbox } },
    handle: async (c) => {
      // The outbox holds live cancel links: only a browser on the demo's own machine may read it.
      if (!isLoopback(clientAddress(c, options.trustProxy ?? false))) throw new ProblemError('route-not-found', `There is no route ${c.req.method} ${c.req.path}.`);
      return c.json({ items: await storage.outbox(50) }, 200, { 'Cache-Control': 'no-store' });
    },
  });

  return { api: [create, view, cancel, list, move, ...(options.demoOutbox ? [outbox] : [])] };
};

function transitionResponse(c: Context, result: TransitionResult, store: Store | null): Response {
  if (result.kind === 'not-found') throw new ProblemError('reservation-not-found', 'There is no such reservation.');
  if (result.kind === 'invalid') {
    throw new ProblemError('invalid-transition', `The reservation is ${result.from} and cannot change like that any more.`, { extra: { current_status: result.from } });
  }
  return c.json(renderReservation(result.record, store, { withCustomer: true }), 200, PRIVATE);
}

function outcomeProblem(c: Context, outcome: Exclude<CreateOutcome, { kind: 'created' }>, store: Store): { status: number; body: string } {
  const problem = (() => {
    switch (outcome.kind) {
      case 'insufficient':
        return new ProblemError('insufficient-stock', outcome.available === 0
          ? { en: `${store.name} has no more units free to reserve.`, de: `Bei ${store.name} ist nichts mehr zum Reservieren frei.` }
          : {
              en: `${store.name} has only ${outcome.available} unit${outcome.available === 1 ? '' : 's'} free to reserve.`,
              de: `Bei ${store.name} ${outcome.available === 1 ? 'ist nur noch 1 Stück' : `sind nur noch ${outcome.available} Stück`} zum Reservieren frei.`,
            }, { extra: { available: outcome.available } });
      case 'not-listed':
        return new ProblemError('product-not-found', { en: `${store.name} does not list this product.`, de: `${store.name} führt dieses Produkt nicht.` });
      case 'not-reservable':
        return new ProblemError('not-reservable', {
          en: `${store.name} keeps no count of this article, so it cannot be reserved. Please call the shop.`,
          de: `${store.name} führt für diesen Artikel keinen Bestand, deshalb lässt er sich nicht reservieren. Bitte rufen Sie im Geschäft an.`,
        });
      case 'hold-limit':
        return new ProblemError('rate-limited', {
          en: 'This e-mail address already has the most reservations open at once. Collect or cancel one first.',
          de: 'Für diese E-Mail-Adresse sind schon die meisten Reservierungen gleichzeitig offen. Holen Sie erst eine ab oder stornieren Sie eine.',
        }, { headers: { 'Retry-After': '3600' } });
    }
  })();
  return { status: problem.status, body: JSON.stringify(problem.toProblem(c.req.path, preferredLang(c.req.header('Accept-Language')))) };
}

/** The stored answer; the customer token (never stored) is put back in. */
function replay(c: Context, response: { status: number; body: string }, token: string | undefined): Response {
  let body = response.body;
  if (response.status === 201 && token) body = JSON.stringify({ ...(JSON.parse(body) as object), customer_token: token });
  const type = response.status >= 400 ? 'application/problem+json' : 'application/json';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (response.status === 429) headers['Retry-After'] = '3600';
  return c.body(body, response.status as 201, headers);
}

const keyReused = () =>
  new ProblemError('idempotency-key-reused', 'This Idempotency-Key was already used for a different reservation. Use a new key for a new reservation.');
const inProgress = () =>
  new ProblemError('request-in-progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment.', { headers: { 'Retry-After': '1' } });

function rateLimited(seconds: number, detail: Detail): ProblemError {
  return new ProblemError('rate-limited', detail, { headers: { 'Retry-After': String(seconds) } });
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/** The same request always hashes the same, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Click & collect over HTTP: the shopper reserves (public, with an
 * Idempotency-Key), views and cancels (with the customer token); the shop
 * lists its reservations and moves them on (with its key).
 */
import type { Context, Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ReservationCancel, ReservationCreate, ReservationStatus, ReservationUpdate, type Store } from 'citylab-sdk/contract';
import { parseOrThrow, readJson } from '../http.js';
import type { Logger } from '../log.js';
import { ProblemError } from '../problem.js';
import { RateLimiter, type Limit } from '../rate-limit.js';
import type { ReservationRecord, Storage } from '../storage/types.js';
import { customerToken, newPickupCode, newReservationId, sha256 } from './codes.js';
import { holdWindow, nextFullMinute, type HoldWindow } from 'citylab-sdk/contract';
import { reservationMails, type MailKind } from './mail.js';
import { renderReservation } from './render.js';
import { createReservation, transitionReservation, type CreateOutcome, type TransitionResult } from './service.js';

export interface ReservationOptions {
  /** Reservations per client address (default 10 per 10 minutes). */
  perClient?: Limit;
  /** Reservations per shop (default 120 per hour). */
  perStore?: Limit;
  /** Active holds one e-mail address may have at once (default 3). */
  maxActivePerContact?: number;
  /** Take the client address from X-Forwarded-For (behind a proxy you run). */
  trustProxy?: boolean;
  /** Public base URL for links in e-mails; default: the request's origin. */
  publicUrl?: string | undefined;
  /** Serve the mail outbox at GET /v1/demo/outbox (the demo town without SMTP). Never in production. */
  demoOutbox?: boolean;
}

export interface ReservationContext {
  storage: Storage;
  now: () => Date;
  log: Logger;
  options: ReservationOptions;
  authorizeStore: (c: Context, id: string) => Promise<string>;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export function registerReservationRoutes(app: Hono, { storage, now, log, options, authorizeStore }: ReservationContext): void {
  const perClient = new RateLimiter(options.perClient ?? { limit: 10, windowMs: 10 * 60_000 });
  const perStore = new RateLimiter(options.perStore ?? { limit: 120, windowMs: 60 * 60_000 });
  const maxActive = options.maxActivePerContact ?? 3;

  const linkFor = (c: Context, r: ReservationRecord, token: string) =>
    // The token travels in the fragment: browsers never send it to a server, so it lands in no log.
    `${options.publicUrl ?? new URL(c.req.url).origin}/r/${r.id}#token=${token}`;

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

  app.post('/v1/reservations', async (c) => {
    const key = c.req.header('Idempotency-Key');
    if (!key) throw new ProblemError(400, 'idempotency-key-missing', 'Send an Idempotency-Key header (a random value, new for each reservation, reused for retries of it).');
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new ProblemError(400, 'validation-failed', 'The Idempotency-Key must be 16 to 128 letters, digits, "-" or "_".', [{ path: 'Idempotency-Key', reason: 'format' }]);
    }
    const body = await readJson(c, ReservationCreate, 'The reservation');
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
    if (clientWait) throw rateLimited(clientWait, 'Too many reservations from this connection. Please try again later.');
    const store = await storeOf(body.store);
    if (!store) throw new ProblemError(404, 'store-not-found', `There is no shop "${body.store}" in this town.`);
    if (!store.click_and_collect.enabled) throw new ProblemError(409, 'not-reservable', `${store.name} does not take reservations.`);
    const storeWait = perStore.take(store.id);
    if (storeWait) throw rateLimited(storeWait, `${store.name} has received many reservations just now. Please try again later.`);

    const at = now();
    const window = windowFor(store, at);
    const id = newReservationId();
    const token = customerToken(key, id);
    const result = await createReservation(storage, {
      keyHash,
      store,
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
        const link = linkFor(c, r, token);
        return {
          // Stored without the token; a retry with the same key gets it back (it is derived from the key).
          response: { status: 201, body: JSON.stringify(renderReservation(r, store, { withCustomer: false })) },
          mails: [...reservationMails('customer-confirmation', r, store, link, at.toISOString()), ...reservationMails('shop-new', r, store, link, at.toISOString())],
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
        if (result.outcome.kind === 'created') log.info('reservation-created', { store: store.id, reservation: result.outcome.record.id, quantity: body.quantity });
        return replay(c, result.response, result.outcome.kind === 'created' ? token : undefined);
    }
  });

  const byCustomer = async (c: Context): Promise<ReservationRecord> => {
    const id = c.req.param('id')!;
    const header = c.req.header('Authorization');
    const token = (header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined) ?? c.req.query('token');
    const record = await storage.getReservation(id);
    // Unknown reservation and wrong token look the same: ids cannot be probed.
    if (!record || !token || sha256(token) !== record.token_hash) {
      throw new ProblemError(404, 'reservation-not-found', 'There is no such reservation, or the link is incomplete.');
    }
    return record;
  };

  app.get('/v1/reservations/:id', async (c) => {
    const record = await byCustomer(c);
    return c.json(renderReservation(record, await storeOf(record.store_id), { withCustomer: true }), 200, { 'Cache-Control': 'private, no-store' });
  });

  app.post('/v1/reservations/:id/cancel', async (c) => {
    const record = await byCustomer(c);
    const text = await c.req.text();
    const body = text.trim() ? parseOrThrow(ReservationCancel, safeJson(text), 'body') : {};
    const store = await storeOf(record.store_id);
    const result = await transitionReservation(storage, {
      id: record.id,
      to: 'cancelled',
      reason: body.reason ?? (record.lang === 'de' ? 'Von der Kundin oder dem Kunden storniert' : 'Cancelled by the customer'),
      now: now().toISOString(),
      mails: (r) => (store ? reservationMails('shop-cancelled', r, store, '', now().toISOString()) : []),
    });
    return transitionResponse(c, result, store);
  });

  // The shopper's page behind the link in their e-mail. The token stays in the fragment.
  app.get('/r/:id', (c) => c.html(RESERVATION_PAGE, 200, { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }));

  if (options.demoOutbox) {
    app.get('/v1/demo/outbox', async (c) => c.json({ items: await storage.outbox(50) }, 200, { 'Cache-Control': 'no-store' }));
  }

  app.get('/v1/stores/:id/reservations', async (c) => {
    const storeId = await authorizeStore(c, c.req.param('id')!);
    const statusParam = c.req.query('status');
    const statuses = statusParam ? statusParam.split(',').map((s) => parseOrThrow(ReservationStatus, s.trim(), 'status')) : undefined;
    const store = await storeOf(storeId);
    const items = (await storage.listReservations(storeId, statuses)).map((r) => renderReservation(r, store, { withCustomer: true }));
    return c.json({ items }, 200, { 'Cache-Control': 'private, no-store' });
  });

  app.patch('/v1/stores/:id/reservations/:rid', async (c) => {
    const storeId = await authorizeStore(c, c.req.param('id')!);
    const update = await readJson(c, ReservationUpdate, 'The status change');
    const record = await storage.getReservation(c.req.param('rid')!);
    if (!record || record.store_id !== storeId) throw new ProblemError(404, 'reservation-not-found', 'This shop has no such reservation.');
    const store = await storeOf(storeId);
    const at = now().toISOString();
    const mailKind: Partial<Record<string, MailKind>> = { ready: 'customer-ready', cancelled: 'customer-cancelled' };
    const result = await transitionReservation(storage, {
      id: record.id,
      to: update.status,
      reason: update.reason,
      now: at,
      // The shopper's link needs their token, which only they have: these mails point to the shop instead.
      mails: (r) => (store && mailKind[update.status] ? reservationMails(mailKind[update.status]!, r, store, store.website ?? '', at) : []),
    });
    if (result.kind === 'ok') log.info('reservation-status', { store: storeId, reservation: record.id, status: update.status });
    return transitionResponse(c, result, store);
  });
}

function transitionResponse(c: Context, result: TransitionResult, store: Store | null): Response {
  if (result.kind === 'not-found') throw new ProblemError(404, 'reservation-not-found', 'There is no such reservation.');
  if (result.kind === 'invalid') {
    throw new ProblemError(409, 'invalid-transition', `The reservation is ${result.from} and cannot change like that any more.`, undefined, undefined, { current_status: result.from });
  }
  return c.json(renderReservation(result.record, store, { withCustomer: true }), 200, { 'Cache-Control': 'private, no-store' });
}

function outcomeProblem(c: Context, outcome: Exclude<CreateOutcome, { kind: 'created' }>, store: Store): { status: number; body: string } {
  const problem = (() => {
    switch (outcome.kind) {
      case 'insufficient':
        return new ProblemError(409, 'insufficient-stock', outcome.available === 0
          ? `${store.name} has no more units free to reserve.`
          : `${store.name} has only ${outcome.available} unit${outcome.available === 1 ? '' : 's'} free to reserve.`, undefined, undefined, { available: outcome.available });
      case 'not-listed':
        return new ProblemError(404, 'product-not-found', `${store.name} does not list this product.`);
      case 'not-reservable':
        return new ProblemError(409, 'not-reservable', `${store.name} keeps no count of this article, so it cannot be reserved. Please call the shop.`);
      case 'hold-limit':
        return new ProblemError(429, 'rate-limited', 'This e-mail address already has the most reservations open at once. Collect or cancel one first.', undefined, { 'Retry-After': '3600' });
    }
  })();
  return { status: problem.status, body: JSON.stringify(problem.toProblem(c.req.path)) };
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
  new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different reservation. Use a new key for a new reservation.');
const inProgress = () =>
  new ProblemError(409, 'request-in-progress', 'A request with this Idempotency-Key is still being processed. Retry in a moment.', undefined, { 'Retry-After': '1' });

function rateLimited(seconds: number, detail: string): ProblemError {
  return new ProblemError(429, 'rate-limited', detail, undefined, { 'Retry-After': String(seconds) });
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The same request always hashes the same, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'malformed-json', 'The body is not valid JSON.');
  }
}

/** A small page (no SDK needed) that shows a reservation from the e-mail link and lets the shopper cancel it. */
const RESERVATION_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Reservierung</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
.code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.1em}button{min-height:44px;padding:.5rem 1rem;font:inherit;border-radius:8px;border:1px solid #8a8a8a;background:#fff}
.muted{color:#555}</style></head>
<body><main id="main" aria-live="polite"><p>…</p></main>
<script type="module">
const main = document.getElementById('main');
const id = location.pathname.split('/').pop();
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const T = {
  de: { title: 'Ihre Reservierung', code: 'Abholcode', status: { held: 'Reserviert', ready: 'Liegt zur Abholung bereit', collected: 'Abgeholt', cancelled: 'Storniert', expired: 'Abgelaufen' }, until: 'Reserviert bis', cancel: 'Reservierung stornieren', cancelled: 'Die Reservierung ist storniert.', missing: 'Diese Reservierung finden wir nicht. Bitte öffnen Sie den vollständigen Link aus Ihrer E-Mail.', failed: 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.' },
  en: { title: 'Your reservation', code: 'Pickup code', status: { held: 'Reserved', ready: 'Ready for pickup', collected: 'Collected', cancelled: 'Cancelled', expired: 'Expired' }, until: 'Held until', cancel: 'Cancel reservation', cancelled: 'The reservation is cancelled.', missing: 'We cannot find this reservation. Please open the complete link from your e-mail.', failed: 'That did not work. Please try again in a moment.' },
};
async function show() {
  const res = await fetch('/v1/reservations/' + encodeURIComponent(id), { headers: { Authorization: 'Bearer ' + token } });
  if (!res.ok) { main.innerHTML = '<p>' + T.de.missing + '</p><p lang="en">' + T.en.missing + '</p>'; return; }
  const r = await res.json();
  const t = T[r.lang] ?? T.de;
  document.documentElement.lang = r.lang;
  document.title = t.title;
  const until = new Intl.DateTimeFormat(r.lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: r.store.time_zone }).format(new Date(r.expires_at));
  main.innerHTML = '<h1>' + t.title + '</h1><p>' + esc(r.quantity) + ' × ' + esc(r.item.name) + '<br>' + esc(r.store.name) + ', ' + esc(r.store.address.street) + ', ' + esc(r.store.address.postal_code) + ' ' + esc(r.store.address.city) + '</p>'
    + '<p>' + t.code + '</p><p class="code">' + esc(r.code) + '</p><p><strong>' + t.status[r.status] + '</strong><br><span class="muted">' + t.until + ': ' + esc(until) + '</span></p>'
    + (r.status === 'held' || r.status === 'ready' ? '<button id="cancel">' + t.cancel + '</button>' : '');
  document.getElementById('cancel')?.addEventListener('click', async () => {
    const c = await fetch('/v1/reservations/' + encodeURIComponent(id) + '/cancel', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    if (c.ok) show(); else main.insertAdjacentHTML('beforeend', '<p role="alert">' + t.failed + '</p>');
  });
}
show();
</script></body></html>`;

/**
 * The typed endpoint client the elements share.
 *
 * - Responses are parsed with the contract's schemas (zod, a lazy chunk of about 13 KB gzip)
 *   before an element sees them. The two answers a page's first paint shows (availability, the
 *   town) are the exception while that chunk is not on the page: they are checked against their
 *   shapes generated from the same schemas (contract/first-paint-shapes.ts: types, required
 *   fields, enums, patterns; not zod's refinements), so the first paint needs no zod. From the
 *   moment the validator is loaded (the reservation dialog loads it, as does `verifyAnswers()`,
 *   and any other request) every answer is checked in full.
 * - Identical requests in flight are made once: three elements on a page asking
 *   for one product cause one request.
 * - Every failure comes back as a typed result; nothing is thrown into the host page.
 */
import type * as z from 'zod/mini';
import type {
  Availability,
  City,
  LatLon,
  PlaceList,
  Problem,
  Product,
  ProductList,
  Reservation,
  ReservationCreate,
  Store,
  StoreList,
} from '../contract/schemas.js';
import type { ProblemCode } from '../contract/problems.js';
import { availabilitySearchParams, type AvailabilityRequest } from '../contract/availability.js';
import { FIRST_PAINT_SHAPES } from '../contract/first-paint-shapes.generated.js';
import { shapeError, type Shape } from './shape.js';
import { resolveAgainst } from './endpoint.js';
import { READ, forgetPrefetched, takePrefetched } from './prefetch.js';

type Contract = typeof import('./schemas.js');

/**
 * The schemas (and zod with them, and the problem codes) are a lazy chunk, off the first paint's path: loaded by the
 * first request that has no first-paint shape, in parallel with that request, or by `verifyAnswers()`.
 */
let contract: Promise<Contract> | undefined;
/** The schemas once they are on the page: from then on every answer is checked before use. */
let loaded: Contract | undefined;
const loadContract = () =>
  (contract ??= import('./schemas.js').then(
    (c) => (loaded = c),
    (err: unknown) => {
      contract = undefined;
      throw err;
    },
  ));

/**
 * Loads the response validator now (the reservation dialog calls it when it opens), so that
 * every later answer, reads included, is checked against the contract before an element sees it.
 */
export function verifyAnswers(): Promise<void> {
  return loadContract().then(() => undefined);
}

export type ClientErrorKind =
  /** The endpoint could not be reached (offline, DNS, CORS, connection refused). */
  | 'network'
  /** No answer within the client's time limit. */
  | 'timeout'
  /** The endpoint answered with an error status; `problem` has its details when it sent them. */
  | 'http'
  /** The endpoint answered 2xx with data that does not match the contract. */
  | 'invalid-response';

export interface ClientError {
  kind: ClientErrorKind;
  /** HTTP status for `http` errors. */
  status?: number;
  /** Seconds to wait before trying again, from a 429's Retry-After. */
  retryAfter?: number;
  /** The problem's stable code, e.g. `product-not-found` (only codes this version knows; the raw one is in `problem`). */
  code?: ProblemCode;
  problem?: Problem;
  /** For developers (the console), not for shoppers: elements show their own words. */
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError };

export type { AvailabilityRequest };

export interface ClientOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Per request; default 4 s. An endpoint that hangs must not keep a shop's page waiting: the
   * elements show their fallback once this has passed (the finder says "slow" after 2 s).
   */
  timeoutMs?: number;
}

/** Bounds how long an element may show its skeleton before it says the endpoint cannot answer. */
export const DEFAULT_TIMEOUT_MS = 4000;

export class CitylabClient {
  readonly endpoint: string;
  private readonly fetchImpl: typeof fetch;
  /** A fetch of the caller's own (tests, a proxy): everything goes through it, never an answer asked for before. */
  private readonly ownFetch: boolean;
  private readonly timeoutMs: number;
  private readonly inFlight = new Map<string, Promise<Result<unknown>>>();

  constructor(endpoint: string, options: ClientOptions = {}) {
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.ownFetch = !!options.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  city(): Promise<Result<City>> {
    return this.get('/v1/city', (c) => c.City, FIRST_PAINT_SHAPES.City);
  }

  stores(): Promise<Result<StoreList>> {
    return this.get('/v1/stores', (c) => c.StoreList);
  }

  store(id: string): Promise<Result<Store>> {
    return this.get(`/v1/stores/${encodeURIComponent(id)}`, (c) => c.Store);
  }

  product(gtin: string): Promise<Result<Product>> {
    return this.get(`/v1/products/${encodeURIComponent(gtin)}`, (c) => c.Product);
  }

  searchProducts(q: string, limit?: number): Promise<Result<ProductList>> {
    const params = new URLSearchParams({ q });
    if (limit !== undefined) params.set('limit', String(limit));
    return this.get(`/v1/products?${params}`, (c) => c.ProductList);
  }

  /** Postcodes and districts of the town matching what the shopper typed. */
  places(q: string): Promise<Result<PlaceList>> {
    return this.get(`/v1/places?${new URLSearchParams({ q })}`, (c) => c.PlaceList);
  }

  /** Which shops have the product; with `near`, sorted by distance. */
  availability(request: AvailabilityRequest, near?: LatLon): Promise<Result<Availability>> {
    return this.get(`/v1/availability?${availabilitySearchParams(request, near)}`, (c) => c.Availability, FIRST_PAINT_SHAPES.Availability);
  }

  /**
   * Reserves for pickup. `idempotencyKey` must be made once per attempt and reused when the
   * same attempt is retried (after a timeout, a double click): the endpoint then answers with the
   * reservation it already made instead of making a second one.
   */
  reserve(body: ReservationCreate, idempotencyKey: string): Promise<Result<Reservation>> {
    return this.request(this.endpoint + '/v1/reservations', (c) => c.Reservation, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }

  /** The shopper's view of their reservation (with the token from the reservation's answer). */
  reservation(id: string, token: string): Promise<Result<Reservation>> {
    return this.request(`${this.endpoint}/v1/reservations/${encodeURIComponent(id)}`, (c) => c.Reservation, { headers: { Authorization: `Bearer ${token}` } });
  }

  cancelReservation(id: string, token: string, reason?: string): Promise<Result<Reservation>> {
    return this.request(`${this.endpoint}/v1/reservations/${encodeURIComponent(id)}/cancel`, (c) => c.Reservation, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(reason ? { reason } : {}),
    });
  }

  /** Resolves a URL from the API (a model, a poster) against the endpoint. */
  resolve(url: string): string {
    return resolveAgainst(this.endpoint, url);
  }

  private get<T>(path: string, schema: (contract: Contract) => z.ZodMiniType<T>, shape?: Shape): Promise<Result<T>> {
    const url = this.endpoint + path;
    const pending = this.inFlight.get(url);
    if (pending) return pending as Promise<Result<T>>;
    const request = this.request(url, schema, {}, shape).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, request);
    return request;
  }

  /** `shape`: a first-paint answer's shape, checked while the validator is not loaded (see the top of this file). */
  private async request<T>(url: string, pick: (contract: Contract) => z.ZodMiniType<T>, init: RequestInit = {}, shape?: Shape): Promise<Result<T>> {
    const schemas = shape && !loaded ? undefined : loadContract().catch(() => undefined);
    let response: Response;
    const signal = AbortSignal.timeout(this.timeoutMs);
    const ask = () => this.fetchImpl(url, { ...READ, ...init, headers: { ...(READ.headers as Record<string, string>), ...(init.headers as Record<string, string> | undefined) }, signal });
    // A read citylab.js asked for while this code was on its way (prefetch.ts), under the same time limit from
    // now; if that one failed, this asks once more itself, as it would have without it.
    if (init.method) forgetPrefetched();
    const early = !init.method && !this.ownFetch ? takePrefetched(url) : undefined;
    try {
      response = await (early
        ? Promise.race([early.catch(ask), new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))])
        : ask());
    } catch (err) {
      const name = (err as { name?: string }).name;
      return name === 'TimeoutError' || name === 'AbortError'
        ? fail({ kind: 'timeout', message: `No answer from ${this.endpoint} within ${this.timeoutMs} ms.` })
        : fail({ kind: 'network', message: `Cannot reach ${this.endpoint}: ${(err as Error).message}` });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      if ((err as { name?: string }).name === 'TimeoutError') {
        return fail({ kind: 'timeout', message: `The answer from ${this.endpoint} did not finish within ${this.timeoutMs} ms.` });
      }
      body = undefined;
    }
    if (shape && response.ok && !loaded) {
      const error = shapeError(body, shape);
      return error ? fail({ kind: 'invalid-response', message: `Unexpected answer from ${url} at ${error}` }) : { ok: true, data: body as T };
    }
    const c = loaded ?? (await (schemas ?? loadContract().catch(() => undefined)));
    if (!c) return fail({ kind: 'network', message: 'The response validator could not be loaded.' });
    if (!response.ok) {
      const problem = c.Problem.safeParse(body);
      const retryAfter = Number(response.headers.get('Retry-After'));
      return fail({
        kind: 'http',
        status: response.status,
        ...(retryAfter > 0 ? { retryAfter } : {}),
        ...(problem.success ? { ...(c.isProblemCode(problem.data.code) ? { code: problem.data.code } : {}), problem: problem.data } : {}),
        message: problem.success ? problem.data.detail : `HTTP ${response.status} from ${url}`,
      });
    }
    const parsed = pick(c).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail({
        kind: 'invalid-response',
        message: `Unexpected answer from ${url}${issue ? ` at ${issue.path.join('.') || 'top level'}: ${issue.message}` : ''}`,
      });
    }
    return { ok: true, data: parsed.data };
  }
}

function fail<T>(error: ClientError): Result<T> {
  return { ok: false, error };
}

const shared = new Map<string, CitylabClient>();

/** One client per endpoint per page, so every element shares its in-flight requests. */
export function clientFor(endpoint: string): CitylabClient {
  const key = endpoint.replace(/\/+$/, '');
  let client = shared.get(key);
  if (!client) {
    client = new CitylabClient(key);
    shared.set(key, client);
  }
  return client;
}

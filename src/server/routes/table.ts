/**
 * The route table: every `/v1` route is declared once, with what it takes and
 * answers, who may call it and how it is cached. From the same declaration
 * `mountApiRoute` registers the Hono route (auth, body limit, caching and
 * validation in front of the handler) and `buildOpenApi` (../openapi.ts)
 * writes the route into the OpenAPI document, as @hono/zod-openapi does. A
 * route cannot be served without being documented, nor documented as taking
 * something it does not check.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type { ProblemCode } from 'citylab-sdk/contract';
import type { Access, AuthEnv } from '../auth.js';
import { bodyLimit } from '../body-limit.js';
import { CACHE_POLICY, httpCache } from '../http-cache.js';
import { isJsonType, mediaType, parseJsonBody, problemResponse, validate } from '../http.js';
import { ProblemError } from '../problem.js';

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

export type AppEnv = AuthEnv;

/** Groups of the document, in the order a reader meets them. */
export const TAGS = {
  endpoint: 'The endpoint itself: liveness, readiness and this document.',
  town: 'The town: its map settings and the places shoppers can sort by.',
  stores: 'The shops of the town: their profiles, and their keys (town operator).',
  inventory: 'A shop\'s stock list: uploaded as JSON or as a Google local inventory feed (CSV/TSV), read back by the shop.',
  products: 'The products the town\'s shops list, and their 3D models.',
  availability: 'Which shops in town have a product: what `<citylab-store-finder>` shows.',
  reservations: 'Click & collect: the shopper reserves, views and cancels; the shop lists its reservations and moves them on.',
  insights: 'Town insights without tracking: counts of what shoppers did, per shop and for the town; passers-by; open data.',
  dashboard: 'The shop\'s dashboard: signing in by a mailed one-time link or the shop\'s key, the session, and the live board.',
  operator: 'The town operator\'s dashboard: the shops at a glance, inviting a shop, and the town\'s outgoing mail.',
  demo: 'Only in the demo town: the mails the endpoint would send.',
} as const;
export type Tag = keyof typeof TAGS;

/** A request body over this is refused (413) before the route sees it, unless the route declares more. */
export const JSON_BODY_LIMIT = 1024 * 1024;

type AnySchema = z.ZodMiniType;
/** Path parameters or query: an object schema over the strings of the request. */
type FieldsSchema = z.ZodMiniType<Record<string, unknown>>;
type NoFields = z.ZodMiniObject<Record<string, never>>;

/** The media types a route accepts, each with the schema its body must satisfy (text types: a string). */
export type BodyContent = Readonly<Record<string, AnySchema>>;

export interface BodySpec<B extends BodyContent> {
  /** What the body is ("The shop"): in the document and at the start of a validation problem's detail. */
  description: string;
  /** Without a body (or an empty one) the handler gets `undefined`. Default: required. */
  required?: boolean;
  content: B;
}

/** The body a handler gets: the media type it came as, and its value after validation. */
export type BodyInput<B extends BodyContent> = { [M in keyof B & string]: { type: M; value: z.output<B[M]> } }[keyof B & string];

export interface HeaderSpec {
  schema: z.ZodMiniType<string>;
  description: string;
  /** The problem when the header is missing; without one the header is optional. */
  missing?: ProblemCode;
}

export interface ResponseSpec {
  description: string;
  /** The body's schema (a contract schema where the contract has one); none for an empty answer. */
  schema?: AnySchema;
  /** Default `application/json`. */
  type?: string;
  headers?: Readonly<Record<string, { description: string; schema: AnySchema }>>;
}

export interface RouteInput<P extends FieldsSchema, Q extends FieldsSchema, B extends BodyContent, R extends boolean> {
  params: z.output<P>;
  query: z.output<Q>;
  headers: Readonly<Record<string, string | undefined>>;
  body: R extends false ? BodyInput<B> | undefined : BodyInput<B>;
}

export interface RouteSpec<P extends FieldsSchema, Q extends FieldsSchema, B extends BodyContent, R extends boolean> {
  method: Method;
  /** The path as the document writes it: `/v1/stores/{id}`. */
  path: `/v1/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  access: Access;
  params?: P;
  query?: Q;
  headers?: Readonly<Record<string, HeaderSpec>>;
  body?: BodySpec<B> & { required?: R };
  /** Largest body accepted (default JSON_BODY_LIMIT). */
  bodyLimit?: number;
  /** The answers that are not problems, by status. */
  responses: Readonly<Partial<Record<200 | 201 | 202 | 204, ResponseSpec>>>;
  /**
   * The problems the handler itself may answer with. Those of the access and of
   * validation (401, 403, 400, 413, 415) are added from the declaration; each
   * problem's status is the contract's.
   */
  problems?: readonly ProblemCode[];
  /** Public reads a browser or CDN may keep (ETag, max-age, 304). */
  cache?: 'data' | 'availability';
  handle(c: Context<AppEnv>, input: RouteInput<P, Q, B, R>): Response | Promise<Response>;
}

/** A route of the table with its types erased, as the table and the document hold it. */
export type ApiRoute = RouteSpec<FieldsSchema, FieldsSchema, BodyContent, boolean>;

/** Declares a route; the handler's input is typed from the schemas. */
export function route<
  P extends FieldsSchema = NoFields,
  Q extends FieldsSchema = NoFields,
  B extends BodyContent = Record<never, never>,
  R extends boolean = true,
>(spec: RouteSpec<P, Q, B, R>): ApiRoute {
  return spec as unknown as ApiRoute;
}

/** `/v1/stores/{id}` → `/v1/stores/:id` */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** Registers one declared route: body limit, access, validation, then the handler. */
export function mountApiRoute(app: Hono<AppEnv>, spec: ApiRoute, guard: (access: Access) => MiddlewareHandler<AppEnv>): void {
  if ((spec.access === 'shop' || spec.access === 'customer') && !spec.path.includes('{id}')) {
    throw new Error(`${spec.operationId}: a "${spec.access}" route needs the {id} it is about in its path`);
  }
  const limit = spec.bodyLimit ?? JSON_BODY_LIMIT;
  const handlers: MiddlewareHandler<AppEnv>[] = [];
  if (spec.cache) handlers.push(httpCache(CACHE_POLICY[spec.cache]));
  // Who is asking comes first: a write without a valid key is refused before its body is read,
  // so nobody without a key can make the endpoint buffer megabytes.
  handlers.push(guard(spec.access));
  handlers.push(bodyLimit(limit, (c) => problemResponse(c, new ProblemError('payload-too-large', { en: `The request body is larger than ${Math.round(limit / 1024 / 1024)} MB.`, de: `Die Anfrage ist größer als ${Math.round(limit / 1024 / 1024)} MB.` }))));
  handlers.push(async (c) => spec.handle(c, await readInput(c, spec)));
  app.on(spec.method.toUpperCase(), [honoPath(spec.path)], ...(handlers as [MiddlewareHandler<AppEnv>]));
}

async function readInput(c: Context<AppEnv>, spec: ApiRoute): Promise<RouteInput<FieldsSchema, FieldsSchema, BodyContent, boolean>> {
  noControlCharacters(c.req.param(), 'The path');
  noControlCharacters(c.req.query(), 'The query');
  return {
    params: spec.params ? validate(spec.params, c.req.param(), 'The path') : {},
    query: spec.query ? validate(spec.query, c.req.query(), 'The query') : {},
    headers: spec.headers ? readHeaders(c, spec.headers) : {},
    body: spec.body ? await readBody(c, spec.body) : undefined,
  };
}

/**
 * No path segment or query value carries a control character: no id, code or search term
 * has one, and PostgreSQL refuses a NUL in text outright (a 500, where SQLite just finds
 * nothing). Refused here, for every route, before anything reaches the storage.
 */
function noControlCharacters(values: Record<string, string>, what: string): void {
  for (const [name, value] of Object.entries(values)) {
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      throw new ProblemError('validation-failed', `${what} is not valid: ${name}: control characters are not allowed.`, { errors: [{ path: name, reason: 'control characters are not allowed' }] });
    }
  }
}

function readHeaders(c: Context, specs: Readonly<Record<string, HeaderSpec>>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = c.req.header(name);
    if (value === undefined) {
      if (spec.missing) throw new ProblemError(spec.missing, `Send the ${name} header: ${spec.description}`);
      continue;
    }
    values[name] = validate(spec.schema, value, `The ${name} header`, name);
  }
  return values;
}

async function readBody(c: Context, spec: BodySpec<BodyContent>): Promise<BodyInput<BodyContent> | undefined> {
  const text = await c.req.text();
  if (spec.required === false && !text.trim()) return undefined;
  const media = mediaType(c);
  const types = Object.keys(spec.content);
  // `application/merge-patch+json` and friends are JSON too.
  const type = types.includes(media) ? media : isJsonType(media) && types.includes('application/json') ? 'application/json' : undefined;
  if (!type) {
    const list = types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1)}` : types[0];
    throw new ProblemError('unsupported-media-type', `Send ${spec.description.replace(/^The /, 'the ')} as ${list}.`);
  }
  const schema = spec.content[type]!;
  const value = isJsonType(type) ? parseJsonBody(text, schema, spec.description) : validate(schema, text, spec.description);
  return { type, value };
}

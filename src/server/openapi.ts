/**
 * The OpenAPI 3.1 document, written from the route table (routes/table.ts):
 * the same declarations that register the routes give every operation its
 * parameters, bodies, answers and security, and the contract's named zod
 * schemas become the components. Nothing here lists routes by hand, so a
 * route cannot be served undocumented or documented unserved.
 *
 * Schemas are written as the endpoint *reads* them (zod's `io: 'input'`): a
 * request body's strict objects forbid unknown keys, while answers stay open
 * (`additionalProperties` unset) so a client keeps working when a field is added.
 */
import * as z from 'zod/mini';
import * as contract from 'citylab-sdk/contract';
import { PROBLEMS, type ProblemCode } from 'citylab-sdk/contract';
import type { Access } from './auth.js';
import { TAGS, type ApiRoute, type ResponseSpec } from './routes/table.js';

type Json = Record<string, unknown>;
type Meta = { id: string; description?: string };

/**
 * Answers the contract does not (yet) describe, named for the document. The contract's own
 * schemas are named in it (`named()` in citylab-sdk/contract/schemas.ts).
 */
const serverSchemas = new Map<z.ZodMiniType, Meta>();
export function documented<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  serverSchemas.set(schema, description ? { id, description } : { id });
  return schema;
}

const SCHEMAS = '#/components/schemas/';
/** Schemas of the routes without a name of their own: written inline, never as components. */
const INLINE = '_inline_';

const SECURITY_SCHEMES = {
  operatorKey: { type: 'http', scheme: 'bearer', description: 'The town operator\'s key (`CITYLAB_ADMIN_KEY`).' },
  dashboardSession: { type: 'apiKey', in: 'cookie', name: 'citylab_session', description: 'A dashboard session, a shop\'s or (signed in with the admin key) the town operator\'s (`POST /v1/dashboard/session`); changes also need its `X-CSRF-Token` header.' },
  shopKey: { type: 'http', scheme: 'bearer', description: 'A shop\'s key (`cl_sk_…`), shown once when the operator adds the shop or rotates its key.' },
  customerToken: { type: 'http', scheme: 'bearer', description: 'The shopper\'s token for one reservation (`cl_ct_…`), from the answer to `POST /v1/reservations` and the link in the confirmation e-mail.' },
} as const;

const SECURITY: Record<Access, Json[]> = {
  public: [],
  admin: [{ operatorKey: [] }, { dashboardSession: [] }],
  shop: [{ shopKey: [] }, { operatorKey: [] }, { dashboardSession: [] }],
  session: [{ dashboardSession: [] }],
  customer: [{ customerToken: [] }],
};

/** What a problem means on a route of this access, where the contract's title says too little. */
const ACCESS_PROBLEMS: Record<Access, Partial<Record<ProblemCode, string>>> = {
  public: { unauthorized: 'A key was sent and it is not valid. Requests without a key are welcome.' },
  admin: {
    unauthorized: 'No key, or a key the endpoint does not know, or no operator session.',
    forbidden: 'A shop\'s key or session, or an operator session\'s change without its X-CSRF-Token header: only the town operator may do this.',
  },
  shop: {
    unauthorized: 'No key, or a key the endpoint does not know.',
    forbidden: 'Another shop\'s key or session, or a session\'s change without its X-CSRF-Token header.',
  },
  session: { unauthorized: 'Not signed in, or the session has ended.', forbidden: 'A change without the session\'s X-CSRF-Token header.' },
  customer: { 'reservation-not-found': 'No such reservation, or not this token (the two look the same, so ids cannot be probed).' },
};

const PROBLEM_HEADERS: Partial<Record<ProblemCode, Record<string, Json>>> = {
  unauthorized: { 'WWW-Authenticate': { description: 'Bearer realm="citylab"', schema: { type: 'string' } } },
  'rate-limited': { 'Retry-After': { description: 'Seconds until a retry may succeed.', schema: { type: 'integer' } } },
  'request-in-progress': { 'Retry-After': { description: 'Seconds until a retry may succeed.', schema: { type: 'integer' } } },
  'not-ready': { 'Retry-After': { description: 'Seconds until a retry may succeed.', schema: { type: 'integer' } } },
};

export function buildOpenApi(routes: readonly ApiRoute[], version: string): Json {
  const schemas = new SchemaWriter();
  const paths: Record<string, Record<string, Json>> = {};
  const operations = routes.map((r) => ({ r, write: operation(r, schemas) }));
  schemas.generate();
  for (const { r, write } of operations) (paths[r.path] ??= {})[r.method] = write();
  const usedTags = new Set(routes.map((r) => r.tag));
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: 'CityLab city availability endpoint',
      version,
      description: 'Which shop in town has it, stock fed by the shops, and click & collect, for the CityLab web components.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: Object.entries(TAGS).filter(([name]) => usedTags.has(name as keyof typeof TAGS)).map(([name, description]) => ({ name, description })),
    paths,
    components: { securitySchemes: SECURITY_SCHEMES },
  };
  (document.components as Json).schemas = schemas.components(document);
  return document;
}

/** One operation: everything is collected now, written once the schemas are generated. */
function operation(r: ApiRoute, schemas: SchemaWriter): () => Json {
  const params = r.params ? schemas.add(r.params) : undefined;
  const query = r.query ? schemas.add(r.query) : undefined;
  const headers = Object.entries(r.headers ?? {}).map(([name, h]) => ({ name, h, schema: schemas.add(h.schema) }));
  const body = r.body ? Object.entries(r.body.content).map(([type, s]) => ({ type, schema: schemas.add(s) })) : [];
  const responses = Object.entries(r.responses).map(([status, spec]) => ({ status, spec: spec as ResponseSpec, schema: spec?.schema ? schemas.add(spec.schema) : undefined }));
  const headerSchemas = responses.map(({ spec }) => Object.entries(spec.headers ?? {}).map(([name, h]) => ({ name, h, schema: schemas.add(h.schema) })));

  return () => {
    const parameters = [
      ...(params ? fieldParameters(schemas.written(params), 'path') : []),
      ...(query ? fieldParameters(schemas.written(query), 'query') : []),
      ...headers.map(({ name, h, schema }) => ({ name, in: 'header', required: !!h.missing, description: h.description, schema: schemas.json(schema) })),
    ];
    const out: Record<string, Json> = {};
    responses.forEach(({ status, spec, schema }, i) => {
      const answer: Json = { description: spec.description };
      const answerHeaders = headerSchemas[i]!;
      if (answerHeaders.length) answer.headers = Object.fromEntries(answerHeaders.map(({ name, h, schema: s }) => [name, { description: h.description, schema: schemas.json(s) }]));
      if (schema) answer.content = { [spec.type ?? 'application/json']: { schema: schemas.json(schema) } };
      out[status] = answer;
    });
    if (r.cache) out['304'] = { description: 'Not modified: the `If-None-Match` ETag still matches.' };
    const validates = parameters.some((p) => !isPlainString(p.schema as Json)) || body.length > 0;
    for (const [status, problem] of problemResponses(r, validates)) out[status] = problem;

    return {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: SECURITY[r.access],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              description: r.body.description,
              required: r.body.required !== false,
              content: Object.fromEntries(body.map(({ type, schema }) => [type, { schema: schemas.json(schema) }])),
            },
          }
        : {}),
      responses: Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b))),
    };
  };
}

/** Path parameters or the query, one parameter per property of their object schema. */
function fieldParameters(object: Json, where: 'path' | 'query'): Json[] {
  const properties = (object.properties ?? {}) as Record<string, Json>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const isPlainString = (schema: Json): boolean => Object.keys(schema).length === 1 && schema.type === 'string';

/** The problem answers of a route, by status: its own, and those its access and validation imply. */
function problemResponses(r: ApiRoute, validates: boolean): [string, Json][] {
  const codes = new Set<ProblemCode>(r.access === 'customer' ? ['reservation-not-found'] : ['unauthorized']);
  if (r.access === 'admin' || r.access === 'shop' || r.access === 'session') codes.add('forbidden');
  if (validates) codes.add('validation-failed');
  for (const h of Object.values(r.headers ?? {})) if (h.missing) codes.add(h.missing);
  if (r.body) {
    for (const code of ['payload-too-large', 'unsupported-media-type'] as const) codes.add(code);
    if ('application/json' in r.body.content) codes.add('malformed-json');
  }
  for (const code of r.problems ?? []) codes.add(code);

  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEMS[code].status, [...(byStatus.get(PROBLEMS[code].status) ?? []), code]);
  return [...byStatus].map(([status, list]) => {
    const headers = Object.assign({}, ...list.map((code) => PROBLEM_HEADERS[code] ?? {})) as Json;
    const description = list.map((code) => `\`${code}\`: ${ACCESS_PROBLEMS[r.access][code] ?? PROBLEMS[code].title}.`).join(' ').replace(/\.\./g, '.');
    return [
      String(status),
      {
        description,
        ...(Object.keys(headers).length ? { headers } : {}),
        content: { 'application/problem+json': { schema: { $ref: `${SCHEMAS}Problem` } } },
      },
    ];
  });
}

/**
 * Every schema of the document, written in one pass by zod so that a named schema inside
 * another becomes a `$ref` to its component. A schema without a name gets a temporary one
 * and is written inline where it is used.
 */
class SchemaWriter {
  private readonly registry = z.registry<Meta>();
  private inlineCount = 0;
  private generated: Record<string, Json> = {};

  constructor() {
    for (const value of Object.values(contract)) {
      const meta = typeof value === 'object' && value !== null ? contract.docs.get(value as z.ZodMiniType) : undefined;
      if (meta) this.registry.add(value as z.ZodMiniType, meta);
    }
    for (const [schema, meta] of serverSchemas) if (!this.registry.has(schema)) this.registry.add(schema, meta);
    // The Problem answer of every error, whether or not a schema of a route names it.
    this.add(contract.Problem);
  }

  /** Takes a schema into the document; returns the id to look it up by after `generate()`. */
  add(schema: z.ZodMiniType): string {
    if (!this.registry.has(schema)) this.registry.add(schema, { id: `${INLINE}${this.inlineCount++}` });
    return this.registry.get(schema)!.id;
  }

  generate(): void {
    const out = z.toJSONSchema(this.registry, { uri: (id) => `${SCHEMAS}${id}`, unrepresentable: 'any', io: 'input' }) as { schemas: Record<string, Json> };
    for (const [id, schema] of Object.entries(out.schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema;
      this.generated[id] = rest;
    }
  }

  /** The schema for a place in the document: a `$ref` for a named one, the schema itself otherwise. */
  json(id: string): Json {
    return id.startsWith(INLINE) ? this.written(id) : { $ref: `${SCHEMAS}${id}` };
  }

  /** The schema as written, named or not (path and query objects become one parameter per property). */
  written(id: string): Json {
    return this.generated[id]!;
  }

  /** The named schemas the document uses, directly or through another one. */
  components(document: Json): Record<string, Json> {
    const used = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMAS)) {
          const id = value.slice(SCHEMAS.length);
          if (id.startsWith(INLINE)) throw new Error(`openapi: the unnamed schema ${id} is used inside a named one; name it with documented()`);
          if (!used.has(id)) {
            used.add(id);
            visit(this.generated[id]);
          }
        } else visit(value);
      }
    };
    visit(document);
    return Object.fromEntries([...used].sort().map((id) => [id, this.generated[id]!]));
  }
}

/** Reading requests and writing problems, shared by the route table and the pages. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type * as z from 'zod/mini';
import { ProblemError, preferredLang, validationProblem } from './problem.js';

export function problemResponse(c: Context, problem: ProblemError): Response {
  const lang = preferredLang(c.req.header('Accept-Language'));
  const body = JSON.stringify(problem.toProblem(c.req.path, lang));
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json', 'Content-Language': lang, Vary: 'Accept-Language', ...problem.headers };
  return c.body(body, problem.status as 400, headers);
}

/** The request's media type, without parameters, in lower case ('' when there is none). */
export function mediaType(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export const isJsonType = (media: string): boolean => media === 'application/json' || media.endsWith('+json');

/**
 * Checks a value against a schema; a failure is a 400 naming each field. `path` names
 * a value that is not an object (a header): it becomes the start of every error's path.
 */
export function validate<T extends z.ZodMiniType>(schema: T, value: unknown, what: string, path?: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problem = validationProblem(parsed.error.issues, what);
    if (path) for (const e of problem.errors ?? []) e.path = e.path ? `${path}.${e.path}` : path;
    throw problem;
  }
  return parsed.data as z.output<T>;
}

/** A JSON request body, checked against its schema; `what` ("The shop") starts the problem's detail. */
export function parseJsonBody<T extends z.ZodMiniType>(text: string, schema: T, what: string): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ProblemError('malformed-json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  const value = validate(schema, data, what);
  // Nested objects in the contract strip unknown keys (so responses stay forward compatible);
  // in a request, a key the schema dropped is a mistake the sender should hear about.
  const stray = strayKeys(data, value, []);
  if (stray.length) throw validationProblem(stray.map((p) => ({ code: 'unrecognized_keys', path: p.slice(0, -1), keys: [p.at(-1)!], message: '' })), what);
  return value;
}

function strayKeys(input: unknown, output: unknown, path: string[]): string[][] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => strayKeys(item, output[i], [...path, String(i)]));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  const found: string[][] = [];
  for (const key of Object.keys(input)) {
    // Own keys only: `constructor`, `toString` and `__proto__` are "in" every object.
    if (!Object.hasOwn(output, key)) found.push([...path, key]);
    else found.push(...strayKeys(input[key], output[key], [...path, key]));
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The client's address, for limits only (never stored or logged): the connection's, or the
 * first of X-Forwarded-For behind a proxy the operator runs (`TRUST_PROXY=1`).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
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

/** Reading requests and writing problems, shared by every route module. */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ProblemError, validationProblem } from './problem.js';

export function problemResponse(c: Context, problem: ProblemError): Response {
  const body = JSON.stringify(problem.toProblem(c.req.path));
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json', ...problem.headers };
  return c.body(body, problem.status as 400, headers);
}

export function mediaType(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function readJson<T extends z.ZodMiniType>(c: Context, schema: T, what: string): Promise<z.infer<T>> {
  const media = mediaType(c);
  if (media !== 'application/json' && !media.endsWith('+json')) {
    throw new ProblemError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ProblemError(400, 'malformed-json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationProblem(parsed.error.issues, what);
  // Nested objects in the contract strip unknown keys (so responses stay forward compatible);
  // in a request, a key the schema dropped is a mistake the sender should hear about.
  const stray = strayKeys(data, parsed.data, []);
  if (stray.length) throw validationProblem(stray.map((path) => ({ code: 'unrecognized_keys', path: path.slice(0, -1), keys: [path.at(-1)!], message: '' })), what);
  return parsed.data as z.infer<T>;
}

function strayKeys(input: unknown, output: unknown, path: string[]): string[][] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => strayKeys(item, output[i], [...path, String(i)]));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  const found: string[][] = [];
  for (const key of Object.keys(input)) {
    if (!(key in output)) found.push([...path, key]);
    else found.push(...strayKeys(input[key], output[key], [...path, key]));
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseOrThrow<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problem = validationProblem(parsed.error.issues, `The ${what}`);
    if (what !== 'query') {
      // Path parameters: name the parameter in the errors.
      for (const e of problem.errors ?? []) e.path = e.path ? `${what}.${e.path}` : what;
    }
    throw problem;
  }
  return parsed.data as z.infer<T>;
}

/**
 * The two sides the OpenAPI document must agree on: the routes Hono really
 * has (`app.routes`) and the operations the document lists, both as
 * "METHOD /v1/path/{param}".
 */
import type { Hono } from 'hono';

const METHODS = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

/** Every `/v1` route the app answers (middleware entries, method ALL, are not routes). */
export function routedOperations(app: Hono<any>): string[] {
  const found = new Set<string>();
  for (const r of app.routes) {
    if (!METHODS.has(r.method) || !r.path.startsWith('/v1/')) continue;
    found.add(`${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  }
  return [...found].sort();
}

export interface OpenApiLike {
  paths: Record<string, Record<string, { operationId: string; security: Record<string, string[]>[] }>>;
}

export function documentedOperations(doc: OpenApiLike): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)).sort();
}

/** What one side has and the other lacks; both empty when they agree. */
export function compareRoutes(app: Hono<any>, doc: OpenApiLike): { undocumented: string[]; unrouted: string[] } {
  const routed = routedOperations(app);
  const documented = documentedOperations(doc);
  return {
    undocumented: routed.filter((op) => !documented.includes(op)),
    unrouted: documented.filter((op) => !routed.includes(op)),
  };
}

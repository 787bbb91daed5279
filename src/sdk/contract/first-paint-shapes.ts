/**
 * The shapes of the two answers a page's first paint shows (availability, the town), as small
 * JSON-Schema subsets generated from the contract's zod schemas (schemas.ts) by
 * `firstPaintShapes()` below and written to first-paint-shapes.generated.ts by
 * `node --import tsx scripts/first-paint-shapes.ts` (the build runs it; a server test fails when
 * the file is stale). The client checks a first-paint answer against them (client/shape.ts, well
 * under 1 KB with the shapes) while the full validator, zod with every refinement, stays a lazy
 * chunk. Nothing is written twice: the shapes are the schemas' own output.
 */
import * as z from 'zod/mini';
import { Availability, City } from './schemas.js';

/** The keywords client/shape.ts checks; everything else of the JSON Schema is dropped. */
const KEPT = new Set(['type', 'properties', 'required', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems']);

function prune(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prune);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT.has(key)) continue;
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, prune(v)])) : prune(value);
  }
  return out;
}

export function firstPaintShapes(): Record<'Availability' | 'City', unknown> {
  const shape = (schema: z.ZodMiniType) => prune(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
  return { Availability: shape(Availability), City: shape(City) };
}

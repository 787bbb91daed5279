/**
 * Component names and descriptions for the OpenAPI document. `named()` is
 * declared free of side effects, so a browser bundle drops every schema it
 * doesn't use (request bodies, operator types); the server lists them all.
 */
import * as z from 'zod/mini';

export const docs = new WeakMap<z.ZodMiniType, { id: string; description?: string }>();

/*#__NO_SIDE_EFFECTS__*/
export function named<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  docs.set(schema, description ? { id, description } : { id });
  return schema;
}

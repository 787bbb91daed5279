/**
 * Checks an answer against a JSON-Schema subset generated from the contract
 * (contract/first-paint-shapes.ts): types, required fields, enums, patterns, lengths and ranges,
 * not zod's refinements (check digits and the like), which the full validator adds once loaded.
 * Returns where the answer first differs, or undefined when it matches.
 */
export interface Shape {
  type?: string | string[];
  properties?: Record<string, Shape>;
  required?: string[];
  items?: Shape;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Shape[];
  oneOf?: Shape[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

export function shapeError(value: unknown, shape: Shape, path = ''): string | undefined {
  const at = path || 'top level';
  const alternatives = shape.anyOf ?? shape.oneOf;
  if (alternatives) return alternatives.some((s) => !shapeError(value, s, path)) ? undefined : `${at}: none of the alternatives`;
  if (shape.type) {
    const t = typeOf(value);
    const types = ([] as string[]).concat(shape.type);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return `${at}: expected ${types.join(' or ')}`;
  }
  if ('const' in shape && value !== shape.const) return `${at}: expected ${JSON.stringify(shape.const)}`;
  if (shape.enum && !shape.enum.includes(value)) return `${at}: not one of ${shape.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (shape.pattern && !new RegExp(shape.pattern).test(value)) return `${at}: does not match ${shape.pattern}`;
    if (value.length < (shape.minLength ?? 0) || value.length > (shape.maxLength ?? Infinity)) return `${at}: length`;
  }
  if (typeof value === 'number' && (value < (shape.minimum ?? -Infinity) || value > (shape.maximum ?? Infinity))) return `${at}: out of range`;
  if (Array.isArray(value)) {
    if (value.length > (shape.maxItems ?? Infinity)) return `${at}: too many items`;
    for (let i = 0; i < value.length; i++) {
      const error = shape.items && shapeError(value[i], shape.items, `${path}.${i}`);
      if (error) return error;
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of shape.required ?? []) if (record[key] === undefined) return `${path}.${key}: missing`;
    for (const [key, sub] of Object.entries(shape.properties ?? {})) {
      if (record[key] === undefined) continue;
      const error = shapeError(record[key], sub, `${path}.${key}`);
      if (error) return error;
    }
  }
  return undefined;
}

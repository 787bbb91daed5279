/**
 * Every problem the endpoint answers with (RFC 9457 `code`, also the end of its
 * `type`: `urn:citylab:problem:<code>`), with its HTTP status and title. The
 * endpoint can only throw these; the elements and the dashboard compare typed
 * codes, so a renamed code is a type error on both sides, not a silent mismatch.
 *
 * Plain data without zod: the elements import it in their first chunk.
 */
export const PROBLEMS = {
  'not-found': { status: 404, title: 'Not found' },
  'route-not-found': { status: 404, title: 'No such route' },
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  'validation-failed': { status: 400, title: 'Invalid request' },
  'invalid-feed': { status: 422, title: 'Inventory feed rejected' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'store-not-found': { status: 404, title: 'Store not found' },
  'product-not-found': { status: 404, title: 'Product not found' },
  'city-not-configured': { status: 404, title: 'Town not configured' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'insufficient-stock': { status: 409, title: 'Not enough in stock' },
  'not-reservable': { status: 409, title: 'Cannot be reserved' },
  'idempotency-key-missing': { status: 400, title: 'Idempotency-Key required' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key used for another request' },
  'request-in-progress': { status: 409, title: 'Request in progress' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'invalid-transition': { status: 409, title: 'Status change not possible' },
  'reservation-not-found': { status: 404, title: 'Reservation not found' },
  'not-ready': { status: 503, title: 'Not ready' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** A code this version knows (a newer endpoint may send codes an older client has never heard of). */
export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEMS, code);
}

/** The problem's `type` URI for a code. */
export const problemType = (code: ProblemCode): string => `urn:citylab:problem:${code}`;

/**
 * The contract between the endpoint and the elements: every schema, by subject
 * in schemas/ (primitives and opening hours, stores, products and availability,
 * the town, reservations).
 *
 * Written with zod/mini so that browser code that imports it stays small; the
 * server validates requests with the same schemas, the client parses responses
 * with them, and `GET /v1/openapi.json` is generated from them. Types are
 * inferred here and nowhere written twice.
 *
 * Responses are parsed with plain (stripping) objects so an older client keeps
 * working when the endpoint adds a field; request bodies are strict, so a typo
 * in a shop's feed is an error instead of being silently ignored.
 */
export { docs } from './schemas/named.js';
export * from './schemas/primitives.js';
export * from './schemas/stores.js';
export * from './schemas/products.js';
export * from './schemas/city.js';
export * from './schemas/reservations.js';
export * from './schemas/dashboard.js';
export * from './schemas/stock-feed.js';
export * from './schemas/operator.js';

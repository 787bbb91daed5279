/**
 * `citylab-sdk/client`: the typed client of the city availability endpoint,
 * without any element (and without Lit). Responses are checked against the
 * contract's schemas, which load as their own chunk with the first request.
 */
export { CitylabClient, clientFor, verifyAnswers } from './client.js';
export type { AvailabilityRequest, ClientError, ClientErrorKind, ClientOptions, Result } from './client.js';
export { resolveEndpoint, setDefaultEndpoint } from './endpoint.js';
export type * from '../contract/schemas.js';

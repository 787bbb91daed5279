/**
 * What the client loads lazily to check answers (client.ts `loadContract`; named so, its chunk is the page's `schemas-*.js`): the contract's schemas
 * (zod) and the problem codes an error answer is compared with. Both are needed only once an answer
 * is checked in full or an error arrives, never by a first paint, so neither is in the elements'
 * first chunk.
 */
export * from '../contract/schemas.js';
export { isProblemCode } from '../contract/problems.js';

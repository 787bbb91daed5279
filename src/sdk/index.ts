/**
 * The npm package's public surface: element classes, event types and the
 * endpoint client. Importing it registers nothing; import `citylab-sdk/define`
 * (all elements) or an element's own define module for that.
 */
export { CitylabArViewer } from './elements/ar-viewer/ar-viewer.js';
export type { ArViewerArStatus, ArViewerLoading, ArViewerReveal, ArViewerState } from './elements/ar-viewer/ar-viewer.js';
export { CitylabStoreFinder } from './elements/store-finder/store-finder.js';
export { CitylabClickCollect, type ClickCollectOpenOptions, type ClickCollectStatus } from './elements/click-collect/click-collect.js';
export { CitylabClient, clientFor, verifyAnswers } from './client/client.js';
export type { AvailabilityRequest, ClientError, ClientErrorKind, ClientOptions, Result } from './client/client.js';
export { resolveEndpoint, setDefaultEndpoint } from './client/endpoint.js';
export type * from './contract/schemas.js';
export type * from './events.js';

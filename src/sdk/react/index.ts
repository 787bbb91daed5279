/**
 * `citylab-sdk/react`: the elements as React components (made with @lit/react,
 * as Shoelace's `dist/react`). Each one registers its element when it is
 * imported; a bundle keeps only the ones a page uses. Properties are set as
 * properties, and every `citylab-…` event is an `onCitylab…` prop:
 *
 *   <CitylabStoreFinder gtin="2004317130014" onCitylabStoreSelect={(e) => e.detail.store} />
 *
 * It also carries the JSX typings of the plain tags (see jsx.ts).
 */
export { CitylabArViewer } from './ar-viewer.js';
export { CitylabClickCollect } from './click-collect.js';
export { CitylabStoreFinder } from './store-finder.js';
export type { CitylabReactComponent, CitylabReactEventProps } from './internal/wrap.js';
export type { CitylabElementAttributes, CitylabElementProperties, CitylabIntrinsicElements, CitylabJsxEventHandlers, CitylabJsxProps } from './jsx.js';

/**
 * What React needs to know about each element that its class does not say in types:
 * its tag, the attributes Lit observes (and the property each one sets), the ones
 * that only report state, and the events it fires. The wrappers (`citylab-sdk/react`)
 * and the JSX typings of the plain tags (`citylab-sdk/react/jsx`) are both made from
 * this table; the types of properties, attributes and event details come from the
 * element classes and events.ts.
 *
 * A table cannot be inferred from the classes, so test/browser/react.test.tsx holds it
 * against the sources: the attributes against each class's `elementProperties`
 * (what Lit really observes), the tags against the registry, and the events and the
 * read-only attributes against custom-elements.json (the elements' JSDoc).
 *
 * Each entry is its own constant, so a bundle that uses one wrapper keeps only that
 * element's class.
 */
import { CitylabArViewer } from '../elements/ar-viewer/ar-viewer.js';
import { CitylabClickCollect } from '../elements/click-collect/click-collect.js';
import { CitylabStoreFinder } from '../elements/store-finder/store-finder.js';
import type { CitylabEventDetails } from '../events.js';

export type CitylabEventName = keyof CitylabEventDetails;

/** One entry of the table, whichever element it describes. */
export interface CitylabElementEntry {
  readonly tag: `citylab-${string}`;
  readonly elementClass: new () => HTMLElement;
  /** Every attribute the element observes → the property it sets. */
  readonly attributes: { readonly [attribute: string]: string };
  /** Attributes reflected so CSS can follow the element's state; a page reads them, never sets them. */
  readonly readOnly: readonly string[];
  /** The events the element fires (its `@event` JSDoc). */
  readonly events: readonly CitylabEventName[];
}

/** An entry checked against its class: every attribute names one of its properties. */
export interface CitylabElementSpec<C extends HTMLElement> extends CitylabElementEntry {
  readonly elementClass: new () => C;
  readonly attributes: { readonly [attribute: string]: keyof C & string };
}

/** The element an entry describes. */
export type CitylabElementOf<S extends CitylabElementEntry> = InstanceType<S['elementClass']>;

export const arViewer = {
  tag: 'citylab-ar-viewer',
  elementClass: CitylabArViewer,
  attributes: {
    gtin: 'gtin',
    src: 'src',
    'ios-src': 'iosSrc',
    poster: 'poster',
    alt: 'alt',
    endpoint: 'endpoint',
    loading: 'loading',
    reveal: 'reveal',
    'ar-placement': 'arPlacement',
    'ar-scale': 'arScale',
    'ar-link': 'arLink',
    'auto-rotate': 'autoRotate',
    state: 'viewState',
    'ar-status': 'arStatus',
  },
  readOnly: ['state', 'ar-status'],
  events: ['citylab-model-load', 'citylab-ar-status', 'citylab-find-in-store', 'citylab-error'],
} as const satisfies CitylabElementSpec<CitylabArViewer>;

export const clickCollect = {
  tag: 'citylab-click-collect',
  elementClass: CitylabClickCollect,
  attributes: { gtin: 'gtin', store: 'store', sku: 'sku', endpoint: 'endpoint', status: 'status' },
  readOnly: ['status'],
  events: ['citylab-reserve', 'citylab-reserved', 'citylab-error'],
} as const satisfies CitylabElementSpec<CitylabClickCollect>;

export const storeFinder = {
  tag: 'citylab-store-finder',
  elementClass: CitylabStoreFinder,
  attributes: { gtin: 'gtin', store: 'store', sku: 'sku', endpoint: 'endpoint', 'in-stock-only': 'inStockOnly', limit: 'limit' },
  readOnly: [],
  events: ['citylab-store-select', 'citylab-error'],
} as const satisfies CitylabElementSpec<CitylabStoreFinder>;

/** All of them (for the JSX typings and the tests; the wrappers take their own entry). */
export const citylabElements = [arViewer, clickCollect, storeFinder] as const;
export type CitylabElements = (typeof citylabElements)[number];

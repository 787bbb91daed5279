/**
 * What React needs to know about an element that its class does not say in types:
 * its tag, the attributes Lit observes (and the property each one sets), the ones
 * that only report state, and the events it fires. Each wrapper module holds its
 * element's entry; the wrappers and the JSX typings of the plain tags are made from
 * them, while the types of properties, attributes and event details come from the
 * element classes and events.ts.
 *
 * An entry cannot be inferred from the class, so test/browser/react.test.tsx holds
 * each against the sources: the attributes against the class's `elementProperties`
 * (what Lit really observes), the tag against the registry, the events and the
 * read-only attributes against custom-elements.json (the elements' JSDoc).
 */
import type { CitylabEventDetails } from '../events.js';

export type CitylabEventName = keyof CitylabEventDetails;

/** One entry, whichever element it describes. */
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

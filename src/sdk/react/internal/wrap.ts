/**
 * A React component for one element, made with @lit/react: props the element has
 * as properties are set as properties, and each of its `citylab-…` events is an
 * `onCitylab…` prop (`citylab-store-select` → `onCitylabStoreSelect`).
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import type React from 'react';
import type { CitylabEventDetails } from '../../events.js';
import type { CitylabElementEntry, CitylabElementOf, CitylabEventName } from '../element-spec.js';

type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;

/** `citylab-store-select` → `CitylabStoreSelect`; also the wrappers' display names (`citylab-store-finder` → `CitylabStoreFinder`). */
export const pascalCase = <S extends string>(name: S): PascalCase<S> =>
  name.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase()) as PascalCase<S>;

/** The wrapper's prop for an event: `on` + its name in PascalCase. */
export type CitylabReactEventProps<E extends CitylabEventName> = {
  [N in E as `on${PascalCase<N>}`]: EventName<CustomEvent<CitylabEventDetails[N]>>;
};

export type CitylabReactComponent<S extends CitylabElementEntry> = ReactWebComponent<CitylabElementOf<S>, CitylabReactEventProps<S['events'][number]>>;

export function wrap<S extends CitylabElementEntry>(react: typeof React, spec: S): CitylabReactComponent<S> {
  const events = Object.fromEntries(spec.events.map((name) => [`on${pascalCase(name)}`, name])) as CitylabReactEventProps<S['events'][number]>;
  return createComponent({ react, tagName: spec.tag, elementClass: spec.elementClass as new () => CitylabElementOf<S>, events, displayName: pascalCase(spec.tag) });
}

/**
 * JSX typings for the plain tags in React 19, which passes a custom element's
 * props on by itself: a prop the element has as a property is set as that
 * property (`endpoint`, `client`, `inStockOnly`), any other as an attribute
 * (`in-stock-only`, `lang`), and a function prop named `on` + the event's exact
 * name (`oncitylab-store-select`) is added as a listener for that event
 * (react-dom's setPropOnCustomElement). Register the elements before React
 * renders them (`import 'citylab-sdk/define'`): until then every prop is an
 * attribute, and data such as `client` would be lost.
 *
 *   import type {} from 'citylab-sdk/react/jsx';
 *
 * Types only, nothing runs. Properties are typed from the element classes,
 * attributes from the property they set, event handlers from events.ts.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { CitylabEventDetails } from '../events.js';
import type { CitylabElementEntry, CitylabElementOf, CitylabEventName } from './element-spec.js';
import type { CitylabElements } from './elements.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
/** Keys a page can assign (no getter without a setter) that hold data (no method). */
type AssignableDataKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];

type ReadOnlyAttribute<S extends CitylabElementEntry> = S['readOnly'][number];
type ReadOnlyProperty<S extends CitylabElementEntry> = S['attributes'][ReadOnlyAttribute<S>];

/** The element's own public properties (LitElement's and HTMLElement's are React's `HTMLAttributes`). */
export type CitylabElementProperties<S extends CitylabElementEntry> = {
  [K in Exclude<AssignableDataKeys<Omit<CitylabElementOf<S>, keyof LitElement>>, ReadOnlyProperty<S>>]?: CitylabElementOf<S>[K];
};

/** Its attributes, each typed as the property it sets (`in-stock-only` → `inStockOnly: boolean`). */
export type CitylabElementAttributes<S extends CitylabElementEntry> = {
  [A in Exclude<keyof S['attributes'], ReadOnlyAttribute<S>>]?: S['attributes'][A] extends keyof CitylabElementOf<S> ? CitylabElementOf<S>[S['attributes'][A]] : never;
};

/** `oncitylab-…` listeners, as React 19 names them: `on` + the event's name. */
export type CitylabJsxEventHandlers<E extends CitylabEventName> = {
  [N in E as `on${N}`]?: (event: CustomEvent<CitylabEventDetails[N]>) => void;
};

type OwnProps<S extends CitylabElementEntry> = CitylabElementProperties<S> & CitylabElementAttributes<S> & CitylabJsxEventHandlers<S['events'][number]>;

/** Everything a plain `<citylab-…>` tag takes in JSX: React's HTML attributes (`lang`, `className`, `ref` …) and the element's own. */
export type CitylabJsxProps<S extends CitylabElementEntry> = Omit<DetailedHTMLProps<HTMLAttributes<CitylabElementOf<S>>, CitylabElementOf<S>>, keyof OwnProps<S>> & OwnProps<S>;

export type CitylabIntrinsicElements = { [S in CitylabElements as S['tag']]: CitylabJsxProps<S> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends CitylabIntrinsicElements {}
  }
}

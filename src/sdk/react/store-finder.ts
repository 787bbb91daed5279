/** `<citylab-store-finder>` (which shops in town have it) for React; importing it registers the element. */
import * as React from 'react';
import '../elements/store-finder/define.js';
import { CitylabStoreFinder as StoreFinderElement } from '../elements/store-finder/store-finder.js';
import type { CitylabElementSpec } from './element-spec.js';
import { wrap } from './internal/wrap.js';

export const storeFinder = {
  tag: 'citylab-store-finder',
  elementClass: StoreFinderElement,
  attributes: { gtin: 'gtin', store: 'store', sku: 'sku', endpoint: 'endpoint', 'in-stock-only': 'inStockOnly', limit: 'limit' },
  readOnly: [],
  events: ['citylab-store-select', 'citylab-error'],
} as const satisfies CitylabElementSpec<StoreFinderElement>;

export const CitylabStoreFinder = /* @__PURE__ */ wrap(React, storeFinder);

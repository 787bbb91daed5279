/** `<citylab-click-collect>` (reserve, then collect in the shop) for React; importing it registers the element. */
import * as React from 'react';
import '../elements/click-collect/define.js';
import { CitylabClickCollect as ClickCollectElement } from '../elements/click-collect/click-collect.js';
import type { CitylabElementSpec } from './element-spec.js';
import { wrap } from './internal/wrap.js';

export const clickCollect = {
  tag: 'citylab-click-collect',
  elementClass: ClickCollectElement,
  attributes: { gtin: 'gtin', store: 'store', sku: 'sku', endpoint: 'endpoint', status: 'status' },
  readOnly: ['status'],
  events: ['citylab-reserve', 'citylab-reserved', 'citylab-error'],
} as const satisfies CitylabElementSpec<ClickCollectElement>;

export const CitylabClickCollect = /* @__PURE__ */ wrap(React, clickCollect);

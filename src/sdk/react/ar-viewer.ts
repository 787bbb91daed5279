/** `<citylab-ar-viewer>` (the product in 3D and AR) for React; importing it registers the element. */
import * as React from 'react';
import '../elements/ar-viewer/define.js';
import { CitylabArViewer as ArViewerElement } from '../elements/ar-viewer/ar-viewer.js';
import type { CitylabElementSpec } from './element-spec.js';
import { wrap } from './internal/wrap.js';

export const arViewer = {
  tag: 'citylab-ar-viewer',
  elementClass: ArViewerElement,
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
} as const satisfies CitylabElementSpec<ArViewerElement>;

export const CitylabArViewer = /* @__PURE__ */ wrap(React, arViewer);

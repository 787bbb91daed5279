/** `<citylab-ar-viewer>` (the product in 3D and AR) as a React component; importing it registers the element. */
import * as React from 'react';
import '../elements/ar-viewer/define.js';
import { arViewer } from './elements.js';
import { wrap } from './internal/wrap.js';

export const CitylabArViewer = /* @__PURE__ */ wrap(React, arViewer);

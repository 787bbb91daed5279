/** `<citylab-store-finder>` (which shops in town have it) as a React component; importing it registers the element. */
import * as React from 'react';
import '../elements/store-finder/define.js';
import { storeFinder } from './elements.js';
import { wrap } from './internal/wrap.js';

export const CitylabStoreFinder = /* @__PURE__ */ wrap(React, storeFinder);

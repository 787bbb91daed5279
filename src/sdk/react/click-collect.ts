/** `<citylab-click-collect>` (reserve and collect) as a React component; importing it registers the element. */
import * as React from 'react';
import '../elements/click-collect/define.js';
import { clickCollect } from './elements.js';
import { wrap } from './internal/wrap.js';

export const CitylabClickCollect = /* @__PURE__ */ wrap(React, clickCollect);

/**
 * Entry of the script-tag bundle (dist/citylab.js). A shop owner pastes
 *
 *   <script type="module" src="https://<town endpoint>/sdk/citylab.js"></script>
 *
 * and every CityLab element on the page works: each one's code is loaded when
 * its tag appears (see autoload.ts), from the same place as this file, and the
 * elements talk to that endpoint.
 */
import './script-origin.js';
import { autoload } from './autoload.js';

autoload();

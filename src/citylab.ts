/**
 * Entry of the script-tag bundle (dist/citylab.js): registers every element on
 * import and exposes the same API as the npm package.
 *
 *   <script type="module" src="https://<town endpoint>/sdk/citylab.js"></script>
 */
import './script-origin.js';
import './define.js';

export * from './index.js';

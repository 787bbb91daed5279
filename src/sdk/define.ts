/**
 * Registers every CityLab element: the only module with side effects besides
 * each element's own define.ts (see package.json `sideEffects`).
 */
import './elements/store-finder/define.js';
import './elements/ar-viewer/define.js';
import './elements/click-collect/define.js';

/**
 * `citylab-models` as a library: what the CLI does (`validate`, `optimize`,
 * `poster`), for a shop system's or an agency's own build.
 */
export { AR_BUDGETS, checkBudgets, type BudgetCheck } from './budgets.js';
export { validateModel, type ValidationResult } from './validate.js';
export { optimizeModel, type GeometryCompression, type OptimizeOptions, type OptimizeResult } from './optimize.js';
export { renderPoster, renderPosters, type PosterJob, type PosterOptions, type PosterResult } from './poster.js';
export { findChrome, chromeArgs } from './chrome.js';
export type { ModelStats } from './stats.js';

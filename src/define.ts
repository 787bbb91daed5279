/**
 * Registers every CityLab element (the only module with side effects besides
 * each element's own define.ts). PLACEHOLDER: import each
 * `./elements/<name>/define.js` here as the elements are written.
 */
export {};

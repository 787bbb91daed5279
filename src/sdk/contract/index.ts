/**
 * The contract between the endpoint and the elements, as one module: the zod
 * schemas and their inferred types, GTIN arithmetic, distances, opening hours
 * in a shop's time zone, the hold window, and how the viewer frames a model.
 *
 * The elements, the endpoint (`citylab-server`) and the model pipeline
 * (`citylab-models`) import it from here (`citylab-sdk/contract`); nothing
 * both sides must agree on is written anywhere else.
 */
export * from './schemas.js';
export * from './gtin.js';
export * from './geo.js';
export * from './opening-hours.js';
export * from './hold-window.js';
export * from './model-camera.js';
export * from './problems.js';
export * from './reservations.js';
export * from './availability.js';
export * from './insights.js';
export * from './stock.js';

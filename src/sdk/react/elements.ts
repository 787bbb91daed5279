/**
 * Every element's entry (see element-spec.ts), for the JSX typings of the plain tags and
 * the tests. Each wrapper module holds its own entry, so a bundle that uses one wrapper
 * never imports the other elements, whatever its bundler knows about `sideEffects`.
 */
import { arViewer } from './ar-viewer.js';
import { clickCollect } from './click-collect.js';
import { storeFinder } from './store-finder.js';

export const citylabElements = [arViewer, clickCollect, storeFinder] as const;
export type CitylabElements = (typeof citylabElements)[number];

/** The English words of <citylab-ar-viewer>: a lazy chunk, loaded only when an element speaks English (strings.ts has the German). */
import type { ArViewerStrings } from './strings.js';
import { unreachable } from '../internal/unreachable.js';

export const en: ArViewerStrings = {
  model: '3D model',
  view3d: 'View in 3D',
  view3dLabel: (name) => `View in 3D: ${name}`,
  viewInRoom: 'View in your room',
  viewInRoomLabel: (name) => `View in your room: ${name}`,
  dimensions: 'Size',
  inStock: (n, withDisplay) =>
    `${withDisplay ? 'In stock or on display' : 'In stock'} in ${n} ${n === 1 ? 'shop' : 'shops'} nearby`,
  noModel: 'There is no 3D view of this product yet.',
  modelFailed: 'The 3D model could not be loaded just now. The photo stays; please try again later.',
  productFailed: unreachable.en,
  productUnknown: 'There are no details about this product here at the moment.',
  configMissing: 'The 3D view is not set up on this page yet.',
  arFailed: 'The in-room view did not start. Please tap "View in your room" again.',
  dimensionsFailed: 'The size could not be loaded just now. Please tap "Size" again.',
};

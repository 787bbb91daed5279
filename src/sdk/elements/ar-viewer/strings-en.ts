/** The English words of <citylab-ar-viewer>: a lazy chunk, loaded only when an element speaks English (strings.ts has the German). */
import type { ArViewerStrings } from './strings.js';
import { unreachable } from '../internal/unreachable.js';

export const en: ArViewerStrings = {
  model: '3D model',
  view3d: 'View in 3D',
  view3dLabel: (name) => `View in 3D: ${name}`,
  loadingEngine: 'Loading the 3D view …',
  loadingModel: (percent) => `Loading the 3D model … ${percent} %`,
  progressLabel: 'Loading progress of the 3D view',
  viewInRoom: 'View in your room',
  viewInRoomLabel: (name) => `View in your room: ${name}`,
  dimensions: 'Size',
  dimensionsValue: (w, h, d) => `W ${w} × H ${h} × D ${d} cm`,
  dimensionsLabel: (w, h, d) => `Width ${w} cm, height ${h} cm, depth ${d} cm`,
  inStock: (n, withDisplay) =>
    `${withDisplay ? 'In stock or on display' : 'In stock'} in ${n} ${n === 1 ? 'shop' : 'shops'} nearby`,
  inStockHint: 'Show shops',
  noModel: 'There is no 3D view of this product yet.',
  modelFailed: 'The 3D model could not be loaded just now. The photo stays; please try again later.',
  noWebgl: 'Your browser cannot show 3D views. On a smartphone you can view the product in your room.',
  productFailed: unreachable.en,
  productUnknown: 'There are no details about this product here at the moment.',
  configMissing: 'The 3D view is not set up on this page yet.',
  arUnsupported: 'This device cannot start the in-room view. You can turn the product in 3D here.',
  arInApp: (app) =>
    `The in-room view cannot start inside ${app ? `the ${app} app` : 'this app'}. Open the page in your browser (menu "…" › "Open in browser").`,
  arFailed: 'The in-room view did not start. Please tap "View in your room" again.',
  arPreparing: 'Preparing the in-room view …',
  arFromQr: 'Tap "View in your room" to place the product at its real size in your room.',
  qrTitle: 'View in your room with your smartphone',
  qrText: 'Scan the code with your smartphone\'s camera. The page opens there, and one tap places the product at its real size in your room.',
  qrImageLabel: 'QR code with the link to this page',
  qrLink: 'Or open this link on your smartphone:',
  close: 'Close',
};

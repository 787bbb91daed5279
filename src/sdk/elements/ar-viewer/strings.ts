/**
 * The words <citylab-ar-viewer> shows before the shopper shows interest, one
 * catalogue per language (the rest, both languages together, come with the lazy
 * part: strings-3d.ts). German first and in the "Sie" register German shops use;
 * English mirrors it. Errors say what happened and what to do next, and never
 * blame the shopper.
 */
import type { Catalogue } from '../internal/citylab-element.js';
import { unreachable } from '../internal/unreachable.js';

export interface ArViewerStrings {
  /** Fallback name of the model when neither `alt` nor a product name is known. */
  model: string;
  view3d: string;
  /** Starts with the visible words, so speech input users can say what they see. */
  view3dLabel: (name: string) => string;
  viewInRoom: string;
  viewInRoomLabel: (name: string) => string;
  dimensions: string;
  inStock: (n: number, withDisplay: boolean) => string;
  noModel: string;
  modelFailed: string;
  productFailed: string;
  productUnknown: string;
  configMissing: string;
  arFailed: string;
  /** The size's code (it comes on intent) could not be loaded, offline say: a second press tries again. */
  dimensionsFailed: string;
}

export const de: ArViewerStrings = {
  model: '3D-Modell',
  view3d: 'In 3D ansehen',
  view3dLabel: (name) => `In 3D ansehen: ${name}`,
  viewInRoom: 'In Ihrem Raum ansehen',
  viewInRoomLabel: (name) => `In Ihrem Raum ansehen: ${name}`,
  dimensions: 'Maße',
  inStock: (n, withDisplay) =>
    `In ${n} ${n === 1 ? 'Geschäft' : 'Geschäften'} in der Nähe ${withDisplay ? 'vorrätig oder ausgestellt' : 'vorrätig'}`,
  noModel: 'Für dieses Produkt gibt es noch keine 3D-Ansicht.',
  modelFailed: 'Das 3D-Modell ließ sich gerade nicht laden. Das Foto bleibt sichtbar; versuchen Sie es später noch einmal.',
  productFailed: unreachable.de,
  productUnknown: 'Zu diesem Produkt gibt es hier gerade keine Angaben.',
  configMissing: 'Die 3D-Ansicht ist auf dieser Seite noch nicht eingerichtet.',
  arFailed: 'Die Raumansicht ließ sich nicht starten. Bitte tippen Sie noch einmal auf „In Ihrem Raum ansehen“.',
  dimensionsFailed: 'Die Maße ließen sich gerade nicht laden. Bitte tippen Sie noch einmal auf „Maße“.',
};

/** German here; English, which a German page never needs, arrives when an element speaks it (strings-en.ts). */
export const catalogue: Catalogue<ArViewerStrings> = { de, en: () => import('./strings-en.js').then((m) => m.en) };

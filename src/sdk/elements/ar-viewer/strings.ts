/**
 * Every word <citylab-ar-viewer> shows, one catalogue per language. German
 * first and in the "Sie" register German shops use; English mirrors it.
 * Errors say what happened and what to do next, and never blame the shopper.
 */
import type { Catalogue } from '../internal/citylab-element.js';
import { unreachable } from '../internal/unreachable.js';

export interface ArViewerStrings {
  /** Fallback name of the model when neither `alt` nor a product name is known. */
  model: string;
  view3d: string;
  /** Starts with the visible words, so speech input users can say what they see. */
  view3dLabel: (name: string) => string;
  loadingEngine: string;
  loadingModel: (percent: number) => string;
  progressLabel: string;
  viewInRoom: string;
  viewInRoomLabel: (name: string) => string;
  dimensions: string;
  /** "B 75 × H 80 × T 80 cm" */
  dimensionsValue: (w: string, h: string, d: string) => string;
  dimensionsLabel: (w: string, h: string, d: string) => string;
  inStock: (n: number, withDisplay: boolean) => string;
  inStockHint: string;
  noModel: string;
  modelFailed: string;
  noWebgl: string;
  productFailed: string;
  productUnknown: string;
  configMissing: string;
  arUnsupported: string;
  arInApp: (app: string | undefined) => string;
  arFailed: string;
  arPreparing: string;
  arFromQr: string;
  qrTitle: string;
  qrText: string;
  qrImageLabel: string;
  qrLink: string;
  close: string;
}

export const de: ArViewerStrings = {
  model: '3D-Modell',
  view3d: 'In 3D ansehen',
  view3dLabel: (name) => `In 3D ansehen: ${name}`,
  loadingEngine: '3D-Ansicht wird geladen …',
  loadingModel: (percent) => `3D-Modell wird geladen … ${percent} %`,
  progressLabel: 'Ladefortschritt der 3D-Ansicht',
  viewInRoom: 'In Ihrem Raum ansehen',
  viewInRoomLabel: (name) => `In Ihrem Raum ansehen: ${name}`,
  dimensions: 'Maße',
  dimensionsValue: (w, h, d) => `B ${w} × H ${h} × T ${d} cm`,
  dimensionsLabel: (w, h, d) => `Breite ${w} cm, Höhe ${h} cm, Tiefe ${d} cm`,
  inStock: (n, withDisplay) =>
    `In ${n} ${n === 1 ? 'Geschäft' : 'Geschäften'} in der Nähe ${withDisplay ? 'vorrätig oder ausgestellt' : 'vorrätig'}`,
  inStockHint: 'Geschäfte anzeigen',
  noModel: 'Für dieses Produkt gibt es noch keine 3D-Ansicht.',
  modelFailed: 'Das 3D-Modell ließ sich gerade nicht laden. Das Foto bleibt sichtbar; versuchen Sie es später noch einmal.',
  noWebgl: 'Ihr Browser kann keine 3D-Ansicht darstellen. Auf dem Smartphone können Sie das Produkt in Ihrem Raum ansehen.',
  productFailed: unreachable.de,
  productUnknown: 'Zu diesem Produkt gibt es hier gerade keine Angaben.',
  configMissing: 'Die 3D-Ansicht ist auf dieser Seite noch nicht eingerichtet.',
  arUnsupported: 'Auf diesem Gerät lässt sich die Raumansicht nicht starten. Sie können das Produkt hier in 3D drehen.',
  arInApp: (app) =>
    `In ${app ? `der ${app}-App` : 'dieser App'} lässt sich die Raumansicht nicht starten. Öffnen Sie die Seite in Ihrem Browser (Menü „…“ › „Im Browser öffnen“).`,
  arFailed: 'Die Raumansicht ließ sich nicht starten. Bitte tippen Sie noch einmal auf „In Ihrem Raum ansehen“.',
  arPreparing: 'Die Raumansicht wird vorbereitet …',
  arFromQr: 'Tippen Sie auf „In Ihrem Raum ansehen“, um das Produkt in Originalgröße in Ihren Raum zu stellen.',
  qrTitle: 'Mit dem Smartphone in Ihrem Raum ansehen',
  qrText: 'Scannen Sie den Code mit der Kamera Ihres Smartphones. Die Seite öffnet sich dort, und ein Tippen stellt das Produkt in Originalgröße in Ihren Raum.',
  qrImageLabel: 'QR-Code mit dem Link zu dieser Seite',
  qrLink: 'Oder öffnen Sie diesen Link auf dem Smartphone:',
  close: 'Schließen',
};

/** German here; English, which a German page never needs, arrives when an element speaks it (strings-en.ts). */
export const catalogue: Catalogue<ArViewerStrings> = { de, en: () => import('./strings-en.js').then((m) => m.en) };

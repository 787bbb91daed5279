/**
 * The words <citylab-ar-viewer> says only once the shopper has shown interest: the size
 * behind "Maße", while the 3D view loads, about AR, and in the desktop's QR dialog. Both languages together,
 * in the lazy part (internal/viewer-3d.ts), so a product page's first paint carries none of them;
 * strings.ts has the words the first paint shows.
 */
import type { Lang } from '../internal/lang.js';

export interface ArViewerWords3d {
  /** "B 75 × H 80 × T 80 cm" */
  dimensionsValue: (w: string, h: string, d: string) => string;
  dimensionsLabel: (w: string, h: string, d: string) => string;
  loadingEngine: string;
  loadingModel: (percent: number) => string;
  progressLabel: string;
  noWebgl: string;
  arUnsupported: string;
  arInApp: (app: string | undefined) => string;
  arPreparing: string;
  arFromQr: string;
  qrTitle: string;
  qrText: string;
  qrImageLabel: string;
  qrLink: string;
  close: string;
}

export const words3d: Record<Lang, ArViewerWords3d> = {
  de: {
    dimensionsValue: (w, h, d) => `B ${w} × H ${h} × T ${d} cm`,
    dimensionsLabel: (w, h, d) => `Breite ${w} cm, Höhe ${h} cm, Tiefe ${d} cm`,
    loadingEngine: '3D-Ansicht wird geladen …',
    loadingModel: (percent) => `3D-Modell wird geladen … ${percent} %`,
    progressLabel: 'Ladefortschritt der 3D-Ansicht',
    noWebgl: 'Ihr Browser kann keine 3D-Ansicht darstellen. Auf dem Smartphone können Sie das Produkt in Ihrem Raum ansehen.',
    arUnsupported: 'Auf diesem Gerät lässt sich die Raumansicht nicht starten. Sie können das Produkt hier in 3D drehen.',
    arInApp: (app) =>
      `In ${app ? `der ${app}-App` : 'dieser App'} lässt sich die Raumansicht nicht starten. Öffnen Sie die Seite in Ihrem Browser (Menü „…“ › „Im Browser öffnen“).`,
    arPreparing: 'Die Raumansicht wird vorbereitet …',
    arFromQr: 'Tippen Sie auf „In Ihrem Raum ansehen“, um das Produkt in Originalgröße in Ihren Raum zu stellen.',
    qrTitle: 'Mit dem Smartphone in Ihrem Raum ansehen',
    qrText: 'Scannen Sie den Code mit der Kamera Ihres Smartphones. Die Seite öffnet sich dort, und ein Tippen stellt das Produkt in Originalgröße in Ihren Raum.',
    qrImageLabel: 'QR-Code mit dem Link zu dieser Seite',
    qrLink: 'Oder öffnen Sie diesen Link auf dem Smartphone:',
    close: 'Schließen',
  },
  en: {
    dimensionsValue: (w, h, d) => `W ${w} × H ${h} × D ${d} cm`,
    dimensionsLabel: (w, h, d) => `Width ${w} cm, height ${h} cm, depth ${d} cm`,
    loadingEngine: 'Loading the 3D view …',
    loadingModel: (percent) => `Loading the 3D model … ${percent} %`,
    progressLabel: 'Loading progress of the 3D view',
    noWebgl: 'Your browser cannot show 3D views. On a smartphone you can view the product in your room.',
    arUnsupported: 'This device cannot start the in-room view. You can turn the product in 3D here.',
    arInApp: (app) =>
      `The in-room view cannot start inside ${app ? `the ${app} app` : 'this app'}. Open the page in your browser (menu "…" › "Open in browser").`,
    arPreparing: 'Preparing the in-room view …',
    arFromQr: 'Tap "View in your room" to place the product at its real size in your room.',
    qrTitle: 'View in your room with your smartphone',
    qrText: 'Scan the code with your smartphone\'s camera. The page opens there, and one tap places the product at its real size in your room.',
    qrImageLabel: 'QR code with the link to this page',
    qrLink: 'Or open this link on your smartphone:',
    close: 'Close',
  },
};

/**
 * Draws a QR code onto a canvas, one pixel per module (CSS scales it up
 * crisply): the 3D viewer's link for the shopper's phone, the reservation's
 * pickup code. A lazy chunk of its own: the encoder (lean-qr's nano build,
 * about 2 KB gzip) arrives only when a QR code is about to be shown.
 */
import { correction, generate } from 'lean-qr/nano';

export function drawQrCode(canvas: HTMLCanvasElement, text: string): void {
  // Medium error correction: survives a phone camera at an angle, stays small for a long URL.
  const code = generate(text, { minCorrectionLevel: correction.M });
  code.toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 4 });
}

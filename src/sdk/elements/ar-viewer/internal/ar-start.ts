/**
 * What "In Ihrem Raum ansehen" does once tapped outside an app's built-in browser
 * (ar-controller.ts has the button and that case): on a desktop it shows the QR code
 * that hands the page over to the phone; on a phone or tablet it loads the model and starts AR.
 * A lazy chunk: none of it is downloaded before the shopper taps.
 */
import { count } from '../../internal/insights.js';
import type { ArController, ArPorts } from './ar-controller.js';
import { isHandheld } from './user-agent.js';

export async function startAr(ar: ArController, ports: ArPorts): Promise<void> {
  const t = ports.strings();
  if (!isHandheld(navigator.userAgent, navigator.maxTouchPoints ?? 0)) {
    await openQr(ar);
    return;
  }
  ports.say(t.arPreparing, 'info');
  const viewer = await ports.modelReady();
  if (!viewer) return; // the model failed; its message is shown
  if (!viewer.canActivateAR) {
    ports.say(t.arUnsupported, 'error');
    ar.setStatus('failed', 'unsupported');
    return;
  }
  ports.say(undefined);
  await viewer.activateAR();
  // WebXR reports its session through `ar-status`; Scene Viewer and Quick Look are other apps:
  // handing over is the start, coming back to this page is the end.
  if (ar.host.arStatus !== 'started') {
    ar.handedOver = true;
    ar.setStatus('started');
  }
}

/** The desktop's QR code: this page (or the endpoint's AR page) for the phone's camera. */
async function openQr(ar: ArController): Promise<void> {
  const url = ar.url;
  ar.qrUrl = url;
  ar.host.requestUpdate();
  await ar.host.updateComplete;
  const { drawQrCode } = await import('../../internal/qr-code.js');
  const canvas = ar.host.renderRoot.querySelector<HTMLCanvasElement>('.qr-code');
  const dialog = ar.dialog;
  if (!canvas || !dialog) return;
  drawQrCode(canvas, url);
  if (!dialog.open) dialog.showModal();
  count(ar.host, 'qr-shown');
}

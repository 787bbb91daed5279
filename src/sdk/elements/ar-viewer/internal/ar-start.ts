/**
 * What "In Ihrem Raum ansehen" does once tapped (ar-controller.ts has the button,
 * which waits for this lazy part): in an app's built-in browser it says to open the
 * page in the browser; on a desktop it shows the QR code that hands the page over to
 * the phone; on a phone or tablet it loads the model and starts AR. Also what
 * model-viewer reports of WebXR sessions, and the QR dialog's content. Part of the
 * lazy chunk (viewer-3d.ts): none of it is downloaded before the shopper shows interest.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { count } from '../../internal/insights.js';
import type { ArViewerWords3d } from '../strings-3d.js';
import type { ArController } from './ar-controller.js';
import { detectInAppBrowser, isHandheld } from './user-agent.js';
import type { Viewer3d } from './viewer-3d.js';

/** Scene Viewer and Quick Look are other apps: handing over is the start, coming back to this page is the end. */
export class HandOver implements ReactiveController {
  /** Scene Viewer or Quick Look took over. */
  active = false;

  constructor(private readonly ar: ArController) {
    ar.host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  private onVisibilityChange = (): void => {
    if (this.active && document.visibilityState === 'visible') {
      this.active = false;
      this.ar.setStatus('ended');
    }
  };
}

export async function startAr(ar: ArController, part: Viewer3d, handOver: HandOver): Promise<void> {
  const { say } = ar.ports;
  const t = part.words;
  // In an app's built-in browser Scene Viewer and Quick Look do not start: say so at once.
  const inApp = detectInAppBrowser(navigator.userAgent);
  if (inApp) {
    say(t.arInApp(inApp.app), 'error');
    ar.setStatus('failed', 'in-app-browser');
    return;
  }
  if (!isHandheld(navigator.userAgent, navigator.maxTouchPoints ?? 0)) {
    await openQr(ar);
    return;
  }
  say(t.arPreparing, 'info');
  const viewer = await part.ready();
  if (!viewer) return; // the model failed; its message is shown
  if (!viewer.canActivateAR) {
    say(t.arUnsupported, 'error');
    ar.setStatus('failed', 'unsupported');
    return;
  }
  say(undefined);
  await viewer.activateAR();
  // WebXR reports its session through `ar-status`; Scene Viewer and Quick Look are other apps (HandOver).
  if (ar.host.arStatus !== 'started') {
    handOver.active = true;
    ar.setStatus('started');
  }
}

/** model-viewer's own `ar-status` (WebXR sessions). */
export function onModelStatus(ar: ArController, event: Event): void {
  const status = (event as CustomEvent<{ status?: string }>).detail?.status;
  if (status === 'session-started') ar.setStatus('started');
  else if (status === 'not-presenting' && ar.host.arStatus === 'started') ar.setStatus('ended');
  else if (status === 'failed') {
    ar.setStatus('failed', 'error');
    ar.ports.failed({ kind: 'ar', message: 'model-viewer reported that AR failed.' });
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
  const dialog = dialogOf(ar);
  if (!canvas || !dialog) return;
  drawQrCode(canvas, url);
  if (!dialog.open) dialog.showModal();
  count(ar.host, 'qr-shown');
}

const dialogOf = (ar: ArController) => ar.host.renderRoot.querySelector('dialog');

/** The QR dialog closed: focus returns to the control that opened it. */
export function onQrClosed(ar: ArController): void {
  (ar.host.renderRoot.querySelector<HTMLElement>('.ar-button') ?? ar.host.querySelector<HTMLElement>('[slot="ar-button"]'))?.focus();
}

/** Inside the QR dialog: the code, what to do with it, the link itself, and "Schließen". */
export function renderQr(ar: ArController, t: ArViewerWords3d): TemplateResult {
  return html`<p class="qr-title" id="qr-title">${t.qrTitle}</p>
    <canvas class="qr-code" part="qr-code" role="img" aria-label=${t.qrImageLabel}></canvas>
    <p>${t.qrText}</p>
    ${ar.qrUrl ? html`<p class="qr-link">${t.qrLink} <a href=${ar.qrUrl}>${ar.qrUrl}</a></p>` : nothing}
    <button class="primary" part="button qr-close-button" autofocus @click=${() => dialogOf(ar)?.close()}>${t.close}</button>`;
}

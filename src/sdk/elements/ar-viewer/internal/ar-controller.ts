/**
 * "In Ihrem Raum ansehen": starting AR where it can start, and the fallbacks
 * where it cannot. On a phone or tablet the model loads and model-viewer starts
 * WebXR, Scene Viewer or Quick Look; in an app's built-in browser the shopper is
 * told to open the page in the browser; on a desktop a QR code hands the page
 * over to the phone, where the viewer answering to `#citylab-ar=…` offers the
 * one tap that starts AR. The status is reported as `citylab-ar-status` and
 * mirrored to the `ar-status` attribute.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CitylabArStatusDetail } from '../../../events.js';
import { emit, type Failure } from '../../internal/events.js';
import type { ArViewerStrings } from '../strings.js';
import { arKey, arKeyFromHash, endpointArUrl, pageArUrl, pageUrl } from './ar-link.js';
import type { ModelViewer } from './engine.js';
import { detectInAppBrowser } from './user-agent.js';

export type ArViewerArStatus = CitylabArStatusDetail['status'];

export interface ArHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  gtin?: string;
  arLink: 'page' | 'endpoint';
  arStatus?: ArViewerArStatus;
}

export interface ArPorts {
  host: ArHost;
  strings: () => ArViewerStrings;
  endpoint: () => string | undefined;
  /** What the viewer says in its message line (nothing clears it). */
  say: (text: string | undefined, tone?: 'info' | 'error') => void;
  failed: (failure: Failure) => void;
  /** The engine and the model, loaded on demand; undefined when they failed. */
  modelReady: () => Promise<ModelViewer | undefined>;
}

export class ArController implements ReactiveController {
  /** The page was opened from this viewer's QR code: AR is the primary action. */
  prompt = false;
  /** The link the open QR code shows (set by ar-start.ts). */
  qrUrl?: string;
  /** Scene Viewer or Quick Look took over: coming back to the page ends AR (ar-start.ts). */
  handedOver = false;

  constructor(private readonly ports: ArPorts) {
    ports.host.addController(this);
  }

  get host(): ArHost {
    return this.ports.host;
  }

  /** The link the desktop QR code encodes (this page with `#citylab-ar=…`, or the endpoint's `/ar/{gtin}`). */
  get url(): string {
    const gtin = this.host.gtin?.trim();
    const endpoint = this.ports.endpoint();
    if (this.host.arLink === 'endpoint' && gtin && endpoint) return endpointArUrl(endpoint, gtin, pageUrl(location));
    return pageArUrl(location, arKey(gtin, this.host.id));
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  private onClick = async (): Promise<void> => {
    try {
      // In an app's built-in browser the answer comes at once; what AR needs arrives with the tap.
      const inApp = detectInAppBrowser(navigator.userAgent);
      if (inApp) {
        this.ports.say(this.ports.strings().arInApp(inApp.app), 'error');
        this.setStatus('failed', 'in-app-browser');
        return;
      }
      const { startAr } = await import('./ar-start.js');
      await startAr(this, this.ports);
    } catch (err) {
      this.setStatus('failed', 'error');
      this.ports.failed({ kind: 'ar', message: `AR could not start: ${(err as Error).message}` });
    }
  };

  /** model-viewer's own `ar-status` (WebXR sessions). */
  onModelStatus = (event: Event): void => {
    const status = (event as CustomEvent<{ status?: string }>).detail?.status;
    if (status === 'session-started') this.setStatus('started');
    else if (status === 'not-presenting' && this.host.arStatus === 'started') this.setStatus('ended');
    else if (status === 'failed') {
      this.setStatus('failed', 'error');
      this.ports.failed({ kind: 'ar', message: 'model-viewer reported that AR failed.' });
    }
  };

  private onVisibilityChange = (): void => {
    if (this.handedOver && document.visibilityState === 'visible') {
      this.handedOver = false;
      this.setStatus('ended');
    }
  };

  /** Reflects and reports the AR status (also for ar-start.ts). */
  setStatus(status: ArViewerArStatus, reason?: CitylabArStatusDetail['reason']): void {
    this.host.arStatus = status;
    emit(this.host, 'citylab-ar-status', reason ? { status, reason } : { status });
  }

  private onHashChange = (): void => {
    const key = arKeyFromHash(location.hash);
    const mine = key !== undefined && key === arKey(this.host.gtin?.trim(), this.host.id);
    if (mine && !this.prompt) {
      // Opened from this viewer's QR code: load at once (the viewer sees `prompt`) and offer the one tap that starts AR.
      this.prompt = true;
      this.host.requestUpdate();
      this.ports.say(this.ports.strings().arFromQr, 'info');
      void this.host.updateComplete.then(() => this.host.scrollIntoView({ block: 'center' }));
    }
  };

  // ------------------------------------------------------ the desktop's QR code

  get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private closeQr = (): void => {
    this.dialog?.close();
  };

  private onQrClosed = (): void => {
    // Focus returns to the control that opened the dialog.
    (this.host.renderRoot.querySelector<HTMLElement>('.ar-button') ?? this.host.querySelector<HTMLElement>('[slot="ar-button"]'))?.focus();
  };

  // ----------------------------------------------------------------- render

  /** "In Ihrem Raum ansehen", or the page's own control in the `ar-button` slot. */
  renderButton(name: string, icon: TemplateResult): TemplateResult {
    const t = this.ports.strings();
    return html`<slot name="ar-button" @click=${this.onClick}
      ><button class="ar-button ${this.prompt ? 'primary' : ''}" part="button ar-button" aria-label=${t.viewInRoomLabel(name)}>
        ${icon}<span>${t.viewInRoom}</span>
      </button></slot
    >`;
  }

  renderQrDialog(): TemplateResult {
    const t = this.ports.strings();
    return html`<dialog part="qr-dialog" aria-labelledby="qr-title" @close=${this.onQrClosed}>
      <p class="qr-title" id="qr-title">${t.qrTitle}</p>
      <canvas class="qr-code" part="qr-code" role="img" aria-label=${t.qrImageLabel}></canvas>
      <p>${t.qrText}</p>
      ${this.qrUrl ? html`<p class="qr-link">${t.qrLink} <a href=${this.qrUrl}>${this.qrUrl}</a></p>` : nothing}
      <button class="primary" part="button qr-close-button" autofocus @click=${this.closeQr}>${t.close}</button>
    </dialog>`;
  }
}

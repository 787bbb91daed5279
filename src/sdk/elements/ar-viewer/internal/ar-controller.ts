/**
 * "In Ihrem Raum ansehen": the button, the link a desktop's QR code encodes,
 * and the page opened from that link. On a phone or tablet the model loads and
 * model-viewer starts WebXR, Scene Viewer or Quick Look; in an app's built-in
 * browser the shopper is told to open the page in the browser; on a desktop a
 * QR code hands the page over to the phone, where the viewer answering to
 * `#citylab-ar=…` offers the one tap that starts AR. What the tap does is in the
 * lazy part (ar-start.ts), which the button waits for when the tap comes first.
 * The status is reported as `citylab-ar-status` and mirrored to the `ar-status`
 * attribute.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CitylabArStatusDetail } from '../../../events.js';
import { emit, type Failure } from '../../internal/events.js';
import { arKey, arKeyFromHash, endpointArUrl, pageArUrl, pageUrl } from './ar-link.js';
import type { Viewer3d } from './viewer-3d.js';

export type ArViewerArStatus = CitylabArStatusDetail['status'];

export interface ArHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  gtin?: string;
  arLink: 'page' | 'endpoint';
  arStatus?: ArViewerArStatus;
}

export interface ArPorts {
  host: ArHost;
  endpoint: () => string | undefined;
  /** What the viewer says in its message line (nothing clears it). */
  say: (text: string | undefined, tone?: 'info' | 'error') => void;
  /** What failed (the shopper reads that the room view did not start). */
  failed: (failure: Failure) => void;
  /** The page was opened from this viewer's QR code: the viewer says what to tap. */
  prompted: () => void;
  /** The viewer's lazy part, fetched once. */
  part: () => Promise<Viewer3d>;
}

export class ArController implements ReactiveController {
  /** The page was opened from this viewer's QR code: AR is the primary action. */
  prompt = false;
  /** The link the open QR code shows (set by ar-start.ts). */
  qrUrl?: string;
  /** Scene Viewer or Quick Look took over: coming back to the page ends AR (ar-start.ts). */
  handedOver = false;
  /** A tap waits for the lazy part (the viewer's `updateComplete` waits with it). */
  waiting?: Promise<unknown>;

  constructor(readonly ports: ArPorts) {
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
      const part = this.ports.part();
      this.waiting = part;
      await (await part).startAr();
    } catch (err) {
      this.setStatus('failed', 'error');
      this.ports.failed({ kind: 'ar', message: `AR could not start: ${(err as Error).message}` });
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
      this.ports.prompted();
      void this.host.updateComplete.then(() => this.host.scrollIntoView({ block: 'center' }));
    }
  };

  get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private onQrClosed = (): void => {
    // Focus returns to the control that opened the dialog.
    (this.host.renderRoot.querySelector<HTMLElement>('.ar-button') ?? this.host.querySelector<HTMLElement>('[slot="ar-button"]'))?.focus();
  };

  // ----------------------------------------------------------------- render

  /** "In Ihrem Raum ansehen", or the page's own control in the `ar-button` slot. */
  renderButton(label: string, words: string, icon: TemplateResult): TemplateResult {
    return html`<slot name="ar-button" @click=${this.onClick}
      ><button class="ar-button ${this.prompt ? 'primary' : ''}" part="button ar-button" aria-label=${label}>
        ${icon}<span>${words}</span>
      </button></slot
    >`;
  }

  /** The desktop's QR dialog, closed until a tap; its content comes with the lazy part (ar-start.ts). */
  renderQrDialog(content: unknown): TemplateResult {
    return html`<dialog part="qr-dialog" aria-labelledby="qr-title" @close=${this.onQrClosed}>${content}</dialog>`;
  }
}

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
  /** The viewer's lazy part, fetched once; the viewer's `updateComplete` waits for it meanwhile. */
  part: () => Promise<Viewer3d>;
}

export class ArController implements ReactiveController {
  /** The page was opened from this viewer's QR code: AR is the primary action. */
  prompt = false;
  /** The link the open QR code shows (set by ar-start.ts). */
  qrUrl?: string;

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
    this.onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private onClick = async (): Promise<void> => {
    try {
      await (await this.ports.part()).startAr();
    } catch (err) {
      this.setStatus('failed', 'error');
      this.ports.failed({ kind: 'ar', message: `AR could not start: ${(err as Error).message}` });
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
      // Opened from this viewer's QR code: load at once (the viewer sees `prompt`) and offer the one tap that starts AR
      // (in words that come with the lazy part, which loads at once now).
      this.prompt = true;
      this.host.requestUpdate();
      this.ports.part().then(
        (lazy) => this.ports.say(lazy.words.arFromQr, 'info'),
        () => undefined, // the engine, which needs the same part, says that it could not load
      );
      void this.host.updateComplete.then(() => this.host.scrollIntoView({ block: 'center' }));
    }
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
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CitylabArStatusDetail, CitylabErrorDetail } from '../../events.js';
import { clientFor, type CitylabClient, type ClientError } from '../../client/client.js';
import { resolveEndpoint } from '../../client/endpoint.js';
import type { Product } from '../../contract/schemas.js';
import { emit } from '../internal/events.js';
import { resolveLang, type Lang } from '../internal/lang.js';
import { arKey, arKeyFromHash, endpointArUrl, pageArUrl, pageUrl } from './internal/ar-link.js';
import { CAMERA_ORBIT, SHADOW_INTENSITY } from '../../contract/model-camera.js';
import { sizeInCentimetres, type SizeInMetres } from './internal/dimensions.js';
import { hasWebGL, loadModelViewer, type ModelViewer } from './internal/engine.js';
import { detectInAppBrowser, isHandheld } from './internal/user-agent.js';
import { catalogue, type ArViewerStrings } from './strings.js';
import { arViewerStyles } from './styles.js';

/** When the 3D engine and the model download. */
export type ArViewerLoading = 'intent' | 'lazy' | 'eager';
/** When the 3D view replaces the poster. */
export type ArViewerReveal = 'interaction' | 'auto';
/** What the viewer shows, reflected as the `state` attribute for CSS. */
export type ArViewerState = 'pending' | 'poster' | 'loading' | 'ready' | 'no-model' | 'error';
export type ArViewerArStatus = CitylabArStatusDetail['status'];

type Phase = 'idle' | 'loading' | 'done' | 'error';
/** The catalogue entries that are plain sentences. */
type Sentence = { [K in keyof ArViewerStrings]: ArViewerStrings[K] extends string ? K : never }[keyof ArViewerStrings];
type Message = { text: string; tone: 'info' | 'error' };

/** Availability states that mean "you can see it in the shop". */
const IN_SHOP = new Set(['in_stock', 'limited_availability', 'on_display_to_order']);
/** How far below the viewport a `loading="lazy"` viewer starts loading. */
const LAZY_MARGIN = '300px';

const arIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2 3 7v10l9 5 9-5V7l-9-5Zm0 2.3L18.7 8 12 11.7 5.3 8 12 4.3ZM5 9.7l6 3.3v6.6l-6-3.3V9.7Zm8 9.9V13l6-3.3v6.6l-6 3.3Z"/></svg>`;
const cubeIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3a9 9 0 1 0 9 9h-2a7 7 0 1 1-2.05-4.95L14 10h7V3l-2.64 2.64A8.97 8.97 0 0 0 12 3Z"/></svg>`;

/**
 * The product in 3D, and at real size in the shopper's room.
 *
 * The poster shows at once, in a box reserved before anything loads. The 3D
 * engine (model-viewer with three.js, about 280 KB gzip) is a lazy chunk that
 * downloads on the shopper's first sign of intent — pointer over the viewer,
 * keyboard focus, a touch — or, with `loading="lazy"`, when the viewer nears
 * the viewport, or at once with `loading="eager"`. A page never pays for the
 * engine before the shopper comes near it.
 *
 * On a phone, "In Ihrem Raum ansehen" starts AR (WebXR, Scene Viewer or Quick
 * Look) at true size; on a desktop it shows a QR code that opens this page on the
 * phone, where one tap starts AR. In an app's built-in browser it says to open the
 * page in the browser.
 *
 * @summary 3D product view with AR at real size, lazy-loaded, with "in stock in N shops nearby".
 * @tagname citylab-ar-viewer
 *
 * @event citylab-model-load - The model loaded and is drawn. `detail: { src }`.
 * @event citylab-ar-status - AR started, failed or ended; also mirrored to the `ar-status` attribute. `detail: { status, reason? }`.
 * @event citylab-find-in-store - The shopper chose "In N Geschäften vorrätig". Cancelable: when not cancelled, the page's `<citylab-store-finder>` is scrolled into view and focused. `detail: { gtin, count }`.
 * @event citylab-error - Product data, the engine, the model or AR failed; the viewer shows its own words. `detail: { element, kind, code?, message }`.
 *
 * @slot ar-button - Your own "view in your room" control, replacing the built-in button (clicks on it start AR or show the QR code).
 *
 * @csspart stage - The box that holds poster, 3D view and controls.
 * @csspart poster - The poster image.
 * @csspart model - The `<model-viewer>` element (its own parts and custom properties reach through this part).
 * @csspart button - Every button.
 * @csspart view-3d-button - "In 3D ansehen".
 * @csspart ar-button - "In Ihrem Raum ansehen".
 * @csspart dimensions-button - The "Maße" toggle.
 * @csspart dimensions - The real size, W × H × D in cm.
 * @csspart stock-button - "In N Geschäften in der Nähe vorrätig".
 * @csspart message - Status and error messages.
 * @csspart progress - The loading bar.
 * @csspart qr-dialog - The dialog with the QR code.
 * @csspart qr-code - The QR code itself (a canvas).
 * @csspart qr-close-button - The dialog's "Schließen".
 *
 * @cssproperty --citylab-ar-aspect - Aspect ratio of the box (default `1 / 1`); set it to the product's aspect to frame it tighter.
 * @cssproperty --citylab-ar-background - Background of the box (default #f4f3ef).
 * @cssproperty --citylab-ar-control-background - Background of buttons and messages in the box (default white).
 * @cssproperty --citylab-ar-control-color - Text colour of buttons and messages in the box (default #1d1d1b).
 * @cssproperty --citylab-ar-progress-color - Colour of the loading bar (default: the accent).
 * @cssproperty --citylab-accent - Accent colour of the primary button and the focus ring (default #0b5cad).
 * @cssproperty --citylab-on-accent - Text colour on the accent (default white).
 * @cssproperty --citylab-radius - Corner radius of the box (default 8px).
 *
 * @attr state - Reflected, read-only: `pending` | `poster` | `loading` | `ready` | `no-model` | `error`.
 * @attr ar-status - Reflected, read-only: `started` | `failed` | `ended` once AR was tried.
 */
export class CitylabArViewer extends LitElement {
  static override styles = arViewerStyles;

  /** The product's GTIN (EAN): model, poster, size and name come from the endpoint. */
  @property({ reflect: true }) gtin?: string;

  /** URL of the model (glTF binary, .glb). Overrides the product's model. */
  @property() src?: string;

  /** URL of a USDZ for Apple Quick Look. Without it, model-viewer makes one from the GLB on the iPhone. */
  @property({ attribute: 'ios-src' }) iosSrc?: string;

  /** URL of the poster image shown before the 3D view. Default: the product's poster, else its image. */
  @property() poster?: string;

  /** What the model shows, for screen readers. Default: the product's name. */
  @property() alt?: string;

  /** The town's endpoint. Default: `<meta name="citylab:endpoint">`, else where citylab.js came from. */
  @property() endpoint?: string;

  /**
   * When the 3D engine and the model download: `intent` (on pointer over, focus or touch; the default),
   * `lazy` (when the viewer comes near the viewport; the default with `reveal="auto"`), or `eager` (at once).
   */
  @property() loading?: ArViewerLoading;

  /** When the 3D view replaces the poster: `interaction` (when the shopper asks; default) or `auto` (as soon as it is loaded). */
  @property() reveal: ArViewerReveal = 'interaction';

  /** Where AR places the product: `floor` (default) or `wall`. */
  @property({ attribute: 'ar-placement' }) arPlacement: 'floor' | 'wall' = 'floor';

  /** `fixed` (default): true size in AR, the shopper cannot scale it. `auto` lets them scale. */
  @property({ attribute: 'ar-scale' }) arScale: 'fixed' | 'auto' = 'fixed';

  /** Where the desktop QR code leads: `page` (this page, default) or `endpoint` (the endpoint's `/ar/{gtin}` page, which links back here). */
  @property({ attribute: 'ar-link' }) arLink: 'page' | 'endpoint' = 'page';

  /** Turn the model slowly until the shopper touches it. Never under `prefers-reduced-motion`. */
  @property({ type: Boolean, attribute: 'auto-rotate' }) autoRotate = false;

  /** A client of your own (custom fetch or timeout). Default: the page's shared client for the endpoint. */
  @property({ attribute: false }) client?: CitylabClient;

  /** Reflected for CSS; see `@attr state`. */
  @property({ reflect: true, attribute: 'state' }) viewState: ArViewerState = 'pending';

  /** Reflected for CSS; see `@attr ar-status`. */
  @property({ reflect: true, attribute: 'ar-status' }) arStatus?: ArViewerArStatus;

  @state() private product?: Product;
  @state() private shopCount = 0;
  @state() private shopsWithDisplay = false;
  @state() private dataPhase: Phase = 'idle';
  @state() private engine: Phase = 'idle';
  @state() private model: Phase = 'idle';
  @state() private progress = 0;
  @state() private revealRequested = false;
  @state() private showDimensions = false;
  @state() private measured?: SizeInMetres;
  @state() private message?: Message;
  @state() private arPrompt = false;
  @state() private reducedMotion = false;
  @state() private qrUrl?: string;

  // model-viewer's element type lives in the lazy chunk; the viewer knows it by its interface.
  @query('model-viewer') private viewerElement!: Element | null;
  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('.qr-code') private qrCanvas!: HTMLCanvasElement | null;
  @query('.ar-button') private arButton!: HTMLButtonElement | null;

  private get viewer(): ModelViewer | null {
    return this.viewerElement as ModelViewer | null;
  }

  private engineWanted = false;
  private focusModelOnReveal = false;
  private requestToken = 0;
  private intersection?: IntersectionObserver;
  private motionQuery?: MediaQueryList;
  private handedOver = false;

  /** The link the desktop QR code encodes (this page with `#citylab-ar=…`, or the endpoint's `/ar/{gtin}`). */
  get arUrl(): string {
    const gtin = this.gtin?.trim();
    const endpoint = this.resolvedEndpoint();
    if (this.arLink === 'endpoint' && gtin && endpoint) return endpointArUrl(endpoint, gtin, pageUrl(location));
    return pageArUrl(location, arKey(gtin, this.id));
  }

  /** The loading strategy in force: `loading` if given, else `lazy` with `reveal="auto"`, else `intent`. */
  get effectiveLoading(): ArViewerLoading {
    if (this.loading === 'intent' || this.loading === 'lazy' || this.loading === 'eager') return this.loading;
    return this.reveal === 'auto' ? 'lazy' : 'intent';
  }

  // ------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerenter', this.onIntent);
    this.addEventListener('focusin', this.onIntent);
    this.addEventListener('touchstart', this.onIntent, { passive: true });
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (typeof matchMedia === 'function') {
      this.motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
      this.reducedMotion = this.motionQuery.matches;
      this.motionQuery.addEventListener('change', this.onMotionChange);
    }
    if (this.hasUpdated) this.watchViewport();
    this.onHashChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerenter', this.onIntent);
    this.removeEventListener('focusin', this.onIntent);
    this.removeEventListener('touchstart', this.onIntent);
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.motionQuery?.removeEventListener('change', this.onMotionChange);
    this.intersection?.disconnect();
    this.intersection = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('gtin') || changed.has('endpoint') || changed.has('client')) void this.loadProduct();
    if (!this.hasUpdated || changed.has('gtin') || changed.has('src')) this.checkConfig();
    if (changed.has('src') && changed.get('src') !== undefined) {
      // A new model: start over from its poster (a model-viewer already there loads it at once).
      this.model = this.engine === 'done' ? 'loading' : 'idle';
      this.progress = 0;
      this.measured = undefined;
    }
    if (this.effectiveLoading === 'eager' || this.arPrompt) this.engineWanted = true;
    // Starts (synchronously marks `engine` as loading) once the model's URL is known.
    void this.maybeStartEngine();
    this.viewState = this.computeState();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('loading') || changed.has('reveal')) this.watchViewport();
    if (this.focusModelOnReveal && this.revealed) {
      this.focusModelOnReveal = false;
      this.focusModel();
    }
  }

  // ------------------------------------------------------------ data

  private resolvedEndpoint(): string | undefined {
    const own = this.endpoint?.trim();
    if (own) {
      try {
        return new URL(own, document.baseURI).href.replace(/\/+$/, '');
      } catch {
        return undefined;
      }
    }
    return resolveEndpoint(this);
  }

  private api(): CitylabClient | undefined {
    if (this.client) return this.client;
    const endpoint = this.resolvedEndpoint();
    return endpoint ? clientFor(endpoint) : undefined;
  }

  private async loadProduct(): Promise<void> {
    const token = ++this.requestToken;
    const gtin = this.gtin?.trim();
    this.product = undefined;
    this.shopCount = 0;
    if (!gtin) {
      this.dataPhase = 'idle';
      return;
    }
    const api = this.api();
    if (!api) {
      this.dataPhase = 'error';
      this.fail({ kind: 'config', message: 'No endpoint: set the endpoint attribute or <meta name="citylab:endpoint">.' }, 'configMissing');
      return;
    }
    this.dataPhase = 'loading';
    let result;
    try {
      // The same request <citylab-store-finder> makes for this product: the shared client makes it once.
      result = await api.availability({ gtin });
    } catch (err) {
      result = { ok: false as const, error: { kind: 'network' as const, message: String(err) } };
    }
    if (token !== this.requestToken) return;
    if (!result.ok) {
      this.dataPhase = 'error';
      this.reportClientError(result.error);
      return;
    }
    const offers = result.data.offers.filter((o) => IN_SHOP.has(o.availability));
    this.product = result.data.product;
    this.shopCount = new Set(offers.map((o) => o.store.id)).size;
    this.shopsWithDisplay = offers.some((o) => o.availability === 'on_display_to_order');
    this.dataPhase = 'done';
    if (!this.modelSrc && !this.message) this.message = { text: this.strings.noModel, tone: 'info' };
  }

  /** A viewer needs a GTIN or a model URL; say so once, and take it back when one arrives. */
  private checkConfig(): void {
    const missing = !this.gtin?.trim() && !this.src?.trim();
    const shown = this.message?.text === this.strings.configMissing;
    if (missing && !shown) this.fail({ kind: 'config', message: 'Set the gtin attribute (with an endpoint) or src.' }, 'configMissing');
    else if (!missing && shown) this.message = undefined;
  }

  private reportClientError(error: ClientError): void {
    const detail = { kind: error.kind, message: error.message, ...(error.code ? { code: error.code } : {}) };
    // With an explicit model the viewer still works; only the shop count is missing.
    if (this.src) {
      this.emitError(detail);
      return;
    }
    this.fail(detail, error.status === 404 ? 'productUnknown' : 'productFailed');
  }

  // ------------------------------------------------------------ derived

  private get language(): Lang {
    return resolveLang(this);
  }

  private get strings(): ArViewerStrings {
    return catalogue[this.language];
  }

  private resolveUrl(url: string | undefined): string | undefined {
    if (!url) return undefined;
    const api = this.api();
    try {
      return api ? api.resolve(url) : new URL(url, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  private get modelSrc(): string | undefined {
    return this.src?.trim() || this.resolveUrl(this.product?.model?.glb_url);
  }

  private get iosModelSrc(): string | undefined {
    return this.iosSrc?.trim() || this.resolveUrl(this.product?.model?.usdz_url);
  }

  private get posterSrc(): string | undefined {
    return this.poster?.trim() || this.resolveUrl(this.product?.model?.poster_url ?? this.product?.image_url);
  }

  private get name(): string {
    return this.alt?.trim() || this.product?.name || this.strings.model;
  }

  private get size(): SizeInMetres | undefined {
    return this.product?.model?.dimensions_m ?? this.measured;
  }

  private get revealed(): boolean {
    return this.model === 'done' && (this.reveal === 'auto' || this.revealRequested || this.arPrompt);
  }

  private get dataPending(): boolean {
    return !this.src && (this.dataPhase === 'loading' || (this.dataPhase === 'idle' && !!this.gtin));
  }

  private computeState(): ArViewerState {
    if (this.dataPending) return 'pending';
    if (this.model === 'error' || this.engine === 'error' || (this.dataPhase === 'error' && !this.src)) return 'error';
    if (!this.modelSrc) return this.gtin || this.src ? 'no-model' : 'error';
    if (this.revealed) return 'ready';
    if (this.engine === 'loading' || this.model === 'loading') return 'loading';
    return 'poster';
  }

  // ------------------------------------------------------------ loading

  private onIntent = (): void => {
    this.engineWanted = true;
    void this.maybeStartEngine();
  };

  private watchViewport(): void {
    this.intersection?.disconnect();
    this.intersection = undefined;
    if (this.effectiveLoading !== 'lazy' || typeof IntersectionObserver !== 'function') return;
    this.intersection = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.intersection?.disconnect();
          this.onIntent();
        }
      },
      { rootMargin: LAZY_MARGIN },
    );
    this.intersection.observe(this);
  }

  private decoderBase(): string {
    const endpoint = this.resolvedEndpoint();
    // Never a third-party CDN: the endpoint serves the decoders; without one, this site's own path.
    return endpoint ? `${endpoint}/sdk/decoders/` : new URL('/sdk/decoders/', document.baseURI).href;
  }

  private async maybeStartEngine(): Promise<void> {
    if (!this.engineWanted || this.engine !== 'idle' || !this.modelSrc || this.model === 'error') return;
    if (!hasWebGLOnce()) {
      this.engine = 'error';
      this.fail({ kind: 'model', code: 'webgl-unavailable', message: 'WebGL is not available in this browser.' }, 'noWebgl');
      return;
    }
    this.engine = 'loading';
    try {
      await loadModelViewer(this.decoderBase());
      this.engine = 'done';
      this.model = 'loading';
      this.progress = 0;
    } catch (err) {
      this.engine = 'error';
      this.fail({ kind: 'network', code: 'engine-unavailable', message: `The 3D engine could not be loaded: ${(err as Error).message}` }, 'modelFailed');
    }
  }

  /** Resolves once the engine is there and the model has loaded (or failed). */
  private async modelReady(): Promise<ModelViewer | undefined> {
    this.engineWanted = true;
    await this.maybeStartEngine();
    await this.updateComplete;
    const viewer = this.viewer;
    if (!viewer || this.model === 'error' || this.engine === 'error') return undefined;
    if (this.model !== 'done') {
      await new Promise<void>((ok) => {
        const done = () => {
          viewer.removeEventListener('load', done);
          viewer.removeEventListener('error', done);
          ok();
        };
        viewer.addEventListener('load', done);
        viewer.addEventListener('error', done);
      });
      await this.updateComplete;
    }
    return this.model === 'done' ? viewer : undefined;
  }

  private onProgress = (event: Event): void => {
    const total = (event as CustomEvent<{ totalProgress?: number }>).detail?.totalProgress;
    if (typeof total === 'number' && Number.isFinite(total)) this.progress = Math.max(0, Math.min(1, total));
  };

  private onModelLoad = (): void => {
    const viewer = this.viewer;
    if (!viewer) return;
    this.model = 'done';
    this.progress = 1;
    if (this.message?.tone === 'error') this.message = undefined;
    try {
      const { x, y, z } = viewer.getDimensions();
      if (x > 0 && y > 0 && z > 0) this.measured = { width: x, height: y, depth: z };
    } catch {
      // Size stays unknown; the button is simply not offered.
    }
    emit(this, 'citylab-model-load', { src: viewer.src ?? this.modelSrc ?? '' });
  };

  private onModelError = (event: Event): void => {
    const type = (event as CustomEvent<{ type?: string }>).detail?.type ?? 'error';
    this.model = 'error';
    this.fail({ kind: 'model', code: type, message: `The model ${this.modelSrc ?? ''} could not be shown (${type}).` }, 'modelFailed');
  };

  // ------------------------------------------------------------ actions

  private onView3d = (event: MouseEvent): void => {
    this.revealRequested = true;
    // From the keyboard (a click without pointer, detail 0) the focus follows into the 3D view, where
    // the arrow keys turn the model; a pointer user is already there.
    this.focusModelOnReveal = event.detail === 0;
    this.engineWanted = true;
    void this.maybeStartEngine();
  };

  private focusModel(): void {
    // model-viewer's keyboard-orbit surface is the focusable element in its shadow root.
    const surface = this.viewer?.shadowRoot?.querySelector<HTMLElement>('[tabindex="0"]');
    surface?.focus();
  }

  private onArClick = async (): Promise<void> => {
    try {
      await this.startAr();
    } catch (err) {
      this.setArStatus('failed', 'error');
      this.fail({ kind: 'ar', message: `AR could not start: ${(err as Error).message}` }, 'arFailed');
    }
  };

  private async startAr(): Promise<void> {
    const ua = navigator.userAgent;
    const inApp = detectInAppBrowser(ua);
    if (inApp) {
      this.message = { text: this.strings.arInApp(inApp.app), tone: 'error' };
      this.setArStatus('failed', 'in-app-browser');
      return;
    }
    if (!isHandheld(ua, navigator.maxTouchPoints ?? 0)) {
      await this.openQr();
      return;
    }
    this.message = { text: this.strings.arPreparing, tone: 'info' };
    const viewer = await this.modelReady();
    if (!viewer) return; // the model failed; its message is shown
    if (!viewer.canActivateAR) {
      this.message = { text: this.strings.arUnsupported, tone: 'error' };
      this.setArStatus('failed', 'unsupported');
      return;
    }
    this.message = undefined;
    await viewer.activateAR();
    // WebXR reports its session through `ar-status`; Scene Viewer and Quick Look are other apps:
    // handing over is the start, coming back to this page is the end.
    if (this.arStatus !== 'started') {
      this.handedOver = true;
      this.setArStatus('started');
    }
  }

  private onModelArStatus = (event: Event): void => {
    const status = (event as CustomEvent<{ status?: string }>).detail?.status;
    if (status === 'session-started') this.setArStatus('started');
    else if (status === 'not-presenting' && this.arStatus === 'started') this.setArStatus('ended');
    else if (status === 'failed') {
      this.setArStatus('failed', 'error');
      this.fail({ kind: 'ar', message: 'model-viewer reported that AR failed.' }, 'arFailed');
    }
  };

  private onVisibilityChange = (): void => {
    if (this.handedOver && document.visibilityState === 'visible') {
      this.handedOver = false;
      this.setArStatus('ended');
    }
  };

  private setArStatus(status: ArViewerArStatus, reason?: CitylabArStatusDetail['reason']): void {
    this.arStatus = status;
    emit(this, 'citylab-ar-status', reason ? { status, reason } : { status });
  }

  private async openQr(): Promise<void> {
    const url = this.arUrl;
    this.qrUrl = url;
    await this.updateComplete;
    const { drawQrCode } = await import('../internal/qr-code.js');
    const canvas = this.qrCanvas;
    const dialog = this.dialog;
    if (!canvas || !dialog) return;
    drawQrCode(canvas, url);
    if (!dialog.open) dialog.showModal();
  }

  private closeQr = (): void => {
    this.dialog?.close();
  };

  private onQrClosed = (): void => {
    // Focus returns to the control that opened the dialog.
    (this.arButton ?? this.querySelector<HTMLElement>('[slot="ar-button"]'))?.focus();
  };

  private onDimensionsToggle = (): void => {
    this.showDimensions = !this.showDimensions;
  };

  private onStockClick = (): void => {
    const gtin = this.gtin?.trim();
    if (!gtin) return;
    const proceed = emit(this, 'citylab-find-in-store', { gtin, count: this.shopCount }, { cancelable: true });
    if (!proceed) return;
    const finder =
      document.querySelector<HTMLElement>(`citylab-store-finder[gtin="${CSS.escape(gtin)}"]`) ??
      document.querySelector<HTMLElement>('citylab-store-finder');
    if (finder) {
      finder.scrollIntoView({ behavior: this.reducedMotion ? 'auto' : 'smooth', block: 'start' });
      finder.focus({ preventScroll: true });
    }
  };

  private onHashChange = (): void => {
    const key = arKeyFromHash(location.hash);
    const mine = key !== undefined && key === arKey(this.gtin?.trim(), this.id);
    if (mine && !this.arPrompt) {
      // Opened from this viewer's QR code: load at once and offer the one tap that starts AR.
      this.arPrompt = true;
      this.engineWanted = true;
      this.message = { text: this.strings.arFromQr, tone: 'info' };
      void this.updateComplete.then(() => this.scrollIntoView({ block: 'center' }));
    }
  };

  private onMotionChange = (event: MediaQueryListEvent): void => {
    this.reducedMotion = event.matches;
  };

  // ------------------------------------------------------------ errors

  private fail(detail: Omit<CitylabErrorDetail, 'element'>, words: Sentence): void {
    this.message = { text: this.strings[words], tone: 'error' };
    this.emitError(detail);
  }

  private emitError(detail: Omit<CitylabErrorDetail, 'element'>): void {
    emit(this, 'citylab-error', { element: 'citylab-ar-viewer', ...detail });
  }

  // ------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const s = this.strings;
    const src = this.modelSrc;
    const poster = this.posterSrc;
    const revealed = this.revealed;
    const loading = this.engine === 'loading' || this.model === 'loading';
    const classes = ['stage', revealed ? 'revealed' : '', this.dataPending ? 'pending' : ''].join(' ');
    return html`
      <div class=${classes} part="stage" aria-busy=${loading || this.dataPending ? 'true' : 'false'}>
        ${this.engine === 'done' && src ? this.renderModel(src) : nothing}
        ${poster && !this.dataPending
          ? html`<img class="poster" part="poster" src=${poster} alt=${this.name} @click=${src ? this.onView3d : nothing} />`
          : html`<div class="placeholder" part="poster">${this.dataPending ? nothing : this.name}</div>`}
        <div class="overlay">
          <div class="top">
            <p class="message ${this.message?.tone ?? ''}" part="message" role="status" aria-live="polite">${this.message?.text ?? ''}</p>
            ${this.renderSize()}
          </div>
          <div class="centre">
            ${src && !revealed && this.model !== 'error' && this.engine !== 'error'
              ? html`<button class="view-3d primary" part="button view-3d-button" aria-label=${s.view3dLabel(this.name)} @click=${this.onView3d}>
                  ${cubeIcon}<span>${s.view3d}</span>
                </button>`
              : nothing}
            ${loading && (this.revealRequested || this.arPrompt)
              ? html`<p class="progress-text">${this.engine === 'loading' ? s.loadingEngine : s.loadingModel(Math.round(this.progress * 100))}</p>`
              : nothing}
          </div>
          <div class="bottom">${this.renderBottom()}</div>
        </div>
        ${loading ? this.renderProgress() : nothing}
      </div>
      ${this.renderQrDialog()}
    `;
  }

  private renderModel(src: string): TemplateResult {
    const motion = !this.reducedMotion;
    return html`<model-viewer
      part="model"
      src=${src}
      ios-src=${ifDefined(this.iosModelSrc)}
      alt=${this.name}
      camera-controls
      touch-action="pan-y"
      camera-orbit=${CAMERA_ORBIT}
      shadow-intensity=${SHADOW_INTENSITY}
      ?auto-rotate=${this.autoRotate && motion}
      interaction-prompt=${motion ? 'auto' : 'none'}
      loading="eager"
      reveal="auto"
      ar
      ar-modes="webxr scene-viewer quick-look"
      ar-scale=${this.arScale === 'auto' ? 'auto' : 'fixed'}
      ar-placement=${this.arPlacement === 'wall' ? 'wall' : 'floor'}
      .a11y=${this.strings.a11y}
      ?inert=${!this.revealed}
      @progress=${this.onProgress}
      @load=${this.onModelLoad}
      @error=${this.onModelError}
      @ar-status=${this.onModelArStatus}
    >
      <!-- The viewer draws its own poster, progress and AR button around model-viewer. -->
      <span slot="poster"></span>
      <span slot="progress-bar"></span>
      <span slot="ar-button" hidden></span>
    </model-viewer>`;
  }

  private renderBottom(): TemplateResult {
    const s = this.strings;
    const stock =
      this.shopCount > 0 && this.gtin
        ? html`<button class="stock" part="button stock-button" @click=${this.onStockClick}>${s.inStock(this.shopCount, this.shopsWithDisplay)}</button>`
        : nothing;
    const ar = this.modelSrc
      ? html`<slot name="ar-button" @click=${this.onArClick}
          ><button class="ar-button ${this.arPrompt ? 'primary' : ''}" part="button ar-button" aria-label=${s.viewInRoomLabel(this.name)}>
            ${arIcon}<span>${s.viewInRoom}</span>
          </button></slot
        >`
      : nothing;
    return html`${stock}${ar}`;
  }

  /** The "Maße" toggle and, when open, the size under it. */
  private renderSize(): TemplateResult | typeof nothing {
    if (!this.size || !this.modelSrc) return nothing;
    return html`<div class="size">
      <button
        class="dimensions-toggle"
        part="button dimensions-button"
        aria-expanded=${this.showDimensions ? 'true' : 'false'}
        aria-controls="dimensions"
        @click=${this.onDimensionsToggle}
      >${this.strings.dimensions}</button>
      ${this.showDimensions ? this.renderDimensions() : nothing}
    </div>`;
  }

  private renderDimensions(): TemplateResult | typeof nothing {
    const size = this.size;
    if (!size) return nothing;
    const [w, h, d] = sizeInCentimetres(size, this.language);
    return html`<p class="dimensions" id="dimensions" part="dimensions" aria-label=${this.strings.dimensionsLabel(w, h, d)}>
      ${this.strings.dimensionsValue(w, h, d)}
    </p>`;
  }

  private renderProgress(): TemplateResult {
    const determinate = this.engine === 'done';
    const percent = Math.round(this.progress * 100);
    return html`<div
      class="progress ${determinate ? '' : 'indeterminate'}"
      part="progress"
      role="progressbar"
      aria-label=${this.strings.progressLabel}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${ifDefined(determinate ? percent : undefined)}
    >
      <div class="bar" style=${styleMap({ '--_done': String(this.progress) })}></div>
    </div>`;
  }

  private renderQrDialog(): TemplateResult {
    const s = this.strings;
    return html`<dialog part="qr-dialog" aria-labelledby="qr-title" @close=${this.onQrClosed}>
      <p class="qr-title" id="qr-title">${s.qrTitle}</p>
      <canvas class="qr-code" part="qr-code" role="img" aria-label=${s.qrImageLabel}></canvas>
      <p>${s.qrText}</p>
      ${this.qrUrl ? html`<p class="qr-link">${s.qrLink} <a href=${this.qrUrl}>${this.qrUrl}</a></p>` : nothing}
      <button class="primary" part="button qr-close-button" autofocus @click=${this.closeQr}>${s.close}</button>
    </dialog>`;
  }
}

let webgl: boolean | undefined;
/** Asked once per page: a WebGL context is a scarce resource. */
function hasWebGLOnce(): boolean {
  webgl ??= hasWebGL();
  return webgl;
}

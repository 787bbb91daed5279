import { LitElement, adoptStyles, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Availability, Product } from '../../contract/schemas.js';
import { PageAnswers } from '../internal/given-answer.js';
import { CitylabElement } from '../internal/citylab-element.js';
import { emit, emitError, type Failure } from '../internal/events.js';
import { count } from '../internal/insights.js';
import { ArController, type ArViewerArStatus } from './internal/ar-controller.js';
import type { SizeInMetres } from './internal/dimensions.js';
import { EngineController, type ArViewerLoading } from './internal/engine-controller.js';
import { posterOf } from './internal/poster.js';
import { ProductData } from './internal/product-data.js';
import type { Viewer3d } from './internal/viewer-3d.js';
import { catalogue } from './strings.js';
import { arViewerStyles } from './styles.js';

export type { ArViewerArStatus, ArViewerLoading };
/** When the 3D view replaces the poster. */
export type ArViewerReveal = 'interaction' | 'auto';
/** What the viewer shows, reflected as the `state` attribute for CSS. */
export type ArViewerState = 'pending' | 'poster' | 'loading' | 'ready' | 'no-model' | 'error';

type Message = { text: string; tone: 'info' | 'error' };

/**
 * The product in 3D, and at real size in the shopper's room.
 *
 * The poster shows at once, in a box reserved before anything loads. The 3D
 * engine (model-viewer with three.js, about 280 KB gzip) is a lazy chunk that
 * downloads on the shopper's first sign of intent — pointer over the viewer,
 * keyboard focus, a touch — or, with `loading="lazy"`, when the viewer nears
 * the viewport, or at once with `loading="eager"`. A page never pays for the
 * engine before the shopper comes near it. The same signs fetch the viewer's
 * own lazy part before it (internal/viewer-3d.ts: the loading, the loading bar,
 * what the AR button does, the QR dialog's content): the first paint is only
 * what the shopper sees before that.
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
 * @slot - The shop's own product photo (`<img src="…" alt="…">` inside the tag): shown until the town's poster arrives, and instead of it when the endpoint cannot answer or has none, so the page never loses its picture. Also before the viewer's code arrives (citylab.css sizes it).
 * @slot ar-button - Your own "view in your room" control, replacing the built-in button (clicks on it start AR or show the QR code).
 *
 * @csspart stage - The box that holds poster and 3D view (the "Maße" toggle and messages sit in its top corners).
 * @csspart controls - The row under the picture with "In 3D ansehen" and "In Ihrem Raum ansehen".
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
 * @cssproperty --citylab-focus-color - The focus ring (default: the link colour).
 * @cssproperty --citylab-link-color - The focus ring's colour when `--citylab-focus-color` is not set (default: the accent, mixed towards the text colour for contrast).
 *
 * @attr state - Reflected, read-only: `pending` | `poster` | `loading` | `ready` | `no-model` | `error`.
 * @attr ar-status - Reflected, read-only: `started` | `failed` | `ended` once AR was tried.
 */
export class CitylabArViewer extends CitylabElement(LitElement, catalogue) {
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

  /** Reflected for CSS; see `@attr state`. */
  @property({ reflect: true, attribute: 'state' }) viewState: ArViewerState = 'pending';

  /** Reflected for CSS; see `@attr ar-status`. */
  @property({ reflect: true, attribute: 'ar-status' }) arStatus?: ArViewerArStatus;

  /**
   * The product's availability, as `/v1/availability` (or `client.availability()`) answers it: its
   * name, model, poster and the shops that have it. Set it when the page already has the answer
   * (rendered on its server, or one request for a list of products): the viewer shows the poster
   * and the shop count at once, also when rendered on a server, then asks the endpoint and shows
   * the fresh answer without a loading state in between. The element sets it to each answer it gets.
   */
  @property({ attribute: false }) availability?: Availability;

  @state() private revealRequested = false;
  @state() private showDimensions = false;
  @state() private message?: Message;

  private focusModelOnReveal = false;
  /** What the viewer shows, and the page's answers set in `availability`. */
  private readonly answers = new PageAnswers();

  private readonly data = new ProductData({
    host: this,
    api: () => this.api,
    failed: (failure) => this.productFailed(failure),
    loaded: (answer) => {
      this.availability = this.answers.shown = answer;
      if (!this.modelSrc && !this.message) this.message = { text: this.strings.noModel, tone: 'info' };
    },
  });

  private readonly engine = new EngineController({
    host: this,
    loading: () => this.effectiveLoading,
    src: () => this.modelSrc,
    // Never a third-party CDN: the endpoint serves the decoders; without one, this site's own path.
    decoders: () => (this.resolvedEndpoint ? `${this.resolvedEndpoint}/sdk/decoders/` : new URL('/sdk/decoders/', document.baseURI).href),
    part: () => this.loadLazy(),
    loaded: () => {
      if (this.message?.tone === 'error') this.message = undefined;
    },
    failed: (failure, words) => this.fail(failure, words ?? this.strings.modelFailed),
  });

  private readonly ar = new ArController({
    host: this,
    endpoint: () => this.resolvedEndpoint,
    say: (text, tone = 'info') => (this.message = text === undefined ? undefined : { text, tone }),
    failed: (failure) => this.fail(failure, this.strings.arFailed),
    part: () => this.lazyForTap(),
  });

  /** The lazy part, once here (internal/viewer-3d.ts). */
  private lazy?: Viewer3d;
  private lazyLoading?: Promise<Viewer3d>;
  /** The lazy part while a tap waits for it. */
  private tapWaiting?: Promise<Viewer3d>;

  /** Fetches the lazy part once (again after a failed try); its styles join the element's. */
  private loadLazy(): Promise<Viewer3d> {
    return (this.lazyLoading ??= import('./internal/viewer-3d.js').then(
      ({ Viewer3d, arViewerStyles3d }) => {
        const root = this.renderRoot;
        if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof LitElement).elementStyles, arViewerStyles3d]);
        this.lazy = new Viewer3d({ engine: this.engine, ar: this.ar, lang: () => this.language });
        this.requestUpdate();
        return this.lazy;
      },
      (err: Error) => {
        this.lazyLoading = undefined;
        throw err;
      },
    ));
  }

  /** The lazy part for a tap that may come before it: `updateComplete` waits for it meanwhile. */
  private lazyForTap(): Promise<Viewer3d> {
    return (this.tapWaiting = this.loadLazy());
  }

  /** The link the desktop QR code encodes (this page with `#citylab-ar=…`, or the endpoint's `/ar/{gtin}`). */
  get arUrl(): string {
    return this.ar.url;
  }

  /** The loading strategy in force: `loading` if given, else `lazy` with `reveal="auto"`, else `intent`. */
  get effectiveLoading(): ArViewerLoading {
    if (this.loading === 'intent' || this.loading === 'lazy' || this.loading === 'eager') return this.loading;
    return this.reveal === 'auto' ? 'lazy' : 'intent';
  }

  // ------------------------------------------------------------ lifecycle

  /** A tap that came before the lazy part waits for it; so does whoever awaits the update after that tap. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.tapWaiting?.catch(() => undefined);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const gtin = this.gtin?.trim();
    // A newer answer from the page is shown as it is; a repeat, another product's or a broken one is not.
    const fromPage = changed.has('availability') && this.availability !== this.answers.shown;
    const given = fromPage ? this.answers.take(this, this.availability, gtin ? { gtin } : undefined) : undefined;
    if (fromPage) this.availability = this.answers.shown = given ?? this.answers.shown;
    if (changed.has('gtin') || this.endpointChanged(changed)) void this.data.load(gtin, given);
    else if (given) this.data.take(given);
    if (!this.hasUpdated || changed.has('gtin') || changed.has('src')) this.checkConfig();
    // On a server (Lit SSR) nothing loads: the poster's box, as the browser's first frame shows it.
    if (isServer) {
      this.viewState = this.computeState();
      super.willUpdate(changed);
      return;
    }
    // Only a loaded engine has a model to start over from (before that, nothing has loaded).
    if (changed.has('src') && changed.get('src') !== undefined) this.lazy?.newModel();
    // Starts (the lazy part first, then the engine) once the model's URL is known.
    if (this.effectiveLoading === 'eager' || this.ar.prompt) this.engine.want();
    else void this.engine.start();
    this.viewState = this.computeState();
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.lazy?.updated();
    if (changed.has('loading') || changed.has('reveal')) this.engine.watchViewport();
    if (this.data.phase === 'done') count(this, 'view');
    if (this.focusModelOnReveal && this.revealed) {
      this.focusModelOnReveal = false;
      this.lazy?.focusModel();
    }
  }

  protected override get waiting(): boolean {
    return this.dataPending;
  }

  // ------------------------------------------------------------ errors

  /** A viewer needs a GTIN or a model URL; say so once, and take it back when one arrives. */
  private checkConfig(): void {
    const missing = !this.gtin?.trim() && !this.src?.trim();
    const shown = this.message?.text === this.strings.configMissing;
    if (missing && !shown) this.fail({ kind: 'config', message: 'Set the gtin attribute (with an endpoint) or src.' }, this.strings.configMissing);
    else if (!missing && shown) this.message = undefined;
  }

  private productFailed(failure: Failure): void {
    const t = this.strings;
    if (failure.kind === 'config') this.fail(failure, t.configMissing);
    // With an explicit model the viewer still works; only the shop count is missing.
    else if (this.src) emitError(this, failure);
    else this.fail(failure, failure.code === 'product-not-found' ? t.productUnknown : t.productFailed);
  }

  private fail(failure: Failure, words: string): void {
    this.message = { text: words, tone: 'error' };
    emitError(this, failure);
  }

  // ------------------------------------------------------------ derived

  private resolveUrl(url: string | undefined): string | undefined {
    if (!url) return undefined;
    const api = this.api;
    try {
      return api ? api.resolve(url) : new URL(url, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  private get product(): Product | undefined {
    return this.data.product;
  }

  private get modelSrc(): string | undefined {
    return this.src?.trim() || this.resolveUrl(this.product?.model?.glb_url);
  }

  private get iosModelSrc(): string | undefined {
    return this.iosSrc?.trim() || this.resolveUrl(this.product?.model?.usdz_url);
  }

  private get posterSrc(): string | undefined {
    return posterOf(this.poster, this.product, (url) => this.resolveUrl(url));
  }

  private get name(): string {
    // A product no one has named for the town yet carries a neutral German placeholder: the viewer says it in its own words.
    return this.alt?.trim() || (this.product?.named_by ? this.product.name : undefined) || this.strings.model;
  }

  private get size(): SizeInMetres | undefined {
    return this.product?.model?.dimensions_m ?? this.engine.measured;
  }

  private get revealed(): boolean {
    return this.engine.model === 'done' && (this.reveal === 'auto' || this.revealRequested || this.ar.prompt);
  }

  private get dataPending(): boolean {
    return !this.src && (this.data.phase === 'loading' || (this.data.phase === 'idle' && !!this.gtin));
  }

  private computeState(): ArViewerState {
    if (this.dataPending) return 'pending';
    if (this.engine.failedToLoad || (this.data.phase === 'error' && !this.src)) return 'error';
    if (!this.modelSrc) return this.gtin || this.src ? 'no-model' : 'error';
    if (this.revealed) return 'ready';
    if (this.engine.busy) return 'loading';
    return 'poster';
  }

  // ------------------------------------------------------------ actions

  private onView3d = (event: MouseEvent): void => {
    this.revealRequested = true;
    // From the keyboard (a click without pointer, detail 0) the focus follows into the 3D view, where
    // the arrow keys turn the model; a pointer user is already there.
    this.focusModelOnReveal = event.detail === 0;
    this.engine.want();
    count(this, 'model-open');
  };

  private onDimensionsToggle = (): void => {
    // The size in words comes with the lazy part: a tap before it waits for it.
    void this.lazyForTap().then(
      () => {
        this.showDimensions = !this.showDimensions;
        if (this.message?.text === this.strings.dimensionsFailed) this.message = undefined;
      },
      // Offline: the toggle stays closed rather than opening on nothing, and says why; a second press tries again.
      (err: Error) => this.fail({ kind: 'network', message: `viewer: ${err.message}` }, this.strings.dimensionsFailed),
    );
  };

  private onStockClick = (): void => {
    const gtin = this.gtin?.trim();
    if (!gtin) return;
    const proceed = emit(this, 'citylab-find-in-store', { gtin, count: this.data.shopCount }, { cancelable: true });
    if (!proceed) return;
    const finder =
      document.querySelector<HTMLElement>(`citylab-store-finder[gtin="${CSS.escape(gtin)}"]`) ??
      document.querySelector<HTMLElement>('citylab-store-finder');
    if (finder) {
      finder.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
      finder.focus({ preventScroll: true });
    }
  };

  // ------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const s = this.strings;
    const src = this.modelSrc;
    const poster = this.posterSrc;
    const revealed = this.revealed;
    const { engine, lazy } = this;
    const classes = ['stage', revealed ? 'revealed' : '', this.dataPending ? 'pending' : ''].join(' ');
    return html`
      <div class=${classes} part="stage" aria-busy=${engine.busy || this.dataPending ? 'true' : 'false'}>
        ${engine.engine === 'done' && src ? this.renderModel(src) : nothing}
        ${poster && !this.dataPending
          ? html`<img class="poster" part="poster" src=${poster} alt=${this.name} @click=${src ? this.onView3d : nothing} />`
          : html`<div class="placeholder" part="poster"><slot>${this.dataPending ? nothing : this.name}</slot></div>`}
        <div class="overlay">
          <div class="top">
            <p class="message ${this.message?.tone ?? ''}" part="message" role="status" aria-live="polite">${this.message?.text ?? ''}</p>
            ${this.renderSize()}
          </div>
          <div class="centre">${engine.busy && (this.revealRequested || this.ar.prompt) ? lazy?.renderProgressText() : nothing}</div>
        </div>
        ${engine.busy ? lazy?.renderProgress() : nothing}
      </div>
      <div class="controls" part="controls">
        ${src && !revealed && !engine.failedToLoad
          ? html`<button class="view-3d primary" part="button view-3d-button" aria-label=${s.view3dLabel(this.name)} @click=${this.onView3d}>
              ${cubeIcon}<span>${s.view3d}</span>
            </button>`
          : nothing}
        ${src ? this.ar.renderButton(s.viewInRoomLabel(this.name), s.viewInRoom, arIcon) : nothing}
      </div>
      <div class="stock-row">
        ${this.data.shopCount > 0 && this.gtin
          ? html`<button class="stock" part="button stock-button" @click=${this.onStockClick}>${s.inStock(this.data.shopCount, this.data.shopsWithDisplay)}</button>`
          : nothing}
      </div>
      <dialog part="qr-dialog" aria-labelledby="qr-title" @close=${lazy?.onQrClosed}>${lazy?.renderQr()}</dialog>
    `;
  }

  /** model-viewer itself, once the engine (and with it the lazy part) is there; the viewer draws poster, progress and AR button around it. */
  private renderModel(src: string): TemplateResult | undefined {
    return this.lazy?.renderModel({
      src,
      iosSrc: this.iosModelSrc,
      alt: this.name,
      autoRotate: this.autoRotate,
      arScale: this.arScale,
      arPlacement: this.arPlacement,
      lang: this.language,
      hidden: !this.revealed,
    });
  }

  /** The "Maße" toggle and, when open, the size under it (the lazy part's: a tap on the toggle waits for it). */
  private renderSize(): TemplateResult | typeof nothing {
    const size = this.size;
    if (!size || !this.modelSrc) return nothing;
    return html`<div class="size">
      <button
        class="dimensions-toggle"
        part="button dimensions-button"
        aria-expanded=${this.showDimensions ? 'true' : 'false'}
        aria-controls="dimensions"
        @click=${this.onDimensionsToggle}
      >${this.strings.dimensions}</button>
      ${this.showDimensions ? this.lazy?.renderDimensions(size) : nothing}
    </div>`;
  }
}

const arIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2 3 7v10l9 5 9-5V7l-9-5Zm0 2.3L18.7 8 12 11.7 5.3 8 12 4.3ZM5 9.7l6 3.3v6.6l-6-3.3V9.7Zm8 9.9V13l6-3.3v6.6l-6 3.3Z"/></svg>`;
const cubeIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3a9 9 0 1 0 9 9h-2a7 7 0 1 1-2.05-4.95L14 10h7V3l-2.64 2.64A8.97 8.97 0 0 0 12 3Z"/></svg>`;

import { LitElement, adoptStyles, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { verifyAnswers, type CitylabClient } from '../../client/client.js';
import type { Availability, Offer, Reservation } from '../../contract/schemas.js';
import { availabilityRequest } from '../internal/availability.js';
import { PageAnswers } from '../internal/given-answer.js';
import { CitylabElement, NO_ENDPOINT } from '../internal/citylab-element.js';
import { emitError, type Failure } from '../internal/events.js';
import { count } from '../internal/insights.js';
import { checkIcon, crossedIcon, halfIcon, pinIcon, warningIcon } from '../internal/icons.js';
import { resolveLang } from '../internal/lang.js';
import { readyFromText } from '../internal/when.js';
import { hasStock, reservableOffers } from './offers.js';
import type { ReservationFlow } from './reservation-flow.js';
import { catalogue } from './strings.js';
import { collectStyles } from './styles.js';

/** What the button shows; mirrored to the `status` attribute so a shop's CSS can react. */
export type ClickCollectStatus = 'idle' | 'loading' | 'available' | 'elsewhere' | 'unavailable' | 'error' | 'reserved';

type Unavailable = 'not-in-stock' | 'no-service' | 'unknown';

export interface ClickCollectOpenOptions {
  gtin: string;
  /** The shop to reserve at. */
  store: string;
  /** The element asking (e.g. the finder): the dialog takes its language, endpoint and client, and focus returns to what was focused in it. */
  host: Element & { endpoint?: string; client?: CitylabClient };
}

/** Elements made by `openFor`, one per asking element. */
const spawned = new WeakMap<Element, CitylabClickCollect>();

/**
 * Reserve now, pay and collect in the shop: a button that says whether the
 * product can be reserved here (or only at another shop in town), and a dialog
 * that takes the reservation and shows the pickup code.
 *
 * The button and its availability line are in the script-tag entry; the dialog
 * (form, validation, confirmation, calendar file, QR code) loads on the
 * shopper's first sign of intent: pointer over the button, focus, or a tap.
 *
 * @tagname citylab-click-collect
 * @summary A "Reserve & collect" button with the product's availability, and the reservation dialog.
 *
 * @event citylab-reserve - Before a reservation is sent; cancelable (`preventDefault()` sends nothing). `detail: { store, gtin, quantity }`, no personal data.
 * @event citylab-reserved - A reservation was made. `detail: { id, code, store, gtin, quantity, expires_at }`, no personal data.
 * @event citylab-error - Availability could not be loaded, or a reservation or cancellation failed. `detail: { element, kind, code?, message }`.
 *
 * @csspart base - The outer container of the button and its line.
 * @csspart button - The "Reservieren & abholen" button.
 * @csspart state - The availability line under the button.
 * @csspart dialog - The reservation dialog (a native modal `<dialog>`).
 * @csspart form - The reservation form.
 * @csspart input - Every text and number field in the form.
 * @csspart field-error - The message next to a field that needs a change.
 * @csspart submit - The dialog's main button ("Jetzt reservieren").
 * @csspart dialog-button - Every other button and the calendar link in the dialog.
 * @csspart failure - The message when a reservation did not go through.
 * @csspart confirmation - The confirmation with the pickup code.
 * @csspart code - The pickup code.
 * @csspart qr-code - The QR code of the pickup code (a canvas).
 *
 * @cssproperty --citylab-accent - Accent colour of the buttons and focus rings (default #0b5cad).
 * @cssproperty --citylab-on-accent - Text colour on the accent (default white).
 * @cssproperty --citylab-radius - Corner radius (default 8px).
 * @cssproperty --citylab-border-color - Borders of fields and cards (default: the text colour at 22 %).
 * @cssproperty --citylab-muted-color - Secondary text: hints, the availability line while loading (default: the text colour at 72 %).
 * @cssproperty --citylab-link-color - Links and quiet buttons (default: the accent, mixed towards the text colour for contrast).
 * @cssproperty --citylab-focus-color - The focus ring (default: the link colour).
 * @cssproperty --citylab-in-stock-color - Colour of "in stock" and "reserved".
 * @cssproperty --citylab-limited-color - Colour of "only a few left" and of field warnings.
 * @cssproperty --citylab-dialog-background - The dialog's background (default white on light pages, #1c1c1e on dark ones).
 */
export class CitylabClickCollect extends CitylabElement(LitElement, catalogue) {
  static override styles = collectStyles;

  /**
   * Opens the reservation dialog for a shop and product on behalf of another
   * element (the finder's "Reservieren"): one dialog-only element is placed
   * right after `host` (so it inherits the page's language and theme) and reused.
   */
  static async openFor({ gtin, store, host }: ClickCollectOpenOptions): Promise<CitylabClickCollect> {
    let el = spawned.get(host);
    if (!el || !el.isConnected) {
      el = new this();
      el.setAttribute('data-dialog-only', '');
      el.dialogOnly = true;
      el.lang = resolveLang(host);
      host.after(el);
      spawned.set(host, el);
    }
    // The asking element's endpoint and client as they are now (a property set after its first render too).
    el.endpoint = host.endpoint ?? host.getAttribute('endpoint') ?? undefined;
    el.client = typeof host.client?.reserve === 'function' ? host.client : undefined;
    el.gtin = gtin;
    el.store = store;
    await el.open();
    return el;
  }

  /** The product's GTIN (EAN). */
  @property({ reflect: true }) gtin?: string;

  /** The shop to reserve at: the shop whose page this is. Without it, the shopper chooses among the town's shops. */
  @property({ reflect: true }) store?: string;

  /** The shop's own article number (needs `store`), used when `gtin` is not given. */
  @property() sku?: string;

  /** The moment the pickup window is computed for. Default: now. */
  @property({ attribute: false }) now?: Date;

  /** What the button shows (read-only; reflected so CSS can react, e.g. `[status="unavailable"]`). */
  @property({ reflect: true }) status: ClickCollectStatus = 'idle';

  /**
   * The product's availability, as `/v1/availability` (or `client.availability()`) answers it.
   * Set it when the page already has the answer (rendered on its server, or one request for a
   * list of products): the element shows it at once instead of its loading state, also when
   * rendered on a server, then asks the endpoint and shows the fresh answer without a loading
   * state in between. The element sets it to each answer it gets.
   */
  @property({ attribute: false }) availability?: Availability;

  @state() private unavailable?: Unavailable;
  @state() private failed = false;
  @state() private flowFailed = false;
  @state() private reservation?: Reservation;
  @state() private scheme: 'light' | 'dark' = 'light';
  /** Set by `openFor`: no button, only the dialog. */
  @state() private dialogOnly = false;

  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('.reserve') private button!: HTMLButtonElement | null;

  private flow?: ReservationFlow;
  private flowLoading?: Promise<ReservationFlow | undefined>;
  private loading?: Promise<void>;
  private requestSeq = 0;
  /** What the element shows, and the page's answers set in `availability`. */
  private readonly answers = new PageAnswers();
  /** Where focus was when the dialog opened; it goes back there on close. */
  private returnFocus?: HTMLElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const product = changed.has('gtin') || changed.has('sku');
    // A newer answer from the page is shown as it is; a repeat, another product's or a broken one is not.
    const fromPage = changed.has('availability') && this.availability !== this.answers.shown;
    const given = fromPage ? this.answers.take(this, this.availability, availabilityRequest(this.gtin, this.store, this.sku)) : undefined;
    if (fromPage) this.show(given ?? this.answers.shown);
    if (product || changed.has('store') || this.endpointChanged(changed)) {
      if (product || changed.has('store')) {
        this.reservation = undefined;
        this.flow?.reset();
      }
      void this.refresh(given);
    } else if (given) {
      // Newer than an answer still on its way.
      this.requestSeq++;
      this.failed = false;
    }
    this.status = this.currentStatus();
    super.willUpdate(changed);
  }

  protected override get waiting(): boolean {
    return this.status === 'loading';
  }

  /** Loads (or reloads) the availability; safe to call any time. */
  load(): Promise<void> {
    return this.refresh();
  }

  /** Asks the endpoint; `given`, the page's answer for this product, stays on screen meanwhile. */
  private refresh(given?: Availability): Promise<void> {
    const query = availabilityRequest(this.gtin, this.store, this.sku);
    const seq = ++this.requestSeq;
    this.show(given);
    this.failed = false;
    if (!query) return (this.loading = Promise.resolve());
    // On a server (Lit SSR) it renders what the browser's first frame shows: the page's answer, else the answer still on its way.
    if (isServer) return (this.loading = Promise.resolve());
    const api = this.api;
    if (!api) {
      this.show(undefined);
      this.fail(NO_ENDPOINT);
      return (this.loading = Promise.resolve());
    }
    return (this.loading = api.availability(query).then((result) => {
      if (seq !== this.requestSeq) return; // a newer request (or the page's answer) superseded this one
      if (result.ok) {
        this.show(result.data);
        // A dialog opened from the finder is not a view of its own: the finder counted it.
        if (!this.dialogOnly) count(this, 'view');
      } else if (result.error.code === 'product-not-found') {
        this.show(undefined);
        this.unavailable = 'unknown';
        this.fail(result.error);
      } else {
        this.fail(result.error);
      }
    }));
  }

  /** Shows an answer (or none: the loading state), and what it means for the button. */
  private show(answer: Availability | undefined): void {
    this.availability = this.answers.shown = answer;
    this.unavailable =
      !answer || reservableOffers(answer).length > 0 ? undefined
      : answer.offers.some(hasStock) ? 'no-service'
      : 'not-in-stock';
  }

  private fail(failure: Failure): void {
    if (failure.code !== 'product-not-found') this.failed = true;
    emitError(this, failure);
  }

  private currentStatus(): ClickCollectStatus {
    if (!availabilityRequest(this.gtin, this.store, this.sku)) return 'idle';
    if (this.reservation) return 'reserved';
    if (this.failed) return 'error';
    if (this.unavailable) return 'unavailable';
    if (!this.availability) return 'loading';
    return this.ownOffer() ? 'available' : 'elsewhere';
  }

  /** This shop's offer, when it can be reserved. */
  private ownOffer(): Offer | undefined {
    return this.availability?.offers.find((o) => o.store.id === this.store && o.reservable);
  }

  // ----------------------------------------------------------------- dialog

  /**
   * Opens the reservation dialog (after the availability and the dialog's code
   * have arrived). Does nothing when the product cannot be reserved anywhere.
   */
  async open(): Promise<void> {
    if (this.failed) void this.load();
    await this.settled();
    if (this.failed || !availabilityRequest(this.gtin, this.store, this.sku)) return;
    // The element's own button is disabled then; the finder's "Reservieren" still gets an answer in the dialog.
    if (this.unavailable && !this.dialogOnly) return;
    const flow = await this.loadFlow();
    if (!flow) return;
    const active = deepActiveElement(this.ownerDocument);
    if (!this.dialog?.open) this.returnFocus = active;
    this.scheme = isDarkText(getComputedStyle(this).color) ? 'dark' : 'light';
    flow.opening();
    await this.updateComplete;
    const dialog = this.dialog;
    // Removed from the page while its code loaded (a React view unmounted, the shop's page changed):
    // nothing to show, and nothing may be thrown into the page.
    if (!dialog?.isConnected) return;
    if (!dialog.open) dialog.showModal();
    count(this, 'reservation-open', { store: this.store });
    await flow.focusInitial();
  }

  /** Until the latest availability request has answered. */
  private async settled(): Promise<void> {
    let pending: Promise<void> | undefined;
    do {
      pending = this.loading;
      await pending;
    } while (pending !== this.loading);
    await this.updateComplete;
  }

  /** Loads the dialog's code (a lazy chunk) once; its styles join the element's. */
  private loadFlow(): Promise<ReservationFlow | undefined> {
    if (this.flow) return Promise.resolve(this.flow);
    // The dialog needs the contract's schemas anyway: from now on every answer is checked (client.ts).
    return (this.flowLoading ??= Promise.all([import('./reservation-flow.js'), verifyAnswers()]).then(
      ([{ ReservationFlow, dialogStyles }]) => {
        const root = this.renderRoot;
        if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof LitElement).elementStyles, ...dialogStyles]);
        this.flowFailed = false;
        this.flow = new ReservationFlow({
          host: this,
          root: () => this.renderRoot,
          lang: () => this.language,
          api: () => this.api,
          availability: () => this.availability,
          store: () => this.store,
          now: () => this.now ?? new Date(),
          close: () => this.dialog?.close(),
          reserved: (r) => {
            this.reservation = r;
            // What is still free has changed (for "another reservation" and after a cancellation).
            void this.load();
          },
          cancelled: () => {
            this.reservation = undefined;
            void this.load();
          },
        });
        return this.flow;
      },
      (err: Error) => {
        this.flowLoading = undefined;
        this.flowFailed = true;
        emitError(this, { kind: 'network', message: `dialog: ${err.message}` });
        return undefined;
      },
    ));
  }

  private preload = (): void => {
    if (this.status === 'available' || this.status === 'elsewhere' || this.status === 'reserved') void this.loadFlow();
  };

  private onClick = (): void => {
    if (this.status === 'error') {
      void this.load();
      return;
    }
    if (this.status === 'unavailable') return;
    void this.open();
  };

  private onDialogClose = (): void => {
    this.flow?.closed();
    const target = this.returnFocus;
    this.returnFocus = undefined;
    (target?.isConnected ? target : this.button)?.focus();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.hostDisconnected();
  }

  // ----------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const lang = this.language;
    const dialog = this.flow
      ? html`<dialog part="dialog" class=${this.scheme} lang=${lang} aria-labelledby="cc-title" @close=${this.onDialogClose}>${this.flow.render()}</dialog>`
      : nothing;
    // Opened for another element: the dialog alone, so not even an empty box joins the page's layout.
    if (this.dialogOnly) return html`${dialog}`;
    return html`<div class="base" part="base" lang=${lang}>${this.renderButton()}${dialog}</div>`;
  }

  private renderButton(): TemplateResult {
    const t = this.strings;
    const status = this.status;
    const disabled = status === 'unavailable' || status === 'idle';
    const line = this.stateLine();
    return html`<button part="button" class="reserve" type="button" aria-disabled=${disabled ? 'true' : nothing} aria-describedby="state"
        @click=${this.onClick} @pointerenter=${this.preload} @focus=${this.preload}>${status === 'error' ? t.retry : html`${bagIcon} ${t.button}`}</button>
      <p id="state" class="state ${line.kind}" part="state" role="status">${line.kind === 'loading'
        ? html`<span class="bar" aria-hidden="true"></span><span class="visually-hidden">${line.text}</span>`
        : html`${stateIcon(line.kind)}<span class="text">${line.text}${line.pickup ? html`<span class="visually-hidden"> · </span><span class="pickup">${line.pickup}</span>` : nothing}</span>`}</p>`;
  }

  /** The state sentence; `pickup` ("Abholbereit ab …") starts the second of the two reserved lines. */
  private stateLine(): { kind: string; text: string; pickup?: string } {
    const t = this.strings;
    if (this.flowFailed) return { kind: 'error', text: t.formError };
    switch (this.status) {
      case 'idle':
        return { kind: 'unavailable', text: '' };
      case 'loading':
        return { kind: 'loading', text: t.loading };
      case 'error':
        return { kind: 'error', text: t.error };
      case 'reserved':
        return { kind: 'reserved', text: t.reserved(this.reservation!.code) };
      case 'unavailable':
        return { kind: 'unavailable', text: this.unavailable === 'unknown' ? t.unknown : this.unavailable === 'no-service' ? t.noService : t.notInStock };
      case 'available': {
        const o = this.ownOffer()!;
        const limited = o.availability === 'limited_availability';
        const parts = [limited ? t.limited : t.inStock];
        if (o.quantity !== undefined) parts.push(t.free(o.quantity));
        return { kind: limited ? 'limited' : 'available', text: parts.join(' · '), pickup: readyFromText(o.store, this.now ?? new Date(), this.language) };
      }
      case 'elsewhere': {
        const n = reservableOffers(this.availability).filter((o) => o.store.id !== this.store).length;
        if (!this.store) return { kind: 'elsewhere', text: t.inShops(n) };
        // Not reservable here (the endpoint said so): because the shop takes no reservations of it, or has none.
        const own = this.availability?.offers.find((o) => o.store.id === this.store);
        return { kind: 'elsewhere', text: own && hasStock(own) ? t.elsewhereNoService(n) : t.elsewhere(n) };
      }
    }
  }
}

/** The focused element, looking into open shadow roots (the finder's button lives in one). */
function deepActiveElement(doc: Document): HTMLElement | undefined {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : undefined;
}

/** Light text means a dark page: the dialog then gets a dark background of its own. */
function isDarkText(color: string): boolean {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(color);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4;
}

const bagIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 5.5h10l-.8 8.5H3.8z M5.5 5.5V4a2.5 2.5 0 0 1 5 0v1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/></svg>`;

function stateIcon(kind: string): TemplateResult | typeof nothing {
  // Shapes differ as well as colours: check, half-filled, a place elsewhere, crossed, warning.
  switch (kind) {
    case 'available':
    case 'reserved':
      return checkIcon;
    case 'limited':
      return halfIcon;
    case 'elsewhere':
      return pinIcon;
    case 'unavailable':
      return crossedIcon;
    case 'error':
      return warningIcon;
    default:
      return nothing;
  }
}

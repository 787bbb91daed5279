import { LitElement, adoptStyles, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Availability, City, Offer } from '../../contract/schemas.js';
import { availabilityRequest, inShop } from '../internal/availability.js';
import { PageAnswers } from '../internal/given-answer.js';
import { CitylabElement, NO_ENDPOINT } from '../internal/citylab-element.js';
import { emit, emitError } from '../internal/events.js';
import { count } from '../internal/insights.js';
import type { FinderTools } from './finder-tools.js';
import { LocationForm } from './location-form.js';
import { offerSkeleton, renderOffer, stateText } from './offer-card.js';
import { catalogue } from './strings.js';
import { finderStyles } from './styles.js';

type Phase = 'idle' | 'loading' | 'ready' | 'unknown' | 'error';

/** How long the skeleton waits before it says the endpoint is slow (the client gives up at 4 s). */
const SLOW_MS = 2000;

/** The tools' code once a finder on the page has loaded it: every finder builds its own from it at once. */
let toolsModule: typeof import('./finder-tools.js') | undefined;

/**
 * "Find in store" for the whole town: which shops have the product, whether
 * they are open now, how far they are, and a way to reserve.
 *
 * The list and its controls are the first paint; what the controls do (the place
 * lookup, the device's location, the map) loads on the shopper's first sign of
 * intent: pointer over the finder, focus in it, or a touch (finder-tools.ts).
 *
 * @summary Shows every shop in town that carries a product, with stock, price, opening state, distance and a map.
 *
 * @event citylab-store-select - The shopper chose a shop (a map pin, or "Reservieren"). `detail: { store, offer, action }`.
 * @event citylab-error - Availability could not be loaded, or geolocation failed. `detail: { element, kind, code?, message }`.
 *
 * @csspart base - The outer container.
 * @csspart toolbar - The location form and the filter.
 * @csspart input - The postcode or place input.
 * @csspart button - Every button.
 * @csspart list - The list of shops.
 * @csspart offer - One shop in the list.
 * @csspart own-offer - The shop whose page this is (see `store`).
 * @csspart availability - The stock state with its icon.
 * @csspart message - What the finder says instead of a list: nothing found, none in stock, or that it cannot load.
 * @csspart map - The map area.
 *
 * @cssproperty --citylab-accent - Accent colour of buttons and focus rings (default #0b5cad).
 * @cssproperty --citylab-on-accent - Text colour on the accent (default white).
 * @cssproperty --citylab-radius - Corner radius (default 8px).
 * @cssproperty --citylab-surface - Background of cards and fields (default transparent: the page shows through).
 * @cssproperty --citylab-border-color - Borders of cards and fields (default: the text colour at 22 %).
 * @cssproperty --citylab-muted-color - Secondary text: the summary, freshness, address (default: the text colour at 72 %).
 * @cssproperty --citylab-link-color - Links and quiet buttons (default: the accent, mixed towards the text colour for contrast).
 * @cssproperty --citylab-focus-color - The focus ring (default: the link colour).
 * @cssproperty --citylab-in-stock-color - Colour of "in stock".
 * @cssproperty --citylab-limited-color - Colour of "only a few left", "closes soon" and field warnings.
 * @cssproperty --citylab-out-of-stock-color - Colour of "out of stock".
 * @cssproperty --citylab-on-display-color - Colour of "on display, can be ordered".
 * @cssproperty --citylab-map-height - Height of the map (default 320px).
 */
export class CitylabStoreFinder extends CitylabElement(LitElement, catalogue) {
  static override styles = finderStyles;

  /** The product's GTIN (EAN). */
  @property({ reflect: true }) gtin?: string;

  /** The shop whose page this is: shown first and marked. With `sku`, the product is looked up by that shop's article number. */
  @property({ reflect: true }) store?: string;

  /** The shop's own article number (needs `store`), used when `gtin` is not given. */
  @property() sku?: string;

  /** Start with the "in stock only" filter on. */
  @property({ type: Boolean, attribute: 'in-stock-only' }) inStockOnly = false;

  /** How many shops to show before "show all". */
  @property({ type: Number }) limit = 3;

  /** The moment opening states are computed for. Default: now (updated every minute). */
  @property({ attribute: false }) now?: Date;

  @state() private phase: Phase = 'idle';
  @state() private slow = false;

  /**
   * The product's availability, as `/v1/availability` (or `client.availability()`) answers it.
   * Set it when the page already has the answer (rendered on its server, or one request for a
   * list of products): the element lists the shops at once instead of its skeleton, also when
   * rendered on a server, then asks the endpoint and shows the fresh answer without a skeleton
   * in between. The element sets it to each answer it gets.
   */
  @property({ attribute: false }) availability?: Availability;

  @state() private city?: City;
  @state() private expanded = false;
  @state() private clock = new Date();
  /** The tools' code could not be loaded for a press: the status says so until a try succeeds. */
  @state() private toolsFailed = false;

  private requestSeq = 0;
  /** What the element shows, and the page's answers set in `availability`. */
  private readonly answers = new PageAnswers();
  private slowTimer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setInterval>;

  /** Sorting by distance and the map (finder-tools.ts): here once the shopper showed intent. */
  private tools?: FinderTools;
  private toolsLoading?: Promise<FinderTools | undefined>;

  private readonly form = new LocationForm({ host: this, strings: () => this.strings, withTools: (act, unavailable) => this.withTools(act, unavailable) });

  constructor() {
    super();
    // The shopper's first sign of intent fetches the tools, so a press rarely waits for them.
    const intent = () => void this.loadTools();
    this.addEventListener('pointerenter', intent);
    this.addEventListener('focusin', intent);
    this.addEventListener('touchstart', intent, { passive: true });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => (this.clock = new Date()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.slowTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another endpoint is another town: its own city, map and places.
    if (this.endpointChanged(changed)) this.city = undefined;
    // A newer answer from the page is shown as it is; a repeat, another product's or a broken one is not,
    // nor one over a list sorted by the shopper's place (it has no distances).
    const fromPage = changed.has('availability') && this.availability !== this.answers.shown;
    let given = fromPage ? this.answers.take(this, this.availability, availabilityRequest(this.gtin, this.store, this.sku)) : undefined;
    if (this.tools?.location.origin) given = undefined;
    if (fromPage) this.availability = this.answers.shown = given ?? this.answers.shown;
    if (changed.has('gtin') || changed.has('store') || changed.has('sku') || this.endpointChanged(changed)) void this.refresh(given);
    else if (given) {
      // Newer than an answer still on its way.
      this.requestSeq++;
      clearTimeout(this.slowTimer);
      this.slow = false;
      this.phase = 'ready';
    }
    super.willUpdate(changed);
  }

  protected override get waiting(): boolean {
    return this.phase === 'loading';
  }

  /** Loads (or reloads) the availability; safe to call any time. */
  load(): Promise<void> {
    return this.refresh();
  }

  /** Asks the endpoint; `given`, the page's answer for this product, stays on screen meanwhile. */
  private async refresh(given?: Availability): Promise<void> {
    const seq = ++this.requestSeq;
    const api = this.api;
    const query = availabilityRequest(this.gtin, this.store, this.sku);
    if (given) this.availability = this.answers.shown = given;
    if (!query) {
      this.phase = 'idle';
      return;
    }
    // On a server (Lit SSR) it renders what the browser's first frame shows: the page's answer, else the answer still on its way.
    if (isServer) {
      this.phase = given ? 'ready' : 'loading';
      return;
    }
    if (!api) {
      this.phase = 'error';
      emitError(this, NO_ENDPOINT);
      return;
    }
    this.phase = given ? 'ready' : 'loading';
    this.slow = false;
    clearTimeout(this.slowTimer);
    if (!given) this.slowTimer = setTimeout(() => (this.slow = true), SLOW_MS);
    const [result, city] = await Promise.all([api.availability(query, this.tools?.location.origin?.location), this.city ? undefined : api.city()]);
    if (seq !== this.requestSeq) return; // a newer request superseded this one
    clearTimeout(this.slowTimer);
    this.slow = false;
    if (city?.ok) this.city = city.data;
    if (result.ok) {
      this.availability = this.answers.shown = result.data;
      this.phase = 'ready';
      count(this, 'view');
      count(this, 'finder-search');
    } else if (result.error.code === 'product-not-found') {
      this.availability = this.answers.shown = undefined;
      this.phase = 'unknown';
      emitError(this, result.error);
    } else {
      this.phase = 'error';
      emitError(this, result.error);
    }
  }

  /** The tools, built for this element the first time they are asked for, once their code is here. */
  private toolsNow(): FinderTools | undefined {
    if (this.tools || !toolsModule) return this.tools;
    const root = this.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof LitElement).elementStyles, ...toolsModule.toolsStyles]);
    return (this.tools = new toolsModule.FinderTools({
      host: this,
      form: this.form,
      api: () => this.api,
      city: () => this.city,
      offers: () => this.visibleOffers(true),
      shown: () => this.visibleOffers(),
      expand: () => (this.expanded = true),
      label: (o) => `${o.store.name}: ${stateText(o, this.strings)}`,
    }));
  }

  /** Loads the tools' code (a lazy chunk) once; a failure may be retried by the next sign of intent or press. */
  private loadTools(): Promise<FinderTools | undefined> {
    if (this.toolsNow()) return Promise.resolve(this.tools);
    return (this.toolsLoading ??= import('./finder-tools.js').then(
      (module) => {
        toolsModule = module;
        this.toolsFailed = false;
        return this.toolsNow();
      },
      (err: Error) => {
        this.toolsLoading = undefined;
        emitError(this, { kind: 'network', message: `finder tools: ${err.message}` });
        return undefined;
      },
    ));
  }

  /** A press on a control of the tools: handled at once when they are here, else as soon as they arrived. */
  private withTools(act: (tools: FinderTools) => unknown, unavailable?: () => void): void {
    const tools = this.toolsNow();
    if (tools) void act(tools);
    else
      void this.loadTools().then((loaded) => {
        if (loaded) return act(loaded);
        // Only a press is told: a sign of intent that found no network changes nothing on screen.
        this.toolsFailed = true;
        unavailable?.();
      });
  }

  private toggleMap = (): void => this.withTools((tools) => tools.map.toggle());

  // ------------------------------------------------------------------ data

  /** Offers in display order: this shop first, then as the endpoint sorted them, filtered. */
  private visibleOffers(all = false): Offer[] {
    const offers = this.availability?.offers ?? [];
    const own = offers.filter((o) => o.store.id === this.store);
    const others = offers.filter((o) => o.store.id !== this.store && (!this.inStockOnly || inShop(o)));
    const list = [...own, ...others];
    return all || this.expanded ? list : list.slice(0, Math.max(this.limit, own.length));
  }

  private shownCount(): number {
    const offers = this.availability?.offers ?? [];
    return offers.filter((o) => o.store.id === this.store || !this.inStockOnly || inShop(o)).length;
  }

  // --------------------------------------------------------------- actions

  /** "Reservieren" on a card (a pin on the map selects its card: map-panel.ts). */
  private reserve(offer: Offer): void {
    emit(this, 'citylab-store-select', { store: offer.store, offer, action: 'reserve' });
    // The reservation dialog's code comes when a shopper first reserves from the finder.
    void import('../click-collect/define.js').then(() => {
      const collect = customElements.get('citylab-click-collect') as (CustomElementConstructor & { openFor?: (o: { gtin: string; store: string; host: Element }) => unknown }) | undefined;
      collect?.openFor?.({ gtin: offer.gtin, store: offer.store.id, host: this });
    });
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const t = this.strings;
    const cityName = this.city?.name ?? this.availability?.offers[0]?.store.address.city ?? '';
    return html`<section part="base" class="base" aria-label=${t.title(cityName)} lang=${this.language}>
      <div class="toolbar" part="toolbar">
        ${this.form.render()}
        <label class="filter">
          <input type="checkbox" .checked=${this.inStockOnly} @change=${(e: Event) => (this.inStockOnly = (e.target as HTMLInputElement).checked)} />
          ${t.inStockOnly}
        </label>
      </div>
      <p class="status" role="status" aria-live="polite">${this.renderStatus()}</p>
      ${this.renderBody(cityName)}
    </section>`;
  }

  private renderStatus(): string {
    const t = this.strings;
    if (this.phase === 'loading') return this.slow ? t.slow : t.loading;
    if (this.phase !== 'ready' || !this.availability) return '';
    const offers = this.availability.offers;
    const sorted = this.tools?.location.sortedFrom();
    return t.summary(offers.length, offers.filter(inShop).length) + (sorted ? ' ' + sorted : '') + (this.toolsFailed ? ' ' + t.toolsFailed : '');
  }

  private renderBody(cityName: string): TemplateResult {
    const t = this.strings;
    switch (this.phase) {
      case 'idle':
        return html``;
      case 'loading':
        // The list and the row of buttons under it, at their final size.
        return html`<ul class="list" part="list" aria-busy="true" aria-label=${t.loading}>
            ${Array.from({ length: this.limit }, (_, i) => offerSkeleton(i === 0 && !!this.store))}
          </ul>
          <div class="more" aria-hidden="true"><span class="bar-row"></span></div>`;
      case 'unknown':
        return html`<div class="message" part="message"><p>${t.unknown}</p></div>`;
      case 'error':
        return html`<div class="message" part="message" role="alert">
          <p>${t.error}</p>
          <button part="button" type="button" @click=${() => this.load()}>${t.retry}</button>
        </div>`;
      case 'ready':
        break;
    }
    const offers = this.visibleOffers();
    const total = this.shownCount();
    if (!this.availability?.offers.length) {
      return html`<div class="message" part="message"><p>${t.none(cityName)}</p></div>`;
    }
    const card = { t, lang: this.language, ownStore: this.store, now: this.now ?? this.clock, reserve: (o: Offer) => this.reserve(o), opened: (o: Offer, what: 'route-open' | 'call-open' | 'website-open') => count(this, what, { store: o.store.id }) };
    return html`
      ${offers.length === 0 ? html`<div class="message" part="message"><p>${t.noneInStock}</p></div>` : nothing}
      <ul class="list" part="list">
        ${offers.map((o, i) => renderOffer(o, i + 1, card))}
      </ul>
      <div class="more">
        ${total > this.limit
          ? html`<button part="button" type="button" class="quiet" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
              ${this.expanded ? t.showFewer : t.showAll(total)}
            </button>`
          : nothing}
        ${this.tools?.location.renderClear() ?? nothing}
        ${this.renderMapToggle()}
      </div>
      ${this.tools?.map.render() ?? nothing}
    `;
  }

  /** "Karte anzeigen" / "Karte ausblenden": here from the first paint, the map behind it comes with the tools. */
  private renderMapToggle(): TemplateResult {
    const open = this.tools?.map.isOpen ?? false;
    return html`<button part="button" type="button" class="quiet" aria-expanded=${open ? 'true' : 'false'} aria-controls="map" @click=${this.toggleMap}>
      ${mapIcon} ${open ? this.tools!.t.hideMap : this.strings.showMap}
    </button>`;
  }
}

const mapIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M1.5 3.5l4-1.5 5 1.5 4-1.5v10.5l-4 1.5-5-1.5-4 1.5z M5.5 2v10.5 M10.5 3.5V14" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/></svg>`;

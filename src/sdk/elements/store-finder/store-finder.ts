import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { CitylabClient, clientFor, type ClientError } from '../../client/client.js';
import { resolveEndpoint } from '../../client/endpoint.js';
import type { Availability, City, LatLon, Offer } from '../../contract/schemas.js';
import { emit } from '../internal/events.js';
import { formatAgo, formatDistance, formatPrice } from '../internal/format.js';
import { resolveLang, type Lang } from '../internal/lang.js';
import type { MapHandle } from './map.js';
import { openStatus } from './open-status.js';
import { catalogue, type FinderStrings } from './strings.js';
import { finderStyles } from './styles.js';

type Phase = 'idle' | 'loading' | 'ready' | 'unknown' | 'error';
type Origin = { kind: 'place'; name: string; location: LatLon } | { kind: 'device'; location: LatLon };

/** Consent to a third-party tile host lasts for this page view only: kept in memory, never stored. */
const tileConsent = new Set<string>();

/** How long the skeleton waits before it says the endpoint is slow. */
const SLOW_MS = 4000;

/**
 * "Find in store" for the whole town: which shops have the product, whether
 * they are open now, how far they are, and a way to reserve.
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
 * @csspart map - The map area.
 *
 * @cssproperty --citylab-accent - Accent colour of buttons and focus rings (default #0b5cad).
 * @cssproperty --citylab-on-accent - Text colour on the accent (default white).
 * @cssproperty --citylab-radius - Corner radius (default 8px).
 * @cssproperty --citylab-surface - Background of cards (default transparent: the page shows through).
 * @cssproperty --citylab-border-color - Card borders (default: the text colour at 22 %).
 * @cssproperty --citylab-in-stock-color - Colour of "in stock".
 * @cssproperty --citylab-limited-color - Colour of "only a few left".
 * @cssproperty --citylab-out-of-stock-color - Colour of "out of stock".
 * @cssproperty --citylab-on-display-color - Colour of "on display, can be ordered".
 * @cssproperty --citylab-map-height - Height of the map (default 320px).
 */
export class CitylabStoreFinder extends LitElement {
  static override styles = finderStyles;

  /** The product's GTIN (EAN). */
  @property({ reflect: true }) gtin?: string;

  /** The shop whose page this is: shown first and marked. With `sku`, the product is looked up by that shop's article number. */
  @property({ reflect: true }) store?: string;

  /** The shop's own article number (needs `store`), used when `gtin` is not given. */
  @property() sku?: string;

  /** The town's endpoint. Default: `<meta name="citylab:endpoint">`, else where citylab.js came from. */
  @property() endpoint?: string;

  /** Start with the "in stock only" filter on. */
  @property({ type: Boolean, attribute: 'in-stock-only' }) inStockOnly = false;

  /** How many shops to show before "show all". */
  @property({ type: Number }) limit = 3;

  /** A client of your own (custom fetch or timeout). Default: the page's shared client for the endpoint. */
  @property({ attribute: false }) client?: CitylabClient;

  /** The moment opening states are computed for. Default: now (updated every minute). */
  @property({ attribute: false }) now?: Date;

  @state() private phase: Phase = 'idle';
  @state() private slow = false;
  @state() private availability?: Availability;
  @state() private city?: City;
  @state() private origin?: Origin;
  @state() private locating = false;
  @state() private locationMessage = '';
  @state() private expanded = false;
  @state() private mapOpen = false;
  @state() private mapState: 'closed' | 'consent' | 'loading' | 'ready' | 'failed' = 'closed';
  @state() private clock = new Date();

  @query('#where') private whereInput!: HTMLInputElement | null;
  @query('.map-canvas') private mapCanvas!: HTMLElement | null;

  private requestSeq = 0;
  private slowTimer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setInterval>;
  private map?: MapHandle;
  /** What the shopper typed, kept across re-renders and errors. */
  private typed = '';

  private get language(): Lang {
    return resolveLang(this);
  }

  private get t(): FinderStrings {
    return catalogue[this.language];
  }

  private get api(): CitylabClient | undefined {
    if (this.client) return this.client;
    const endpoint = resolveEndpoint(this);
    return endpoint ? clientFor(endpoint) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick = setInterval(() => (this.clock = new Date()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.slowTimer);
    this.map?.destroy();
    this.map = undefined;
    this.mapState = 'closed';
    this.mapOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('gtin') || changed.has('store') || changed.has('sku') || changed.has('endpoint') || changed.has('client')) {
      void this.load();
    }
  }

  protected override updated(): void {
    this.map?.update(this.visibleOffers(true), this.origin?.location, this.store);
  }

  /** Loads (or reloads) the availability; safe to call any time. */
  async load(): Promise<void> {
    const api = this.api;
    const query = this.gtin ? { gtin: this.gtin } : this.store && this.sku ? { store: this.store, sku: this.sku } : undefined;
    if (!query) {
      this.phase = 'idle';
      return;
    }
    if (!api) {
      this.fail({ kind: 'network', message: 'No endpoint: set the endpoint attribute or <meta name="citylab:endpoint">.' }, 'config');
      return;
    }
    const seq = ++this.requestSeq;
    this.phase = 'loading';
    this.slow = false;
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => (this.slow = true), SLOW_MS);
    const [result, city] = await Promise.all([api.availability(query, this.origin?.location), this.city ? undefined : api.city()]);
    if (seq !== this.requestSeq) return; // a newer request superseded this one
    clearTimeout(this.slowTimer);
    this.slow = false;
    if (city?.ok) this.city = city.data;
    if (result.ok) {
      this.availability = result.data;
      this.phase = 'ready';
    } else if (result.error.code === 'product-not-found') {
      this.availability = undefined;
      this.phase = 'unknown';
      this.fail(result.error);
    } else {
      this.phase = 'error';
      this.fail(result.error);
    }
  }

  private fail(error: ClientError, kind?: 'config' | 'geolocation'): void {
    if (kind === 'config') this.phase = 'error';
    emit(this, 'citylab-error', {
      element: 'citylab-store-finder',
      kind: kind ?? error.kind,
      ...(error.code ? { code: error.code } : {}),
      message: error.message,
    });
  }

  // ------------------------------------------------------------------ data

  /** Offers in display order: this shop first, then as the endpoint sorted them, filtered. */
  private visibleOffers(all = false): Offer[] {
    const offers = this.availability?.offers ?? [];
    const own = offers.filter((o) => o.store.id === this.store);
    const others = offers.filter((o) => o.store.id !== this.store && (!this.inStockOnly || isAvailable(o)));
    const list = [...own, ...others];
    return all || this.expanded ? list : list.slice(0, Math.max(this.limit, own.length));
  }

  private shownCount(): number {
    const offers = this.availability?.offers ?? [];
    return offers.filter((o) => o.store.id === this.store || !this.inStockOnly || isAvailable(o)).length;
  }

  // -------------------------------------------------------------- location

  private async onWhere(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const q = (this.whereInput?.value ?? '').trim();
    this.typed = this.whereInput?.value ?? '';
    if (q.length < 2) {
      this.locationMessage = this.t.placeTooShort;
      this.whereInput?.focus();
      return;
    }
    const api = this.api;
    if (!api) return;
    const places = await api.places(q);
    if (!places.ok) {
      this.locationMessage = this.t.error;
      this.fail(places.error);
      return;
    }
    const place = places.data.items[0];
    if (!place) {
      this.locationMessage = this.t.placeNotFound(q);
      this.whereInput?.focus();
      return;
    }
    this.locationMessage = '';
    this.origin = { kind: 'place', name: place.name, location: place.location };
    await this.load();
  }

  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.locationMessage = this.t.geoUnavailable;
      return;
    }
    this.locating = true;
    this.locationMessage = '';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = false;
        this.origin = { kind: 'device', location: { lat: pos.coords.latitude, lon: pos.coords.longitude } };
        void this.load();
      },
      (err) => {
        this.locating = false;
        const denied = err.code === err.PERMISSION_DENIED;
        this.locationMessage = denied ? this.t.geoDenied : this.t.geoUnavailable;
        emit(this, 'citylab-error', { element: 'citylab-store-finder', kind: 'geolocation', code: denied ? 'denied' : 'unavailable', message: err.message });
        void this.updateComplete.then(() => this.whereInput?.focus());
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  private clearOrigin(): void {
    this.origin = undefined;
    this.typed = '';
    if (this.whereInput) this.whereInput.value = '';
    void this.load();
  }

  // ------------------------------------------------------------------- map

  private tileHost(): string | undefined {
    const tiles = this.city?.tiles;
    if (!tiles || tiles.type === 'none') return undefined;
    const endpoint = this.api?.endpoint ?? location.origin;
    try {
      const url = new URL(tiles.url.replace(/\{[a-z]\}/g, '0'), endpoint + '/');
      return url.origin === new URL(endpoint).origin ? undefined : url.host;
    } catch {
      return undefined;
    }
  }

  private async toggleMap(): Promise<void> {
    if (this.mapOpen) {
      this.mapOpen = false;
      this.map?.destroy();
      this.map = undefined;
      this.mapState = 'closed';
      return;
    }
    this.mapOpen = true;
    const host = this.tileHost();
    if (host && !tileConsent.has(host)) {
      this.mapState = 'consent';
      return;
    }
    await this.showMap();
  }

  private async acceptTiles(): Promise<void> {
    const host = this.tileHost();
    if (host) tileConsent.add(host);
    await this.showMap();
  }

  private async showMap(): Promise<void> {
    this.mapState = 'loading';
    await this.updateComplete;
    try {
      const { createMap } = await import('./map.js');
      if (!this.mapOpen || !this.mapCanvas || !this.city) return;
      this.map = createMap({
        root: this.renderRoot as ShadowRoot,
        container: this.mapCanvas,
        city: this.city,
        endpoint: this.api?.endpoint ?? location.origin,
        label: (o) => `${o.store.name}: ${this.stateText(o)}`,
        onSelect: (offer) => this.select(offer, 'select'),
      });
      this.mapState = 'ready';
      this.map.update(this.visibleOffers(true), this.origin?.location, this.store);
    } catch (err) {
      this.mapState = 'failed';
      emit(this, 'citylab-error', { element: 'citylab-store-finder', kind: 'network', message: `map: ${(err as Error).message}` });
    }
  }

  // --------------------------------------------------------------- actions

  private select(offer: Offer, action: 'reserve' | 'select'): void {
    emit(this, 'citylab-store-select', { store: offer.store, offer, action });
    if (action === 'select') {
      const item = this.renderRoot.querySelector<HTMLElement>(`[data-store="${CSS.escape(offer.store.id)}"]`);
      if (item) {
        if (!this.visibleOffers().includes(offer)) this.expanded = true;
        item.focus();
      } else {
        this.expanded = true;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-store="${CSS.escape(offer.store.id)}"]`)?.focus());
      }
    } else {
      // The reservation dialog's code comes when a shopper first reserves from the finder.
      void import('../click-collect/define.js').then(() => {
        const collect = customElements.get('citylab-click-collect') as (CustomElementConstructor & { openFor?: (o: { gtin: string; store: string; host: Element }) => unknown }) | undefined;
        collect?.openFor?.({ gtin: offer.gtin, store: offer.store.id, host: this });
      });
    }
  }

  // ---------------------------------------------------------------- render

  private stateText(o: Offer): string {
    if (o.availability === 'out_of_stock' && o.pickup.method === 'ship_to_store') return this.t.orderable;
    return this.t.state[o.availability];
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const cityName = this.city?.name ?? this.availability?.offers[0]?.store.address.city ?? '';
    return html`<section part="base" class="base" aria-label=${t.title(cityName)} lang=${this.language}>
      ${this.renderToolbar()}
      <p class="status" role="status" aria-live="polite">${this.renderStatus()}</p>
      ${this.renderBody(cityName)}
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t;
    const invalid = this.locationMessage !== '';
    return html`<div class="toolbar" part="toolbar">
      <form class="where" @submit=${this.onWhere} novalidate>
        <label for="where">${t.locationLabel}</label>
        <div class="where-row">
          <input
            id="where"
            part="input"
            name="where"
            autocomplete="postal-code"
            enterkeyhint="search"
            placeholder=${t.locationPlaceholder}
            .value=${this.typed}
            @input=${(e: InputEvent) => (this.typed = (e.target as HTMLInputElement).value)}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'where-msg' : nothing}
          />
          <button part="button" type="submit">${t.search}</button>
        </div>
        <button part="button" type="button" class="quiet" @click=${this.locate} ?disabled=${this.locating}>
          ${pinIcon} ${this.locating ? t.locating : t.useMyLocation}
        </button>
        <p id="where-msg" class="where-msg" ?hidden=${!invalid}>${this.locationMessage}</p>
      </form>
      <label class="filter">
        <input type="checkbox" .checked=${this.inStockOnly} @change=${(e: Event) => (this.inStockOnly = (e.target as HTMLInputElement).checked)} />
        ${t.inStockOnly}
      </label>
    </div>`;
  }

  private renderStatus(): string {
    const t = this.t;
    if (this.phase === 'loading') return this.slow ? t.slow : t.loading;
    if (this.phase !== 'ready' || !this.availability) return '';
    const offers = this.availability.offers;
    const parts = [t.summary(offers.length, offers.filter(isAvailable).length)];
    if (this.origin) parts.push(t.sortedFrom(this.origin.kind === 'place' ? this.origin.name : t.myLocation) + '.');
    return parts.join(' ');
  }

  private renderBody(cityName: string): TemplateResult {
    const t = this.t;
    switch (this.phase) {
      case 'idle':
        return html``;
      case 'loading':
        // The list and the row of buttons under it, at their final size.
        return html`<ul class="list" part="list" aria-busy="true" aria-label=${t.loading}>
            ${Array.from({ length: this.limit }, () => skeleton)}
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
    return html`
      ${offers.length === 0 ? html`<div class="message" part="message"><p>${t.noneInStock}</p></div>` : nothing}
      <ul class="list" part="list">
        ${offers.map((o) => this.renderOffer(o))}
      </ul>
      <div class="more">
        ${total > this.limit
          ? html`<button part="button" type="button" class="quiet" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
              ${this.expanded ? t.showFewer : t.showAll(total)}
            </button>`
          : nothing}
        ${this.origin ? html`<button part="button" type="button" class="quiet" @click=${this.clearOrigin}>${t.clearLocation}</button>` : nothing}
        <button part="button" type="button" class="quiet" aria-expanded=${this.mapOpen ? 'true' : 'false'} aria-controls="map" @click=${this.toggleMap}>
          ${mapIcon} ${this.mapOpen ? t.hideMap : t.showMap}
        </button>
      </div>
      ${this.renderMap()}
    `;
  }

  private renderOffer(o: Offer): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const s = o.store;
    const own = s.id === this.store;
    const status = openStatus(s, this.now ?? this.clock, lang, t);
    const canReserve = o.reservable;
    const pickup =
      o.pickup.method === 'not_supported' ? ''
      : o.pickup.method === 'ship_to_store' || o.availability === 'out_of_stock' || o.availability === 'on_display_to_order' ? (o.pickup.sla ? t.shipIn(o.pickup.sla) : '')
      : t.readyIn(s.click_and_collect.ready_within_minutes);
    const kind = o.availability === 'out_of_stock' && o.pickup.method === 'ship_to_store' ? 'orderable' : o.availability;
    const directions = `https://www.openstreetmap.org/directions?route=%3B${s.location.lat}%2C${s.location.lon}`;
    const geo = `geo:${s.location.lat},${s.location.lon}?q=${s.location.lat},${s.location.lon}(${encodeURIComponent(s.name)})`;
    return html`<li class="offer ${own ? 'own' : ''}" part=${own ? 'offer own-offer' : 'offer'} data-store=${s.id} tabindex="-1" aria-labelledby="n-${s.id}">
      <div class="head">
        <h3 class="name" id="n-${s.id}">${s.name}</h3>
        <span class="price"><span class="visually-hidden">${t.price}: </span>${formatPrice(o.price.amount, o.price.currency, lang)}</span>
      </div>
      <div class="line">
        <span class="avail ${kind}" part="availability">${stateIcon(kind)} ${this.stateText(o)}${o.quantity !== undefined && o.quantity > 0 ? ` · ${t.quantity(o.quantity)}` : ''}</span>
        ${own ? html`<span class="own-tag">${t.thisShop}</span>` : nothing}
      </div>
      <div class="line hours ${status.kind}">${clockIcon} ${status.text}${status.note ? ` · ${status.note}` : ''}</div>
      <div class="line muted">${pickup || t.noPickup}</div>
      <div class="line muted">${t.updated(formatAgo(new Date(o.updated_at), this.now ?? this.clock, lang))}</div>
      <div class="line muted">${s.address.street}${o.distance_m !== undefined ? html` · <strong class="distance">${t.away(formatDistance(o.distance_m, lang))}</strong>` : nothing}</div>
      <div class="actions">
        ${canReserve ? html`<button part="button" type="button" class="primary" aria-label=${t.reserveLabel(s.name)} @click=${() => this.select(o, 'reserve')}>${t.reserve}</button>` : nothing}
        <a href=${directions} target="_blank" rel="noopener noreferrer" aria-label=${t.directionsLabel(s.name)}>${routeIcon} ${t.directions}</a>
        <a href=${geo} class="geo">${t.mapsApp}</a>
        ${s.phone ? html`<a href="tel:${s.phone.replace(/[^+\d]/g, '')}" aria-label=${t.callLabel(s.name)}>${phoneIcon} ${t.call}</a>` : nothing}
        ${s.website ? html`<a href=${s.website} target="_blank" rel="noopener noreferrer" aria-label=${t.websiteLabel(s.name)}>${t.website}</a>` : nothing}
      </div>
    </li>`;
  }

  private renderMap(): TemplateResult | typeof nothing {
    if (!this.mapOpen) return nothing;
    const t = this.t;
    const host = this.tileHost();
    const tiles = this.city?.tiles;
    return html`<div id="map" class="map" part="map">
      ${this.mapState === 'consent' && host
        ? html`<div class="consent">
            <p>${t.consent(host)}</p>
            <button part="button" type="button" class="primary" @click=${this.acceptTiles}>${t.consentAccept}</button>
          </div>`
        : html`<div class="map-canvas" role="region" aria-label=${t.mapLabel}></div>
            ${this.mapState === 'loading' ? html`<p class="map-note">${t.mapLoading}</p>` : nothing}
            ${this.mapState === 'failed' ? html`<p class="map-note" role="alert">${t.mapFailed}</p>` : nothing}
            <p class="map-caption">${[tiles?.type === 'none' ? t.schematic : '', this.city?.attribution ?? ''].filter(Boolean).join(' · ')}</p>`}
    </div>`;
  }
}

const isAvailable = (o: Offer) => o.availability === 'in_stock' || o.availability === 'limited_availability' || o.availability === 'on_display_to_order';

/** Same structure and line count as an offer, so the finder's height doesn't change when data arrives. */
const skeleton = html`<li class="offer skeleton" aria-hidden="true">
  <div class="head"><span class="bar" style="width:55%"></span><span class="bar" style="width:18%"></span></div>
  <div class="line"><span class="bar" style="width:40%"></span></div>
  <div class="line"><span class="bar" style="width:65%"></span></div>
  <div class="line"><span class="bar" style="width:45%"></span></div>
  <div class="line"><span class="bar" style="width:60%"></span></div>
  <div class="line"><span class="bar" style="width:50%"></span></div>
  <div class="actions"><span class="bar btn"></span><span class="bar btn"></span></div>
</li>`;

function stateIcon(kind: string): TemplateResult {
  // Shapes differ as well as colours: check, half-filled, crossed, tag.
  switch (kind) {
    case 'in_stock':
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="var(--_bg-contrast, #fff)" stroke-width="1.8"/></svg>`;
    case 'limited_availability':
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor"/></svg>`;
    case 'on_display_to_order':
    case 'orderable':
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M2 8.5V2h6.5L15 8.5 8.5 15z" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="5.3" cy="5.3" r="1.3" fill="currentColor"/></svg>`;
    default:
      return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="currentColor" stroke-width="1.6"/></svg>`;
  }
}

const clockIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>`;
const pinIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 15s5-4.6 5-8.5A5 5 0 0 0 3 6.5C3 10.4 8 15 8 15z" fill="none" stroke="currentColor" stroke-width="1.4"/><circle cx="8" cy="6.5" r="1.8" fill="currentColor"/></svg>`;
const routeIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 13l4-10 2 6 4-3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
const phoneIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 1.5h3l1 3.5-2 1.2a8 8 0 0 0 4.3 4.3l1.2-2 3.5 1v3c0 .8-.7 1.5-1.5 1.5A12.5 12.5 0 0 1 2 3c0-.8.7-1.5 1.5-1.5z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/></svg>`;
const mapIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M1.5 3.5l4-1.5 5 1.5 4-1.5v10.5l-4 1.5-5-1.5-4 1.5z M5.5 2v10.5 M10.5 3.5V14" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/></svg>`;

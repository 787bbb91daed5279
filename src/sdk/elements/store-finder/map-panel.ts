/**
 * The finder's map, opened and closed by the shopper: the consent step before a
 * third-party tile host is contacted (consent lasts for this page view, kept in
 * memory, never stored), and the lazy map chunk (map.ts, with Leaflet) that shows
 * the listed shops as numbered pins; a pin selects its card. Part of the finder's
 * tools; the toggle that opens it is the first paint's (store-finder.ts).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { CitylabClient } from '../../client/client.js';
import type { City, LatLon, Offer } from '../../contract/schemas.js';
import { emit, type Failure } from '../internal/events.js';
import type { MapHandle } from './map.js';
import type { CitylabStoreFinder } from './store-finder.js';
import type { ToolsStrings } from './tools-strings.js';

type MapState = 'closed' | 'consent' | 'loading' | 'ready' | 'failed';

/** Tile hosts the shopper agreed to in this page view. */
const tileConsent = new Set<string>();

export interface MapPorts {
  host: CitylabStoreFinder;
  words: () => ToolsStrings;
  city: () => City | undefined;
  api: () => CitylabClient | undefined;
  /** The pins, in list order. */
  offers: () => readonly Offer[];
  /** The offers the list shows now (all of them after "show all"). */
  shown: () => readonly Offer[];
  /** Shows all offers, as "show all" does. */
  expand: () => void;
  origin: () => LatLon | undefined;
  label: (offer: Offer) => string;
  failed: (failure: Failure) => void;
}

export class MapPanel implements ReactiveController {
  private open = false;
  private state: MapState = 'closed';
  private map?: MapHandle;

  constructor(private readonly ports: MapPorts) {
    ports.host.addController(this);
  }

  private update(): void {
    this.ports.host.requestUpdate();
  }

  /** The endpoint the tiles' relative URLs are resolved against. */
  private endpoint(): string {
    return this.ports.api()?.endpoint ?? location.origin;
  }

  /** A pin was chosen: its card is shown (all of them, if it was beyond "show all") and focused. */
  private select = (offer: Offer): void => {
    const { host } = this.ports;
    emit(host, 'citylab-store-select', { store: offer.store, offer, action: 'select' });
    const card = () => host.renderRoot.querySelector<HTMLElement>(`[data-store="${CSS.escape(offer.store.id)}"]`);
    const item = card();
    if (item) {
      if (!this.ports.shown().includes(offer)) this.ports.expand();
      item.focus();
    } else {
      this.ports.expand();
      void host.updateComplete.then(() => card()?.focus());
    }
  };

  /** The host of the town's tiles when it is not the endpoint: the shopper is asked before it is contacted. */
  private tileHost(): string | undefined {
    const tiles = this.ports.city()?.tiles;
    if (!tiles || tiles.type === 'none') return undefined;
    const endpoint = this.endpoint();
    try {
      const url = new URL(tiles.url.replace(/\{[a-z]\}/g, '0'), endpoint + '/');
      return url.origin === new URL(endpoint).origin ? undefined : url.host;
    } catch {
      return undefined;
    }
  }

  private close(): void {
    this.open = false;
    this.map?.destroy();
    this.map = undefined;
    this.state = 'closed';
    this.update();
  }

  /** Whether the shopper opened the map (the toggle's state). */
  get isOpen(): boolean {
    return this.open;
  }

  /** "Karte anzeigen" / "Karte ausblenden" was pressed. */
  toggle = async (): Promise<void> => {
    if (this.open) {
      this.close();
      return;
    }
    this.open = true;
    const host = this.tileHost();
    if (host && !tileConsent.has(host)) {
      this.state = 'consent';
      this.update();
      return;
    }
    await this.show();
  };

  private accept = async (): Promise<void> => {
    const host = this.tileHost();
    if (host) tileConsent.add(host);
    await this.show();
  };

  private async show(): Promise<void> {
    this.state = 'loading';
    this.update();
    await this.ports.host.updateComplete;
    try {
      const { createMap } = await import('./map.js');
      const canvas = this.ports.host.renderRoot.querySelector<HTMLElement>('.map-canvas');
      const city = this.ports.city();
      if (!this.open || !canvas || !city) return;
      this.map = createMap({
        root: this.ports.host.renderRoot as ShadowRoot,
        container: canvas,
        city,
        endpoint: this.endpoint(),
        label: this.ports.label,
        onSelect: this.select,
      });
      this.state = 'ready';
      this.update();
      this.pin();
    } catch (err) {
      this.state = 'failed';
      this.update();
      this.ports.failed({ kind: 'network', message: `map: ${(err as Error).message}` });
    }
  }

  private pin(): void {
    this.map?.update(this.ports.offers(), this.ports.origin(), this.ports.host.store);
  }

  /** The pins follow the list (filter, "show all", distance). */
  hostUpdated(): void {
    this.pin();
  }

  hostDisconnected(): void {
    if (this.open) this.close();
  }

  /** The map area, or the question whether the tile host may be contacted. */
  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const t = this.ports.words();
    const host = this.tileHost();
    const city = this.ports.city();
    return html`<div id="map" class="map" part="map">
      ${this.state === 'consent' && host
        ? html`<div class="consent">
            <p>${t.consent(host)}</p>
            <button part="button" type="button" class="primary" @click=${this.accept}>${t.consentAccept}</button>
          </div>`
        : html`<div class="map-canvas" role="region" aria-label=${t.mapLabel}></div>
            ${this.state === 'loading' ? html`<p class="map-note">${t.mapLoading}</p>` : nothing}
            ${this.state === 'failed' ? html`<p class="map-note" role="alert">${t.mapFailed}</p>` : nothing}
            <p class="map-caption">${[city?.tiles.type === 'none' ? t.schematic : '', city?.attribution ?? '', city && city.tiles.type !== 'none' ? city.tiles.attribution : ''].filter(Boolean).join(' · ')}</p>`}
    </div>`;
  }
}

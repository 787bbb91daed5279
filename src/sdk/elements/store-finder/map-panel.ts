/**
 * The finder's map, opened and closed by the shopper: the toggle, the consent
 * step before a third-party tile host is contacted (consent lasts for this page
 * view, kept in memory, never stored), and the lazy map chunk (map.ts, with
 * Leaflet) that shows the listed shops as numbered pins.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { City, LatLon, Offer } from '../../contract/schemas.js';
import type { Failure } from '../internal/events.js';
import type { MapHandle } from './map.js';
import type { FinderStrings } from './strings.js';

type MapState = 'closed' | 'consent' | 'loading' | 'ready' | 'failed';

/** Tile hosts the shopper agreed to in this page view. */
const tileConsent = new Set<string>();

export interface MapPorts {
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  strings: () => FinderStrings;
  city: () => City | undefined;
  /** The endpoint the tiles' relative URLs are resolved against. */
  endpoint: () => string;
  /** The pins, in list order. */
  offers: () => readonly Offer[];
  origin: () => LatLon | undefined;
  ownStore: () => string | undefined;
  label: (offer: Offer) => string;
  select: (offer: Offer) => void;
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

  /** The host of the town's tiles when it is not the endpoint: the shopper is asked before it is contacted. */
  private tileHost(): string | undefined {
    const tiles = this.ports.city()?.tiles;
    if (!tiles || tiles.type === 'none') return undefined;
    const endpoint = this.ports.endpoint();
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

  private toggle = async (): Promise<void> => {
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
        endpoint: this.ports.endpoint(),
        label: this.ports.label,
        onSelect: this.ports.select,
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
    this.map?.update(this.ports.offers(), this.ports.origin(), this.ports.ownStore());
  }

  /** The pins follow the list (filter, "show all", distance). */
  hostUpdated(): void {
    this.pin();
  }

  hostDisconnected(): void {
    if (this.open) this.close();
  }

  /** "Karte anzeigen" / "Karte ausblenden". */
  renderToggle(): TemplateResult {
    const t = this.ports.strings();
    return html`<button part="button" type="button" class="quiet" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="map" @click=${this.toggle}>
      ${mapIcon} ${this.open ? t.hideMap : t.showMap}
    </button>`;
  }

  /** The map area, or the question whether the tile host may be contacted. */
  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const t = this.ports.strings();
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

const mapIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M1.5 3.5l4-1.5 5 1.5 4-1.5v10.5l-4 1.5-5-1.5-4 1.5z M5.5 2v10.5 M10.5 3.5V14" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round"/></svg>`;

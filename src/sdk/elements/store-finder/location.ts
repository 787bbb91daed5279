/**
 * Where the shopper is, for sorting by distance: a postcode or district they
 * type (looked up among the town's places on the endpoint), or the device's
 * location, asked for only when they press the button. What they typed stays
 * across re-renders and errors; every problem is explained next to the field.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CitylabClient } from '../../client/client.js';
import type { LatLon } from '../../contract/schemas.js';
import type { Failure } from '../internal/events.js';
import { pinIcon } from '../internal/icons.js';
import type { FinderStrings } from './strings.js';

export type Origin = { kind: 'place'; name: string; location: LatLon } | { kind: 'device'; location: LatLon };

export interface LocationPorts {
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  strings: () => FinderStrings;
  api: () => CitylabClient | undefined;
  /** The origin changed (or was cleared): load again, sorted from it. */
  moved: () => Promise<void>;
  failed: (failure: Failure) => void;
}

/** Not a controller of its own: it has no lifecycle, only state the finder renders and reads. */
export class LocationSearch {
  /** Where distances are measured from; none until the shopper gives one. */
  origin?: Origin;
  private locating = false;
  private message = '';
  /** What the shopper typed, kept across re-renders and errors. */
  private typed = '';

  constructor(private readonly ports: LocationPorts) {}

  private get input(): HTMLInputElement | null {
    return this.ports.host.renderRoot.querySelector<HTMLInputElement>('#where');
  }

  private update(): void {
    this.ports.host.requestUpdate();
  }

  private onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const t = this.ports.strings();
    const q = (this.input?.value ?? '').trim();
    this.typed = this.input?.value ?? '';
    if (q.length < 2) {
      this.message = t.placeTooShort;
      this.update();
      this.input?.focus();
      return;
    }
    const api = this.ports.api();
    if (!api) return;
    const places = await api.places(q);
    if (!places.ok) {
      this.message = t.error;
      this.update();
      this.ports.failed(places.error);
      return;
    }
    const place = places.data.items[0];
    if (!place) {
      this.message = t.placeNotFound(q);
      this.update();
      this.input?.focus();
      return;
    }
    this.message = '';
    this.origin = { kind: 'place', name: place.name, location: place.location };
    this.update();
    await this.ports.moved();
  };

  private locate = (): void => {
    const t = this.ports.strings();
    if (!('geolocation' in navigator)) {
      this.message = t.geoUnavailable;
      this.update();
      return;
    }
    this.locating = true;
    this.message = '';
    this.update();
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = false;
        this.origin = { kind: 'device', location: { lat: pos.coords.latitude, lon: pos.coords.longitude } };
        this.update();
        void this.ports.moved();
      },
      (err) => {
        this.locating = false;
        const denied = err.code === err.PERMISSION_DENIED;
        this.message = denied ? t.geoDenied : t.geoUnavailable;
        this.update();
        this.ports.failed({ kind: 'geolocation', code: denied ? 'denied' : 'unavailable', message: err.message });
        void this.ports.host.updateComplete.then(() => this.input?.focus());
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  /** Back to the endpoint's own order. */
  clear = (): void => {
    this.origin = undefined;
    this.typed = '';
    if (this.input) this.input.value = '';
    this.update();
    void this.ports.moved();
  };

  /** The postcode or place field, its button, "use my location", and the message that explains a problem. */
  render(): TemplateResult {
    const t = this.ports.strings();
    const invalid = this.message !== '';
    return html`<form class="where" @submit=${this.onSubmit} novalidate>
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
      <p id="where-msg" class="where-msg" ?hidden=${!invalid}>${this.message}</p>
    </form>`;
  }
}

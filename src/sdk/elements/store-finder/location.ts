/**
 * Where the shopper is, for sorting by distance: a postcode or district they
 * type (looked up among the town's places on the endpoint), or the device's
 * location, asked for only when they press the button. Part of the finder's
 * tools (a lazy chunk); the field and its buttons are location-form.ts, in the
 * first paint. Every problem is explained next to the field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CitylabClient } from '../../client/client.js';
import type { LatLon } from '../../contract/schemas.js';
import type { Failure } from '../internal/events.js';
import { resolveLang } from '../internal/lang.js';
import { unreachable } from '../internal/unreachable.js';
import type { LocationForm } from './location-form.js';
import type { CitylabStoreFinder } from './store-finder.js';
import type { ToolsStrings } from './tools-strings.js';

export type Origin = { kind: 'place'; name: string; location: LatLon } | { kind: 'device'; location: LatLon };

export interface LocationPorts {
  /** Loaded again (`load()`) when the origin changes, sorted from it. */
  host: CitylabStoreFinder;
  form: LocationForm;
  words: () => ToolsStrings;
  api: () => CitylabClient | undefined;
  failed: (failure: Failure) => void;
}

/** Not a controller of its own: it has no lifecycle, only state the finder renders and reads. */
export class LocationSearch {
  /** Where distances are measured from; none until the shopper gives one. */
  origin?: Origin;

  constructor(private readonly ports: LocationPorts) {}

  /** The field's message (empty: none), then a new render. */
  private say(message: string): void {
    this.ports.form.message = message;
    this.ports.host.requestUpdate();
  }

  /** Sorts from the place the shopper typed (`q`, trimmed). */
  async find(q: string): Promise<void> {
    const { form } = this.ports;
    const w = this.ports.words();
    if (q.length < 2) {
      this.say(w.placeTooShort);
      form.input?.focus();
      return;
    }
    const api = this.ports.api();
    if (!api) return;
    const places = await api.places(q);
    if (!places.ok) {
      this.say(unreachable[resolveLang(this.ports.host)]);
      this.ports.failed(places.error);
      return;
    }
    const place = places.data.items[0];
    if (!place) {
      this.say(w.placeNotFound(q));
      form.input?.focus();
      return;
    }
    this.origin = { kind: 'place', name: place.name, location: place.location };
    this.say('');
    await this.ports.host.load();
  }

  /** Sorts from the device's location, asked for now. */
  locate(): void {
    const { form } = this.ports;
    const w = this.ports.words();
    if (!('geolocation' in navigator)) {
      form.locating = false;
      this.say(w.geoUnavailable);
      return;
    }
    form.locating = true;
    this.say('');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        form.locating = false;
        this.origin = { kind: 'device', location: { lat: pos.coords.latitude, lon: pos.coords.longitude } };
        this.ports.host.requestUpdate();
        void this.ports.host.load();
      },
      (err) => {
        form.locating = false;
        const denied = err.code === err.PERMISSION_DENIED;
        this.say(denied ? w.geoDenied : w.geoUnavailable);
        this.ports.failed({ kind: 'geolocation', code: denied ? 'denied' : 'unavailable', message: err.message });
        void this.ports.host.updateComplete.then(() => form.input?.focus());
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  /** Back to the endpoint's own order. */
  clear = (): void => {
    const { form } = this.ports;
    this.origin = undefined;
    form.typed = '';
    if (form.input) form.input.value = '';
    this.ports.host.requestUpdate();
    void this.ports.host.load();
  };

  /** "Sortiert nach Entfernung von Nordhang." for the finder's summary; undefined without an origin. */
  sortedFrom(): string | undefined {
    const w = this.ports.words();
    const origin = this.origin;
    return origin && w.sortedFrom(origin.kind === 'place' ? origin.name : w.myLocation) + '.';
  }

  /** "Entfernung zurücksetzen", while there is an origin. */
  renderClear(): TemplateResult | typeof nothing {
    return this.origin ? html`<button part="button" type="button" class="quiet" @click=${this.clear}>${this.ports.words().clearLocation}</button>` : nothing;
  }
}

/**
 * The town's settings: name, centre, map view, places (one line each) and the
 * map tiles (raster tiles from a host the town names, or a PMTiles file on the
 * endpoint). Saved with `PUT /v1/city`; a refused field is named, with a place's
 * line number, and everything typed stays.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { City, Place, TileSource } from '../../sdk/contract/schemas/city.js';
import { ApiProblem, type DashboardApi } from '../api.js';
import type { Lang } from '../strings.js';
import { base } from '../styles.js';
import { fieldStyles, problemText } from './form.js';
import type { OperatorStrings } from './strings.js';

type Field = 'name' | 'lat' | 'lon' | 'zoom' | 'places' | 'tileUrl' | 'maxZoom' | 'attribution';
interface Draft { name: string; lat: string; lon: string; zoom: string; places: string; tiles: TileSource['type']; tileUrl: string; maxZoom: string; attribution: string }

const parseNumber = (text: string): number => (text.trim() ? Number(text.trim().replace(',', '.')) : NaN);

/** A field the form could not turn into the town, with what is wrong. */
class FieldError extends Error {
  constructor(readonly field: Field, readonly label: string, message: string) {
    super(message);
  }
}

export class OperatorTown extends LitElement {
  static override styles = [base, fieldStyles];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: OperatorStrings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';

  @state() private city: City | null | undefined;
  @state() private draft: Draft | undefined;
  @state() private error: { field?: Field; text: string } | undefined;
  @state() private saved = false;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** A number as the operator writes it: 51,397 in German. */
  private num(n: number): string {
    return this.uiLang === 'de' ? String(n).replace('.', ',') : String(n);
  }

  private async load() {
    const num = (n: number) => this.num(n);
    try {
      this.city = await this.api.call<City>('GET', '/v1/city');
    } catch (err) {
      if (!(err instanceof ApiProblem && err.status === 404)) {
        this.error = { text: problemText(err, this.t.error) };
        return;
      }
      this.city = null;
    }
    const c = this.city;
    const tiles = c?.tiles ?? { type: 'none' as const };
    this.draft = {
      name: c?.name ?? '',
      lat: c ? num(c.centre.lat) : '',
      lon: c ? num(c.centre.lon) : '',
      zoom: num(c?.map.zoom ?? 15),
      places: (c?.places ?? []).map((p) => [p.name, p.postal_code ?? '', num(p.location.lat), num(p.location.lon)].join('; ')).join('\n'),
      tiles: tiles.type,
      tileUrl: tiles.type === 'none' ? '' : tiles.url,
      maxZoom: tiles.type === 'none' ? '19' : num(tiles.max_zoom),
      attribution: tiles.type === 'none' ? '' : tiles.attribution,
    };
  }

  private label(field: Field): string {
    const t = this.t.town;
    return { name: t.name, lat: t.lat, lon: t.lon, zoom: t.zoom, places: t.places, tileUrl: t.tileUrl, maxZoom: t.maxZoom, attribution: t.attribution }[field];
  }

  private number(field: Field, text: string): number {
    const n = parseNumber(text);
    if (!Number.isFinite(n)) throw new FieldError(field, this.label(field), this.t.town.notANumber);
    return n;
  }

  private places(text: string): Place[] {
    return text.split('\n').map((line, i) => [line, i + 1] as const).filter(([line]) => line.trim()).map(([line, n]) => {
      const parts = line.split(';').map((p) => p.trim());
      const [name, postal, lat, lon] = parts.length === 3 ? [parts[0], '', parts[1], parts[2]] : parts;
      const latN = parseNumber(lat ?? ''), lonN = parseNumber(lon ?? '');
      if (!name || parts.length < 3 || parts.length > 4 || !Number.isFinite(latN) || !Number.isFinite(lonN)) {
        throw new FieldError('places', this.t.town.placeLine(n), this.t.town.placeFormat);
      }
      return { name, ...(postal ? { postal_code: postal } : {}), location: { lat: latN, lon: lonN } };
    });
  }

  /** A refused path of `PUT /v1/city` as the field the operator typed it in. */
  private fieldOf(path: string): { field: Field; label: string } | undefined {
    const place = /^places\.(\d+)/.exec(path);
    if (place) {
      // The n-th place is the n-th non-empty line.
      const lines = this.draft!.places.split('\n');
      let seen = -1;
      const line = lines.findIndex((l) => l.trim() && ++seen === Number(place[1]));
      return { field: 'places', label: this.t.town.placeLine(line + 1) };
    }
    const map: Record<string, Field> = { name: 'name', 'centre.lat': 'lat', 'centre.lon': 'lon', 'map.zoom': 'zoom', 'tiles.url': 'tileUrl', 'tiles.max_zoom': 'maxZoom', 'tiles.attribution': 'attribution' };
    const field = map[path];
    return field ? { field, label: this.label(field) } : undefined;
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const d = this.draft!;
    this.error = undefined;
    this.saved = false;
    let city: City;
    try {
      const tiles: TileSource = d.tiles === 'none'
        ? { type: 'none' }
        : { type: d.tiles, url: d.tileUrl.trim(), max_zoom: this.number('maxZoom', d.maxZoom), attribution: d.attribution.trim() };
      const base = this.city ?? { id: 'stadt', country: 'DE', time_zone: 'Europe/Berlin' };
      const places = this.places(d.places);
      city = {
        ...base,
        name: d.name.trim(),
        centre: { lat: this.number('lat', d.lat), lon: this.number('lon', d.lon) },
        map: { zoom: this.number('zoom', d.zoom) },
        tiles,
        ...(places.length ? { places } : {}),
      } as City;
      if (!places.length) delete (city as Partial<City>).places;
    } catch (err) {
      if (err instanceof FieldError) this.error = { field: err.field, text: `${err.label}: ${err.message}` };
      return;
    }
    this.busy = true;
    try {
      this.city = await this.api.call<City>('PUT', '/v1/city', { json: city });
      this.saved = true;
    } catch (err) {
      const first = err instanceof ApiProblem ? err.problem.errors?.[0] : undefined;
      const at = first?.path ? this.fieldOf(first.path) : undefined;
      this.error = at ? { field: at.field, text: `${at.label}: ${first!.reason}` } : { text: problemText(err, this.t.error) };
    } finally {
      this.busy = false;
    }
  }

  private set(field: keyof Draft) {
    return (e: Event) => {
      this.draft = { ...this.draft!, [field]: (e.target as HTMLInputElement).value };
      this.saved = false;
    };
  }

  private field(field: Field, hint?: string) {
    const bad = this.error?.field === field;
    const describedBy = [hint ? `town-${field}-hint` : '', bad ? 'town-error' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="town-${field}">${this.label(field)}</label>
      ${hint ? html`<p class="hint" id="town-${field}-hint">${hint}</p>` : nothing}
      ${field === 'places'
        ? html`<textarea id="town-places" .value=${this.draft!.places} @input=${this.set('places')} aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${describedBy || nothing}></textarea>`
        : html`<input id="town-${field}" type="text" .value=${this.draft![field]} @input=${this.set(field)}
            inputmode=${['lat', 'lon', 'zoom', 'maxZoom'].includes(field) ? 'decimal' : nothing}
            aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />`}
    </div>`;
  }

  override render() {
    const t = this.t.town;
    if (!this.draft) return html`<h1>${t.heading}</h1>${this.error ? html`<p class="notice bad" role="alert">${this.error.text}</p>` : html`<p>${this.t.loading}</p>`}`;
    const d = this.draft;
    const radio = (type: TileSource['type'], label: string) => html`<label class="check"><input type="radio" name="tiles" .checked=${d.tiles === type} @change=${() => (this.draft = { ...d, tiles: type })} /> ${label}</label>`;
    return html`
      <h1>${t.heading}</h1>
      <form class="card stack" @submit=${this.save} novalidate>
        ${this.field('name')}
        <div class="grid">${this.field('lat')}${this.field('lon')}</div>
        ${this.field('zoom')}
        ${this.field('places', t.placesHint)}
        <fieldset class="stack">
          <legend>${t.tiles}</legend>
          ${radio('none', t.tilesNone)}${radio('xyz', t.tilesXyz)}${radio('pmtiles', t.tilesPmtiles)}
          ${d.tiles === 'none' ? nothing : html`${this.field('tileUrl', t.tileUrlHint)}<div class="grid">${this.field('maxZoom')}${this.field('attribution')}</div>`}
        </fieldset>
        <div role="status" aria-live="polite">${this.saved ? html`<p class="notice ok">${this.t.saved}</p>` : nothing}</div>
        ${this.error ? html`<p class="notice bad" id="town-error" role="alert">${this.error.field ? `${t.fix} ` : ''}${this.error.text}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t.submit}</button>
      </form>
    `;
  }
}

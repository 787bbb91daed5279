/**
 * What the finder needs once the shopper shows intent (pointer over it, focus in it, a
 * touch), as one lazy chunk: the place lookup and the device's location (location.ts),
 * the map panel around Leaflet (map-panel.ts; Leaflet itself is a chunk of its own), and
 * their words and styles. The first paint (store-finder.ts, location-form.ts) renders
 * the controls that lead here and waits for this chunk when pressed before it arrived.
 */
import type { CitylabClient } from '../../client/client.js';
import type { City, Offer } from '../../contract/schemas.js';
import { emitError, type Failure } from '../internal/events.js';
import { resolveLang } from '../internal/lang.js';
import { LocationSearch } from './location.js';
import type { LocationForm } from './location-form.js';
import { MapPanel } from './map-panel.js';
import type { CitylabStoreFinder } from './store-finder.js';
import { toolsWords, type ToolsStrings } from './tools-strings.js';

export { toolsStyles } from './tools-styles.js';

/** What only the finder itself knows (its private state); the rest the tools read from the element. */
export interface ToolsPorts {
  host: CitylabStoreFinder;
  form: LocationForm;
  api: () => CitylabClient | undefined;
  city: () => City | undefined;
  /** Every listed offer, in list order (the map's pins). */
  offers: () => readonly Offer[];
  /** The offers the list shows now (all of them after "show all"). */
  shown: () => readonly Offer[];
  /** Shows all offers, as "show all" does. */
  expand: () => void;
  /** A pin's name: the shop and its stock state. */
  label: (offer: Offer) => string;
}

export class FinderTools {
  readonly location: LocationSearch;
  readonly map: MapPanel;

  constructor(private readonly ports: ToolsPorts) {
    const words = () => this.t;
    const failed = (failure: Failure) => emitError(ports.host, failure);
    this.location = new LocationSearch({ ...ports, words, failed });
    this.map = new MapPanel({ ...ports, words, failed, origin: () => this.location.origin?.location });
  }

  /** The tools' words in the element's language. */
  get t(): ToolsStrings {
    return toolsWords[resolveLang(this.ports.host)];
  }
}

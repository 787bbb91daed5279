/**
 * The finder's map, a lazy chunk: Leaflet (and, for a PMTiles archive, the
 * pmtiles reader) load only when the shopper opens the map. Leaflet's CSS is
 * adopted into the element's shadow root, never into the host page.
 *
 * Tiles come only from the town's configured source. Without one, the map is
 * schematic: pins on a neutral background with a scale bar.
 *
 * Nothing here hands Leaflet markup: pins are elements, the zoom buttons' labels
 * plain text, and the attribution is shown by the element under the map (Leaflet's
 * attribution control writes innerHTML). With the script-tag build's patches of
 * Leaflet (rollup.config.mjs) the map works on pages that require Trusted Types.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css';
import type { City, LatLon, Offer } from '../../contract/schemas.js';
// The town's attribution and the tiles' are shown under the map by the element (map-panel.ts).

export interface MapHandle {
  update(offers: readonly Offer[], origin: LatLon | undefined, ownStore: string | undefined): void;
  destroy(): void;
}

export interface MapOptions {
  root: ShadowRoot;
  container: HTMLElement;
  city: City;
  endpoint: string;
  label: (offer: Offer) => string;
  onSelect: (offer: Offer) => void;
}

let sheet: CSSStyleSheet | undefined;

export function createMap({ root, container, city, endpoint, label, onSelect }: MapOptions): MapHandle {
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(leafletCss);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const tiles = city.tiles;
  const map = L.map(container, {
    center: [city.centre.lat, city.centre.lon],
    zoom: city.map.zoom,
    maxZoom: tiles.type === 'none' ? 19 : tiles.max_zoom,
    scrollWheelZoom: false,
    // Leaflet throws if the map is removed mid-animation (the element leaving the page); calm is fine here.
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    attributionControl: false,
    zoomControl: false,
    // Leaflet's own resize tracking listens on `window` and leaves an expando (`_leaflet_events`)
    // there, a global of ours on the shop's page; the element's own size is what matters anyway.
    trackResize: false,
  });
  const resized = new ResizeObserver(() => map.invalidateSize({ debounceMoveend: true }));
  resized.observe(container);
  L.control.zoom({ zoomInText: '+', zoomOutText: '\u2212' }).addTo(map);
  if (tiles.type === 'xyz') {
    L.tileLayer(new URL(tiles.url, endpoint + '/').href.replace(/%7B/g, '{').replace(/%7D/g, '}'), { maxZoom: tiles.max_zoom }).addTo(map);
  } else if (tiles.type === 'pmtiles') {
    void addPmtiles(map, new URL(tiles.url, endpoint + '/').href, tiles.max_zoom);
  } else {
    container.classList.add('schematic');
  }
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);

  const layer = L.layerGroup().addTo(map);
  let lastKey = '';
  return {
    update(offers, origin, ownStore) {
      const key = JSON.stringify([offers.map((o) => o.store.id), origin, ownStore]);
      if (key === lastKey) return;
      lastKey = key;
      layer.clearLayers();
      const points: L.LatLngExpression[] = [];
      offers.forEach((offer, i) => {
        const at: L.LatLngExpression = [offer.store.location.lat, offer.store.location.lon];
        points.push(at);
        const number = document.createElement('span');
        number.textContent = String(i + 1);
        const marker = L.marker(at, {
          icon: L.divIcon({
            // The list's state colour and number (offer-card.ts): the card that says "Vorrätig" in green is pin 1 in green.
            className: `pin pin-${offer.availability === 'out_of_stock' && offer.pickup.method === 'ship_to_store' ? 'orderable' : offer.availability}${offer.store.id === ownStore ? ' pin-own' : ''}`,
            html: number,
            iconSize: [30, 38],
            iconAnchor: [15, 36],
          }),
          title: label(offer),
          alt: label(offer),
          keyboard: true,
          riseOnHover: true,
        });
        marker.on('click', () => onSelect(offer));
        marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
          if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') onSelect(offer);
        });
        marker.addTo(layer);
      });
      if (origin) {
        const here: L.LatLngExpression = [origin.lat, origin.lon];
        points.push(here);
        L.circleMarker(here, { radius: 7, className: 'origin', weight: 3 }).addTo(layer);
      }
      if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [36, 36], maxZoom: 17 });
    },
    destroy() {
      resized.disconnect();
      map.remove();
    },
  };
}

async function addPmtiles(map: L.Map, url: string, maxZoom: number): Promise<void> {
  const { PMTiles } = await import('pmtiles');
  const archive = new PMTiles(url);
  const header = await archive.getHeader();
  const type = ({ 2: 'image/png', 3: 'image/jpeg', 4: 'image/webp', 5: 'image/avif' } as Record<number, string>)[header.tileType] ?? 'image/png';
  // A raster GridLayer of our own: pmtiles' helper expects Leaflet as a page global.
  const Layer = L.GridLayer.extend({
    createTile(coords: L.Coords, done: L.DoneCallback) {
      const img = document.createElement('img');
      img.alt = '';
      archive
        .getZxy(coords.z, coords.x, coords.y)
        .then((tile) => {
          if (tile) {
            img.src = URL.createObjectURL(new Blob([tile.data], { type }));
            img.onload = () => URL.revokeObjectURL(img.src);
          }
          done(undefined, img);
        })
        .catch((err: Error) => done(err, img));
      return img;
    },
  });
  const RasterLayer = Layer as unknown as new (options: L.GridLayerOptions) => L.GridLayer;
  new RasterLayer({ maxZoom, minZoom: header.minZoom, maxNativeZoom: header.maxZoom }).addTo(map);
}

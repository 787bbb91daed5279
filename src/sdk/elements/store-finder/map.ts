/**
 * The finder's map, a lazy chunk: Leaflet (and, for a PMTiles archive, the
 * pmtiles reader) load only when the shopper opens the map. Leaflet's CSS is
 * adopted into the element's shadow root, never into the host page.
 *
 * Tiles come only from the town's configured source. Without one, the map is
 * schematic: pins on a neutral background with a scale bar.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css';
import type { City, LatLon, Offer } from '../../contract/schemas.js';
// The town's own attribution (shop data) is shown under the map by the element; Leaflet shows the tiles'.

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
    attributionControl: true,
    // Leaflet's own resize tracking listens on `window` and leaves an expando (`_leaflet_events`)
    // there, a global of ours on the shop's page; the element's own size is what matters anyway.
    trackResize: false,
  });
  const resized = new ResizeObserver(() => map.invalidateSize({ debounceMoveend: true }));
  resized.observe(container);
  map.attributionControl.setPrefix(false);
  if (tiles.type === 'xyz') {
    L.tileLayer(new URL(tiles.url, endpoint + '/').href.replace(/%7B/g, '{').replace(/%7D/g, '}'), { maxZoom: tiles.max_zoom, attribution: escapeHtml(tiles.attribution) }).addTo(map);
  } else if (tiles.type === 'pmtiles') {
    void addPmtiles(map, new URL(tiles.url, endpoint + '/').href, tiles.attribution, tiles.max_zoom);
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
        const marker = L.marker(at, {
          icon: L.divIcon({
            className: `pin pin-${offer.availability}${offer.store.id === ownStore ? ' pin-own' : ''}`,
            html: `<span>${i + 1}</span>`,
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

async function addPmtiles(map: L.Map, url: string, attribution: string, maxZoom: number): Promise<void> {
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
  new RasterLayer({ attribution: escapeHtml(attribution), maxZoom, minZoom: header.minZoom, maxNativeZoom: header.maxZoom }).addTo(map);
}

/** Leaflet renders attribution as HTML; the town's text is plain text. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

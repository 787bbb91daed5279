/**
 * Every word <citylab-store-finder> shows, one catalogue per language.
 * German first and in the "Sie" register German shops use; English mirrors it.
 */
import type { AvailabilityState } from '../../contract/schemas.js';
import type { Catalogue } from '../internal/citylab-element.js';
import { unreachable } from '../internal/unreachable.js';

export interface FinderStrings {
  title: (city: string) => string;
  state: Record<AvailabilityState, string>;
  orderable: string;
  quantity: (n: number) => string;
  shipIn: (sla: string) => string;
  noPickup: string;
  /** Before how long ago ("vor 3 Minuten", which the card adds): on a narrow phone the two take a line each. */
  updated: string;
  open: (closes: string) => string;
  closesSoon: (closes: string) => string;
  closedOpens: (when: string) => string;
  lunchBreak: (time: string) => string;
  opensToday: (time: string) => string;
  opensTomorrow: (time: string) => string;
  opensOn: (weekday: string, time: string) => string;
  opensOnDate: (date: string, time: string) => string;
  closedForNow: string;
  todaySpecial: (label: string) => string;
  away: (distance: string) => string;
  thisShop: string;
  directions: string;
  directionsLabel: (shop: string) => string;
  mapsApp: string;
  call: string;
  callLabel: (shop: string) => string;
  website: string;
  websiteLabel: (shop: string) => string;
  reserve: string;
  reserveLabel: (shop: string) => string;
  locationLabel: string;
  locationPlaceholder: string;
  search: string;
  useMyLocation: string;
  locating: string;
  inStockOnly: string;
  showAll: (n: number) => string;
  showFewer: string;
  loading: string;
  slow: string;
  none: (city: string) => string;
  noneInStock: string;
  unknown: string;
  error: string;
  retry: string;
  summary: (shops: number, inStock: number) => string;
  showMap: string;
  /** Sorting, the location or the map (their code comes on intent) could not be loaded, offline say: the next press tries again. */
  toolsFailed: string;
  price: string;
}

const sla: Record<string, string> = {
  same_day: 'heute',
  next_day: 'morgen',
  '2_day': 'in 2 Tagen',
  '3_day': 'in 3 Tagen',
  '4_day': 'in 4 Tagen',
  '5_day': 'in 5 Tagen',
  '6_day': 'in 6 Tagen',
  multi_week: 'in einigen Wochen',
};

export const de: FinderStrings = {
  title: (city) => `Vor Ort in ${city}`,
  state: {
    in_stock: 'Vorrätig',
    limited_availability: 'Nur noch wenige vorrätig',
    out_of_stock: 'Nicht vorrätig',
    on_display_to_order: 'Ausstellungsstück, bestellbar',
  },
  orderable: 'Nicht vorrätig, bestellbar',
  quantity: (n) => `${n} Stück`,
  shipIn: (s) => `Abholbereit ${sla[s] ?? ''}`.trim(),
  noPickup: 'Kauf vor Ort',
  updated: 'Bestand aktualisiert',
  open: (t) => `Geöffnet · schließt um ${t} Uhr`,
  closesSoon: (t) => `Schließt bald · um ${t} Uhr`,
  closedOpens: (when) => `Geschlossen · ${when}`,
  lunchBreak: (t) => `Mittagspause · öffnet um ${t} Uhr`,
  opensToday: (t) => `öffnet um ${t} Uhr`,
  opensTomorrow: (t) => `öffnet morgen um ${t} Uhr`,
  opensOn: (wd, t) => `öffnet ${wd} um ${t} Uhr`,
  opensOnDate: (d, t) => `öffnet am ${d} um ${t} Uhr`,
  closedForNow: 'Zurzeit geschlossen',
  todaySpecial: (label) => `Heute: ${label}`,
  away: (d) => `${d} entfernt`,
  thisShop: 'Dieses Geschäft',
  directions: 'Route',
  directionsLabel: (shop) => `Route zu ${shop} in OpenStreetMap (neues Fenster)`,
  mapsApp: 'Karten-App',
  call: 'Anrufen',
  callLabel: (shop) => `${shop} anrufen`,
  website: 'Website',
  websiteLabel: (shop) => `Website von ${shop} (neues Fenster)`,
  reserve: 'Reservieren',
  reserveLabel: (shop) => `Bei ${shop} reservieren und abholen`,
  locationLabel: 'Postleitzahl oder Ort',
  locationPlaceholder: 'z. B. 59821',
  search: 'Nach Entfernung sortieren',
  useMyLocation: 'Meinen Standort verwenden',
  locating: 'Standort wird bestimmt …',
  inStockOnly: 'Nur vorrätige anzeigen',
  showAll: (n) => `Alle ${n} Geschäfte anzeigen`,
  showFewer: 'Weniger anzeigen',
  loading: 'Verfügbarkeit wird geladen …',
  slow: 'Das dauert gerade länger als gewohnt …',
  none: (city) => `Dieser Artikel ist zurzeit in keinem Geschäft in ${city} gelistet.`,
  noneInStock: 'Gerade hat ihn kein Geschäft vorrätig. Schalten Sie den Filter aus, um alle Geschäfte zu sehen.',
  unknown: 'Diesen Artikel führt zurzeit kein Geschäft in der Stadt.',
  error: unreachable.de,
  retry: 'Erneut versuchen',
  summary: (shops, inStock) =>
    `${shops} ${shops === 1 ? 'Geschäft führt' : 'Geschäfte führen'} diesen Artikel, ${inStock} davon ${inStock === 1 ? 'hat' : 'haben'} ihn vorrätig.`,
  showMap: 'Karte anzeigen',
  toolsFailed: 'Das ließ sich gerade nicht laden. Bitte versuchen Sie es noch einmal.',
  price: 'Preis',
};

/** German here; English, which a German page never needs, arrives when an element speaks it (strings-en.ts). */
export const catalogue: Catalogue<FinderStrings> = { de, en: () => import('./strings-en.js').then((m) => m.en) };

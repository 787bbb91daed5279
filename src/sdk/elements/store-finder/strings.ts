/**
 * Every word <citylab-store-finder> shows, one catalogue per language.
 * German first and in the "Sie" register German shops use; English mirrors it.
 */
import type { AvailabilityState } from '../../contract/schemas.js';
import { unreachable } from '../internal/unreachable.js';

export interface FinderStrings {
  title: (city: string) => string;
  state: Record<AvailabilityState, string>;
  orderable: string;
  quantity: (n: number) => string;
  shipIn: (sla: string) => string;
  noPickup: string;
  updated: (ago: string) => string;
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
  sortedFrom: (place: string) => string;
  myLocation: string;
  clearLocation: string;
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
  geoDenied: string;
  geoUnavailable: string;
  placeNotFound: (q: string) => string;
  placeTooShort: string;
  summary: (shops: number, inStock: number) => string;
  showMap: string;
  hideMap: string;
  mapLoading: string;
  mapFailed: string;
  consent: (host: string) => string;
  consentAccept: string;
  schematic: string;
  mapLabel: string;
  newWindow: string;
  price: string;
}

const sla: Record<string, [string, string]> = {
  same_day: ['heute', 'today'],
  next_day: ['morgen', 'tomorrow'],
  '2_day': ['in 2 Tagen', 'in 2 days'],
  '3_day': ['in 3 Tagen', 'in 3 days'],
  '4_day': ['in 4 Tagen', 'in 4 days'],
  '5_day': ['in 5 Tagen', 'in 5 days'],
  '6_day': ['in 6 Tagen', 'in 6 days'],
  multi_week: ['in einigen Wochen', 'in a few weeks'],
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
  shipIn: (s) => `Abholbereit ${sla[s]?.[0] ?? ''}`.trim(),
  noPickup: 'Kauf vor Ort',
  updated: (ago) => `Bestand aktualisiert ${ago}`,
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
  sortedFrom: (place) => `Sortiert nach Entfernung von ${place}`,
  myLocation: 'Ihrem Standort',
  clearLocation: 'Entfernung zurücksetzen',
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
  geoDenied: 'Ihr Standort ist nicht freigegeben. Geben Sie stattdessen Ihre Postleitzahl oder Ihren Ort ein.',
  geoUnavailable: 'Ihr Standort ließ sich nicht bestimmen. Geben Sie stattdessen Ihre Postleitzahl oder Ihren Ort ein.',
  placeNotFound: (q) => `Zu „${q}“ kennen wir keinen Ort. Versuchen Sie eine Postleitzahl wie 59821 oder einen Ortsteil.`,
  placeTooShort: 'Bitte geben Sie mindestens zwei Zeichen ein.',
  summary: (shops, inStock) =>
    `${shops} ${shops === 1 ? 'Geschäft führt' : 'Geschäfte führen'} diesen Artikel, ${inStock} davon ${inStock === 1 ? 'hat' : 'haben'} ihn vorrätig.`,
  showMap: 'Karte anzeigen',
  hideMap: 'Karte ausblenden',
  mapLoading: 'Karte wird geladen …',
  mapFailed: 'Die Karte lässt sich gerade nicht laden. Die Liste enthält alle Geschäfte.',
  consent: (host) => `Die Karte lädt Kartenbilder von ${host}. Dabei erhält ${host} Ihre IP-Adresse.`,
  consentAccept: 'Karte laden',
  schematic: 'Vereinfachte Karte ohne Straßen',
  mapLabel: 'Karte der Geschäfte',
  newWindow: '(neues Fenster)',
  price: 'Preis',
};

export const en: FinderStrings = {
  title: (city) => `In shops in ${city}`,
  state: {
    in_stock: 'In stock',
    limited_availability: 'Only a few left',
    out_of_stock: 'Out of stock',
    on_display_to_order: 'On display, can be ordered',
  },
  orderable: 'Out of stock, can be ordered',
  quantity: (n) => `${n} in stock`,
  shipIn: (s) => `Ready for pickup ${sla[s]?.[1] ?? ''}`.trim(),
  noPickup: 'Buy in the shop',
  updated: (ago) => `Stock updated ${ago}`,
  open: (t) => `Open · closes at ${t}`,
  closesSoon: (t) => `Closes soon · at ${t}`,
  closedOpens: (when) => `Closed · ${when}`,
  lunchBreak: (t) => `Lunch break · opens at ${t}`,
  opensToday: (t) => `opens at ${t}`,
  opensTomorrow: (t) => `opens tomorrow at ${t}`,
  opensOn: (wd, t) => `opens ${wd} at ${t}`,
  opensOnDate: (d, t) => `opens on ${d} at ${t}`,
  closedForNow: 'Closed for now',
  todaySpecial: (label) => `Today: ${label}`,
  away: (d) => `${d} away`,
  thisShop: 'This shop',
  directions: 'Directions',
  directionsLabel: (shop) => `Directions to ${shop} on OpenStreetMap (new window)`,
  mapsApp: 'Maps app',
  call: 'Call',
  callLabel: (shop) => `Call ${shop}`,
  website: 'Website',
  websiteLabel: (shop) => `Website of ${shop} (new window)`,
  reserve: 'Reserve',
  reserveLabel: (shop) => `Reserve at ${shop} and collect`,
  locationLabel: 'Postcode or place',
  locationPlaceholder: 'e.g. 59821',
  search: 'Sort by distance',
  useMyLocation: 'Use my location',
  locating: 'Finding your location …',
  sortedFrom: (place) => `Sorted by distance from ${place}`,
  myLocation: 'your location',
  clearLocation: 'Clear distance',
  inStockOnly: 'In stock only',
  showAll: (n) => `Show all ${n} shops`,
  showFewer: 'Show fewer',
  loading: 'Loading availability …',
  slow: 'This is taking longer than usual …',
  none: (city) => `No shop in ${city} lists this item at the moment.`,
  noneInStock: 'No shop has it in stock right now. Turn off the filter to see every shop.',
  unknown: 'No shop in town carries this item at the moment.',
  error: unreachable.en,
  retry: 'Try again',
  geoDenied: 'Your location is not shared. Enter your postcode or place instead.',
  geoUnavailable: 'Your location could not be found. Enter your postcode or place instead.',
  placeNotFound: (q) => `We don't know a place called “${q}”. Try a postcode such as 59821 or a district.`,
  placeTooShort: 'Please enter at least two characters.',
  summary: (shops, inStock) => `${shops} ${shops === 1 ? 'shop carries' : 'shops carry'} this item, ${inStock} ${inStock === 1 ? 'has' : 'have'} it in stock.`,
  showMap: 'Show map',
  hideMap: 'Hide map',
  mapLoading: 'Loading map …',
  mapFailed: 'The map cannot be loaded right now. The list shows every shop.',
  consent: (host) => `The map loads map images from ${host}, which then receives your IP address.`,
  consentAccept: 'Load map',
  schematic: 'Simplified map without streets',
  mapLabel: 'Map of the shops',
  newWindow: '(new window)',
  price: 'Price',
};

export const catalogue = { de, en };

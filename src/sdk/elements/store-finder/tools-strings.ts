/**
 * The words of the finder's tools (location.ts, map-panel.ts): what it says once the
 * shopper sorts by a place or their own location, or opens the map. They come with the
 * tools' lazy chunk, German and English together; the first paint's words are in
 * strings.ts (German) and strings-en.ts (English).
 */
import type { Lang } from '../internal/lang.js';

export interface ToolsStrings {
  sortedFrom: (place: string) => string;
  myLocation: string;
  clearLocation: string;
  geoDenied: string;
  geoUnavailable: string;
  placeNotFound: (q: string) => string;
  placeTooShort: string;
  hideMap: string;
  mapLoading: string;
  mapFailed: string;
  consent: (host: string) => string;
  consentAccept: string;
  schematic: string;
  mapLabel: string;
}

const de: ToolsStrings = {
  sortedFrom: (place) => `Sortiert nach Entfernung von ${place}`,
  myLocation: 'Ihrem Standort',
  clearLocation: 'Entfernung zurücksetzen',
  geoDenied: 'Ihr Standort ist nicht freigegeben. Geben Sie stattdessen Ihre Postleitzahl oder Ihren Ort ein.',
  geoUnavailable: 'Ihr Standort ließ sich nicht bestimmen. Geben Sie stattdessen Ihre Postleitzahl oder Ihren Ort ein.',
  placeNotFound: (q) => `Zu „${q}“ kennen wir keinen Ort. Versuchen Sie eine Postleitzahl wie 59821 oder einen Ortsteil.`,
  placeTooShort: 'Bitte geben Sie mindestens zwei Zeichen ein.',
  hideMap: 'Karte ausblenden',
  mapLoading: 'Karte wird geladen …',
  mapFailed: 'Die Karte lässt sich gerade nicht laden. Die Liste enthält alle Geschäfte.',
  consent: (host) => `Die Karte lädt Kartenbilder von ${host}. Dabei erhält ${host} Ihre IP-Adresse.`,
  consentAccept: 'Karte laden',
  schematic: 'Vereinfachte Karte ohne Straßen',
  mapLabel: 'Karte der Geschäfte',
};

const en: ToolsStrings = {
  sortedFrom: (place) => `Sorted by distance from ${place}`,
  myLocation: 'your location',
  clearLocation: 'Clear distance',
  geoDenied: 'Your location is not shared. Enter your postcode or place instead.',
  geoUnavailable: 'Your location could not be found. Enter your postcode or place instead.',
  placeNotFound: (q) => `We don't know a place called “${q}”. Try a postcode such as 59821 or a district.`,
  placeTooShort: 'Please enter at least two characters.',
  hideMap: 'Hide map',
  mapLoading: 'Loading map …',
  mapFailed: 'The map cannot be loaded right now. The list shows every shop.',
  consent: (host) => `The map loads map images from ${host}, which then receives your IP address.`,
  consentAccept: 'Load map',
  schematic: 'Simplified map without streets',
  mapLabel: 'Map of the shops',
};

export const toolsWords: Record<Lang, ToolsStrings> = { de, en };

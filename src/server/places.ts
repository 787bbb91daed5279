/**
 * "59821" or "Neheim" → a place of the town, from the town's own list: the
 * shopper's words never go to a third-party geocoder.
 */
import type { Place } from 'citylab-sdk/contract';

/** Lower case, umlauts spelled out, so "Hüsten" matches "huesten" and "husten". */
function fold(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
}
function foldGerman(s: string): string {
  return s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

export function matchPlaces(places: readonly Place[], query: string, limit = 8): Place[] {
  const q = query.trim();
  const scored: { place: Place; score: number }[] = [];
  const variants = [fold(q), foldGerman(q)];
  for (const place of places) {
    let score = -1;
    if (/^\d/.test(q)) {
      if (place.postal_code === q) score = 0;
      else if (place.postal_code?.startsWith(q)) score = 1;
    } else {
      const names = [fold(place.name), foldGerman(place.name)];
      if (names.some((n) => variants.includes(n))) score = 0;
      else if (names.some((n) => variants.some((v) => n.startsWith(v)))) score = 1;
      else if (names.some((n) => variants.some((v) => n.includes(v)))) score = 2;
    }
    if (score >= 0) scored.push({ place, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name, 'de'))
    .slice(0, limit)
    .map((s) => s.place);
}

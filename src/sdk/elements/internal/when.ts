/**
 * A moment as a shopper reads it, counted from now in the shop's time zone: "heute, 12:00 Uhr",
 * "morgen, 09:30 Uhr", "Do., 3. Dez., 10:00 Uhr"; and the pickup line every element states the
 * same way ("Abholbereit ab morgen, 10:00 Uhr"), from the contract's pickup window.
 */
import { pickupWindow } from '../../contract/hold-window.js';
import { addDays, isoDate, wallClock } from '../../contract/opening-hours.js';
import type { Store } from '../../contract/schemas.js';
import { formatDay, formatTime } from './format.js';
import type { Lang } from './lang.js';

export const whenWords = {
  de: {
    today: (t: string) => `heute, ${t} Uhr`,
    tomorrow: (t: string) => `morgen, ${t} Uhr`,
    onDay: (d: string, t: string) => `${d}, ${t} Uhr`,
    readyFrom: (when: string) => `Abholbereit ab ${when}`,
  },
  en: {
    today: (t: string) => `today, ${t}`,
    tomorrow: (t: string) => `tomorrow, ${t}`,
    onDay: (d: string, t: string) => `${d}, ${t}`,
    readyFrom: (when: string) => `Pickup from ${when}`,
  },
} satisfies Record<Lang, unknown>;

export function when(instant: Date, tz: string, lang: Lang, now: Date): string {
  const w = whenWords[lang];
  const time = formatTime(instant, tz, lang);
  const day = isoDate(wallClock(instant, tz));
  const today = wallClock(now, tz);
  if (day === isoDate(today)) return w.today(time);
  if (day === isoDate(addDays(today, 1))) return w.tomorrow(time);
  return w.onDay(formatDay(instant, tz, lang), time);
}

/** "Abholbereit ab morgen, 10:00 Uhr": when a reservation sent now would be ready. */
export function readyFromText(store: Pick<Store, 'time_zone' | 'opening_hours' | 'click_and_collect'>, now: Date, lang: Lang): string {
  return whenWords[lang].readyFrom(when(pickupWindow(store, now).readyFrom, store.time_zone, lang, now));
}

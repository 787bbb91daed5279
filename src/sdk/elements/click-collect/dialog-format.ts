/** Times and prices as the reservation dialog (and its calendar file) writes them. */
import { isoDate, wallClock } from '../../contract/opening-hours.js';
import { formatPrice, formatTime } from '../internal/format.js';
import { when as whenIn } from '../internal/when.js';
import type { Lang } from '../internal/lang.js';
import type { DialogStrings } from './dialog-strings.js';

export interface DialogLocale {
  t: DialogStrings;
  lang: Lang;
  /** The moment "heute" and "morgen" are counted from. */
  now: Date;
}

/** "heute, 12:00 Uhr", "morgen, 09:30 Uhr", "Mi., 2. Dez., 18:30 Uhr" in the shop's time zone: as the finder says it (internal/when.ts). */
export function when(instant: Date, tz: string, { lang, now }: DialogLocale): string {
  return whenIn(instant, tz, lang, now);
}

/** "24,90 €", or "2 × 24,90 € = 49,80 €" (the total in whole cents). */
export function totalPrice(amount: string, currency: string, quantity: number, { t, lang }: Pick<DialogLocale, 't' | 'lang'>): string {
  const each = formatPrice(amount, currency, lang);
  const cents = Math.round(Number(amount) * 100) * quantity;
  return t.total(quantity, each, formatPrice((cents / 100).toFixed(2), currency, lang));
}

/** "in 5 Minuten" / "ab 15:42 Uhr" / "morgen, 09:00 Uhr", in the shopper's own time zone. */
export function whenAgain(seconds: number, locale: DialogLocale): string {
  const { t, lang, now } = locale;
  if (seconds <= 15 * 60) return t.inMinutes(Math.ceil(seconds / 60));
  const at = new Date(now.getTime() + seconds * 1000);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = formatTime(at, tz, lang);
  return isoDate(wallClock(at, tz)) === isoDate(wallClock(now, tz)) ? t.atTime(time) : when(at, tz, locale);
}

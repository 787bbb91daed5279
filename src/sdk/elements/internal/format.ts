/** Numbers, prices, distances and times formatted with Intl, as people in the locale write them. */
import { localeOf, type Lang } from './lang.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatPrice(amount: string, currency: string, lang: Lang): string {
  return cached(`price:${lang}:${currency}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency })).format(Number(amount));
}

/** "350 m", "1,2 km" (de) / "1.2 km" (en). */
export function formatDistance(metres: number, lang: Lang): string {
  if (metres < 1000) {
    const rounded = metres < 100 ? Math.max(10, Math.round(metres / 10) * 10) : Math.round(metres / 50) * 50;
    return cached(`m:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit: 'meter', maximumFractionDigits: 0 })).format(rounded);
  }
  return cached(`km:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 })).format(metres / 1000);
}

/** "18:00" in the shop's time zone. */
export function formatTime(instant: Date, timeZone: string, lang: Lang): string {
  return cached(`time:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })).format(instant);
}

/** "Mo., 1. Dez." (de) / "Mon 1 Dec" (en). */
export function formatDay(instant: Date, timeZone: string, lang: Lang): string {
  return cached(`day:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone })).format(instant);
}

/** "Montag" / "Monday". */
export function formatWeekday(instant: Date, timeZone: string, lang: Lang): string {
  return cached(`wd:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', timeZone })).format(instant);
}

/** "vor 12 Minuten" / "12 minutes ago"; under a minute "gerade eben" / "just now". */
export function formatAgo(then: Date, now: Date, lang: Lang): string {
  const rtf = cached(`rel:${lang}`, () => new Intl.RelativeTimeFormat(localeOf(lang), { numeric: 'auto' }));
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return lang === 'de' ? 'gerade eben' : 'just now';
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

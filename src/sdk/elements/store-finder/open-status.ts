/** Puts a shop's opening state into the words the finder shows. */
import { openState, openings, wallClock, isoDate } from '../../contract/opening-hours.js';
import type { Store } from '../../contract/schemas.js';
import { formatDay, formatTime, formatWeekday } from '../internal/format.js';
import type { Lang } from '../internal/lang.js';
import type { FinderStrings } from './strings.js';

/** How long before closing the finder says "closes soon". */
const SOON_MS = 30 * 60_000;

export interface OpenStatus {
  kind: 'open' | 'closing-soon' | 'lunch-break' | 'closed';
  text: string;
  /** A special day's label for today, e.g. "Heiligabend". */
  note?: string;
}

export function openStatus(store: Store, now: Date, lang: Lang, t: FinderStrings): OpenStatus {
  const tz = store.time_zone;
  const state = openState(store.opening_hours, tz, now);
  const today = isoDate(wallClock(now, tz));
  let note: string | undefined;
  for (const o of openings(store.opening_hours, tz, now, 1)) {
    if (o.date === today && o.label) note = t.todaySpecial(o.label);
  }
  const special = store.opening_hours.special_days.find((s) => s.date === today);
  if (special?.label && !note) note = t.todaySpecial(special.label);
  const withNote = (s: OpenStatus): OpenStatus => (note ? { ...s, note } : s);

  if (state.open) {
    const time = formatTime(state.closes, tz, lang);
    return withNote(state.closes.getTime() - now.getTime() <= SOON_MS ? { kind: 'closing-soon', text: t.closesSoon(time) } : { kind: 'open', text: t.open(time) });
  }
  const next = state.next;
  if (!next) return withNote({ kind: 'closed', text: t.closedForNow });
  const time = formatTime(next.opens, tz, lang);
  if (next.date === today) {
    // Opens again later today after having been open: that is a break, not "closed".
    const wasOpenToday = [...openings(store.opening_hours, tz, now, 1)].some((o) => o.date === today && o.closes.getTime() <= now.getTime());
    return withNote(wasOpenToday ? { kind: 'lunch-break', text: t.lunchBreak(time) } : { kind: 'closed', text: t.closedOpens(t.opensToday(time)) });
  }
  const days = Math.round((Date.parse(next.date) - Date.parse(today)) / 86_400_000);
  const when =
    days === 1 ? t.opensTomorrow(time)
    : days <= 6 ? t.opensOn(formatWeekday(next.opens, tz, lang), time)
    : t.opensOnDate(formatDay(next.opens, tz, lang), time);
  return withNote({ kind: 'closed', text: t.closedOpens(when) });
}

/**
 * "Open now, closes at 18:00 / opens Monday 09:30" from a shop's weekly hours
 * in its own time zone, with lunch breaks, closed days and special days.
 *
 * Wall-clock times are turned into instants with Intl (no time-zone library):
 * the zone's offset is looked up for the instant and checked once more, which
 * gets the days on which clocks change right.
 */
import type { OpeningHours, TimeInterval, Weekday } from './schemas.js';

const WEEKDAY_BY_INDEX: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface Opening {
  opens: Date;
  closes: Date;
  /** The local date the interval belongs to (YYYY-MM-DD). */
  date: string;
  /** Set when the date is a special day, e.g. "Heiligabend". */
  label?: string;
}

export type OpenState =
  | { open: true; closes: Date; /** The next opening after this one closes (after a lunch break or on a later day). */ next: Opening | null }
  | { open: false; next: Opening | null };

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in the zone at the instant. */
export function wallClock(instant: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the zone's clocks show the local date and time ("24:00" is the next midnight). */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, h, m);
  let t = asUtc - offsetAt(asUtc, timeZone);
  // Near a clock change the first guess uses the wrong side's offset; one more look settles it.
  const second = asUtc - offsetAt(t, timeZone);
  if (second !== t) t = second;
  return new Date(t);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAY_BY_INDEX[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
}

/** The intervals of one local date: a special day replaces the weekday's hours. */
export function hoursOn(hours: OpeningHours, date: LocalDate): { intervals: readonly TimeInterval[]; label?: string } {
  const iso = isoDate(date);
  const special = hours.special_days.find((s) => s.date === iso);
  if (special) return special.label ? { intervals: special.intervals, label: special.label } : { intervals: special.intervals };
  return { intervals: hours.weekly[weekdayOf(date)] };
}

/** Openings from the local day of `from` onwards (at most `days` days), in order. */
export function* openings(hours: OpeningHours, timeZone: string, from: Date, days = 14): Generator<Opening> {
  const today = wallClock(from, timeZone);
  for (let d = -1; d < days; d++) {
    // Start a day early: an interval closing at 24:00 yesterday may still be running past midnight UTC.
    const date = addDays(today, d);
    const { intervals, label } = hoursOn(hours, date);
    const sorted = [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
    for (const i of sorted) {
      const opening: Opening = { opens: zonedInstant(date, i.opens, timeZone), closes: zonedInstant(date, i.closes, timeZone), date: isoDate(date) };
      if (label) opening.label = label;
      yield opening;
    }
  }
}

/** Whether the shop is open at `now`, when it closes, and when it opens next. */
export function openState(hours: OpeningHours, timeZone: string, now: Date): OpenState {
  const t = now.getTime();
  let current: Opening | null = null;
  for (const o of openings(hours, timeZone, now)) {
    if (o.closes.getTime() <= t) continue;
    if (current) {
      // Intervals that touch (13:00–13:00) count as one stretch.
      if (o.opens.getTime() === current.closes.getTime()) {
        current = Object.assign({}, current as Opening, { closes: o.closes });
        continue;
      }
      return { open: true, closes: current.closes, next: o };
    }
    if (o.opens.getTime() <= t) current = o;
    else return { open: false, next: o };
  }
  return current ? { open: true, closes: current.closes, next: null } : { open: false, next: null };
}

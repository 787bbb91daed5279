/**
 * Opening hours as an operator types them on the command line, German or
 * English day names, several intervals a day:
 *
 *   "Mo-Fr 09:30-13:00 14:00-18:30; Sa 10:00-16:00"
 *   "mon,wed,fri 10:00-18:00; sat 10:00-14:00"
 *
 * Days not named are closed. Special days are the dashboard's business.
 */
import { OpeningHours, WEEKDAYS, type Weekday } from 'citylab-sdk/contract';

const DAY_NAMES: Record<string, Weekday> = {
  mo: 'mon', di: 'tue', mi: 'wed', do: 'thu', fr: 'fri', sa: 'sat', so: 'sun',
  mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun',
};

const INTERVAL = /^(\d{1,2})(?::(\d{2}))?-(\d{1,2})(?::(\d{2}))?$/;

const clock = (h: string, m: string | undefined) => `${h.padStart(2, '0')}:${m ?? '00'}`;

function day(name: string): Weekday {
  const d = DAY_NAMES[name.toLowerCase().replace(/\.$/, '')];
  if (!d) throw new Error(`"${name}" is not a day (Mo Di Mi Do Fr Sa So, or mon … sun)`);
  return d;
}

/** Parses the text into weekly hours; throws an Error that names the part it cannot read. */
export function parseHoursText(text: string): OpeningHours {
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as { opens: string; closes: string }[]])) as OpeningHours['weekly'];
  for (const group of text.split(';').map((g) => g.trim()).filter(Boolean)) {
    const [days, ...times] = group.split(/\s+/);
    if (!days || !times.length) throw new Error(`"${group}": give the days, then the times, like "Mo-Fr 09:30-18:30"`);
    const named: Weekday[] = [];
    for (const part of days.split(',')) {
      const range = part.split('-');
      if (range.length === 2) {
        const from = WEEKDAYS.indexOf(day(range[0]!));
        const to = WEEKDAYS.indexOf(day(range[1]!));
        if (to < from) throw new Error(`"${part}": the range runs backwards`);
        named.push(...WEEKDAYS.slice(from, to + 1));
      } else if (range.length === 1) named.push(day(part));
      else throw new Error(`"${part}" is not a day or a range of days`);
    }
    const intervals = times.flatMap((t) => t.split(',')).filter(Boolean).map((t) => {
      const m = INTERVAL.exec(t);
      if (!m) throw new Error(`"${t}" is not a time range like 09:30-18:30`);
      return { opens: clock(m[1]!, m[2]), closes: clock(m[3]!, m[4]) };
    });
    for (const d of named) weekly[d] = [...weekly[d], ...intervals].sort((a, b) => (a.opens < b.opens ? -1 : 1));
  }
  const parsed = OpeningHours.safeParse({ weekly, special_days: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

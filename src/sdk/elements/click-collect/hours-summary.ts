/** A shop's week in a few lines: "Mo–Fr 09:30–13:00, 14:30–18:30 Uhr", "Sa 09:30–14:00 Uhr", "So geschlossen". */
import { WEEKDAYS, type OpeningHours } from '../../contract/schemas.js';
import type { DialogStrings } from './dialog-strings.js';

export function weekSummary(hours: OpeningHours, t: Pick<DialogStrings, 'weekdays' | 'closed' | 'timeSuffix'>): string[] {
  const days = WEEKDAYS.map((d) =>
    [...hours.weekly[d]]
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((i) => `${i.opens}–${i.closes}`)
      .join(', '),
  );
  const lines: string[] = [];
  for (let start = 0; start < days.length; ) {
    let end = start;
    while (end + 1 < days.length && days[end + 1] === days[start]) end++;
    const label = start === end ? t.weekdays[start]! : `${t.weekdays[start]}–${t.weekdays[end]}`;
    lines.push(days[start] ? `${label} ${days[start]}${t.timeSuffix}` : `${label} ${t.closed}`);
    start = end + 1;
  }
  return lines;
}

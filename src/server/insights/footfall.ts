/**
 * The town's passer-by counts, imported as CSV from the counters it already has
 * (hourly counts per counting point). Validated like a stock upload: every bad
 * line is named, and a file with any bad line changes nothing.
 *
 *   zaehlstelle;stunde;anzahl                 point,hour,count
 *   Marktplatz;2026-11-30 14:00;1.234         Marktplatz,2026-11-30T14:00+01:00,1234
 *
 * A time without an offset is the town's wall-clock time.
 */
import { parse } from 'csv-parse/sync';
import { zonedInstant } from 'citylab-sdk/contract';
import { detectDelimiter } from '../inventory-feed.js';
import type { ProblemErrors } from '../problem.js';
import type { FootfallRow } from '../storage/insights.js';

const COLUMNS = {
  point: ['point', 'zaehlstelle', 'zählstelle', 'standort', 'location'],
  hour: ['hour', 'stunde', 'zeit', 'time', 'timestamp', 'datum'],
  count: ['count', 'anzahl', 'passanten', 'passers_by', 'value'],
} as const;

/** Most rows one file may hold: a year of hours for 20 counting points. */
export const MAX_FOOTFALL_ROWS = 20 * 366 * 24;

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?(Z|[+-]\d{2}:\d{2})?$/;
const GERMAN_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d{2})$/;

/** The instant an hour's count starts at, or why the text is not one. */
function hourOf(text: string, timeZone: string): string | Error {
  let m = TIME.exec(text);
  let y: number, mo: number, d: number, h: number, mi: number, offset: string | undefined;
  if (m) [y, mo, d, h, mi, offset] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), m[6]];
  else if ((m = GERMAN_TIME.exec(text))) [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  else return new Error(`"${text}" is not a time like 2026-11-30 14:00 or 30.11.2026 14:00`);
  if (mi !== 0) return new Error(`"${text}" does not start a full hour`);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23) return new Error(`"${text}" is not a valid date and hour`);
  const instant = offset
    ? new Date(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00${offset}`)
    : zonedInstant({ year: y, month: mo, day: d }, `${String(h).padStart(2, '0')}:00`, timeZone);
  if (Number.isNaN(instant.getTime()) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return new Error(`"${text}" is not a valid date`);
  return instant.toISOString().slice(0, 13);
}

/** "1.234" and "1234" are 1234 (German thousands); anything else that is not a whole number ≥ 0 is an error. */
function countOf(text: string): number | Error {
  const plain = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
  if (!/^\d{1,9}$/.test(plain)) return new Error(`"${text}" is not a whole number of passers-by`);
  return Number(plain);
}

export function parseFootfall(text: string, timeZone: string, demo = false): { rows: FootfallRow[]; errors: ProblemErrors } {
  const errors: ProblemErrors = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text, 'text/csv'), bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { rows: [], errors: [{ ...(line ? { line } : {}), reason: `the file cannot be read: ${(err as Error).message}` }] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], errors: [{ line: 1, reason: 'the file is empty: expected a header line (point, hour, count)' }] };
  const header = head.record.map((h) => h.toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, names]) => [key, header.findIndex((h) => (names as readonly string[]).includes(h))]),
  ) as Record<keyof typeof COLUMNS, number>;
  for (const [key, i] of Object.entries(index)) {
    if (i < 0) errors.push({ line: head.info.lines, field: key, reason: `missing column "${key}" (or ${COLUMNS[key as keyof typeof COLUMNS].slice(1).join(', ')})` });
  }
  if (errors.length) return { rows: [], errors };
  if (body.length > MAX_FOOTFALL_ROWS) return { rows: [], errors: [{ reason: `the file has ${body.length} rows; at most ${MAX_FOOTFALL_ROWS} per import` }] };
  const rows: FootfallRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const point = record[index.point] ?? '';
    // Single-line text only: no control characters, no bidi overrides.
    if (!point || point.length > 80 || /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(point)) {
      errors.push({ line, field: 'point', reason: point ? 'the counting point\'s name has control characters or is over 80 characters' : 'the counting point is empty' });
      continue;
    }
    const hour = hourOf(record[index.hour] ?? '', timeZone);
    if (hour instanceof Error) {
      errors.push({ line, field: 'hour', reason: hour.message });
      continue;
    }
    const n = countOf(record[index.count] ?? '');
    if (n instanceof Error) {
      errors.push({ line, field: 'count', reason: n.message });
      continue;
    }
    const key = `${point}\u0000${hour}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line, reason: `"${point}" at this hour is already on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    rows.push({ point, hour, n, demo });
  }
  if (!rows.length && !errors.length) errors.push({ reason: 'the file has a header but no counts' });
  return errors.length ? { rows: [], errors } : { rows, errors };
}

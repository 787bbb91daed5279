/**
 * The pickup as an iCalendar file (RFC 5545), built in the browser: nothing is
 * sent anywhere, the shopper's calendar app opens the download.
 *
 * Times are UTC ("…Z"), so no time-zone definition is needed; text values are
 * escaped (backslash, semicolon, comma, line breaks) and lines are folded at
 * 75 octets without splitting a UTF-8 character; lines end in CRLF.
 */

export interface PickupEvent {
  /** Globally unique and stable: a second download updates the same event. */
  uid: string;
  /** When the file is made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  /** Reminders: this many minutes before `start`, or at a moment of their own (the hold's end nears). */
  alarms?: ({ minutesBeforeStart: number; description: string } | { at: Date; description: string })[];
}

/**
 * How long the pickup event lasts in the calendar: a visit to the shop, at the start of the
 * pickup window. The window itself can span days (held until the third opening day); an event
 * that long fills the shopper's calendar and says nothing about when to go.
 */
export const PICKUP_EVENT_MINUTES = 30;

/** TEXT value escaping, RFC 5545 §3.3.11. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** DATE-TIME in UTC, RFC 5545 §3.3.5 form #2: 20261201T110000Z. */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

const encoder = new TextEncoder();

/** Content lines longer than 75 octets are folded: CRLF and one space, never inside a character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The continuation's leading space counts towards its 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(event: PickupEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CityLab//Click & Collect//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'STATUS:CONFIRMED',
    // A pickup window is not a meeting: it does not mark the shopper as busy.
    'TRANSP:TRANSPARENT',
  ];
  for (const alarm of event.alarms ?? []) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(alarm.description)}`,
      'at' in alarm ? `TRIGGER;VALUE=DATE-TIME:${utcStamp(alarm.at)}` : `TRIGGER:-PT${Math.max(0, Math.round(alarm.minutesBeforeStart))}M`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

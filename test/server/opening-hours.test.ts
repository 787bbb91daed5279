import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openState, zonedInstant } from '../../src/sdk/contract/opening-hours.js';
import type { OpeningHours } from '../../src/sdk/contract/schemas.js';

const lunch = [{ opens: '09:30', closes: '13:00' }, { opens: '14:30', closes: '18:30' }];
const hours: OpeningHours = {
  weekly: { mon: [], tue: lunch, wed: [{ opens: '09:30', closes: '13:00' }], thu: lunch, fri: lunch, sat: [{ opens: '10:00', closes: '14:00' }], sun: [] },
  special_days: [
    { date: '2026-12-24', intervals: [{ opens: '09:00', closes: '13:00' }], label: 'Heiligabend' },
    { date: '2026-12-25', intervals: [], label: '1. Weihnachtstag' },
  ],
};
const berlin = 'Europe/Berlin';
/** An instant given as Berlin wall-clock time. */
const at = (iso: string) => zonedInstant({ year: +iso.slice(0, 4), month: +iso.slice(5, 7), day: +iso.slice(8, 10) }, iso.slice(11, 16), berlin);

describe('opening hours', () => {
  it('turns Berlin wall-clock times into instants, winter and summer', () => {
    assert.equal(at('2026-12-01T09:30').toISOString(), '2026-12-01T08:30:00.000Z');
    assert.equal(at('2026-07-01T09:30').toISOString(), '2026-07-01T07:30:00.000Z');
    // 29 March 2026: clocks jump from 02:00 to 03:00; 03:30 local is 01:30 UTC.
    assert.equal(at('2026-03-29T03:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(at('2026-10-25T12:00').toISOString(), '2026-10-25T11:00:00.000Z');
  });

  it('open in the morning, closes for lunch, reopens after', () => {
    const s = openState(hours, berlin, at('2026-12-01T10:15')); // a Tuesday
    assert.ok(s.open);
    assert.equal(s.closes.toISOString(), at('2026-12-01T13:00').toISOString());
    assert.equal(s.next?.opens.toISOString(), at('2026-12-01T14:30').toISOString());
    const lunchBreak = openState(hours, berlin, at('2026-12-01T13:30'));
    assert.equal(lunchBreak.open, false);
    assert.equal(lunchBreak.next?.opens.toISOString(), at('2026-12-01T14:30').toISOString());
  });

  it('just before closing is open, at closing time closed', () => {
    const s = openState(hours, berlin, at('2026-12-01T18:29'));
    assert.ok(s.open && s.closes.getTime() - at('2026-12-01T18:29').getTime() === 60_000);
    const closed = openState(hours, berlin, at('2026-12-01T18:30'));
    assert.equal(closed.open, false);
    assert.equal(closed.next?.opens.toISOString(), at('2026-12-02T09:30').toISOString());
  });

  it('skips a closed day: Saturday afternoon opens next on Tuesday (Sunday and Monday closed)', () => {
    const s = openState(hours, berlin, at('2026-12-05T15:00'));
    assert.equal(s.open, false);
    assert.equal(s.next?.opens.toISOString(), at('2026-12-08T09:30').toISOString());
  });

  it('special days replace the week: short hours on Christmas Eve, closed on Christmas Day', () => {
    const eve = openState(hours, berlin, at('2026-12-24T12:00'));
    assert.ok(eve.open);
    assert.equal(eve.closes.toISOString(), at('2026-12-24T13:00').toISOString());
    // 25 Dec is a Friday that would normally be open; 26 Dec is a Saturday.
    const xmas = openState(hours, berlin, at('2026-12-25T11:00'));
    assert.equal(xmas.open, false);
    assert.equal(xmas.next?.opens.toISOString(), at('2026-12-26T10:00').toISOString());
    assert.equal(openState(hours, berlin, at('2026-12-24T14:00')).next?.date, '2026-12-26');
  });

  it('uses the shop\'s time zone, not the machine\'s', () => {
    // 08:45 UTC is 09:45 in Berlin (open) but 03:45 in New York.
    const instant = new Date('2026-12-01T08:45:00Z');
    assert.equal(openState(hours, berlin, instant).open, true);
    assert.equal(openState(hours, 'America/New_York', instant).open, false);
  });

  it('an interval to 24:00 runs to midnight, and a shop with no hours is never open', () => {
    const late: OpeningHours = { ...hours, weekly: { ...hours.weekly, fri: [{ opens: '18:00', closes: '24:00' }] } };
    const s = openState(late, berlin, at('2026-12-04T23:59'));
    assert.ok(s.open);
    assert.equal(s.closes.toISOString(), at('2026-12-05T00:00').toISOString());
    const none: OpeningHours = { weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, special_days: [] };
    assert.deepEqual(openState(none, berlin, at('2026-12-01T10:00')), { open: false, next: null });
  });
});

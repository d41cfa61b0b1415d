import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, isoWeekday, localParts, offsetMinutes, zonedInstant } from './time.ts';

const ZONES = ['Europe/Ljubljana', 'Europe/Prague'];

test('local times convert to the right instants across the 2026 DST changes', () => {
  for (const tz of ZONES) {
    // Winter: UTC+1. Summer: UTC+2. Spring forward 2026-03-29 02:00→03:00, fall back 2026-10-25 03:00→02:00.
    assert.equal(zonedInstant('2026-03-28', 8 * 60, tz)?.toISOString(), '2026-03-28T07:00:00.000Z');
    assert.equal(zonedInstant('2026-03-29', 8 * 60, tz)?.toISOString(), '2026-03-29T06:00:00.000Z');
    assert.equal(
      zonedInstant('2026-03-29', 150, tz),
      null,
      '02:30 does not exist on the spring-forward night',
    );
    assert.equal(
      zonedInstant('2026-10-25', 150, tz)?.toISOString(),
      '2026-10-25T00:30:00.000Z',
      'the first 02:30',
    );
    assert.equal(zonedInstant('2026-10-25', 8 * 60, tz)?.toISOString(), '2026-10-25T07:00:00.000Z');
    assert.equal(offsetMinutes(new Date('2026-07-01T12:00:00Z'), tz), 120);
    assert.equal(offsetMinutes(new Date('2026-12-01T12:00:00Z'), tz), 60);
  }
});

test('every existing local time round-trips through its instant', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: 0, max: 24 * 60 - 1 }),
      (tz, day, minutes) => {
        const date = day.toISOString().slice(0, 10);
        const instant = zonedInstant(date, minutes, tz);
        if (instant === null) return true; // a skipped hour; covered above
        const back = localParts(instant, tz);
        return back.date === date && back.minutes === minutes;
      },
    ),
  );
});

test('calendar arithmetic', () => {
  assert.equal(isoWeekday('2026-11-23'), 1);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, clockTime, formatDayHours, minutesOf, parseDayHours } from './calendar.ts';
import { isoWeekday } from './zoned-time.ts';

test('calendar arithmetic', () => {
  assert.equal(isoWeekday('2026-11-23'), 1);
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(minutesOf('08:30:00'), 510);
  assert.equal(clockTime(1440), '24:00');
  assert.equal(clockTime(minutesOf('07:05')), '07:05');
});

test('day hours parse as staff type them and round-trip', () => {
  assert.deepEqual(parseDayHours(''), []);
  assert.deepEqual(parseDayHours('8:00-12:00, 13.00–17:00'), [
    { start: 480, end: 720 },
    { start: 780, end: 1020 },
  ]);
  for (const bad of [
    '8-12',
    '12:00-08:00',
    '08:00-12:00, 11:00-13:00',
    '25:00-26:00',
    '08:00-12:60',
    'morning',
  ])
    assert.equal(parseDayHours(bad), null, bad);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 23 * 60 }), { minLength: 0, maxLength: 6 }),
      (points) => {
        const sorted = [...new Set(points)].sort((a, b) => a - b);
        const ranges = [];
        for (let i = 0; i + 1 < sorted.length; i += 2)
          ranges.push({ start: sorted[i]!, end: sorted[i + 1]! });
        return JSON.stringify(parseDayHours(formatDayHours(ranges))) === JSON.stringify(ranges);
      },
    ),
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bookableTimes, dueReminders, formatDayHours, generateSlots, parseDayHours, type BookingRules, type SlotInput, type WeeklyHours } from './domain.ts';
import { publicHolidays } from './holidays.ts';
import { localParts, zonedInstant } from './time.ts';

const everyDay = (officialId: string, start: number, end: number): WeeklyHours[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ officialId, weekday, start, end }));
const rules: BookingRules = { slotMinutes: 30, bufferMinutes: 0, capacity: 1, minNoticeMinutes: 0, horizonDays: 400 };
const base = (over: Partial<SlotInput>): SlotInput => ({
  from: '2026-03-29',
  to: '2026-03-29',
  timeZone: 'Europe/Ljubljana',
  hours: everyDay('ana', 8 * 60, 12 * 60),
  rules,
  closedDays: new Set(),
  absences: [],
  busy: [],
  now: new Date('2026-01-01T00:00:00Z'),
  ...over,
});
const local = (d: Date, tz = 'Europe/Ljubljana') => {
  const p = localParts(d, tz);
  return `${p.date} ${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
};

test('on both DST change days slots stay at local 08:00–12:00 and last exactly 30 minutes', () => {
  for (const timeZone of ['Europe/Ljubljana', 'Europe/Prague']) {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const slots = generateSlots(base({ from: day, to: day, timeZone }));
      assert.equal(slots.length, 8, `${timeZone} ${day}`);
      assert.equal(local(slots[0]!.start, timeZone), `${day} 08:00`);
      assert.equal(local(slots[7]!.end, timeZone), `${day} 12:00`);
      for (const s of slots) assert.equal(s.end.getTime() - s.start.getTime(), 30 * 60_000);
    }
  }
});

test('a window across the skipped night hour leaves out slots that do not exist', () => {
  const slots = generateSlots(base({ hours: everyDay('ana', 60, 4 * 60) }));
  // 01:00–04:00 on 2026-03-29: clocks jump from 02:00 to 03:00, so the slots that start or
  // end in 02:00–02:59 (01:30, 02:00, 02:30) do not exist that night.
  assert.deepEqual(slots.map((s) => local(s.start)), ['2026-03-29 01:00', '2026-03-29 03:00', '2026-03-29 03:30']);
});

test('back-to-back bookings [a,b) and [b,c) are both possible', () => {
  const first = generateSlots(base({}))[0]!;
  const slots = generateSlots(base({ busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 1 }] }));
  assert.equal(slots.length, 7);
  assert.equal(slots[0]!.start.getTime(), first.end.getTime());
});

test('buffers separate appointments', () => {
  const slots = generateSlots(base({ rules: { ...rules, slotMinutes: 45, bufferMinutes: 15 } }));
  assert.deepEqual(slots.map((s) => local(s.start).slice(11)), ['08:00', '09:00', '10:00', '11:00']);
});

test('group appointments count seats; a full slot disappears', () => {
  const r = { ...rules, capacity: 3 };
  const first = generateSlots(base({ rules: r }))[0]!;
  const two = generateSlots(base({ rules: r, busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 2 }] }));
  assert.equal(two[0]!.free, 1);
  const three = generateSlots(base({ rules: r, busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 3 }] }));
  assert.notEqual(three[0]!.start.getTime(), first.start.getTime());
});

test('holidays, closures, absences, minimum notice and the horizon remove slots', () => {
  const easterMonday = '2026-04-06';
  const closedDays = new Set(publicHolidays('SI', 2026));
  assert.equal(generateSlots(base({ from: easterMonday, to: easterMonday, closedDays })).length, 0);
  const absent = generateSlots(base({
    absences: [{ officialId: 'ana', start: zonedInstant('2026-03-29', 9 * 60, 'Europe/Ljubljana')!, end: zonedInstant('2026-03-29', 10 * 60, 'Europe/Ljubljana')! }],
  }));
  assert.equal(absent.length, 6);
  const now = zonedInstant('2026-03-29', 9 * 60 + 10, 'Europe/Ljubljana')!;
  const noticed = generateSlots(base({ now, rules: { ...rules, minNoticeMinutes: 60 } }));
  assert.equal(local(noticed[0]!.start), '2026-03-29 10:30');
  const horizon = generateSlots(base({ from: '2026-03-29', to: '2026-04-30', now, rules: { ...rules, horizonDays: 2 } }));
  assert.equal(local(horizon.at(-1)!.start).slice(0, 10), '2026-03-31');
});

test('several officials at one time add up to one bookable time', () => {
  const hours = [...everyDay('ana', 8 * 60, 9 * 60), ...everyDay('bor', 8 * 60, 9 * 60)];
  const times = bookableTimes(generateSlots(base({ hours })));
  assert.equal(times.length, 2);
  assert.equal(times[0]!.free, 2);
});

test('property: slots never overlap for one official, stay inside the window, and count seats right', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('Europe/Ljubljana', 'Europe/Prague'),
      fc.constantFrom('2026-03-27', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26', '2027-03-28'),
      fc.integer({ min: 10, max: 90 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 6 * 60, max: 10 * 60 }),
      fc.integer({ min: 60, max: 9 * 60 }),
      fc.array(fc.record({ offset: fc.integer({ min: 0, max: 12 * 60 }), length: fc.integer({ min: 5, max: 120 }), seats: fc.integer({ min: 1, max: 4 }) }), { maxLength: 6 }),
      (timeZone, day, slotMinutes, bufferMinutes, capacity, start, length, busySpec) => {
        const dayStart = zonedInstant(day, 0, timeZone)!;
        const busy = busySpec.map((b) => ({
          officialId: 'ana',
          start: new Date(dayStart.getTime() + b.offset * 60_000),
          end: new Date(dayStart.getTime() + (b.offset + b.length) * 60_000),
          seats: b.seats,
        }));
        const input = base({ from: day, to: day, timeZone, hours: everyDay('ana', start, start + length), busy, rules: { ...rules, slotMinutes, bufferMinutes, capacity } });
        const slots = generateSlots(input);
        for (const [i, s] of slots.entries()) {
          const startLocal = localParts(s.start, timeZone);
          if (startLocal.date !== day || startLocal.minutes < start) return false;
          if (s.end.getTime() - s.start.getTime() !== slotMinutes * 60_000) return false;
          const next = slots[i + 1];
          if (next && next.start < s.end) return false;
          const taken = busy.filter((b) => b.start < s.end && s.start < b.end).reduce((n, b) => n + b.seats, 0);
          if (s.free !== capacity - taken || s.free <= 0) return false;
        }
        return true;
      },
    ),
  );
});

test('reminders: due from start − m until the start, never for a booking made later than that', () => {
  const start = new Date('2026-11-25T09:00:00Z');
  const longAgo = new Date('2026-11-20T09:00:00Z');
  const at = (iso: string) => new Date(iso);
  assert.deepEqual(dueReminders(start, longAgo, [1440, 60], at('2026-11-24T08:59:00Z')), []);
  assert.deepEqual(dueReminders(start, longAgo, [1440, 60], at('2026-11-24T09:00:00Z')), [1440]);
  assert.deepEqual(dueReminders(start, longAgo, [1440, 60], at('2026-11-25T08:30:00Z')), [1440, 60]);
  assert.deepEqual(dueReminders(start, longAgo, [1440, 60], at('2026-11-25T09:00:00Z')), []);
  // Booked two hours ahead: only the one-hour reminder.
  assert.deepEqual(dueReminders(start, at('2026-11-25T07:00:00Z'), [1440, 60], at('2026-11-25T08:10:00Z')), [60]);
});

test('day hours parse as staff type them and round-trip', () => {
  assert.deepEqual(parseDayHours(''), []);
  assert.deepEqual(parseDayHours('8:00-12:00, 13.00–17:00'), [{ start: 480, end: 720 }, { start: 780, end: 1020 }]);
  for (const bad of ['8-12', '12:00-08:00', '08:00-12:00, 11:00-13:00', '25:00-26:00', '08:00-12:60', 'morning']) assert.equal(parseDayHours(bad), null, bad);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 23 * 60 }), { minLength: 0, maxLength: 6 }), (points) => {
      const sorted = [...new Set(points)].sort((a, b) => a - b);
      const ranges = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: sorted[i]!, end: sorted[i + 1]! });
      return JSON.stringify(parseDayHours(formatDayHours(ranges))) === JSON.stringify(ranges);
    }),
  );
});

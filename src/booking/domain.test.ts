import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  appointmentActions,
  bookableTimes,
  dueReminders,
  generateSlots,
  maskEmail,
  NO_SHOW_GRACE_MINUTES,
  unavailableReason,
  type AppointmentFacts,
  type BookingRules,
  type MeetingRecord,
  type SlotInput,
  type WeeklyHours,
} from './domain.ts';
import { publicHolidays } from './holidays.ts';
import { localParts, zonedInstant } from '../lib/zoned-time.ts';

const everyDay = (officialId: string, start: number, end: number): WeeklyHours[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ officialId, weekday, start, end }));
const rules: BookingRules = {
  slotMinutes: 30,
  bufferMinutes: 0,
  capacity: 1,
  minNoticeMinutes: 0,
  horizonDays: 400,
};
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
  assert.deepEqual(
    slots.map((s) => local(s.start)),
    ['2026-03-29 01:00', '2026-03-29 03:00', '2026-03-29 03:30'],
  );
});

test('back-to-back bookings [a,b) and [b,c) are both possible', () => {
  const first = generateSlots(base({}))[0]!;
  const slots = generateSlots(
    base({ busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 1 }] }),
  );
  assert.equal(slots.length, 7);
  assert.equal(slots[0]!.start.getTime(), first.end.getTime());
});

test('buffers separate appointments', () => {
  const slots = generateSlots(base({ rules: { ...rules, slotMinutes: 45, bufferMinutes: 15 } }));
  assert.deepEqual(
    slots.map((s) => local(s.start).slice(11)),
    ['08:00', '09:00', '10:00', '11:00'],
  );
});

test('group appointments count seats; a full slot disappears', () => {
  const r = { ...rules, capacity: 3 };
  const first = generateSlots(base({ rules: r }))[0]!;
  const two = generateSlots(
    base({ rules: r, busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 2 }] }),
  );
  assert.equal(two[0]!.free, 1);
  const three = generateSlots(
    base({ rules: r, busy: [{ officialId: 'ana', start: first.start, end: first.end, seats: 3 }] }),
  );
  assert.notEqual(three[0]!.start.getTime(), first.start.getTime());
});

test('holidays, closures, absences, minimum notice and the horizon remove slots', () => {
  const easterMonday = '2026-04-06';
  const closedDays = new Set(publicHolidays('SI', 2026));
  assert.equal(generateSlots(base({ from: easterMonday, to: easterMonday, closedDays })).length, 0);
  const absent = generateSlots(
    base({
      absences: [
        {
          officialId: 'ana',
          start: zonedInstant('2026-03-29', 9 * 60, 'Europe/Ljubljana')!,
          end: zonedInstant('2026-03-29', 10 * 60, 'Europe/Ljubljana')!,
        },
      ],
    }),
  );
  assert.equal(absent.length, 6);
  const now = zonedInstant('2026-03-29', 9 * 60 + 10, 'Europe/Ljubljana')!;
  const noticed = generateSlots(base({ now, rules: { ...rules, minNoticeMinutes: 60 } }));
  assert.equal(local(noticed[0]!.start), '2026-03-29 10:30');
  const horizon = generateSlots(
    base({ from: '2026-03-29', to: '2026-04-30', now, rules: { ...rules, horizonDays: 2 } }),
  );
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
      fc.constantFrom(
        '2026-03-27',
        '2026-03-29',
        '2026-03-30',
        '2026-10-24',
        '2026-10-25',
        '2026-10-26',
        '2027-03-28',
      ),
      fc.integer({ min: 10, max: 90 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 6 * 60, max: 10 * 60 }),
      fc.integer({ min: 60, max: 9 * 60 }),
      fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: 12 * 60 }),
          length: fc.integer({ min: 5, max: 120 }),
          seats: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 6 },
      ),
      (timeZone, day, slotMinutes, bufferMinutes, capacity, start, length, busySpec) => {
        const dayStart = zonedInstant(day, 0, timeZone)!;
        const busy = busySpec.map((b) => ({
          officialId: 'ana',
          start: new Date(dayStart.getTime() + b.offset * 60_000),
          end: new Date(dayStart.getTime() + (b.offset + b.length) * 60_000),
          seats: b.seats,
        }));
        const input = base({
          from: day,
          to: day,
          timeZone,
          hours: everyDay('ana', start, start + length),
          busy,
          rules: { ...rules, slotMinutes, bufferMinutes, capacity },
        });
        const slots = generateSlots(input);
        for (const [i, s] of slots.entries()) {
          const startLocal = localParts(s.start, timeZone);
          if (startLocal.date !== day || startLocal.minutes < start) return false;
          if (s.end.getTime() - s.start.getTime() !== slotMinutes * 60_000) return false;
          const next = slots[i + 1];
          if (next && next.start < s.end) return false;
          const taken = busy
            .filter((b) => b.start < s.end && s.start < b.end)
            .reduce((n, b) => n + b.seats, 0);
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
  assert.deepEqual(
    dueReminders(start, longAgo, [1440, 60], at('2026-11-25T08:30:00Z')),
    [1440, 60],
  );
  assert.deepEqual(dueReminders(start, longAgo, [1440, 60], at('2026-11-25T09:00:00Z')), []);
  // Booked two hours ahead: only the one-hour reminder.
  assert.deepEqual(
    dueReminders(start, at('2026-11-25T07:00:00Z'), [1440, 60], at('2026-11-25T08:10:00Z')),
    [60],
  );
});

const at = (s: string) => new Date(s);
const appointment = (meeting: MeetingRecord = null, state = 'confirmed'): AppointmentFacts => ({
  state,
  start: at('2026-12-02T09:00:00Z'),
  end: at('2026-12-02T09:30:00Z'),
  meeting,
});
const minute = 60_000;
// Instants from a day before to a day after a 09:00–09:30 appointment, to the millisecond.
const anyTime = fc
  .integer({ min: -86_400_000, max: 86_400_000 })
  .map((ms) => new Date(at('2026-12-02T09:00:00Z').getTime() + ms));
const anyMeeting: fc.Arbitrary<MeetingRecord> = fc.option(
  fc.record({ startedAt: fc.option(anyTime), endedAt: fc.option(anyTime), noShow: fc.boolean() }),
);

test('a citizen may cancel or move only a confirmed appointment before its start that the meeting has not touched', () => {
  fc.assert(
    fc.property(
      anyMeeting,
      anyTime,
      fc.constantFrom('confirmed', 'cancelled', 'held'),
      (meeting, now, state) => {
        const f = appointment(meeting, state);
        const a = appointmentActions(f, now);
        const untouched = state === 'confirmed' && !meeting?.startedAt && !meeting?.endedAt;
        assert.equal(a.citizenCancel, untouched && now < f.start);
        assert.equal(a.citizenMove, a.citizenCancel);
        // Whatever staff may do to a booking, the citizen may do no more.
        if (a.citizenCancel) assert.ok(a.staffCancel);
      },
    ),
  );
});

test('history stays history: once a meeting started or ended, nobody may cancel it, and a no-show is never possible', () => {
  fc.assert(
    fc.property(anyTime, anyTime, fc.boolean(), anyTime, (startedAt, endedAt, noShow, now) => {
      for (const meeting of [
        { startedAt, endedAt: null, noShow: false },
        { startedAt: null, endedAt, noShow },
        { startedAt, endedAt, noShow },
      ]) {
        const a = appointmentActions(appointment(meeting), now);
        assert.equal(
          a.citizenCancel || a.citizenMove || a.staffCancel || a.noShow,
          false,
          JSON.stringify({ meeting, now }),
        );
      }
    }),
  );
});

test('a no-show can be recorded only from the start plus the grace period, and undone while it is the record', () => {
  const f = appointment();
  const grace = f.start.getTime() + NO_SHOW_GRACE_MINUTES * minute;
  assert.equal(
    appointmentActions(f, new Date(f.start.getTime() - 3 * 3600_000)).noShow,
    false,
    'hours before',
  );
  assert.equal(appointmentActions(f, f.start).noShow, false, 'at the start');
  assert.equal(
    appointmentActions(f, new Date(grace - 1)).noShow,
    false,
    'a millisecond before the grace ends',
  );
  assert.equal(appointmentActions(f, new Date(grace)).noShow, true);
  assert.equal(
    appointmentActions(f, new Date(grace + 86_400_000)).noShow,
    true,
    'recorded the next day',
  );
  fc.assert(
    fc.property(anyMeeting, anyTime, (meeting, now) => {
      const a = appointmentActions(appointment(meeting), now);
      if (a.noShow) assert.ok(now.getTime() >= grace);
      assert.equal(a.undoNoShow, Boolean(meeting?.endedAt && meeting.noShow));
      assert.equal(a.undoNoShow && a.noShow, false);
    }),
  );
  assert.equal(
    appointmentActions(
      appointment({ startedAt: null, endedAt: new Date(grace), noShow: true }, 'cancelled'),
      new Date(grace),
    ).undoNoShow,
    false,
  );
});

test('staff may call off a time nobody was served in until its end, never after', () => {
  const f = appointment();
  assert.equal(appointmentActions(f, new Date(f.end.getTime() - 1)).staffCancel, true);
  assert.equal(appointmentActions(f, f.end).staffCancel, false);
  assert.equal(
    appointmentActions(f, new Date(f.start.getTime() + minute)).citizenCancel,
    false,
    'a page rendered before the start and sent after it',
  );
});

test('the identity check and the end belong to a meeting that took place', () => {
  fc.assert(
    fc.property(anyMeeting, anyTime, (meeting, now) => {
      const a = appointmentActions(appointment(meeting), now);
      assert.equal(
        a.checkIdentity,
        Boolean(meeting?.startedAt) && !(meeting?.endedAt && meeting.noShow),
      );
      assert.equal(a.end, Boolean(meeting?.startedAt) && !meeting?.endedAt);
    }),
  );
});

test('a masked address keeps the first character and the domain', () => {
  assert.equal(maskEmail('jana.novak@example.org'), 'j***@example.org');
  assert.equal(maskEmail('j@example.org'), 'j***@example.org');
  assert.equal(maskEmail('"a@b"@example.org'), '"***@example.org');
  assert.equal(maskEmail('nonsense'), '***');
});

test('a start the rules never offer is not bookable; an offered one with no seat left is taken', () => {
  const input = base({
    from: '2026-05-04',
    to: '2026-05-04',
    now: new Date('2026-05-04T06:00:00Z'),
    rules: { ...rules, minNoticeMinutes: 60, horizonDays: 10 },
  });
  const at = (day: string, hhmm: number) => zonedInstant(day, hhmm, 'Europe/Ljubljana')!;
  const offered = (day: string) => generateSlots({ ...input, from: day, to: day, busy: [] });
  // 09:00 is on the grid and free of rules; a booking on it makes it taken, not unbookable.
  assert.equal(unavailableReason(at('2026-05-04', 9 * 60), offered('2026-05-04')), 'taken');
  assert.equal(
    unavailableReason(at('2026-05-04', 9 * 60 + 10), offered('2026-05-04')),
    'not_bookable',
    'off the grid',
  );
  assert.equal(
    unavailableReason(at('2026-05-04', 13 * 60), offered('2026-05-04')),
    'not_bookable',
    'outside hours',
  );
  assert.equal(
    unavailableReason(at('2026-05-04', 8 * 60), offered('2026-05-04')),
    'not_bookable',
    'inside the notice period',
  );
  assert.equal(
    unavailableReason(at('2026-05-20', 9 * 60), offered('2026-05-20')),
    'not_bookable',
    'past the horizon',
  );
});

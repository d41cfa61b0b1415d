import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendarMonth, nearestTimes, nearestWindow } from './calendar.ts';

test('the nearest times to a start: the closest few either side, in time order', () => {
  const t = (iso: string) => ({
    start: new Date(iso),
    end: new Date(new Date(iso).getTime() + 1_800_000),
  });
  const times = [
    '2026-05-04T07:00:00Z',
    '2026-05-04T08:00:00Z',
    '2026-05-04T10:00:00Z',
    '2026-05-05T07:00:00Z',
    '2026-05-06T07:00:00Z',
  ].map(t);
  const near = nearestTimes(times, new Date('2026-05-04T08:40:00Z'), 3);
  assert.deepEqual(
    near.map((x) => x.start.toISOString()),
    ['2026-05-04T07:00:00.000Z', '2026-05-04T08:00:00.000Z', '2026-05-04T10:00:00.000Z'],
  );
  assert.deepEqual(
    nearestTimes(times, new Date('2026-06-01T00:00:00Z'), 2).map((x) => x.start.toISOString()),
    ['2026-05-05T07:00:00.000Z', '2026-05-06T07:00:00.000Z'],
  );
  assert.deepEqual(nearestTimes([], new Date(), 3), []);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 30 }),
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 8 }),
      (mins, at, n) => {
        const all = [...new Set(mins)]
          .sort((a, b) => a - b)
          .map((m) => ({ start: new Date(m * 60_000), end: new Date(m * 60_000 + 1) }));
        const near = nearestTimes(all, new Date(at * 60_000), n);
        assert.equal(near.length, Math.min(n, all.length));
        const worstKept = Math.max(
          0,
          ...near.map((x) => Math.abs(x.start.getTime() - at * 60_000)),
        );
        const left = all.filter((x) => !near.includes(x));
        assert.ok(left.every((x) => Math.abs(x.start.getTime() - at * 60_000) >= worstKept));
        assert.deepEqual(
          near,
          [...near].sort((a, b) => a.start.getTime() - b.start.getTime()),
        );
      },
    ),
  );
});

test("the calendar month: the asked one within today..the horizon, else today's; links inside that span", () => {
  // A service bookable 60 days ahead from 20 December: December, January and February.
  assert.deepEqual(calendarMonth('2026-12-20', 60, {}), {
    month: '2026-12',
    first: '2026-12-01',
    last: '2026-12-31',
    prevMonth: null,
    nextMonth: '2027-01',
    day: undefined,
  });
  assert.deepEqual(calendarMonth('2026-12-20', 60, { month: '2027-02', day: '2027-02-28' }), {
    month: '2027-02',
    first: '2027-02-01',
    last: '2027-02-28',
    prevMonth: '2027-01',
    nextMonth: null,
    day: '2027-02-28',
  });
  // Past the horizon or before today's month: today's month, not an empty one.
  assert.equal(calendarMonth('2026-12-20', 60, { month: '2027-03' }).month, '2026-12');
  assert.equal(calendarMonth('2026-12-20', 60, { month: '2026-11' }).month, '2026-12');
  // A day of another month than the one shown is not chosen.
  assert.equal(
    calendarMonth('2026-12-20', 60, { month: '2027-01', day: '2026-12-24' }).day,
    undefined,
  );
  // A leap February ends on the 29th.
  assert.equal(calendarMonth('2028-02-01', 10, {}).last, '2028-02-29');
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: -24, max: 24 }),
      (d, horizon, ahead) => {
        const today = d.toISOString().slice(0, 10);
        const askedDate = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + ahead, 1));
        const asked = askedDate.toISOString().slice(0, 7);
        const c = calendarMonth(today, horizon, { month: asked });
        const lastMonth = new Date(d.getTime() + horizon * 86_400_000).toISOString().slice(0, 7);
        assert.ok(c.month >= today.slice(0, 7) && c.month <= lastMonth);
        // The month's days run from its 1st to the day before the next month's 1st.
        const next = new Date(Date.UTC(Number(c.month.slice(0, 4)), Number(c.month.slice(5)), 1));
        assert.equal(c.last, new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10));
        // Navigation moves by exactly one month, and never out of the bookable span.
        if (c.nextMonth) {
          assert.equal(c.nextMonth, next.toISOString().slice(0, 7));
          assert.ok(c.nextMonth <= lastMonth);
        } else assert.equal(c.month, lastMonth);
        if (c.prevMonth) assert.ok(c.prevMonth >= today.slice(0, 7) && c.prevMonth < c.month);
        else assert.equal(c.month, today.slice(0, 7));
      },
    ),
  );
});

test('the nearest free times are looked for a week either side, inside today..the horizon', () => {
  assert.deepEqual(nearestWindow('2026-12-01', 60, '2026-12-20'), {
    from: '2026-12-13',
    to: '2026-12-27',
  });
  // Near today: not before it.
  assert.deepEqual(nearestWindow('2026-12-01', 60, '2026-12-03'), {
    from: '2026-12-01',
    to: '2026-12-10',
  });
  // Asked in the past or past the horizon: the window moves to the nearer end.
  assert.deepEqual(nearestWindow('2026-12-01', 60, '2020-01-01'), {
    from: '2026-12-01',
    to: '2026-12-08',
  });
  assert.deepEqual(nearestWindow('2026-12-01', 60, '2027-06-01'), {
    from: '2027-01-23',
    to: '2027-01-30',
  });
  assert.deepEqual(nearestWindow('2026-12-01', 0, '2026-12-05'), {
    from: '2026-12-01',
    to: '2026-12-01',
  });
});

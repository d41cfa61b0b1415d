import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../lib/calendar.ts';
import { localParts, zonedInstant } from '../lib/zoned-time.ts';
import {
  capacity,
  citizenSignIns,
  daysOf,
  durationStats,
  nearestRank,
  noShowRate,
  perCategory,
  perDay,
  periodBounds,
  satisfaction,
  type AppointmentState,
} from './figures.ts';

const states = (...s: AppointmentState[]) => s.map((state) => ({ state }));

test('no-show rate: no-shows over appointments that were due, cancelled and scheduled left out', () => {
  assert.deepEqual(
    noShowRate(states('done', 'done', 'no_show', 'cancelled', 'cancelled', 'scheduled')),
    { due: 3, noShows: 1, rate: 1 / 3 },
  );
  assert.deepEqual(noShowRate(states('no_show')), { due: 1, noShows: 1, rate: 1 });
  assert.deepEqual(noShowRate(states('done', 'done')), { due: 2, noShows: 0, rate: 0 });
});

test('no-show rate is null, not 0 %, when nothing was due', () => {
  assert.deepEqual(noShowRate([]), { due: 0, noShows: 0, rate: null });
  assert.deepEqual(noShowRate(states('cancelled', 'scheduled')), {
    due: 0,
    noShows: 0,
    rate: null,
  });
});

test('durations: median, nearest-rank 90th percentile and mean', () => {
  assert.deepEqual(durationStats([]), { count: 0, median: null, p90: null, mean: null });
  assert.deepEqual(durationStats([7]), { count: 1, median: 7, p90: 7, mean: 7 });
  assert.deepEqual(durationStats([4, 1, 3, 2]), { count: 4, median: 2.5, p90: 4, mean: 2.5 });
  // Ten values: rank ⌈0.9 × 10⌉ = 9, the ninth smallest.
  assert.deepEqual(durationStats([10, 1, 2, 3, 4, 5, 6, 7, 8, 100]), {
    count: 10,
    median: 5.5,
    p90: 10,
    mean: 14.6,
  });
  // Eleven values: rank ⌈9.9⌉ = 10.
  assert.equal(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90, 10);
  assert.equal(durationStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).median, 6);
  assert.throws(() => durationStats([1, -2]), RangeError);
  assert.throws(() => durationStats([Number.NaN]), RangeError);
});

test('the 90th percentile is a real duration that at least 90 % do not exceed, and no smaller one is (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 200 }),
      (xs) => {
        const { p90, median, mean } = durationStats(xs);
        assert.ok(p90 !== null && median !== null && mean !== null);
        assert.ok(xs.includes(p90));
        assert.ok(xs.filter((x) => x <= p90).length >= 0.9 * xs.length);
        assert.ok(xs.filter((x) => x < p90).length < 0.9 * xs.length);
        assert.ok(
          xs.filter((x) => x < median).length <= xs.length / 2 &&
            xs.filter((x) => x > median).length <= xs.length / 2,
        );
        assert.ok(mean >= Math.min(...xs) && mean <= Math.max(...xs));
      },
    ),
  );
  assert.equal(nearestRank([1, 2, 3], 0), 1);
  assert.equal(nearestRank([1, 2, 3], 1), 3);
});

test('satisfaction: count, average to one decimal (half up), distribution of 1–5', () => {
  assert.deepEqual(satisfaction([]), { count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  assert.deepEqual(satisfaction([5, 4, 4, 4]), {
    count: 4,
    average: 4.3,
    distribution: [0, 0, 0, 3, 1],
  });
  assert.deepEqual(satisfaction([1, 2, 2]), {
    count: 3,
    average: 1.7,
    distribution: [1, 2, 0, 0, 0],
  });
  assert.deepEqual(satisfaction([5, 5, 1]), {
    count: 3,
    average: 3.7,
    distribution: [1, 0, 0, 0, 2],
  });
  for (const bad of [0, 6, 4.5, Number.NaN]) assert.throws(() => satisfaction([bad]), RangeError);
});

test('per day: one entry per local day, zeros filled, instants outside the period ignored', () => {
  const at = (iso: string) => new Date(iso);
  assert.deepEqual(
    perDay(
      [
        at('2026-05-04T08:00:00Z'),
        at('2026-05-04T21:59:59Z'),
        at('2026-05-04T22:00:00Z'),
        at('2026-05-02T12:00:00Z'),
        at('2026-05-07T12:00:00Z'),
      ],
      '2026-05-03',
      '2026-05-06',
      'Europe/Ljubljana',
    ),
    [
      { date: '2026-05-03', count: 0 },
      { date: '2026-05-04', count: 2 },
      // 22:00 UTC is midnight in Ljubljana's summer time: the next local day.
      { date: '2026-05-05', count: 1 },
      { date: '2026-05-06', count: 0 },
    ],
  );
});

test('per day across the 2026 DST changes in Ljubljana and Prague: 23- and 25-hour days', () => {
  for (const tz of ['Europe/Ljubljana', 'Europe/Prague']) {
    // Spring forward 2026-03-29 02:00 → 03:00: that day runs from 23:00Z (28th) to 22:00Z (29th).
    const spring = perDay(
      [
        new Date('2026-03-28T22:59:59Z'),
        new Date('2026-03-28T23:00:00Z'),
        new Date('2026-03-29T21:59:59Z'),
        new Date('2026-03-29T22:00:00Z'),
      ],
      '2026-03-28',
      '2026-03-30',
      tz,
    );
    assert.deepEqual(
      spring.map((d) => d.count),
      [1, 2, 1],
      tz,
    );
    // Fall back 2026-10-25 03:00 → 02:00: that day runs from 22:00Z (24th) to 23:00Z (25th).
    const autumn = perDay(
      [
        new Date('2026-10-24T21:59:59Z'),
        new Date('2026-10-24T22:00:00Z'),
        new Date('2026-10-25T00:30:00Z'),
        new Date('2026-10-25T01:30:00Z'),
        new Date('2026-10-25T22:59:59Z'),
        new Date('2026-10-25T23:00:00Z'),
      ],
      '2026-10-24',
      '2026-10-26',
      tz,
    );
    // 00:30Z and 01:30Z are both 02:30 local, the hour that happens twice.
    assert.deepEqual(
      autumn.map((d) => d.count),
      [1, 4, 1],
      tz,
    );
    assert.deepEqual(periodBounds('2026-03-29', '2026-03-29', tz), {
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    assert.deepEqual(periodBounds('2026-10-25', '2026-10-25', tz), {
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
    });
  }
});

test('per day agrees with the local date of each instant, in zones that skip midnight too (property)', () => {
  const zones = ['Europe/Ljubljana', 'Europe/Prague', 'America/Santiago', 'UTC', 'Pacific/Chatham'];
  fc.assert(
    fc.property(
      fc.constantFrom(...zones),
      fc.array(
        fc.date({
          min: new Date('2026-03-20T00:00:00Z'),
          max: new Date('2026-11-05T00:00:00Z'),
          noInvalidDate: true,
        }),
        { maxLength: 60 },
      ),
      fc.constantFrom(
        ['2026-03-25', '2026-04-02'],
        ['2026-09-03', '2026-09-08'],
        ['2026-10-22', '2026-10-28'],
        ['2026-03-20', '2026-11-04'],
      ),
      (tz, instants, [from, to]) => {
        const expected = new Map<string, number>();
        for (const i of instants) {
          const d = localParts(i, tz).date;
          if (d >= from && d <= to) expected.set(d, (expected.get(d) ?? 0) + 1);
        }
        const got = perDay(instants, from, to, tz);
        assert.equal(got.length, daysOf(from, to).length);
        for (const { date, count } of got)
          assert.equal(count, expected.get(date) ?? 0, `${tz} ${date}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('a period starts at the first instant of its first local day, even where midnight is skipped (property)', () => {
  // Santiago springs forward at 00:00 on 2026-09-06: that day has no midnight.
  assert.equal(zonedInstant('2026-09-06', 0, 'America/Santiago'), null);
  assert.deepEqual(periodBounds('2026-09-06', '2026-09-06', 'America/Santiago'), {
    start: new Date('2026-09-06T04:00:00Z'),
    end: new Date('2026-09-07T03:00:00Z'),
  });
  fc.assert(
    fc.property(
      fc.constantFrom('Europe/Ljubljana', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kolkata'),
      fc.integer({ min: 0, max: 730 }),
      (tz, offset) => {
        const day = addDays('2026-01-01', offset);
        const { start, end } = periodBounds(day, day, tz);
        assert.equal(localParts(start, tz).date, day);
        assert.equal(localParts(new Date(start.getTime() - 1), tz).date, addDays(day, -1));
        assert.equal(localParts(end, tz).date, addDays(day, 1));
        assert.equal(localParts(new Date(end.getTime() - 1), tz).date, day);
      },
    ),
    { numRuns: 300 },
  );
});

test('a period is a pair of real dates in order', () => {
  assert.deepEqual(daysOf('2028-02-28', '2028-03-01'), ['2028-02-28', '2028-02-29', '2028-03-01']);
  assert.throws(() => daysOf('2026-02-30', '2026-03-01'), RangeError);
  assert.throws(() => daysOf('2026-3-1', '2026-03-02'), RangeError);
  assert.throws(() => daysOf('2026-03-02', '2026-03-01'), RangeError);
});

test('per category keeps the given order, fills zeros and keeps unknown values', () => {
  assert.deepEqual(perCategory(['b', 'x', 'b', 'a'], ['a', 'b', 'c']), [
    { key: 'a', count: 1 },
    { key: 'b', count: 2 },
    { key: 'c', count: 0 },
    { key: 'x', count: 1 },
  ]);
});

test('capacity: utilisation per day and overall, weighted by capacity; closed days are null', () => {
  const { days, total } = capacity(
    [
      { date: '2026-05-05', count: 6 },
      { date: '2026-05-04', count: 2 },
      { date: '2026-05-06', count: 0 },
    ],
    [
      { date: '2026-05-04', count: 8 },
      { date: '2026-05-07', count: 1 },
    ],
  );
  assert.deepEqual(days, [
    { date: '2026-05-04', free: 2, booked: 8, utilisation: 0.8 },
    { date: '2026-05-05', free: 6, booked: 0, utilisation: 0 },
    { date: '2026-05-06', free: 0, booked: 0, utilisation: null },
    { date: '2026-05-07', free: 0, booked: 1, utilisation: 1 },
  ]);
  assert.deepEqual(total, { free: 8, booked: 9, utilisation: 9 / 17 });
  assert.deepEqual(capacity([], []), {
    days: [],
    total: { free: 0, booked: 0, utilisation: null },
  });
});

test('citizen sign-ins: per day with zeros, per provider and level in the configuration order, every row by day', () => {
  const row = (
    day: string,
    providerId: string,
    loa: 'low' | 'substantial' | 'high',
    signIns: number,
    newAccounts = 0,
  ) => ({
    day,
    providerId,
    loa,
    signIns,
    newAccounts,
  });
  const f = citizenSignIns(
    [
      row('2026-03-02', 'email', 'low', 2, 1),
      row('2026-03-01', 'sipass', 'substantial', 3, 2),
      row('2026-03-01', 'nia', 'high', 1),
      row('2026-03-02', 'nia', 'substantial', 4, 1),
      row('2026-03-01', 'gone', 'low', 5),
      row('2026-02-28', 'nia', 'substantial', 9, 9), // outside the period
    ],
    ['2026-03-01', '2026-03-02', '2026-03-03'],
    ['nia', 'sipass', 'email'],
  );
  assert.deepEqual(f.perDay, [
    { date: '2026-03-01', signIns: 9, newAccounts: 2 },
    { date: '2026-03-02', signIns: 6, newAccounts: 2 },
    { date: '2026-03-03', signIns: 0, newAccounts: 0 },
  ]);
  assert.deepEqual(
    f.perProvider.map((p) => [p.providerId, p.loa, p.signIns, p.newAccounts]),
    [
      ['nia', 'substantial', 4, 1],
      ['nia', 'high', 1, 0],
      ['sipass', 'substantial', 3, 2],
      ['email', 'low', 2, 1],
      ['gone', 'low', 5, 0],
    ],
  );
  assert.deepEqual(
    f.detail.map((d) => [d.date, d.providerId, d.loa]),
    [
      ['2026-03-01', 'nia', 'high'],
      ['2026-03-01', 'sipass', 'substantial'],
      ['2026-03-01', 'gone', 'low'],
      ['2026-03-02', 'nia', 'substantial'],
      ['2026-03-02', 'email', 'low'],
    ],
  );
});

test('citizen sign-ins: the totals per day and per provider agree with the rows (property)', () => {
  const days = ['2026-03-01', '2026-03-02'];
  const rowArb = fc.record({
    day: fc.constantFrom(...days, '2026-04-01'),
    providerId: fc.constantFrom('nia', 'email', 'other'),
    loa: fc.constantFrom('low' as const, 'substantial' as const, 'high' as const),
    signIns: fc.nat(50),
    newAccounts: fc.nat(50),
  });
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
      const f = citizenSignIns(rows, days, ['nia', 'email']);
      const inPeriod = rows.filter((r) => days.includes(r.day));
      const sum = (xs: { signIns: number }[]) => xs.reduce((s, x) => s + x.signIns, 0);
      assert.equal(sum(f.perDay), sum(inPeriod));
      assert.equal(sum(f.perProvider), sum(inPeriod));
      assert.equal(f.detail.length, inPeriod.length);
    }),
  );
});

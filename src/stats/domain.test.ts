import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartBuckets, periodLength, periodProblem, presets, tally } from './domain.ts';

test('presets are whole months, the last 30 days and the calendar year, also across a new year', () => {
  const byKey = (today: string) =>
    Object.fromEntries(presets(today).map((p) => [p.key, [p.from, p.to]]));
  assert.deepEqual(byKey('2026-03-15'), {
    this_month: ['2026-03-01', '2026-03-31'],
    last_month: ['2026-02-01', '2026-02-28'],
    last_30_days: ['2026-02-14', '2026-03-15'],
    this_year: ['2026-01-01', '2026-12-31'],
  });
  assert.deepEqual(byKey('2027-01-03').last_month, ['2026-12-01', '2026-12-31']);
  assert.deepEqual(byKey('2026-12-31').this_month, ['2026-12-01', '2026-12-31']);
  assert.equal(periodLength({ from: '2026-02-14', to: '2026-03-15' }), 30);
});

test('a period must end after it starts and last at most 366 days', () => {
  assert.equal(periodProblem({ from: '2026-01-01', to: '2026-12-31' }), null);
  assert.equal(periodProblem({ from: '2028-01-01', to: '2028-12-31' }), null, 'a leap year');
  assert.equal(periodProblem({ from: '2026-01-01', to: '2027-01-02' }), 'too_long');
  assert.equal(periodProblem({ from: '2026-01-02', to: '2026-01-01' }), 'order');
});

test('charts keep days up to a month and group longer periods by month', () => {
  const days = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      n: 1,
    }));
  const sum = (items: readonly { n: number }[]) => [items.reduce((s, d) => s + d.n, 0)];
  assert.equal(chartBuckets(days(31), sum).length, 31);
  const grouped = chartBuckets(days(59), sum);
  assert.deepEqual(grouped, [
    { key: '2026-01', values: [31] },
    { key: '2026-02', values: [28] },
  ]);
});

test('tally sums grouped rows per day (zeros filled in, days outside the period ignored) and per service', () => {
  const rows = [
    { day: '2026-03-27', serviceId: 'a', count: 2 },
    { day: '2026-03-27', serviceId: 'b', count: 1 },
    { day: '2026-03-29', serviceId: 'a', count: 4 },
    { day: '2026-04-01', serviceId: 'b', count: 9 },
  ];
  const { perDay, perKey } = tally(rows, ['2026-03-27', '2026-03-28', '2026-03-29']);
  assert.deepEqual(perDay, [
    { date: '2026-03-27', count: 3 },
    { date: '2026-03-28', count: 0 },
    { date: '2026-03-29', count: 4 },
  ]);
  assert.deepEqual(
    [...perKey],
    [
      ['a', 6],
      ['b', 10],
    ],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartBuckets, periodLength, periodProblem, presets } from './domain.ts';

test('presets are whole months, the last 30 days and the calendar year, also across a new year', () => {
  const byKey = (today: string) => Object.fromEntries(presets(today).map((p) => [p.key, [p.from, p.to]]));
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
  const days = (n: number) => Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), n: 1 }));
  const sum = (items: readonly { n: number }[]) => [items.reduce((s, d) => s + d.n, 0)];
  assert.equal(chartBuckets(days(31), sum).length, 31);
  const grouped = chartBuckets(days(59), sum);
  assert.deepEqual(grouped, [{ key: '2026-01', values: [31] }, { key: '2026-02', values: [28] }]);
});

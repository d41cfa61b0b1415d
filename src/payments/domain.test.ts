import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  dayIn,
  parseAmount,
  parseDay,
  nextSymbol,
  rateOn,
  splitInstalments,
  standingOf,
  symbolRange,
} from './domain.ts';

const day = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

test('rateOn: the latest version on or before the day, none before the first', () => {
  const rates = [
    { effectiveFrom: '2026-01-01', amountMinor: 150_000, ordinance: 'OZV č. 2/2025' },
    { effectiveFrom: '2020-01-01', amountMinor: 100_000, ordinance: 'OZV č. 1/2019' },
  ];
  assert.equal(rateOn(rates, '2019-12-31'), null);
  assert.equal(rateOn(rates, '2020-01-01')?.amountMinor, 100_000);
  assert.equal(rateOn(rates, '2025-12-31')?.amountMinor, 100_000);
  assert.equal(rateOn(rates, '2026-01-01')?.amountMinor, 150_000);
});

test('rateOn: the chosen version is in force and no later one is (property)', () => {
  fc.assert(
    fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 8 }), day, (days, on) => {
      const rates = days.map((d, i) => ({ effectiveFrom: d, amountMinor: i + 1, ordinance: 'x' }));
      const rate = rateOn(rates, on);
      const inForce = days.filter((d) => d <= on);
      if (inForce.length === 0) return rate === null;
      return rate !== null && rate.effectiveFrom === inForce.sort().at(-1);
    }),
  );
});

test('splitInstalments: exact sum, parts within one unit, remainder first (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 24 }),
      fc.integer({ min: 24, max: 9_999_999_999 }),
      (n, total) => {
        const dates = Array.from(
          { length: n },
          (_, i) => `2026-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '28' : '01'}`,
        );
        const parts = splitInstalments(total, dates);
        const amounts = parts.map((p) => p.amountMinor);
        assert.equal(
          amounts.reduce((s, a) => s + a, 0),
          total,
        );
        assert.ok(Math.max(...amounts) - Math.min(...amounts) <= 1);
        assert.deepEqual(
          amounts,
          [...amounts].sort((a, b) => b - a),
        );
        assert.deepEqual(
          parts.map((p) => p.seq),
          dates.map((_, i) => i + 1),
        );
      },
    ),
  );
});

test('splitInstalments: 1 500,01 Kč in two gives the odd haléř to the first', () => {
  assert.deepEqual(
    splitInstalments(150_001, ['2026-03-31', '2026-09-30']).map((p) => p.amountMinor),
    [75_001, 75_000],
  );
  assert.throws(() => splitInstalments(100, ['2026-09-30', '2026-03-31']), RangeError);
  assert.throws(() => splitInstalments(1, ['2026-03-31', '2026-09-30']), RangeError);
  assert.throws(() => splitInstalments(10.5, ['2026-03-31']), RangeError);
});

const two = splitInstalments(150_000, ['2026-03-31', '2026-09-30']);

test('standingOf: due, overdue from the day after the due date, partly paid, paid, overpaid', () => {
  const at = (today: string, paid: number[]) =>
    standingOf({ instalments: two, payments: paid.map((amountMinor) => ({ amountMinor })), today });
  assert.equal(at('2026-03-31', []).standing, 'due');
  const late = at('2026-04-01', []);
  assert.deepEqual([late.standing, late.arrearsMinor, late.dueMinor], ['overdue', 75_000, 150_000]);
  const part = at('2026-04-01', [75_000]);
  assert.deepEqual(
    [part.standing, part.arrearsMinor, part.nextDueDate],
    ['partly_paid', 0, '2026-09-30'],
  );
  const short = at('2026-10-01', [100_000]);
  assert.deepEqual(
    [short.standing, short.arrearsMinor, short.dueMinor],
    ['overdue', 50_000, 50_000],
  );
  const paid = at('2027-01-01', [150_000]);
  assert.deepEqual([paid.standing, paid.dueMinor, paid.nextDueDate], ['paid', 0, null]);
  const over = at('2026-01-01', [100_000, 60_000]);
  assert.deepEqual([over.standing, over.overpaidMinor, over.dueMinor], ['overpaid', 10_000, 0]);
  assert.equal(
    standingOf({ instalments: two, payments: [], today: '2030-01-01', cancelled: true }).standing,
    'cancelled',
  );
});

test('standingOf: sums stay consistent whatever is paid and whenever (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 5 }),
      day,
      (paid, today) => {
        const s = standingOf({
          instalments: two,
          payments: paid.map((amountMinor) => ({ amountMinor })),
          today,
        });
        assert.equal(s.paidMinor - s.overpaidMinor + s.dueMinor, s.amountMinor);
        assert.ok(s.arrearsMinor >= 0 && s.arrearsMinor <= s.dueMinor);
        assert.equal(s.dueMinor === 0, s.standing === 'paid' || s.standing === 'overpaid');
        assert.equal(s.arrearsMinor > 0, s.standing === 'overdue');
      },
    ),
  );
});

test('standingOf agrees with walking the instalments one by one (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 6, max: 500_000 }),
      fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 4 }),
      day,
      (n, total, paid, today) => {
        const dates = Array.from(
          { length: n },
          (_, i) => `2026-${String(2 * i + 1).padStart(2, '0')}-15`,
        );
        const parts = splitInstalments(total, dates);
        const s = standingOf({
          instalments: parts,
          payments: paid.map((amountMinor) => ({ amountMinor })),
          today,
        });
        let left = paid.reduce((a, b) => a + b, 0);
        let arrears = 0;
        let next: string | null = null;
        for (const p of parts) {
          const open = Math.max(0, p.amountMinor - left);
          left = Math.max(0, left - p.amountMinor);
          if (open > 0) next ??= p.dueDate;
          if (open > 0 && p.dueDate < today) arrears += open;
        }
        assert.equal(s.arrearsMinor, arrears);
        assert.equal(s.nextDueDate, next);
      },
    ),
  );
});

test('dayIn: the organisation zone decides which day it is', () => {
  // 23:30 UTC on 31 March is already 1 April in Prague (summer time, +2).
  const instant = new Date('2026-03-31T23:30:00Z');
  assert.equal(dayIn(instant, 'Europe/Prague'), '2026-04-01');
  assert.equal(dayIn(instant, 'UTC'), '2026-03-31');
});

test('variable symbols: ten digits at most, no leading zero, one range per fee and year', () => {
  assert.deepEqual(symbolRange(2026, 1), { low: 2_601_000_001, high: 2_601_999_999 });
  assert.equal(nextSymbol(2026, 1, null), '2601000001');
  assert.equal(nextSymbol(2026, 1, 2_601_000_041), '2601000042');
  assert.equal(nextSymbol(2026, 1, 2_601_999_999), null);
  assert.equal(nextSymbol(2026, 12, 17), '2612000001');
  fc.assert(
    fc.property(
      fc.integer({ min: 2010, max: 2099 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 0, max: 999_998 }),
      (y, f, seq) => {
        const { low } = symbolRange(y, f);
        const vs = nextSymbol(y, f, seq === 0 ? null : low - 1 + seq)!;
        return /^[1-9][0-9]{9}$/.test(vs) && vs.startsWith(String(y % 100));
      },
    ),
  );
});

test('parseAmount: the country notations, in minor units', () => {
  assert.equal(parseAmount('1 234,50'), 123_450);
  assert.equal(parseAmount('1234.50'), 123_450);
  assert.equal(parseAmount('1\u00a0500'), 150_000);
  assert.equal(parseAmount('0,5'), 50);
  for (const bad of ['', '0', '0,00', '-5', '1.234,50', '12,345', 'abc', '1e3'])
    assert.equal(parseAmount(bad), null, bad);
});

test('parseAmount: reads back what it would print (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9_999_999_999 }),
      fc.constantFrom(',', '.'),
      (minor, sep) => {
        const text = `${Math.floor(minor / 100)}${sep}${String(minor % 100).padStart(2, '0')}`;
        return parseAmount(text) === minor;
      },
    ),
  );
});

test('parseDay: d.m.yyyy and yyyy-mm-dd, real days only', () => {
  assert.equal(parseDay('31.3.2026'), '2026-03-31');
  assert.equal(parseDay('1. 4. 2026'), '2026-04-01');
  assert.equal(parseDay('2026-04-01'), '2026-04-01');
  for (const bad of ['30.2.2026', '2026-02-30', '2026/04/01', '4/1/2026', ''])
    assert.equal(parseDay(bad), null, bad);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { standingOf, type Instalment } from './domain.ts';
import { feeMonths, type ObligationFacts } from './fee-stats.ts';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const dog = (paidMinor: number, ...instalments: [string, number][]): ObligationFacts => ({
  feeTypeId: 'dog',
  paidMinor,
  instalments: instalments.map(([dueDate, amountMinor], i) => ({
    seq: i + 1,
    dueDate,
    amountMinor,
  })),
});

test('an unpaid instalment is due until its due date and overdue from the day after', () => {
  const o = [dog(0, ['2026-03-31', 150_000])];
  const onTheDay = feeMonths(o, YEAR, '2026-03-31');
  assert.deepEqual(onTheDay, [
    {
      feeTypeId: 'dog',
      month: '2026-03',
      chargedMinor: 150_000,
      paidMinor: 0,
      dueMinor: 150_000,
      overdueMinor: 0,
    },
  ]);
  assert.equal(feeMonths(o, YEAR, '2026-04-01')[0]!.overdueMinor, 150_000);
});

test('payments cover instalments oldest first; an overpayment stays in the last month', () => {
  const o = [dog(100_000, ['2026-03-31', 75_000], ['2026-09-30', 75_000])];
  const [march, september] = feeMonths(o, YEAR, '2026-10-15');
  assert.deepEqual([march!.paidMinor, march!.overdueMinor], [75_000, 0]);
  assert.deepEqual([september!.paidMinor, september!.overdueMinor], [25_000, 50_000]);
  const over = feeMonths(
    [dog(200_000, ['2026-03-31', 75_000], ['2026-09-30', 75_000])],
    YEAR,
    '2026-10-15',
  );
  assert.deepEqual(
    over.map((r) => r.paidMinor),
    [75_000, 125_000],
  );
});

test('only instalments due in the period count, and fee types stay apart', () => {
  const rows = feeMonths(
    [
      dog(0, ['2025-12-31', 1_000], ['2026-01-31', 2_000]),
      { ...dog(0, ['2026-01-15', 500]), feeTypeId: 'waste' },
    ],
    { from: '2026-01-01', to: '2026-01-31' },
    '2026-01-01',
  );
  assert.deepEqual(
    rows.map((r) => [r.feeTypeId, r.month, r.chargedMinor]),
    [
      ['dog', '2026-01', 2_000],
      ['waste', '2026-01', 500],
    ],
  );
});

const instalments = fc
  .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 })
  .chain((amounts) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: 364 }), {
        minLength: amounts.length,
        maxLength: amounts.length,
      })
      .map((days) =>
        [...days]
          .sort((a, b) => a - b)
          .map((d, i): Instalment => ({
            seq: i + 1,
            dueDate: new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10),
            amountMinor: amounts[i]!,
          })),
      ),
  );

test('over a whole year the sums agree with the register’s standing of each obligation', () => {
  fc.assert(
    fc.property(
      instalments,
      fc.integer({ min: 0, max: 8_000_000 }),
      fc.integer({ min: 0, max: 400 }),
      (list, paidMinor, todayOffset) => {
        const today = new Date(Date.UTC(2026, 0, 1 + todayOffset)).toISOString().slice(0, 10);
        const rows = feeMonths([{ feeTypeId: 'x', instalments: list, paidMinor }], YEAR, today);
        const sum = (k: 'chargedMinor' | 'paidMinor' | 'dueMinor' | 'overdueMinor') =>
          rows.reduce((s, r) => s + r[k], 0);
        const standing = standingOf({
          instalments: list,
          payments: [{ amountMinor: paidMinor }],
          today,
        });
        assert.equal(sum('chargedMinor'), standing.amountMinor);
        assert.equal(sum('paidMinor'), paidMinor);
        assert.equal(sum('dueMinor') + sum('overdueMinor'), standing.dueMinor);
        assert.equal(sum('overdueMinor'), standing.arrearsMinor);
      },
    ),
  );
});

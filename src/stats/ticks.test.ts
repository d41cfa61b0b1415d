import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalsOf, niceTicks } from './ticks.ts';

/** Whether a step is 1, 2 or 5 × 10ⁿ, allowing for the float representation of decimals. */
function isNice(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9);
}

test('familiar scales', () => {
  assert.deepEqual(niceTicks(37, 4), [0, 10, 20, 30, 40]);
  assert.deepEqual(niceTicks(10, 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(101, 4), [0, 50, 100, 150]);
  assert.deepEqual(niceTicks(0.3, 3), [0, 0.1, 0.2, 0.3]);
  assert.deepEqual(niceTicks(1, 4), [0, 0.5, 1], 'a ratio axis');
  assert.deepEqual(niceTicks(0.87, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
});

test('an empty chart still gets an axis, and integer data never gets fractional steps', () => {
  assert.deepEqual(niceTicks(0, 4), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(0, 4, { integer: true }), [0, 1]);
  assert.deepEqual(niceTicks(3, 5, { integer: true }), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(3, 5), [0, 1, 2, 3], 'rough step 0.6 rounds up to 1');
  assert.deepEqual(niceTicks(2, 5), [0, 0.5, 1, 1.5, 2]);
});

test('nonsense in, an error out', () => {
  assert.throws(() => niceTicks(-1, 4), RangeError);
  assert.throws(() => niceTicks(Number.NaN, 4), RangeError);
  assert.throws(() => niceTicks(Number.POSITIVE_INFINITY, 4), RangeError);
  assert.throws(() => niceTicks(10, 0), RangeError);
  assert.throws(() => niceTicks(10, 2.5), RangeError);
});

test('ticks start at 0, ascend by one nice step, cover max, and number at most count + 1 (property)', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 10_000 })),
      fc.integer({ min: 1, max: 12 }),
      fc.boolean(),
      (max, count, integer) => {
        const ticks = niceTicks(max, count, { integer });
        assert.ok(
          ticks.length >= 2 && ticks.length <= count + 1,
          `${ticks.length} ticks for count ${count}`,
        );
        assert.equal(ticks[0], 0);
        assert.ok((ticks.at(-1) ?? 0) >= max, `last tick ${ticks.at(-1)} < max ${max}`);
        const step = ticks[1] ?? 0;
        assert.ok(isNice(step), `step ${step} is not 1/2/5 × 10ⁿ`);
        if (integer)
          assert.ok(
            ticks.every(Number.isInteger),
            `fractional ticks ${ticks.join()} for integer data`,
          );
        for (let i = 1; i < ticks.length; i++) {
          assert.ok(
            Math.abs((ticks[i] ?? 0) - (ticks[i - 1] ?? 0) - step) <= step * 1e-9,
            `uneven ticks ${ticks.join()}`,
          );
        }
      },
    ),
    { numRuns: 2000 },
  );
});

test('tight: one step fewer would not cover max (property)', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
      fc.integer({ min: 1, max: 10 }),
      (max, count) => {
        const ticks = niceTicks(max, count);
        return (ticks.at(-2) ?? 0) < max;
      },
    ),
    { numRuns: 1000 },
  );
});

test('decimalsOf says how many digits a step needs', () => {
  assert.equal(decimalsOf(0.05), 2);
  assert.equal(decimalsOf(0.1), 1);
  assert.equal(decimalsOf(1), 0);
  assert.equal(decimalsOf(500), 0);
});

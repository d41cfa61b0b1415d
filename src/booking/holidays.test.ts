import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { easterSunday, publicHolidays } from './holidays.ts';

test('Easter Sunday matches published dates', () => {
  const known: [number, number, number][] = [
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
    [1943, 4, 25],
  ];
  for (const [year, month, day] of known)
    assert.deepEqual(easterSunday(year), { month, day }, String(year));
});

test('Easter is always a Sunday between 22 March and 25 April', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
      const { month, day } = easterSunday(year);
      const date = new Date(Date.UTC(year, month - 1, day));
      const inRange = (month === 3 && day >= 22) || (month === 4 && day <= 25);
      return date.getUTCDay() === 0 && inRange;
    }),
  );
});

test('Slovenian holidays of 2026 include Easter Monday and Whit Sunday', () => {
  const h = publicHolidays('SI', 2026);
  assert.ok(h.includes('2026-04-05') && h.includes('2026-04-06'), 'Easter Sunday and Monday');
  assert.ok(h.includes('2026-05-24'), 'binkošti');
  assert.ok(h.includes('2026-02-08') && h.includes('2026-06-25') && h.includes('2026-10-31'));
  assert.equal(h.length, 15);
});

test('Czech holidays of 2026 include Good Friday and Easter Monday but not Easter Sunday', () => {
  const h = publicHolidays('CZ', 2026);
  assert.ok(h.includes('2026-04-03') && h.includes('2026-04-06'));
  assert.ok(!h.includes('2026-04-05'));
  assert.ok(h.includes('2026-07-05') && h.includes('2026-11-17') && h.includes('2026-12-24'));
  assert.equal(h.length, 13);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deleteAt, MAX_GRACE_MINUTES, validGraceMinutes } from './retention.ts';

const ended = new Date('2026-11-23T10:00:00Z');

test('files go at the end of the meeting plus the grace period', () => {
  assert.equal(deleteAt(ended, 0).toISOString(), '2026-11-23T10:00:00.000Z');
  assert.equal(deleteAt(ended, 90).toISOString(), '2026-11-23T11:30:00.000Z');
  assert.equal(deleteAt(ended, MAX_GRACE_MINUTES).toISOString(), '2026-11-30T10:00:00.000Z');
});

test('a bad grace period is clamped, never kept past 7 days nor before the end', () => {
  assert.equal(deleteAt(ended, 10_081).toISOString(), '2026-11-30T10:00:00.000Z');
  assert.equal(deleteAt(ended, Infinity).toISOString(), '2026-11-30T10:00:00.000Z');
  assert.equal(deleteAt(ended, -5).toISOString(), ended.toISOString());
  assert.equal(deleteAt(ended, NaN).toISOString(), ended.toISOString());
  assert.equal(deleteAt(ended, 1.9).toISOString(), '2026-11-23T10:01:00.000Z');
  assert.throws(() => deleteAt(new Date('nope'), 0), RangeError);
});

test('valid grace periods are whole minutes from 0 to 7 days', () => {
  for (const n of [0, 1, 60, 10_080]) assert.equal(validGraceMinutes(n), true, String(n));
  for (const n of [-1, 10_081, 1.5, NaN, Infinity])
    assert.equal(validGraceMinutes(n), false, String(n));
});

test('the deletion time always lies within [end, end + 7 days] (property)', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
      fc.double(),
      (end, grace) => {
        const at = deleteAt(end, grace).getTime() - end.getTime();
        return (
          at >= 0 &&
          at <= MAX_GRACE_MINUTES * 60_000 &&
          (!validGraceMinutes(grace) || at === grace * 60_000)
        );
      },
    ),
  );
});

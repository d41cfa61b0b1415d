import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boardDay, boardStatus, boardWindow } from './board-time.ts';

const PRAGUE = 'Europe/Prague';

test('a notice goes up at local midnight of its first day and comes down at the midnight after its last', () => {
  const days = { postOn: '2026-12-03', removeAfter: '2026-12-18' };
  const { from, until } = boardWindow(days, PRAGUE);
  assert.equal(from.toISOString(), '2026-12-02T23:00:00.000Z');
  assert.equal(until?.toISOString(), '2026-12-18T23:00:00.000Z');
  assert.equal(boardStatus(days, null, new Date('2026-12-02T22:59:59.999Z'), PRAGUE), 'scheduled');
  assert.equal(boardStatus(days, null, new Date('2026-12-02T23:00:00.000Z'), PRAGUE), 'on_board');
  assert.equal(boardStatus(days, null, new Date('2026-12-18T22:59:59.999Z'), PRAGUE), 'on_board');
  assert.equal(boardStatus(days, null, new Date('2026-12-18T23:00:00.000Z'), PRAGUE), 'taken_down');
});

test('the days across a change of clocks are 23 and 25 hours long, not 24', () => {
  // Europe/Ljubljana springs forward on 2027-03-28 and falls back on 2027-10-31.
  const spring = boardWindow(
    { postOn: '2027-03-28', removeAfter: '2027-03-28' },
    'Europe/Ljubljana',
  );
  assert.equal((spring.until!.getTime() - spring.from.getTime()) / 3_600_000, 23);
  const autumn = boardWindow(
    { postOn: '2027-10-31', removeAfter: '2027-10-31' },
    'Europe/Ljubljana',
  );
  assert.equal((autumn.until!.getTime() - autumn.from.getTime()) / 3_600_000, 25);
});

test('until further notice never comes down by itself; a withdrawal takes it down from its instant', () => {
  const days = { postOn: '2026-01-01', removeAfter: null };
  assert.equal(boardWindow(days, PRAGUE).until, null);
  assert.equal(boardStatus(days, null, new Date('2099-01-01T00:00:00Z'), PRAGUE), 'on_board');
  const withdrawn = new Date('2026-06-01T10:00:00Z');
  assert.equal(boardStatus(days, withdrawn, new Date('2026-06-01T09:59:59Z'), PRAGUE), 'on_board');
  assert.equal(boardStatus(days, withdrawn, new Date('2026-06-01T10:00:00Z'), PRAGUE), 'withdrawn');
});

test('boardDay is the local date, which differs from the UTC date around midnight', () => {
  assert.equal(boardDay(new Date('2026-12-02T23:30:00Z'), PRAGUE), '2026-12-03');
  assert.equal(boardDay(new Date('2026-07-01T21:59:00Z'), 'Europe/Ljubljana'), '2026-07-01');
  assert.equal(boardDay(new Date('2026-07-01T22:00:00Z'), 'Europe/Ljubljana'), '2026-07-02');
});

test('property: on the board exactly when the local day lies within post_on..remove_after', () => {
  const day = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  fc.assert(
    fc.property(
      day,
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: -5 * 86_400_000, max: 50 * 86_400_000 }),
      fc.constantFrom('Europe/Prague', 'Europe/Ljubljana', 'America/Santiago', 'UTC'),
      (postOn, length, offsetMs, zone) => {
        const removeAfter = new Date(Date.parse(postOn) + length * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const now = new Date(Date.parse(postOn) + offsetMs);
        const today = boardDay(now, zone);
        const expected =
          today < postOn ? 'scheduled' : today > removeAfter ? 'taken_down' : 'on_board';
        assert.equal(boardStatus({ postOn, removeAfter }, null, now, zone), expected);
      },
    ),
    { numRuns: 2000 },
  );
});

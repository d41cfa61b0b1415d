import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../../lib/calendar.ts';
import { currentNews, newsDay, shownOn } from './domain.ts';

const item = (publishedOn: string, shownUntil: string | null, created = 0) => ({
  publishedOn,
  shownUntil,
  createdAt: new Date(created),
});

test('a news item is shown from its first day through its last, both included', () => {
  const n = item('2026-12-03', '2026-12-05');
  assert.equal(shownOn(n, '2026-12-02'), false);
  assert.equal(shownOn(n, '2026-12-03'), true);
  assert.equal(shownOn(n, '2026-12-05'), true);
  assert.equal(shownOn(n, '2026-12-06'), false);
  assert.equal(shownOn(item('2026-12-03', null), '2099-01-01'), true, 'open-ended');
});

test('the day is the organisation’s: 23:30 UTC is already tomorrow in Ljubljana and Prague', () => {
  const late = new Date('2026-12-03T23:30:00Z');
  assert.equal(newsDay(late, 'Europe/Ljubljana'), '2026-12-04');
  assert.equal(newsDay(late, 'Europe/Prague'), '2026-12-04');
  assert.equal(newsDay(new Date('2026-12-03T22:59:59Z'), 'Europe/Prague'), '2026-12-03');
  // Across the change to summer time the day still turns at local midnight.
  assert.equal(newsDay(new Date('2027-03-27T23:00:00Z'), 'Europe/Ljubljana'), '2027-03-28');
  assert.equal(newsDay(new Date('2027-03-27T22:59:00Z'), 'Europe/Ljubljana'), '2027-03-27');
});

test('current news: only those shown that day, newest first, at most the limit', () => {
  const items = [
    item('2026-12-01', null, 1),
    item('2026-12-03', null, 2),
    item('2026-12-03', null, 3),
    item('2026-12-04', null, 4),
    item('2026-11-01', '2026-12-02', 5),
  ];
  const shown = currentNews(items, '2026-12-03', 2);
  assert.deepEqual(
    shown.map((i) => i.createdAt.getTime()),
    [3, 2],
  );
  assert.equal(currentNews(items, '2026-12-03').length, 3);
});

test('property: an item is current exactly on the days of its window', () => {
  const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-01-01', n));
  fc.assert(
    fc.property(day, fc.option(fc.integer({ min: 0, max: 60 })), day, (from, length, on) => {
      const until = length === null ? null : addDays(from, length);
      const inWindow = on >= from && (until === null || on <= until);
      assert.equal(currentNews([item(from, until)], on).length, inWindow ? 1 : 0);
    }),
  );
});

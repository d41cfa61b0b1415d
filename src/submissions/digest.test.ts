import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { localParts } from '../lib/zoned-time.ts';
import { digestDueDay } from './digest.ts';

test('due from 07:00 local time, once per local day', () => {
  const zone = 'Europe/Ljubljana';
  assert.equal(digestDueDay(new Date('2026-12-03T05:59:00Z'), zone, '2026-12-02'), null);
  assert.equal(digestDueDay(new Date('2026-12-03T06:00:00Z'), zone, '2026-12-02'), '2026-12-03');
  assert.equal(digestDueDay(new Date('2026-12-03T06:00:00Z'), zone, null), '2026-12-03');
  assert.equal(digestDueDay(new Date('2026-12-03T22:59:00Z'), zone, '2026-12-03'), null);
  // 23:30 UTC is already the next day in Ljubljana, but not yet 07:00 there.
  assert.equal(digestDueDay(new Date('2026-12-03T23:30:00Z'), zone, '2026-12-03'), null);
});

test('across daylight saving: 07:00 local is 05:00 UTC in summer and 06:00 UTC in winter', () => {
  const zone = 'Europe/Prague';
  // Spring forward on 29 March 2026 (02:00 → 03:00): the 23-hour day still has its 07:00.
  assert.equal(digestDueDay(new Date('2026-03-28T05:59:00Z'), zone, '2026-03-27'), null);
  assert.equal(digestDueDay(new Date('2026-03-28T06:00:00Z'), zone, '2026-03-27'), '2026-03-28');
  assert.equal(digestDueDay(new Date('2026-03-29T04:59:00Z'), zone, '2026-03-28'), null);
  assert.equal(digestDueDay(new Date('2026-03-29T05:00:00Z'), zone, '2026-03-28'), '2026-03-29');
  // Fall back on 25 October 2026 (03:00 → 02:00): the 25-hour day has one digest too.
  assert.equal(digestDueDay(new Date('2026-10-25T05:59:00Z'), zone, '2026-10-24'), null);
  assert.equal(digestDueDay(new Date('2026-10-25T06:00:00Z'), zone, '2026-10-24'), '2026-10-25');
  assert.equal(digestDueDay(new Date('2026-10-25T23:00:00Z'), zone, '2026-10-25'), null);
});

test('a job every few minutes over a year sends exactly one digest per local day, at or after 07:00', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(
        'Europe/Ljubljana',
        'Europe/Prague',
        'America/New_York',
        'Australia/Lord_Howe',
      ),
      fc.integer({ min: 1, max: 59 }),
      fc.integer({ min: 0, max: 364 }),
      (zone, everyMinutes, startDay) => {
        const start = Date.UTC(2026, 0, 1) + startDay * 86_400_000;
        let last: string | null = null;
        const sent: string[] = [];
        for (let t = start; t < start + 40 * 86_400_000; t += everyMinutes * 60_000) {
          const day = digestDueDay(new Date(t), zone, last);
          if (!day) continue;
          const local = localParts(new Date(t), zone);
          assert.equal(local.date, day);
          assert.ok(local.minutes >= 7 * 60);
          sent.push(day);
          last = day;
        }
        assert.equal(new Set(sent).size, sent.length, 'no day twice');
        assert.ok(sent.length >= 39 && sent.length <= 41, `${sent.length} digests in 40 days`);
      },
    ),
    { numRuns: 40 },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantAtOrAfterWall, instantAtWall, localParts, wallClock } from './zoned-time.ts';

const ZONES = ['Europe/Ljubljana', 'Europe/Prague', 'UTC', 'America/New_York'];
const HOUR = 3_600_000;
const wall = (s: string) => Date.parse(`${s}Z`);

test('a skipped reading has no instant, but the moment of the change comes after it; a repeated one gives the first', () => {
  for (const tz of ['Europe/Ljubljana', 'Europe/Prague']) {
    assert.equal(instantAtWall(wall('2026-03-29T02:30:00'), tz), null);
    assert.equal(
      instantAtOrAfterWall(wall('2026-03-29T02:30:00'), tz).toISOString(),
      '2026-03-29T01:00:00.000Z',
    );
    assert.equal(
      instantAtWall(wall('2026-10-25T02:30:00'), tz)?.toISOString(),
      '2026-10-25T00:30:00.000Z',
    );
    assert.equal(
      instantAtOrAfterWall(wall('2026-10-25T02:30:00'), tz).toISOString(),
      '2026-10-25T00:30:00.000Z',
    );
  }
});

test('local parts agree with what Intl prints for the zone (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2060-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      (tz, d) => {
        const text = new Intl.DateTimeFormat('sv-SE', {
          timeZone: tz,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(d);
        const p = localParts(d, tz);
        const hh = String(Math.floor(p.minutes / 60)).padStart(2, '0');
        const mm = String(p.minutes % 60).padStart(2, '0');
        return text === `${p.date} ${hh}:${mm}`;
      },
    ),
    { numRuns: 1000 },
  );
});

test('every instant is found again from its wall clock, or is the second of a repeated hour (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2060-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      (tz, d) => {
        const found = instantAtWall(wallClock(d, tz), tz);
        if (!found) return false;
        return found.getTime() === d.getTime() || found.getTime() === d.getTime() - HOUR;
      },
    ),
    { numRuns: 1000 },
  );
});

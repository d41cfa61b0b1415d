import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  instantAtOrAfterWall,
  instantAtWall,
  localParts,
  offsetMinutes,
  wallClock,
  zonedInstant,
} from './zoned-time.ts';

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

// The two zones of the first installations, whose 2026 changes the cases below name.
const CET_ZONES = ['Europe/Ljubljana', 'Europe/Prague'];

test('local times convert to the right instants across the 2026 DST changes', () => {
  for (const tz of CET_ZONES) {
    // Winter: UTC+1. Summer: UTC+2. Spring forward 2026-03-29 02:00→03:00, fall back 2026-10-25 03:00→02:00.
    assert.equal(zonedInstant('2026-03-28', 8 * 60, tz)?.toISOString(), '2026-03-28T07:00:00.000Z');
    assert.equal(zonedInstant('2026-03-29', 8 * 60, tz)?.toISOString(), '2026-03-29T06:00:00.000Z');
    assert.equal(
      zonedInstant('2026-03-29', 150, tz),
      null,
      '02:30 does not exist on the spring-forward night',
    );
    assert.equal(
      zonedInstant('2026-10-25', 150, tz)?.toISOString(),
      '2026-10-25T00:30:00.000Z',
      'the first 02:30',
    );
    assert.equal(zonedInstant('2026-10-25', 8 * 60, tz)?.toISOString(), '2026-10-25T07:00:00.000Z');
    assert.equal(offsetMinutes(new Date('2026-07-01T12:00:00Z'), tz), 120);
    assert.equal(offsetMinutes(new Date('2026-12-01T12:00:00Z'), tz), 60);
  }
});

test('every existing local time round-trips through its instant', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...CET_ZONES),
      fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: 0, max: 24 * 60 - 1 }),
      (tz, day, minutes) => {
        const date = day.toISOString().slice(0, 10);
        const instant = zonedInstant(date, minutes, tz);
        if (instant === null) return true; // a skipped hour; covered above
        const back = localParts(instant, tz);
        return back.date === date && back.minutes === minutes;
      },
    ),
  );
});

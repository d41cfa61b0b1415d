import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_RETENTION_DAYS,
  effectiveRetentionDays,
  erasureOnRequest,
  isDue,
  MAX_RETENTION_DAYS,
  retentionCutoff,
  retentionStartsAt,
  validRetentionDays,
  wallClock,
} from './retention.ts';

const ZONES = ['Europe/Ljubljana', 'Europe/Prague'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (s: string) => new Date(s);

test('an organisation may set whole days from 1 to 3650; bad stored values fall back or clamp', () => {
  for (const n of [1, 90, 3650]) assert.equal(validRetentionDays(n), true, String(n));
  for (const n of [0, -1, 3651, 1.5, NaN, Infinity])
    assert.equal(validRetentionDays(n), false, String(n));
  assert.equal(effectiveRetentionDays(null), DEFAULT_RETENTION_DAYS);
  assert.equal(effectiveRetentionDays(undefined), 90);
  assert.equal(effectiveRetentionDays(NaN), 90);
  assert.equal(effectiveRetentionDays(0), 1);
  assert.equal(effectiveRetentionDays(30.7), 30);
  assert.equal(effectiveRetentionDays(Infinity), MAX_RETENTION_DAYS);
  assert.throws(
    () => retentionCutoff(at('2026-05-01T10:00:00Z'), 0, 'Europe/Ljubljana'),
    RangeError,
  );
  assert.throws(() => retentionCutoff(new Date('nope'), 90, 'Europe/Ljubljana'), RangeError);
  assert.throws(
    () => retentionCutoff(at('2026-05-01T10:00:00Z'), 90, 'Europe/Atlantis'),
    RangeError,
  );
});

test('the cutoff is the same wall-clock time 90 calendar days back, not 90 × 24 h', () => {
  for (const tz of ZONES) {
    // 12:00 CEST on 1 May → 12:00 CET on 31 January: 90 days and one hour earlier.
    const spring = retentionCutoff(at('2026-05-01T10:00:00Z'), 90, tz);
    assert.equal(spring.toISOString(), '2026-01-31T11:00:00.000Z', tz);
    // 11:00 CET on 1 December → 11:00 CEST on 2 September: one hour more than 90 × 24 h.
    const autumn = retentionCutoff(at('2026-12-01T10:00:00Z'), 90, tz);
    assert.equal(autumn.toISOString(), '2026-09-02T09:00:00.000Z', tz);
    assert.equal(at('2026-12-01T10:00:00Z').getTime() - autumn.getTime(), 90 * DAY + HOUR);
  }
  assert.equal(
    retentionCutoff(at('2026-05-01T10:00:00.123Z'), 90, 'UTC').toISOString(),
    '2026-01-31T10:00:00.123Z',
  );
});

test('a cutoff landing on the spring-forward gap is the moment of the change', () => {
  for (const tz of ZONES) {
    // 02:30 CEST on 27 June; 02:30 on 29 March 2026 never happened (01:59:59 CET → 03:00 CEST).
    assert.equal(
      retentionCutoff(at('2026-06-27T00:30:00Z'), 90, tz).toISOString(),
      '2026-03-29T01:00:00.000Z',
      tz,
    );
    assert.equal(
      retentionCutoff(at('2026-06-26T23:59:00Z'), 90, tz).toISOString(),
      '2026-03-29T00:59:00.000Z',
      tz,
    );
    assert.equal(
      retentionCutoff(at('2026-06-27T01:00:00Z'), 90, tz).toISOString(),
      '2026-03-29T01:00:00.000Z',
      tz,
    );
  }
});

test('a cutoff landing on the repeated autumn hour takes its first occurrence', () => {
  for (const tz of ZONES) {
    // 02:30 CET on 23 January 2027; 02:30 on 25 October 2026 happened at 00:30Z and again at 01:30Z.
    assert.equal(
      retentionCutoff(at('2027-01-23T01:30:00Z'), 90, tz).toISOString(),
      '2026-10-25T00:30:00.000Z',
      tz,
    );
    assert.equal(
      retentionCutoff(at('2027-01-23T02:00:00Z'), 90, tz).toISOString(),
      '2026-10-25T02:00:00.000Z',
      tz,
    );
    // When now itself is in the repeated hour, the cutoff steps back with the clocks.
    assert.equal(
      retentionCutoff(at('2026-10-25T00:59:00Z'), 90, tz).toISOString(),
      '2026-07-27T00:59:00.000Z',
      tz,
    );
    assert.equal(
      retentionCutoff(at('2026-10-25T01:00:00Z'), 90, tz).toISOString(),
      '2026-07-27T00:00:00.000Z',
      tz,
    );
  }
});

test('retention counts from the latest of the planned end, the cancellation and the real end', () => {
  const end = at('2026-03-10T09:30:00Z');
  assert.equal(
    retentionStartsAt({ end, cancelledAt: null, meetingEndedAt: null }).toISOString(),
    end.toISOString(),
  );
  assert.equal(
    retentionStartsAt({
      end,
      cancelledAt: at('2026-02-01T08:00:00Z'),
      meetingEndedAt: null,
    }).toISOString(),
    end.toISOString(),
  );
  assert.equal(
    retentionStartsAt({
      end,
      cancelledAt: at('2026-03-11T08:00:00Z'),
      meetingEndedAt: null,
    }).toISOString(),
    '2026-03-11T08:00:00.000Z',
  );
  assert.equal(
    retentionStartsAt({
      end,
      cancelledAt: null,
      meetingEndedAt: at('2026-03-10T09:50:00Z'),
    }).toISOString(),
    '2026-03-10T09:50:00.000Z',
  );
  // Strictly before: an end exactly at the cutoff still has its last instant to go.
  assert.equal(isDue({ end, cancelledAt: null, meetingEndedAt: null }, end), false);
  assert.equal(
    isDue({ end, cancelledAt: null, meetingEndedAt: null }, new Date(end.getTime() + 1)),
    true,
  );
});

test('an admin erases at once what is over; a live hold or an appointment ahead is cancelled first', () => {
  const now = at('2026-05-01T10:00:00Z');
  const ahead = at('2026-05-02T10:00:00Z');
  const past = at('2026-04-30T10:00:00Z');
  assert.equal(erasureOnRequest({ state: 'confirmed', end: ahead }, now), 'cancel_first');
  assert.equal(erasureOnRequest({ state: 'held', end: ahead }, now), 'cancel_first');
  assert.equal(erasureOnRequest({ state: 'confirmed', end: past }, now), 'anonymise');
  for (const state of ['cancelled', 'expired', 'locked'])
    assert.equal(erasureOnRequest({ state, end: ahead }, now), 'anonymise', state);
});

// Instants near the 2026 and 2027 changes shifted by the retention, so cutoffs land on them.
const CHANGES = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
].map((s) => at(s).getTime());
const daysArb = fc.oneof(fc.constant(90), fc.integer({ min: 1, max: 3650 }));
const nearChange = (days: number) =>
  fc
    .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
    .map(([c, jitter]) => new Date(c + days * DAY + jitter));
const anyTime = fc.date({
  min: at('2000-01-01T00:00:00Z'),
  max: at('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const scenario = daysArb.chain((days) =>
  fc.tuple(fc.constant(days), fc.oneof(nearChange(days), anyTime), fc.constantFrom(...ZONES)),
);

test('the cutoff reads the same wall clock `days` back, or is the first instant past a skipped one (property)', () => {
  fc.assert(
    fc.property(scenario, ([days, now, tz]) => {
      const cutoff = retentionCutoff(now, days, tz);
      const target = wallClock(now, tz) - days * DAY;
      const read = wallClock(cutoff, tz);
      if (read === target) return wallClock(new Date(cutoff.getTime() - HOUR), tz) !== target; // first occurrence
      return read > target && wallClock(new Date(cutoff.getTime() - 1), tz) < target; // the gap's end
    }),
    { numRuns: 2000 },
  );
});

test('the cutoff is within an hour of days × 24 h and moves forward with now, but for the repeated hour (property)', () => {
  fc.assert(
    fc.property(scenario, fc.integer({ min: 0, max: 4 * HOUR }), ([days, now, tz], step) => {
      const next = new Date(now.getTime() + step);
      const cutoff = retentionCutoff(now, days, tz).getTime();
      const later = retentionCutoff(next, days, tz).getTime();
      const clocksWentBack = wallClock(next, tz) < wallClock(now, tz);
      return (
        Math.abs(now.getTime() - days * DAY - cutoff) <= HOUR &&
        (clocksWentBack ? later >= cutoff - HOUR : later >= cutoff)
      );
    }),
    { numRuns: 2000 },
  );
});

test('data is never due before its local date and time plus `days`, and never over an hour late (property)', () => {
  fc.assert(
    fc.property(
      scenario,
      fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
      ([days, now, tz], slack) => {
        const end = new Date(now.getTime() - days * DAY + slack);
        const due = isDue(
          { end, cancelledAt: null, meetingEndedAt: null },
          retentionCutoff(now, days, tz),
        );
        const early = wallClock(now, tz) - wallClock(end, tz) <= days * DAY;
        const late = now.getTime() - end.getTime() > days * DAY + HOUR;
        return !(due && early) && (due || !late);
      },
    ),
    { numRuns: 3000 },
  );
});

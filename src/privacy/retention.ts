/**
 * When a booking's personal data is due for anonymisation. An organisation keeps it for N days
 * (calendar days in its own time zone, so "90 days" means what a person counts on a calendar),
 * counted from when the appointment was over; what anonymising does is in anonymisation.ts.
 */
import { instantAtOrAfterWall, wallClock } from '../lib/zoned-time.ts';

/** The retention an organisation has until it sets its own. */
export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 1;
/** Ten years: long enough for any archive rule, short enough that "forever" is not an option. */
export const MAX_RETENTION_DAYS = 3650;

/** True for a whole number of days an organisation may set. */
export function validRetentionDays(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_RETENTION_DAYS && n <= MAX_RETENTION_DAYS;
}

/**
 * The days to apply for a stored setting. No setting or a non-number gives the default; anything
 * else is floored and clamped, so a bad stored value can neither stop the job nor keep data
 * beyond ten years.
 */
export function effectiveRetentionDays(setting: number | null | undefined): number {
  if (setting === null || setting === undefined || Number.isNaN(setting))
    return DEFAULT_RETENTION_DAYS;
  return Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, Math.floor(setting)));
}

/**
 * The instant before which a booking's retention start must lie for it to be due: the same wall
 * clock time `days` calendar days ago in `timeZone`. Across a DST change that is 23 or 25 hours
 * per day changed, never a fixed `days × 24 h`. A wall time skipped by spring-forward maps to the
 * moment of the change; one that happens twice maps to its first occurrence, so data is never due
 * before its own local date and time plus `days`. The cutoff moves forward with `now`, except that
 * it steps back with the clocks during the repeated autumn hour: harmless, nothing is un-erased.
 */
export function retentionCutoff(now: Date, days: number, timeZone: string): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is an invalid date');
  if (!validRetentionDays(days)) throw new RangeError(`retention days out of range: ${days}`);
  return instantAtOrAfterWall(wallClock(now, timeZone) - days * DAY_MS, timeZone);
}

/** The facts of a booking the retention rule reads. */
export type RetentionFacts = {
  /** The planned end of the appointment (upper bound of `during`). */
  end: Date;
  cancelledAt: Date | null;
  /** When its meeting actually ended, if it was held (it may overrun the plan). */
  meetingEndedAt: Date | null;
};

/**
 * Where a booking's retention period starts: the latest of the planned end, the cancellation and
 * the meeting's real end. Counting from the end (not from the last change) means an early
 * cancellation does not shorten the time the office can still look the appointment up, and a late
 * one is never erased at once. In SQL: GREATEST(upper(during), cancelled_at, meeting.ended_at),
 * which skips NULLs as this does.
 */
export function retentionStartsAt(b: RetentionFacts): Date {
  let t = b.end.getTime();
  for (const d of [b.cancelledAt, b.meetingEndedAt]) if (d && d.getTime() > t) t = d.getTime();
  return new Date(t);
}

/** True when the booking's retention is over: its start lies strictly before the cutoff. */
export function isDue(b: RetentionFacts, cutoff: Date): boolean {
  return retentionStartsAt(b).getTime() < cutoff.getTime();
}

/**
 * What an admin's erasure on request may do to one booking now: anonymise it, or first cancel it,
 * because anonymising a live hold or an appointment still ahead would leave the official waiting
 * for "—" and the citizen holding links to nothing.
 */
export function erasureOnRequest(
  b: { state: string; end: Date },
  now: Date,
): 'anonymise' | 'cancel_first' {
  const live = b.state === 'held' || b.state === 'confirmed';
  return live && b.end.getTime() > now.getTime() ? 'cancel_first' : 'anonymise';
}

const DAY_MS = 86_400_000;

// wallClock is re-exported for the property tests, which read cutoffs back as wall clocks.
export { wallClock };

// When a meeting folder's files are deleted: a grace period after the meeting ends, set per
// organisation, from 0 (at once) to 7 days.

/** The longest grace period: 7 days, in minutes. */
export const MAX_GRACE_MINUTES = 7 * 24 * 60;

/** True for a whole number of minutes from 0 to 7 days: what an organisation may set. */
export function validGraceMinutes(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_GRACE_MINUTES;
}

/**
 * When the folder's files are deleted. A grace period out of range is clamped rather than thrown,
 * and anything that is not a number counts as 0: a bad stored setting must never keep files
 * longer than 7 days, and deleting early is the safe side for personal data.
 */
export function deleteAt(meetingEndedAt: Date, graceMinutes: number): Date {
  const ended = meetingEndedAt.getTime();
  if (Number.isNaN(ended)) throw new RangeError('meetingEndedAt is an invalid date');
  const minutes = Number.isNaN(graceMinutes)
    ? 0
    : Math.min(MAX_GRACE_MINUTES, Math.max(0, Math.floor(graceMinutes)));
  return new Date(ended + minutes * 60_000);
}

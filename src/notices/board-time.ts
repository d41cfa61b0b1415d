// When a notice is on the official notice board. The law counts a notice's time on the board in
// days (vyvěšeno dne / sejmuto dne; "objavljeno", "sneto"), so a version carries days in the
// organisation's time zone: it is on the board from the first instant of post_on until the first
// instant of the day after remove_after. Local days are 23 or 25 hours long across DST changes;
// startOfDay (lib/zoned-time.ts) measures them, never 24 × 3600 s.
import { addDays } from '../lib/calendar.ts';
import { localParts, startOfDay } from '../lib/zoned-time.ts';

/** The days a version is on the board: post_on through remove_after (null: until further notice). */
export type BoardDays = { postOn: string; removeAfter: string | null };

/** Where a notice stands at an instant. */
export type BoardStatus = 'scheduled' | 'on_board' | 'taken_down' | 'withdrawn';

/** The organisation's calendar day at an instant (`YYYY-MM-DD`). */
export function boardDay(now: Date, timeZone: string): string {
  return localParts(now, timeZone).date;
}

/** The half-open interval [from, until) a version is on the board; until is null when open-ended. */
export function boardWindow(days: BoardDays, timeZone: string): { from: Date; until: Date | null } {
  return {
    from: startOfDay(days.postOn, timeZone),
    until: days.removeAfter === null ? null : startOfDay(addDays(days.removeAfter, 1), timeZone),
  };
}

/**
 * A notice's status at `now`: withdrawn once staff took it down early (from that instant on),
 * otherwise by its days: scheduled before its first day, taken down after its last.
 */
export function boardStatus(
  days: BoardDays,
  withdrawnAt: Date | null,
  now: Date,
  timeZone: string,
): BoardStatus {
  if (withdrawnAt !== null && withdrawnAt.getTime() <= now.getTime()) return 'withdrawn';
  const { from, until } = boardWindow(days, timeZone);
  if (now.getTime() < from.getTime()) return 'scheduled';
  if (until !== null && now.getTime() >= until.getTime()) return 'taken_down';
  return 'on_board';
}

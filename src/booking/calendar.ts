// The booking calendar's rules (pure): which month it shows and links to, and where and which
// free times to offer instead of one that is gone.
import { addDays } from '../lib/calendar.ts';

/** The `n` times nearest to `start` (before or after), in time order: what to offer instead. */
export function nearestTimes<T extends { start: Date }>(
  times: readonly T[],
  start: Date,
  n: number,
): T[] {
  const distance = (t: T) => Math.abs(t.start.getTime() - start.getTime());
  return [...times]
    .sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime())
    .slice(0, n)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** What a booking calendar shows: a month, its first and last day, the months it links to, a day. */
export type CalendarMonth = {
  month: string;
  first: string;
  last: string;
  prevMonth: string | null;
  nextMonth: string | null;
  day: string | undefined;
};

/**
 * The month of the booking calendar for `today` and a service bookable `horizonDays` ahead: the
 * asked month when it lies in today's month..the horizon's month, else today's (an old or
 * hand-made link shows what can be booked, not an empty month); links only to months in that
 * span; the asked day only when it lies in the month shown.
 */
export function calendarMonth(
  today: string,
  horizonDays: number,
  asked: { month?: string | undefined; day?: string | undefined },
): CalendarMonth {
  const firstMonth = today.slice(0, 7);
  const lastMonth = addDays(today, horizonDays).slice(0, 7);
  const month =
    asked.month && asked.month >= firstMonth && asked.month <= lastMonth ? asked.month : firstMonth;
  // The 15th ± 30 days is always in the month before or after, whatever their lengths.
  const shift = (by: number) => addDays(`${month}-15`, by * 30).slice(0, 7);
  const nextFirst = `${addDays(`${month}-28`, 4).slice(0, 7)}-01`;
  return {
    month,
    first: `${month}-01`,
    last: addDays(nextFirst, -1),
    prevMonth: month > firstMonth ? shift(-1) : null,
    nextMonth: month < lastMonth ? shift(1) : null,
    day: asked.day?.startsWith(month) ? asked.day : undefined,
  };
}

/**
 * The days to look for free times near an asked day: a week either side of it, kept inside
 * today..the horizon (an asked day outside them is moved to the nearer end first).
 */
export function nearestWindow(
  today: string,
  horizonDays: number,
  asked: string,
): { from: string; to: string } {
  const lastDay = addDays(today, horizonDays);
  const centre = asked < today ? today : asked > lastDay ? lastDay : asked;
  const from = addDays(centre, -7) < today ? today : addDays(centre, -7);
  const to = addDays(centre, 7) > lastDay ? lastDay : addDays(centre, 7);
  return { from, to };
}

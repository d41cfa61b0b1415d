/**
 * Local calendar time in an IANA zone ↔ instants, with Intl only. Offices work in
 * local time ("Mondays 08:00–15:00") while bookings are instants (timestamptz).
 */

// One implementation of zone arithmetic for every domain (src/lib/zoned-time.ts); booking's
// modules keep importing it from here, beside the calendar helpers that are booking's own.
export { isoWeekday, localParts, offsetMinutes, zonedInstant } from '../lib/zoned-time.ts';

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "HH:MM" → minutes after midnight (seconds, as PostgreSQL's time type adds, are ignored). */
export function minutesOf(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Minutes after midnight → "HH:MM" (1440 → "24:00", the end of a day). */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

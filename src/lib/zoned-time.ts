/**
 * Wall-clock time in an IANA zone ↔ instants, with Intl only, for every domain: offices work in
 * local time ("Mondays 08:00–15:00", "keep for 90 calendar days") while the database holds
 * instants (timestamptz). A "wall" value is the zone's reading of an instant, written as the
 * milliseconds of the UTC instant with the same fields, so calendar arithmetic on it is plain
 * arithmetic (a day is 86 400 000 ms of wall clock, whatever the zone's clocks did that day).
 */

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone, before anything is cached.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as milliseconds of a UTC date with the same fields. */
export function wallClock(instant: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(instant)) p[type] = Number(value);
  const whole = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return whole + (((instant.getTime() % 1000) + 1000) % 1000);
}

/** The zone's offsets from UTC (wall − instant, in ms) a day either side of `wall`: they cover any single change near it. */
function offsetsAround(wall: number, timeZone: string): number[] {
  return [
    ...new Set([wall - DAY_MS, wall + DAY_MS].map((t) => wallClock(new Date(t), timeZone) - t)),
  ];
}

/**
 * The first instant whose wall clock in the zone reads exactly `wall`, or null when the zone's
 * clocks skipped that reading (spring forward). A reading that happens twice (autumn) gives the first.
 */
export function instantAtWall(wall: number, timeZone: string): Date | null {
  const exact = offsetsAround(wall, timeZone)
    .map((off) => wall - off)
    .filter((t) => wallClock(new Date(t), timeZone) === wall);
  return exact.length > 0 ? new Date(Math.min(...exact)) : null;
}

/** Like instantAtWall, but a skipped reading gives the first instant after the skip (the moment of the change). */
export function instantAtOrAfterWall(wall: number, timeZone: string): Date {
  const exact = instantAtWall(wall, timeZone);
  if (exact) return exact;
  const offsets = offsetsAround(wall, timeZone);
  // In a gap: binary search for the first instant whose wall clock has passed `wall`.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClock(new Date(mid), timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Local wall-clock parts of an instant in a zone: the date, minutes after midnight, ISO weekday (1 = Monday). */
export function localParts(
  instant: Date,
  timeZone: string,
): { date: string; minutes: number; weekday: number } {
  const wall = wallClock(instant, timeZone);
  const date = new Date(wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS)).toISOString().slice(0, 10);
  const minutes = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return { date, minutes, weekday: isoWeekday(date) };
}

/** Offset of the zone from UTC at an instant, in whole minutes (Europe/Ljubljana: +60 or +120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return Math.round((wallClock(instant, timeZone) - instant.getTime()) / 60_000);
}

/**
 * The instant at which a zone's clocks show `date` and `minutes` after midnight.
 * Null when that local time does not exist (skipped by a spring-forward change);
 * the earlier instant when it happens twice (autumn fall-back).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return instantAtWall(Date.UTC(y, m - 1, d) + minutes * 60_000, timeZone);
}

/**
 * The first instant of a local day `YYYY-MM-DD`: midnight, or where a zone skips midnight
 * (Chile springs forward at 00:00) the moment its clocks jump to. Local days are 23 or 25
 * hours long across DST changes, so a day is [startOfDay(d), startOfDay(d + 1)).
 */
export function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return instantAtOrAfterWall(Date.UTC(y, m - 1, d), timeZone);
}

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date `YYYY-MM-DD` that exists (not 2026-02-30, not 2026-1-01). */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

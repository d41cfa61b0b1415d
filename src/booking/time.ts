/**
 * Local calendar time in an IANA zone ↔ instants, with Intl only. Offices work in
 * local time ("Mondays 08:00–15:00") while bookings are instants (timestamptz).
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock parts of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { date: string; minutes: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: isoWeekday(date) };
}

/** Offset of the zone from UTC at an instant, in minutes (Europe/Ljubljana: +60 or +120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const { date, minutes } = localParts(instant, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d) + minutes * 60_000;
  return Math.round((asUtc - (instant.getTime() - instant.getUTCSeconds() * 1000 - instant.getUTCMilliseconds())) / 60_000);
}

/**
 * The instant at which a zone's clocks show `date` and `minutes` after midnight.
 * Null when that local time does not exist (skipped by a spring-forward change);
 * the earlier instant when it happens twice (autumn fall-back).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // A zone has at most two offsets around any instant: try both seen within ±1 day.
  const offsets = new Set([offsetMinutes(new Date(wall - 86_400_000), timeZone), offsetMinutes(new Date(wall + 86_400_000), timeZone)]);
  const candidates = [...offsets]
    .map((off) => new Date(wall - off * 60_000))
    .filter((t) => {
      const local = localParts(t, timeZone);
      return local.date === date && local.minutes === minutes;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ?? null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

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

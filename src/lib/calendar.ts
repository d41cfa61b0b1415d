/**
 * Calendar dates ("2026-12-02"), clock times ("08:30") and a day's hours as staff type them
 * ("08:00–12:00, 13:00–17:00"): plain strings that booking, the agenda, statistics and the
 * organisations' import all read and write. Zone arithmetic is in zoned-time.ts.
 */

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

/**
 * Parses one day's hours as staff type them: "08:00-12:00, 13:00–17:00" (any dash,
 * comma or semicolon between ranges; empty for a day off). Ranges must be in order
 * and must not overlap. Returns minutes after midnight, or null when malformed.
 */
export function parseDayHours(text: string): { start: number; end: number }[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const ranges: { start: number; end: number }[] = [];
  for (const part of trimmed.split(/[,;]/)) {
    const m = /^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$/.exec(part);
    if (!m) return null;
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 > 0)) return null;
    const range = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
    const previous = ranges.at(-1);
    if (range.end <= range.start || (previous && range.start < previous.end)) return null;
    ranges.push(range);
  }
  return ranges;
}

/** The hours of one day as staff read them back: "08:00–12:00, 13:00–17:00". */
export function formatDayHours(ranges: readonly { start: number; end: number }[]): string {
  return ranges.map((r) => `${clockTime(r.start)}–${clockTime(r.end)}`).join(', ');
}

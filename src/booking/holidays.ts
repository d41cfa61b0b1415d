/**
 * Public holidays of Slovenia and Czechia, with the movable ones computed from
 * Easter. Dates are local calendar dates (YYYY-MM-DD) in the country's own zone.
 */

export type Country = 'SI' | 'CZ';

/** Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `days` after a date (UTC arithmetic on calendar dates: no time zone involved). */
function shift(year: number, month: number, day: number, days: number): string {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// Fixed-date holidays (work-free days) by law: SI Zakon o praznikih in dela prostih dnevih,
// CZ zákon č. 245/2000 Sb. (including Good Friday since 2016).
const FIXED: Record<Country, [number, number][]> = {
  SI: [
    [1, 1],
    [1, 2],
    [2, 8],
    [4, 27],
    [5, 1],
    [5, 2],
    [6, 25],
    [8, 15],
    [10, 31],
    [11, 1],
    [12, 25],
    [12, 26],
  ],
  CZ: [
    [1, 1],
    [5, 1],
    [5, 8],
    [7, 5],
    [7, 6],
    [9, 28],
    [10, 28],
    [11, 17],
    [12, 24],
    [12, 25],
    [12, 26],
  ],
};

/** Public holidays of a country in a year, sorted, as YYYY-MM-DD. */
export function publicHolidays(country: Country, year: number): string[] {
  const { month, day } = easterSunday(year);
  const movable =
    country === 'SI'
      ? // Easter Sunday and Monday; Whit Sunday (binkošti), 49 days after Easter.
        [shift(year, month, day, 0), shift(year, month, day, 1), shift(year, month, day, 49)]
      : // Good Friday and Easter Monday.
        [shift(year, month, day, -2), shift(year, month, day, 1)];
  return [...FIXED[country].map(([m, d]) => iso(year, m, d)), ...movable].sort();
}

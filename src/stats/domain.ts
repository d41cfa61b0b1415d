/** The statistics filter's rules, pure: the period presets and how charts group long periods. */
import { addDays } from '../lib/calendar.ts';

/** The longest period the page shows: a year and a day, so "this year" and a leap year fit. */
export const MAX_PERIOD_DAYS = 366;

export type PresetKey = 'this_month' | 'last_month' | 'last_30_days' | 'this_year';
export type Period = { from: string; to: string };

/** The quick periods, relative to `today` (YYYY-MM-DD in the organisation's zone). */
export function presets(today: string): { key: PresetKey; from: string; to: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthStart = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  return [
    { key: 'this_month', from: monthStart, to: addDays(nextMonth(monthStart), -1) },
    { key: 'last_month', from: lastMonthStart, to: addDays(monthStart, -1) },
    { key: 'last_30_days', from: addDays(today, -29), to: today },
    { key: 'this_year', from: `${y}-01-01`, to: `${y}-12-31` },
  ];
}

function nextMonth(firstOfMonth: string): string {
  const [y, m] = firstOfMonth.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Days from `from` to `to`, both included. */
export function periodLength(p: Period): number {
  return (
    Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) +
    1
  );
}

/** Why a period cannot be shown, or null: the end before the start, or longer than MAX_PERIOD_DAYS. */
export function periodProblem(p: Period): 'order' | 'too_long' | null {
  if (p.to < p.from) return 'order';
  return periodLength(p) > MAX_PERIOD_DAYS ? 'too_long' : null;
}

/**
 * Charts of a long period group days by calendar month (the table beside them keeps every day):
 * a bar per day stays readable up to about a month, and a year of daily bars would be metres tall.
 */
export function chartBuckets<T extends { date: string }>(
  days: readonly T[],
  sum: (items: readonly T[]) => number[],
): { key: string; values: number[] }[] {
  if (days.length <= 31) return days.map((d) => ({ key: d.date, values: sum([d]) }));
  const months = new Map<string, T[]>();
  for (const d of days) {
    const k = d.date.slice(0, 7);
    const list = months.get(k);
    if (list) list.push(d);
    else months.set(k, [d]);
  }
  return [...months].map(([key, items]) => ({ key, values: sum(items) }));
}

/** Grouped counts (one row per day and key, as the database returns them) summed per day of the period, zeros filled in, and per key. */
export function tally(
  rows: readonly { day: string; serviceId: string; count: number }[],
  days: readonly string[],
): { perDay: { date: string; count: number }[]; perKey: Map<string, number> } {
  const onDay = new Map<string, number>();
  const perKey = new Map<string, number>();
  for (const r of rows) {
    onDay.set(r.day, (onDay.get(r.day) ?? 0) + r.count);
    perKey.set(r.serviceId, (perKey.get(r.serviceId) ?? 0) + r.count);
  }
  return { perDay: days.map((date) => ({ date, count: onDay.get(date) ?? 0 })), perKey };
}

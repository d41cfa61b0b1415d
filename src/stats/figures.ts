/**
 * The figures behind the statistics pages, as pure functions over plain arrays: the repository
 * fetches rows for an office, service and period, and these turn them into numbers. Keeping the
 * arithmetic here means each definition (what counts as a no-show, which percentile) is
 * written down once and tested without a database.
 */
import { addDays } from '../lib/calendar.ts';
import { isCalendarDate, startOfDay } from '../lib/zoned-time.ts';

/**
 * How an appointment ended, as the statistics see it. A caller maps its rows: a held meeting is
 * 'done', a meeting marked as a no-show is 'no_show', a cancelled booking is 'cancelled', and
 * anything still ahead or without a recorded outcome is 'scheduled'.
 */
export type AppointmentState = 'done' | 'no_show' | 'cancelled' | 'scheduled';

/** No-shows and the appointments they are a share of. */
export interface NoShowFigures {
  /** Appointments that were due: done or no-show. */
  due: number;
  noShows: number;
  /** noShows ÷ due, from 0 to 1; null when nothing was due (0 % would claim a perfect record). */
  rate: number | null;
}

/**
 * The no-show rate: no-shows ÷ appointments that were due. Cancelled appointments were never
 * due, and scheduled ones are not due yet or have no outcome, so neither counts either way.
 */
export function noShowRate(appointments: readonly { state: AppointmentState }[]): NoShowFigures {
  let due = 0;
  let noShows = 0;
  for (const a of appointments) {
    if (a.state === 'done' || a.state === 'no_show') due++;
    if (a.state === 'no_show') noShows++;
  }
  return { due, noShows, rate: due === 0 ? null : noShows / due };
}

/** Summary of durations in minutes (time waited in the lobby, meeting length). */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/**
 * Median (the middle value, or the mean of the two middle values), 90th percentile and mean.
 * The percentile is the nearest-rank one (the value at rank ⌈0.9 n⌉ of the sorted list), so it
 * is always a duration that really happened and reads as "9 in 10 waited at most this long".
 */
export function durationStats(minutes: readonly number[]): DurationStats {
  for (const m of minutes) {
    if (!Number.isFinite(m) || m < 0)
      throw new RangeError(`a duration must be finite and ≥ 0, got ${m}`);
  }
  const n = minutes.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const at = (i: number) => sorted[i] as number;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const sum = sorted.reduce((s, m) => s + m, 0);
  return { count: n, median, p90: nearestRank(sorted, 0.9), mean: sum / n };
}

/** The value at rank ⌈p·n⌉ (1-based) of a sorted, non-empty list. */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Satisfaction ratings summed up. */
export interface SatisfactionFigures {
  count: number;
  /** Mean rating rounded half up to one decimal; null when nobody rated. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

/** Count, average and distribution of ratings on the survey's 1–5 scale. */
export function satisfaction(ratings: readonly number[]): SatisfactionFigures {
  const distribution: SatisfactionFigures['distribution'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of ratings) {
    if (!Number.isInteger(r) || r < 1 || r > 5)
      throw new RangeError(`a rating is a whole number 1–5, got ${r}`);
    distribution[r - 1] = (distribution[r - 1] ?? 0) + 1;
    sum += r;
  }
  const count = ratings.length;
  // Integers until the one division: 4.25 must become 4.3, not 4.2 from a float like 4.2499….
  return { count, average: count === 0 ? null : Math.round((sum * 10) / count) / 10, distribution };
}

/** A figure for one local calendar day (YYYY-MM-DD). */
export interface DayCount {
  date: string;
  count: number;
}

/** Every local calendar day from `from` to `to`, both included, as the period filter means them. */
export function daysOf(from: string, to: string): string[] {
  for (const d of [from, to]) {
    if (!isCalendarDate(d)) throw new RangeError(`not a calendar date: ${d}`);
  }
  if (from > to) throw new RangeError(`the period ends (${to}) before it starts (${from})`);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The instants [start, end) that the local days `from`…`to` cover in an office's zone, for the
 * query that fetches a period. Days are 23 or 25 hours long across DST changes, so this is not
 * UTC midnight to UTC midnight.
 */
export function periodBounds(
  from: string,
  to: string,
  timeZone: string,
): { start: Date; end: Date } {
  daysOf(from, to);
  return { start: startOfDay(from, timeZone), end: startOfDay(addDays(to, 1), timeZone) };
}

/**
 * Counts instants (bookings made, sign-ins, registrations) per local calendar day in the
 * office's zone, one entry per day of the period with zeros filled in. Instants outside the
 * period are ignored.
 */
export function perDay(
  instants: readonly Date[],
  from: string,
  to: string,
  timeZone: string,
): DayCount[] {
  const days = daysOf(from, to);
  // Formatting each instant in the zone costs ~6 µs (0.6 s for 100 000 sign-ins); finding it
  // among the days' first instants costs a few comparisons.
  const starts = [...days, addDays(to, 1)].map((d) => startOfDay(d, timeZone).getTime());
  const counts = days.map(() => 0);
  for (const instant of instants) {
    const i = dayIndex(starts, instant.getTime());
    if (i >= 0 && i < days.length) counts[i] = (counts[i] ?? 0) + 1;
  }
  return days.map((date, i) => ({ date, count: counts[i] ?? 0 }));
}

/** Index of the last start ≤ t (-1 before the first): the day t falls in. */
function dayIndex(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Counts values per category, in the order given, with zeros filled in; unknown values follow in order of first appearance. */
export function perCategory(
  values: readonly string[],
  categories: readonly string[],
): { key: string; count: number }[] {
  const counts = new Map(categories.map((c) => [c, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** Free and booked capacity of one day. */
export interface CapacityDay {
  date: string;
  free: number;
  booked: number;
  /** booked ÷ (free + booked), 0 to 1; null on a day with no capacity at all (closed). */
  utilisation: number | null;
}

/**
 * Joins free and booked slot counts per day into utilisation. Capacity is free + booked: a
 * slot is either still free or taken. A day missing from one list counts 0 there; the total
 * weighs each day by its capacity, not by one vote per day.
 */
export function capacity(
  freeSlots: readonly DayCount[],
  bookedSlots: readonly DayCount[],
): { days: CapacityDay[]; total: Omit<CapacityDay, 'date'> } {
  const byDay = new Map<string, { free: number; booked: number }>();
  const entry = (date: string) => {
    let e = byDay.get(date);
    if (!e) byDay.set(date, (e = { free: 0, booked: 0 }));
    return e;
  };
  for (const { date, count } of freeSlots) entry(date).free += count;
  for (const { date, count } of bookedSlots) entry(date).booked += count;
  const ratio = (free: number, booked: number) =>
    free + booked === 0 ? null : booked / (free + booked);
  const days = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, { free, booked }]) => ({ date, free, booked, utilisation: ratio(free, booked) }));
  const free = days.reduce((s, d) => s + d.free, 0);
  const booked = days.reduce((s, d) => s + d.booked, 0);
  return { days, total: { free, booked, utilisation: ratio(free, booked) } };
}

/** Citizens' sign-ins and the accounts they registered, for one day or one provider and level. */
export interface SignInCount {
  signIns: number;
  newAccounts: number;
}

type Level = 'low' | 'substantial' | 'high';
const LEVEL_ORDER: readonly Level[] = ['low', 'substantial', 'high'];

/**
 * The citizens' sign-in counter's rows (one per day, provider and level) as the page shows them:
 * per day of the period with zeros filled in, per provider and level over the period, and every
 * row by day. Providers come in `providerOrder` (the installation's list, then the e-mail
 * sign-in); a provider since removed from the configuration follows, by id; within a provider,
 * levels from low to high.
 */
export function citizenSignIns(
  rows: readonly (SignInCount & { day: string; providerId: string; loa: Level })[],
  days: readonly string[],
  providerOrder: readonly string[],
): {
  perDay: (SignInCount & { date: string })[];
  perProvider: (SignInCount & { providerId: string; loa: Level })[];
  detail: (SignInCount & { date: string; providerId: string; loa: Level })[];
} {
  const inPeriod = new Set(days);
  const kept = rows.filter((r) => inPeriod.has(r.day));
  const rank = (id: string) => {
    const i = providerOrder.indexOf(id);
    return i < 0 ? providerOrder.length : i;
  };
  const byProvider = (a: { providerId: string; loa: Level }, b: typeof a) =>
    rank(a.providerId) - rank(b.providerId) ||
    (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0) ||
    LEVEL_ORDER.indexOf(a.loa) - LEVEL_ORDER.indexOf(b.loa);
  const onDay = new Map<string, SignInCount>();
  const perKey = new Map<string, SignInCount & { providerId: string; loa: Level }>();
  for (const r of kept) {
    const d = onDay.get(r.day) ?? { signIns: 0, newAccounts: 0 };
    onDay.set(r.day, {
      signIns: d.signIns + r.signIns,
      newAccounts: d.newAccounts + r.newAccounts,
    });
    const key = `${r.providerId}\n${r.loa}`;
    const p = perKey.get(key) ?? {
      providerId: r.providerId,
      loa: r.loa,
      signIns: 0,
      newAccounts: 0,
    };
    perKey.set(key, {
      ...p,
      signIns: p.signIns + r.signIns,
      newAccounts: p.newAccounts + r.newAccounts,
    });
  }
  return {
    perDay: days.map((date) => ({ date, ...(onDay.get(date) ?? { signIns: 0, newAccounts: 0 }) })),
    perProvider: [...perKey.values()].sort(byProvider),
    detail: kept
      .map((r) => ({
        date: r.day,
        providerId: r.providerId,
        loa: r.loa,
        signIns: r.signIns,
        newAccounts: r.newAccounts,
      }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byProvider(a, b))),
  };
}

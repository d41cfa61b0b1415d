/**
 * The fee register's pure rules (issue 18, decision 043): which rate applies on a day, how an
 * amount splits into instalments, where an obligation stands on a day, and how variable symbols
 * are made. Money is integer minor units (haléře, cents) throughout; dates are calendar days
 * 'YYYY-MM-DD' in the organisation's time zone, which compare correctly as strings.
 */
import { localParts } from '../lib/zoned-time.ts';

/** One version of a fee's rate: in force from `effectiveFrom` until the next version's day. */
export type RateVersion = { effectiveFrom: string; amountMinor: number; ordinance: string };

/** The rate in force on `date`: the version with the latest effective day on or before it; null before the first. */
export function rateOn<R extends RateVersion>(rates: readonly R[], date: string): R | null {
  let best: R | null = null;
  for (const rate of rates)
    if (rate.effectiveFrom <= date && (!best || rate.effectiveFrom > best.effectiveFrom))
      best = rate;
  return best;
}

/** One instalment of an obligation. */
export type Instalment = { seq: number; dueDate: string; amountMinor: number };

/** At most this many instalments (the table's check: seq 1..24, monthly for two years). */
export const MAX_INSTALMENTS = 24;

/**
 * Splits `totalMinor` into one instalment per due date (given in order). The parts differ by at
 * most one minor unit and the earlier instalments carry the remainder, so the sum is exact and
 * the same input always gives the same split (the payer pays the odd unit first, not last).
 */
export function splitInstalments(totalMinor: number, dueDates: readonly string[]): Instalment[] {
  const n = dueDates.length;
  if (!Number.isSafeInteger(totalMinor) || totalMinor <= 0)
    throw new RangeError('the amount must be a positive whole number of minor units');
  if (n < 1 || n > MAX_INSTALMENTS) throw new RangeError(`1 to ${MAX_INSTALMENTS} instalments`);
  if (totalMinor < n) throw new RangeError('each instalment must be at least one minor unit');
  for (let i = 1; i < n; i++)
    if (dueDates[i]! <= dueDates[i - 1]!) throw new RangeError('due dates must increase');
  const base = Math.floor(totalMinor / n);
  const remainder = totalMinor - base * n;
  return dueDates.map((dueDate, i) => ({
    seq: i + 1,
    dueDate,
    amountMinor: base + (i < remainder ? 1 : 0),
  }));
}

/** Where an obligation stands on a day. */
export type StandingName = 'paid' | 'due' | 'overdue' | 'partly_paid' | 'overpaid' | 'cancelled';

/** An obligation's standing with its sums, all in minor units of its currency. */
export type Standing = {
  standing: StandingName;
  amountMinor: number;
  paidMinor: number;
  /** What is still to pay (never negative). */
  dueMinor: number;
  /** The part of what is still to pay whose due date has passed (the arrears, "nedoplatek"). */
  arrearsMinor: number;
  /** Paid beyond the amount ("přeplatek"). */
  overpaidMinor: number;
  /** The due date of the first instalment not yet covered by payments; null when all is paid. */
  nextDueDate: string | null;
};

/**
 * An obligation's standing on `today` (a day in the organisation's zone). Payments cover the
 * instalments oldest first, whatever they were meant for; an instalment is overdue from the day
 * after its due date (the due date is the last day to pay). Overdue outranks partly paid: the
 * arrears are what a payer and the office must act on.
 */
export function standingOf(input: {
  instalments: readonly Instalment[];
  payments: readonly { amountMinor: number }[];
  today: string;
  cancelled?: boolean;
}): Standing {
  const ordered = [...input.instalments].sort((x, y) => x.seq - y.seq);
  const paidMinor = input.payments.reduce((s, p) => s + p.amountMinor, 0);
  let cumulative = 0;
  let pastDueMinor = 0;
  let nextDueDate: string | null = null;
  for (const instalment of ordered) {
    cumulative += instalment.amountMinor;
    if (instalment.dueDate < input.today) pastDueMinor += instalment.amountMinor;
    if (nextDueDate === null && cumulative > paidMinor) nextDueDate = instalment.dueDate;
  }
  const sums = { amountMinor: cumulative, paidMinor, pastDueMinor, nextDueDate };
  return standingFromSums({ ...sums, cancelled: input.cancelled ?? false });
}

/**
 * The standing from three sums: the amount, what was paid and what fell due before today. The
 * instalments' due dates rise with their order, so payments covering them oldest first leave
 * exactly `pastDue − paid` of the past instalments open. The list's SQL filter (repo.ts) follows
 * these same comparisons.
 */
export function standingFromSums(s: {
  amountMinor: number;
  paidMinor: number;
  pastDueMinor: number;
  cancelled: boolean;
  nextDueDate?: string | null;
}): Standing {
  const dueMinor = Math.max(0, s.amountMinor - s.paidMinor);
  const sums = {
    amountMinor: s.amountMinor,
    paidMinor: s.paidMinor,
    dueMinor,
    arrearsMinor: Math.min(dueMinor, Math.max(0, s.pastDueMinor - s.paidMinor)),
    overpaidMinor: Math.max(0, s.paidMinor - s.amountMinor),
    nextDueDate: dueMinor === 0 ? null : (s.nextDueDate ?? null),
  };
  return { standing: nameOf(sums, s.cancelled), ...sums };
}

function nameOf(s: Omit<Standing, 'standing'>, cancelled: boolean): StandingName {
  if (cancelled) return 'cancelled';
  if (s.overpaidMinor > 0) return 'overpaid';
  if (s.dueMinor === 0) return 'paid';
  if (s.arrearsMinor > 0) return 'overdue';
  return s.paidMinor > 0 ? 'partly_paid' : 'due';
}

/** The calendar day an instant falls on in the organisation's zone (what "today" is for due dates). */
export function dayIn(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/**
 * Variable symbols: YY FF SSSSSS — the year's last two digits, the fee type's number (01–99)
 * and a sequence per fee type and year (000001–999999). Ten digits, the most the Czech payment
 * order's field holds; it starts with the year (10–99 for 2010–2099), so it never has a leading
 * zero, which banks drop (standards.md §4). Staff and payers can read the year and the fee from
 * it, six digits of sequence fit the largest municipality's waste fee (one per person), and a
 * fee type's symbols of one year are one numeric range, so the next is that range's maximum + 1.
 */
export const VS_SEQUENCE_MAX = 999_999;
/** Fee type numbers run 1..99: two digits of the variable symbol. */
export const FEE_NUMBER_MAX = 99;

/** The lowest and highest variable symbol of a fee type number in a year (both included). */
export function symbolRange(year: number, feeNumber: number): { low: number; high: number } {
  if (!Number.isInteger(year) || year < 2010 || year > 2099) throw new RangeError('year 2010–2099');
  if (!Number.isInteger(feeNumber) || feeNumber < 1 || feeNumber > FEE_NUMBER_MAX)
    throw new RangeError('fee number 1–99');
  const prefix = ((year % 100) * 100 + feeNumber) * 1_000_000;
  return { low: prefix + 1, high: prefix + VS_SEQUENCE_MAX };
}

/** The next variable symbol after the range's highest one in use (null when none is), or null when the range is full. */
export function nextSymbol(
  year: number,
  feeNumber: number,
  highestUsed: number | null,
): string | null {
  const { low, high } = symbolRange(year, feeNumber);
  const next = highestUsed === null || highestUsed < low ? low : highestUsed + 1;
  return next > high ? null : String(next);
}

/** The largest amount an obligation may have (the table's check: below 10^10 minor units). */
export const AMOUNT_MAX_MINOR = 9_999_999_999;

/**
 * An amount as staff or a finance system writes it, in minor units: "1 234,50", "1234.50",
 * "1500" (spaces and no-break spaces group thousands; a comma or a dot before one or two
 * decimals). Null for anything else — "1.234,50" included, which is ambiguous next to
 * "1234.50", and zero or negative amounts.
 */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]+/g, '');
  const m = /^(\d{1,8})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return minor > 0 && minor <= AMOUNT_MAX_MINOR ? minor : null;
}

/** A day written as d.m.yyyy (spaces after the dots allowed) or yyyy-mm-dd, as 'YYYY-MM-DD'; null when no such day exists. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const czech = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : czech
      ? [czech[3], czech[2], czech[1]]
      : [null, null, null];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

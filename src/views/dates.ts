import { localeOf, type Lang } from '../i18n/i18n.ts';

/** The date and time formats the views use, by name. */
const KINDS = {
  /** "10:30" */
  time: { hour: '2-digit', minute: '2-digit' },
  /** "ponedeljek, 23. november 2026" */
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** "23. 11. 2026" */
  date: { day: 'numeric', month: 'numeric', year: 'numeric' },
  /** "november 2026" */
  month: { month: 'long', year: 'numeric' },
  /** Date and time to the second, for a history line. */
  stamp: { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** The locale's short date and time, with or without seconds (the audit log). */
  short: { dateStyle: 'short', timeStyle: 'short' },
  shortSeconds: { dateStyle: 'short', timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateKind = keyof typeof KINDS;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One format per language, zone and kind, made on first use and kept: building an
 * Intl.DateTimeFormat costs far more than using one, and pages and CSV files format a date
 * per row. Zones are those of the installation's offices, so the cache stays small.
 */
export function dateFormat(lang: Lang, timeZone: string, kind: DateKind): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { ...KINDS[kind], timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "10:30" in the given zone. */
export const timeOf = (d: Date, timeZone: string, lang: Lang): string => dateFormat(lang, timeZone, 'time').format(d);

/** Date and time to the second in the given zone. */
export const stampOf = (d: Date, timeZone: string, lang: Lang): string => dateFormat(lang, timeZone, 'stamp').format(d);

// A local date (`YYYY-MM-DD`, `YYYY-MM`) is a plain day: formatted at noon in UTC, no zone moves it.
/** "torek, 24. november 2026" for a local date `YYYY-MM-DD`. */
export const dayName = (day: string, lang: Lang): string => dateFormat(lang, 'UTC', 'day').format(new Date(`${day}T12:00:00Z`));

/** "24. 11. 2026" for a local date `YYYY-MM-DD`. */
export const dateOf = (day: string, lang: Lang): string => dateFormat(lang, 'UTC', 'date').format(new Date(`${day}T12:00:00Z`));

/** "november 2026" for a month `YYYY-MM`. */
export const monthName = (month: string, lang: Lang): string => dateFormat(lang, 'UTC', 'month').format(new Date(`${month}-01T12:00:00Z`));

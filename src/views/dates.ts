import { localeOf, type Lang } from '../i18n/i18n.ts';
import { localParts } from '../lib/zoned-time.ts';

/** The date and time formats the views use, by name. */
const KINDS = {
  /** "10:30" */
  time: { hour: '2-digit', minute: '2-digit' },
  /** "8:25": the hour without a leading zero, as running text writes it. */
  clock: { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' },
  /** "ponedeljek, 23. november 2026" */
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** "23. 11. 2026" */
  date: { day: 'numeric', month: 'numeric', year: 'numeric' },
  /** "november 2026" */
  month: { month: 'long', year: 'numeric' },
  /** "24. nov.", "24 Nov": a day under a chart's column */
  dayShort: { day: 'numeric', month: 'short' },
  /** "nov. 2026", "Nov 2026": a month under a chart's column */
  monthShort: { month: 'short', year: 'numeric' },
  /** Date and time to the second, for a history line. */
  stamp: {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
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
export const timeOf = (d: Date, timeZone: string, lang: Lang): string =>
  dateFormat(lang, timeZone, 'time').format(d);

/**
 * A time inside a sentence ("čaka od 8.25", "konec v 8:25"): Slovenian running text writes the
 * hour without a leading zero and a full stop before the minutes (SP 2001), Czech a colon.
 * Tables and lists keep timeOf's "08:25"; English keeps it everywhere.
 */
export function timeInText(d: Date, timeZone: string, lang: Lang): string {
  if (lang === 'en') return timeOf(d, timeZone, lang);
  const text = dateFormat(lang, timeZone, 'clock').format(d);
  return lang === 'sl' ? text.replace(':', '.') : text;
}

/** Date and time to the second in the given zone. */
export const stampOf = (d: Date, timeZone: string, lang: Lang): string =>
  dateFormat(lang, timeZone, 'stamp').format(d);

// A local date (`YYYY-MM-DD`, `YYYY-MM`) is a plain day: formatted at noon in UTC, no zone moves it.
/** "torek, 24. november 2026" for a local date `YYYY-MM-DD`. */
export const dayName = (day: string, lang: Lang): string =>
  dateFormat(lang, 'UTC', 'day').format(new Date(`${day}T12:00:00Z`));

/** "24. 11. 2026" for a local date `YYYY-MM-DD`. */
export const dateOf = (day: string, lang: Lang): string =>
  dateFormat(lang, 'UTC', 'date').format(new Date(`${day}T12:00:00Z`));

/** "november 2026" for a month `YYYY-MM`. */
export const monthName = (month: string, lang: Lang): string =>
  dateFormat(lang, 'UTC', 'month').format(new Date(`${month}-01T12:00:00Z`));

// Dates inside a sentence take the grammar of the sentence, which Intl does not know: Slovenian
// "v" and "na" take the accusative weekday (v sredo) and a day of the month the genitive month
// (2. decembra); Czech "v/ve" and "na" take the accusative weekday (ve středu) and the genitive
// month (2. prosince). Intl gives the nominative of both ("sreda, 2. december"), so the words
// are listed here, Monday first and January first.
const PHRASE = {
  sl: {
    weekdays: ['ponedeljek', 'torek', 'sredo', 'četrtek', 'petek', 'soboto', 'nedeljo'],
    months: [
      'januarja',
      'februarja',
      'marca',
      'aprila',
      'maja',
      'junija',
      'julija',
      'avgusta',
      'septembra',
      'oktobra',
      'novembra',
      'decembra',
    ],
  },
  cs: {
    weekdays: ['pondělí', 'úterý', 'středu', 'čtvrtek', 'pátek', 'sobotu', 'neděli'],
    months: [
      'ledna',
      'února',
      'března',
      'dubna',
      'května',
      'června',
      'července',
      'srpna',
      'září',
      'října',
      'listopadu',
      'prosince',
    ],
  },
  en: {
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
} satisfies Record<Lang, { weekdays: string[]; months: string[] }>;

/**
 * When something happens, as it reads inside a sentence, in the given zone: `on` (or `to`, for
 * "moved to") with the weekday, date and time.
 * en "on Wednesday, 2 December 2026 at 08:25" · sl "v sredo, 2. decembra 2026, ob 8.25" ·
 * cs "ve středu 2. prosince 2026 v 8:25" (with `to`: "to …", "na sredo, …", "na středu …").
 */
export function whenPhrase(
  instant: Date,
  timeZone: string,
  lang: Lang,
  prep: 'on' | 'to' = 'on',
): string {
  const { date, minutes, weekday } = localParts(instant, timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const words = PHRASE[lang];
  const wd = words.weekdays[weekday - 1]!;
  const mon = words.months[month - 1]!;
  const h = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  if (lang === 'sl')
    return `${prep === 'to' ? 'na' : 'v'} ${wd}, ${day}. ${mon} ${year}, ob ${h}.${mm}`;
  if (lang === 'cs') {
    // "ve" where "v" would run into the word's first consonants: ve středu, ve čtvrtek.
    const cz = prep === 'to' ? 'na' : /^(st|čt)/.test(wd) ? 've' : 'v';
    return `${cz} ${wd} ${day}. ${mon} ${year} v ${h}:${mm}`;
  }
  return `${prep === 'to' ? 'to' : 'on'} ${wd}, ${day} ${mon} ${year} at ${String(h).padStart(2, '0')}:${mm}`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNameIn(locale: string, timeZone: string, at: Date): string {
  const key = `${locale}|${timeZone}`;
  let f = zoneFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone });
    zoneFormats.set(key, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The name of a zone at an instant as an office would print it beside a time: cs "SEČ"/"SELČ"
 * (ICU's own Czech names), sl and en "CET"/"CEST". ICU has no Slovenian abbreviation and
 * falls back to an offset ("GMT +1") that no office writes; where a language has only such an
 * offset, the international abbreviation (British English's) stands in for it.
 */
export function zoneName(at: Date, timeZone: string, lang: Lang): string {
  const own = zoneNameIn(localeOf(lang), timeZone, at);
  if (!/GMT|UTC/.test(own) || /^(GMT|UTC)$/.test(own)) return own;
  const international = zoneNameIn('en-GB', timeZone, at);
  return /^[A-Z]{2,5}$/.test(international) ? international : own;
}

/** "24. nov." for a local date `YYYY-MM-DD`: short enough to stand under a chart's column. */
export const shortDateOf = (day: string, lang: Lang): string =>
  dateFormat(lang, 'UTC', 'dayShort').format(new Date(`${day}T12:00:00Z`));

/** "nov. 2026" for a month `YYYY-MM`. */
export const shortMonthName = (month: string, lang: Lang): string =>
  dateFormat(lang, 'UTC', 'monthShort').format(new Date(`${month}-01T12:00:00Z`));

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "sreda, 2. december 2026 ob 08:25 CET": date, time and zone in the reader's language, the zone
 * as an office prints it (zoneName: "SEČ" in Czech, never "GMT +1").
 */
export function formatWhen(date: Date, timeZone: string, lang: Lang): string {
  const key = `${lang}|${timeZone}`;
  let f = whenFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone,
    });
    whenFormats.set(key, f);
  }
  return f
    .formatToParts(date)
    .map((p) => (p.type === 'timeZoneName' ? zoneName(date, timeZone, lang) : p.value))
    .join('');
}

const weekdayNames = new Map<Lang, string[]>();

/** Localized weekday name for an ISO weekday (1 = Monday). */
export function weekdayName(weekday: number, lang: Lang): string {
  let names = weekdayNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    names = [1, 2, 3, 4, 5, 6, 7].map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
    weekdayNames.set(lang, names);
  }
  return names[weekday - 1] ?? '';
}

const shortNames = new Map<Lang, string[]>();

/**
 * Short weekday name for a column heading (ISO weekday, 1 = Monday): sl "pon", cs "po", en "Mon".
 * Intl's own short names, which each language prints in calendars; Slovenian ones come with an
 * abbreviation dot ("pon.") that a heading leaves off. Never cut from the long name: Czech
 * "úterý" is "út", not "úte".
 */
export function weekdayShort(weekday: number, lang: Lang): string {
  let names = shortNames.get(lang);
  if (!names) {
    const format = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
    names = [1, 2, 3, 4, 5, 6, 7].map((d) =>
      format.format(new Date(Date.UTC(2024, 0, d))).replace(/\.$/, ''),
    );
    shortNames.set(lang, names);
  }
  return names[weekday - 1] ?? '';
}

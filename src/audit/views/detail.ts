import {
  LANGS,
  localeOf,
  MESSAGES,
  type Lang,
  type MessageKey,
  type Translate,
} from '../../i18n/i18n.ts';
import { formatDayHours } from '../../lib/calendar.ts';
import { weekdayName, dateFormat } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';

/** What reading a detail needs: the page's language, the organisation's zone and the names of its offices, services and staff by id. */
export type DetailContext = {
  t: Translate;
  lang: Lang;
  timeZone: string;
  names: ReadonlyMap<string, string>;
};

/** A translation when the key exists (codes come from the log, other engineers' codes may lack one), else the fallback. */
export function maybe(t: Translate, key: string, fallback: string): string {
  return key in MESSAGES.en ? t(key as MessageKey) : fallback;
}

/** An object type as people read it ("Termin"), or the type itself when it has no text. */
export function objectTypeLabel(t: Translate, type: string): string {
  return maybe(t, `audit.type.${type}`, type);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Hours = { weekday: number; start: number; end: number };
function isWeek(v: unknown): v is Hours[] {
  return (
    Array.isArray(v) &&
    v.every(
      (x) =>
        typeof x === 'object' &&
        x !== null &&
        ['weekday', 'start', 'end'].every(
          (k) => typeof (x as Record<string, unknown>)[k] === 'number',
        ),
    )
  );
}

/** Weekly hours (`hours.updated`) as "Monday 08:00–12:00, 13:00–15:00; Tuesday …", in weekday order. */
function showWeek(week: Hours[], lang: Lang): string {
  const days = [...new Set(week.map((h) => h.weekday))].sort((a, b) => a - b);
  return days
    .map((d) => `${weekdayName(d, lang)} ${formatDayHours(week.filter((h) => h.weekday === d))}`)
    .join('; ');
}

function isLocalized(v: unknown): v is Partial<Record<Lang, string>> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length > 0 &&
    Object.entries(v).every(
      ([k, x]) => (LANGS as readonly string[]).includes(k) && typeof x === 'string',
    )
  );
}

/**
 * The detail as lines of text: a change `{ field: [before, after] }` (what `changes()` writes)
 * as "Field: before → after", other facts as "Field: value". Known keys are translated, times
 * shown in the organisation's zone, ids of its offices, services and staff by name. A change of
 * a text in several languages reads one line per language that changed. A fact that is itself a
 * pair reads as a change too: the stored format cannot tell them apart.
 */
export function detailLines(c: DetailContext, d: Record<string, unknown>): string[] {
  const when = dateFormat(c.lang, c.timeZone, 'short');
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'string')
      return INSTANT.test(value) && !Number.isNaN(Date.parse(value))
        ? when.format(new Date(value))
        : (c.names.get(value) ?? value);
    if (typeof value === 'boolean') return c.t(value ? 'audit.yes' : 'audit.no');
    if (typeof value === 'number') return value.toLocaleString(localeOf(c.lang));
    if (isWeek(value) && value.length > 0) return showWeek(value, c.lang);
    if (isLocalized(value))
      return LANGS.filter((l) => value[l])
        .map((l) => `${l}: ${value[l]}`)
        .join(' · ');
    if (Array.isArray(value) && value.every((x) => typeof x !== 'object' || x === null))
      return value.length ? value.map(show).join(', ') : '–';
    return JSON.stringify(value);
  };
  return Object.entries(d).flatMap(([key, value]) => {
    const label = maybe(c.t, `audit.key.${key}`, key);
    // A list of ids (`officeIds`) or of hours of two is a list, not a change; its change is a pair of lists.
    const isList =
      (key.endsWith('Ids') && Array.isArray(value) && !value.some(Array.isArray)) || isWeek(value);
    if (isList || !(Array.isArray(value) && value.length === 2))
      return [`${label}: ${show(value)}`];
    const [a, b] = value as [unknown, unknown];
    if ((a === null || isLocalized(a)) && (b === null || isLocalized(b)) && (a || b)) {
      const before = a ?? {};
      const after = b ?? {};
      return LANGS.filter((l) => (before[l] ?? '') !== (after[l] ?? '')).map(
        (l) => `${label} (${l}): ${show(before[l])} → ${show(after[l])}`,
      );
    }
    return [`${label}: ${show(a)} → ${show(b)}`];
  });
}

/** The detail as a list for the audit page (see `detailLines`). */
export function detail(c: DetailContext, d: Record<string, unknown>): Html {
  const lines = detailLines(c, d);
  return lines.length
    ? html`<ul class="audit-detail">${lines.map((l) => html`<li>${l}</li>`)}</ul>`
    : html``;
}

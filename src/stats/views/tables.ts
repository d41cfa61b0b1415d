/**
 * The statistics as tables, defined once: the page shows each beside its chart and the CSV
 * export writes them all, so the two can never disagree about a figure or its heading.
 */
import { localize, type Lang, type Translate } from '../../i18n/i18n.ts';
import type { Figures } from '../service.ts';
import type { Column, Row } from '../table.ts';

export type StatsTable = { id: string; title: string; columns: Column[]; rows: Row[] };

/** How a calendar day is written: localized on the page, ISO in the CSV (so spreadsheets read it as a date). */
export type DayFormat = (isoDate: string) => string;

/** Every table of the page, in page order; `capacity` is absent without a chosen service. */
export function statsTables(
  f: Figures,
  t: Translate,
  lang: Lang,
  day: DayFormat,
): Record<
  | 'perDay'
  | 'perService'
  | 'outcomes'
  | 'durations'
  | 'ratings'
  | 'comments'
  | 'signIns'
  | 'citizenSignIns'
  | 'citizenProviders'
  | 'citizenDetail'
  | 'users',
  StatsTable
> & { capacity?: StatsTable } {
  const fb = f.organisation.defaultLanguage;
  const name = (s: { name: Parameters<typeof localize>[0] } | null) =>
    s ? localize(s.name, lang, fb) : '–';
  const durationRow = (label: string, d: Figures['wait']) => ({
    figure: label,
    count: d.count,
    median: round1(d.median),
    p90: round1(d.p90),
    mean: round1(d.mean),
  });
  const newAccounts = f.citizens.perDay.reduce((a, d) => a + d.newAccounts, 0);
  const tables = {
    ...citizenTables(f.citizens, t, lang, day),
    perDay: {
      id: 'per-day',
      title: t('stats.per_day'),
      columns: [
        { key: 'day', label: t('stats.col.day') },
        { key: 'count', label: t('stats.col.appointments'), numeric: true },
      ],
      rows: f.perDay.map((d) => ({ day: day(d.date), count: d.count })),
    },
    perService: {
      id: 'per-service',
      title: t('stats.per_service'),
      columns: [
        { key: 'service', label: t('stats.col.service') },
        { key: 'count', label: t('stats.col.appointments'), numeric: true },
      ],
      rows: f.perService.map((s) => ({ service: name(s.service), count: s.count })),
    },
    outcomes: {
      id: 'outcomes',
      title: t('stats.outcomes'),
      columns: [
        { key: 'figure', label: t('stats.col.figure') },
        { key: 'value', label: t('stats.col.value'), numeric: true },
      ],
      rows: [
        { figure: t('stats.outcome.booked'), value: f.outcomes.booked },
        { figure: t('stats.outcome.done'), value: f.outcomes.done },
        { figure: t('stats.outcome.no_show'), value: f.outcomes.noShows },
        { figure: t('stats.outcome.cancelled'), value: f.outcomes.cancelled },
      ],
    },
    durations: {
      id: 'durations',
      title: `${t('stats.wait')}, ${t('stats.length')} (${t('stats.minutes')})`,
      columns: [
        { key: 'figure', label: t('stats.col.figure') },
        { key: 'count', label: t('stats.col.count'), numeric: true },
        { key: 'median', label: t('stats.col.median'), numeric: true },
        { key: 'p90', label: t('stats.col.p90'), numeric: true },
        { key: 'mean', label: t('stats.col.mean'), numeric: true },
      ],
      rows: [durationRow(t('stats.wait'), f.wait), durationRow(t('stats.length'), f.length)],
    },
    ratings: {
      id: 'ratings',
      title: t('stats.satisfaction'),
      columns: [
        { key: 'rating', label: t('stats.col.rating') },
        { key: 'count', label: t('stats.col.answers'), numeric: true },
      ],
      rows: f.satisfaction.distribution.map((count, i) => ({ rating: String(i + 1), count })),
    },
    comments: {
      id: 'comments',
      title: t('stats.comments'),
      columns: [
        { key: 'date', label: t('stats.col.date') },
        { key: 'service', label: t('stats.col.service') },
        { key: 'comment', label: t('stats.col.comment') },
      ],
      rows: f.comments.map((c) => ({
        date: day(c.date),
        service: name(c.service),
        comment: c.comment,
      })),
    },
    signIns: {
      id: 'sign-ins',
      title: t('stats.sign_ins'),
      columns: [
        { key: 'day', label: t('stats.col.day') },
        { key: 'succeeded', label: t('stats.col.succeeded'), numeric: true },
        { key: 'failed', label: t('stats.col.failed'), numeric: true },
      ],
      rows: f.signIns.map((d) => ({ day: day(d.date), succeeded: d.succeeded, failed: d.failed })),
    },
    users: {
      id: 'users',
      title: t('stats.users'),
      columns: [
        { key: 'figure', label: t('stats.col.figure') },
        { key: 'value', label: t('stats.col.count'), numeric: true },
      ],
      rows: [
        { figure: t('stats.users_admins'), value: f.staff.admins },
        { figure: t('stats.users_officials'), value: f.staff.officials },
        { figure: t('stats.users_citizens_new'), value: newAccounts },
      ],
    },
  };
  if (!f.capacity) return tables;
  return {
    ...tables,
    capacity: {
      id: 'capacity',
      title: t('stats.capacity'),
      columns: [
        { key: 'day', label: t('stats.col.day') },
        { key: 'booked', label: t('stats.col.booked'), numeric: true },
        { key: 'free', label: t('stats.col.free'), numeric: true },
        {
          key: 'share',
          label: t('stats.col.share'),
          numeric: true,
          format: { style: 'percent', maximumFractionDigits: 1 },
        },
      ],
      rows: f.capacity.days.map((d) => ({
        day: day(d.date),
        booked: d.booked,
        free: d.free,
        share: d.utilisation,
      })),
    },
  };
}

const LEVEL = {
  low: 'stats.citizens.loa.low',
  substantial: 'stats.citizens.loa.substantial',
  high: 'stats.citizens.loa.high',
} as const;

/** Citizens' sign-ins per day, per provider and level, and both (every counted row). */
function citizenTables(c: Figures['citizens'], t: Translate, lang: Lang, day: DayFormat) {
  const names = new Map(c.providers.map((p) => [p.id, p.name]));
  // The e-mail code has no configured name; a provider since removed from the configuration
  // keeps its id, so its old counts still say where they came from.
  const provider = (id: string) => {
    const name = names.get(id);
    return name ? name[lang] : name === null ? t('stats.citizens.email') : id;
  };
  const counts = [
    { key: 'signIns', label: t('stats.col.citizen_sign_ins'), numeric: true },
    { key: 'newAccounts', label: t('stats.col.new_accounts'), numeric: true },
  ];
  const who = [
    { key: 'provider', label: t('stats.col.provider') },
    { key: 'level', label: t('stats.col.level') },
  ];
  const of = (r: { providerId: string; loa: keyof typeof LEVEL }) => ({
    provider: provider(r.providerId),
    level: t(LEVEL[r.loa]),
  });
  return {
    citizenSignIns: {
      id: 'citizen-sign-ins',
      title: t('stats.citizens.per_day'),
      columns: [{ key: 'day', label: t('stats.col.day') }, ...counts],
      rows: c.perDay.map((d) => ({
        day: day(d.date),
        signIns: d.signIns,
        newAccounts: d.newAccounts,
      })),
    },
    citizenProviders: {
      id: 'citizen-providers',
      title: t('stats.citizens.per_provider'),
      columns: [...who, ...counts],
      rows: c.perProvider.map((p) => ({
        ...of(p),
        signIns: p.signIns,
        newAccounts: p.newAccounts,
      })),
    },
    citizenDetail: {
      id: 'citizen-detail',
      title: t('stats.citizens.detail'),
      columns: [{ key: 'day', label: t('stats.col.day') }, ...who, ...counts],
      rows: c.detail.map((d) => ({
        day: day(d.date),
        ...of(d),
        signIns: d.signIns,
        newAccounts: d.newAccounts,
      })),
    },
  };
}

/** One decimal is as precise as minutes are worth. */
function round1(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}

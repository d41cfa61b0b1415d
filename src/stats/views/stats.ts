import type { Page, PageContext } from '../../http/page.ts';
import { localeOf, localize } from '../../i18n/i18n.ts';
import type { Office, Organisation, Service } from '../../tenants/domain.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { barChart, columnChart, ratingChart } from '../charts.ts';
import { chartBuckets, presets } from '../domain.ts';
import type { StatsQuery } from '../schema.ts';
import type { Figures } from '../service.ts';
import { dataTable, figure } from '../table.ts';
import { citizenSignInsSection } from './citizens.ts';
import { feesSection, feesTable } from './fees.ts';
import { statsTables, type StatsTable } from './tables.ts';
import { dateOf, shortDateOf, shortMonthName } from '../../views/dates.ts';

type Options = {
  organisation: Organisation;
  offices: Office[];
  services: Service[];
  today: string;
};

/** The query string of a filter, for the preset links and the CSV link. */
export function filterQuery(q: {
  office?: string | undefined;
  service?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): string {
  const p = new URLSearchParams();
  for (const k of ['office', 'service', 'from', 'to'] as const) if (q[k]) p.set(k, q[k]);
  return p.toString();
}

/** The statistics page: the filter, then each figure as a chart with its table (or the form with its errors). */
export function statsPage(
  ctx: PageContext,
  data: Options & { typed: StatsQuery; errors: FieldErrors; figures: Figures | null },
): Page {
  const { t } = ctx;
  return {
    title: t('stats.title'),
    body: html`<h1>${t('stats.title')}</h1>
${errorSummary(t, data.errors)}
${filterForm(ctx, data)}
${data.figures ? figuresOf(ctx, data.figures, data.typed) : ''}`,
  };
}

function filterForm(
  ctx: PageContext,
  data: Options & { typed: StatsQuery; errors: FieldErrors },
): Html {
  const { t, lang } = ctx;
  const fb = data.organisation.defaultLanguage;
  const err = (id: string) => data.errors[id];
  const described = (id: string) =>
    err(id) ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const message = (id: string) =>
    err(id) ? html`<span class="error-message" id="${id}-error">${err(id)}</span>` : '';
  const select = (
    id: string,
    name: 'office' | 'service',
    label: string,
    all: string,
    items: { id: string; name: Parameters<typeof localize>[0] }[],
  ) =>
    html`<div class="${err(id) ? 'field-error' : ''}"><label for="${id}">${label}</label>${message(id)}
<select id="${id}" name="${name}"${described(id)}><option value="">${all}</option>${items.map((o) => html`<option value="${o.id}"${data.typed[name] === o.id ? html` selected` : ''}>${localize(o.name, lang, fb)}</option>`)}</select></div>`;
  const date = (id: string, name: 'from' | 'to', label: string) =>
    // A date picker: no format hint (the error message names the format where one is typed).
    html`<div class="${err(id) ? 'field-error' : ''}"><label for="${id}">${label}</label>${message(id)}
<input type="date" id="${id}" name="${name}" value="${data.typed[name] ?? ''}"${described(id)}></div>`;
  const current = filterQuery({ ...data.typed });
  const links = presets(data.today).map((p) => {
    const q = filterQuery({ ...data.typed, from: p.from, to: p.to });
    return html`<li><a href="/staff/stats?${q}"${q === current ? html` aria-current="true"` : ''}>${t(`stats.preset.${p.key}`)}</a></li>`;
  });
  return html`<form method="get" action="/staff/stats" class="stack" aria-labelledby="stats-filter">
<h2 id="stats-filter">${t('stats.filter')}</h2>
${select('stats-office', 'office', t('stats.office'), t('stats.all_offices'), data.offices)}
${select('stats-service', 'service', t('stats.service'), t('stats.all_services'), data.services)}
${date('stats-from', 'from', t('stats.from'))}
${date('stats-to', 'to', t('stats.to'))}
<div><button type="submit">${t('stats.apply')}</button></div>
</form>
<nav aria-labelledby="stats-presets"><h2 id="stats-presets">${t('stats.presets')}</h2><ul class="presets">${links}</ul></nav>`;
}

function figuresOf(ctx: PageContext, f: Figures, typed: StatsQuery): Html {
  const { t, lang } = ctx;
  const locale = localeOf(lang);
  const day = (iso: string) => dateOf(iso, lang);
  const tables = statsTables(f, t, lang, day);
  const table = (x: StatsTable) =>
    dataTable({ id: `${x.id}-table`, caption: x.title, columns: x.columns, rows: x.rows, locale });
  const fig = (x: StatsTable, caption: string, chart: Html) =>
    figure({
      id: `${x.id}-figure`,
      caption,
      chart,
      table: table(x),
      tableLabel: t('stats.show_table'),
    });
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const total = f.perDay.reduce((s, d) => s + d.count, 0);
  const monthly = f.perDay.length > 31;
  const perDayBuckets = chartBuckets(f.perDay, (items) => [items.reduce((s, d) => s + d.count, 0)]);
  const perDayTitle = monthly ? t('stats.per_month') : t('stats.per_day');
  const perDayDesc = t('stats.per_day_desc', { total: n.format(total) });
  const perServiceDesc = t('stats.per_service_desc', { total: n.format(total) });
  const serviceBars = tables.perService.rows.map((r) => ({
    label: String(r.service),
    value: Number(r.count),
  }));
  const o = f.outcomes;
  const outcomeText =
    o.rate === null
      ? t('stats.no_due')
      : t('stats.no_show_text', {
          noShows: n.format(o.noShows),
          due: n.format(o.due),
          rate: pct.format(o.rate),
        });
  const duration = (x: 'wait' | 'length') => {
    const d = f[x];
    const title = t(x === 'wait' ? 'stats.wait' : 'stats.length');
    const desc = t(x === 'wait' ? 'stats.wait_desc' : 'stats.length_desc', { count: d.count });
    const bars = [
      { label: t('stats.col.median'), value: d.median ?? 0 },
      { label: t('stats.col.p90'), value: d.p90 ?? 0 },
      { label: t('stats.col.mean'), value: d.mean ?? 0 },
    ];
    return html`<h3>${title}</h3>${barChart({ id: `${x}-chart`, title, desc, locale, unit: 'minute', series: bars })}`;
  };
  const s = f.satisfaction;
  const signInBuckets = chartBuckets(f.signIns, (items) => [
    items.reduce((a, d) => a + d.succeeded, 0),
    items.reduce((a, d) => a + d.failed, 0),
  ]);
  const signInTotals = signInBuckets.reduce(
    (a, b) => [a[0]! + (b.values[0] ?? 0), a[1]! + (b.values[1] ?? 0)],
    [0, 0],
  );
  const signInDesc = t('stats.sign_ins_desc', {
    succeeded: n.format(signInTotals[0]!),
    failed: n.format(signInTotals[1]!),
  });
  // Under a column there is room for "24. nov." or "nov. 2026"; the table beside has the full dates.
  const label = (key: string) => (monthly ? shortMonthName(key, lang) : shortDateOf(key, lang));
  return html`<p>${t('stats.period', { from: day(f.period.from), to: day(f.period.to), zone: f.timeZone })}</p>
<p><a href="/staff/stats.csv?${filterQuery(typed)}" download>${t('stats.csv')}</a></p>

<h2 id="bookings">${t('stats.bookings')}</h2>
${fig(tables.perDay, perDayTitle, columnChart({ id: 'per-day-chart', title: perDayTitle, desc: perDayDesc, locale, categories: perDayBuckets.map((b) => label(b.key)), series: [{ label: perDayTitle, values: perDayBuckets.map((b) => b.values[0] ?? 0) }] }))}
${fig(tables.perService, t('stats.per_service'), barChart({ id: 'per-service-chart', title: t('stats.per_service'), desc: perServiceDesc, locale, series: serviceBars }))}

<h2 id="capacity">${t('stats.capacity')}</h2>
${f.capacity && tables.capacity ? capacityFigure(ctx, f.capacity, tables.capacity, label, fig) : html`<p>${t('stats.capacity_choose')}</p>`}

<h2 id="outcomes">${t('stats.outcomes')}</h2>
<p>${outcomeText}</p>
${fig(tables.outcomes, t('stats.outcomes'), barChart({ id: 'outcomes-chart', title: t('stats.outcomes'), desc: `${t('stats.outcomes_desc')} ${outcomeText}`, locale, series: tables.outcomes.rows.map((r) => ({ label: String(r.figure), value: Number(r.value) })) }))}

<h2 id="durations">${t('stats.wait')}, ${t('stats.length').toLocaleLowerCase(locale)}</h2>
<figure id="durations-figure" class="chart"><figcaption>${tables.durations.title}</figcaption>
${duration('wait')}
${duration('length')}
<details><summary>${t('stats.show_table')}</summary>${table(tables.durations)}</details>
</figure>

<h2 id="satisfaction">${t('stats.satisfaction')}</h2>
<p>${s.average === null ? t('stats.no_ratings') : t('stats.satisfaction_text', { average: n.format(s.average), count: s.count })}</p>
${fig(tables.ratings, t('stats.satisfaction'), ratingChart({ id: 'ratings-chart', title: t('stats.satisfaction'), desc: t('stats.satisfaction_desc'), locale, distribution: s.distribution }))}
<h3>${t('stats.comments')}</h3>
${f.comments.length ? html`<p class="muted">${t('stats.comments_more', { count: f.comments.length })}</p>${table(tables.comments)}` : html`<p>${t('stats.no_comments')}</p>`}

<h2 id="sign-ins">${t('stats.sign_ins')}</h2>
<p class="muted">${t('stats.sign_ins_note')}</p>
${fig(
  tables.signIns,
  t('stats.sign_ins'),
  columnChart({
    id: 'sign-ins-chart',
    title: t('stats.sign_ins'),
    desc: signInDesc,
    locale,
    categories: signInBuckets.map((b) => label(b.key)),
    series: [
      { label: t('stats.col.succeeded'), values: signInBuckets.map((b) => b.values[0] ?? 0) },
      { label: t('stats.col.failed'), values: signInBuckets.map((b) => b.values[1] ?? 0) },
    ],
  }),
)}

${citizenSignInsSection(
  ctx,
  f,
  {
    perDay: tables.citizenSignIns,
    perProvider: tables.citizenProviders,
    detail: tables.citizenDetail,
  },
  label,
  fig,
  table,
)}

${feesSection(ctx, feesTable(f, t, lang, false), table)}

<h2 id="users">${t('stats.users')}</h2>
${table(tables.users)}
<p>${t('stats.users_citizens')}</p>`;
}

function capacityFigure(
  ctx: PageContext,
  c: NonNullable<Figures['capacity']>,
  x: StatsTable,
  label: (key: string) => string,
  fig: (x: StatsTable, caption: string, chart: Html) => Html,
): Html {
  const { t, lang } = ctx;
  const locale = localeOf(lang);
  const n = new Intl.NumberFormat(locale);
  const buckets = chartBuckets(c.days, (items) => [
    items.reduce((a, d) => a + d.booked, 0),
    items.reduce((a, d) => a + d.free, 0),
  ]);
  const desc = t('stats.capacity_desc', {
    booked: n.format(c.total.booked),
    offered: n.format(c.total.booked + c.total.free),
  });
  const chart = columnChart({
    id: 'capacity-chart',
    title: t('stats.capacity'),
    desc,
    locale,
    categories: buckets.map((b) => label(b.key)),
    series: [
      { label: t('stats.col.booked'), values: buckets.map((b) => b.values[0] ?? 0) },
      { label: t('stats.col.free'), values: buckets.map((b) => b.values[1] ?? 0) },
    ],
  });
  return html`<p>${desc}</p>${fig(x, t('stats.capacity'), chart)}`;
}

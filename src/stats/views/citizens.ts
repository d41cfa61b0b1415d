import type { PageContext } from '../../http/page.ts';
import { localeOf } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { barChart, columnChart } from '../charts.ts';
import { chartBuckets } from '../domain.ts';
import type { Figures } from '../service.ts';
import type { StatsTable } from './tables.ts';

/**
 * Citizens' sign-ins on the statistics page: per day (the columns stack returning sign-ins and
 * first sign-ins, which registered an account, so a column's height is every sign-in), then per
 * provider and level, then every counted row behind a disclosure.
 */
export function citizenSignInsSection(
  ctx: PageContext,
  f: Figures,
  tables: { perDay: StatsTable; perProvider: StatsTable; detail: StatsTable },
  label: (key: string) => string,
  fig: (x: StatsTable, caption: string, chart: Html) => Html,
  table: (x: StatsTable) => Html,
): Html {
  const { t, lang } = ctx;
  const locale = localeOf(lang);
  const n = new Intl.NumberFormat(locale);
  const buckets = chartBuckets(f.citizens.perDay, (items) => [
    items.reduce((a, d) => a + d.signIns - d.newAccounts, 0),
    items.reduce((a, d) => a + d.newAccounts, 0),
  ]);
  const signIns = f.citizens.perDay.reduce((a, d) => a + d.signIns, 0);
  const newAccounts = f.citizens.perDay.reduce((a, d) => a + d.newAccounts, 0);
  const desc = t('stats.citizens.per_day_desc', {
    signIns: n.format(signIns),
    newAccounts: n.format(newAccounts),
  });
  const title = t('stats.citizens.per_day');
  const perDay = columnChart({
    id: 'citizen-sign-ins-chart',
    title,
    desc,
    locale,
    categories: buckets.map((b) => label(b.key)),
    series: [
      { label: t('stats.citizens.returning'), values: buckets.map((b) => b.values[0] ?? 0) },
      { label: t('stats.citizens.first'), values: buckets.map((b) => b.values[1] ?? 0) },
    ],
  });
  const providerTitle = t('stats.citizens.per_provider');
  const perProvider = barChart({
    id: 'citizen-providers-chart',
    title: providerTitle,
    desc: t('stats.citizens.per_provider_desc'),
    locale,
    series: tables.perProvider.rows.map((r) => ({
      label: `${String(r.provider)} (${String(r.level)})`,
      value: Number(r.signIns),
    })),
  });
  return html`<h2 id="citizen-sign-ins">${t('stats.citizens.title')}</h2>
<p class="muted">${t('stats.citizens.note')}</p>
<p>${desc}</p>
${fig(tables.perDay, title, perDay)}
${
  tables.perProvider.rows.length
    ? fig(tables.perProvider, providerTitle, perProvider)
    : html`<p>${t('stats.citizens.none')}</p>`
}
${
  tables.detail.rows.length
    ? html`<details><summary>${t('stats.citizens.detail')}</summary>${table(tables.detail)}</details>`
    : ''
}`;
}

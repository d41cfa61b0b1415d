/**
 * Local fees on the statistics page and in its CSV (issue 18): per fee type and month of the
 * instalments' due dates, what was charged, paid, is still due and is overdue, with a total row
 * per fee type. Sums are in the organisation's currency; the CSV writes plain numbers.
 */
import type { PageContext } from '../../http/page.ts';
import { localize, type Lang, type Translate } from '../../i18n/i18n.ts';
import { monthName } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';
import type { Figures } from '../service.ts';
import type { Row } from '../table.ts';
import type { StatsTable } from './tables.ts';

const SUMS = ['charged', 'paid', 'due', 'overdue'] as const;

/** The fees table: a row per fee type and month, then the fee type's total. */
export function feesTable(f: Figures, t: Translate, lang: Lang, csv: boolean): StatsTable {
  const fees = f.fees;
  const major = (minor: number) => minor / 100;
  // The page formats the sums in the currency; the CSV writes them as plain numbers (lib/csv.ts).
  const money = { style: 'currency' as const, currency: fees.currency };
  const rows: Row[] = [];
  for (const type of fees.feeTypes) {
    const months = fees.months.filter((m) => m.feeTypeId === type.id);
    if (months.length === 0) continue;
    const name = localize(type.name, lang, f.organisation.defaultLanguage);
    const total = { charged: 0, paid: 0, due: 0, overdue: 0 };
    for (const m of months) {
      const sums = {
        charged: m.chargedMinor,
        paid: m.paidMinor,
        due: m.dueMinor,
        overdue: m.overdueMinor,
      };
      for (const k of SUMS) total[k] += sums[k];
      rows.push({
        fee: name,
        month: csv ? m.month : monthName(m.month, lang),
        ...Object.fromEntries(SUMS.map((k) => [k, major(sums[k])])),
      });
    }
    rows.push({
      fee: name,
      month: t('stats.fees.total'),
      ...Object.fromEntries(SUMS.map((k) => [k, major(total[k])])),
    });
  }
  return {
    id: 'fees',
    title: t('stats.fees.title'),
    columns: [
      { key: 'fee', label: t('stats.fees.col.fee') },
      { key: 'month', label: t('stats.fees.col.month') },
      ...SUMS.map((k) => ({
        key: k,
        label: t(`stats.fees.col.${k}`),
        numeric: true,
        format: money,
      })),
    ],
    rows,
  };
}

/** The page's section: what it counts, then the table (or why there is none). */
export function feesSection(ctx: PageContext, x: StatsTable, table: (x: StatsTable) => Html): Html {
  const { t } = ctx;
  return html`<h2 id="fees">${t('stats.fees.title')}</h2>
<p class="muted">${t('stats.fees.note')}</p>
${x.rows.length ? table(x) : html`<p>${t('stats.fees.none')}</p>`}`;
}

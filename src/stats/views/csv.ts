import type { Lang, Translate } from '../../i18n/i18n.ts';
import { toCsv, type CsvCell } from '../../lib/csv.ts';
import type { Figures } from '../service.ts';
import { feesTable } from './fees.ts';
import { statsTables } from './tables.ts';

/**
 * Every table of the statistics page in one CSV file, headed in the page's language: each
 * table starts with its title on a line of its own and ends with an empty line. Slovenian and
 * Czech files use `;` and decimal commas (what their Excel expects), English ones `,` and points.
 */
export function statsCsv(f: Figures, t: Translate, lang: Lang): string {
  const tables = statsTables(f, t, lang, (iso) => iso);
  const records: CsvCell[][] = [[t('stats.title'), f.period.from, f.period.to, f.timeZone], []];
  for (const x of [
    tables.perDay,
    tables.perService,
    tables.capacity,
    tables.outcomes,
    tables.durations,
    tables.ratings,
    tables.comments,
    tables.signIns,
    tables.citizenSignIns,
    tables.citizenProviders,
    tables.citizenDetail,
    tables.users,
    feesTable(f, t, lang, true),
  ]) {
    if (!x) continue;
    records.push(
      [x.title],
      x.columns.map((c) => c.label),
      ...x.rows.map((r) => x.columns.map((c) => r[c.key])),
      [],
    );
  }
  return lang === 'en' ? toCsv(records, { delimiter: ',' }) : toCsv(records);
}

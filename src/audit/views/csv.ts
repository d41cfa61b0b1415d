import { toCsv } from '../../lib/csv.ts';
import type { AuditRow } from '../repo.ts';
import { actionLabel, actorLabel, objectLabel } from './audit-log.ts';
import { detailLines, type DetailContext } from './detail.ts';
import { dateFormat } from '../../views/dates.ts';

/**
 * The entries of a search as CSV, headed in the page's language, times in the organisation's
 * zone. The code, object type and id and the raw detail (JSON) sit beside their readable forms
 * (rendered as on the page), so a spreadsheet can filter on them. `;` and decimal commas for
 * sl/cs, `,` for en, as the statistics' CSV.
 */
export function auditCsv(rows: readonly AuditRow[], c: DetailContext): string {
  const { t, lang } = c;
  const when = dateFormat(lang, c.timeZone, 'shortSeconds');
  const header = [
    t('audit.col.when'),
    t('audit.col.who'),
    t('audit.col.where'),
    t('audit.col.what'),
    t('audit.col.code'),
    t('audit.col.object'),
    t('audit.object'),
    t('audit.col.summary'),
    t('audit.col.detail'),
    t('audit.col.detail_readable'),
  ];
  const records = rows.map((r) => [
    when.format(r.at),
    actorLabel(t, r),
    r.actorIp,
    actionLabel(t, r.action),
    r.action,
    r.objectType,
    r.objectId,
    r.summary,
    JSON.stringify(r.detail),
    [objectLabel(t, r, c.names), ...detailLines(c, r.detail)].join('; '),
  ]);
  return toCsv([header, ...records], lang === 'en' ? { delimiter: ',' } : {});
}

import { localeOf, type Lang, type Translate } from '../../i18n/i18n.ts';
import { toCsv } from '../../stats/csv.ts';
import type { AuditRow } from '../repo.ts';
import { actionLabel, actorLabel } from './audit-log.ts';

/**
 * The entries of a search as CSV, headed in the page's language, times in the organisation's
 * zone. The code and the raw detail (JSON) sit beside their readable forms, so a spreadsheet can
 * filter on them. `;` and decimal commas for sl/cs, `,` for en, as the statistics' CSV.
 */
export function auditCsv(rows: readonly AuditRow[], timeZone: string, t: Translate, lang: Lang): string {
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const header = [t('audit.col.when'), t('audit.col.who'), t('audit.col.where'), t('audit.col.what'), t('audit.col.code'), t('audit.col.object'), t('audit.object'), t('audit.col.summary'), t('audit.col.detail')];
  const records = rows.map((r) => [when.format(r.at), actorLabel(t, r), r.actorIp, actionLabel(t, r.action), r.action, r.objectType, r.objectId, r.summary, JSON.stringify(r.detail)]);
  return toCsv([header, ...records], lang === 'en' ? { delimiter: ',' } : {});
}

// The bank statements page (decision 046): the upload form, the report of the import just made,
// and the statements imported before. The form is a plain multipart form: no JavaScript needed.
import type { Page, PageContext } from '../../../http/page.ts';
import { dateFormat } from '../../../views/dates.ts';
import { html, type Html } from '../../../views/html.ts';
import type { LineError } from '../lines.ts';
import type { StatementRow } from '../repo.ts';
import type { ImportCounts, ImportReport } from '../report.ts';
import { calendarDay, money, STATEMENTS_PATH, UNMATCHED_PATH } from './common.ts';

/** A file that is not a statement at all can refuse every line; the first ones say enough. */
const SHOWN_ERRORS = 500;

/** What the page shows: the list, and after a POST the report or the upload's own problem. */
export type ImportPageData = {
  statements: StatementRow[];
  timeZone: string;
  report: ImportReport | null;
  /** The upload itself failed (no file, too large): shown beside the field. */
  uploadError: string | null;
};

function refusedLine(ctx: PageContext, format: 'abo' | 'camt053' | null, e: LineError): Html {
  const problem = ctx.t(`statements.problem.${e.problem}`);
  const key =
    e.line === 0
      ? 'statements.refused.file'
      : format === 'camt053'
        ? 'statements.refused.entry'
        : 'statements.refused.line';
  return html`<li>${ctx.t(key, { line: e.line, problem })}${e.detail ? html` <code>${e.detail}</code>` : ''}</li>`;
}

function countRows(ctx: PageContext, c: ImportCounts): Html {
  const { t } = ctx;
  const row = (label: string, n: number, extra: Html = html``) =>
    html`<tr><th scope="row">${label}${extra}</th><td class="number">${n}</td></tr>`;
  const unmatched = Object.values(c.unmatched).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(c.unmatched).filter(([, n]) => n > 0);
  const reasonList = reasons.length
    ? html`<ul>${reasons.map(([r, n]) => html`<li>${n} ${t(`statements.reason.${r as keyof ImportCounts['unmatched']}`)}</li>`)}</ul>`
    : html``;
  return html`${row(t('statements.report.lines'), c.lines)}${row(t('statements.report.credits'), c.credits)}
${row(t('statements.report.exact'), c.matched.exact)}${row(t('statements.report.partial'), c.matched.partial)}
${row(t('statements.report.over'), c.matched.over)}${row(t('statements.report.unmatched'), unmatched, reasonList)}
${row(t('statements.report.already_known'), c.alreadyKnown)}${row(t('statements.report.debits'), c.debits)}
${row(t('statements.report.reversals'), c.reversals)}`;
}

function reportSection(ctx: PageContext, report: ImportReport, timeZone: string): Html {
  const { t } = ctx;
  if (report.outcome === 'already_imported') {
    const when = dateFormat(ctx.lang, timeZone, 'short').format(report.importedAt);
    return html`<div class="notice" role="status"><p>${t('statements.already', { when })}</p></div>`;
  }
  if (report.outcome === 'other_account')
    return html`<div class="error-summary" role="alert" aria-labelledby="refused-title" tabindex="-1">
<h2 id="refused-title">${t('statements.refused.title')}</h2>
<p>${t('statements.report.other_account', { account: report.account, iban: report.iban })}</p></div>`;
  if (report.outcome === 'refused')
    return html`<div class="error-summary" role="alert" aria-labelledby="refused-title" tabindex="-1">
<h2 id="refused-title">${t('statements.refused.title')}</h2><p>${t('statements.refused.intro')}</p>
<ul>${report.errors.slice(0, SHOWN_ERRORS).map((e) => refusedLine(ctx, report.format, e))}${report.errors.length > SHOWN_ERRORS ? html`<li>…</li>` : ''}</ul></div>`;
  const reversals = report.reversals.length
    ? html`<ul>${report.reversals.map((r) => html`<li>${t('statements.report.reversal_line', { line: r.source, amount: money(ctx, r.amountMinor, r.currency) })}</li>`)}</ul>`
    : html``;
  return html`<section class="notice" role="status" aria-labelledby="report-title">
<h2 id="report-title">${t('statements.report.title')}</h2>
<p>${t('statements.report.done', { number: report.statementNumber ?? '—', account: report.account })}</p>
<div class="table-wrap"><table><caption class="visually-hidden">${t('statements.report.title')}</caption>
<tbody>${countRows(ctx, report.counts)}</tbody></table></div>${reversals}
<p><a href="${UNMATCHED_PATH}">${t('statements.unmatched_link')}</a></p></section>`;
}

function statementsTable(ctx: PageContext, data: ImportPageData): Html {
  const { t } = ctx;
  if (!data.statements.length) return html`<p>${t('statements.list.empty')}</p>`;
  const when = (d: Date) => dateFormat(ctx.lang, data.timeZone, 'short').format(d);
  return html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('statements.list.title')}</caption>
<thead><tr><th scope="col">${t('statements.col.statement')}</th><th scope="col">${t('statements.col.account')}</th><th scope="col">${t('statements.col.file')}</th><th scope="col">${t('statements.col.imported')}</th><th scope="col">${t('statements.col.credits')}</th><th scope="col">${t('statements.col.matched')}</th></tr></thead>
<tbody>${data.statements.map(
    (
      s,
    ) => html`<tr><th scope="row">${s.statementNumber ?? '—'}${s.statementDate ? html`<br>${calendarDay(ctx, s.statementDate)}` : ''}</th>
<td><code>${s.account}</code></td><td>${s.fileName}</td><td>${when(s.importedAt)}${s.importedBy ? html`<br>${s.importedBy}` : ''}</td>
<td class="number">${s.credits}</td><td class="number">${s.matched}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The statements page. */
export function importPage(ctx: PageContext, data: ImportPageData): Page {
  const { t } = ctx;
  const action = `${STATEMENTS_PATH}?_csrf=${encodeURIComponent(ctx.csrfToken())}`;
  const error = data.uploadError;
  return {
    title: t('statements.title'),
    body: html`${error ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1"><h2 id="error-summary-title">${t('form.error_summary')}</h2><ul><li><a href="#file">${error}</a></li></ul></div>` : ''}
<h1>${t('statements.title')}</h1>
<p class="lead">${t('statements.intro')}</p>
<p><a href="${UNMATCHED_PATH}">${t('statements.unmatched_link')}</a></p>
${data.report ? reportSection(ctx, data.report, data.timeZone) : ''}
<h2>${t('statements.upload.title')}</h2>
<form method="post" action="${action}" enctype="multipart/form-data" class="stack" novalidate>
  <div class="${error ? 'field-error' : ''}"><label for="file">${t('statements.upload.field')} <span class="hint" id="file-hint">${t('statements.upload.hint')}</span></label>
  ${error ? html`<span class="error-message" id="file-error">${error}</span>` : ''}
  <input type="file" id="file" name="file" accept=".gpc,.abo,.txt,.xml,text/plain,application/xml,text/xml" required aria-describedby="file-hint${error ? ' file-error' : ''}"${error ? html` aria-invalid="true"` : ''}></div>
  <div><button type="submit">${t('statements.upload.submit')}</button></div>
</form>
<h2>${t('statements.list.title')}</h2>
${statementsTable(ctx, data)}`,
  };
}

// The CSV import's page: what the file must hold, the upload form, and the last import's report.
import type { Page, PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { IMPORT_COLUMNS, type ImportReport } from '../import.ts';
import { FEES_PATH } from './common.ts';

const COLUMN_TEXT: Record<(typeof IMPORT_COLUMNS)[number], MessageKey> = {
  vs: 'fees.import.col.vs',
  payer: 'fees.import.col.payer',
  fee: 'fees.import.col.fee',
  period: 'fees.import.col.period',
  amount: 'fees.import.col.amount',
  due: 'fees.import.col.due',
  subject: 'fees.import.col.subject',
  birth_number: 'fees.import.col.birth_number',
  email: 'fees.import.col.email',
};

function report(ctx: PageContext, r: ImportReport): Html {
  const { t } = ctx;
  const summary = t('fees.import.result', {
    imported: String(r.imported.length),
    refused: String(r.refused.length),
  });
  return html`<div class="notice" role="status"><p>${summary}</p></div>
${
  r.refused.length
    ? html`<h2>${t('fees.import.refused')}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${t('fees.col.line')}</th><th scope="col">${t('fees.col.reason')}</th></tr></thead>
<tbody>${r.refused.map((x) => html`<tr><th scope="row">${String(x.line)}</th><td>${x.reasons.map((k) => t(k)).join(' ')}</td></tr>`)}</tbody>
</table></div>`
    : ''
}`;
}

/** The import form, and the report of the file just imported (when there is one). */
export function importPage(
  ctx: PageContext,
  data: { report: ImportReport | null; errors: FieldErrors },
): Page {
  const { t } = ctx;
  const error = data.errors.file;
  return {
    title: t('fees.import.title'),
    body: html`${errorSummary(t, data.errors)}
<p><a href="${FEES_PATH}">${t('fees.link.back')}</a></p>
<h1>${t('fees.import.title')}</h1>
${data.report ? report(ctx, data.report) : ''}
<p>${t('fees.import.intro')}</p>
<h2>${t('fees.import.columns')}</h2>
<ul>${IMPORT_COLUMNS.map((c) => html`<li><code>${c}</code> ${t(COLUMN_TEXT[c]).replace(/^\S+ /, '')}</li>`)}</ul>
<form method="post" action="${FEES_PATH}/import?_csrf=${ctx.csrfToken()}" enctype="multipart/form-data" class="stack" novalidate>${csrfField(ctx)}
  <div class="${error ? 'field-error' : ''}"><label for="file">${t('fees.field.file')}</label>
  ${error ? html`<span class="error-message" id="file-error">${error}</span>` : ''}
  <input type="file" id="file" name="file" accept=".csv,text/csv" required${error ? html` aria-invalid="true" aria-describedby="file-error"` : ''}></div>
  <div><button type="submit">${t('fees.import.submit')}</button></div>
</form>`,
  };
}

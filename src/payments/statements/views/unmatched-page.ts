// The unmatched payments (decision 046): each with what the bank said about it and a form to
// assign it to a fee by the fee's variable symbol. A wrong symbol re-renders the page with the
// typed value and the error beside that payment's field.
import type { Page, PageContext } from '../../../http/page.ts';
import { errorSummary } from '../../../views/form.ts';
import { html, type Html } from '../../../views/html.ts';
import { csrfField } from '../../../views/layout.ts';
import type { UnmatchedRow } from '../repo.ts';
import { calendarDay, money, STATEMENTS_PATH, UNMATCHED_PATH } from './common.ts';

/** The page's data: the payments, and after a refused assignment the typed value and its error. */
export type UnmatchedPageData = {
  rows: UnmatchedRow[];
  typed: { paymentId: string; variableSymbol: string; error: string } | null;
  /** The variable symbol a payment was just assigned to. */
  done: string | null;
};

function symbols(ctx: PageContext, p: UnmatchedRow): string {
  const none = ctx.t('statements.unmatched.none');
  return ctx.t('statements.unmatched.symbol_list', {
    vs: p.variableSymbol ?? none,
    ks: p.constantSymbol ?? none,
    ss: p.specificSymbol ?? none,
  });
}

function assignForm(ctx: PageContext, p: UnmatchedRow, typed: UnmatchedPageData['typed']): Html {
  const { t } = ctx;
  const id = `vs-${p.id}`;
  const mine = typed?.paymentId === p.id ? typed : null;
  // The row's day and amount describe the field and the button: no hidden text inside the
  // scrolling table (absolutely placed, it would widen the page on a phone).
  const about = `amount-${p.id} day-${p.id}`;
  return html`<form method="post" action="${UNMATCHED_PATH}/${p.id}/assign" class="inline-form" novalidate>${csrfField(ctx)}
<div class="${mine ? 'field-error' : ''}"><label for="${id}">${t('statements.assign.field')}</label>
${mine ? html`<span class="error-message" id="${id}-error">${mine.error}</span>` : ''}
<input type="text" id="${id}" name="variableSymbol" value="${mine?.variableSymbol ?? ''}" inputmode="numeric" autocomplete="off" maxlength="10" size="12" aria-describedby="${mine ? `${id}-error ` : ''}${about}"${mine ? html` aria-invalid="true"` : ''}></div>
<button type="submit" aria-describedby="${about}">${t('statements.assign.submit')}</button></form>`;
}

function paymentRow(ctx: PageContext, p: UnmatchedRow, typed: UnmatchedPageData['typed']): Html {
  const payer = [p.counterName, p.counterAccount].filter((x) => x !== null).join(', ');
  return html`<tr><th scope="row" id="day-${p.id}">${calendarDay(ctx, p.receivedOn)}</th>
<td class="number" id="amount-${p.id}">${money(ctx, p.amountMinor, p.currency)}</td>
<td>${payer || ctx.t('statements.unmatched.none')}</td><td>${symbols(ctx, p)}</td>
<td>${p.message ?? ''}</td><td>${assignForm(ctx, p, typed)}</td></tr>`;
}

/** The unmatched payments page. */
export function unmatchedPage(ctx: PageContext, data: UnmatchedPageData): Page {
  const { t } = ctx;
  const errors = data.typed ? { [`vs-${data.typed.paymentId}`]: data.typed.error } : {};
  const done = data.done
    ? html`<div class="notice" role="status"><p>${t('statements.assign.done', { vs: data.done })}</p></div>`
    : html``;
  const table = data.rows.length
    ? html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('statements.unmatched.title')}</caption>
<thead><tr><th scope="col">${t('statements.col.received')}</th><th scope="col">${t('statements.col.amount')}</th><th scope="col">${t('statements.unmatched.payer')}</th><th scope="col">${t('statements.unmatched.symbols')}</th><th scope="col">${t('statements.unmatched.message')}</th><th scope="col">${t('statements.assign.submit')}</th></tr></thead>
<tbody>${data.rows.map((p) => paymentRow(ctx, p, data.typed))}</tbody></table></div>`
    : html`<p>${t('statements.unmatched.empty')}</p>`;
  return {
    title: t('statements.unmatched.title'),
    body: html`${errorSummary(t, errors)}${done}<h1>${t('statements.unmatched.title')}</h1>
<p class="lead">${t('statements.unmatched.intro')}</p>
${table}
<p><a href="${STATEMENTS_PATH}">${t('statements.back')}</a></p>`,
  };
}

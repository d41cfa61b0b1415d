// The register's list and one obligation's page (staff, server-rendered, no script).
import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { input, select, type Values } from '../../views/admin-form.ts';
import { dateOf, stampOf } from '../../views/dates.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import type { StandingName } from '../domain.ts';
import type { FeeRegister } from '../service.ts';
import { FEES_PATH, feesLinks, money, notice, standingTag } from './common.ts';

type Listing = Awaited<ReturnType<FeeRegister['list']>>;
type FeeTypes = Awaited<ReturnType<FeeRegister['feeTypes']>>;
type Detail = Awaited<ReturnType<FeeRegister['detail']>>;

export const STANDINGS: StandingName[] = [
  'due',
  'overdue',
  'partly_paid',
  'paid',
  'overpaid',
  'cancelled',
];

function filterForm(ctx: PageContext, types: FeeTypes, values: Values): Html {
  const { t, lang } = ctx;
  const all = { value: '', label: t('fees.filter.all') };
  return html`<form method="get" action="${FEES_PATH}" class="agenda-filter" role="search" aria-label="${t('fees.filter.legend')}">
  ${select({ name: 'standing', label: t('fees.filter.standing'), values, errors: {}, options: [all, ...STANDINGS.map((s) => ({ value: s, label: t(`fees.standing.${s}` as MessageKey) }))] })}
  ${select({ name: 'fee', label: t('fees.filter.fee_type'), values, errors: {}, options: [all, ...types.map((f) => ({ value: f.id, label: localize(f.name, lang) }))] })}
  ${input({ name: 'q', label: t('fees.filter.q'), values, errors: {}, type: 'text', autocomplete: 'off' })}
  <div><button type="submit">${t('fees.filter.submit')}</button></div>
</form>`;
}

function listTable(ctx: PageContext, data: Listing, currency: string): Html {
  const { t, lang } = ctx;
  if (!data.rows.length) return html`<p>${t('fees.list.empty')}</p>`;
  const m = (minor: number) => money(ctx, minor, currency);
  return html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('fees.list.caption')}</caption>
<thead><tr><th scope="col">${t('fees.col.symbol')}</th><th scope="col">${t('fees.col.payer')}</th><th scope="col">${t('fees.col.fee')}</th><th scope="col">${t('fees.col.period')}</th><th scope="col" class="num">${t('fees.col.amount')}</th><th scope="col" class="num">${t('fees.col.due')}</th><th scope="col" class="num">${t('fees.col.arrears')}</th><th scope="col">${t('fees.col.due_date')}</th><th scope="col">${t('fees.col.standing')}</th></tr></thead>
<tbody>${data.rows.map(
    (r) => html`<tr>
  <th scope="row"><a href="${FEES_PATH}/obligations/${r.id}">${r.variableSymbol}</a></th>
  <td>${r.payerName}</td><td>${localize(r.feeName, lang)}</td><td>${r.period}</td>
  <td class="num">${m(r.amountMinor)}</td><td class="num">${m(r.standing.dueMinor)}</td>
  <td class="num">${r.standing.arrearsMinor ? m(r.standing.arrearsMinor) : '–'}</td>
  <td>${dateOf(r.dueDate, lang)}</td><td>${standingTag(ctx, r.standing.standing)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** The register: filters, the sums of all that match, and the newest obligations. */
export function registerPage(
  ctx: PageContext,
  data: Listing & { types: FeeTypes; currency: string; values: Values },
): Page {
  const { t } = ctx;
  const m = (minor: number) => money(ctx, minor, data.currency);
  const s = data.totals;
  return {
    title: t('fees.title'),
    body: html`<h1>${t('fees.title')}</h1>
<p class="lead">${t('fees.intro')}</p>
${feesLinks(ctx)}
${filterForm(ctx, data.types, data.values)}
<p role="status">${t('fees.totals', { count: String(s.count), amount: m(s.amountMinor), paid: m(s.paidMinor), due: m(s.dueMinor), arrears: m(s.arrearsMinor) })}</p>
${listTable(ctx, data, data.currency)}
${s.count > data.rows.length ? html`<p class="muted">${t('fees.list.limited', { limit: String(data.limit) })}</p>` : ''}`,
  };
}

function facts(ctx: PageContext, d: Detail): Html {
  const { t, lang } = ctx;
  const o = d.obligation;
  const s = d.standing;
  const m = (minor: number) => money(ctx, minor, o.currency);
  const row = (label: string, value: Html | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<h2>${t('fees.detail.facts')}</h2><dl class="facts">
  ${row(t('fees.col.standing'), standingTag(ctx, s.standing))}
  ${row(t('fees.field.fee_type'), localize(o.feeName, lang))}
  ${row(t('fees.field.payer_name'), o.payerName)}
  ${o.subject ? row(t('fees.field.subject'), o.subject) : ''}
  ${row(t('fees.field.period'), o.period)}
  ${row(t('fees.col.amount'), m(o.amountMinor))}
  ${row(t('fees.col.paid'), m(s.paidMinor))}
  ${row(t('fees.col.due'), m(s.dueMinor))}
  ${s.arrearsMinor ? row(t('fees.col.arrears'), m(s.arrearsMinor)) : ''}
  ${s.overpaidMinor ? row(t('fees.col.overpaid'), m(s.overpaidMinor)) : ''}
  ${row(t('fees.field.birth_number'), t(o.hasBirthNumber ? 'fees.detail.birth_number_known' : 'fees.detail.birth_number_unknown'))}
  ${o.payerEmail ? row(t('fees.field.email'), o.payerEmail) : ''}
  ${row(t('fees.field.source'), t(`fees.source.${o.source}` as MessageKey))}
  ${o.citizenAccountId ? row(t('fees.col.payer'), t('fees.detail.account')) : ''}
</dl>`;
}

function instalmentTable(ctx: PageContext, d: Detail): Html {
  const { t, lang } = ctx;
  return html`<h2>${t('fees.detail.instalments')}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${t('fees.col.seq')}</th><th scope="col">${t('fees.col.due_date')}</th><th scope="col" class="num">${t('fees.col.amount')}</th></tr></thead>
<tbody>${d.instalments.map((i) => html`<tr><th scope="row">${String(i.seq)}</th><td>${dateOf(i.dueDate, lang)}</td><td class="num">${money(ctx, i.amountMinor, d.obligation.currency)}</td></tr>`)}</tbody>
</table></div>`;
}

function paymentTable(ctx: PageContext, d: Detail, timeZone: string): Html {
  const { t, lang } = ctx;
  if (!d.payments.length)
    return html`<h2>${t('fees.detail.payments')}</h2><p>${t('fees.detail.no_payments')}</p>`;
  return html`<h2>${t('fees.detail.payments')}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${t('fees.col.received_on')}</th><th scope="col">${t('fees.col.method')}</th><th scope="col" class="num">${t('fees.col.amount')}</th><th scope="col">${t('fees.col.recorded_by')}</th><th scope="col">${t('fees.col.receipt')}</th></tr></thead>
<tbody>${d.payments.map((p) => html`<tr><th scope="row">${dateOf(p.receivedOn, lang)}</th><td>${t(`fees.method.${p.method}` as MessageKey)}</td><td class="num">${money(ctx, p.amountMinor, p.currency)}</td><td>${p.recordedBy ?? '–'} (${stampOf(p.recordedAt, timeZone, lang)})</td><td><a href="/staff/admin/fees/payments/${p.id}/receipt.pdf" download>${t('fees.detail.receipt_link')}</a></td></tr>`)}</tbody>
</table></div>`;
}

function cashForm(ctx: PageContext, d: Detail, values: Values, errors: FieldErrors): Html {
  const { t } = ctx;
  return html`<h2 id="cash">${t('fees.cash.title')}</h2>
<form method="post" action="${FEES_PATH}/obligations/${d.obligation.id}/cash" class="stack" novalidate aria-labelledby="cash">${csrfField(ctx)}
  ${input({ name: 'amount', label: t('fees.field.amount'), hint: t('fees.hint.amount'), values, errors, inputmode: 'decimal', autocomplete: 'off', required: true })}
  ${input({ name: 'receivedOn', label: t('fees.field.received_on'), hint: t('fees.hint.date'), values, errors, autocomplete: 'off', required: true })}
  <div><button type="submit">${t('fees.cash.submit')}</button></div>
</form>`;
}

function cancelForm(ctx: PageContext, d: Detail): Html {
  const { t } = ctx;
  return html`<h2 id="cancel">${t('fees.cancel.title')}</h2><p>${t('fees.cancel.text')}</p>
<form method="post" action="${FEES_PATH}/obligations/${d.obligation.id}/cancel" aria-labelledby="cancel">${csrfField(ctx)}
  <button type="submit" class="danger">${t('fees.cancel.submit')}</button>
</form>`;
}

/** One obligation: its facts and standing, instalments, payments, and what staff may do next. */
export function obligationPage(
  ctx: PageContext,
  d: Detail & {
    timeZone: string;
    done: string | null;
    values: Values;
    errors: Record<string, string>;
  },
): Page {
  const { t, lang } = ctx;
  const title = t('fees.detail.title', { symbol: d.obligation.variableSymbol });
  const cancelled = d.obligation.cancelledAt;
  return {
    title,
    body: html`${errorSummary(t, d.errors)}${notice(d.done)}
<p><a href="${FEES_PATH}">${t('fees.link.back')}</a></p>
<h1>${title}</h1>
${cancelled ? html`<p class="notice">${t('fees.detail.cancelled', { when: stampOf(cancelled, d.timeZone, lang) })}</p>` : ''}
${facts(ctx, d)}
${instalmentTable(ctx, d)}
${paymentTable(ctx, d, d.timeZone)}
${cancelled ? '' : html`${cashForm(ctx, d, d.values, d.errors)}${cancelForm(ctx, d)}`}`,
  };
}

// The payment page: one obligation as its payer sees it, reached by a payment link (/pay/{token})
// or from the account (/account/fees/{id}). The bank QR block and the card button come from
// their own modules (payments/qr, payments/gateway).
import type { Page, PageContext } from '../../../http/page.ts';
import { localize } from '../../../i18n/i18n.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { formatWhen } from '../../../views/dates.ts';
import { html, type Html } from '../../../views/html.ts';
import { isPayable } from '../domain.ts';
import type { PayView } from '../service.ts';
import { dayText, moneyText } from './text.ts';

/** How a page was reached: by a payment link (its token) or from the signed-in account. */
export type PayAccess = { token: string; expiresAt: Date } | { accountId: string };

/** The page's payment parts, drawn before the page: the bank QR block and the card button. */
export type PayParts = { bankQr: Html | null; cardButton: Html | null };

const STANDING_KEY = {
  due: 'pay.standing.due',
  overdue: 'pay.standing.overdue',
  partly_paid: 'pay.standing.partly_paid',
  paid: 'pay.standing.paid',
  overpaid: 'pay.standing.overpaid',
  cancelled: 'pay.standing.cancelled',
} as const;

const METHOD_KEY = {
  bank: 'pay.method.bank',
  card: 'pay.method.card',
  cash: 'pay.method.cash',
} as const;

/** A standing in words, as a tag ("Po splatnosti"). */
export function standingTag(ctx: PageContext, view: PayView): Html {
  const s = view.standing.standing;
  return html`<span class="tag tag-${s}">${ctx.t(STANDING_KEY[s])}</span>`;
}

/** The fee's name in the reader's language. */
export function feeName(ctx: PageContext, view: PayView): string {
  return localize(view.obligation.feeName, ctx.lang, view.organisation.defaultLanguage);
}

function facts(ctx: PageContext, view: PayView): Html {
  const { t, lang } = ctx;
  const o = view.obligation;
  const s = view.standing;
  const money = (minor: number) => moneyText(minor, o.currency, lang);
  const orgName = localize(view.organisation.name, lang, view.organisation.defaultLanguage);
  return html`<dl class="facts">
  <dt>${t('pay.fact.standing')}</dt><dd>${standingTag(ctx, view)}</dd>
  <dt>${t('pay.fact.organisation')}</dt><dd>${orgName}</dd>
  <dt>${t('pay.fact.fee')}</dt><dd>${feeName(ctx, view)}</dd>
  ${o.subject ? html`<dt>${t('pay.fact.subject')}</dt><dd>${o.subject}</dd>` : ''}
  <dt>${t('pay.fact.period')}</dt><dd>${o.period}</dd>
  <dt>${t('pay.fact.payer')}</dt><dd>${o.payerName}</dd>
  <dt>${t('pay.fact.vs')}</dt><dd>${o.variableSymbol}</dd>
  <dt>${t('pay.fact.amount')}</dt><dd>${money(s.amountMinor)}</dd>
  ${s.paidMinor > 0 ? html`<dt>${t('pay.fact.paid')}</dt><dd>${money(s.paidMinor)}</dd>` : ''}
  <dt>${t('pay.fact.due')}</dt><dd><strong>${money(s.dueMinor)}</strong></dd>
  ${s.arrearsMinor > 0 ? html`<dt>${t('pay.fact.arrears')}</dt><dd><strong>${money(s.arrearsMinor)}</strong></dd>` : ''}
  ${isPayable(s) ? html`<dt>${t('pay.fact.due_date')}</dt><dd>${dayText(s.nextDueDate ?? o.dueDate, lang)}</dd>` : ''}
</dl>`;
}

function instalments(ctx: PageContext, view: PayView): Html {
  const { t, lang } = ctx;
  if (view.instalments.length < 2) return html``;
  return html`<h2 id="instalments">${t('pay.instalments.title')}</h2>
<div class="table-wrap" role="region" aria-labelledby="instalments" tabindex="0"><table aria-labelledby="instalments">
<thead><tr><th scope="col">${t('pay.instalments.seq')}</th><th scope="col">${t('pay.instalments.due_date')}</th><th scope="col" class="num">${t('pay.instalments.amount')}</th></tr></thead>
<tbody>${view.instalments.map(
    (i) =>
      html`<tr><th scope="row">${i.seq}</th><td>${dayText(i.dueDate, lang)}</td><td class="num">${moneyText(i.amountMinor, view.obligation.currency, lang)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** Where the payer downloads a payment's receipt: through the token's page, or their account's (receipt-routes.ts). */
function receiptHref(view: PayView, access: PayAccess, paymentId: string): string {
  const base = 'token' in access ? `/pay/${access.token}` : `/account/fees/${view.obligation.id}`;
  return `${base}/payments/${paymentId}/receipt.pdf`;
}

function payments(ctx: PageContext, view: PayView, access: PayAccess): Html {
  const { t, lang } = ctx;
  if (view.payments.length === 0) return html``;
  return html`<h2 id="payments">${t('pay.payments.title')}</h2>
<div class="table-wrap" role="region" aria-labelledby="payments" tabindex="0"><table aria-labelledby="payments">
<thead><tr><th scope="col">${t('pay.payments.date')}</th><th scope="col">${t('pay.payments.method')}</th><th scope="col" class="num">${t('pay.payments.amount')}</th><th scope="col">${t('pay.payments.receipt')}</th></tr></thead>
<tbody>${view.payments.map(
    (p) =>
      html`<tr><td>${dayText(p.receivedOn, lang)}</td><td>${t(METHOD_KEY[p.method])}</td><td class="num">${moneyText(p.amountMinor, p.currency, lang)}</td><td><a href="${receiptHref(view, access, p.id)}" download>${t('pay.payments.receipt_link')}</a></td></tr>`,
  )}</tbody></table></div>`;
}

function howToPay(ctx: PageContext, view: PayView, parts: PayParts): Html {
  const { t } = ctx;
  if (view.standing.standing === 'cancelled')
    return html`<p class="notice">${t('pay.cancelled')}</p>`;
  if (!isPayable(view.standing)) return html`<p class="notice">${t('pay.nothing_due')}</p>`;
  return html`${parts.cardButton ? html`<section aria-labelledby="pay-card"><h2 id="pay-card">${t('pay.card.title')}</h2>${parts.cardButton}</section>` : ''}
${parts.bankQr ?? ''}`;
}

/** The payment page of one obligation, with its payment parts drawn. */
export function payPage(
  ctx: PageContext,
  data: { view: PayView; access: PayAccess; parts: PayParts },
): Page {
  const { t, lang } = ctx;
  const { view, access } = data;
  const o = view.obligation;
  return {
    title: `${t('pay.page.title')}: ${feeName(ctx, view)}`,
    body: html`${'accountId' in access ? html`<p><a href="/account#account-fees">${t('pay.account.back')}</a></p>` : ''}
<h1>${t('pay.page.title')}</h1>
<p class="lead">${t('pay.page.for', { fee: feeName(ctx, view), period: o.period })}</p>
${facts(ctx, view)}
${howToPay(ctx, view, data.parts)}
${instalments(ctx, view)}
${payments(ctx, view, access)}
${
  'token' in access
    ? html`<p class="muted">${t('pay.link_until', { until: formatWhen(access.expiresAt, view.organisation.timeZone, lang) })}</p>`
    : ''
}`,
  };
}

/** An expired payment link: said plainly, with the way to a new one. */
export function expiredPage(ctx: PageContext, organisation: Organisation): Page {
  const { t } = ctx;
  return {
    title: t('pay.expired.title'),
    body: html`<h1>${t('pay.expired.title')}</h1>
<p>${t('pay.expired.text')}</p>
<p><a class="button" href="/o/${organisation.slug}/pay">${t('pay.expired.again')}</a></p>`,
  };
}

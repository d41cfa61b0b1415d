// The account's "Fees" section: the signed-in person's obligations grouped overdue, to pay and
// paid, with the arrears, each linking to its payment page; then their payments.
import type { AccountSection } from '../../../citizens/sections.ts';
import type { PageContext } from '../../../http/page.ts';
import { html, type Html } from '../../../views/html.ts';
import { ACCOUNT_GROUPS, type AccountGroup } from '../domain.ts';
import type { PayService, PayView } from '../service.ts';
import { feeName, standingTag } from './pay.ts';
import { dayText, moneyText } from './text.ts';

function item(ctx: PageContext, view: PayView): Html {
  const { t, lang } = ctx;
  const o = view.obligation;
  const s = view.standing;
  const money = (minor: number) => moneyText(minor, o.currency, lang);
  const fee = feeName(ctx, view);
  return html`<li class="card"><h4><a href="/account/fees/${o.id}">${t('pay.page.for', { fee, period: o.period })}</a></h4>
${o.subject ? html`<p>${o.subject}</p>` : ''}
<p>${standingTag(ctx, view)}</p>
${s.arrearsMinor > 0 ? html`<p><strong>${t('pay.account.arrears', { amount: money(s.arrearsMinor) })}</strong></p>` : ''}
${
  s.dueMinor > 0
    ? html`<p>${t('pay.account.left', { amount: money(s.dueMinor), date: dayText(s.nextDueDate ?? o.dueDate, lang) })}</p>`
    : html`<p>${t('pay.account.paid', { amount: money(s.paidMinor) })}</p>`
}
<p><a href="/account/fees/${o.id}">${t('pay.account.open', { fee })}</a></p></li>`;
}

function group(ctx: PageContext, name: AccountGroup, views: readonly PayView[]): Html {
  if (views.length === 0) return html``;
  return html`<h3 id="fees-${name}">${ctx.t(`pay.account.group.${name}`)}</h3>
<ul class="cards" aria-labelledby="fees-${name}">${views.map((v) => item(ctx, v))}</ul>`;
}

function paymentsTable(ctx: PageContext, views: readonly PayView[]): Html {
  const { t, lang } = ctx;
  const rows = views.flatMap((v) => v.payments.map((p) => ({ v, p })));
  if (rows.length === 0) return html``;
  rows.sort((a, b) => b.p.receivedOn.localeCompare(a.p.receivedOn));
  return html`<h3 id="fees-payments">${t('pay.account.payments')}</h3>
<div class="table-wrap" role="region" aria-labelledby="fees-payments" tabindex="0"><table aria-labelledby="fees-payments">
<thead><tr><th scope="col">${t('pay.payments.date')}</th><th scope="col">${t('pay.account.payment_fee')}</th><th scope="col">${t('pay.payments.method')}</th><th scope="col" class="num">${t('pay.payments.amount')}</th><th scope="col">${t('pay.payments.receipt')}</th></tr></thead>
<tbody>${rows.map(
    ({ v, p }) =>
      html`<tr><td>${dayText(p.receivedOn, lang)}</td><td>${t('pay.page.for', { fee: feeName(ctx, v), period: v.obligation.period })}</td><td>${t(`pay.method.${p.method}`)}</td><td class="num">${moneyText(p.amountMinor, p.currency, lang)}</td><td><a href="/account/fees/${v.obligation.id}/payments/${p.id}/receipt.pdf" download>${t('pay.payments.receipt_link')}</a></td></tr>`,
  )}</tbody></table></div>`;
}

/** The account page's "Fees" section (registered in services.ts). */
export function feesAccountSection(pay: Pick<PayService, 'accountFees'>): AccountSection {
  return {
    id: 'fees',
    order: 27,
    async render({ citizen, ctx }) {
      const { t } = ctx;
      const groups = await pay.accountFees(citizen.accountId);
      const all = ACCOUNT_GROUPS.flatMap((g) => groups[g]);
      return html`<section aria-labelledby="account-fees">
<h2 id="account-fees">${t('pay.account.title')}</h2>
${
  all.length === 0
    ? html`<p>${t('pay.account.empty')}</p>`
    : html`<p>${t('pay.account.lead')}</p>
${ACCOUNT_GROUPS.map((g) => group(ctx, g, groups[g]))}
${paymentsTable(ctx, all)}`
}
</section>`;
    },
  };
}

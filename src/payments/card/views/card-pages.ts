// The card payment's pages: the button the pay page shows, the page that sends the browser on to
// the gateway, and the result. No JavaScript; the way out is a meta refresh with a link, because
// a 303 answering a form's POST with another origin is blocked by our CSP's form-action 'self'
// (decision 004; eid/views/leaving.ts found it first).
import type { Page, PageContext } from '../../../http/page.ts';
import type { MessageKey } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { formatMoney } from '../../../views/money.ts';
import type { CardPaymentState } from '../domain.ts';
import type { CardPaymentResult } from '../service.ts';

/**
 * The card button for the pay page: a form that starts a card payment of the obligation the
 * payment token stands for (`token`), or, for a signed-in citizen, of their own obligation
 * (`obligationId`). Render it only when the organisation takes cards (CardPayments.offersCards).
 */
export function cardButton(
  ctx: PageContext,
  pay: { organisationSlug: string } & ({ token: string } | { obligationId: string }),
): Html {
  const { t } = ctx;
  const field =
    'token' in pay
      ? html`<input type="hidden" name="token" value="${pay.token}">`
      : html`<input type="hidden" name="obligation" value="${pay.obligationId}">`;
  return html`<form method="post" action="/o/${pay.organisationSlug}/pay/card" class="card-payment">
<input type="hidden" name="_csrf" value="${ctx.csrfToken()}">${field}
<button type="submit">${t('payments.card.button')}</button>
<p class="hint">${t('payments.card.button_note')}</p>
</form>`;
}

/** The answer to the button: on to the gateway by a meta refresh, with a link. */
export function toGatewayPage(ctx: PageContext, location: string): Page {
  const { t } = ctx;
  return {
    title: t('payments.card.leaving_title'),
    head: html`<meta http-equiv="refresh" content="0; url=${location}">`,
    body: html`<h1>${t('payments.card.leaving_title')}</h1>
<p>${t('payments.card.leaving_lead')}</p>
<p><a href="${location}">${t('payments.card.leaving_continue')}</a></p>`,
  };
}

const TEXTS: Record<CardPaymentState, [MessageKey, MessageKey]> = {
  paid: ['payments.card.paid_title', 'payments.card.paid_lead'],
  declined: ['payments.card.declined_title', 'payments.card.declined_lead'],
  cancelled: ['payments.card.cancelled_title', 'payments.card.cancelled_lead'],
  expired: ['payments.card.expired_title', 'payments.card.expired_lead'],
  started: ['payments.card.started_title', 'payments.card.started_lead'],
};

/** The result of a card payment: paid, declined, cancelled, not completed, or still being confirmed. */
export function resultPage(
  ctx: PageContext,
  r: CardPaymentResult & { organisationSlug: string },
): Page {
  const { t, lang } = ctx;
  const [title, lead] = TEXTS[r.state];
  const next =
    r.state === 'started'
      ? html`<p><a href="/o/${r.organisationSlug}/pay/card/${r.id}">${t('payments.card.check_again')}</a></p>`
      : r.state === 'paid'
        ? html`${r.mailed ? html`<p>${t('payments.card.paid_mail')}</p>` : ''}`
        : html`<p><a href="/o/${r.organisationSlug}/pay">${t('payments.card.try_again')}</a></p>`;
  return {
    title: t(title),
    body: html`<h1>${t(title)}</h1>
<p role="status">${t(lead)}</p>
<h2>${t('payments.card.details')}</h2>
<dl>
<dt>${t('payments.card.amount')}</dt><dd>${formatMoney(r.amountMinor, r.currency, lang)}</dd>
<dt>${t('payments.card.fee')}</dt><dd>${r.feeName}, ${r.period}</dd>
<dt>${t('payments.card.reference')}</dt><dd>${r.variableSymbol}</dd>
<dt>${t('payments.card.payee')}</dt><dd>${r.organisationName}</dd>
</dl>
${next}`,
  };
}

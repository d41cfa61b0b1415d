import type { PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { formatWhen } from '../../views/dates.ts';
import type { AccountAppointment } from '../account.ts';

/** What an appointment was for, where and when, in the citizen's language. */
export function appointmentSummary(ctx: PageContext, b: AccountAppointment): Html {
  const { lang } = ctx;
  return html`<strong>${localize(b.service, lang)}</strong>, ${localize(b.office, lang)}
(${localize(b.organisation, lang)}) · ${formatWhen(b.start, b.timeZone, lang)}`;
}

function item(ctx: PageContext, b: AccountAppointment): Html {
  const { t } = ctx;
  if (b.state === 'cancelled')
    return html`<li>${appointmentSummary(ctx, b)} · ${t('book.state.cancelled')}</li>`;
  if (b.past)
    return html`<li>${appointmentSummary(ctx, b)} · <a href="${b.manageHref}">${t('book.account.details')}</a></li>`;
  return html`<li>${appointmentSummary(ctx, b)}
<ul class="inline-links">
<li><a href="${b.joinHref}">${t('book.account.join')}</a></li>
<li><a href="${b.manageHref}">${t('book.account.manage')}</a></li>
</ul></li>`;
}

/** The claim form: bookings made with the verified address, ticked one by one by the citizen. */
function claimForm(ctx: PageContext, claimable: AccountAppointment[], email: string): Html {
  const { t } = ctx;
  return html`<form method="post" action="/account/appointments/claim">${csrfField(ctx)}
<fieldset>
<legend>${t('book.account.claim_title')}</legend>
<p class="hint">${t('book.account.claim_intro', { email })}</p>
${claimable.map(
  (
    b,
  ) => html`<div class="checkbox"><input type="checkbox" id="claim-${b.id}" name="booking" value="${b.id}">
<label for="claim-${b.id}">${appointmentSummary(ctx, b)}</label></div>`,
)}
</fieldset>
<button type="submit">${t('book.account.claim_button')}</button>
</form>`;
}

/** "My appointments" on /account: ahead, then past and cancelled, then the ones to claim. */
export function appointmentsSection(
  ctx: PageContext,
  data: { mine: AccountAppointment[]; claimable: AccountAppointment[]; email: string | null },
): Html {
  const { t } = ctx;
  const ahead = data.mine.filter((b) => !b.past && b.state === 'confirmed').reverse();
  const rest = data.mine.filter((b) => b.past || b.state !== 'confirmed');
  return html`<section aria-labelledby="account-appointments">
<h2 id="account-appointments">${t('book.account.title')}</h2>
${data.mine.length === 0 ? html`<p>${t('book.account.none')}</p>` : ''}
${ahead.length ? html`<h3>${t('book.account.ahead')}</h3><ul class="appointments">${ahead.map((b) => item(ctx, b))}</ul>` : ''}
${rest.length ? html`<h3>${t('book.account.earlier')}</h3><ul class="appointments">${rest.map((b) => item(ctx, b))}</ul>` : ''}
${data.claimable.length && data.email ? claimForm(ctx, data.claimable, data.email) : ''}
</section>`;
}

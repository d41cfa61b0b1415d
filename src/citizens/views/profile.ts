import type { Page, PageContext } from '../../http/page.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { dateFormat, dateOf } from '../../views/dates.ts';
import type { AccountSection } from '../sections.ts';
import type { CitizenAccount } from '../service.ts';

/**
 * The zone a date of the account (not of an office) is shown in: the account belongs to no
 * office, and Slovenia and Czechia keep the same time.
 */
export const ACCOUNT_ZONE = 'Europe/Ljubljana';

/** What the eID said, read-only, with who said it and when; or why there is nothing. */
function fromEid(ctx: PageContext, a: CitizenAccount, provider: string): Html {
  const { t, lang } = ctx;
  const value = (v: string | null) => v ?? t('citizens.profile.not_given');
  const name = [a.givenName, a.familyName].filter(Boolean).join(' ') || null;
  const updated = a.identityUpdatedAt
    ? dateFormat(lang, ACCOUNT_ZONE, 'date').format(a.identityUpdatedAt)
    : '';
  return html`<h3>${t('citizens.profile.eid_heading')}</h3>
<dl class="facts">
  <dt>${t('citizens.profile.name')}</dt><dd>${value(name)}</dd>
  <dt>${t('citizens.profile.date_of_birth')}</dt><dd>${a.dateOfBirth ? dateOf(a.dateOfBirth, lang) : value(null)}</dd>
  <dt>${t('citizens.profile.address')}</dt><dd>${value(a.address)}</dd>
</dl>
<p class="muted">${t('citizens.profile.source', { provider, date: updated })}</p>`;
}

/** E-mail (verified or not) and phone, each with the link that changes it. */
function contact(ctx: PageContext, a: CitizenAccount): Html {
  const { t } = ctx;
  const status = a.emailVerified
    ? t('citizens.profile.email_verified')
    : t('citizens.profile.email_unverified');
  const emailLink = !a.email
    ? t('citizens.profile.add_email')
    : a.emailVerified
      ? t('citizens.profile.change_email')
      : t('citizens.profile.verify_email');
  return html`<h3>${t('citizens.profile.contact_heading')}</h3>
<dl class="facts">
  <dt>${t('citizens.profile.email')}</dt><dd>${a.email ? html`${a.email} (${status})` : t('citizens.profile.not_given')}</dd>
  <dt>${t('citizens.profile.phone')}</dt><dd>${a.phone ?? t('citizens.profile.not_given')}</dd>
</dl>
<ul class="inline-links">
<li><a href="/account/email">${emailLink}</a></li>
<li><a href="/account/phone">${a.phone ? t('citizens.profile.change_phone') : t('citizens.profile.add_phone')}</a></li>
</ul>`;
}

/** "Your details": the eID's data (or the plain line that there is none) and the contact details. */
export function profileSection(
  providerName: (id: string, ctx: PageContext) => string,
): AccountSection {
  return {
    id: 'profile',
    order: 10,
    render: ({ account, ctx }) => html`<section aria-labelledby="account-profile">
<h2 id="account-profile">${ctx.t('citizens.profile.title')}</h2>
${
  account.identitySource
    ? fromEid(ctx, account, providerName(account.identitySource, ctx))
    : html`<p>${ctx.t('citizens.profile.no_eid')}</p>`
}
${contact(ctx, account)}
</section>`,
  };
}

const backLink = (ctx: PageContext) =>
  html`<p><a href="/account">${ctx.t('citizens.profile.back')}</a></p>`;

/** /account/phone: the number, or empty to remove it (and a button that removes it). */
export function phonePage(
  ctx: PageContext,
  data: { phone: string; current: string | null; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('citizens.phone.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.phone.title')}</h1>
<p>${t('citizens.phone.lead')}</p>
<form class="stack" method="post" action="/account/phone" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'phone', label: t('citizens.phone.label'), hint: t('citizens.phone.hint'), type: 'tel', value: data.phone, error: data.errors.phone, autocomplete: 'tel' })}
  <div><button type="submit">${t('citizens.phone.save')}</button></div>
</form>
${
  data.current
    ? html`<form class="inline-form" method="post" action="/account/phone">${csrfField(ctx)}
<input type="hidden" name="phone" value=""><button type="submit" class="secondary">${t('citizens.phone.remove')}</button></form>`
    : ''
}
${backLink(ctx)}`,
  };
}

/** /account/email: the new address, to which a code is sent. */
export function newEmailPage(ctx: PageContext, data: { email: string; errors: FieldErrors }): Page {
  const { t } = ctx;
  return {
    title: t('citizens.change_email.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.change_email.title')}</h1>
<p>${t('citizens.change_email.lead')}</p>
<form class="stack" method="post" action="/account/email" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('citizens.change_email.label'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'email', required: true })}
  <div><button type="submit">${t('citizens.email.send')}</button></div>
</form>
${backLink(ctx)}`,
  };
}

/** /account/email/code: the six digits mailed to the new address. */
export function emailCodePage(
  ctx: PageContext,
  data: { change: string; email: string; minutes: number; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('citizens.change_email.code_title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.change_email.code_title')}</h1>
<p>${t('citizens.code.lead', { email: data.email, minutes: data.minutes })}</p>
<form class="stack" method="post" action="/account/email/code" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="change" value="${data.change}">
  ${field({ name: 'code', label: t('citizens.code.label'), type: 'text', inputmode: 'numeric', error: data.errors.code, autocomplete: 'one-time-code', required: true })}
  <div><button type="submit">${t('citizens.change_email.confirm')}</button></div>
</form>
<p><a href="/account/email">${t('citizens.code.new')}</a></p>
${backLink(ctx)}`,
  };
}

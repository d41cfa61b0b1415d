// The lookup without signing in (/o/{org}/pay): the form, the one "not found" answer, and the
// choice when a birth number found several fees.
import type { Page, PageContext } from '../../../http/page.ts';
import { localize, type Localized } from '../../../i18n/i18n.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { html } from '../../../views/html.ts';
import { csrfField } from '../../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../../views/form.ts';
import type { PayView } from '../service.ts';

/** What the form shows again after a refusal: the typed values, never a birth number. */
export type FindValues = { vs: string; name: string; email: string };

const orgName = (ctx: PageContext, org: Organisation) =>
  localize(org.name, ctx.lang, org.defaultLanguage);

/** /o/{org}/pay: variable symbol (or birth number where switched on), name, e-mail. */
export function findPage(
  ctx: PageContext,
  data: {
    organisation: Organisation;
    birthNumber: { on: boolean; legalBasis: Localized | null };
    values: FindValues;
    errors: FieldErrors;
  },
): Page {
  const { t } = ctx;
  const org = data.organisation;
  const { values, errors } = data;
  const basis = localize(data.birthNumber.legalBasis, ctx.lang, org.defaultLanguage);
  return {
    title: `${t('pay.find.title')} – ${orgName(ctx, org)}`,
    body: html`${errorSummary(t, errors)}
<p class="muted"><a href="/o/${org.slug}">${orgName(ctx, org)}</a></p>
<h1>${t('pay.find.title')}</h1>
<p>${t('pay.find.lead')}</p>
<form class="stack" method="post" action="/o/${org.slug}/pay" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'vs', label: t('pay.find.vs'), type: 'text', inputmode: 'numeric', value: values.vs, error: errors.vs, hint: t('pay.find.vs_hint'), autocomplete: 'off' })}
  ${
    data.birthNumber.on
      ? html`<p id="birth-number-or">${t('pay.find.or')}</p>
  ${field({ name: 'birth_number', label: t('pay.find.birth_number'), type: 'text', error: errors.birth_number, hint: t('pay.find.birth_number_hint'), autocomplete: 'off' })}
  <p class="hint">${t('pay.find.legal_basis', { basis })}</p>`
      : ''
  }
  ${field({ name: 'name', label: t('pay.find.name'), type: 'text', value: values.name, error: errors.name, hint: t('pay.find.name_hint'), autocomplete: 'name', required: true })}
  ${field({ name: 'email', label: t('pay.find.email'), type: 'email', value: values.email, error: errors.email, hint: t('pay.find.email_hint'), autocomplete: 'email', required: true })}
  <div><button type="submit">${t('pay.find.submit')}</button></div>
</form>
${
  ctx.citizen
    ? html`<p>${t('pay.find.signed_in')} <a href="/account#account-fees">${t('pay.find.account_link')}</a></p>`
    : ''
}`,
  };
}

/** The one answer for every miss: whatever was wrong, the same words and the same form link. */
export function notFoundPage(ctx: PageContext, organisation: Organisation): Page {
  const { t } = ctx;
  return {
    title: t('pay.not_found.title'),
    body: html`<h1>${t('pay.not_found.title')}</h1>
<p>${t('pay.not_found.text', { organisation: orgName(ctx, organisation) })}</p>
<p><a class="button" href="/o/${organisation.slug}/pay">${t('pay.not_found.again')}</a></p>`,
  };
}

/** Several fees found by one birth number: a link to each one's payment page. */
export function foundPage(
  ctx: PageContext,
  found: readonly { token: string; view: PayView }[],
): Page {
  const { t, lang } = ctx;
  return {
    title: t('pay.found.title'),
    body: html`<h1>${t('pay.found.title')}</h1>
<p>${t('pay.found.lead')}</p>
<ul class="cards">${found.map(({ token, view }) => {
      const o = view.obligation;
      const fee = localize(o.feeName, lang, view.organisation.defaultLanguage);
      return html`<li class="card"><a href="/pay/${token}">${t('pay.page.for', { fee, period: o.period })}</a>${o.subject ? html`<p>${o.subject}</p>` : ''}</li>`;
    })}</ul>`,
  };
}

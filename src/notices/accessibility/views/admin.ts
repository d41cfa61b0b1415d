// The admin's form of the accessibility statement, /staff/admin/accessibility: status, the
// non-accessible content in Slovenian, Czech and English, the days, the method, the contacts.
import type { Page, PageContext } from '../../../http/page.ts';
import { LANGS } from '../../../i18n/i18n.ts';
import { html } from '../../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../../views/form.ts';
import { csrfField } from '../../../views/layout.ts';
import { input, localizedInputs, select, type Values } from '../../../views/admin-form.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { COMPLIANCE, MAX_NON_ACCESSIBLE, METHODS, type Statement } from '../domain.ts';
import { dayInput } from '../../news/views/admin.ts';

export const ADMIN_PATH = '/staff/admin/accessibility';

/** The form's values from the statement shown (the platform's, until one is saved). */
export function statementValues(s: Statement): Values {
  return {
    compliance: s.compliance,
    method: s.method,
    preparedOn: s.preparedOn,
    reviewedOn: s.reviewedOn ?? '',
    feedbackEmail: s.feedbackEmail ?? '',
    feedbackPhone: s.feedbackPhone ?? '',
    ...Object.fromEntries(LANGS.map((l) => [`nonAccessible_${l}`, s.nonAccessible[l] ?? ''])),
  };
}

/** The statement's form, with what the public page shows now and whether it is the platform's. */
export function statementFormPage(
  ctx: PageContext,
  data: {
    organisation: Organisation;
    platform: boolean;
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  const url = `/o/${data.organisation.slug}/accessibility`;
  return {
    title: t('frontdoor.a11y.admin.title'),
    body: html`${errorSummary(t, e)}${data.saved ? html`<p class="notice" role="status">${t('frontdoor.a11y.admin.saved')}</p>` : ''}
<h1>${t('frontdoor.a11y.admin.title')}</h1>
<p>${t('frontdoor.a11y.admin.lead')} <a href="${url}">${url}</a></p>
${data.platform ? html`<p class="notice">${t('frontdoor.a11y.admin.platform')}</p>` : ''}
<form method="post" action="${ADMIN_PATH}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${select({ name: 'compliance', label: t('frontdoor.a11y.status.heading'), values: v, errors: e, options: COMPLIANCE.map((c) => ({ value: c, label: t(`frontdoor.a11y.admin.compliance.${c}`) })) })}
  ${localizedInputs(t, { prefix: 'nonAccessible', legend: t('frontdoor.a11y.non_accessible.heading'), hint: t('frontdoor.a11y.admin.non_accessible_hint'), values: v, errors: e, multiline: true, maxlength: MAX_NON_ACCESSIBLE })}
  ${dayInput(ctx, 'preparedOn', t('frontdoor.a11y.admin.prepared_on'), t('frontdoor.a11y.admin.date_hint'), v, e)}
  ${dayInput(ctx, 'reviewedOn', t('frontdoor.a11y.admin.reviewed_on'), t('frontdoor.a11y.admin.reviewed_hint'), v, e)}
  ${select({ name: 'method', label: t('frontdoor.a11y.admin.method'), values: v, errors: e, options: METHODS.map((m) => ({ value: m, label: t(`frontdoor.a11y.admin.method.${m}`) })) })}
  ${input({ name: 'feedbackEmail', label: t('frontdoor.a11y.email'), hint: t('frontdoor.a11y.admin.contact_hint'), type: 'email', autocomplete: 'off', values: v, errors: e, maxlength: 254 })}
  ${input({ name: 'feedbackPhone', label: t('frontdoor.a11y.phone'), type: 'tel', autocomplete: 'off', values: v, errors: e, maxlength: 40 })}
  <div><button type="submit">${t('frontdoor.a11y.admin.save')}</button></div>
</form>`,
  };
}

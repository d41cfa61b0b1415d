import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { input } from '../../views/admin-form.ts';
import { MIN_PASSWORD_LENGTH } from '../password-policy.ts';

/** Any staff member changes their own password; passwords are never shown again, even on error. */
export function passwordPage(
  ctx: PageContext,
  data: { errors: FieldErrors; saved: boolean },
): Page {
  const { t } = ctx;
  const e = data.errors;
  return {
    title: t('identity.password.title'),
    body: html`${errorSummary(t, e)}${data.saved ? html`<p class="notice" role="status">${t('identity.password.saved')}</p>` : ''}<h1>${t('identity.password.title')}</h1>
<p>${t('identity.password.intro')}</p>
<form method="post" action="/staff/account/password" class="stack" novalidate>
  ${csrfField(ctx)}
  <input type="text" name="username" value="${ctx.staff?.email ?? ''}" autocomplete="username" hidden>
  ${input({ name: 'currentPassword', label: t('identity.password.current'), type: 'password', values: {}, errors: e, required: true, autocomplete: 'current-password' })}
  ${input({ name: 'newPassword', label: t('identity.password.new'), type: 'password', hint: t('identity.password.hint', { min: MIN_PASSWORD_LENGTH }), values: {}, errors: e, required: true, autocomplete: 'new-password' })}
  <div><button type="submit">${t('identity.password.submit')}</button></div>
</form>`,
  };
}

import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';

/** Staff sign-in form; on error it comes back with a summary and the typed email kept. */
export function signInPage(
  ctx: PageContext,
  data: { email: string; errors: FieldErrors; signedOut?: boolean; passwordSet?: boolean },
): Page {
  const { t } = ctx;
  return {
    title: t('staff.sign_in.title'),
    body: html`${errorSummary(t, data.errors)}
${data.signedOut ? html`<p class="notice" role="status">${t('staff.signed_out')}</p>` : ''}
${data.passwordSet ? html`<p class="notice" role="status">${t('staff.password_set')}</p>` : ''}
<h1>${t('staff.sign_in.title')}</h1>
<p>${t('staff.sign_in.lead')}</p>
<form class="stack" method="post" action="/staff/sign-in" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('staff.email'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'username', required: true })}
  ${field({ name: 'password', label: t('staff.password'), type: 'password', error: data.errors.password, autocomplete: 'current-password', required: true })}
  <div><button type="submit">${t('staff.sign_in.button')}</button></div>
</form>`,
  };
}

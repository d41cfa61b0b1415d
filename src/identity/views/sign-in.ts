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
    title: t('identity.sign_in.title'),
    body: html`${errorSummary(t, data.errors)}
${data.signedOut ? html`<p class="notice" role="status">${t('identity.signed_out')}</p>` : ''}
${data.passwordSet ? html`<p class="notice" role="status">${t('identity.password_set')}</p>` : ''}
<h1>${t('identity.sign_in.title')}</h1>
<p>${t('identity.sign_in.lead')}</p>
<form class="stack" method="post" action="/staff/sign-in" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('identity.email'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'username', required: true })}
  ${field({ name: 'password', label: t('identity.password'), type: 'password', error: data.errors.password, autocomplete: 'current-password', required: true })}
  <div><button type="submit">${t('identity.sign_in.button')}</button></div>
</form>`,
  };
}

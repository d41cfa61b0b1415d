import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { qrSvg } from '../../views/qr.ts';
import { groupedSecret } from '../totp.ts';

/** The console's sign-in: email and password (the code comes on the next page). */
export function operatorSignInPage(
  ctx: PageContext,
  data: { email: string; errors: FieldErrors; signedOut?: boolean },
): Page {
  const { t } = ctx;
  return {
    title: t('op.sign_in.title'),
    body: html`${errorSummary(t, data.errors)}
${data.signedOut ? html`<p class="notice" role="status">${t('op.signed_out')}</p>` : ''}
<h1>${t('op.sign_in.title')}</h1>
<p>${t('op.sign_in.lead')}</p>
<form class="stack" method="post" action="/operator/sign-in" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('op.email'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'username', required: true })}
  ${field({ name: 'password', label: t('op.password'), type: 'password', error: data.errors.password, autocomplete: 'current-password', required: true })}
  <div><button type="submit">${t('op.sign_in.button')}</button></div>
</form>`,
  };
}

/** The second step: the code from the authenticator app. */
export function operatorCodePage(ctx: PageContext, data: { errors: FieldErrors }): Page {
  const { t } = ctx;
  return {
    title: t('op.code.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('op.code.title')}</h1>
<p>${t('op.code.lead')}</p>
<form class="stack" method="post" action="/operator/sign-in/code" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'code', label: t('op.code.label'), hint: t('op.code.hint'), type: 'text', inputmode: 'numeric', error: data.errors.code, autocomplete: 'one-time-code', required: true })}
  <div><button type="submit">${t('op.sign_in.button')}</button></div>
</form>`,
  };
}

/** Enrolment: the key as a QR code and as text, and a code to confirm that the app has it. */
export function operatorEnrolPage(
  ctx: PageContext,
  data: { secret: string; uri: string; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('op.enrol.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('op.enrol.title')}</h1>
<p>${t('op.enrol.lead')}</p>
<figure class="qr-figure">${qrSvg(data.uri, t('op.enrol.qr'))}</figure>
<dl class="facts">
  <dt>${t('op.enrol.key')}</dt>
  <dd><code class="secret" id="totp-secret">${groupedSecret(data.secret)}</code></dd>
</dl>
<p class="muted">${t('op.enrol.key_hint')}</p>
<p>${t('op.enrol.once')}</p>
<form class="stack" method="post" action="/operator/enrol" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'code', label: t('op.enrol.code_label'), hint: t('op.code.hint'), type: 'text', inputmode: 'numeric', error: data.errors.code, autocomplete: 'one-time-code', required: true })}
  <div><button type="submit">${t('op.enrol.button')}</button></div>
</form>`,
  };
}

/** The console's start page: who is signed in, and the console's sections. */
export function operatorHomePage(ctx: PageContext): Page {
  const { t } = ctx;
  return {
    title: t('op.home.title'),
    body: html`<h1>${t('op.home.title')}</h1>
<p>${t('op.home.signed_in_as', { email: ctx.operator?.email ?? '' })}</p>
<p>${t('op.home.lead')}</p>
<ul class="cards"><li class="card"><h2><a href="/operator/organisations">${t('op.home.organisations')}</a></h2><p>${t('op.home.organisations_lead')}</p></li></ul>`,
  };
}

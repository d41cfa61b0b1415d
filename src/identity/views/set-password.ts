import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { input } from '../../views/admin-form.ts';
import { whenPhrase } from '../../views/dates.ts';
import { INVITATION_TTL_HOURS } from '../domain.ts';
import type { LinkView } from '../invitations.ts';
import { MIN_PASSWORD_LENGTH } from '../password-policy.ts';

/** The form behind a set-password link; the password is never shown again, even on error. */
export function setPasswordPage(
  ctx: PageContext,
  data: { link: Extract<LinkView, { state: 'open' }>; action: string; errors: FieldErrors },
): Page {
  const { t, lang } = ctx;
  const { link } = data;
  const when = `${whenPhrase(link.expiresAt, link.timeZone, lang)}${link.timeZone === 'UTC' ? ' UTC' : ''}`;
  return {
    title: t('identity.set_password.title'),
    body: html`${errorSummary(t, data.errors)}<h1>${t('identity.set_password.title')}</h1>
<p>${t('identity.set_password.account', { email: link.email })}</p>
<p>${t('identity.set_password.expires', { when })}</p>
<form method="post" action="${data.action}" class="stack" novalidate>
  ${csrfField(ctx)}
  <input type="text" name="username" value="${link.email}" autocomplete="username" hidden>
  ${input({ name: 'password', label: t('identity.password.new'), type: 'password', hint: t('identity.password.hint', { min: MIN_PASSWORD_LENGTH }), values: {}, errors: data.errors, required: true, autocomplete: 'new-password' })}
  <div><button type="submit">${t('identity.set_password.button')}</button></div>
</form>`,
  };
}

/** A link that was used, expired, replaced or never existed: what happened and what to do. */
export function deadLinkPage(ctx: PageContext, link: Exclude<LinkView, { state: 'open' }>): Page {
  const { t } = ctx;
  const why =
    link.state === 'used'
      ? t('identity.set_password.used')
      : link.state === 'expired'
        ? t('identity.set_password.expired', { hours: INVITATION_TTL_HOURS })
        : t('identity.set_password.unknown');
  const ask =
    link.state === 'unknown'
      ? ''
      : link.kind === 'operator'
        ? html`<p>${t('identity.set_password.ask_operator')}</p><pre><code>npm run operator -- reset-admin you@example.org</code></pre>`
        : html`<p>${t('identity.set_password.ask', { inviter: link.invitedBy })}</p>`;
  const signIn =
    link.state === 'used'
      ? html`<p><a href="${link.kind === 'operator' ? '/operator/sign-in' : '/staff/sign-in'}">${t('identity.set_password.sign_in')}</a></p>`
      : '';
  return {
    title: t('identity.set_password.dead_title'),
    body: html`<h1>${t('identity.set_password.dead_title')}</h1>
<p>${why}</p>
${ask}${signIn}`,
  };
}

import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';

/**
 * The answer to POST /account/sign-out when the provider's session ends too: our session has
 * ended, and the page sends the browser on to the provider's logout by a meta refresh, with a
 * link for a browser that does not follow it. Not a 303: a redirect of a form's submission to
 * another origin is blocked by our CSP's form-action 'self' (decision 004), the refresh is a
 * navigation of its own.
 */
export function leavingPage(ctx: PageContext, providerLogout: string): Page {
  const { t } = ctx;
  return {
    title: t('citizens.signing_out.title'),
    head: html`<meta http-equiv="refresh" content="0; url=${providerLogout}">`,
    body: html`<h1>${t('citizens.signing_out.title')}</h1>
<p>${t('citizens.signing_out.lead')}</p>
<p><a href="${providerLogout}">${t('citizens.signing_out.continue')}</a></p>`,
  };
}

/**
 * /account/signed-out: where every sign-out ends, after the provider's logout when the
 * session had one. `providerOpen`: the provider's logout could not be reached or confirmed.
 */
export function signedOutPage(ctx: PageContext, data: { providerOpen: boolean }): Page {
  const { t } = ctx;
  return {
    title: t('citizens.signed_out_page.title'),
    body: html`<h1>${t('citizens.signed_out_page.title')}</h1>
<p>${t('citizens.signed_out_page.lead')}</p>
${data.providerOpen ? html`<p class="notice" role="status">${t('citizens.signed_out_page.provider_open')}</p>` : ''}
<p><a href="/account/sign-in">${t('citizens.signed_out_page.again')}</a></p>
<p><a href="/">${t('layout.home')}</a></p>`,
  };
}

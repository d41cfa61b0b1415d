import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';

/**
 * The answer to the account page's "add" form (POST): the page sends the browser on to the
 * provider by a meta refresh, with a link for a browser that does not follow it. Not a 303: a
 * redirect of a form's submission to another origin is blocked by our CSP's form-action 'self'
 * (decision 004), as the sign-out found.
 */
export function toProviderPage(ctx: PageContext, location: string): Page {
  const { t } = ctx;
  return {
    title: t('eid.link.title'),
    head: html`<meta http-equiv="refresh" content="0; url=${location}">`,
    body: html`<h1>${t('eid.link.title')}</h1>
<p>${t('eid.link.lead')}</p>
<p><a href="${location}">${t('eid.link.continue')}</a></p>`,
  };
}

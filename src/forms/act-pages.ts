// Pages of an act authorised by a fresh eID sign-in (decision 042): on the way to the provider,
// and why the act was not authorised (nothing sent, the draft kept).
import type { Page, PageContext } from '../http/page.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { html } from '../views/html.ts';
import type { ActRefusal } from './act-domain.ts';

/**
 * The answer to the check page's POST: on to the provider by a meta refresh (a 303 to another
 * origin would break our CSP's form-action 'self', as eid/views/leaving.ts says), with a link.
 */
export function toActProviderPage(ctx: PageContext, location: string): Page {
  const { t } = ctx;
  return {
    title: t('forms.act.leaving.title'),
    head: html`<meta http-equiv="refresh" content="0; url=${location}">`,
    body: html`<h1>${t('forms.act.leaving.title')}</h1>
<p>${t('forms.act.leaving.lead')}</p>
<p><a href="${location}">${t('forms.act.leaving.continue')}</a></p>`,
  };
}

/** Why the act was not authorised, that nothing was sent, and the way back to the draft. */
export function actRefusedPage(ctx: PageContext, reason: ActRefusal, checkHref: string): Page {
  const { t } = ctx;
  const title = t('forms.act.refused.title');
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t(`forms.act.refused.${reason}` as MessageKey)}</p>
<p>${t('forms.act.refused.kept')}</p>
<p><a href="${checkHref}">${t('forms.act.refused.back')}</a></p>`,
  };
}

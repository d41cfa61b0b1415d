import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { refusalMessage, type OidcRefusal } from './domain.ts';

/** The page a refused sign-in shows: what happened in words a person can act on, and the way back. */
export function refusalPage(ctx: PageContext, reason: OidcRefusal): Page {
  const { t } = ctx;
  return {
    title: t('eid.refused.title'),
    body: html`<h1>${t('eid.refused.title')}</h1>
<p role="alert">${t(`eid.refused.${refusalMessage(reason)}`)}</p>
<p><a class="button" href="/account/sign-in">${t('eid.refused.again')}</a></p>`,
  };
}

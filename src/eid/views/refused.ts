import type { Page, PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import type { Refusal } from '../domain.ts';

/** The page a refused eID answer ends on: what happened, in the reader's language, and a way back. */
export function refusedPage(ctx: PageContext, data: { reason: Refusal; again: string }): Page {
  const { t } = ctx;
  const reason = t(`eid.reason.${data.reason}` as MessageKey);
  return {
    title: t('eid.refused.title'),
    body: html`<h1>${t('eid.refused.title')}</h1>
<p>${t('eid.refused.lead')}</p>
<p>${t('eid.refused.reference', { reason })}</p>
<p><a href="${data.again}">${t('eid.refused.again')}</a></p>`,
  };
}

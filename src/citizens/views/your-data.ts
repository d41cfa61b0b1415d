import type { Page, PageContext } from '../../http/page.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import type { AccountSection } from '../sections.ts';

/** What the law keeps after a deletion, and why (decision 032): the same list on both pages. */
function keptList(ctx: PageContext): Html {
  const { t } = ctx;
  return html`<ul>
<li>${t('citizens.data.kept_appointments')}</li>
<li>${t('citizens.data.kept_audit')}</li>
<li>${t('citizens.data.kept_stats')}</li>
</ul>`;
}

/** "Your data": what is held, in plain words; the export; the way to delete the account. */
export const yourDataSection: AccountSection = {
  id: 'your-data',
  order: 900,
  render: ({ account, ctx }) => {
    const { t } = ctx;
    return html`<section aria-labelledby="account-data">
<h2 id="account-data">${t('citizens.data.title')}</h2>
<p>${t('citizens.data.lead')}</p>
<ul>
<li>${account.identitySource ? t('citizens.data.held_profile_eid') : t('citizens.data.held_profile')}</li>
<li>${t('citizens.data.held_identities')}</li>
<li>${t('citizens.data.held_sessions')}</li>
<li>${t('citizens.data.held_appointments')}</li>
</ul>
<p><a href="/account/export.json" download="okence-account.json">${t('citizens.data.export')}</a></p>
<h3>${t('citizens.data.delete_heading')}</h3>
<p>${t('citizens.data.delete_lead')}</p>
${keptList(ctx)}
<p><a class="button" href="/account/delete">${t('citizens.data.delete_link')}</a></p>
</section>`;
  },
};

/**
 * /account/delete: what deleting cancels (each holding's lines: the appointments ahead), what
 * is erased and what is kept; the form posts to the deletion.
 */
export function deletePage(ctx: PageContext, data: { cancelled: Html[] }): Page {
  const { t } = ctx;
  return {
    title: t('citizens.delete.title'),
    body: html`<h1>${t('citizens.delete.title')}</h1>
${
  data.cancelled.length
    ? html`<p>${t('citizens.delete.cancelled')}</p><ul class="appointments">${data.cancelled.map((c) => html`<li>${c}</li>`)}</ul>`
    : html`<p>${t('citizens.delete.nothing_ahead')}</p>`
}
<p>${t('citizens.delete.erased')}</p>
<h2>${t('citizens.delete.kept_heading')}</h2>
${keptList(ctx)}
<p><strong>${t('citizens.delete.final')}</strong></p>
<div class="actions">
<form method="post" action="/account/delete">${csrfField(ctx)}<button type="submit" class="danger">${t('citizens.delete.confirm')}</button></form>
<a href="/account">${t('citizens.delete.keep')}</a>
</div>`,
  };
}

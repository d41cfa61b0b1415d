// The account page's list of the citizen's drafts (decision 038): each live one with a link to
// continue it, each deleted one with its restore button while it can still be restored.
import type { AccountSection } from '../citizens/sections.ts';
import { html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import type { FormDrafts } from './drafts.ts';
import { restorableUntil } from './drafts.ts';
import { when } from './fill-pages.ts';

/** The "forms in progress" section of /account, after the appointments. */
export function draftsAccountSection(drafts: Pick<FormDrafts, 'listForAccount'>): AccountSection {
  return {
    id: 'form-drafts',
    order: 30,
    async render({ citizen, ctx }) {
      const { t, lang } = ctx;
      const list = await drafts.listForAccount(citizen.accountId);
      const title = (x: (typeof list)[number]) =>
        x.title[lang] ?? Object.values(x.title)[0] ?? x.slug;
      const base = (x: (typeof list)[number]) =>
        `/o/${x.organisationSlug}/forms/${x.slug}/drafts/${x.id}`;
      return html`<section aria-labelledby="account-form-drafts">
<h2 id="account-form-drafts">${t('forms.fill.account.title')}</h2>
${
  list.length === 0
    ? html`<p>${t('forms.fill.account.none')}</p>`
    : html`<ul>${list.map((x) =>
        x.deletedAt
          ? html`<li>${title(x)} (${t('forms.fill.account.deleted', { when: when(lang, restorableUntil(x.deletedAt)) })})
<form method="post" action="${base(x)}/restore" class="inline">${csrfField(ctx)}<button type="submit" class="secondary">${t('forms.fill.restore.button')}<span class="visually-hidden">: ${title(x)}</span></button></form></li>`
          : html`<li><a href="${base(x)}/check">${title(x)}</a> (${t('forms.fill.account.saved', { when: when(lang, x.updatedAt) })})</li>`,
      )}</ul>`
}
</section>`;
    },
  };
}

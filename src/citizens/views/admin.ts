import type { Page, PageContext } from '../../http/page.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { checkboxes } from '../../views/admin-form.ts';
import type { OfferedProvider } from '../providers.ts';
import { loaName } from './sign-in.ts';

/** /staff/admin/sign-in: which configured eID providers the organisation offers. */
export function providersAdminPage(
  ctx: PageContext,
  data: { providers: (OfferedProvider & { on: boolean })[]; saved: boolean },
): Page {
  const { t, lang } = ctx;
  return {
    title: t('citizens.admin.title'),
    body: html`${data.saved ? html`<p class="notice" role="status">${t('citizens.admin.saved')}</p>` : ''}
<h1>${t('citizens.admin.title')}</h1>
<p>${t('citizens.admin.lead')}</p>
${
  data.providers.length === 0
    ? html`<p>${t('citizens.admin.none')}</p>`
    : html`<form class="stack" method="post" action="/staff/admin/sign-in">
  ${csrfField(ctx)}
  ${checkboxes({
    name: 'provider',
    legend: t('citizens.admin.legend'),
    values: { provider: data.providers.filter((p) => p.on).map((p) => p.id) },
    errors: {},
    options: data.providers.map((p) => ({
      value: p.id,
      label: `${p.name[lang]} (${t('citizens.loa.label', { level: loaName(ctx, p.loa) })})`,
    })),
  })}
  <div><button type="submit">${t('citizens.admin.save')}</button></div>
</form>`
}`,
  };
}

// The "Handled by: <department> — contacts" block the service page and the life situation guide
// show when a department is linked to them (eslint's public surface; decision 051).
import type { PageContext } from '../../../http/page.ts';
import type { Lang, Localized } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { inLang } from './parts.ts';

/** Which departments handle it, each linked to its contacts; nothing when none does. */
export function handledByBlock(
  ctx: PageContext,
  o: { orgSlug: string; fallback: Lang; departments: readonly { slug: string; name: Localized }[] },
): Html {
  if (!o.departments.length) return html``;
  const { t } = ctx;
  return html`<p class="handled-by">${t('contacts.handled_by')} ${o.departments.map(
    (d, i) =>
      html`${i ? '; ' : ''}<strong>${inLang(ctx, d.name, o.fallback)}</strong> — <a href="/o/${o.orgSlug}/contacts/${d.slug}">${t('contacts.handled_by.contacts')}</a>`,
  )}</p>`;
}

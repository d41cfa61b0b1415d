// A read-only rendering of a definition for its admins: each page with its questions' labels,
// help, kind and whether they must be answered. The citizen's own filling pages (fill-*.ts) are
// another helper's; until they offer a preview of a draft, this is what "preview" shows.
import type { PageContext } from '../http/page.ts';
import { localize } from '../i18n/i18n.ts';
import { html, type Html } from '../views/html.ts';
import type { FormDefinition, Question } from './definition.ts';

function question(ctx: PageContext, def: FormDefinition, q: Question): Html {
  const { t, lang } = ctx;
  const fb = def.languages[0];
  const members = q.type === 'group' ? q.questions : [];
  return html`<li><strong>${localize(q.label, lang, fb)}</strong> <span class="muted">(${t(`forms.admin.type.${q.type}`)}${q.required ? `, ${t('forms.admin.required')}` : ''}${q.visibleIf ? `, ${t('forms.admin.conditional')}` : ''})</span>
${q.help ? html`<p class="hint">${localize(q.help, lang, fb)}</p>` : ''}
${'options' in q ? html`<ul>${q.options.map((o) => html`<li>${localize(o.label, lang, fb)}</li>`)}</ul>` : ''}
${members.length ? html`<ul>${members.map((m) => question(ctx, def, m))}</ul>` : ''}</li>`;
}

/** Every page of a definition, its title as a heading and its questions as a list. */
export function readOnlyPages(ctx: PageContext, def: FormDefinition): Html {
  const fb = def.languages[0];
  return html`${def.pages.map(
    (page, i) => html`<section aria-labelledby="page-${i}">
<h2 id="page-${i}">${ctx.t('forms.admin.page_n', { n: i + 1 })}: ${localize(page.title, ctx.lang, fb)}</h2>
${page.visibleIf ? html`<p class="muted">${ctx.t('forms.admin.conditional_page')}</p>` : ''}
${page.help ? html`<p class="hint">${localize(page.help, ctx.lang, fb)}</p>` : ''}
<ol>${page.questions.map((q) => question(ctx, def, q))}</ol></section>`,
  )}`;
}

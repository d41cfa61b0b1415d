// Read-only renderings of a definition for its admins: a published version as a list of each
// page's questions (label, help, kind, required), and the draft's preview as citizens will see
// it, each question drawn by the filling-in pages' own code (fill-questions.ts), all disabled.
import type { PageContext } from '../http/page.ts';
import { localize } from '../i18n/i18n.ts';
import { html, type Html } from '../views/html.ts';
import type { FormDefinition, Question } from './definition.ts';
import { question as citizenQuestion, say, type Rendering } from './fill-questions.ts';

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

/**
 * Every page as the citizen's page shows it, its controls disabled (nothing can be sent from
 * here); every question is drawn, the ones shown under a condition marked so.
 */
export function citizenPages(ctx: PageContext, def: FormDefinition): Html {
  const { t, lang } = ctx;
  const r: Rendering = { ctx, def, fields: {}, errors: {} };
  const ids = def.pages.flatMap((p) =>
    p.questions.flatMap((q) => [q.id, ...(q.type === 'group' ? q.questions.map((m) => m.id) : [])]),
  );
  const shown = new Set(ids);
  return html`${def.pages.map(
    (page, i) => html`<section class="stack" aria-labelledby="page-${i}">
<h2 id="page-${i}">${t('forms.admin.page_n', { n: i + 1 })}: ${say(page.title, def, lang)}</h2>
${page.visibleIf ? html`<p class="muted">${t('forms.admin.conditional_page')}</p>` : ''}
${page.help ? html`<p>${say(page.help, def, lang)}</p>` : ''}
<fieldset class="preview" disabled>${page.questions.map(
      (q) =>
        html`${citizenQuestion(r, q, shown)}${q.visibleIf ? html`<p class="muted">(${t('forms.admin.conditional')})</p>` : ''}`,
    )}</fieldset></section>`,
  )}`;
}

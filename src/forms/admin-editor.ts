// The draft editor (issue 17), working without JavaScript: every change is its own small form
// that posts and comes back here. Pages are sections; each question a row with its own buttons.
import type { Page, PageContext } from '../http/page.ts';
import { localize } from '../i18n/i18n.ts';
import { localizedInputs, type Values } from '../views/admin-form.ts';
import { errorSummary, type FieldErrors } from '../views/form.ts';
import { html, type Html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import { QUESTION_TYPES } from './builder.ts';
import type { FormDefinition } from './definition.ts';
import { BASE, notice, settingsFields } from './admin-views.ts';

type Ctx = PageContext;

/** A form of one button (and hidden fields) that posts to `action`. */
export function button(
  ctx: Ctx,
  action: string,
  label: string,
  hidden: Record<string, string> = {},
  cls = 'secondary',
): Html {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(ctx)}${Object.entries(
    hidden,
  ).map(
    ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
  )}<button type="submit" class="${cls}">${label}</button></form>`;
}

/** The settings' values as stored, for the settings form. */
export function settingsValues(def: FormDefinition): Values {
  return {
    languages: def.languages,
    assurance: def.assurance,
    authoriseAct: def.authoriseAct ? ['yes'] : [],
    title_sl: def.title.sl ?? '',
    title_cs: def.title.cs ?? '',
    title_en: def.title.en ?? '',
  };
}

function pageSection(ctx: Ctx, formId: string, def: FormDefinition, p: number, o: Edit): Html {
  const { t, lang } = ctx;
  const page = def.pages[p]!;
  const fb = def.languages[0];
  const base = `${BASE}/${formId}/pages/${p}`;
  const typed = o.typed?.page === p;
  // Only the page's own texts form posts its texts; a refused move or delete posts none, and
  // the texts then stay as stored (not blanked by what that button sent).
  const typedTexts = typed && Object.keys(o.typed!.values).some((k) => k.startsWith(`p${p}-`));
  const v: Values = typedTexts
    ? o.typed!.values
    : Object.fromEntries(
        def.languages.flatMap((l) => [
          [`p${p}-title_${l}`, page.title[l] ?? ''],
          [`p${p}-help_${l}`, page.help?.[l] ?? ''],
        ]),
      );
  const e = typed ? o.typed!.errors : {};
  const pageTitle = localize(page.title, lang, fb);
  // A refusal of the page as a whole (a move, a delete): beside its heading, which the error
  // summary's link focuses (tabindex -1: a heading takes focus only so).
  const whole = e[`page-${p}-h`];
  return html`<section class="stack" aria-labelledby="page-${p}-h">
<h2 id="page-${p}-h" tabindex="-1"${whole ? html` aria-describedby="page-${p}-error"` : ''}>${t('forms.admin.page_n', { n: p + 1 })}: ${pageTitle}</h2>
${whole ? html`<p class="error-message" id="page-${p}-error">${whole}</p>` : ''}
<details${typedTexts ? html` open` : ''}><summary>${t('forms.admin.page_texts')}</summary>
<form method="post" action="${base}" class="stack" novalidate>${csrfField(ctx)}
${localizedInputs(t, { prefix: `p${p}-title`, legend: t('forms.admin.page_title'), values: v, errors: e, maxlength: 500 })}
${localizedInputs(t, { prefix: `p${p}-help`, legend: t('forms.admin.help'), values: v, errors: e, multiline: true, maxlength: 2000 })}
<div><button type="submit">${t('forms.admin.save_page')}</button></div></form></details>
<p>${page.visibleIf ? t('forms.admin.conditional_page') : t('forms.admin.always_shown')} <a href="${base}/condition">${t('forms.admin.condition_edit')}</a></p>
<ol class="stack">${page.questions.map(
    (q, i) => html`<li><a href="${base}/questions/${i}">${localize(q.label, lang, fb)}</a>
 <span class="muted">(${t(`forms.admin.type.${q.type}`)}${q.required ? `, ${t('forms.admin.required')}` : ''}${q.visibleIf ? `, ${t('forms.admin.conditional')}` : ''})</span>
 ${i > 0 ? button(ctx, `${base}/questions/${i}/move`, t('forms.admin.up'), { by: '-1' }) : ''}
 ${i < page.questions.length - 1 ? button(ctx, `${base}/questions/${i}/move`, t('forms.admin.down'), { by: '1' }) : ''}
 ${button(ctx, `${base}/questions/${i}/delete`, t('forms.admin.delete_question'))}
 ${def.pages.length > 1 ? moveToPage(ctx, def, `${base}/questions/${i}/to`, p, i) : ''}</li>`,
  )}</ol>
<form method="post" action="${base}/questions" class="inline-form">${csrfField(ctx)}
<label for="type-${p}">${t('forms.admin.question_type')}</label>
<select id="type-${p}" name="type">${QUESTION_TYPES.map((ty) => html`<option value="${ty}">${t(`forms.admin.type.${ty}`)}</option>`)}</select>
<button type="submit">${t('forms.admin.add_question')}</button></form>
<p>${p > 0 ? button(ctx, `${base}/move`, t('forms.admin.page_up'), { by: '-1' }) : ''}
${p < def.pages.length - 1 ? button(ctx, `${base}/move`, t('forms.admin.page_down'), { by: '1' }) : ''}
${def.pages.length > 1 ? html`<a class="button secondary" href="${base}/delete">${t('forms.admin.delete_page')}</a>` : ''}</p>
</section>`;
}

function moveToPage(ctx: Ctx, def: FormDefinition, action: string, p: number, i: number): Html {
  const id = `to-${p}-${i}`;
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(ctx)}
<label for="${id}">${ctx.t('forms.admin.move_to')}</label>
<select id="${id}" name="to">${def.pages.map((_, k) => (k === p ? '' : html`<option value="${k}">${ctx.t('forms.admin.page_n', { n: k + 1 })}</option>`))}</select>
<button type="submit" class="secondary">${ctx.t('forms.admin.move')}</button></form>`;
}

/** What a refused change typed, kept beside the form it came from. */
export type Edit = {
  typed?: { page: number | 'settings'; values: Values; errors: FieldErrors };
  notice?: string | null;
};

/** The editor of a form's draft (or, when there is none, the offer to start one). */
export function editorPage(
  ctx: Ctx,
  data: {
    formId: string;
    slug: string;
    draft: { version: number; definition: FormDefinition } | null;
    published: number | null;
    edit: Edit;
  },
): Page {
  const { t, lang } = ctx;
  const base = `${BASE}/${data.formId}`;
  const versions = Array.from({ length: data.published ?? 0 }, (_, k) => k + 1).reverse();
  const versionList = html`<h2>${t('forms.admin.versions')}</h2>${
    versions.length
      ? html`<ul>${versions.map((n) => html`<li><a href="${base}/versions/${n}">${t('forms.admin.version', { n })}</a> (<a href="${base}/versions/${n}/export" download>${t('forms.admin.export_short')}</a>)</li>`)}</ul>`
      : html`<p>${t('forms.admin.never')}</p>`
  }`;
  if (!data.draft)
    return {
      title: data.slug,
      body: html`${notice(data.edit.notice ?? null)}<p><a href="${BASE}">${t('forms.admin.back')}</a></p>
<h1>${data.slug}</h1><p>${t('forms.admin.no_draft')}</p>
${button(ctx, `${base}/draft`, t('forms.admin.start_draft'), {}, '')}
<p><a href="${base}/import">${t('forms.admin.import')}</a></p>${versionList}`,
    };
  const def = data.draft.definition;
  const edit = data.edit;
  const typedSettings = edit.typed?.page === 'settings';
  const title = t('forms.admin.editor_title', {
    title: localize(def.title, lang, def.languages[0]),
    n: data.draft.version,
  });
  const errors = edit.typed?.errors ?? {};
  return {
    title,
    body: html`${errorSummary(t, errors)}${notice(edit.notice ?? null)}<p><a href="${BASE}">${t('forms.admin.back')}</a></p>
<h1>${title}</h1>
<p><a href="${base}/preview">${t('forms.admin.preview')}</a> · <a href="${base}/publish">${t('forms.admin.publish')}</a> · <a href="${base}/discard">${t('forms.admin.discard')}</a> · <a href="${base}/import">${t('forms.admin.import')}</a> · <a href="${base}/export" download>${t('forms.admin.export')}</a></p>
<details${typedSettings ? html` open` : ''}><summary>${t('forms.admin.settings')}</summary>
<form method="post" action="${base}/settings" class="stack" novalidate>${csrfField(ctx)}
${settingsFields(ctx, typedSettings ? edit.typed!.values : settingsValues(def), typedSettings ? errors : {})}
<div><button type="submit">${t('forms.admin.save_settings')}</button></div></form></details>
${def.pages.map((_, p) => pageSection(ctx, data.formId, def, p, edit))}
${button(ctx, `${base}/pages`, t('forms.admin.add_page'), {}, '')}
${versionList}`,
  };
}

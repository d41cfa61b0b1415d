// The form builder's pages around the editor (issue 17): the organisation's forms, a new form,
// the confirmations (publish, discard, delete a page), the import and a published version.
import type { Page, PageContext } from '../http/page.ts';
import { LANGS, localize, type Lang } from '../i18n/i18n.ts';
import { checkboxes, input, localizedInputs, select } from '../views/admin-form.ts';
import type { Values } from '../views/admin-form.ts';
import { errorSummary, type FieldErrors } from '../views/form.ts';
import { html, type Html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import type { FormDefinition } from './definition.ts';
import { citizenPages, readOnlyPages } from './admin-preview.ts';

type Ctx = PageContext;
export const BASE = '/staff/admin/forms';
export const LANG_NAMES: Record<Lang, string> = {
  sl: 'Slovenščina',
  cs: 'Čeština',
  en: 'English',
};
export const LEVELS = ['low', 'substantial', 'high'] as const;

export function notice(text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

type Row = {
  id: string;
  slug: string;
  title: Partial<Record<Lang, string>>;
  published: number | null;
  draft: number | null;
};

/** The organisation's forms: title, slug, newest published version, whether a draft waits. */
export function formListPage(ctx: Ctx, data: { forms: Row[]; fallback: Lang }): Page {
  const { t, lang } = ctx;
  return {
    title: t('forms.admin.title'),
    body: html`<h1>${t('forms.admin.title')}</h1>
<p>${t('forms.admin.lead')}</p>
<p><a class="button" href="${BASE}/new">${t('forms.admin.new')}</a></p>
${
  data.forms.length === 0
    ? html`<p>${t('forms.admin.none')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('forms.admin.title')}</caption>
<thead><tr><th scope="col">${t('forms.admin.col_title')}</th><th scope="col">${t('forms.admin.col_slug')}</th><th scope="col">${t('forms.admin.col_published')}</th><th scope="col">${t('forms.admin.col_draft')}</th></tr></thead>
<tbody>${data.forms.map(
        (f) => html`<tr>
  <th scope="row"><a href="${BASE}/${f.id}">${localize(f.title, lang, data.fallback) || f.slug}</a></th>
  <td><code>${f.slug}</code></td>
  <td>${f.published === null ? t('forms.admin.never') : t('forms.admin.version', { n: f.published })}</td>
  <td>${f.draft === null ? t('forms.admin.no') : t('forms.admin.yes')}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  };
}

/** The fields of a form's own settings: languages, title in each, level, act authorisation. */
export function settingsFields(ctx: Ctx, v: Values, e: FieldErrors): Html {
  const { t } = ctx;
  return html`${checkboxes({ name: 'languages', legend: t('forms.admin.languages'), hint: t('forms.admin.languages_hint'), values: v, errors: e, options: LANGS.map((l) => ({ value: l, label: LANG_NAMES[l] })) })}
  ${localizedInputs(t, { prefix: 'title', legend: t('forms.admin.form_title'), hint: t('forms.admin.form_title_hint'), values: v, errors: e, maxlength: 500 })}
  ${select({ name: 'assurance', label: t('forms.admin.assurance'), hint: t('forms.admin.assurance_hint'), values: v, errors: e, options: LEVELS.map((l) => ({ value: l, label: t(`forms.admin.assurance.${l}`) })) })}
  ${checkboxes({ name: 'authoriseAct', legend: t('forms.act.admin.legend'), hint: t('forms.act.admin.hint'), values: v, errors: e, options: [{ value: 'yes', label: t('forms.act.admin.label') }] })}`;
}

/** "New form": its address (slug), languages, title and level of assurance. */
export function newFormPage(ctx: Ctx, data: { values: Values; errors: FieldErrors }): Page {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  return {
    title: t('forms.admin.new'),
    body: html`${errorSummary(t, e)}<p><a href="${BASE}">${t('forms.admin.back')}</a></p>
<h1>${t('forms.admin.new')}</h1>
<form method="post" action="${BASE}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'slug', label: t('forms.admin.slug'), hint: t('forms.admin.slug_hint'), values: v, errors: e, required: true, maxlength: 80 })}
  ${settingsFields(ctx, v, e)}
  <div><button type="submit">${t('forms.admin.create')}</button></div>
</form>`,
  };
}

/** A question before a change that cannot be taken back: one form that posts confirm=yes. */
export function confirmPage(
  ctx: Ctx,
  o: { title: string; text: string; action: string; yes: string; back: string },
): Page {
  return {
    title: o.title,
    body: html`<h1>${o.title}</h1>
<p>${o.text}</p>
<form method="post" action="${o.action}" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${o.yes}</button>
</form>
<p><a href="${o.back}">${ctx.t('forms.admin.cancel')}</a></p>`,
  };
}

/** One version, read only: what citizens saw (or will see), page by page. */
export function versionPage(
  ctx: Ctx,
  data: {
    formId: string;
    version: number;
    published: boolean;
    definition: FormDefinition;
    versions: number[];
    preview: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const def = data.definition;
  const title = data.preview
    ? t('forms.admin.preview_title', { title: localize(def.title, lang, def.languages[0]) })
    : t('forms.admin.version_title', {
        title: localize(def.title, lang, def.languages[0]),
        n: data.version,
      });
  const base = `${BASE}/${data.formId}`;
  return {
    title,
    body: html`<p><a href="${base}">${t('forms.admin.back_editor')}</a></p>
<h1>${title}</h1>
<p>${data.preview ? t('forms.admin.preview_lead') : data.published ? t('forms.admin.version_lead') : t('forms.admin.draft_lead')}</p>
<p><a href="${base}/versions/${data.version}/export" download>${t('forms.admin.export')}</a></p>
${data.preview ? citizenPages(ctx, def) : readOnlyPages(ctx, def)}`,
  };
}

/** Importing a definition file into the draft; the engine's problems when it was refused. */
export function importPage(
  ctx: Ctx,
  data: { formId: string; problems: { path: string; text: string }[] },
): Page {
  const { t } = ctx;
  const base = `${BASE}/${data.formId}`;
  return {
    title: t('forms.admin.import'),
    body: html`${
      data.problems.length
        ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">${t('forms.admin.import_refused')}</h2>
  <ul>${data.problems.map((p) => html`<li>${p.path ? html`<code>${p.path}</code>: ` : ''}${p.text}</li>`)}</ul></div>`
        : ''
    }<p><a href="${base}">${t('forms.admin.back_editor')}</a></p>
<h1>${t('forms.admin.import')}</h1>
<p>${t('forms.admin.import_lead')}</p>
<form method="post" action="${base}/import?_csrf=${ctx.csrfToken()}" enctype="multipart/form-data" class="stack">
  <div><label for="file">${t('forms.admin.import_file')} <span class="hint" id="file-hint">${t('forms.admin.import_hint')}</span></label>
  <input type="file" id="file" name="file" accept="application/json,.json" aria-describedby="file-hint"></div>
  <div><button type="submit">${t('forms.admin.import_button')}</button></div>
</form>`,
  };
}

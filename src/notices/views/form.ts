// The new notice and correction forms (GOV.UK pattern: an error summary linking to each field,
// the message beside it, every typed value kept). Multipart, so attachments go with the form
// without JavaScript; files cannot be kept by a browser, so a refused post asks for them again.
import type { Page, PageContext } from '../../http/page.ts';
import { localize, type Localized } from '../../i18n/i18n.ts';
import { checkbox, checkboxes, input, select, type Values } from '../../views/admin-form.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { formatSize } from '../../views/sizes.ts';
import { CATEGORIES, LIMITS, NOTICE_LANGUAGES } from '../domain.ts';
import { FILES_FIELD } from '../upload-post.ts';
import { NOTICES_PATH, categoryLabel } from './common.ts';

/** What both forms show: the departments to choose from, typed values, errors, refused files. */
export type FormData = {
  departments: { id: string; name: Localized }[];
  values: Values;
  errors: FieldErrors;
  /** Each refused file's message, in the reader's language. */
  refused: string[];
  maxBytes: number;
};

function textarea(name: string, label: string, d: FormData, rows: number, hint?: string): Html {
  const error = d.errors[name];
  const value = typeof d.values[name] === 'string' ? d.values[name] : '';
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="${error ? 'field-error' : ''}"><label for="${name}">${label}${hint ? html` <span class="hint" id="${name}-hint">${hint}</span>` : ''}</label>${error ? html`<span class="error-message" id="${name}-error">${error}</span>` : ''}
  <textarea id="${name}" name="${name}" rows="${rows}"${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}>${value}</textarea></div>`;
}

function filesInput(ctx: PageContext, d: FormData): Html {
  const { t } = ctx;
  const error = d.errors.files;
  const hint = t('notices.admin.hint.files', {
    max: formatSize(d.maxBytes, ctx.lang),
    count: String(LIMITS.files),
  });
  return html`<div class="${error ? 'field-error' : ''}"><label for="${FILES_FIELD}">${t('notices.admin.field.files')} <span class="hint" id="files-hint">${hint}</span></label>
  ${error ? html`<span class="error-message" id="files-error">${error}</span>` : ''}
  ${d.refused.length ? html`<ul class="error-message" id="files-refused">${d.refused.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
  <input type="file" id="${FILES_FIELD}" name="${FILES_FIELD}" multiple accept="application/pdf,.pdf" aria-describedby="files-hint${error ? ' files-error' : ''}${d.refused.length ? ' files-refused' : ''}"${error ? html` aria-invalid="true"` : ''}></div>`;
}

/** The fields of a notice, shared by the new and the correction forms. */
function noticeFields(ctx: PageContext, d: FormData): Html {
  const { t, lang } = ctx;
  const { values, errors } = d;
  const departments = [
    { value: '', label: t('notices.admin.department.none') },
    ...d.departments.map((x) => ({ value: x.id, label: localize(x.name, lang) })),
  ];
  return html`${input({ name: 'title', label: t('notices.admin.field.title'), values, errors, required: true, maxlength: LIMITS.title, autocomplete: 'off' })}
  ${select({ name: 'category', label: t('notices.admin.field.category'), values, errors, options: CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) })) })}
  ${input({ name: 'referenceNumber', label: t('notices.admin.field.reference'), hint: t('notices.admin.hint.reference'), values, errors, maxlength: LIMITS.reference, autocomplete: 'off' })}
  ${input({ name: 'fileMark', label: t('notices.admin.field.file_mark'), hint: t('notices.admin.hint.file_mark'), values, errors, maxlength: LIMITS.reference, autocomplete: 'off' })}
  ${select({ name: 'department', label: t('notices.admin.field.department'), values, errors, options: departments })}
  ${input({ name: 'postOn', label: t('notices.admin.field.post_on'), hint: t('notices.admin.hint.day'), values, errors, required: true, autocomplete: 'off' })}
  ${input({ name: 'removeAfter', label: t('notices.admin.field.remove_after'), hint: t('notices.admin.hint.day'), values, errors, autocomplete: 'off' })}
  ${checkbox({ name: 'untilFurtherNotice', label: t('notices.admin.field.until_further_notice'), values, errors })}
  ${select({ name: 'language', label: t('notices.admin.field.language'), values, errors, options: NOTICE_LANGUAGES.map((l) => ({ value: l, label: t(`notices.admin.language.${l}`) })) })}
  ${textarea('body', t('notices.admin.field.body'), d, 12)}`;
}

/** The new notice form. */
export function newNoticePage(ctx: PageContext, d: FormData): Page {
  const { t } = ctx;
  const title = t('notices.admin.new.title');
  return {
    title,
    body: html`${errorSummary(t, d.errors)}
<p><a href="${NOTICES_PATH}">${t('notices.admin.back')}</a></p>
<h1>${title}</h1>
<p>${t('notices.admin.new.intro')}</p>
<form method="post" action="${NOTICES_PATH}/new?_csrf=${ctx.csrfToken()}" enctype="multipart/form-data" class="stack" novalidate>${csrfField(ctx)}
  ${noticeFields(ctx, d)}
  ${filesInput(ctx, d)}
  <div><button type="submit">${t('notices.admin.new.submit')}</button></div>
</form>`,
  };
}

/** The correction form: the current version's fields, its reason, the files to keep and to add. */
export function correctionPage(
  ctx: PageContext,
  d: FormData & {
    id: string;
    number: number;
    files: { id: string; name: string; size: number }[];
  },
): Page {
  const { t, lang } = ctx;
  const title = t('notices.admin.correct.title', { number: String(d.number) });
  const keep = d.files.length
    ? checkboxes({
        name: 'keep',
        legend: t('notices.admin.field.keep'),
        values: d.values,
        errors: d.errors,
        options: d.files.map((f) => ({
          value: f.id,
          label: `${f.name} (${formatSize(f.size, lang)})`,
        })),
      })
    : html``;
  return {
    title,
    body: html`${errorSummary(t, d.errors)}
<p><a href="${NOTICES_PATH}/${d.id}">${t('notices.admin.back')}</a></p>
<h1>${title}</h1>
<p>${t('notices.admin.correct.intro')}</p>
<form method="post" action="${NOTICES_PATH}/${d.id}/correct?_csrf=${ctx.csrfToken()}" enctype="multipart/form-data" class="stack" novalidate>${csrfField(ctx)}
  <input type="hidden" name="base" value="${String(d.values.base ?? '')}">
  ${textarea('note', t('notices.admin.field.note'), d, 3, t('notices.admin.hint.note'))}
  ${noticeFields(ctx, d)}
  ${keep}
  ${filesInput(ctx, d)}
  <div><button type="submit">${t('notices.admin.correct.submit')}</button></div>
</form>`,
  };
}

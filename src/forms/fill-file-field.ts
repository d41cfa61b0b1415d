// A file question on a page without JavaScript (decision 039): what it takes (types, size, the
// form's bounds) said before the upload, a file input with its own "Upload" button, and once a
// file is attached its name and size with a "Remove" button. The field's hidden input names the
// attached file by its id; the server checks that the draft holds it.
import type { Html } from '../views/html.ts';
import { html } from '../views/html.ts';
import { formatSize } from '../views/sizes.ts';
import { FILE_TYPES } from '../files/service.ts';
import {
  attachmentRules,
  MAX_BYTES_PER_DRAFT,
  MAX_FILES_PER_DRAFT,
  type AttachmentRules,
} from './attachments-domain.ts';
import type { QuestionOf } from './definition.ts';
import type { PageContext } from '../http/page.ts';

/** What a page knows of the draft's files and of what each question takes. */
export type FileFieldContext = {
  byId: ReadonlyMap<string, { name: string; size: number }>;
  rules: (q: QuestionOf<'file'>) => AttachmentRules;
  draft: { filesPerDraft: number; bytesPerDraft: number };
};

/** One file question under the field name `name`, with its label, help and error. */
export function fileField(
  ctx: PageContext,
  files: FileFieldContext | undefined,
  q: QuestionOf<'file'>,
  o: { name: string; label: string; help: string; error: string | undefined; value: string },
): Html {
  const { t, lang } = ctx;
  const { name } = o;
  // Without a draft (the builder's preview): the question's own rules, as a citizen would see them.
  const all = { maxFileBytes: q.maxBytes, types: Object.keys(FILE_TYPES) };
  const rules = files ? files.rules(q) : attachmentRules(q, all, FILE_TYPES);
  const draft = files?.draft ?? {
    filesPerDraft: MAX_FILES_PER_DRAFT,
    bytesPerDraft: MAX_BYTES_PER_DRAFT,
  };
  if (rules.types.length === 0)
    return html`<div class="field" id="${name}"><p><strong>${o.label}</strong></p>
<p class="notice">${t('forms.attach.not_online')}</p></div>`;
  const attached = o.value ? files?.byId.get(o.value) : undefined;
  const hint = [
    o.help,
    t('forms.attach.limits', {
      types: rules.typeNames.join(', '),
      max: formatSize(rules.maxBytes, lang),
    }),
    t('forms.attach.form_limits', {
      count: String(draft.filesPerDraft),
      max: formatSize(draft.bytesPerDraft, lang),
    }),
    t('forms.attach.scan'),
  ]
    .filter(Boolean)
    .join(' ');
  const ids = [`${name}-hint`, o.error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const notes = html`<div class="hint" id="${name}-hint">${hint}</div>${
    o.error ? html`<p class="error-message" id="${name}-error">${o.error}</p>` : ''
  }`;
  if (attached)
    return html`<fieldset class="field${o.error ? ' field-error' : ''}" aria-describedby="${ids}">
<legend>${o.label}</legend>${notes}
<input type="hidden" name="${name}" value="${o.value}">
<p>${t('forms.attach.attached')} <strong>${attached.name}</strong> (${formatSize(attached.size, lang)})
<button type="submit" class="secondary" id="${name}" name="_action" value="remove-file:${name}">${t('forms.attach.remove')}<span class="visually-hidden"> ${attached.name}</span></button></p>
</fieldset>`;
  const accept = rules.typeNames.map((x) => `.${x.toLowerCase()}`).join(',');
  return html`<div class="field${o.error ? ' field-error' : ''}">
<label for="${name}">${o.label}</label>${notes}
<input type="file" id="${name}" name="${name}" accept="${accept}" aria-describedby="${ids}"${o.error ? html` aria-invalid="true"` : ''}>
<button type="submit" class="secondary" name="_action" value="upload:${name}">${t('forms.attach.upload')}<span class="visually-hidden"> ${o.label}</span></button>
</div>`;
}

// Each kind of question as accessible server-side HTML (decision 038): a label or, for choices
// and composite answers, a fieldset with its legend; the help text and the error linked by
// aria-describedby; what was typed kept. No JavaScript: a group's "add another" and "remove" are
// plain submit buttons.
import type { PageContext } from '../http/page.ts';
import type { Lang } from '../i18n/i18n.ts';
import { html, type Html } from '../views/html.ts';
import type { FormDefinition, LocalizedText, MemberQuestion, Question } from './definition.ts';
import { fileField, type FileFieldContext } from './fill-file-field.ts';
import { repeatsOf, type Fields } from './fill-values.ts';

/** What a question renders with: the reader, the form's languages, the values and the errors. */
export type Rendering = {
  ctx: PageContext;
  def: FormDefinition;
  fields: Fields;
  errors: Record<string, string>;
  /** The draft's files and what each file question takes; without it, files are not taken. */
  files?: FileFieldContext;
};

/** A text of the definition in the reader's language, else in the form's first language. */
export function say(text: LocalizedText | undefined, def: FormDefinition, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? text[def.languages[0]!] ?? '';
}

const one = (f: Fields, name: string) => {
  const v = f[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The hint and error ids a control names in aria-describedby, and their markup. */
function notes(r: Rendering, name: string, help: string, extraHint = '') {
  const error = r.errors[name];
  const hint = [help, extraHint].filter(Boolean).join(' ');
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return {
    error,
    ids,
    markup: html`${hint ? html`<div class="hint" id="${name}-hint">${hint}</div>` : ''}${
      error ? html`<p class="error-message" id="${name}-error">${error}</p>` : ''
    }`,
    attrs: html`${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`,
  };
}

function input(
  r: Rendering,
  name: string,
  label: string,
  help: string,
  opts: {
    type?: string;
    autocomplete?: string;
    inputmode?: string;
    extraHint?: string;
    width?: string;
  } = {},
): Html {
  const n = notes(r, name, help, opts.extraHint);
  return html`<div class="field${n.error ? ' field-error' : ''}">
<label for="${name}">${label}</label>${n.markup}
<input id="${name}" name="${name}" type="${opts.type ?? 'text'}" value="${one(r.fields, name)}"${
    opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''
  }${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${opts.width ? html` class="${opts.width}"` : ''}${n.attrs}>
</div>`;
}

/** A fieldset of parts (address, person): the legend is the question, each part a labelled input. */
function parts(
  r: Rendering,
  name: string,
  legend: string,
  help: string,
  list: [part: string, label: string, autocomplete: string][],
): Html {
  const n = notes(r, name, help);
  return html`<fieldset id="${name}" class="field"${n.ids ? html` aria-describedby="${n.ids}"` : ''}>
<legend>${legend}</legend>${n.markup}
${list.map(([part, label, autocomplete]) => input(r, `${name}.${part}`, label, '', { autocomplete }))}
</fieldset>`;
}

/** Radios or check boxes in a fieldset; the first option carries the question's id for the summary's link. */
function choices(
  r: Rendering,
  name: string,
  legend: string,
  help: string,
  type: 'radio' | 'checkbox',
  options: { value: string; label: string }[],
): Html {
  const n = notes(r, name, help);
  const chosen = r.fields[name];
  const isChosen = (v: string) => (Array.isArray(chosen) ? chosen.includes(v) : chosen === v);
  return html`<fieldset class="field${n.error ? ' field-error' : ''}"${n.ids ? html` aria-describedby="${n.ids}"` : ''}>
<legend>${legend}</legend>${n.markup}
${options.map((o, i) => {
  const id = i === 0 ? name : `${name}-${i}`;
  return html`<div class="choice"><input type="${type}" id="${id}" name="${name}" value="${o.value}"${
    isChosen(o.value) ? html` checked` : ''
  }><label for="${id}">${o.label}</label></div>`;
})}
</fieldset>`;
}

/** One question that is not a group, under the field name `name`. */
export function member(r: Rendering, q: MemberQuestion, name: string): Html {
  const { t, lang } = r.ctx;
  const label = say(q.label, r.def, lang) + (q.required ? '' : ` ${t('forms.fill.optional')}`);
  const help = say(q.help, r.def, lang);
  switch (q.type) {
    case 'text':
      return input(r, name, label, help);
    case 'longText': {
      const n = notes(r, name, help);
      return html`<div class="field${n.error ? ' field-error' : ''}"><label for="${name}">${label}</label>${n.markup}
<textarea id="${name}" name="${name}" rows="6"${n.attrs}>${one(r.fields, name)}</textarea></div>`;
    }
    case 'number':
      return input(r, name, label, help, {
        inputmode: q.decimals ? 'decimal' : 'numeric',
        width: 'short',
      });
    case 'money':
      return input(r, name, label, help, {
        inputmode: 'decimal',
        width: 'short',
        extraHint: t('forms.fill.hint.money', { currency: q.currency }),
      });
    case 'date':
      return input(r, name, label, help, { extraHint: t('forms.fill.hint.date'), width: 'short' });
    case 'email':
      return input(r, name, label, help, { type: 'email', autocomplete: 'email' });
    case 'phone':
      return input(r, name, label, help, { type: 'tel', autocomplete: 'tel' });
    case 'singleChoice':
    case 'multipleChoice':
      return choices(
        r,
        name,
        label,
        help,
        q.type === 'singleChoice' ? 'radio' : 'checkbox',
        q.options.map((o) => ({ value: o.value, label: say(o.label, r.def, lang) })),
      );
    case 'yesNo':
      return choices(r, name, label, help, 'radio', [
        { value: 'yes', label: t('forms.fill.yes') },
        { value: 'no', label: t('forms.fill.no') },
      ]);
    case 'address':
      return parts(r, name, label, help, [
        ['street', t('forms.fill.address.street'), 'street-address'],
        ['postcode', t('forms.fill.address.postcode'), 'postal-code'],
        ['city', t('forms.fill.address.city'), 'address-level2'],
        ['country', t('forms.fill.address.country'), 'country'],
      ]);
    case 'person':
      return parts(r, name, label, help, [
        ['givenName', t('forms.fill.person.given_name'), 'given-name'],
        ['familyName', t('forms.fill.person.family_name'), 'family-name'],
        ...(q.withDateOfBirth
          ? [
              ['dateOfBirth', t('forms.fill.person.date_of_birth'), 'bday'] as [
                string,
                string,
                string,
              ],
            ]
          : []),
      ]);
    case 'file':
      return fileField(r.ctx, r.files, q, {
        name,
        label,
        help,
        error: r.errors[name],
        value: one(r.fields, name),
      });
  }
}

/** A question: a group as a fieldset per repeat with "remove", and "add another" below. */
export function question(r: Rendering, q: Question, shown: Set<string>): Html {
  if (q.type !== 'group') return member(r, q, q.id);
  const { t, lang } = r.ctx;
  const found = repeatsOf(q.id, r.fields);
  const count = Math.min(q.maxItems, Math.max(found.length, q.minItems, 1));
  const indexes = Array.from({ length: count }, (_, i) => i);
  const label = say(q.label, r.def, lang);
  const n = notes(r, q.id, say(q.help, r.def, lang));
  return html`<div class="group" id="${q.id}"${n.ids ? html` aria-describedby="${n.ids}"` : ''}>
<h2>${label}</h2>${n.markup}
${indexes.map(
  (i) => html`<fieldset class="repeat">
<legend>${t('forms.fill.repeat', { label, number: i + 1 })}</legend>
${q.questions.filter((m) => shown.has(m.id)).map((m) => member(r, m, `${q.id}.${i}.${m.id}`))}
${count > 1 ? html`<button type="submit" class="secondary" name="_action" value="remove:${q.id}:${i}">${t('forms.fill.remove', { label, number: i + 1 })}</button>` : ''}
</fieldset>`,
)}
${count < q.maxItems ? html`<button type="submit" class="secondary" name="_action" value="add:${q.id}">${t('forms.fill.add_another', { label })}</button>` : ''}
</div>`;
}

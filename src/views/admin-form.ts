import { LANGS, type Lang, type Translate } from '../i18n/i18n.ts';
import { html, type Html } from './html.ts';
import type { FieldErrors } from './form.ts';

// Form parts for the back office's longer forms (offices, services, accounts, settings):
// each keeps what was typed, shows its error beside it and uses the field's name as its id,
// so the error summary's links land on the input.

/** Typed values as they come back: one string per field, arrays for checkbox groups. */
export type Values = Record<string, string | string[] | undefined>;

const LANGUAGE_NAMES: Record<Lang, string> = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' };

function str(values: Values, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function described(
  name: string,
  hint: string | undefined,
  error: string | undefined,
  extra = '',
): Html {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : '', extra]
    .filter(Boolean)
    .join(' ');
  return html`${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`;
}

function labelFor(name: string, label: string, hint?: string): Html {
  return html`<label for="${name}">${label}${hint ? html` <span class="hint" id="${name}-hint">${hint}</span>` : ''}</label>`;
}

function errorOf(name: string, error: string | undefined): Html {
  return error ? html`<span class="error-message" id="${name}-error">${error}</span>` : html``;
}

/** A single-line input. */
export function input(o: {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors;
  type?: 'text' | 'email' | 'tel' | 'url' | 'password';
  hint?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal';
  required?: boolean;
  maxlength?: number;
}): Html {
  const error = o.errors[o.name];
  const value = o.type === 'password' ? '' : str(o.values, o.name);
  return html`<div class="${error ? 'field-error' : ''}">${labelFor(o.name, o.label, o.hint)}${errorOf(o.name, error)}
  <input type="${o.type === 'url' ? 'text' : (o.type ?? 'text')}" id="${o.name}" name="${o.name}" value="${value}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.required ? html` required` : ''}${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${described(o.name, o.hint, error)}></div>`;
}

/** A select from fixed options. */
export function select(o: {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors;
  options: { value: string; label: string }[];
  hint?: string;
}): Html {
  const error = o.errors[o.name];
  const current = str(o.values, o.name);
  return html`<div class="${error ? 'field-error' : ''}">${labelFor(o.name, o.label, o.hint)}${errorOf(o.name, error)}
  <select id="${o.name}" name="${o.name}"${described(o.name, o.hint, error)}>${o.options.map((opt) => (opt.value === current ? html`<option value="${opt.value}" selected>${opt.label}</option>` : html`<option value="${opt.value}">${opt.label}</option>`))}</select></div>`;
}

/** One checkbox with the value 1. */
export function checkbox(o: {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors;
}): Html {
  const error = o.errors[o.name];
  return html`<div class="check${error ? ' field-error' : ''}">${errorOf(o.name, error)}<input type="checkbox" id="${o.name}" name="${o.name}" value="1"${str(o.values, o.name) === '1' ? html` checked` : ''}${described(o.name, undefined, error)}> <label for="${o.name}">${o.label}</label></div>`;
}

/** A group of checkboxes sharing a name; the first carries the group's id for the error summary. */
export function checkboxes(o: {
  name: string;
  legend: string;
  values: Values;
  errors: FieldErrors;
  options: { value: string; label: string }[];
  hint?: string;
}): Html {
  const error = o.errors[o.name];
  const v = o.values[o.name];
  const checked = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return html`<fieldset class="${error ? 'field-error' : ''}"${described(o.name, o.hint, error)}><legend>${o.legend}</legend>
  ${o.hint ? html`<span class="hint" id="${o.name}-hint">${o.hint}</span>` : ''}${errorOf(o.name, error)}
  ${
    o.options.length
      ? o.options.map((opt, i) => {
          const id = i === 0 ? o.name : `${o.name}-${i}`;
          return html`<div class="check"><input type="checkbox" id="${id}" name="${o.name}" value="${opt.value}"${checked.includes(opt.value) ? html` checked` : ''}> <label for="${id}">${opt.label}</label></div>`;
        })
      : html`<p class="muted">—</p>`
  }
</fieldset>`;
}

/**
 * A text in Slovenian, Czech and English: three inputs in a fieldset. With `warnMissing`, an
 * empty language beside a filled one is marked as a missing translation right at its input.
 */
export function localizedInputs(
  t: Translate,
  o: {
    prefix: string;
    legend: string;
    values: Values;
    errors: FieldErrors;
    multiline?: boolean;
    warnMissing?: boolean;
    maxlength?: number;
    hint?: string;
  },
): Html {
  const filled = LANGS.filter((l) => str(o.values, `${o.prefix}_${l}`).trim());
  return html`<fieldset><legend>${o.legend}</legend>${o.hint ? html`<span class="hint">${o.hint}</span>` : ''}
  ${LANGS.map((l) => {
    const name = `${o.prefix}_${l}`;
    const error = o.errors[name];
    const missing = o.warnMissing && filled.length > 0 && !filled.includes(l);
    const warnId = missing ? `${name}-missing` : '';
    const value = str(o.values, name);
    return html`<div class="${error ? 'field-error' : ''}"><label for="${name}" lang="${l}">${LANGUAGE_NAMES[l]}</label>${errorOf(name, error)}
    ${missing ? html`<span class="warning" id="${warnId}">${t('form.missing_here')}</span>` : ''}
    ${
      o.multiline
        ? html`<textarea id="${name}" name="${name}" rows="3" lang="${l}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${described(name, undefined, error, warnId)}>${value}</textarea>`
        : html`<input type="text" id="${name}" name="${name}" value="${value}" lang="${l}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${described(name, undefined, error, warnId)}>`
    }</div>`;
  })}
</fieldset>`;
}

/** Error keys from a service (a `|` joins several reasons for one field) in the reader's language. */
export function translateErrors(t: Translate, fields: Record<string, string>): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([f, keys]) => [
      f,
      keys
        .split('|')
        .map((k) => t(k as Parameters<Translate>[0]))
        .join(' '),
    ]),
  );
}

import type { Translate } from '../i18n/i18n.ts';
import { html, type Html } from './html.ts';

/** Per-field error messages, keyed by field name. */
export type FieldErrors = Record<string, string>;

/** The error summary at the top of a form: a heading and a link to each field with a problem. */
export function errorSummary(t: Translate, errors: FieldErrors): Html {
  const entries = Object.entries(errors);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">${t('form.error_summary')}</h2>
  <ul>${entries.map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>
</div>`;
}

/** A labelled input that shows its error beside it and keeps what was typed. */
export function field(opts: {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'tel';
  value?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  /** The keyboard a phone shows: digits for a one-time code. */
  inputmode?: 'numeric';
}): Html {
  const errorId = `${opts.name}-error`;
  const hintId = `${opts.name}-hint`;
  const describedBy = [opts.hint ? hintId : '', opts.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="${opts.error ? 'field-error' : ''}">
  <label for="${opts.name}">${opts.label}${opts.hint ? html` <span class="hint" id="${hintId}">${opts.hint}</span>` : ''}</label>
  ${opts.error ? html`<span class="error-message" id="${errorId}">${opts.error}</span>` : ''}
  <input type="${opts.type}" id="${opts.name}" name="${opts.name}" value="${opts.type === 'password' ? '' : (opts.value ?? '')}"
    ${opts.autocomplete ? html`autocomplete="${opts.autocomplete}"` : ''} ${opts.inputmode ? html`inputmode="${opts.inputmode}"` : ''} ${opts.required ? html`required` : ''}
    ${opts.error ? html`aria-invalid="true"` : ''} ${describedBy ? html`aria-describedby="${describedBy}"` : ''}>
</div>`;
}

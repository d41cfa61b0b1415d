// An answer's error in the reader's language: the message key's text with its amounts, dates and
// sizes written as that language writes them (sl "12,50 €", cs "12,50 Kč", en "€12.50").
import { localeOf, translator, type Lang } from '../i18n/i18n.ts';
import type { FieldIssue } from '../lib/errors.ts';
import { formatSize } from '../views/sizes.ts';
import type { FieldError, FieldParam } from './answer-types.ts';

function written(param: FieldParam, lang: Lang): string | number {
  if (typeof param !== 'object') return param;
  if ('money' in param) {
    // Minor units to a decimal by text, so no float ever stands for the amount.
    const cents = String(param.money % 100).padStart(2, '0');
    const amount = `${Math.trunc(param.money / 100)}.${cents}` as `${number}`;
    const style = { style: 'currency', currency: param.currency } as const;
    return new Intl.NumberFormat(localeOf(lang), style).format(amount);
  }
  if ('date' in param)
    return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${param.date}T00:00:00Z`),
    );
  return formatSize(param.bytes, lang);
}

/** The text of one field's error for the error summary and the field, in `lang`. */
export function fieldErrorText(error: FieldError, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {}))
    params[name] = written(value, lang);
  return translator(lang)(error.key, params);
}

/**
 * Answers' errors as the API's field issues (a 422 problem document naming each field): the
 * field's path, the message key's last part as a stable code (`required`, `too_long`, …) and the
 * text in `lang`.
 */
export function answerIssues(errors: readonly FieldError[], lang: Lang): FieldIssue[] {
  return errors.map((e) => ({
    field: e.field,
    code: e.key.slice('forms.error.'.length),
    message: fieldErrorText(e, lang),
  }));
}

// The form staff create an obligation with (GOV.UK pattern: an error summary linking to each
// field, the message beside it, every typed value kept).
import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { input, select, type Values } from '../../views/admin-form.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import type { FeeRegister } from '../service.ts';
import { FEES_PATH } from './common.ts';

type FeeTypes = Awaited<ReturnType<FeeRegister['feeTypes']>>;

/** How many due dates the form offers: four instalments cover the usual quarterly schedule. */
export const DUE_FIELDS = 4;

function dueDates(ctx: PageContext, values: Values, errors: FieldErrors): Html {
  const { t } = ctx;
  const error = errors.due1;
  return html`<fieldset class="${error ? 'field-error' : ''}" aria-describedby="due-hint${error ? ' due1-error' : ''}">
  <legend>${t('fees.field.due_dates')}</legend>
  <span class="hint" id="due-hint">${t('fees.hint.due_dates')}</span>
  ${error ? html`<span class="error-message" id="due1-error">${error}</span>` : ''}
  ${Array.from({ length: DUE_FIELDS }, (_, i) => {
    const name = `due${i + 1}`;
    const value = typeof values[name] === 'string' ? values[name] : '';
    return html`<div><label for="${name}">${t('fees.field.due_n', { n: String(i + 1) })}</label>
    <input type="text" id="${name}" name="${name}" value="${value}" autocomplete="off" inputmode="numeric"${i === 0 ? html` required` : ''}${i === 0 && error ? html` aria-invalid="true"` : ''}></div>`;
  })}
</fieldset>`;
}

/** The new obligation form; with no fee type yet, a pointer to where one is made. */
export function newObligationPage(
  ctx: PageContext,
  data: { types: FeeTypes; values: Values; errors: FieldErrors },
): Page {
  const { t, lang } = ctx;
  const { values, errors } = data;
  const title = t('fees.new.title');
  if (!data.types.length)
    return {
      title,
      body: html`<h1>${title}</h1><p><a href="${FEES_PATH}/types">${t('fees.new.no_types')}</a></p>`,
    };
  return {
    title,
    body: html`${errorSummary(t, errors)}
<p><a href="${FEES_PATH}">${t('fees.link.back')}</a></p>
<h1>${title}</h1>
<p>${t('fees.new.intro')}</p>
<form method="post" action="${FEES_PATH}/new" class="stack" novalidate>${csrfField(ctx)}
  ${select({ name: 'feeType', label: t('fees.field.fee_type'), values, errors, options: data.types.map((f) => ({ value: f.id, label: localize(f.name, lang) })) })}
  ${input({ name: 'payerName', label: t('fees.field.payer_name'), values, errors, required: true, maxlength: 200, autocomplete: 'off' })}
  ${input({ name: 'subject', label: t('fees.field.subject'), hint: t('fees.hint.subject'), values, errors, maxlength: 200, autocomplete: 'off' })}
  ${input({ name: 'period', label: t('fees.field.period'), hint: t('fees.hint.period'), values, errors, required: true, maxlength: 40, autocomplete: 'off' })}
  ${dueDates(ctx, values, errors)}
  ${input({ name: 'amount', label: t('fees.field.amount'), hint: t('fees.hint.amount_rate'), values, errors, inputmode: 'decimal', autocomplete: 'off' })}
  ${input({ name: 'birthNumber', label: t('fees.field.birth_number'), hint: t('fees.hint.birth_number'), values, errors, autocomplete: 'off', inputmode: 'numeric' })}
  ${input({ name: 'email', label: t('fees.field.email'), values, errors, type: 'email', autocomplete: 'off', maxlength: 254 })}
  <div><button type="submit">${t('fees.new.submit')}</button></div>
</form>`,
  };
}

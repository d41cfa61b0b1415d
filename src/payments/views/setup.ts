// The register's setup pages: fee types with their rate versions, and the payment settings.
import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { checkbox, input, localizedInputs, select, type Values } from '../../views/admin-form.ts';
import { dateOf } from '../../views/dates.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import type { FeeRegister } from '../service.ts';
import { FEES_PATH, money, notice } from './common.ts';

type FeeType = Awaited<ReturnType<FeeRegister['feeTypes']>>[number];

/** Which form on the types page the typed values and errors belong to. */
export type TypesForm = { form: 'type' } | { form: 'rate'; feeTypeId: string };

function rateForm(ctx: PageContext, f: FeeType, values: Values, errors: FieldErrors): Html {
  const { t, lang } = ctx;
  const id = `rate-${f.id}`;
  return html`<form method="post" action="${FEES_PATH}/types/${f.id}/rates" class="stack" novalidate aria-labelledby="${id}">${csrfField(ctx)}
  <h4 id="${id}">${t('fees.rate.add', { name: localize(f.name, lang) })}</h4>
  ${input({ name: 'effectiveFrom', label: t('fees.field.effective_from'), hint: t('fees.hint.date'), values, errors, autocomplete: 'off', required: true })}
  ${input({ name: 'amount', label: t('fees.field.amount'), hint: t('fees.hint.amount'), values, errors, inputmode: 'decimal', autocomplete: 'off', required: true })}
  ${input({ name: 'ordinance', label: t('fees.field.ordinance'), hint: t('fees.hint.ordinance'), values, errors, maxlength: 200, autocomplete: 'off', required: true })}
  <div><button type="submit">${t('fees.rate.add_submit')}</button></div>
</form>`;
}

function feeTypeSection(
  ctx: PageContext,
  f: FeeType,
  currency: string,
  typed: { values: Values; errors: FieldErrors } | null,
): Html {
  const { t, lang } = ctx;
  const rates = f.rates.length
    ? html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t('fees.col.effective_from')}</th><th scope="col" class="num">${t('fees.col.amount')}</th><th scope="col">${t('fees.col.ordinance')}</th></tr></thead>
<tbody>${[...f.rates].reverse().map((r) => html`<tr><th scope="row">${dateOf(r.effectiveFrom, lang)}${r === f.current ? html` <span class="tag">${t('fees.types.in_force')}</span>` : ''}</th><td class="num">${money(ctx, r.amountMinor, currency)}</td><td>${r.ordinance}</td></tr>`)}</tbody>
</table></div>`
    : html`<p>${t('fees.types.no_rates')}</p>`;
  return html`<section aria-labelledby="type-${f.id}"><h3 id="type-${f.id}">${localize(f.name, lang)} <span class="muted">(${f.code})</span></h3>
<p class="muted">${t(`fees.basis.${f.basis}` as MessageKey)}${f.number ? html` · ${t('fees.types.number', { number: String(f.number).padStart(2, '0') })}` : ''}${f.formSlug ? html` · ${t('fees.types.created_by_form', { slug: f.formSlug })}` : ''}</p>
${rates}
${rateForm(ctx, f, typed?.values ?? {}, typed?.errors ?? {})}</section>`;
}

function typeForm(ctx: PageContext, values: Values, errors: FieldErrors): Html {
  const { t } = ctx;
  return html`<h2 id="new-type">${t('fees.types.new')}</h2>
<form method="post" action="${FEES_PATH}/types" class="stack" novalidate aria-labelledby="new-type">${csrfField(ctx)}
  ${input({ name: 'code', label: t('fees.field.code'), hint: t('fees.hint.code'), values, errors, maxlength: 40, autocomplete: 'off', required: true })}
  ${localizedInputs(t, { prefix: 'name', legend: t('fees.field.name'), values, errors, maxlength: 120 })}
  ${select({ name: 'basis', label: t('fees.field.basis'), values, errors, options: (['person', 'household', 'object'] as const).map((b) => ({ value: b, label: t(`fees.basis.${b}`) })) })}
  ${input({ name: 'formSlug', label: t('fees.field.form_slug'), hint: t('fees.hint.form_slug'), values, errors, maxlength: 80, autocomplete: 'off' })}
  <div><button type="submit">${t('fees.types.create_submit')}</button></div>
</form>`;
}

/** The fee types, each with its rates and a form for the next rate, and a form for a new type. */
export function feeTypesPage(
  ctx: PageContext,
  data: {
    types: FeeType[];
    currency: string;
    done: string | null;
    typed: (TypesForm & { values: Values; errors: FieldErrors }) | null;
  },
): Page {
  const { t } = ctx;
  const typed = data.typed;
  const forType = typed?.form === 'type' ? typed : null;
  return {
    title: t('fees.types.title'),
    body: html`${errorSummary(t, typed?.errors ?? {})}${notice(data.done)}
<p><a href="${FEES_PATH}">${t('fees.link.back')}</a></p>
<h1>${t('fees.types.title')}</h1>
<p class="lead">${t('fees.types.intro')}</p>
${data.types.length ? data.types.map((f) => feeTypeSection(ctx, f, data.currency, typed?.form === 'rate' && typed.feeTypeId === f.id ? typed : null)) : html`<p>${t('fees.types.empty')}</p>`}
${typeForm(ctx, forType?.values ?? {}, forType?.errors ?? {})}`,
  };
}

/** The payment settings form: payee, account, QR format, and the birth-number switch with its legal basis. */
export function settingsPage(
  ctx: PageContext,
  data: { saved: boolean; exists: boolean; values: Values; errors: FieldErrors },
): Page {
  const { t } = ctx;
  const { values, errors } = data;
  return {
    title: t('fees.settings.title'),
    body: html`${errorSummary(t, errors)}${notice(data.saved ? t('fees.settings.saved') : null)}
<p><a href="${FEES_PATH}">${t('fees.link.back')}</a></p>
<h1>${t('fees.settings.title')}</h1>
<p class="lead">${t('fees.settings.intro')}</p>
${data.exists ? '' : html`<p class="notice">${t('fees.settings.none')}</p>`}
<form method="post" action="${FEES_PATH}/settings" class="stack" novalidate>${csrfField(ctx)}
  ${input({ name: 'payeeName', label: t('fees.field.payee_name'), values, errors, maxlength: 70, required: true, autocomplete: 'off' })}
  ${input({ name: 'payeeStreet', label: t('fees.field.payee_street'), values, errors, maxlength: 33, autocomplete: 'off' })}
  ${input({ name: 'payeeCity', label: t('fees.field.payee_city'), values, errors, maxlength: 33, autocomplete: 'off' })}
  ${input({ name: 'iban', label: t('fees.field.iban'), hint: t('fees.hint.iban'), values, errors, required: true, autocomplete: 'off' })}
  ${input({ name: 'bic', label: t('fees.field.bic'), values, errors, maxlength: 11, autocomplete: 'off' })}
  ${select({ name: 'qrFormat', label: t('fees.field.qr_format'), values, errors, options: (['spayd', 'upn', 'epc'] as const).map((f) => ({ value: f, label: t(`fees.qr.${f}`) })) })}
  ${input({ name: 'purposeCode', label: t('fees.field.purpose_code'), hint: t('fees.hint.purpose_code'), values, errors, maxlength: 4, autocomplete: 'off' })}
  <p class="hint" id="birth-number-hint">${t('fees.hint.birth_number_lookup')}</p>
  ${checkbox({ name: 'birthNumberLookup', label: t('fees.field.birth_number_lookup'), values, errors })}
  ${localizedInputs(t, { prefix: 'legalBasis', legend: t('fees.field.legal_basis'), values, errors, multiline: true, maxlength: 500 })}
  <div><button type="submit">${t('fees.settings.submit')}</button></div>
</form>`,
  };
}

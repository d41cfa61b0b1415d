import type { Page, PageContext } from '../../http/page.ts';
import { localize, type Lang, type Localized } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import {
  checkbox,
  checkboxes,
  input,
  localizedInputs,
  select,
  type Values,
} from '../../views/admin-form.ts';
import { formatFee, officeTimeZones, type TranslationGap } from '../admin-domain.ts';
import type { OrganisationAdmin } from '../admin.ts';

type Ctx = PageContext;
const LANG_NAMES: Record<Lang, string> = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' };

function saved(ctx: Ctx, show: boolean): Html {
  return show ? html`<p class="notice" role="status">${ctx.t('adm.saved')}</p>` : html``;
}

/** The section's start page: what can be set, and where. */
export function adminHomePage(ctx: Ctx): Page {
  const { t } = ctx;
  const items: [string, string, string][] = [
    ['/staff/admin/offices', t('adm.offices.title'), t('adm.home.offices')],
    ['/staff/admin/services', t('adm.services.title'), t('adm.home.services')],
    ['/staff/admin/officials', t('adm.staff.title'), t('adm.home.staff')],
    ['/staff/admin/settings', t('adm.settings.title'), t('adm.home.settings')],
    ['/staff/availability', t('layout.nav.availability'), t('adm.home.availability')],
    ['/staff/account/password', t('pw.title'), t('adm.home.password')],
  ];
  return {
    title: t('adm.home.title'),
    body: html`<h1>${t('adm.home.title')}</h1>
<ul class="cards">${items.map(([href, title, text]) => html`<li class="card"><h2><a href="${href}">${title}</a></h2><p>${text}</p></li>`)}</ul>`,
  };
}

type Offices = Awaited<ReturnType<OrganisationAdmin['offices']>>;

/** The organisation's offices, active and not. */
export function officesPage(ctx: Ctx, data: Offices & { saved: boolean }): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.default_language;
  return {
    title: t('adm.offices.title'),
    body: html`${saved(ctx, data.saved)}<h1>${t('adm.offices.title')}</h1>
<p><a class="button" href="/staff/admin/offices/new">${t('adm.offices.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('adm.offices.title')}</caption>
<thead><tr><th scope="col">${t('adm.field.name')}</th><th scope="col">${t('adm.field.address')}</th><th scope="col">${t('adm.field.state')}</th><th scope="col">${t('adm.offices.future')}</th></tr></thead>
<tbody>${data.offices.map(
      (o) => html`<tr>
  <th scope="row"><a href="/staff/admin/offices/${o.id}">${localize(o.name, lang, fb) || o.slug}</a></th>
  <td>${o.street}, ${o.postcode} ${o.city}</td>
  <td>${o.active ? t('adm.active') : html`<strong>${t('adm.inactive')}</strong>`}</td>
  <td>${o.futureBookings}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('adm.offices.hours_hint')} <a href="/staff/availability">${t('layout.nav.availability')}</a></p>`,
  };
}

/** Values of the office form for an office as stored (or a new one). */
export function officeValues(o: Offices['offices'][number] | undefined, orgZone: string): Values {
  if (!o) return { timeZone: orgZone, position: '0' };
  return {
    name_sl: o.name.sl,
    name_cs: o.name.cs,
    name_en: o.name.en,
    slug: o.slug,
    street: o.street,
    postcode: o.postcode,
    city: o.city,
    email: o.email ?? '',
    phone: o.phone ?? '',
    timeZone: o.time_zone ?? orgZone,
    position: String(o.position),
  };
}

/** Creating or editing an office; an existing one can be deactivated here. */
export function officeFormPage(
  ctx: Ctx,
  data: {
    office?: Offices['offices'][number];
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t } = ctx;
  const o = data.office;
  const title = o ? t('adm.offices.edit') : t('adm.offices.new');
  const v = data.values;
  const e = data.errors;
  return {
    title,
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<p><a href="/staff/admin/offices">${t('adm.offices.back')}</a></p>
<h1>${title}</h1>
<form method="post" action="${o ? `/staff/admin/offices/${o.id}` : '/staff/admin/offices'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${localizedInputs(t, { prefix: 'name', legend: t('adm.field.name'), values: v, errors: e, maxlength: 120 })}
  ${o ? html`<p><strong>${t('adm.field.slug')}:</strong> ${o.slug}</p>` : input({ name: 'slug', label: t('adm.field.slug'), hint: t('adm.hint.slug'), values: v, errors: e, required: true, maxlength: 60 })}
  ${input({ name: 'street', label: t('adm.field.street'), values: v, errors: e, autocomplete: 'address-line1', required: true })}
  ${input({ name: 'postcode', label: t('adm.field.postcode'), values: v, errors: e, autocomplete: 'postal-code', required: true })}
  ${input({ name: 'city', label: t('adm.field.city'), values: v, errors: e, autocomplete: 'address-level2', required: true })}
  ${input({ name: 'email', label: t('adm.field.email'), type: 'email', values: v, errors: e, hint: t('adm.hint.optional') })}
  ${input({ name: 'phone', label: t('adm.field.phone'), type: 'tel', values: v, errors: e, hint: t('adm.hint.optional') })}
  ${select({ name: 'timeZone', label: t('adm.field.time_zone'), values: v, errors: e, options: officeTimeZones().map((z) => ({ value: z, label: z })) })}
  ${input({ name: 'position', label: t('adm.field.position'), hint: t('adm.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('adm.save')}</button></div>
</form>
${
  o
    ? html`<h2 id="state">${t('adm.field.state')}</h2>
${
  o.active
    ? html`<p>${t('adm.offices.deactivate_text', { count: o.futureBookings })}</p>`
    : html`<p><strong>${t('adm.offices.inactive_text')}</strong></p>`
}
<form method="post" action="/staff/admin/offices/${o.id}/active" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="active" value="${o.active ? '0' : '1'}">
  <button type="submit" class="secondary">${o.active ? t('adm.deactivate') : t('adm.reactivate')}</button>
</form>`
    : ''
}`,
  };
}

type Services = Awaited<ReturnType<OrganisationAdmin['services']>>;

function gapList(ctx: Ctx, gaps: readonly TranslationGap[]): Html {
  const { t } = ctx;
  const fields = [...new Set(gaps.map((g) => g.field))];
  return html`${fields
    .map(
      (f) =>
        html`${t(`adm.service.${f}`)}: ${gaps
          .filter((g) => g.field === f)
          .map((g) => LANG_NAMES[g.lang])
          .join(', ')}`,
    )
    .map((x, i) => (i ? html`; ${x}` : x))}`;
}

/** Every service, with a warning where translations are missing. */
export function servicesPage(ctx: Ctx, data: Services & { saved: boolean }): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.default_language;
  return {
    title: t('adm.services.title'),
    body: html`${saved(ctx, data.saved)}<h1>${t('adm.services.title')}</h1>
<p><a class="button" href="/staff/admin/services/new">${t('adm.services.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('adm.services.title')}</caption>
<thead><tr><th scope="col">${t('adm.field.name')}</th><th scope="col">${t('adm.field.state')}</th><th scope="col">${t('adm.services.translations')}</th></tr></thead>
<tbody>${data.services.map(
      (s) => html`<tr>
  <th scope="row"><a href="/staff/admin/services/${s.id}">${localize(s.name, lang, fb) || s.slug}</a></th>
  <td>${s.active ? t('adm.active') : html`<strong>${t('adm.inactive')}</strong>`}</td>
  <td>${s.gaps.length ? html`<span class="warning">${t('adm.services.missing')}</span> ${gapList(ctx, s.gaps)}` : t('adm.services.complete')}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('adm.services.rules_hint')} <a href="/staff/availability#rules">${t('layout.nav.availability')}</a></p>`,
  };
}

type ServiceForm = Awaited<ReturnType<OrganisationAdmin['serviceForm']>>;

/** Values of the service form for a service as stored, or a new one (offered at the organisation's only active office, if it has one). */
export function serviceValues(
  s: ServiceForm['service'],
  offices: ServiceForm['offices'] = [],
): Values {
  const active = offices.filter((o) => o.active);
  if (!s)
    return {
      durationMinutes: '30',
      position: '0',
      byVideo: '1',
      active: '1',
      ...(active.length === 1 ? { offices: [active[0]!.id] } : {}),
    };
  const loc = (prefix: string, x: Localized) =>
    Object.fromEntries((['sl', 'cs', 'en'] as const).map((l) => [`${prefix}_${l}`, x[l] ?? '']));
  return {
    slug: s.slug,
    ...loc('name', s.name),
    ...loc('description', s.description),
    ...loc('preparation', s.preparation),
    ...loc('feeNote', s.fee_note),
    fee: formatFee(s.fee_minor),
    durationMinutes: String(s.duration_minutes),
    position: String(s.position),
    byVideo: s.by_video ? '1' : '',
    inPerson: s.in_person ? '1' : '',
    active: s.active ? '1' : '',
    offices: s.officeIds,
    officials: s.officialIds,
  };
}

/** Creating or editing a service: texts in three languages with gaps marked, how, where and who. */
export function serviceFormPage(
  ctx: Ctx,
  data: ServiceForm & {
    values: Values;
    errors: FieldErrors;
    saved: boolean;
    gaps: readonly TranslationGap[];
  },
): Page {
  const { t, lang } = ctx;
  const s = data.service;
  const fb = data.organisation.default_language;
  const title = s ? t('adm.services.edit') : t('adm.services.new');
  const v = data.values;
  const e = data.errors;
  return {
    title,
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<p><a href="/staff/admin/services">${t('adm.services.back')}</a></p>
<h1>${title}</h1>
${data.gaps.length ? html`<div class="notice warning-box" role="status"><p><strong>${t('adm.services.missing')}</strong> ${gapList(ctx, data.gaps)}</p><p>${t('adm.services.fallback', { language: t(`agenda.language.${fb}`) })}</p></div>` : ''}
<form method="post" action="${s ? `/staff/admin/services/${s.id}` : '/staff/admin/services'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'slug', label: t('adm.field.slug'), hint: t('adm.hint.slug'), values: v, errors: e, required: true, maxlength: 60 })}
  ${localizedInputs(t, { prefix: 'name', legend: t('adm.service.name'), values: v, errors: e, warnMissing: true, maxlength: 200 })}
  ${localizedInputs(t, { prefix: 'description', legend: t('adm.service.description'), values: v, errors: e, warnMissing: true, multiline: true, maxlength: 2000 })}
  ${localizedInputs(t, { prefix: 'preparation', legend: t('adm.service.preparation'), hint: t('adm.hint.preparation'), values: v, errors: e, warnMissing: true, multiline: true, maxlength: 2000 })}
  ${localizedInputs(t, { prefix: 'feeNote', legend: t('adm.service.feeNote'), values: v, errors: e, warnMissing: true, maxlength: 300 })}
  ${input({ name: 'fee', label: t('adm.field.fee'), hint: t('adm.hint.fee', { currency: data.organisation.currency }), values: v, errors: e, inputmode: 'decimal' })}
  ${
    s
      ? html`<p>${t('adm.field.duration')}: <strong>${s.duration_minutes}</strong>. <a href="/staff/availability#rules-${s.id}">${t('adm.services.duration_link')}</a></p>`
      : input({
          name: 'durationMinutes',
          label: t('adm.field.duration'),
          hint: t('adm.hint.duration'),
          values: v,
          errors: e,
          inputmode: 'numeric',
        })
  }
  <fieldset><legend>${t('adm.field.modes')}</legend>
  ${checkbox({ name: 'byVideo', label: t('adm.field.by_video'), values: v, errors: e })}
  ${checkbox({ name: 'inPerson', label: t('adm.field.in_person'), values: v, errors: {} })}
  </fieldset>
  ${checkbox({ name: 'active', label: t('adm.field.active_service'), values: v, errors: {} })}
  ${checkboxes({ name: 'offices', legend: t('adm.field.offices'), values: v, errors: e, options: data.offices.map((o) => ({ value: o.id, label: `${localize(o.name, lang, fb) || o.slug}${o.active ? '' : ` (${t('adm.inactive')})`}` })) })}
  ${checkboxes({ name: 'officials', legend: t('adm.field.officials'), values: v, errors: e, options: data.officials.map((o) => ({ value: o.id, label: o.display_name })) })}
  ${input({ name: 'position', label: t('adm.field.position'), hint: t('adm.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('adm.save')}</button></div>
</form>
${s ? html`<p class="muted">${t('adm.services.rules_hint')} <a href="/staff/availability#rules">${t('layout.nav.availability')}</a></p>` : ''}`,
  };
}

type Org = Awaited<ReturnType<OrganisationAdmin['organisation']>>;

/** Values of the settings form from the organisation as stored. */
export function settingsValues(o: Org): Values {
  return {
    name_sl: o.name.sl,
    name_cs: o.name.cs,
    name_en: o.name.en,
    email: o.email ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    defaultLanguage: o.default_language,
    mailSenderName: o.mail_sender_name ?? '',
    mailReplyTo: o.mail_reply_to ?? '',
  };
}

/** The organisation's names, public contacts, default language and email sender. */
export function settingsPage(
  ctx: Ctx,
  data: { values: Values; errors: FieldErrors; saved: boolean; mailFrom: string },
): Page {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  return {
    title: t('adm.settings.title'),
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<h1>${t('adm.settings.title')}</h1>
<form method="post" action="/staff/admin/settings" class="stack" novalidate>
  ${csrfField(ctx)}
  ${localizedInputs(t, { prefix: 'name', legend: t('adm.settings.name'), values: v, errors: e, warnMissing: true, maxlength: 200 })}
  ${select({ name: 'defaultLanguage', label: t('adm.settings.language'), hint: t('adm.hint.language'), values: v, errors: e, options: (['sl', 'cs', 'en'] as const).map((l) => ({ value: l, label: LANG_NAMES[l] })) })}
  <fieldset><legend>${t('adm.settings.contacts')}</legend>
  ${input({ name: 'email', label: t('adm.field.email'), type: 'email', values: v, errors: e, hint: t('adm.hint.optional') })}
  ${input({ name: 'phone', label: t('adm.field.phone'), type: 'tel', values: v, errors: e, hint: t('adm.hint.optional') })}
  ${input({ name: 'website', label: t('adm.field.website'), type: 'url', values: v, errors: e, hint: t('adm.hint.website') })}
  </fieldset>
  <fieldset><legend>${t('adm.settings.sender')}</legend>
  <span class="hint">${t('adm.settings.sender_hint', { from: data.mailFrom })}</span>
  ${input({ name: 'mailSenderName', label: t('adm.field.sender_name'), values: v, errors: e, hint: t('adm.hint.sender_name'), maxlength: 100 })}
  ${input({ name: 'mailReplyTo', label: t('adm.field.reply_to'), type: 'email', values: v, errors: e, hint: t('adm.hint.optional') })}
  </fieldset>
  <div><button type="submit">${t('adm.save')}</button></div>
</form>`,
  };
}

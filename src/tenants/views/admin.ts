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
  return show ? html`<p class="notice" role="status">${ctx.t('tenants.saved')}</p>` : html``;
}

/** The section's start page: what can be set, and where. */
export function adminHomePage(ctx: Ctx): Page {
  const { t } = ctx;
  const items: [string, string, string][] = [
    ['/staff/admin/offices', t('tenants.offices.title'), t('tenants.admin.offices')],
    ['/staff/admin/services', t('tenants.services.title'), t('tenants.admin.services')],
    ['/staff/admin/officials', t('tenants.staff.title'), t('tenants.admin.staff')],
    ['/staff/admin/settings', t('tenants.settings.title'), t('tenants.admin.settings')],
    ['/staff/admin/situations', t('tenants.org.situations'), t('tenants.admin.situations')],
    ['/staff/admin/forms', t('tenants.admin.forms_title'), t('tenants.admin.forms')],
    ['/staff/admin/sign-in', t('tenants.admin.citizens_title'), t('tenants.admin.citizens')],
    [
      '/staff/admin/integrations',
      t('tenants.admin.integrations_title'),
      t('tenants.admin.integrations'),
    ],
    ['/staff/admin/deliveries', t('tenants.admin.deliveries_title'), t('tenants.admin.deliveries')],
    ['/staff/admin/fees', t('tenants.admin.fees_title'), t('tenants.admin.fees')],
    ['/staff/admin/notices', t('tenants.admin.notices_title'), t('tenants.admin.notices')],
    [
      '/staff/admin/departments',
      t('tenants.admin.departments_title'),
      t('tenants.admin.departments'),
    ],
    ['/staff/admin/news', t('tenants.admin.news_title'), t('tenants.admin.news')],
    [
      '/staff/admin/accessibility',
      t('tenants.admin.accessibility_title'),
      t('tenants.admin.accessibility'),
    ],
    ['/staff/availability', t('layout.nav.availability'), t('tenants.admin.availability')],
    ['/staff/account/password', t('tenants.password.title'), t('tenants.admin.password')],
  ];
  return {
    title: t('tenants.admin.title'),
    body: html`<h1>${t('tenants.admin.title')}</h1>
<ul class="cards">${items.map(([href, title, text]) => html`<li class="card"><h2><a href="${href}">${title}</a></h2><p>${text}</p></li>`)}</ul>`,
  };
}

type Offices = Awaited<ReturnType<OrganisationAdmin['offices']>>;

/** The organisation's offices, active and not. */
export function officesPage(ctx: Ctx, data: Offices & { saved: boolean }): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.default_language;
  return {
    title: t('tenants.offices.title'),
    body: html`${saved(ctx, data.saved)}<h1>${t('tenants.offices.title')}</h1>
<p><a class="button" href="/staff/admin/offices/new">${t('tenants.offices.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('tenants.offices.title')}</caption>
<thead><tr><th scope="col">${t('tenants.field.name')}</th><th scope="col">${t('tenants.field.address')}</th><th scope="col">${t('tenants.field.state')}</th><th scope="col">${t('tenants.offices.future')}</th></tr></thead>
<tbody>${data.offices.map(
      (o) => html`<tr>
  <th scope="row"><a href="/staff/admin/offices/${o.id}">${localize(o.name, lang, fb) || o.slug}</a></th>
  <td>${o.street}, ${o.postcode} ${o.city}</td>
  <td>${o.active ? t('tenants.active') : html`<strong>${t('tenants.inactive')}</strong>`}</td>
  <td>${o.futureBookings}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('tenants.offices.hours_hint')} <a href="/staff/availability">${t('layout.nav.availability')}</a></p>`,
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
  const title = o ? t('tenants.offices.edit') : t('tenants.offices.new');
  const v = data.values;
  const e = data.errors;
  return {
    title,
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<p><a href="/staff/admin/offices">${t('tenants.offices.back')}</a></p>
<h1>${title}</h1>
<form method="post" action="${o ? `/staff/admin/offices/${o.id}` : '/staff/admin/offices'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${localizedInputs(t, { prefix: 'name', legend: t('tenants.field.name'), values: v, errors: e, maxlength: 120 })}
  ${o ? html`<p><strong>${t('tenants.field.slug')}:</strong> ${o.slug}</p>` : input({ name: 'slug', label: t('tenants.field.slug'), hint: t('tenants.hint.slug'), values: v, errors: e, required: true, maxlength: 60 })}
  ${input({ name: 'street', label: t('tenants.field.street'), values: v, errors: e, autocomplete: 'address-line1', required: true })}
  ${input({ name: 'postcode', label: t('tenants.field.postcode'), values: v, errors: e, autocomplete: 'postal-code', required: true })}
  ${input({ name: 'city', label: t('tenants.field.city'), values: v, errors: e, autocomplete: 'address-level2', required: true })}
  ${input({ name: 'email', label: t('tenants.field.email'), type: 'email', values: v, errors: e, hint: t('tenants.hint.optional') })}
  ${input({ name: 'phone', label: t('tenants.field.phone'), type: 'tel', values: v, errors: e, hint: t('tenants.hint.optional') })}
  ${select({ name: 'timeZone', label: t('tenants.field.time_zone'), values: v, errors: e, options: officeTimeZones().map((z) => ({ value: z, label: z })) })}
  ${input({ name: 'position', label: t('tenants.field.position'), hint: t('tenants.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('tenants.save')}</button></div>
</form>
${
  o
    ? html`<h2 id="state">${t('tenants.field.state')}</h2>
${
  o.active
    ? html`<p>${t('tenants.offices.deactivate_text', { count: o.futureBookings })}</p>`
    : html`<p><strong>${t('tenants.offices.inactive_text')}</strong></p>`
}
<form method="post" action="/staff/admin/offices/${o.id}/active" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="active" value="${o.active ? '0' : '1'}">
  <button type="submit" class="secondary">${o.active ? t('tenants.deactivate') : t('tenants.reactivate')}</button>
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
        html`${t(`tenants.services.${f}`)}: ${gaps
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
    title: t('tenants.services.title'),
    body: html`${saved(ctx, data.saved)}<h1>${t('tenants.services.title')}</h1>
<p><a class="button" href="/staff/admin/services/new">${t('tenants.services.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('tenants.services.title')}</caption>
<thead><tr><th scope="col">${t('tenants.field.name')}</th><th scope="col">${t('tenants.field.state')}</th><th scope="col">${t('tenants.services.translations')}</th></tr></thead>
<tbody>${data.services.map(
      (s) => html`<tr>
  <th scope="row"><a href="/staff/admin/services/${s.id}">${localize(s.name, lang, fb) || s.slug}</a></th>
  <td>${s.active ? t('tenants.active') : html`<strong>${t('tenants.inactive')}</strong>`}</td>
  <td>${s.gaps.length ? html`<span class="warning">${t('tenants.services.missing')}</span> ${gapList(ctx, s.gaps)}` : t('tenants.services.complete')}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('tenants.services.rules_hint')} <a href="/staff/availability#rules">${t('layout.nav.availability')}</a></p>`,
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
  const title = s ? t('tenants.services.edit') : t('tenants.services.new');
  const v = data.values;
  const e = data.errors;
  return {
    title,
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<p><a href="/staff/admin/services">${t('tenants.services.back')}</a></p>
<h1>${title}</h1>
${data.gaps.length ? html`<div class="notice warning-box" role="status"><p><strong>${t('tenants.services.missing')}</strong> ${gapList(ctx, data.gaps)}</p><p>${t('tenants.services.fallback', { language: t(`agenda.language.${fb}`) })}</p></div>` : ''}
<form method="post" action="${s ? `/staff/admin/services/${s.id}` : '/staff/admin/services'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'slug', label: t('tenants.field.slug'), hint: t('tenants.hint.slug'), values: v, errors: e, required: true, maxlength: 60 })}
  ${localizedInputs(t, { prefix: 'name', legend: t('tenants.services.name'), values: v, errors: e, warnMissing: true, maxlength: 200 })}
  ${localizedInputs(t, { prefix: 'description', legend: t('tenants.services.description'), values: v, errors: e, warnMissing: true, multiline: true, maxlength: 2000 })}
  ${localizedInputs(t, { prefix: 'preparation', legend: t('tenants.services.preparation'), hint: t('tenants.hint.preparation'), values: v, errors: e, warnMissing: true, multiline: true, maxlength: 2000 })}
  ${localizedInputs(t, { prefix: 'feeNote', legend: t('tenants.services.feeNote'), values: v, errors: e, warnMissing: true, maxlength: 300 })}
  ${input({ name: 'fee', label: t('tenants.field.fee'), hint: t('tenants.hint.fee', { currency: data.organisation.currency }), values: v, errors: e, inputmode: 'decimal' })}
  ${
    s
      ? html`<p>${t('tenants.field.duration')}: <strong>${s.duration_minutes}</strong>. <a href="/staff/availability#rules-${s.id}">${t('tenants.services.duration_link')}</a></p>`
      : input({
          name: 'durationMinutes',
          label: t('tenants.field.duration'),
          hint: t('tenants.hint.duration'),
          values: v,
          errors: e,
          inputmode: 'numeric',
        })
  }
  <fieldset><legend>${t('tenants.field.modes')}</legend>
  ${checkbox({ name: 'byVideo', label: t('tenants.field.by_video'), values: v, errors: e })}
  ${checkbox({ name: 'inPerson', label: t('tenants.field.in_person'), values: v, errors: {} })}
  </fieldset>
  ${checkbox({ name: 'active', label: t('tenants.field.active_service'), values: v, errors: {} })}
  ${checkboxes({ name: 'offices', legend: t('tenants.field.offices'), values: v, errors: e, options: data.offices.map((o) => ({ value: o.id, label: `${localize(o.name, lang, fb) || o.slug}${o.active ? '' : ` (${t('tenants.inactive')})`}` })) })}
  ${checkboxes({ name: 'officials', legend: t('tenants.field.officials'), values: v, errors: e, options: data.officials.map((o) => ({ value: o.id, label: o.display_name })) })}
  ${input({ name: 'position', label: t('tenants.field.position'), hint: t('tenants.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('tenants.save')}</button></div>
</form>
${s ? html`<p class="muted">${t('tenants.services.rules_hint')} <a href="/staff/availability#rules">${t('layout.nav.availability')}</a></p>` : ''}`,
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
    registrationNumber: o.registration_number ?? '',
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
    title: t('tenants.settings.title'),
    body: html`${errorSummary(t, e)}${saved(ctx, data.saved)}<h1>${t('tenants.settings.title')}</h1>
<form method="post" action="/staff/admin/settings" class="stack" novalidate>
  ${csrfField(ctx)}
  ${localizedInputs(t, { prefix: 'name', legend: t('tenants.settings.name'), values: v, errors: e, warnMissing: true, maxlength: 200 })}
  ${select({ name: 'defaultLanguage', label: t('tenants.settings.language'), hint: t('tenants.hint.language'), values: v, errors: e, options: (['sl', 'cs', 'en'] as const).map((l) => ({ value: l, label: LANG_NAMES[l] })) })}
  <fieldset><legend>${t('tenants.settings.contacts')}</legend>
  ${input({ name: 'email', label: t('tenants.field.email'), type: 'email', values: v, errors: e, hint: t('tenants.hint.optional') })}
  ${input({ name: 'phone', label: t('tenants.field.phone'), type: 'tel', values: v, errors: e, hint: t('tenants.hint.optional') })}
  ${input({ name: 'website', label: t('tenants.field.website'), type: 'url', values: v, errors: e, hint: t('tenants.hint.website') })}
  ${input({ name: 'registrationNumber', label: t('tenants.field.registration_number'), values: v, errors: e, hint: t('tenants.hint.registration_number'), maxlength: 14, inputmode: 'numeric' })}
  </fieldset>
  <fieldset><legend>${t('tenants.settings.sender')}</legend>
  <span class="hint">${t('tenants.settings.sender_hint', { from: data.mailFrom })}</span>
  ${input({ name: 'mailSenderName', label: t('tenants.field.sender_name'), values: v, errors: e, hint: t('tenants.hint.sender_name'), maxlength: 100 })}
  ${input({ name: 'mailReplyTo', label: t('tenants.field.reply_to'), type: 'email', values: v, errors: e, hint: t('tenants.hint.optional') })}
  </fieldset>
  <div><button type="submit">${t('tenants.save')}</button></div>
</form>`,
  };
}

import type { Page, PageContext } from '../../http/page.ts';
import { localize, type Lang } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { input, localizedInputs, select, type Values } from '../../views/admin-form.ts';
import { dateOf, stampOf } from '../../views/dates.ts';
import { officeTimeZones } from '../../tenants/admin-domain.ts';
import { humanBytes, type OrganisationState } from '../domain.ts';
import type { ImportProblem } from '../import.ts';
import type { OrganisationsService } from '../service.ts';

type Ctx = PageContext;
type Listed = Awaited<ReturnType<OrganisationsService['list']>>[number];

const LANG_NAMES: Record<Lang, string> = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' };
const BASE = '/operator/organisations';

const dayOf = (d: Date, lang: Lang) => dateOf(d.toISOString().slice(0, 10), lang);

function stateLabel(ctx: Ctx, state: OrganisationState): Html {
  const label = ctx.t(`orgs.state.${state}`);
  return state === 'active' ? html`${label}` : html`<strong>${label}</strong>`;
}

function notice(ctx: Ctx, done: string | undefined): Html {
  const key = (
    {
      created: 'orgs.done.created',
      suspended: 'orgs.done.suspended',
      resumed: 'orgs.done.resumed',
      deletion_requested: 'orgs.done.deletion_requested',
      deletion_cancelled: 'orgs.done.deletion_cancelled',
      deleted: 'orgs.done.deleted',
    } as const
  )[done ?? ''];
  return key ? html`<p class="notice" role="status">${ctx.t(key)}</p>` : html``;
}

/** Every organisation with its usage as counts; operators see no citizen data here. */
export function listPage(ctx: Ctx, data: { organisations: Listed[]; done?: string }): Page {
  const { t, lang } = ctx;
  return {
    title: t('orgs.title'),
    body: html`${notice(ctx, data.done)}<h1>${t('orgs.title')}</h1>
<p class="inline-row"><a class="button" href="${BASE}/new">${t('orgs.new')}</a> <a class="button secondary" href="${BASE}/import">${t('orgs.import.title')}</a></p>
${
  data.organisations.length === 0
    ? html`<p>${t('orgs.none')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('orgs.title')}</caption>
<thead><tr><th scope="col">${t('orgs.field.name')}</th><th scope="col">${t('orgs.field.state')}</th><th scope="col" class="num">${t('orgs.usage.offices')}</th><th scope="col" class="num">${t('orgs.usage.officials')}</th><th scope="col" class="num">${t('orgs.usage.appointments')}</th><th scope="col" class="num">${t('orgs.usage.storage')}</th><th scope="col">${t('orgs.field.created')}</th></tr></thead>
<tbody>${data.organisations.map(
        (o) => html`<tr>
  <th scope="row"><a href="${BASE}/${o.slug}">${localize(o.name, lang, o.defaultLanguage)}</a><br><span class="muted">${o.slug}</span></th>
  <td>${stateLabel(ctx, o.state)}</td>
  <td class="num">${o.usage.offices}</td><td class="num">${o.usage.officials}</td><td class="num">${o.usage.appointmentsThisMonth}</td>
  <td class="num">${humanBytes(o.usage.folderBytes, lang)}</td>
  <td>${dayOf(o.createdAt, lang)}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  };
}

/** One organisation: its usage and what may be done with it now. */
export function detailPage(
  ctx: Ctx,
  data: { organisation: Listed; errors: FieldErrors; done?: string },
): Page {
  const { t, lang } = ctx;
  const o = data.organisation;
  const name = localize(o.name, lang, o.defaultLanguage);
  const may = (a: Listed['actions'][number]) => o.actions.includes(a);
  const post = (action: string, label: string, cls = '') =>
    html`<form method="post" action="${BASE}/${o.slug}/${action}" class="inline-form">${csrfField(ctx)}<button type="submit" class="${cls}">${label}</button></form>`;
  const typed = (
    action: string,
    label: string,
    lead: string,
  ) => html`<form method="post" action="${BASE}/${o.slug}/${action}" class="inline-form">${csrfField(ctx)}
  <p>${lead}</p>
  ${input({ name: 'confirm', label: t('orgs.delete.confirm_label', { slug: o.slug }), values: {}, errors: data.errors, autocomplete: 'off' })}
  <button type="submit" class="danger">${label}</button></form>`;
  return {
    title: name,
    body: html`${errorSummary(t, data.errors)}${notice(ctx, data.done)}<p><a href="${BASE}">${t('orgs.back')}</a></p>
<h1>${name}</h1>
<dl class="facts">
  <dt>${t('orgs.field.slug')}</dt><dd><a href="/o/${o.slug}">/o/${o.slug}</a></dd>
  <dt>${t('orgs.field.state')}</dt><dd>${stateLabel(ctx, o.state)}${o.suspendedAt ? html` (${stampOf(o.suspendedAt, 'UTC', lang)} UTC)` : ''}</dd>
  <dt>${t('orgs.field.country')}</dt><dd>${o.country}</dd>
  <dt>${t('orgs.field.time_zone')}</dt><dd>${o.timeZone}</dd>
  <dt>${t('orgs.field.created')}</dt><dd>${dayOf(o.createdAt, lang)}</dd>
  <dt>${t('orgs.usage.offices')}</dt><dd>${o.usage.offices}</dd>
  <dt>${t('orgs.usage.officials')}</dt><dd>${o.usage.officials}</dd>
  <dt>${t('orgs.usage.appointments')}</dt><dd>${o.usage.appointmentsThisMonth}</dd>
  <dt>${t('orgs.usage.storage')}</dt><dd>${humanBytes(o.usage.folderBytes, lang)}</dd>
</dl>
${o.deletionDueAt ? html`<p class="notice warning-box">${t('orgs.delete.pending', { when: stampOf(o.deletionDueAt, 'UTC', lang) })}</p>` : ''}
<h2>${t('orgs.actions')}</h2>
${may('suspend') ? html`<p>${t('orgs.suspend.lead')}</p>${post('suspend', t('orgs.suspend.button'))}` : ''}
${may('resume') ? html`<p>${t('orgs.resume.lead')}</p>${post('resume', t('orgs.resume.button'))}` : ''}
${may('cancel_deletion') ? html`<p>${t('orgs.delete.cancel_lead')}</p>${post('cancel-deletion', t('orgs.delete.cancel_button'))}` : ''}
${may('delete') ? typed('delete', t('orgs.delete.now_button'), t('orgs.delete.now_lead')) : ''}
${may('request_deletion') ? html`<h2>${t('orgs.delete.title')}</h2>${typed('request-deletion', t('orgs.delete.request_button'), t('orgs.delete.request_lead'))}` : ''}`,
  };
}

/** Values of a new organisation's form. */
export function newValues(): Values {
  return {
    country: 'SI',
    defaultLanguage: 'sl',
    timeZone: 'Europe/Ljubljana',
    officeTimeZone: 'Europe/Ljubljana',
  };
}

/** The form for a new organisation with its first office and first admin. */
export function newPage(ctx: Ctx, data: { values: Values; errors: FieldErrors }): Page {
  const { t } = ctx;
  const { values, errors } = data;
  const zones = officeTimeZones().map((z) => ({ value: z, label: z }));
  return {
    title: t('orgs.new'),
    body: html`${errorSummary(t, errors)}<p><a href="${BASE}">${t('orgs.back')}</a></p>
<h1>${t('orgs.new')}</h1>
<form method="post" action="${BASE}" novalidate>${csrfField(ctx)}
<h2>${t('orgs.new.organisation')}</h2>
${localizedInputs(t, { prefix: 'name', legend: t('orgs.field.name'), values, errors, maxlength: 200 })}
${input({ name: 'slug', label: t('orgs.field.slug'), hint: t('orgs.field.slug_hint'), values, errors, maxlength: 60 })}
${select({
  name: 'country',
  label: t('orgs.field.country'),
  values,
  errors,
  options: [
    { value: 'SI', label: t('orgs.country.SI') },
    { value: 'CZ', label: t('orgs.country.CZ') },
  ],
})}
${select({ name: 'defaultLanguage', label: t('orgs.field.language'), values, errors, options: (['sl', 'cs', 'en'] as const).map((l) => ({ value: l, label: LANG_NAMES[l] })) })}
${select({ name: 'timeZone', label: t('orgs.field.time_zone'), values, errors, options: zones })}
${input({ name: 'mailSenderName', label: t('orgs.field.sender_name'), hint: t('orgs.field.sender_hint'), values, errors, maxlength: 100 })}
${input({ name: 'mailReplyTo', label: t('orgs.field.reply_to'), values, errors, type: 'email', maxlength: 254 })}
<div class="${errors.logoSvg ? 'field-error' : ''}"><label for="logoSvg">${t('orgs.field.logo')} <span class="hint" id="logoSvg-hint">${t('orgs.field.logo_hint')}</span></label>
${errors.logoSvg ? html`<span class="error-message" id="logoSvg-error">${errors.logoSvg}</span>` : ''}
<textarea id="logoSvg" name="logoSvg" rows="4" aria-describedby="logoSvg-hint${errors.logoSvg ? ' logoSvg-error' : ''}"${errors.logoSvg ? html` aria-invalid="true"` : ''}>${String(values.logoSvg ?? '')}</textarea></div>
<h2>${t('orgs.new.office')}</h2>
${localizedInputs(t, { prefix: 'officeName', legend: t('orgs.field.office_name'), values, errors, maxlength: 120 })}
${input({ name: 'officeSlug', label: t('orgs.field.slug'), hint: t('orgs.field.office_slug_hint'), values, errors, maxlength: 60 })}
${input({ name: 'street', label: t('orgs.field.street'), values, errors, autocomplete: 'off', maxlength: 200 })}
${input({ name: 'postcode', label: t('orgs.field.postcode'), values, errors, maxlength: 10 })}
${input({ name: 'city', label: t('orgs.field.city'), values, errors, maxlength: 100 })}
${select({ name: 'officeTimeZone', label: t('orgs.field.time_zone'), values, errors, options: zones })}
<h2>${t('orgs.new.admin')}</h2>
<p>${t('orgs.new.admin_lead')}</p>
${input({ name: 'adminName', label: t('orgs.field.admin_name'), values, errors, autocomplete: 'off', maxlength: 80 })}
${input({ name: 'adminEmail', label: t('orgs.field.admin_email'), values, errors, type: 'email', autocomplete: 'off', maxlength: 254 })}
<p><button type="submit">${t('orgs.new.button')}</button></p>
</form>`,
  };
}

/** The import's upload form, and the problems of a file that was refused (each with its line). */
export function importPage(
  ctx: Ctx,
  data: {
    problems: ImportProblem[];
    fileName?: string;
    imported?: { slug: string; invited: number }[];
  },
): Page {
  const { t } = ctx;
  const fileError = data.problems.length
    ? t('orgs.import.refused', { count: data.problems.length })
    : undefined;
  return {
    title: t('orgs.import.title'),
    body: html`${fileError ? errorSummary(t, { file: fileError }) : ''}<p><a href="${BASE}">${t('orgs.back')}</a></p>
<h1>${t('orgs.import.title')}</h1>
${
  data.imported
    ? html`<div class="notice" role="status"><p>${t('orgs.import.done', { count: data.imported.length })}</p>
<ul>${data.imported.map((o) => html`<li><a href="${BASE}/${o.slug}">${o.slug}</a>: ${t('orgs.import.invited', { count: o.invited })}</li>`)}</ul></div>`
    : ''
}
<p>${t('orgs.import.lead')}</p>
<form method="post" action="${`${BASE}/import?_csrf=${encodeURIComponent(ctx.csrfToken())}`}" enctype="multipart/form-data">
<div class="${fileError ? 'field-error' : ''}"><label for="file">${t('orgs.import.file')} <span class="hint" id="file-hint">${t('orgs.import.file_hint')}</span></label>
${fileError ? html`<span class="error-message" id="file-error">${fileError}</span>` : ''}
<input type="file" id="file" name="file" accept="application/json,.json" aria-describedby="file-hint${fileError ? ' file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}></div>
<p><button type="submit">${t('orgs.import.button')}</button></p>
</form>
${data.problems.length ? problemsTable(ctx, data.problems, data.fileName) : ''}`,
  };
}

function problemsTable(ctx: Ctx, problems: ImportProblem[], fileName: string | undefined): Html {
  const { t } = ctx;
  return html`<h2 id="problems">${t('orgs.import.problems', { file: fileName ?? '' })}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col" class="num">${t('orgs.import.line')}</th><th scope="col">${t('orgs.import.path')}</th><th scope="col">${t('orgs.import.problem')}</th></tr></thead>
<tbody>${problems.map((p) => html`<tr><td class="num">${p.line}</td><td><code>${p.path}</code></td><td>${t(p.message, p.params)}</td></tr>`)}</tbody>
</table></div>`;
}

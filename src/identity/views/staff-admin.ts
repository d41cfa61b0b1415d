import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { checkboxes, input, localizedInputs, select, type Values } from '../../views/admin-form.ts';
import type { StaffAccounts } from '../staff-admin.ts';
import { INVITATION_TTL_HOURS } from '../domain.ts';

type List = Awaited<ReturnType<StaffAccounts['list']>>;
type Account = List['staff'][number];
type Choices = Awaited<ReturnType<StaffAccounts['choices']>>;

/** The organisation's officials and admins. */
export function staffListPage(ctx: PageContext, data: List & { saved: boolean }): Page {
  const { t, lang } = ctx;
  const officeName = (id: string) =>
    localize(data.offices.find((o) => o.id === id)?.name, lang, data.defaultLanguage);
  return {
    title: t('adm.staff.title'),
    body: html`${data.saved ? html`<p class="notice" role="status">${t('adm.saved')}</p>` : ''}<h1>${t('adm.staff.title')}</h1>
<p><a class="button" href="/staff/admin/officials/new">${t('adm.staff.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('adm.staff.title')}</caption>
<thead><tr><th scope="col">${t('adm.field.display_name')}</th><th scope="col">${t('adm.field.role')}</th><th scope="col">${t('adm.field.offices')}</th><th scope="col">${t('adm.field.state')}</th></tr></thead>
<tbody>${data.staff.map(
      (s) => html`<tr>
  <th scope="row"><a href="/staff/admin/officials/${s.id}">${s.display_name}</a></th>
  <td>${s.role === 'admin' ? t('adm.role.admin') : t('adm.role.official')}</td>
  <td>${s.officeIds.map(officeName).join(', ')}</td>
  <td>${s.active ? (s.pending ? t('adm.staff.pending') : t('adm.active')) : html`<strong>${t('adm.inactive')}</strong>`}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('adm.staff.hours_hint')} <a href="/staff/availability#hours">${t('layout.nav.availability')}</a></p>`,
  };
}

/** Values of the account form for an account as stored (or a new one). */
export function staffValues(a: Account | undefined): Values {
  if (!a) return { role: 'official' };
  return {
    displayName: a.display_name,
    email: a.email,
    title_sl: a.title.sl,
    title_cs: a.title.cs,
    title_en: a.title.en,
    role: a.role,
    offices: a.officeIds,
    services: a.serviceIds,
  };
}

/** Creating an account (its person gets a link to set a password) or editing one; the invitation again; deactivating and reactivating. */
export function staffFormPage(
  ctx: PageContext,
  data: Choices & {
    account?: Account;
    values: Values;
    errors: FieldErrors;
    saved: boolean;
    invited: boolean;
    self: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const a = data.account;
  const v = data.values;
  const e = data.errors;
  const title = a ? t('adm.staff.edit') : t('adm.staff.new');
  const name = (x: { name: Parameters<typeof localize>[0]; active: boolean }) =>
    `${localize(x.name, lang, data.defaultLanguage)}${x.active ? '' : ` (${t('adm.inactive')})`}`;
  return {
    title,
    body: html`${errorSummary(t, e)}${data.saved ? html`<p class="notice" role="status">${t('adm.saved')}</p>` : ''}${data.invited && a ? html`<p class="notice" role="status">${t('adm.staff.invited', { email: a.email })}</p>` : ''}<p><a href="/staff/admin/officials">${t('adm.staff.back')}</a></p>
<h1>${title}</h1>
<form method="post" action="${a ? `/staff/admin/officials/${a.id}` : '/staff/admin/officials'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'displayName', label: t('adm.field.display_name'), values: v, errors: e, required: true, maxlength: 80, autocomplete: 'off' })}
  ${input({ name: 'email', label: t('adm.field.email'), type: 'email', values: v, errors: e, required: true, autocomplete: 'off' })}
  ${localizedInputs(t, { prefix: 'title', legend: t('adm.field.title'), hint: t('adm.hint.optional'), values: v, errors: e, maxlength: 120 })}
  ${select({
    name: 'role',
    label: t('adm.field.role'),
    hint: t('adm.hint.role'),
    values: v,
    errors: e,
    options: [
      { value: 'official', label: t('adm.role.official') },
      { value: 'admin', label: t('adm.role.admin') },
    ],
  })}
  ${checkboxes({ name: 'offices', legend: t('adm.field.offices'), values: v, errors: e, options: data.offices.map((o) => ({ value: o.id, label: name(o) })) })}
  ${checkboxes({ name: 'services', legend: t('adm.field.services'), values: v, errors: e, options: data.services.map((s) => ({ value: s.id, label: name(s) })) })}
  ${a ? '' : html`<p class="hint">${t('adm.staff.invite_hint', { hours: INVITATION_TTL_HOURS })}</p>`}
  <div><button type="submit">${a ? t('adm.save') : t('adm.staff.invite_submit')}</button></div>
</form>
${
  a?.pending
    ? html`<h2 id="invitation">${t('adm.staff.invitation')}</h2>
<p>${t('adm.staff.invite_again_text')}</p>
<form method="post" action="/staff/admin/officials/${a.id}/invitation" class="inline-form">${csrfField(ctx)}
  <button type="submit" class="secondary">${t('adm.staff.invite_again')}</button>
</form>`
    : ''
}
${
  a
    ? html`<h2 id="state">${t('adm.field.state')}</h2>
${e.active ? html`<p class="error-message" id="active">${e.active}</p>` : ''}
<p>${a.active ? t(data.self ? 'adm.staff.deactivate_self' : 'adm.staff.deactivate_text') : t('adm.staff.inactive_text')}</p>
<form method="post" action="/staff/admin/officials/${a.id}/active" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="active" value="${a.active ? '0' : '1'}">
  <button type="submit" class="secondary">${a.active ? t('adm.deactivate') : t('adm.reactivate')}</button>
</form>`
    : ''
}`,
  };
}

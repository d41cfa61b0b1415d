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
    title: t('identity.staff.title'),
    body: html`${data.saved ? html`<p class="notice" role="status">${t('identity.saved')}</p>` : ''}<h1>${t('identity.staff.title')}</h1>
<p><a class="button" href="/staff/admin/officials/new">${t('identity.staff.new')}</a></p>
<div class="table-wrap"><table>
<caption class="visually-hidden">${t('identity.staff.title')}</caption>
<thead><tr><th scope="col">${t('identity.field.display_name')}</th><th scope="col">${t('identity.field.role')}</th><th scope="col">${t('identity.field.offices')}</th><th scope="col">${t('identity.field.state')}</th></tr></thead>
<tbody>${data.staff.map(
      (s) => html`<tr>
  <th scope="row"><a href="/staff/admin/officials/${s.id}">${s.display_name}</a></th>
  <td>${s.role === 'admin' ? t('identity.role.admin') : t('identity.role.official')}</td>
  <td>${s.officeIds.map(officeName).join(', ')}</td>
  <td>${s.active ? (s.pending ? t('identity.staff.pending') : t('identity.active')) : html`<strong>${t('identity.inactive')}</strong>`}</td></tr>`,
    )}</tbody>
</table></div>
<p class="muted">${t('identity.staff.hours_hint')} <a href="/staff/availability#hours">${t('layout.nav.availability')}</a></p>`,
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
  const title = a ? t('identity.staff.edit') : t('identity.staff.new');
  const name = (x: { name: Parameters<typeof localize>[0]; active: boolean }) =>
    `${localize(x.name, lang, data.defaultLanguage)}${x.active ? '' : ` (${t('identity.inactive')})`}`;
  return {
    title,
    body: html`${errorSummary(t, e)}${data.saved ? html`<p class="notice" role="status">${t('identity.saved')}</p>` : ''}${data.invited && a ? html`<p class="notice" role="status">${t('identity.staff.invited', { email: a.email })}</p>` : ''}<p><a href="/staff/admin/officials">${t('identity.staff.back')}</a></p>
<h1>${title}</h1>
<form method="post" action="${a ? `/staff/admin/officials/${a.id}` : '/staff/admin/officials'}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'displayName', label: t('identity.field.display_name'), values: v, errors: e, required: true, maxlength: 80, autocomplete: 'off' })}
  ${input({ name: 'email', label: t('identity.field.email'), type: 'email', values: v, errors: e, required: true, autocomplete: 'off' })}
  ${localizedInputs(t, { prefix: 'title', legend: t('identity.field.title'), hint: t('identity.hint.optional'), values: v, errors: e, maxlength: 120 })}
  ${select({
    name: 'role',
    label: t('identity.field.role'),
    hint: t('identity.hint.role'),
    values: v,
    errors: e,
    options: [
      { value: 'official', label: t('identity.role.official') },
      { value: 'admin', label: t('identity.role.admin') },
    ],
  })}
  ${checkboxes({ name: 'offices', legend: t('identity.field.offices'), values: v, errors: e, options: data.offices.map((o) => ({ value: o.id, label: name(o) })) })}
  ${checkboxes({ name: 'services', legend: t('identity.field.services'), values: v, errors: e, options: data.services.map((s) => ({ value: s.id, label: name(s) })) })}
  ${a ? '' : html`<p class="hint">${t('identity.staff.invite_hint', { hours: INVITATION_TTL_HOURS })}</p>`}
  <div><button type="submit">${a ? t('identity.save') : t('identity.staff.invite_submit')}</button></div>
</form>
${
  a?.pending
    ? html`<h2 id="invitation">${t('identity.staff.invitation')}</h2>
<p>${t('identity.staff.invite_again_text')}</p>
<form method="post" action="/staff/admin/officials/${a.id}/invitation" class="inline-form">${csrfField(ctx)}
  <button type="submit" class="secondary">${t('identity.staff.invite_again')}</button>
</form>`
    : ''
}
${
  a
    ? html`<h2 id="state">${t('identity.field.state')}</h2>
${e.active ? html`<p class="error-message" id="active">${e.active}</p>` : ''}
<p>${a.active ? t(data.self ? 'identity.staff.deactivate_self' : 'identity.staff.deactivate_text') : t('identity.staff.inactive_text')}</p>
<form method="post" action="/staff/admin/officials/${a.id}/active" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="active" value="${a.active ? '0' : '1'}">
  <button type="submit" class="secondary">${a.active ? t('identity.deactivate') : t('identity.reactivate')}</button>
</form>`
    : ''
}`,
  };
}

// A person of a department in the administration: the form (with the publication and its consent)
// and the question before a deletion.
import type { Page, PageContext } from '../../../http/page.ts';
import { LANGS } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../../views/form.ts';
import { csrfField } from '../../../views/layout.ts';
import {
  checkbox,
  input,
  localizedInputs,
  select,
  type Values,
} from '../../../views/admin-form.ts';
import { formatWhen } from '../../../views/dates.ts';
import type { Official, Organisation } from '../../../tenants/domain.ts';
import { anyText, MAX_LENGTH, type Department, type Person } from '../domain.ts';
import { BASE } from './admin.ts';

type Ctx = PageContext;

/** The form's values for a person as stored, or a new one. */
export function personValues(p: Person | undefined): Values {
  if (!p) return { position: '0' };
  return {
    fullName: p.fullName,
    ...Object.fromEntries(LANGS.map((l) => [`role_${l}`, p.role[l] ?? ''])),
    ...Object.fromEntries(LANGS.map((l) => [`officeHours_${l}`, p.officeHours[l] ?? ''])),
    email: p.email ?? '',
    phone: p.phone ?? '',
    room: p.room ?? '',
    staffId: p.staffId ?? '',
    position: String(p.position),
    published: p.published ? '1' : '',
  };
}

/**
 * Publication: a person already published shows who recorded the consent and when (unticking
 * unpublishes); otherwise publishing needs the admin to confirm the consent beside it.
 */
function publication(
  ctx: Ctx,
  o: { person: Person | undefined; recordedBy: string | null; timeZone: string },
  v: Values,
  e: FieldErrors,
): Html {
  const { t } = ctx;
  const p = o.person;
  const recorded =
    p?.published && p.consentRecordedAt
      ? html`<p>${t('contacts.consent.recorded', { date: formatWhen(p.consentRecordedAt, o.timeZone, ctx.lang), name: o.recordedBy ?? '—' })}</p>`
      : html``;
  return html`<fieldset><legend>${t('contacts.publication')}</legend>
  <p class="hint">${t('contacts.publication.hint')}</p>
  ${recorded}
  ${checkbox({ name: 'published', label: t('contacts.field.published'), values: v, errors: e })}
  ${p?.published ? '' : checkbox({ name: 'consent', label: t('contacts.field.consent'), values: v, errors: e })}
</fieldset>`;
}

/** Creating or editing a person of a department. */
export function personFormPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    department: Department;
    person: Person | undefined;
    team: Official[];
    recordedBy: string | null;
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const { department: d, person: p } = data;
  const fb = data.organisation.defaultLanguage;
  const title = p ? t('contacts.person.edit') : t('contacts.person.new');
  const v = data.values;
  const e = data.errors;
  const back = `${BASE}/${d.id}`;
  const staffOptions = [
    { value: '', label: t('contacts.staff.none') },
    ...data.team.map((s) => ({ value: s.id, label: s.displayName })),
  ];
  const texts = (prefix: string, legend: string, max: number, multiline = false) =>
    localizedInputs(t, {
      prefix,
      legend,
      values: v,
      errors: e,
      warnMissing: true,
      multiline,
      maxlength: max,
    });
  return {
    title,
    body: html`${errorSummary(t, e)}${data.saved ? html`<p class="notice" role="status">${t('contacts.admin.saved')}</p>` : ''}<p><a href="${back}">${anyText(d.name, lang, fb) || d.slug}</a></p>
<h1>${title}</h1>
<form method="post" action="${p ? `${back}/people/${p.id}` : `${back}/people`}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'fullName', label: t('contacts.field.full_name'), values: v, errors: e, required: true, autocomplete: 'off', maxlength: MAX_LENGTH.fullName })}
  ${texts('role', t('contacts.field.role'), MAX_LENGTH.role)}
  ${input({ name: 'email', type: 'email', label: t('contacts.field.email'), values: v, errors: e, autocomplete: 'off', maxlength: 254 })}
  ${input({ name: 'phone', type: 'tel', label: t('contacts.field.phone'), hint: t('contacts.hint.phone'), values: v, errors: e, autocomplete: 'off', maxlength: 40 })}
  ${input({ name: 'room', label: t('contacts.field.room'), values: v, errors: e, maxlength: MAX_LENGTH.room })}
  ${texts('officeHours', t('contacts.field.office_hours'), MAX_LENGTH.officeHours, true)}
  ${select({ name: 'staffId', label: t('contacts.field.staff'), hint: t('contacts.hint.staff'), values: v, errors: e, options: staffOptions })}
  ${input({ name: 'position', label: t('contacts.field.position'), hint: t('contacts.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  ${publication(ctx, { person: p, recordedBy: data.recordedBy, timeZone: data.organisation.timeZone }, v, e)}
  <div><button type="submit">${t('contacts.save')}</button></div>
</form>
${p ? html`<p><a class="button secondary" href="${back}/people/${p.id}/delete">${t('contacts.person.delete')}</a></p>` : ''}`,
  };
}

/** "Delete …?" before a person's deletion. */
export function personDeletePage(
  ctx: Ctx,
  data: { organisation: Organisation; department: Department; person: Person },
): Page {
  const { t } = ctx;
  const { department: d, person: p } = data;
  const title = t('contacts.person.delete.title', { name: p.fullName });
  const url = `${BASE}/${d.id}/people/${p.id}`;
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('contacts.person.delete.text')}</p>
<form method="post" action="${url}/delete" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${t('contacts.delete.yes')}</button>
</form>
<p><a href="${url}">${t('contacts.delete.no')}</a></p>`,
  };
}

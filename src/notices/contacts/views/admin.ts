// The administration of departments under /staff/admin/departments: the tree, the department form
// with its texts in Slovenian, Czech and English, its people, and the question before a deletion.
import type { Page, PageContext } from '../../../http/page.ts';
import { LANGS, localize, type Localized } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../../views/form.ts';
import { csrfField } from '../../../views/layout.ts';
import {
  checkboxes,
  input,
  localizedInputs,
  select,
  type Values,
} from '../../../views/admin-form.ts';
import type { Organisation, Service } from '../../../tenants/domain.ts';
import { inLang } from './parts.ts';
import { anyText, flattenTree, MAX_LENGTH, type Department, type Person } from '../domain.ts';

type Ctx = PageContext;
/** Where the administration lives. */
export const BASE = '/staff/admin/departments';

function notice(text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

const indent = (depth: number) => (depth ? `${'— '.repeat(depth)}` : '');

/** Every department of the organisation as a tree, with its contact points and number of people. */
export function adminListPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    departments: Department[];
    counts: Map<string, number>;
    notice: 'saved' | 'deleted' | null;
  },
): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.defaultLanguage;
  const tree = flattenTree(data.departments, lang, fb);
  const url = `/o/${data.organisation.slug}/contacts`;
  return {
    title: t('contacts.admin.title'),
    body: html`${notice(data.notice ? t(`contacts.admin.${data.notice}`) : null)}<h1>${t('contacts.admin.title')}</h1>
<p>${t('contacts.admin.lead')} <a href="${url}">${url}</a></p>
<p><a class="button" href="${BASE}/new">${t('contacts.admin.new')}</a></p>
${
  tree.length === 0
    ? html`<p>${t('contacts.admin.none')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('contacts.admin.title')}</caption>
<thead><tr><th scope="col">${t('contacts.admin.col_name')}</th><th scope="col">${t('contacts.admin.col_contact')}</th><th scope="col">${t('contacts.admin.col_people')}</th></tr></thead>
<tbody>${tree.map(
        ({ department: d, depth }) => html`<tr>
  <th scope="row">${indent(depth)}<a href="${BASE}/${d.id}">${inLang(ctx, d.name, fb)}</a></th>
  <td>${[d.email, d.phone].filter(Boolean).join(', ') || '—'}</td>
  <td>${data.counts.get(d.id) ?? 0}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  };
}

/** The form's values for a department as stored, or a new one (under `parent` when given). */
export function departmentValues(d: Department | undefined): Values {
  if (!d) return { position: '0' };
  const texts = (prefix: string, text: Localized) =>
    Object.fromEntries(LANGS.map((l) => [`${prefix}_${l}`, text[l] ?? '']));
  return {
    ...texts('name', d.name),
    ...texts('description', d.description),
    ...texts('location', d.location),
    ...texts('officeHours', d.officeHours),
    slug: d.slug,
    parentId: d.parentId ?? '',
    email: d.email ?? '',
    phone: d.phone ?? '',
    position: String(d.position),
    services: d.serviceIds,
    situations: d.situationIds,
  };
}

/** The people of a department in the admin's form page: each linking to their own form, with their publication. */
function peopleList(ctx: Ctx, d: Department, people: readonly Person[]): Html {
  const { t } = ctx;
  return html`<section aria-labelledby="people-title"><h2 id="people-title">${t('contacts.admin.people')}</h2>
${
  people.length
    ? html`<ul>${people.map((p) => html`<li><a href="${BASE}/${d.id}/people/${p.id}">${p.fullName}</a> — ${p.published ? t('contacts.admin.published') : t('contacts.admin.not_published')}</li>`)}</ul>`
    : html`<p>${t('contacts.admin.no_people')}</p>`
}
<p><a class="button secondary" href="${BASE}/${d.id}/people/new">${t('contacts.admin.add_person')}</a></p></section>`;
}

/** Creating or editing a department: texts, contact points, its place in the tree, what it handles. */
export function departmentFormPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    services: Service[];
    situations: { id: string; slug: string; texts: { title: Localized } }[];
    parents: Department[];
    department: Department | undefined;
    people: Person[];
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const d = data.department;
  const fb = data.organisation.defaultLanguage;
  const title = d ? t('contacts.admin.edit') : t('contacts.admin.new');
  const v = data.values;
  const e = data.errors;
  const text = (prefix: string, legend: string, max: number, multiline = false) =>
    localizedInputs(t, {
      prefix,
      legend,
      values: v,
      errors: e,
      warnMissing: true,
      multiline,
      maxlength: max,
    });
  const parentOptions = [
    { value: '', label: t('contacts.parent.none') },
    ...flattenTree(data.parents, lang, fb).map((x) => ({
      value: x.department.id,
      label: `${indent(x.depth)}${anyText(x.department.name, lang, fb) || x.department.slug}`,
    })),
  ];
  return {
    title,
    body: html`${errorSummary(t, e)}${notice(data.saved ? t('contacts.admin.saved') : null)}<p><a href="${BASE}">${t('contacts.admin.back')}</a></p>
<h1>${title}</h1>
${d ? html`<p><a href="/o/${data.organisation.slug}/contacts/${d.slug}">${t('contacts.admin.view')}</a></p>` : ''}
<p class="muted">${t('contacts.admin.fallback')}</p>
<form method="post" action="${d ? `${BASE}/${d.id}` : BASE}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${text('name', t('contacts.field.name'), MAX_LENGTH.name)}
  ${input({ name: 'slug', label: t('contacts.field.slug'), hint: t('contacts.hint.slug'), values: v, errors: e, maxlength: 80 })}
  ${select({ name: 'parentId', label: t('contacts.field.parent'), hint: t('contacts.hint.parent'), values: v, errors: e, options: parentOptions })}
  ${input({ name: 'email', type: 'email', label: t('contacts.field.email'), values: v, errors: e, autocomplete: 'off', maxlength: 254 })}
  ${input({ name: 'phone', type: 'tel', label: t('contacts.field.phone'), hint: t('contacts.hint.phone'), values: v, errors: e, autocomplete: 'off', maxlength: 40 })}
  ${text('description', t('contacts.field.description'), MAX_LENGTH.description, true)}
  ${text('location', t('contacts.field.location'), MAX_LENGTH.location)}
  ${text('officeHours', t('contacts.field.office_hours'), MAX_LENGTH.officeHours, true)}
  ${checkboxes({ name: 'services', legend: t('contacts.field.services'), values: v, errors: e, options: data.services.map((s) => ({ value: s.id, label: localize(s.name, lang, fb) || s.slug })) })}
  ${checkboxes({ name: 'situations', legend: t('contacts.field.situations'), values: v, errors: e, options: data.situations.map((s) => ({ value: s.id, label: localize(s.texts.title, lang, fb) || s.slug })) })}
  ${input({ name: 'position', label: t('contacts.field.position'), hint: t('contacts.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('contacts.save')}</button></div>
</form>
${d ? peopleList(ctx, d, data.people) : ''}
${d ? html`<p><a class="button secondary" href="${BASE}/${d.id}/delete">${t('contacts.delete')}</a></p>` : ''}`,
  };
}

/** "Delete …?" before a deletion, saying what goes with it; a post without `confirm=yes` comes here. */
export function deletePage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    department: Department;
    subDepartments: number;
    people: number;
  },
): Page {
  const { t, lang } = ctx;
  const d = data.department;
  const name = anyText(d.name, lang, data.organisation.defaultLanguage) || d.slug;
  const title = t('contacts.delete.title', { name });
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('contacts.delete.text', { sub: data.subDepartments, people: data.people })}</p>
<form method="post" action="${BASE}/${d.id}/delete" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${t('contacts.delete.yes')}</button>
</form>
<p><a href="${BASE}/${d.id}">${t('contacts.delete.no')}</a></p>`,
  };
}

// The administration of life situations under /staff/admin/situations: the list, the form with
// every text in Slovenian, Czech and English, and the confirmation before a deletion.
import type { OfferedForm } from '../service.ts';
import type { Page, PageContext } from '../../http/page.ts';
import { LANGS, localize, type Lang } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { checkboxes, input, localizedInputs, type Values } from '../../views/admin-form.ts';
import type { Organisation, Service } from '../../tenants/domain.ts';
import { MAX_LENGTH, TEXT_FIELDS, type Situation, type TextField } from '../domain.ts';

type Ctx = PageContext;
const LANG_NAMES: Record<Lang, string> = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' };
const BASE = '/staff/admin/situations';

function notice(ctx: Ctx, text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

function gapList(ctx: Ctx, gaps: readonly { field: TextField; lang: Lang }[]): Html {
  const fields = [...new Set(gaps.map((g) => g.field))];
  return html`${fields.map(
    (f, i) =>
      html`${i ? '; ' : ''}${ctx.t(`situations.field.${f}`)}: ${gaps
        .filter((g) => g.field === f)
        .map((g) => LANG_NAMES[g.lang])
        .join(', ')}`,
  )}`;
}

/** Every situation of the organisation, with the services it books and its missing translations. */
export function adminListPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    services: Service[];
    situations: (Situation & { gaps: { field: TextField; lang: Lang }[] })[];
    notice: 'saved' | 'deleted' | null;
  },
): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.defaultLanguage;
  const serviceName = (id: string) => {
    const s = data.services.find((x) => x.id === id);
    return s ? localize(s.name, lang, fb) || s.slug : null;
  };
  const url = `/o/${data.organisation.slug}/situations`;
  return {
    title: t('situations.admin.title'),
    body: html`${notice(ctx, data.notice ? t(`situations.admin.${data.notice}`) : null)}<h1>${t('situations.admin.title')}</h1>
<p>${t('situations.admin.lead', { url })} <a href="${url}">${url}</a></p>
<p><a class="button" href="${BASE}/new">${t('situations.admin.new')}</a></p>
${
  data.situations.length === 0
    ? html`<p>${t('situations.admin.none')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('situations.admin.title')}</caption>
<thead><tr><th scope="col">${t('situations.admin.col_title')}</th><th scope="col">${t('situations.admin.col_services')}</th><th scope="col">${t('situations.admin.col_translations')}</th></tr></thead>
<tbody>${data.situations.map(
        (s) => html`<tr>
  <th scope="row"><a href="${BASE}/${s.id}">${localize(s.texts.title, lang, fb) || s.slug}</a></th>
  <td>${s.serviceIds.map(serviceName).filter(Boolean).join(', ') || '—'}</td>
  <td>${s.gaps.length ? html`<span class="warning">${t('situations.admin.missing')}</span> ${gapList(ctx, s.gaps)}` : t('situations.admin.complete')}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  };
}

/** The form's values for a situation as stored, or a new one. */
export function situationValues(s: Situation | undefined): Values {
  if (!s) return { position: '0' };
  const texts = Object.fromEntries(
    TEXT_FIELDS.flatMap((f) => LANGS.map((l) => [`${f}_${l}`, s.texts[f][l] ?? ''])),
  );
  return {
    ...texts,
    slug: s.slug,
    videoPath: s.videoPath ?? '',
    captionsPath: s.captionsPath ?? '',
    rppCodes: s.rppCodes.join('\n'),
    services: s.serviceIds,
    forms: s.formSlugs,
    position: String(s.position),
  };
}

/** Creating or editing a situation: its texts in three languages, media, codes, services. */
export function situationFormPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    services: Service[];
    forms: OfferedForm[];
    situation: Situation | undefined;
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const s = data.situation;
  const fb = data.organisation.defaultLanguage;
  const title = s ? t('situations.admin.edit') : t('situations.admin.new');
  const v = data.values;
  const e = data.errors;
  const text = (field: TextField, multiline: boolean, hint?: string) =>
    localizedInputs(t, {
      prefix: field,
      legend: t(`situations.field.${field}`),
      values: v,
      errors: e,
      warnMissing: true,
      multiline,
      maxlength: MAX_LENGTH[field],
      ...(hint ? { hint } : {}),
    });
  return {
    title,
    body: html`${errorSummary(t, e)}${notice(ctx, data.saved ? t('situations.admin.saved') : null)}<p><a href="${BASE}">${t('situations.admin.back')}</a></p>
<h1>${title}</h1>
${s ? html`<p><a href="/o/${data.organisation.slug}/situations/${s.slug}">${t('situations.admin.view')}</a></p>` : ''}
<p class="muted">${t('situations.admin.fallback')}</p>
<form method="post" action="${s ? `${BASE}/${s.id}` : BASE}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'slug', label: t('situations.field.slug'), hint: t('situations.hint.slug'), values: v, errors: e, required: true, maxlength: 80 })}
  ${text('title', false)}
  ${text('summary', true)}
  ${text('audience', true)}
  ${text('preparation', true, t('situations.hint.preparation'))}
  ${text('fees', true)}
  ${text('deadlines', true)}
  ${text('legalBasis', true, t('situations.hint.legalBasis'))}
  ${text('department', false)}
  ${checkboxes({ name: 'services', legend: t('situations.field.services'), values: v, errors: e, options: data.services.map((sv) => ({ value: sv.id, label: localize(sv.name, lang, fb) || sv.slug })) })}
  ${keptServices(v, data.services)}
  ${checkboxes({ name: 'forms', legend: t('situations.field.forms'), hint: t('situations.hint.forms'), values: v, errors: e, options: data.forms.map((f) => ({ value: f.slug, label: localize(f.title, lang, fb) || f.slug })) })}
  ${keptForms(v, data.forms)}
  ${input({ name: 'videoPath', label: t('situations.field.video'), hint: t('situations.hint.video'), values: v, errors: e, maxlength: 300 })}
  ${input({ name: 'captionsPath', label: t('situations.field.captions'), hint: t('situations.hint.captions'), values: v, errors: e, maxlength: 300 })}
  ${rppInput(ctx, v, e)}
  ${input({ name: 'position', label: t('situations.field.position'), hint: t('situations.hint.position'), values: v, errors: e, inputmode: 'numeric' })}
  <div><button type="submit">${t('situations.save')}</button></div>
</form>
${s ? html`<p><a class="button secondary" href="${BASE}/${s.id}/delete">${t('situations.delete')}</a></p>` : ''}`,
  };
}

/**
 * Services the situation names that the form does not offer (deactivated ones, which citizens do
 * not see either): kept as they are, so saving the guide does not drop them.
 */
function keptServices(v: Values, offered: readonly Service[]): Html {
  const named =
    v.services === undefined ? [] : Array.isArray(v.services) ? v.services : [v.services];
  return html`${named
    .filter((id) => !offered.some((s) => s.id === id))
    .map((id) => html`<input type="hidden" name="services" value="${id}">`)}`;
}

/** Forms the situation names that are not published (yet, or any more): kept, as services are. */
function keptForms(v: Values, offered: readonly OfferedForm[]): Html {
  const named = v.forms === undefined ? [] : Array.isArray(v.forms) ? v.forms : [v.forms];
  return html`${named
    .filter((slug) => !offered.some((f) => f.slug === slug))
    .map((slug) => html`<input type="hidden" name="forms" value="${slug}">`)}`;
}

/** The register codes: a text area, one code per line. */
function rppInput(ctx: Ctx, v: Values, e: FieldErrors): Html {
  const error = e.rppCodes;
  const value = typeof v.rppCodes === 'string' ? v.rppCodes : '';
  return html`<div class="${error ? 'field-error' : ''}"><label for="rppCodes">${ctx.t('situations.field.rpp')} <span class="hint" id="rppCodes-hint">${ctx.t('situations.hint.rpp')}</span></label>
  ${error ? html`<span class="error-message" id="rppCodes-error">${error}</span>` : ''}
  <textarea id="rppCodes" name="rppCodes" rows="3" maxlength="1000" aria-describedby="rppCodes-hint${error ? ' rppCodes-error' : ''}"${error ? html` aria-invalid="true"` : ''}>${value}</textarea></div>`;
}

/** "Delete …?" before a deletion: the only way to it, since a post without `confirm=yes` comes here. */
export function deletePage(
  ctx: Ctx,
  data: { organisation: Organisation; situation: Situation },
): Page {
  const { t, lang } = ctx;
  const s = data.situation;
  const name = localize(s.texts.title, lang, data.organisation.defaultLanguage) || s.slug;
  const title = t('situations.delete.title', { title: name });
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('situations.delete.text')}</p>
<form method="post" action="${BASE}/${s.id}/delete" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${t('situations.delete.yes')}</button>
</form>
<p><a href="${BASE}/${s.id}">${t('situations.delete.no')}</a></p>`,
  };
}

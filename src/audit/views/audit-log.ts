import type { Page, PageContext } from '../../http/page.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import type { AuditRow } from '../repo.ts';
import type { AuditQueryForm } from '../schema.ts';
import { detail, maybe, objectTypeLabel } from './detail.ts';
import { dateFormat } from '../../views/dates.ts';

type Data = {
  rows: AuditRow[];
  nextBeforeId: string | null;
  actors: { id: string; name: string }[];
  families: string[];
  timeZone: string;
  /** Names of the organisation's offices, services and staff by id, in the page's language. */
  names: ReadonlyMap<string, string>;
  typed: AuditQueryForm;
  errors: FieldErrors;
  /** False when the form came back with errors: then there are no results to show. */
  searched: boolean;
};

/** Pages that exist for an object type; other objects are named without a link. */
const OBJECT_PAGES: Record<string, (id: string) => string> = {
  booking: (id) => `/staff/appointments/${encodeURIComponent(id)}`,
};

/** An action as people read it: its translation, or the code itself when it has none yet. */
export function actionLabel(t: Translate, action: string): string {
  return maybe(t, `audit.action.${action}`, action);
}

/** Who acted: a staff member's name as it was, or the system job by name. */
export function actorLabel(t: Translate, r: Pick<AuditRow, 'actorStaffId' | 'actorName'>): string {
  return r.actorStaffId === null && r.actorName.startsWith('system:')
    ? t('audit.system', { name: r.actorName.slice('system:'.length) })
    : r.actorName;
}

/** The audit log: a search form, then entries newest first with a link to older ones. */
export function auditLogPage(ctx: PageContext, data: Data): Page {
  const { t } = ctx;
  return {
    title: t('audit.title'),
    body: html`<h1>${t('audit.title')}</h1>
<p class="lead">${t('audit.intro')}</p>
${errorSummary(t, data.errors)}
${searchForm(ctx, data)}
${data.searched ? results(ctx, data) : ''}`,
  };
}

function searchForm(ctx: PageContext, data: Data): Html {
  const { t } = ctx;
  const v = data.typed;
  const err = (id: string) => data.errors[id];
  const wrap = (id: string, label: Html | string, control: Html) =>
    html`<div class="${err(id) ? 'field-error' : ''}"><label for="${id}">${label}</label>${err(id) ? html`<span class="error-message" id="${id}-error">${err(id)}</span>` : ''}${control}</div>`;
  const aria = (id: string, hint = false) => {
    const ids = [hint ? `${id}-hint` : '', err(id) ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`${ids ? html` aria-describedby="${ids}"` : ''}${err(id) ? html` aria-invalid="true"` : ''}`;
  };
  const selected = (a: string | undefined, b: string) => (a === b ? html` selected` : '');
  return html`<form method="get" action="/staff/audit" class="stack" aria-labelledby="audit-search">
<h2 id="audit-search">${t('audit.search')}</h2>
${wrap('audit-q', html`${t('audit.words')} <span class="hint" id="audit-q-hint">${t('audit.words_hint')}</span>`, html`<input type="search" id="audit-q" name="q" value="${v.q ?? ''}"${aria('audit-q', true)}>`)}
${wrap('audit-who', t('audit.who'), html`<select id="audit-who" name="who"${aria('audit-who')}><option value="">${t('audit.anyone')}</option>${data.actors.map((a) => html`<option value="${a.id}"${selected(v.who, a.id)}>${a.name}</option>`)}</select>`)}
${wrap('audit-what', t('audit.what'), html`<select id="audit-what" name="what"${aria('audit-what')}><option value="">${t('audit.anything')}</option>${data.families.map((f) => html`<option value="${f}"${selected(v.what, f)}>${maybe(t, `audit.family.${f}`, f)}</option>`)}</select>`)}
${wrap('audit-object', t('audit.object'), html`<input type="text" id="audit-object" name="object" value="${v.object ?? ''}"${aria('audit-object')}>`)}
${wrap('audit-from', t('audit.from'), html`<input type="date" id="audit-from" name="from" value="${v.from ?? ''}"${aria('audit-from')}>`)}
${wrap('audit-to', t('audit.to'), html`<input type="date" id="audit-to" name="to" value="${v.to ?? ''}"${aria('audit-to')}>`)}
<div><button type="submit">${t('audit.submit')}</button></div>
</form>`;
}

function results(ctx: PageContext, data: Data): Html {
  const { t, lang } = ctx;
  const when = dateFormat(lang, data.timeZone, 'shortSeconds');
  const params = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, val] of Object.entries({ ...data.typed, before: undefined, ...extra }))
      if (val) p.set(k, val);
    return p.toString();
  };
  const reading = { t, lang, timeZone: data.timeZone, names: data.names };
  const rows = data.rows.map((r) => {
    const who = actorLabel(t, r);
    const page = r.objectId ? OBJECT_PAGES[r.objectType] : undefined;
    const object = objectLabel(t, r, data.names);
    const named = page ? html`<a href="${page(r.objectId!)}">${object}</a>` : object;
    return html`<tr><th scope="row"><time datetime="${r.at.toISOString()}">${when.format(r.at)}</time></th><td>${who}</td><td>${r.actorIp ?? '–'}</td>
<td>${actionLabel(t, r.action)}</td><td>${named}${r.summary && r.summary !== (r.objectId && data.names.get(r.objectId)) ? html`<br>${r.summary}` : ''}</td><td>${detail(reading, r.detail)}</td></tr>
`;
  });
  return html`<h2 id="audit-results">${t('audit.results')}</h2>
<p><a href="/staff/audit.csv?${params({})}" download>${t('audit.csv')}</a></p>
${
  data.rows.length === 0
    ? html`<p>${t('audit.none')}</p>`
    : html`<div class="table-wrap" role="region" aria-labelledby="audit-results" tabindex="0"><table class="audit">
<thead><tr><th scope="col">${t('audit.col.when')}</th><th scope="col">${t('audit.col.who')}</th><th scope="col">${t('audit.col.where')}</th><th scope="col">${t('audit.col.what')}</th><th scope="col">${t('audit.col.object')}</th><th scope="col">${t('audit.col.detail')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`
}
<p>${data.nextBeforeId ? html`<a href="/staff/audit?${params({ before: data.nextBeforeId })}" rel="next">${t('audit.older')}</a> ` : ''}${data.typed.before ? html`<a href="/staff/audit?${params({})}">${t('audit.newest')}</a>` : ''}</p>`;
}

/** The object as people read it: its translated type and its name where the organisation has one, else its id. */
export function objectLabel(
  t: Translate,
  r: Pick<AuditRow, 'objectType' | 'objectId'>,
  names: ReadonlyMap<string, string>,
): string {
  const type = objectTypeLabel(t, r.objectType);
  if (!r.objectId) return type;
  return `${type} ${names.get(r.objectId) ?? r.objectId}`;
}

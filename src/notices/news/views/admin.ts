// The administration of the organisation's news under /staff/admin/news: the list with each
// item's status today, the form with the texts in Slovenian, Czech and English and the days it is
// shown, and the confirmation before a deletion.
import type { Page, PageContext } from '../../../http/page.ts';
import { LANGS, localize } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../../views/form.ts';
import { csrfField } from '../../../views/layout.ts';
import { localizedInputs, type Values } from '../../../views/admin-form.ts';
import { dateOf } from '../../../views/dates.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { MAX_BODY, MAX_TITLE, shownOn, type NewsItem } from '../domain.ts';

type Ctx = PageContext;
const BASE = '/staff/admin/news';

function notice(text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

function titleOf(n: NewsItem, ctx: Ctx, org: Organisation): string {
  return localize(n.title, ctx.lang, org.defaultLanguage);
}

/** Where an item stands today: shown, scheduled or no longer shown. */
function status(ctx: Ctx, n: NewsItem, today: string): string {
  if (shownOn(n, today)) return ctx.t('frontdoor.news.admin.status_shown');
  return n.publishedOn > today
    ? ctx.t('frontdoor.news.admin.status_scheduled')
    : ctx.t('frontdoor.news.admin.status_ended');
}

/** Every news item of the organisation, newest first, with its days and status today. */
export function newsAdminListPage(
  ctx: Ctx,
  data: { organisation: Organisation; today: string; news: NewsItem[]; notice: string | null },
): Page {
  const { t, lang } = ctx;
  const org = data.organisation;
  const url = `/o/${org.slug}/news`;
  return {
    title: t('frontdoor.news.admin.title'),
    body: html`${notice(data.notice)}<h1>${t('frontdoor.news.admin.title')}</h1>
<p>${t('frontdoor.news.admin.lead')} <a href="${url}">${url}</a></p>
<p><a class="button" href="${BASE}/new">${t('frontdoor.news.admin.new')}</a></p>
${
  data.news.length === 0
    ? html`<p>${t('frontdoor.news.admin.none')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('frontdoor.news.admin.title')}</caption>
<thead><tr><th scope="col">${t('frontdoor.news.field.title')}</th><th scope="col">${t('frontdoor.news.field.published_on')}</th><th scope="col">${t('frontdoor.news.field.shown_until')}</th><th scope="col">${t('frontdoor.news.admin.status')}</th></tr></thead>
<tbody>${data.news.map(
        (n) => html`<tr>
  <th scope="row"><a href="${BASE}/${n.id}">${titleOf(n, ctx, org)}</a></th>
  <td>${dateOf(n.publishedOn, lang)}</td>
  <td>${n.shownUntil ? dateOf(n.shownUntil, lang) : t('frontdoor.news.admin.no_end')}</td>
  <td>${status(ctx, n, data.today)}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  };
}

/** The form's values for an item as stored, or a new one shown from today. */
export function newsValues(n: NewsItem | undefined, today: string): Values {
  if (!n) return { publishedOn: today, shownUntil: '' };
  return {
    ...Object.fromEntries(
      LANGS.flatMap((l) => [
        [`title_${l}`, n.title[l] ?? ''],
        [`body_${l}`, n.body[l] ?? ''],
      ]),
    ),
    publishedOn: n.publishedOn,
    shownUntil: n.shownUntil ?? '',
  };
}

/** A day input (`type="date"`, which browsers without a picker show as text in the ISO form). */
export function dayInput(
  ctx: Ctx,
  name: string,
  label: string,
  hint: string,
  v: Values,
  e: FieldErrors,
): Html {
  const error = e[name];
  const value = typeof v[name] === 'string' ? v[name] : '';
  return html`<div class="${error ? 'field-error' : ''}"><label for="${name}">${label} <span class="hint" id="${name}-hint">${hint}</span></label>
  ${error ? html`<span class="error-message" id="${name}-error">${error}</span>` : ''}
  <input type="date" id="${name}" name="${name}" value="${value}" aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"${error ? html` aria-invalid="true"` : ''}></div>`;
}

/** Creating or editing a news item. */
export function newsFormPage(
  ctx: Ctx,
  data: {
    organisation: Organisation;
    item: NewsItem | undefined;
    values: Values;
    errors: FieldErrors;
    saved: boolean;
  },
): Page {
  const { t } = ctx;
  const n = data.item;
  const title = n ? t('frontdoor.news.admin.edit') : t('frontdoor.news.admin.new');
  const v = data.values;
  const e = data.errors;
  const defaultName = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' }[
    data.organisation.defaultLanguage
  ];
  return {
    title,
    body: html`${errorSummary(t, e)}${notice(data.saved ? t('frontdoor.news.admin.saved') : null)}<p><a href="${BASE}">${t('frontdoor.news.admin.back')}</a></p>
<h1>${title}</h1>
${n ? html`<p><a href="/o/${data.organisation.slug}/news/${n.id}">${t('frontdoor.news.admin.view')}</a></p>` : ''}
<form method="post" action="${n ? `${BASE}/${n.id}` : BASE}" class="stack" novalidate>
  ${csrfField(ctx)}
  ${localizedInputs(t, { prefix: 'title', legend: t('frontdoor.news.field.title'), hint: t('frontdoor.news.hint.title', { language: defaultName }), values: v, errors: e, warnMissing: true, maxlength: MAX_TITLE })}
  ${localizedInputs(t, { prefix: 'body', legend: t('frontdoor.news.field.body'), hint: t('frontdoor.news.hint.body'), values: v, errors: e, warnMissing: true, multiline: true, maxlength: MAX_BODY })}
  ${dayInput(ctx, 'publishedOn', t('frontdoor.news.field.published_on'), t('frontdoor.news.hint.published_on'), v, e)}
  ${dayInput(ctx, 'shownUntil', t('frontdoor.news.field.shown_until'), t('frontdoor.news.hint.shown_until'), v, e)}
  <div><button type="submit">${t('frontdoor.news.admin.save')}</button></div>
</form>
${n ? html`<p><a class="button secondary" href="${BASE}/${n.id}/delete">${t('frontdoor.news.admin.delete')}</a></p>` : ''}`,
  };
}

/** "Delete …?" before a deletion: the only way to it, since a post without `confirm=yes` comes here. */
export function newsDeletePage(
  ctx: Ctx,
  data: { organisation: Organisation; item: NewsItem },
): Page {
  const { t } = ctx;
  const n = data.item;
  const heading = t('frontdoor.news.delete.title', { title: titleOf(n, ctx, data.organisation) });
  return {
    title: heading,
    body: html`<h1>${heading}</h1>
<p>${t('frontdoor.news.delete.text')}</p>
<form method="post" action="${BASE}/${n.id}/delete" class="inline-form">${csrfField(ctx)}
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${t('frontdoor.news.delete.yes')}</button>
</form>
<p><a href="${BASE}/${n.id}">${t('frontdoor.news.delete.no')}</a></p>`,
  };
}

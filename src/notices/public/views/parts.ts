// Pieces the notice board's pages share: the days a notice was up in the country's words, one
// notice in a list, the filter form, the pager and the open-data links.
import type { PageContext } from '../../../http/page.ts';
import type { Lang, Localized } from '../../../i18n/i18n.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { dateOf } from '../../../views/dates.ts';
import { html, type Html } from '../../../views/html.ts';
import { CATEGORIES, type BoardEntry } from '../domain.ts';
import type { BoardFilter } from '../service.ts';

/** The organisation's name in the reader's language, else its own, else any. */
export function orgName(ctx: PageContext, org: Organisation): string {
  const name: Localized = org.name;
  for (const l of [ctx.lang, org.defaultLanguage, 'en', 'sl', 'cs'] as const) {
    const value = name[l]?.trim();
    if (value) return value;
  }
  return org.slug;
}

/** `lang="…"` for a notice's text written in another language than the page's (WCAG 3.1.2). */
export function langAttr(ctx: PageContext, l: Lang): Html {
  return l === ctx.lang ? html`` : html` lang="${l}"`;
}

/** The notice board's address of an organisation. */
export const boardPath = (org: Organisation) => `/o/${org.slug}/notices`;

/** A list page's address with its filter; page 1 and empty fields are left out. */
export function listHref(base: string, filter: BoardFilter, page = 1): string {
  const q = new URLSearchParams();
  if (filter.category) q.set('category', filter.category);
  if (filter.q.trim()) q.set('q', filter.q.trim());
  if (page > 1) q.set('page', String(page));
  const query = q.toString();
  return query ? `${base}?${query}` : base;
}

/** "Vyvěšeno 3. 12. 2026 · Sejmutí 18. 12. 2026": a notice's days as its country writes them. */
export function daysLine(ctx: PageContext, entry: BoardEntry): string {
  const { t, lang } = ctx;
  const posted = t('notices.posted_on', { date: dateOf(entry.postedOn, lang) });
  const down =
    entry.status === 'withdrawn' && entry.downOn
      ? t('notices.withdrawn_on', { date: dateOf(entry.downOn, lang) })
      : entry.status === 'taken_down' && entry.downOn
        ? t('notices.taken_down_on', { date: dateOf(entry.downOn, lang) })
        : entry.downOn
          ? t('notices.until', { date: dateOf(entry.downOn, lang) })
          : t('notices.until_further_notice');
  return `${posted} · ${down}`;
}

/** One notice in a list: its title as a link, its category as a filter link, its days. */
export function entryCard(ctx: PageContext, org: Organisation, base: string, e: BoardEntry): Html {
  const v = e.latest;
  return html`<li class="card"><h2${langAttr(ctx, v.language)}><a href="${boardPath(org)}/${e.number}">${v.title}</a></h2>
<p><a class="tag" href="${listHref(base, { category: v.category, q: '', page: 1 })}">${ctx.t(`notices.category.${v.category}`)}</a>${v.referenceNumber ? html` <span class="muted">${v.referenceNumber}</span>` : ''}</p>
<p>${daysLine(ctx, e)}</p></li>`;
}

/** The GET form: a category and words; its result has its own address. */
export function filterForm(ctx: PageContext, base: string, filter: BoardFilter): Html {
  const { t } = ctx;
  return html`<form method="get" action="${base}" role="search" class="stack">
<div><label for="category">${t('notices.filter.category')}</label>
<select id="category" name="category"><option value="">${t('notices.filter.all')}</option>${CATEGORIES.map(
    (c) =>
      html`<option value="${c}"${c === filter.category ? html` selected` : ''}>${t(`notices.category.${c}`)}</option>`,
  )}</select></div>
<div><label for="q">${t('notices.filter.q')}</label> <span class="hint" id="q-hint">${t('notices.filter.q_hint')}</span>
<input type="search" id="q" name="q" value="${filter.q}" maxlength="200" aria-describedby="q-hint"></div>
<div><button type="submit">${t('notices.filter.button')}</button></div>
</form>`;
}

/** The result line of a filtered list, with the way back to all. */
export function resultLine(
  ctx: PageContext,
  base: string,
  filter: BoardFilter,
  total: number,
): Html {
  const { t } = ctx;
  if (!filter.category && !filter.q.trim())
    return html`<p>${t('notices.count', { count: total })}</p>`;
  return html`<p role="status">${total ? t('notices.filter.results', { count: total }) : t('notices.filter.none')} <a href="${base}">${t('notices.filter.clear')}</a></p>`;
}

/** Previous and next pages of a list. */
export function pager(
  ctx: PageContext,
  base: string,
  filter: BoardFilter,
  page: number,
  pages: number,
): Html {
  if (pages <= 1) return html``;
  const { t } = ctx;
  return html`<nav class="pager" aria-label="${t('notices.pages')}"><ul>
${page > 1 ? html`<li><a href="${listHref(base, filter, page - 1)}" rel="prev">${t('notices.previous')}</a></li>` : ''}
<li aria-current="page">${t('notices.page', { page, pages })}</li>
${page < pages ? html`<li><a href="${listHref(base, filter, page + 1)}" rel="next">${t('notices.next')}</a></li>` : ''}
</ul></nav>`;
}

/** The feeds' addresses for the head, so readers and harvesters find them from the page. */
export function alternateLinks(ctx: PageContext, org: Organisation, ofn: boolean): Html {
  const base = boardPath(org);
  return html`<link rel="alternate" type="application/atom+xml" href="${base}.atom" title="${ctx.t('notices.open_data.atom')}">
${ofn ? html`<link rel="alternate" type="application/ld+json" href="${base}.jsonld" title="${ctx.t('notices.open_data.jsonld')}">` : ''}`;
}

/** The open-data section at the foot of the board. */
export function openDataLinks(ctx: PageContext, org: Organisation, ofn: boolean): Html {
  const { t } = ctx;
  const base = boardPath(org);
  return html`<section aria-labelledby="open-data"><h2 id="open-data">${t('notices.open_data.title')}</h2>
<p>${t('notices.open_data.lead')}</p>
<ul><li><a href="${base}.atom" type="application/atom+xml">${t('notices.open_data.atom')}</a></li>
${
  ofn
    ? html`<li><a href="${base}.jsonld" type="application/ld+json">${t('notices.open_data.jsonld')}</a></li>
<li><a href="/o/${org.slug}/open-data/catalog.jsonld" type="application/ld+json">${t('notices.open_data.catalog')}</a></li>`
    : ''
}</ul></section>`;
}

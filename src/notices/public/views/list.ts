// The notice board's two lists: the documents on the board now and the archive of those taken
// down. No JavaScript: the filter is a GET form, so every result and page has its own address.
import type { Page, PageContext } from '../../../http/page.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { html } from '../../../views/html.ts';
import type { BoardEntry } from '../domain.ts';
import type { BoardFilter } from '../service.ts';
import {
  alternateLinks,
  boardPath,
  entryCard,
  filterForm,
  openDataLinks,
  orgName,
  pager,
  resultLine,
} from './parts.ts';

/** A list page's data: one page of entries under a filter. */
export type ListData = {
  organisation: Organisation;
  filter: BoardFilter;
  /** Whether the OFN open data and catalogue are offered (a Czech organisation with its IČO). */
  openData: boolean;
  /** Whether the list holds anything before filtering. */
  any: boolean;
  items: BoardEntry[];
  page: number;
  pages: number;
  total: number;
};

/** The documents on the board now (archive false) or the archive of those taken down. */
export function listPage(ctx: PageContext, data: ListData, archive: boolean): Page {
  const { t } = ctx;
  const org = data.organisation;
  const name = orgName(ctx, org);
  const base = archive ? `${boardPath(org)}/archive` : boardPath(org);
  const title = archive ? t('notices.archive.title') : t('notices.title');
  return {
    title: `${title} – ${name}`,
    head: alternateLinks(ctx, org, data.openData),
    body: html`<p><a href="/o/${org.slug}">${t('notices.back_to_org', { organisation: name })}</a></p>
<h1>${title}</h1>
<p class="lead">${archive ? t('notices.archive.lead', { organisation: name }) : t('notices.lead', { organisation: name })}</p>
<p>${archive ? html`<a href="${boardPath(org)}">${t('notices.current.link')}</a>` : html`<a href="${boardPath(org)}/archive">${t('notices.archive.link')}</a>`}</p>
${
  data.any
    ? html`${filterForm(ctx, base, data.filter)}
${resultLine(ctx, base, data.filter, data.total)}
<ul class="cards" aria-label="${title}">${data.items.map((e) => entryCard(ctx, org, base, e))}</ul>
${pager(ctx, base, data.filter, data.page, data.pages)}`
    : html`<p>${archive ? t('notices.archive.empty') : t('notices.empty')}</p>`
}
${archive ? '' : openDataLinks(ctx, org, data.openData)}`,
  };
}

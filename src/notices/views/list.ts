// The organisation's notices for its admins: a status filter and the list, newest first.
import type { Page, PageContext } from '../../http/page.ts';
import { select, type Values } from '../../views/admin-form.ts';
import { html, type Html } from '../../views/html.ts';
import type { NoticeBoard } from '../service.ts';
import { NOTICES_PATH, STATUSES, categoryLabel, daysText, statusTag } from './common.ts';

type Listing = Awaited<ReturnType<NoticeBoard['list']>>;

function filterForm(ctx: PageContext, values: Values): Html {
  const { t } = ctx;
  const options = [
    { value: '', label: t('notices.admin.filter.all') },
    ...STATUSES.map((s) => ({ value: s, label: t(`notices.admin.status.${s}`) })),
  ];
  return html`<form method="get" action="${NOTICES_PATH}" class="agenda-filter" role="search" aria-label="${t('notices.admin.filter.legend')}">
  ${select({ name: 'status', label: t('notices.admin.filter.status'), values, errors: {}, options })}
  <div><button type="submit">${t('notices.admin.filter.submit')}</button></div>
</form>`;
}

function table(ctx: PageContext, rows: Listing['rows']): Html {
  const { t } = ctx;
  if (!rows.length) return html`<p>${t('notices.admin.list.empty')}</p>`;
  return html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('notices.admin.list.caption')}</caption>
<thead><tr><th scope="col">${t('notices.admin.col.number')}</th><th scope="col">${t('notices.admin.col.title')}</th><th scope="col">${t('notices.admin.col.category')}</th><th scope="col">${t('notices.admin.col.days')}</th><th scope="col">${t('notices.admin.col.status')}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td>${r.number}</td>
  <th scope="row"><a href="${NOTICES_PATH}/${r.id}">${r.title}</a>${r.referenceNumber ? html`<br><span class="muted">${r.referenceNumber}</span>` : ''}</th>
  <td>${categoryLabel(ctx, r.category)}</td><td>${daysText(ctx, r)}</td><td>${statusTag(ctx, r.status)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** The notice board's list page. */
export function listPage(ctx: PageContext, data: Listing & { status: string }): Page {
  const { t } = ctx;
  return {
    title: t('notices.admin.title'),
    body: html`<h1>${t('notices.admin.title')}</h1>
<p class="lead">${t('notices.admin.intro')}</p>
<p class="actions"><a class="button" href="${NOTICES_PATH}/new">${t('notices.admin.new_link')}</a></p>
${filterForm(ctx, { status: data.status })}
${table(ctx, data.rows)}
${data.rows.length >= data.limit ? html`<p class="muted">${t('notices.admin.list.limited', { limit: String(data.limit) })}</p>` : ''}`,
  };
}

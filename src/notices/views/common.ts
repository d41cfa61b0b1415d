// What the notice board's staff pages share: their path, a notice's status and days as shown.
import type { PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { dateOf } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';
import type { BoardStatus } from '../board-time.ts';

/** The board's staff pages live under the organisation's administration. */
export const NOTICES_PATH = '/staff/admin/notices';

/** The statuses in the order the filter offers them. */
export const STATUSES: BoardStatus[] = ['on_board', 'scheduled', 'taken_down', 'withdrawn'];

/** A status as a labelled tag (its words say it, not a colour). */
export function statusTag(ctx: PageContext, status: BoardStatus): Html {
  return html`<span class="tag">${ctx.t(`notices.admin.status.${status}` as MessageKey)}</span>`;
}

/** "1. 12. 2026 – 16. 12. 2026", or "… – until further notice". */
export function daysText(ctx: PageContext, d: { postOn: string; removeAfter: string | null }) {
  const until = d.removeAfter
    ? dateOf(d.removeAfter, ctx.lang)
    : ctx.t('notices.admin.until_further_notice');
  return `${dateOf(d.postOn, ctx.lang)} – ${until}`;
}

/** A category's label (the citizens' words, notices.category.*). */
export const categoryLabel = (ctx: PageContext, category: string): string =>
  ctx.t(`notices.category.${category}` as MessageKey);

/** A notice after a change (role=status, read out once). */
export function done(text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

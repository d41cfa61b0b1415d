// What the fee register's staff pages share: their paths, money and standing as shown.
import type { PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { formatMoney } from '../../views/money.ts';
import type { StandingName } from '../domain.ts';

/** The register's pages live under the organisation's administration. */
export const FEES_PATH = '/staff/admin/fees';

/** An amount in the organisation's currency, as the reader's language writes it. */
export const money = (ctx: PageContext, minor: number, currency: string): string =>
  formatMoney(minor, currency, ctx.lang);

/** Minor units as the amount inputs take them back: "1234,50" (no currency, no grouping). */
export function amountText(minor: number, lang: string): string {
  const sep = lang === 'en' ? '.' : ',';
  return `${Math.floor(minor / 100)}${sep}${String(minor % 100).padStart(2, '0')}`;
}

/** A standing as a labelled tag; overdue stands out by its words, not by colour alone. */
export function standingTag(ctx: PageContext, standing: StandingName): Html {
  const label = ctx.t(`fees.standing.${standing}` as MessageKey);
  return html`<span class="tag tag-${standing}">${label}</span>`;
}

/** A notice after a change (role=status, read out once). */
export function notice(text: string | null): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}

/** The links between the register's pages. */
export function feesLinks(ctx: PageContext): Html {
  const { t } = ctx;
  return html`<p class="actions">
  <a class="button" href="${FEES_PATH}/new">${t('fees.link.new')}</a>
  <a href="${FEES_PATH}/import">${t('fees.link.import')}</a>
  <a href="${FEES_PATH}/types">${t('fees.link.types')}</a>
  <a href="${FEES_PATH}/settings">${t('fees.link.settings')}</a>
</p>`;
}

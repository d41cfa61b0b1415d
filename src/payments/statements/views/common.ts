// Small pieces both statement pages use: where they live, money and calendar days as people read them.
import type { PageContext } from '../../../http/page.ts';
import { dateFormat } from '../../../views/dates.ts';
import { formatMoney } from '../../../views/money.ts';

export const STATEMENTS_PATH = '/staff/admin/fees/statements';
export const UNMATCHED_PATH = '/staff/admin/fees/unmatched';

/** An amount in minor units in the page's language. */
export const money = (ctx: PageContext, minor: number, currency: string): string =>
  formatMoney(minor, currency, ctx.lang);

/** A calendar day (YYYY-MM-DD) in the page's language; it has no zone, so none is applied. */
export const calendarDay = (ctx: PageContext, day: string): string =>
  dateFormat(ctx.lang, 'UTC', 'date').format(new Date(`${day}T00:00:00Z`));

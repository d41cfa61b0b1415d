// The few formats the payment pages and their e-mail share: a calendar day and a sum as read.
import type { Lang } from '../../../i18n/i18n.ts';
import { dateFormat } from '../../../views/dates.ts';
import { formatMoney } from '../../../views/money.ts';

/** A calendar day 'YYYY-MM-DD' as the reader writes dates ("3. 12. 2026", "12/3/2026"). */
export function dayText(day: string, lang: Lang): string {
  // A calendar day has no zone: read it at UTC noon and format it in UTC.
  return dateFormat(lang, 'UTC', 'date').format(new Date(`${day}T12:00:00Z`));
}

/** A sum in minor units with its currency, as the reader writes it. */
export function moneyText(minor: number, currency: string, lang: Lang): string {
  return formatMoney(minor, currency, lang);
}

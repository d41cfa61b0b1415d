// Money as people read it, for service fees and the forms' receipts alike.
import { localeOf, type Lang } from '../i18n/i18n.ts';

// Building an Intl formatter costs tens of microseconds, using one costs about one:
// keep one per language and currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats a fee in minor units, e.g. 300 EUR → "3,00 €" in Slovenian. */
export function formatMoney(minor: number, currency: string, lang: Lang): string {
  const key = `${lang}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}

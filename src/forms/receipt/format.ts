// What the receipt prints for each value: the project's own formats (views/dates.ts, money.ts,
// sizes.ts) in the citizen's language, so the receipt reads like the pages they filled in.
import { localeOf, translator, type Lang } from '../../i18n/i18n.ts';
import { dateOf } from '../../views/dates.ts';
import { formatMoney } from '../../views/money.ts';
import { formatSize } from '../../views/sizes.ts';
import type { ReceiptValue } from './model.ts';

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A number as the language writes it: sl/cs "1.234,5" and "1 234,5", en "1,234.5". */
function formatNumber(value: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 6 });
    numberFormats.set(lang, f);
  }
  return f.format(value);
}

const lists = new Map<Lang, Intl.ListFormat>();

/** The text of one answer, e.g. a date "24. 11. 2026", money "12,50 €", yes/no "Da". */
export function formatValue(value: ReceiptValue, lang: Lang): string {
  const t = translator(lang);
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'date':
      return dateOf(value.date, lang);
    case 'money':
      return formatMoney(value.minor, value.currency, lang);
    case 'number':
      return formatNumber(value.value, lang);
    case 'yesno':
      return t(value.value ? 'receipt.yes' : 'receipt.no');
    case 'list': {
      if (value.items.length === 0) return t('receipt.not_answered');
      let f = lists.get(lang);
      if (!f) {
        f = new Intl.ListFormat(localeOf(lang), { type: 'conjunction' });
        lists.set(lang, f);
      }
      return f.format(value.items);
    }
    case 'file':
      return `${value.fileName} (${formatSize(value.bytes, lang)})`;
    case 'empty':
      return t('receipt.not_answered');
  }
}

/** The media type as a reader knows it: "PDF", "JPEG", else the type itself. */
export function mediaTypeName(mediaType: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.oasis.opendocument.text': 'ODT',
    'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
    'text/plain': 'TXT',
    'application/xml': 'XML',
  };
  return known[mediaType.toLowerCase()] ?? mediaType;
}

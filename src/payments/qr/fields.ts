// Rules the three bank QR formats share: amounts in minor units, calendar dates, refusals.
import { AppError } from '../../lib/errors.ts';

/** The input fields a payment QR code is made from, as named in refusals. */
export type QrField =
  | 'iban'
  | 'bic'
  | 'amount'
  | 'currency'
  | 'variable_symbol'
  | 'reference'
  | 'due_date'
  | 'payee_name'
  | 'purpose_code'
  | 'message';

/** A refusal of one input field (AppError invalid_input; the field maps to its translated message). */
export function invalidQrField(field: QrField, detail: string): AppError {
  return new AppError('invalid_input', `payment QR code, ${field}: ${detail}`, {
    [field]: `payments.qr.invalid.${field}`,
  });
}

// ISO 4217 minor-unit exponents of the currencies an office here bills in. Another currency is
// refused rather than guessed at: a wrong exponent would print a hundredfold amount.
const MINOR_DIGITS: Readonly<Record<string, number>> = { CZK: 2, EUR: 2 };

/** A positive amount in minor units as a decimal with a point (`45000`, `CZK` → `450.00`). */
export function decimalAmount(amountMinor: number, currency: string): string {
  const digits = MINOR_DIGITS[currency];
  if (digits === undefined) throw invalidQrField('currency', `${currency} is not supported`);
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    throw invalidQrField('amount', 'a positive whole number of minor units');
  const s = String(amountMinor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** A calendar date `YYYY-MM-DD` split into its parts, refused unless the day exists. */
export function calendarDate(ymd: string, field: QrField = 'due_date'): [string, string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  const date = m ? new Date(`${ymd}T00:00:00Z`) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== ymd)
    throw invalidQrField(field, 'not a calendar date YYYY-MM-DD');
  return [m[1]!, m[2]!, m[3]!];
}

/** Text on one line: control characters (the formats' field separators among them) become spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The first `max` characters of a text (by code point, so no surrogate pair is cut in half). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd();
}

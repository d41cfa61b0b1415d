// Slovenian UPN QR (ZBS, "Tehnični standard UPN QR"): twenty fields, each ended by LF, in
// ISO-8859-2, in a version-15 QR code with ECI 4 (standards.md §2).
import { checkIban } from './iban.ts';
import { isValidRfReference, isValidSi12Reference } from './references.ts';
import { calendarDate, clip, invalidQrField, oneLine } from './fields.ts';
import { encodeLatin2, toLatin2Text } from './latin2.ts';

/** A party's name and address on the order. */
export type UpnParty = { name: string; street?: string | null; city?: string | null };

/** What a UPN order carries; the amount in euro cents. */
export type UpnInput = {
  payer?: UpnParty | null;
  amountMinor: number;
  /** Four capitals, ISO 20022 ExternalPurpose1Code (e.g. OTHR, COST). */
  purposeCode: string;
  purpose: string;
  /** Due date, YYYY-MM-DD. */
  dueDate?: string | null;
  payeeIban: string;
  /** SI12… or RF…, without spaces. */
  payeeReference: string;
  payee: UpnParty;
};

/** Field lengths (ZBS standard; DataLinx, matjaz/upnqr, franga2000). */
export const UPN_LIMITS = {
  name: 33,
  street: 33,
  city: 33,
  purpose: 42,
  reference: 26,
  iban: 34,
  /** The whole text, separators included (the capacity of version 15-M less the ECI header). */
  total: 411,
} as const;

// The largest amount field 9 holds: 11 digits of cents.
const MAX_AMOUNT_MINOR = 99_999_999_999;

/** Free text for a UPN field: one line, in ISO-8859-2 (transliterated), shortened to `max`. */
export function upnText(text: string | null | undefined, max: number): string {
  return clip(toLatin2Text(oneLine(text ?? '')), max);
}

function upnDate(ymd: string): string {
  const [y, m, d] = calendarDate(ymd);
  return `${d}.${m}.${y}`;
}

function payeeFields(input: UpnInput): string[] {
  const iban = checkIban(input.payeeIban);
  if (!iban.valid) throw invalidQrField('iban', iban.problem);
  const ref = input.payeeReference.replace(/\s+/g, '').toUpperCase();
  const refOk = ref.startsWith('RF') ? isValidRfReference(ref) : isValidSi12Reference(ref);
  if (!refOk || ref.length > UPN_LIMITS.reference) throw invalidQrField('reference', ref);
  const name = upnText(input.payee.name, UPN_LIMITS.name);
  if (!name) throw invalidQrField('payee_name', 'empty');
  return [
    iban.iban,
    ref,
    name,
    upnText(input.payee.street, UPN_LIMITS.street),
    upnText(input.payee.city, UPN_LIMITS.city),
  ];
}

/**
 * The twenty fields in the standard's order: 1 UPNQR, 2 payer IBAN, 3 deposit, 4 withdrawal,
 * 5 payer reference, 6–8 payer, 9 amount, 10 payment date, 11 urgent, 12 purpose code,
 * 13 purpose, 14 due date, 15 payee IBAN, 16 payee reference, 17–19 payee, 20 control sum.
 */
export function upnFields(input: UpnInput): string[] {
  const amount = input.amountMinor;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT_MINOR)
    throw invalidQrField('amount', 'a positive number of cents, at most 11 digits');
  if (!/^[A-Z]{4}$/.test(input.purposeCode)) throw invalidQrField('purpose_code', 'four capitals');
  const payer = input.payer;
  const fields = [
    'UPNQR',
    '',
    '',
    '',
    '',
    upnText(payer?.name, UPN_LIMITS.name),
    upnText(payer?.street, UPN_LIMITS.street),
    upnText(payer?.city, UPN_LIMITS.city),
    String(amount).padStart(11, '0'),
    '',
    '',
    input.purposeCode,
    upnText(input.purpose, UPN_LIMITS.purpose),
    input.dueDate ? upnDate(input.dueDate) : '',
    ...payeeFields(input),
  ];
  fields.push(upnControlSum(fields));
  return fields;
}

/** Field 20: Σ len(fields 1–19) + 19 (each field with its LF), three digits. */
export function upnControlSum(fields: readonly string[]): string {
  const sum = fields.slice(0, 19).reduce((s, f) => s + [...f].length, 0) + 19;
  return String(sum).padStart(3, '0');
}

/**
 * The UPN QR text. Every field, the control sum included, ends with LF (the standard's rule
 * for fields; QRCoder and the standard's own example, as zint reproduces it, do the same);
 * the reserve after field 20 is left empty (decision 044).
 */
export function upnPayload(input: UpnInput): string {
  const text = upnFields(input).join('\n') + '\n';
  if ([...text].length > UPN_LIMITS.total) throw invalidQrField('message', 'UPN text too long');
  return text;
}

/** The UPN QR text as the ISO-8859-2 bytes the QR code's byte segment holds. */
export function upnBytes(payload: string): Uint8Array {
  return encodeLatin2(payload);
}

/** Reads a UPN QR text back into its fields; checks the count and the control sum. */
export function parseUpn(text: string): { fields: string[]; controlSumValid: boolean } {
  const fields = text.replace(/\n$/, '').split('\n');
  if (fields.length !== 20 || fields[0] !== 'UPNQR') throw new RangeError('not a UPN QR text');
  return { fields, controlSumValid: upnControlSum(fields) === fields[19] };
}

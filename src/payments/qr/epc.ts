// EPC QR ("GiroCode", EPC069-12 v2): a SEPA credit transfer for EUR accounts elsewhere in the
// SEPA area. LF-separated, UTF-8 (charset 1), version 002 so the BIC may be left out.
import { checkIban } from './iban.ts';
import { isValidRfReference } from './references.ts';
import { clip, decimalAmount, invalidQrField, oneLine } from './fields.ts';

/** What an EPC credit transfer carries; the amount in euro cents. */
export type EpcInput = {
  bic?: string | null;
  payeeName: string;
  iban: string;
  amountMinor: number;
  /** ISO 20022 purpose code (four capitals), optional. */
  purposeCode?: string | null;
  /** An RF creditor reference; when given, the unstructured text is left out (the spec allows one). */
  reference?: string | null;
  /** Unstructured remittance text, used when there is no RF reference. */
  text?: string | null;
};

/** EPC069-12's limits. */
export const EPC_LIMITS = {
  name: 70,
  reference: 35,
  text: 140,
  maxAmountMinor: 99_999_999_999,
  /** Version 13-M's byte capacity, which the spec caps the code at. */
  bytes: 331,
} as const;

const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** The EPC lines (1 BCD … 11 remittance text), trailing empty ones dropped. Refuses invalid input. */
export function epcFields(input: EpcInput): string[] {
  const iban = checkIban(input.iban);
  if (!iban.valid) throw invalidQrField('iban', iban.problem);
  const bic = input.bic ? input.bic.toUpperCase() : '';
  if (bic && !BIC.test(bic)) throw invalidQrField('bic', 'not a BIC');
  if (input.amountMinor > EPC_LIMITS.maxAmountMinor) throw invalidQrField('amount', 'too large');
  const amount = decimalAmount(input.amountMinor, 'EUR');
  const name = clip(oneLine(input.payeeName), EPC_LIMITS.name);
  if (!name) throw invalidQrField('payee_name', 'empty');
  const purpose = input.purposeCode ?? '';
  if (purpose && !/^[A-Z]{4}$/.test(purpose)) throw invalidQrField('purpose_code', purpose);
  const reference = input.reference ? input.reference.replace(/\s+/g, '').toUpperCase() : '';
  if (reference && !isValidRfReference(reference)) throw invalidQrField('reference', reference);
  const text = reference ? '' : clip(oneLine(input.text ?? ''), EPC_LIMITS.text);
  // 1 service tag, 2 version, 3 charset (1 = UTF-8), 4 identification, 5 BIC, 6 name, 7 IBAN,
  // 8 amount, 9 purpose, 10 structured reference, 11 unstructured text.
  const fields = ['BCD', '002', '1', 'SCT', bic, name, iban.iban, `EUR${amount}`, purpose];
  fields.push(reference, text);
  while (fields.at(-1) === '') fields.pop();
  return fields;
}

/** The EPC QR text; refused when its UTF-8 bytes exceed what the spec allows. */
export function epcPayload(input: EpcInput): string {
  const text = epcFields(input).join('\n');
  if (Buffer.byteLength(text, 'utf8') > EPC_LIMITS.bytes)
    throw invalidQrField('message', 'EPC text too long');
  return text;
}

/** Reads an EPC QR text back into its eleven fields (missing trailing ones empty). */
export function parseEpc(text: string): string[] {
  const fields = text.split('\n');
  if (fields[0] !== 'BCD' || fields.length < 8 || fields.length > 12)
    throw new RangeError('not an EPC QR text');
  while (fields.length < 11) fields.push('');
  return fields;
}

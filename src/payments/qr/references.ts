// Payment references: the Czech variable symbol, the Slovenian SI12 model and the ISO 11649
// RF creditor reference. Each ties a bank transfer back to one obligation.
import { mod97 } from './iban.ts';

/**
 * A typed variable symbol in its canonical form: digits only, at most ten, leading zeros
 * dropped (banks drop them too, so matching is numeric: standards.md §4). Null when the input
 * is not a positive number of at most ten digits.
 */
export function normaliseVariableSymbol(input: string): string | null {
  const digits = input.replace(/[\s\u00a0]+/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  const canonical = digits.replace(/^0+/, '');
  return canonical === '' ? null : canonical;
}

/**
 * The check digit of the Slovenian reference model 12 (ZBS rules for standardised references):
 * weights 2, 3, 4, … from the rightmost digit; K = 11 − (Σ mod 11), and 10 or 11 become 0.
 */
export function si12CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('SI12 check digit: digits only');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 2);
  const k = 11 - (sum % 11);
  return k >= 10 ? 0 : k;
}

// The reference holds at most 26 characters; model 12's one part is at most 20 digits, its
// check digit included (ZBS rules v1.4).
const SI12_MAX_DIGITS = 20;

/** The SI12 reference of 1–19 digits: `SI12` + the digits + their check digit. */
export function si12Reference(digits: string): string {
  if (!/^\d+$/.test(digits) || digits.length >= SI12_MAX_DIGITS)
    throw new RangeError('SI12 reference: 1–19 digits');
  return `SI12${digits}${si12CheckDigit(digits)}`;
}

/** The SI12 reference of a variable symbol (normalised first, see normaliseVariableSymbol). */
export function si12FromVariableSymbol(variableSymbol: string): string {
  const vs = normaliseVariableSymbol(variableSymbol);
  if (vs === null) throw new RangeError('SI12 reference: not a variable symbol');
  return si12Reference(vs);
}

/** Whether a reference is a well-formed SI12 reference whose last digit checks. */
export function isValidSi12Reference(input: string): boolean {
  const ref = input.replace(/\s+/g, '').toUpperCase();
  const m = /^SI12(\d{2,20})$/.exec(ref);
  if (!m || m[1]!.length > SI12_MAX_DIGITS) return false;
  const body = m[1]!;
  return si12CheckDigit(body.slice(0, -1)) === Number(body.slice(-1));
}

/** Whether a reference uses the RF scheme (so EPC's structured reference field may carry it). */
export function isRfReference(input: string): boolean {
  return /^RF/i.test(input.trim());
}

/**
 * The ISO 11649 creditor reference for a base of 1–21 letters or digits: `RF` + two check
 * digits (98 − the base followed by `RF00`, mod 97) + the base.
 */
export function createRfReference(base: string): string {
  const b = base.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(b)) throw new RangeError('RF reference: 1–21 letters or digits');
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, '0')}${b}`;
}

/** Whether a typed RF creditor reference is well formed and its check digits hold (ISO 11649). */
export function isValidRfReference(input: string): boolean {
  const ref = input.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** The print form of a reference: groups of four characters separated by spaces. */
export function formatReferenceForPrint(ref: string): string {
  return ref.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Who pays: the payer's name as the lookup without signing in compares it, and the Czech birth
 * number (rodné číslo), which is checked here and stored only as an HMAC under the
 * installation's secret (seed 002: found by it only where the organisation switched it on).
 */
import { createHmac } from 'node:crypto';

/** Longest payer name (the table's check). */
export const PAYER_NAME_MAX = 200;

/**
 * A name folded for comparison: lower case, diacritics removed, runs of whitespace one space,
 * trimmed — "Jan  NOVÁK" and "jan novak" are one key. Letters without a decomposition (ł, ß, đ)
 * stay as they are: a payer types them as the office wrote them.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A birth number as typed: six digits, an optional slash, then three or four digits (spaces around ignored). */
const BIRTH_NUMBER = /^(\d{2})(\d{2})(\d{2})\/?(\d{3,4})$/;

/**
 * The birth number's ten (or nine) digits, or null when it is not a valid one. Rules (zákon
 * č. 133/2000 Sb., § 13): YYMMDD then a suffix; nine digits only for births before 1954; ten
 * digits are divisible by 11 — or, for numbers issued before 1986, the first nine leave 10 and
 * the check digit is 0; women's months are +50; from 2004 a month may be +20 when a day's
 * numbers run out (men 21–32, women 71–82). The date must exist and not lie in the future of
 * `today` (when given).
 */
export function parseBirthNumber(value: string, today?: string): string | null {
  const m = BIRTH_NUMBER.exec(value.trim());
  if (!m) return null;
  const [, yy, mm, dd, suffix] = m as unknown as [string, string, string, string, string];
  const digits = yy + mm + dd + suffix;
  const year = yearOf(Number(yy), suffix.length === 4);
  if (year === null) return null;
  if (suffix.length === 4 && !checkDigitOk(digits, year)) return null;
  const month = monthOf(Number(mm), year);
  if (month === null || !dateExists(year, month, Number(dd))) return null;
  const born = `${year}-${String(month).padStart(2, '0')}-${dd}`;
  if (today !== undefined && born > today) return null;
  return digits;
}

function yearOf(yy: number, tenDigits: boolean): number | null {
  if (!tenDigits) return yy < 54 ? 1900 + yy : null;
  return yy >= 54 ? 1900 + yy : 2000 + yy;
}

function checkDigitOk(digits: string, year: number): boolean {
  if (BigInt(digits) % 11n === 0n) return true;
  // Before 1986 a remainder of 10 gave the check digit 0.
  return year < 1986 && Number(digits.slice(0, 9)) % 11 === 10 && digits[9] === '0';
}

function monthOf(mm: number, year: number): number | null {
  for (const offset of year >= 2004 ? [0, 20, 50, 70] : [0, 50]) {
    const month = mm - offset;
    if (month >= 1 && month <= 12) return month;
  }
  return null;
}

function dateExists(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The birth number's HMAC-SHA-256 (hex) under the installation's secret: what the obligation
 * keeps instead of the number. Keyed, so a leaked table cannot be reversed by hashing every
 * possible number (there are only a few hundred million); labelled, so the same secret's other
 * uses never produce the same value. `digits` is parseBirthNumber's result.
 */
export function birthNumberHmac(secret: string, digits: string): string {
  return createHmac('sha256', secret).update(`okence:birth-number:${digits}`).digest('hex');
}

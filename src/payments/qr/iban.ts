// IBANs (ISO 13616) and Czech domestic account numbers: the payee's account on every bank QR code.

/** Why an IBAN was refused. */
export type IbanProblem = 'format' | 'country' | 'length' | 'bban' | 'checksum';

/** The result of checking an IBAN: its electronic form, or why it is not one. */
export type IbanCheck = { valid: true; iban: string } | { valid: false; problem: IbanProblem };

// IBAN length per country (SWIFT IBAN registry): the SEPA area and its neighbours. A country
// outside the table is refused rather than guessed: an office's account is in one of these.
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BA: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  UA: 29,
  VA: 22,
};

// The BBAN's shape where the registry gives a simple one (all digits for these countries).
const BBAN_SHAPE: Readonly<Record<string, RegExp>> = {
  AT: /^\d{16}$/,
  CZ: /^\d{20}$/,
  DE: /^\d{18}$/,
  HR: /^\d{17}$/,
  SI: /^\d{15}$/,
  SK: /^\d{20}$/,
};

/** The electronic form of a typed IBAN: white space removed, upper case. */
export function normaliseIban(input: string): string {
  return input.replace(/[\s\u00a0\u202f]+/g, '').toUpperCase();
}

/**
 * ISO 7064 MOD 97-10 of an alphanumeric string, letters counting as 10–35 (A–Z), as IBANs and
 * RF creditor references use it. Computed piecewise, so any length stays within a safe integer.
 */
export function mod97(alnum: string): number {
  let rest = 0;
  for (const ch of alnum) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** Checks a typed IBAN: shape, the country's length and BBAN, mod 97 (and Czech/Slovak mod 11). */
export function checkIban(input: string): IbanCheck {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return { valid: false, problem: 'format' };
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTH[country];
  if (length === undefined) return { valid: false, problem: 'country' };
  if (iban.length !== length) return { valid: false, problem: 'length' };
  const bban = iban.slice(4);
  if (BBAN_SHAPE[country] && !BBAN_SHAPE[country].test(bban))
    return { valid: false, problem: 'bban' };
  if (mod97(bban + iban.slice(0, 4)) !== 1) return { valid: false, problem: 'checksum' };
  // Czech and Slovak BBANs carry their own mod-11 checks, which a transposition may pass mod 97 past.
  if (
    (country === 'CZ' || country === 'SK') &&
    !domesticCheckDigitsHold(bban.slice(4, 10), bban.slice(10))
  )
    return { valid: false, problem: 'bban' };
  return { valid: true, iban };
}

/** Whether a typed IBAN is valid (see checkIban). */
export function isValidIban(input: string): boolean {
  return checkIban(input).valid;
}

/** The print form of an IBAN: groups of four characters separated by spaces. */
export function formatIbanForPrint(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum % 11;
}

// ČNB decree 169/2011: the zero-padded prefix (6) and number (10) are each ≡ 0 mod 11.
function domesticCheckDigitsHold(prefix: string, number: string): boolean {
  return weightedMod11(prefix, PREFIX_WEIGHTS) === 0 && weightedMod11(number, NUMBER_WEIGHTS) === 0;
}

/** A Czech domestic account number, its parts as digits without padding. */
export type CzechAccount = { prefix: string; number: string; bankCode: string };

/** Parses `[prefix-]number/bank` (e.g. `19-2000145399/0800`); null if malformed or mod 11 fails. */
export function parseCzechAccount(input: string): CzechAccount | null {
  const m = /^(?:(\d{1,6})-)?(\d{2,10})\/(\d{4})$/.exec(input.replace(/\s+/g, ''));
  if (!m) return null;
  const prefix = (m[1] ?? '').replace(/^0+/, '');
  const number = m[2]!.replace(/^0+/, '');
  if (number === '' || /^0+$/.test(number)) return null;
  if (!domesticCheckDigitsHold(prefix.padStart(6, '0'), number.padStart(10, '0'))) return null;
  return { prefix, number, bankCode: m[3]! };
}

/** The IBAN of a Czech domestic account (`19-2000145399/0800` → `CZ6508000000192000145399`); null if invalid. */
export function czechAccountToIban(input: string): string | null {
  const account = parseCzechAccount(input);
  if (!account) return null;
  const bban =
    account.bankCode + account.prefix.padStart(6, '0') + account.number.padStart(10, '0');
  const check = 98 - mod97(bban + 'CZ00');
  return `CZ${String(check).padStart(2, '0')}${bban}`;
}

/** The domestic form of a valid Czech IBAN (`[prefix-]number/bank`, no padding); null otherwise. */
export function ibanToCzechAccount(input: string): string | null {
  const check = checkIban(input);
  if (!check.valid || !check.iban.startsWith('CZ')) return null;
  const bankCode = check.iban.slice(4, 8);
  const prefix = check.iban.slice(8, 14).replace(/^0+/, '');
  const number = check.iban.slice(14).replace(/^0+/, '');
  return `${prefix ? `${prefix}-` : ''}${number}/${bankCode}`;
}

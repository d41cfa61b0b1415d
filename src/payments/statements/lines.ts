// The one shape both statement formats (ABO/GPC, camt.053) are parsed into, and the key that
// recognises a bank transaction again when two statement files overlap (decision 046).
import { createHash } from 'node:crypto';

/**
 * Which way the money moved on the organisation's account. Reversals are kept apart from plain
 * credits and debits: only a plain credit becomes a payment; a reversal is reported for staff.
 */
export type LineDirection = 'credit' | 'debit' | 'credit-reversal' | 'debit-reversal';

/** One booked transaction of a statement, whatever the file format. */
export type StatementLine = {
  /** Where it is in the file: the line number (ABO) or the entry's ordinal (camt.053). */
  source: number;
  direction: LineDirection;
  /** The magnitude in minor units (haléře, cents); the direction says the sign. */
  amountMinor: number;
  currency: string;
  /** Booking day, YYYY-MM-DD. */
  bookedOn: string;
  valueDate: string | null;
  /** The bank's own reference of the transaction when it gives one (AcctSvcrRef, document no.). */
  bankReference: string | null;
  /** Digits without leading zeros (banks drop them; standards.md §4), or null. */
  variableSymbol: string | null;
  constantSymbol: string | null;
  specificSymbol: string | null;
  counterAccount: string | null;
  counterName: string | null;
  message: string | null;
};

/** A parsed statement file: the account it is for and its lines in file order. */
export type ParsedStatement = {
  format: 'abo' | 'camt053';
  account: string;
  statementNumber: string | null;
  statementDate: string | null;
  lines: StatementLine[];
};

/** Why one line (or the file as a whole, line 0) was refused. */
export type LineProblem =
  | 'no_header'
  | 'unknown_record'
  | 'bad_length'
  | 'bad_account'
  | 'bad_amount'
  | 'bad_posting_code'
  | 'bad_date'
  | 'bad_symbol'
  | 'orphan_text'
  | 'not_xml'
  | 'not_camt053'
  | 'missing_field';

/** A refused line: its number in the file (1-based; 0 = the file as a whole) and why. */
export type LineError = { line: number; problem: LineProblem; detail?: string };

/** A parser's answer: the whole statement, or every refused line (then nothing is stored). */
export type ParseResult =
  { ok: true; statement: ParsedStatement } | { ok: false; errors: LineError[] };

const MAX_VS_DIGITS = 10;

/** A variable or specific symbol (positive integers) as compared and stored: no leading zeros. */
export function normaliseNumericSymbol(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').trim();
  if (!/^[0-9]+$/.test(digits)) return null;
  const stripped = digits.replace(/^0+/, '');
  return stripped === '' || stripped.length > MAX_VS_DIGITS ? null : stripped;
}

/** A constant symbol as stored: its digits as written (a code, not a number), null when zeros. */
export function normaliseSymbol(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').trim();
  if (!/^[0-9]{1,10}$/.test(digits) || /^0+$/.test(digits)) return null;
  return digits;
}

function digest(parts: readonly (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The identity of one line across statement files of the same account. With the bank's reference
 * it is that reference (with the amount and direction, so a bank that reuses numbers cannot merge
 * two different payments); without one, a digest of every field. Either way the ordinal among
 * lines of the same identity within this file is appended, so two genuinely identical payments in
 * one file both count, while the same line in two overlapping files gets the same key.
 */
export function lineKeys(statement: ParsedStatement): string[] {
  const seen = new Map<string, number>();
  return statement.lines.map((line) => {
    const base = lineIdentity(statement.account, line);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** The per-line identity lineKeys builds on (without the ordinal among identical lines). */
export function lineIdentity(account: string, line: StatementLine): string {
  const money = [account, line.direction, line.amountMinor, line.currency];
  if (line.bankReference !== null) return `r:${digest([...money, line.bankReference])}`;
  return `d:${digest([
    ...money,
    line.bookedOn,
    line.valueDate,
    line.variableSymbol,
    line.constantSymbol,
    line.specificSymbol,
    line.counterAccount,
    line.counterName,
    line.message,
  ])}`;
}

/** Decimal text ("1234.5", "0.01") → integer minor units with `exponent` decimals, no floats. */
export function decimalToMinor(text: string, exponent = 2): number | null {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim());
  if (m === null) return null;
  const fraction = m[2] ?? '';
  // "12.340" is fine; "12.345" is not a whole number of minor units and is refused, not rounded.
  if (/[^0]/.test(fraction.slice(exponent))) return null;
  const minor = fraction.slice(0, exponent).padEnd(exponent, '0');
  const units = BigInt(m[1]!) * 10n ** BigInt(exponent) + BigInt(minor);
  return units > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(units);
}

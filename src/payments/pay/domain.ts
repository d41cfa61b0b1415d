// Paying without signing in (decision 047): the payment link's token and what a lookup may use
// to find an obligation. Pure rules; the service applies them.
import { createHash, randomBytes } from 'node:crypto';
import { normaliseVariableSymbol, si12CheckDigit } from '../qr/references.ts';

/** How long a payment link works: a day, time enough to pay by bank the same day. */
export const PAYMENT_TOKEN_TTL_MS = 24 * 3600_000;

/** A payment link's token: 32 random bytes as base64url (43 characters). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new payment token and the hash the database keeps of it (never the token itself). */
export function newPaymentToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: paymentTokenHash(token) };
}

/** What the database stores of a payment token: its SHA-256 in hex. */
export function paymentTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a path part can be a payment token at all (anything else is not found, unread). */
export function isPaymentTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/**
 * What identifies the payer's obligation: its variable symbol, or (only where the organisation
 * switched birth-number lookup on) the birth number's HMAC; always with the folded name.
 */
export type PayerKey =
  | { by: 'symbol'; variableSymbols: readonly string[]; nameKey: string }
  | { by: 'birth_number'; birthNumberHmac: string; nameKey: string };

/** A payment link's state at a moment: usable, or expired (a clear page, not "not found"). */
export function tokenState(expiresAt: Date, now: Date): 'valid' | 'expired' {
  return now.getTime() < expiresAt.getTime() ? 'valid' : 'expired';
}

/** Whether an obligation can be paid now: something is left to pay and it is not cancelled. */
export function isPayable(standing: { standing: string; dueMinor: number }): boolean {
  return standing.dueMinor > 0 && standing.standing !== 'cancelled';
}

/** The account's groups of obligations, in the order the page shows them. */
export const ACCOUNT_GROUPS = ['overdue', 'due', 'paid'] as const;
export type AccountGroup = (typeof ACCOUNT_GROUPS)[number];

/**
 * Which group of the account's fees an obligation's standing falls in: overdue when any part is
 * past its due date, due while something is left to pay (partly paid too), else paid (an
 * overpayment is paid; the office refunds it). A cancelled obligation is not listed: null.
 */
export function accountGroupOf(standing: string): AccountGroup | null {
  switch (standing) {
    case 'overdue':
      return 'overdue';
    case 'due':
    case 'partly_paid':
      return 'due';
    case 'paid':
    case 'overpaid':
      return 'paid';
    default:
      return null;
  }
}

/**
 * Lookups per organisation and minute, whoever asks: the per-address limit stops one client,
 * this stops many addresses together from walking an organisation's variable symbols.
 */
export const LOOKUPS_PER_ORGANISATION_PER_MINUTE = 120;
/**
 * Every lookup answers after at least this long, found or not (lib/pacing.ts): well above the
 * work's usual few tens of milliseconds on either database.
 */
export const LOOKUP_FLOOR_MS = 300;

/** Lookups per client address and minute (the route's @fastify/rate-limit config). */
export const LOOKUPS_PER_ADDRESS_PER_MINUTE = 10;

/**
 * The variable symbols a payer may mean by what they typed, or null when it cannot be one.
 * Spaces and dashes are dropped and leading zeros with them (banks drop them too). Where the
 * organisation's slip is a Slovenian UPN (`si12`), the payer copies its reference: "SI12" and
 * the symbol with its check digit, or only the digits, so a number whose last digit checks is
 * also read without it. Several candidates are harmless: the name must match as well.
 */
export function symbolsTyped(typed: string, si12: boolean): string[] | null {
  const text = typed.replace(/[\s\u00a0-]+/g, '').toUpperCase();
  const prefixed = si12 && text.startsWith('SI12');
  const digits = prefixed ? text.slice(4) : text;
  if (!/^\d{1,20}$/.test(digits)) return null;
  const found = new Set<string>();
  const checks =
    si12 && digits.length >= 2 && si12CheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
  if (checks) {
    const vs = normaliseVariableSymbol(digits.slice(0, -1));
    if (vs) found.add(vs);
  }
  // With the prefix the last digit is the check digit, never part of the symbol.
  if (!prefixed) {
    const vs = normaliseVariableSymbol(digits);
    if (vs) found.add(vs);
  }
  return found.size > 0 ? [...found] : null;
}

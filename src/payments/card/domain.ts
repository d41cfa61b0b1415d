// The card payment's rules, without I/O (decision 045): what a gateway's state answer does to a
// started payment, when to ask, and when a payment the gateway never saw is given up.
import type { CardOutcome } from '../gateway/gateway.ts';

export type CardPaymentState = 'started' | 'paid' | 'declined' | 'cancelled' | 'expired';

/** The job asks about a started payment once it is this old (the browser's return usually came first). */
export const SETTLE_AFTER_MS = 60_000;
/** A payment the gateway has never seen this long after its start: the payer never got there. */
export const EXPIRE_UNSEEN_AFTER_MS = 30 * 60_000;
/**
 * A payment still pending at the gateway this long after its start. GP webpay says a payment's
 * state is final 60 minutes after the redirect; we keep asking a day before giving up.
 */
export const EXPIRE_PENDING_AFTER_MS = 24 * 3_600_000;

/**
 * The state a started payment moves to on the gateway's state answer, or null to leave it
 * started. `hint`: what the verified browser return said (tells "cancelled" from "declined",
 * which the state answer does not). Only the state answer's `paid` makes a payment paid.
 */
export function settlement(
  answer: Exclude<CardOutcome, 'approved'>,
  hint: CardOutcome | null,
  ageMs: number,
): Exclude<CardPaymentState, 'started'> | null {
  switch (answer) {
    case 'paid':
      return 'paid';
    case 'declined':
    case 'cancelled':
      return hint === 'cancelled' || answer === 'cancelled' ? 'cancelled' : 'declined';
    case 'unknown':
      return ageMs >= EXPIRE_UNSEEN_AFTER_MS ? 'expired' : null;
    case 'pending':
      return ageMs >= EXPIRE_PENDING_AFTER_MS ? 'expired' : null;
  }
}

/** The amount a card payment asks for: what is due now (nothing to pay: no payment). */
export function amountToCharge(amountMinor: number, paidMinor: number): number | null {
  const due = amountMinor - paidMinor;
  return due > 0 ? due : null;
}

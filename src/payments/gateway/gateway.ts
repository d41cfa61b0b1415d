// What Okence needs from a card payment gateway (issue 18, decision 045). GP webpay implements it
// (gpwebpay.ts); another gateway (ComGate, a bank's own) implements the same three steps. Only
// `queryState` — the gateway's own signed answer to our question — may make a payment paid: the
// browser's return is a hint that says when to ask, never the proof.

/** What to ask the payer to pay: our order number, an amount in minor units, where to come back. */
export type CardPaymentRequest = {
  /** Our unique number of this attempt (digits); the gateway knows the payment by it. */
  orderNumber: string;
  amountMinor: number;
  /** ISO 4217 letters (CZK, EUR). */
  currency: string;
  /** Shown to the payer on the gateway's page (the gateway may shorten or transliterate it). */
  description: string;
  /** The payer's reference for the merchant (the obligation's variable symbol), digits. */
  reference?: string;
  /** Where the gateway sends the browser back (absolute URL). */
  returnUrl: string;
};

/**
 * The outcome the gateway reports. `paid` only from a state query; the return's `approved` means
 * "ask now". `pending`: not final yet; `unknown`: the gateway has never seen the order.
 */
export type CardOutcome = 'approved' | 'paid' | 'declined' | 'cancelled' | 'pending' | 'unknown';

/** A return (or notification) whose signature checked: the order it is about and what it says. */
export type CardReturn = {
  orderNumber: string;
  outcome: Exclude<CardOutcome, 'paid' | 'unknown'>;
  /** The signed fields as received (kept with the payment as evidence). */
  answer: Record<string, string>;
};

/** The gateway's signed answer to "what is the state of this order?". */
export type CardState = {
  outcome: Exclude<CardOutcome, 'approved'>;
  answer: Record<string, string>;
};

/** Why a return was refused; nothing in it is trusted, so nothing else is reported. */
export type ReturnRefusal = 'bad_signature' | 'malformed';

export type ReturnReading = ({ ok: true } & CardReturn) | { ok: false; reason: ReturnRefusal };

/** One gateway account (a merchant): start, read the return, ask for the state. */
export type CardGateway = {
  /** The value of card_payments.gateway. */
  readonly id: 'gpwebpay';
  /** The URL to send the payer's browser to (a top-level navigation, 303). */
  startUrl(request: CardPaymentRequest): string;
  /** Verifies and reads the parameters the gateway sent the browser back with. */
  readReturn(params: Record<string, string>): ReturnReading;
  /**
   * Asks the gateway for the order's state; the answer's signature is checked. Throws when the
   * gateway cannot be reached or its answer does not verify (then nothing may change).
   */
  queryState(orderNumber: string): Promise<CardState>;
};

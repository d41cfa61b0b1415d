// Which obligation a bank credit pays (issue 18): by variable symbol, compared numerically, then
// by amount against what is still due. Partial and over payments are matched and kept as they
// came; a line that cannot be matched waits for staff with the reason it could not.

/** An obligation as matching sees it: what is still due of it right now. */
export type OpenObligation = {
  id: string;
  /** Digits without leading zeros, as obligations store it. */
  variableSymbol: string;
  currency: string;
  /** The obligation's amount less what has been paid towards it (0 or less once paid). */
  dueMinor: number;
  cancelled: boolean;
};

/** A credit line as matching sees it. */
export type CreditToMatch = {
  variableSymbol: string | null;
  amountMinor: number;
  currency: string;
};

/** Why a credit matched no obligation. */
export type UnmatchedReason =
  'no_variable_symbol' | 'unknown_variable_symbol' | 'other_currency' | 'cancelled';

/** How a payment compares with what was due when it arrived. */
export type Fit = 'exact' | 'partial' | 'over';

/** The decision for one credit. */
export type MatchDecision =
  | { kind: 'matched'; obligationId: string; fit: Fit }
  | { kind: 'unmatched'; reason: UnmatchedReason };

/** How an amount compares with what is due. */
export function fitOf(amountMinor: number, dueMinor: number): Fit {
  if (amountMinor === dueMinor) return 'exact';
  return amountMinor < dueMinor ? 'partial' : 'over';
}

/**
 * Decides every credit in file order. Each matched credit lowers what is due of its obligation
 * before the next one is decided, so two payments of half each are partial then exact.
 */
export function matchCredits(
  credits: readonly CreditToMatch[],
  obligations: Iterable<OpenObligation>,
): MatchDecision[] {
  const byVs = new Map<string, OpenObligation>();
  for (const o of obligations) byVs.set(o.variableSymbol, { ...o });
  return credits.map((credit): MatchDecision => {
    if (credit.variableSymbol === null) return { kind: 'unmatched', reason: 'no_variable_symbol' };
    const o = byVs.get(credit.variableSymbol.replace(/^0+/, ''));
    if (o === undefined) return { kind: 'unmatched', reason: 'unknown_variable_symbol' };
    if (o.cancelled) return { kind: 'unmatched', reason: 'cancelled' };
    if (o.currency !== credit.currency) return { kind: 'unmatched', reason: 'other_currency' };
    const fit = fitOf(credit.amountMinor, o.dueMinor);
    o.dueMinor -= credit.amountMinor;
    return { kind: 'matched', obligationId: o.id, fit };
  });
}

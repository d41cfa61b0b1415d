// What an import did, line by line summed up for the staff page and the API (decision 046).
import { parseAbo } from './abo.ts';
import type { LineDirection, LineError, ParseResult, StatementLine } from './lines.ts';
import type { Fit, MatchDecision, UnmatchedReason } from './matching.ts';

/** A line the import did not turn into a payment and staff should look at: a reversal. */
export type NotedLine = {
  source: number;
  direction: LineDirection;
  amountMinor: number;
  currency: string;
};

/** The counts an import reports. */
export type ImportCounts = {
  /** Every booked line of the file. */
  lines: number;
  credits: number;
  /** Credits some earlier statement had already brought (overlapping files). */
  alreadyKnown: number;
  matched: Record<Fit, number>;
  unmatched: Record<UnmatchedReason, number>;
  /** Debits are not payments to the organisation: reported, not stored. */
  debits: number;
  /** Reversals are reported for staff to check by hand; none changes a payment. */
  reversals: number;
};

/** The answer to an import: done with its counts, or why nothing was stored. */
export type ImportReport =
  | {
      outcome: 'imported';
      statementId: string;
      format: 'abo' | 'camt053';
      account: string;
      statementNumber: string | null;
      counts: ImportCounts;
      reversals: NotedLine[];
    }
  /** The statement is for another account than the payment settings' IBAN: nothing stored. */
  | { outcome: 'other_account'; account: string; iban: string }
  | { outcome: 'refused'; format: 'abo' | 'camt053' | null; errors: LineError[] }
  | { outcome: 'already_imported'; statementId: string; importedAt: Date };

/**
 * Reads a file as whichever format it is: XML is camt.053, a 074 record ABO/GPC. The camt.053
 * reader is imported at the first XML statement: its XML parser is ~200 KB of source that would
 * otherwise sit in every instance's heap from start (issue 15's memory budget).
 */
export async function parseStatement(
  bytes: Uint8Array,
): Promise<ParseResult & { format: 'abo' | 'camt053' | null }> {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  if (head.startsWith('<')) {
    const { parseCamt053 } = await import('./camt053.ts');
    return { ...parseCamt053(bytes), format: 'camt053' };
  }
  if (head.startsWith('074')) return { ...parseAbo(bytes), format: 'abo' };
  return { ok: false, errors: [{ line: 0, problem: 'unknown_record' }], format: null };
}

/** Empty counts for a statement of `lines` lines. */
export function emptyCounts(lines: readonly StatementLine[]): ImportCounts {
  const count = (d: LineDirection[]) => lines.filter((l) => d.includes(l.direction)).length;
  return {
    lines: lines.length,
    // A zero line (a bank's notice) is no payment received.
    credits: lines.filter((l) => l.direction === 'credit' && l.amountMinor > 0).length,
    alreadyKnown: 0,
    matched: { exact: 0, partial: 0, over: 0 },
    unmatched: {
      no_variable_symbol: 0,
      unknown_variable_symbol: 0,
      other_currency: 0,
      cancelled: 0,
    },
    debits: count(['debit']),
    reversals: count(['credit-reversal', 'debit-reversal']),
  };
}

/** Adds the decisions for the new credits to the counts. */
export function countDecisions(
  counts: ImportCounts,
  decisions: readonly MatchDecision[],
): ImportCounts {
  for (const d of decisions) {
    if (d.kind === 'matched') counts.matched[d.fit] += 1;
    else counts.unmatched[d.reason] += 1;
  }
  return counts;
}

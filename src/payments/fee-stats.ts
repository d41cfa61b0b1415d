// Local fees in the statistics (issue 18): per fee type and month, what fell due, what was paid
// towards it, and what is still to pay, split into not yet due and overdue. A pure rule over the
// instalments and the sums paid, so that the statistics and the register never disagree.
import type { Instalment } from './domain.ts';

/** One obligation as the statistics need it: its fee, instalments and everything paid towards it. */
export type ObligationFacts = {
  feeTypeId: string;
  instalments: readonly Instalment[];
  paidMinor: number;
};

/** A fee type's figures for a month (`YYYY-MM` of the instalments' due dates), in minor units. */
export type FeeMonth = {
  feeTypeId: string;
  month: string;
  /** What fell due in the month. */
  chargedMinor: number;
  /** Paid towards it; an overpayment counts in the month of the obligation's last instalment. */
  paidMinor: number;
  /** Still to pay, due date not yet passed. */
  dueMinor: number;
  /** Still to pay, due date passed ("po splatnosti"). */
  overdueMinor: number;
};

/**
 * The monthly figures of the instalments due in [from, to] (days, inclusive) as they stand on
 * `today`. Payments cover an obligation's instalments oldest first, as standingOf counts them;
 * an instalment is overdue from the day after its due date.
 */
export function feeMonths(
  obligations: readonly ObligationFacts[],
  period: { from: string; to: string },
  today: string,
): FeeMonth[] {
  const rows = new Map<string, FeeMonth>();
  for (const o of obligations) {
    const ordered = [...o.instalments].sort((a, b) => a.seq - b.seq);
    let left = o.paidMinor;
    ordered.forEach((instalment, i) => {
      const last = i === ordered.length - 1;
      const paid = last ? left : Math.min(left, instalment.amountMinor);
      left -= paid;
      if (instalment.dueDate < period.from || instalment.dueDate > period.to) return;
      const month = instalment.dueDate.slice(0, 7);
      const key = `${o.feeTypeId}|${month}`;
      const row = rows.get(key) ?? {
        feeTypeId: o.feeTypeId,
        month,
        chargedMinor: 0,
        paidMinor: 0,
        dueMinor: 0,
        overdueMinor: 0,
      };
      const open = Math.max(0, instalment.amountMinor - paid);
      row.chargedMinor += instalment.amountMinor;
      row.paidMinor += paid;
      if (instalment.dueDate < today) row.overdueMinor += open;
      else row.dueMinor += open;
      rows.set(key, row);
    });
  }
  return [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.feeTypeId.localeCompare(b.feeTypeId),
  );
}

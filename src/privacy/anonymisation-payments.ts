/**
 * The anonymisation plan's entries for the local fees' tables (src/payments, migration 038): a
 * fee, what was owed and what was paid are records of the tax administration (local fees are
 * administered under the tax procedure code, 280/2009 Sb.), kept as its rules say, not by a
 * booking's retention. Spread into ANONYMISATION_PLAN (anonymisation.ts).
 */
import type { TablePlan } from './anonymisation.ts';

type PaymentsTable =
  | 'payment_settings'
  | 'fee_types'
  | 'fee_rates'
  | 'obligations'
  | 'obligation_instalments'
  | 'payment_tokens'
  | 'card_payments'
  | 'bank_statements'
  | 'statement_lines'
  | 'payments'
  | 'payment_receipts';

const FEE_RECORDS =
  "the organisation's fee administration: records kept for the limitation period of the tax procedure code (deleted with the organisation)";

export const PAYMENTS_PLAN = {
  payment_settings: { treatment: 'no_citizen_data', why: "the organisation's bank account" },
  fee_types: { treatment: 'no_citizen_data', why: 'kinds of fee' },
  fee_rates: { treatment: 'no_citizen_data', why: 'rates set by ordinances' },
  obligations: {
    treatment: 'pruned_elsewhere',
    by: FEE_RECORDS,
    within: 'the limitation period set by law for the fee',
    why: 'what a payer owes: their name, a keyed hash of the birth number when known, the account',
  },
  obligation_instalments: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its obligation (ON DELETE CASCADE)',
    within: 'the same transaction',
    why: 'due dates and amounts of an obligation',
  },
  payment_tokens: {
    treatment: 'pruned_elsewhere',
    by: 'the payments purge job (src/payments)',
    within: 'a day after the token expires',
    why: 'hashes of payment links and the e-mail the receipt goes to',
  },
  card_payments: {
    treatment: 'pruned_elsewhere',
    by: FEE_RECORDS,
    within: 'the limitation period set by law for the fee',
    why: 'a card payment: the order number, amount, state and the receipt e-mail',
  },
  bank_statements: {
    treatment: 'no_citizen_data',
    why: "the organisation's own account statements: file name, number, date and hash",
  },
  statement_lines: {
    treatment: 'pruned_elsewhere',
    by: FEE_RECORDS,
    within: 'the limitation period set by law for the fee',
    why: "a credit to the organisation's account: the payer's account, name and message",
  },
  payments: {
    treatment: 'pruned_elsewhere',
    by: FEE_RECORDS,
    within: 'the limitation period set by law for the fee',
    why: 'money received for an obligation',
  },
  payment_receipts: {
    treatment: 'pruned_elsewhere',
    by: 'the deletion of its payment (ON DELETE CASCADE)',
    within: 'the same transaction',
    why: 'the receipt is the payment as a document',
  },
} as const satisfies { [T in PaymentsTable]: TablePlan<T> };

/**
 * What makes an obligation valid, whether staff typed it or the finance system's CSV carried it:
 * the checks of one input, each failure named by the message key shown beside its field (or in
 * the import's report). Pure: the caller resolves the fee type and its rates first.
 */
import type { MessageKey } from '../i18n/i18n.ts';
import {
  MAX_INSTALMENTS,
  parseAmount,
  parseDay,
  rateOn,
  splitInstalments,
  type Instalment,
  type RateVersion,
} from './domain.ts';
import { birthNumberHmac, foldName, parseBirthNumber, PAYER_NAME_MAX } from './payer.ts';
import { normaliseVariableSymbol } from './qr/references.ts';

/** An obligation as typed: every field a string, empty when not given. */
export type ObligationDraft = {
  payerName: string;
  subject: string;
  period: string;
  /** Empty: the fee's rate in force on the first due date. */
  amount: string;
  dueDates: readonly string[];
  birthNumber: string;
  email: string;
  /** Empty: allocated (only the import may give one). */
  variableSymbol?: string;
};

/** A draft that passed: ready to be stored once it has a variable symbol. */
export type CheckedObligation = {
  payerName: string;
  payerNameKey: string;
  subject: string | null;
  period: string;
  instalments: Instalment[];
  birthNumberHmac: string | null;
  payerEmail: string | null;
  variableSymbol: string | null;
};

export type DraftCheck =
  { ok: true; value: CheckedObligation } | { ok: false; fields: Record<string, MessageKey> };

/** What checking a draft needs besides the draft. */
export type DraftContext = {
  /** The fee type's rates; null when no fee type was found. */
  rates: readonly RateVersion[] | null;
  today: string;
  secret: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a draft; on failure every field's problem at once (the form shows them all). */
export function checkDraft(draft: ObligationDraft, ctx: DraftContext): DraftCheck {
  const fields: Record<string, MessageKey> = {};
  const payerName = draft.payerName.trim().replace(/\s+/g, ' ');
  if (!payerName || payerName.length > PAYER_NAME_MAX) fields.payerName = 'fees.error.payer_name';
  const period = draft.period.trim();
  if (!period || period.length > 40) fields.period = 'fees.error.period';
  const subject = draft.subject.trim();
  if (subject.length > 200) fields.subject = 'fees.error.subject';
  if (ctx.rates === null) fields.feeType = 'fees.error.fee_type';
  const dueDates = draft.dueDates.map((d) => d.trim()).filter(Boolean);
  const days = dueDates.map(parseDay);
  const daysOk =
    days.length >= 1 &&
    days.length <= MAX_INSTALMENTS &&
    days.every((d, i) => d !== null && (i === 0 || d > days[i - 1]!));
  if (!daysOk) fields.due1 = 'fees.error.due_dates';
  const amount = amountOf(draft.amount, daysOk ? days[0]! : null, ctx.rates, fields);
  const birth = draft.birthNumber.trim();
  const digits = birth ? parseBirthNumber(birth, ctx.today) : null;
  if (birth && !digits) fields.birthNumber = 'fees.error.birth_number';
  const email = draft.email.trim().toLowerCase();
  if (email && (!EMAIL.test(email) || email.length > 254)) fields.email = 'fees.error.email';
  const vsText = draft.variableSymbol?.trim() ?? '';
  const variableSymbol = vsText ? normaliseVariableSymbol(vsText) : null;
  if (vsText && !variableSymbol) fields.variableSymbol = 'fees.error.symbol';
  if (amount !== null && daysOk && amount < days.length) fields.amount = 'fees.error.instalments';
  if (Object.keys(fields).length > 0 || amount === null) return { ok: false, fields };
  return {
    ok: true,
    value: {
      payerName,
      payerNameKey: foldName(payerName),
      subject: subject || null,
      period,
      instalments: splitInstalments(amount, days as string[]),
      birthNumberHmac: digits ? birthNumberHmac(ctx.secret, digits) : null,
      payerEmail: email || null,
      variableSymbol,
    },
  };
}

/** The typed amount, or the rate in force on the first due date when none was typed. */
function amountOf(
  typed: string,
  firstDue: string | null,
  rates: readonly RateVersion[] | null,
  fields: Record<string, MessageKey>,
): number | null {
  if (typed.trim()) {
    const amount = parseAmount(typed);
    if (amount === null) fields.amount = 'fees.error.amount';
    return amount;
  }
  if (rates === null || firstDue === null) return null;
  const rate = rateOn(rates, firstDue);
  if (!rate) fields.amount = 'fees.error.no_rate';
  return rate?.amountMinor ?? null;
}

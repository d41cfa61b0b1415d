// Input of paying without signing in: the lookup form and the API's lookup body, and what a
// payer typed turned into a checked lookup or field errors (message keys).
import { z } from 'zod';
import { typedText } from '../../lib/query.ts';
import { normaliseEmail } from '../../identity/domain.ts';
import { symbolsTyped } from './domain.ts';
import { parseBirthNumber, PAYER_NAME_MAX } from '../payer.ts';
import type { PaymentsMessageKey } from '../../i18n/messages/payments.ts';

const slugParam = z.string().max(80);

/** /o/{org}/pay */
export const orgParams = z.object({ org: slugParam });
/** /pay/{token}: any text; the service answers "not found" to what is not a token. */
export const tokenParams = z.object({ token: z.string().max(200) });
/** /account/fees/{id}: an id that is not a UUID is not found, never a database error. */
export const obligationParams = z.object({ id: z.uuid() });

/** The lookup form as posted; each field as typed (kept to show again). */
export const findForm = z.object({
  vs: typedText,
  birth_number: typedText,
  name: typedText,
  email: typedText,
});
export type FindForm = z.infer<typeof findForm>;

const emailAddress = z.string().trim().max(254).pipe(z.email());

/** A checked lookup: what identifies the obligation, the name and the receipt's address. */
export type CheckedLookup = {
  identifier: { by: 'symbol'; variableSymbols: string[] } | { by: 'birth_number'; digits: string };
  name: string;
  email: string | null;
};

type FieldKeys = Partial<Record<keyof FindForm, PaymentsMessageKey>>;

function identifierOf(
  form: FindForm,
  opts: { birthNumberOn: boolean; today: string; si12: boolean },
): CheckedLookup['identifier'] | FieldKeys {
  const { birthNumberOn, today } = opts;
  const vs = form.vs.trim();
  const bn = birthNumberOn ? form.birth_number.trim() : '';
  if (vs === '' && bn === '')
    return { vs: birthNumberOn ? 'pay.error.vs_or_birth_number' : 'pay.error.vs' };
  if (vs !== '') {
    const variableSymbols = symbolsTyped(vs, opts.si12);
    return variableSymbols ? { by: 'symbol', variableSymbols } : { vs: 'pay.error.vs' };
  }
  const digits = parseBirthNumber(bn, today);
  return digits ? { by: 'birth_number', digits } : { birth_number: 'pay.error.birth_number' };
}

/**
 * The form checked: a lookup, or the message key of each field that is wrong. The variable
 * symbol wins when both it and a birth number are given; `si12`: the organisation's slip is a
 * Slovenian UPN, whose reference the payer may copy (symbolsTyped). `emailRequired`: the page asks for
 * the receipt's address; the API may leave it out.
 */
export function checkLookup(
  form: FindForm,
  opts: { birthNumberOn: boolean; today: string; emailRequired: boolean; si12: boolean },
): { ok: true; lookup: CheckedLookup } | { ok: false; errors: FieldKeys } {
  const errors: FieldKeys = {};
  const identifier = identifierOf(form, opts);
  if (!('by' in identifier)) Object.assign(errors, identifier);
  const name = form.name.trim();
  if (name === '' || name.length > PAYER_NAME_MAX) errors.name = 'pay.error.name';
  const typedEmail = form.email.trim();
  const email = emailAddress.safeParse(typedEmail);
  if ((typedEmail !== '' || opts.emailRequired) && !email.success) errors.email = 'pay.error.email';
  if (Object.keys(errors).length > 0 || !('by' in identifier)) return { ok: false, errors };
  return {
    ok: true,
    lookup: { identifier, name, email: email.success ? normaliseEmail(email.data) : null },
  };
}

/** findObligation's body. */
export const findBody = z.object({
  variableSymbol: z
    .string()
    .max(20)
    .describe(
      "The variable symbol from the fee notice (digits; leading zeros are dropped), or a Slovenian slip's SI12 reference",
    ),
  name: z
    .string()
    .max(PAYER_NAME_MAX)
    .describe("The payer's full name as on the fee notice (case and diacritics do not matter)"),
  receiptEmail: z
    .string()
    .max(254)
    .optional()
    .describe('Where the payment details and the receipt go; nothing is mailed without it'),
});

/** findObligation's path. */
export const findParams = z.object({ organisation: slugParam });

/** findObligation's answer: what to pay, by when, and the payment token for the next calls. */
export const findOut = z.object({
  amountDue: z.object({
    amountMinor: z.number().int().min(0).describe('What is left to pay, in minor units'),
    currency: z.string().length(3),
  }),
  dueDate: z.string().describe('The due date of the first instalment not yet paid (YYYY-MM-DD)'),
  standing: z.enum(['due', 'overdue', 'partly_paid', 'paid', 'overpaid']),
  variableSymbol: z.string(),
  paymentToken: z.string().describe('Opens this obligation only, for a day (getPaymentQr, …)'),
  paymentUrl: z.string().describe('The payment page for a browser'),
  expiresAt: z.string().describe('When the payment token stops working (RFC 3339)'),
});

/** getPaymentQr's path and query. */
export const qrParams = z.object({ token: z.string().max(200) });
export const qrQuery = z.object({
  format: z.enum(['svg', 'png']).default('svg').describe('The image format'),
});
/** getPaymentQr's answer: the image's bytes. */
export const qrImage = z.string().describe('The SVG document or the PNG image');

// One entry point for a payment's bank QR code: the organisation's payment settings and one
// obligation's amount, symbol and due date → the format's text and the same data for people.
import type { PaymentsTables } from '../../db/tables-payments.ts';
import { checkIban, formatIbanForPrint, ibanToCzechAccount } from './iban.ts';
import {
  formatReferenceForPrint,
  normaliseVariableSymbol,
  si12FromVariableSymbol,
} from './references.ts';
import { calendarDate, clip, decimalAmount, invalidQrField, oneLine } from './fields.ts';
import { spaydPayload, SPAYD_LIMITS } from './spayd.ts';
import { upnPayload, UPN_LIMITS } from './upn.ts';
import { epcPayload, EPC_LIMITS } from './epc.ts';
import type { QrFormat } from './render.ts';

/** The payment settings a QR code needs (a payment_settings row has them). */
export type PaymentQrSettings = Pick<
  PaymentsTables['payment_settings'],
  'payee_name' | 'payee_street' | 'payee_city' | 'iban' | 'bic' | 'qr_format'
> & { purpose_code: string };

/** One obligation's payment: amount in minor units, its variable symbol, due date YYYY-MM-DD. */
export type PaymentQrRequest = {
  settings: PaymentQrSettings;
  amountMinor: number;
  currency: string;
  variableSymbol: string;
  dueDate: string | null;
  message: string;
};

/** The keys of the text fields beside the code (labels in src/i18n/messages/payments-qr.ts). */
export type PaymentQrFieldKey =
  | 'payee'
  | 'account'
  | 'iban'
  | 'bic'
  | 'amount'
  | 'variable_symbol'
  | 'reference'
  | 'message'
  | 'due_date';

/**
 * A value as a person types it into a bank's form. Language-neutral: the amount is
 * `450.00 CZK`, the due date `YYYY-MM-DD` (views.ts shows both in the reader's language).
 */
export type PaymentQrField = { key: PaymentQrFieldKey; value: string };

/** A payment's QR text in its format, and the same data as text. */
export type PaymentQr = { format: QrFormat; payload: string; fields: PaymentQrField[] };

type Checked = { iban: string; vs: string; amount: string };

function check(req: PaymentQrRequest): Checked {
  const iban = checkIban(req.settings.iban);
  if (!iban.valid) throw invalidQrField('iban', iban.problem);
  const vs = normaliseVariableSymbol(req.variableSymbol);
  if (vs === null) throw invalidQrField('variable_symbol', 'at most ten digits, not zero');
  if (req.dueDate !== null) calendarDate(req.dueDate);
  if (req.settings.qr_format !== 'spayd' && req.currency !== 'EUR')
    throw invalidQrField('currency', `${req.settings.qr_format.toUpperCase()} carries EUR only`);
  return { iban: iban.iban, vs, amount: decimalAmount(req.amountMinor, req.currency) };
}

function common(req: PaymentQrRequest, c: Checked, message: string): PaymentQrField[] {
  const fields: PaymentQrField[] = [
    { key: 'payee', value: oneLine(req.settings.payee_name) },
    { key: 'iban', value: formatIbanForPrint(c.iban) },
  ];
  if (req.settings.bic) fields.push({ key: 'bic', value: req.settings.bic });
  fields.push({ key: 'amount', value: `${c.amount} ${req.currency}` });
  if (message) fields.push({ key: 'message', value: message });
  if (req.dueDate) fields.push({ key: 'due_date', value: req.dueDate });
  return fields;
}

function spayd(req: PaymentQrRequest, c: Checked): PaymentQr {
  const message = clip(oneLine(req.message), SPAYD_LIMITS.MSG);
  const payload = spaydPayload({
    iban: c.iban,
    bic: req.settings.bic,
    amountMinor: req.amountMinor,
    currency: req.currency,
    variableSymbol: c.vs,
    dueDate: req.dueDate,
    message,
    payeeName: req.settings.payee_name,
  });
  const fields = common(req, c, message);
  // Czech payers type a domestic account number (prefix-number/bank code), not the IBAN.
  const domestic = ibanToCzechAccount(c.iban);
  if (domestic) fields.splice(1, 0, { key: 'account', value: domestic });
  fields.splice(fields.findIndex((f) => f.key === 'amount') + 1, 0, {
    key: 'variable_symbol',
    value: c.vs,
  });
  return { format: 'spayd', payload, fields };
}

function upn(req: PaymentQrRequest, c: Checked): PaymentQr {
  const reference = si12FromVariableSymbol(c.vs);
  const message = clip(oneLine(req.message), UPN_LIMITS.purpose);
  const { payee_name: name, payee_street: street, payee_city: city } = req.settings;
  const payload = upnPayload({
    amountMinor: req.amountMinor,
    purposeCode: req.settings.purpose_code,
    purpose: message,
    dueDate: req.dueDate,
    payeeIban: c.iban,
    payeeReference: reference,
    payee: { name, street, city },
  });
  const fields = common(req, c, message);
  fields.splice(fields.findIndex((f) => f.key === 'amount') + 1, 0, {
    key: 'reference',
    value: formatReferenceForPrint(reference),
  });
  return { format: 'upn', payload, fields };
}

function epc(req: PaymentQrRequest, c: Checked): PaymentQr {
  // The variable symbol rides in the text as "/VS/…", the convention for payments from abroad
  // that the statement import reads back (standards.md §4; statements/camt-symbols.ts).
  const text = clip(`/VS/${c.vs} ${oneLine(req.message)}`.trim(), EPC_LIMITS.text);
  const payload = epcPayload({
    bic: req.settings.bic,
    payeeName: req.settings.payee_name,
    iban: c.iban,
    amountMinor: req.amountMinor,
    purposeCode: req.settings.purpose_code,
    text,
  });
  return { format: 'epc', payload, fields: common(req, c, text) };
}

/**
 * The bank QR code of one payment in the organisation's format: SPAYD (QR Platba) with the
 * variable symbol, UPN QR with the reference SI12 + variable symbol + check digit, or EPC with
 * "/VS/…" in its text. Refuses bad input with AppError('invalid_input') naming the field.
 */
export function paymentQr(req: PaymentQrRequest): PaymentQr {
  const checked = check(req);
  switch (req.settings.qr_format) {
    case 'spayd':
      return spayd(req, checked);
    case 'upn':
      return upn(req, checked);
    case 'epc':
      return epc(req, checked);
  }
}

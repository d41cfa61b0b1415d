// A payment's receipt (issue 18): a tagged PDF/A-3 on the same machinery as a submission's
// receipt (views/pdf-document.ts, decision 034), in the payer's language. It says who was paid,
// how much, when and how, for which fee, and what remains due after this payment.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { localeOf, translator, type Translate } from '../i18n/i18n.ts';
import { dateOf, formatWhen } from '../views/dates.ts';
import { formatMoney } from '../views/money.ts';
import { block, finish, footers, labelledList, openDocument, rule } from '../views/pdf-document.ts';
import { receiptNumber } from './receipt-number.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minor = z.number().int().nonnegative().max(9_999_999_999);

/** What a payment receipt shows; the same model always gives the same bytes. */
export const paymentReceiptSchema = z.object({
  lang: z.enum(['sl', 'cs', 'en']),
  timeZone: z.string().min(1),
  organisation: z.object({ name: z.string().min(1), payee: z.string().min(1) }),
  payment: z.object({
    id: z.uuid(),
    amountMinor: minor.positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    receivedOn: day,
    method: z.enum(['bank', 'card', 'cash']),
    recordedAt: z.date(),
  }),
  obligation: z.object({
    feeName: z.string().min(1),
    subject: z.string().nullable(),
    period: z.string().min(1),
    variableSymbol: z.string().regex(/^[1-9]\d{0,9}$/),
    payerName: z.string().min(1),
    amountMinor: minor.positive(),
    /** Everything paid towards it, this payment included. */
    paidMinor: minor,
  }),
});
export type PaymentReceiptModel = z.input<typeof paymentReceiptSchema>;

/** A rendered payment receipt: the PDF and its SHA-256 (hex), to store in payment_receipts. */
export type PaymentReceipt = { pdf: Buffer; sha256: string };

const METHOD = {
  bank: 'payments.receipt.method_bank',
  card: 'payments.receipt.method_card',
  cash: 'payments.receipt.method_cash',
} as const;

/** Renders the receipt of one payment. */
export async function renderPaymentReceipt(input: PaymentReceiptModel): Promise<PaymentReceipt> {
  const m = paymentReceiptSchema.parse(input);
  const t = translator(m.lang);
  const money = (amount: number) => formatMoney(amount, m.payment.currency, m.lang);
  const number = receiptNumber(m.payment.id);
  const p = openDocument({
    locale: localeOf(m.lang),
    title: `${t('payments.receipt.title')} ${number}`,
    author: m.organisation.name,
    subject: m.obligation.feeName,
    // The payment's instant, not the rendering's: the same payment gives the same bytes.
    created: m.payment.recordedAt,
  });
  block(p, p.root, 'P', m.organisation.name);
  block(p, p.root, 'H1', t('payments.receipt.title'));
  block(p, p.root, 'P', t('payments.receipt.intro'));
  rule(p.doc);
  labelledList(p, p.root, [
    [t('payments.receipt.number'), number],
    [t('payments.receipt.amount'), money(m.payment.amountMinor)],
    [t('payments.receipt.received_on'), dateOf(m.payment.receivedOn, m.lang)],
    [t('payments.receipt.method'), t(METHOD[m.payment.method])],
    [t('payments.receipt.payee'), m.organisation.payee],
    [t('payments.receipt.recorded_at'), formatWhen(m.payment.recordedAt, m.timeZone, m.lang)],
  ]);
  obligationPart(p, m, t, money);
  footers(p, (page, pages) => `${number} · ${t('payments.receipt.page', { page, pages })}`);
  const pdf = await finish(p);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}

function obligationPart(
  p: ReturnType<typeof openDocument>,
  m: z.output<typeof paymentReceiptSchema>,
  t: Translate,
  money: (amount: number) => string,
): void {
  const o = m.obligation;
  const sect = p.doc.struct('Sect');
  p.root.add(sect);
  block(p, sect, 'H2', t('payments.receipt.for'));
  const rows: [string, string][] = [
    [t('payments.receipt.fee'), o.feeName],
    [t('payments.receipt.period'), o.period],
  ];
  if (o.subject) rows.push([t('payments.receipt.subject'), o.subject]);
  rows.push(
    [t('payments.receipt.variable_symbol'), o.variableSymbol],
    [t('payments.receipt.payer'), o.payerName],
    [t('payments.receipt.charged'), money(o.amountMinor)],
    [t('payments.receipt.paid_total'), money(o.paidMinor)],
  );
  const rest = o.amountMinor - o.paidMinor;
  rows.push(
    rest > 0
      ? [t('payments.receipt.still_due'), money(rest)]
      : rest < 0
        ? [t('payments.receipt.overpaid'), money(-rest)]
        : [t('payments.receipt.settled'), t('payments.receipt.settled_yes')],
  );
  labelledList(p, sect, rows);
  sect.end();
}

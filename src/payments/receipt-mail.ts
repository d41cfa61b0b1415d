// A payment's receipt e-mail (decision 048): what was paid and what remains, in the payer's
// language, with the receipt PDF attached; when something remains due, the bank QR code for the
// rest as a PNG attachment and its details as text, for a mail program that shows no images.
import { localize, translator } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import type { OutgoingMail } from '../mail/service.ts';
import { dateOf } from '../views/dates.ts';
import { formatMoney } from '../views/money.ts';
import { receiptNumber } from './receipt-number.ts';
import type { ReceiptFacts } from './receipts-repo.ts';
import { paymentQr, type PaymentQr } from './qr/payment-qr.ts';
import { paymentQrImage } from './qr/render.ts';
import { shown } from './qr/views.ts';

/** The receipt's download name. */
export const receiptFileName = (paymentId: string) => `receipt-${receiptNumber(paymentId)}.pdf`;

/** What remains due after this payment (never below zero; nothing on a cancelled obligation). */
export function remainingMinor(f: ReceiptFacts): number {
  return f.cancelled ? 0 : Math.max(0, f.obligationMinor - f.paidMinor);
}

/**
 * The bank QR code for what remains, or null when nothing does, the organisation has no
 * payment settings or they cannot make one. A due date already past is left out: a bank would refuse to schedule it.
 */
export function remainderQr(f: ReceiptFacts, today: string): PaymentQr | null {
  const rest = remainingMinor(f);
  if (rest === 0 || !f.settings) return null;
  const lang = f.lang;
  try {
    return paymentQr({
      settings: f.settings,
      amountMinor: rest,
      currency: f.currency,
      variableSymbol: f.variableSymbol,
      dueDate: f.dueDate >= today ? f.dueDate : null,
      message: `${localize(f.feeName, lang, lang)} ${f.period}`,
    });
  } catch (err) {
    // Settings the format cannot carry (a currency UPN has no code for): the e-mail goes with
    // the receipt and what remains, without a code, rather than not at all.
    if (err instanceof AppError && err.code === 'invalid_input') return null;
    throw err;
  }
}

/** The receipt e-mail of one payment to `to`; `today` is the organisation's day of sending. */
export function receiptMail(f: ReceiptFacts, pdf: Buffer, to: string, today: string): OutgoingMail {
  const { lang } = f;
  const t = translator(lang);
  const money = (minor: number) => formatMoney(minor, f.currency, lang);
  const organisation = localize(f.orgName, lang, lang);
  const fee = localize(f.feeName, lang, lang);
  const params = { fee, variableSymbol: f.variableSymbol, period: f.period };
  const lines = [
    t('payments.receipt_mail.greeting'),
    '',
    t('payments.receipt_mail.received', {
      ...params,
      amount: money(f.amountMinor),
      date: dateOf(f.receivedOn, lang),
    }),
    t('payments.receipt_mail.attached'),
    '',
  ];
  const rest = remainingMinor(f);
  const over = f.cancelled ? 0 : f.paidMinor - f.obligationMinor;
  if (rest > 0)
    lines.push(
      t('payments.receipt_mail.remaining', {
        amount: money(rest),
        dueDate: dateOf(f.dueDate, lang),
      }),
    );
  else if (over > 0) lines.push(t('payments.receipt_mail.overpaid', { amount: money(over) }));
  else lines.push(t('payments.receipt_mail.settled'));
  const attachments = [
    { filename: receiptFileName(f.paymentId), contentType: 'application/pdf', content: pdf },
  ];
  const qr = remainderQr(f, today);
  if (qr) {
    const format = t(`payments.qr.format.${qr.format}`);
    lines.push('', t('payments.receipt_mail.qr', { format }), '');
    for (const field of qr.fields)
      lines.push(`${t(`payments.qr.field.${field.key}`)}: ${shown(field, lang)}`);
    const png = paymentQrImage(qr.format, qr.payload, 'png', format).body as Buffer;
    attachments.push({ filename: 'payment-qr.png', contentType: 'image/png', content: png });
  }
  lines.push('', t('payments.receipt_mail.closing'), organisation);
  return {
    // One message per payment, however often asked (privacy: SHORT_LIVED_MAIL_PREFIXES).
    dedupeKey: `payment-receipt:${f.paymentId}`,
    to,
    subject: t('payments.receipt_mail.subject', params),
    text: lines.join('\n'),
    sender: { name: f.senderName ?? (organisation || null), replyTo: f.replyTo },
    attachments,
  };
}

// A payment's bank QR code on a page: the code large enough to scan from a screen, and the
// same details as text for those who type them into their bank's form.
import { localeOf, type Lang, type Translate } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { formatMoney } from '../../views/money.ts';
import { qrCodeSvg } from '../../views/qr.ts';
import type { PaymentQr, PaymentQrField } from './payment-qr.ts';
import { encodePaymentQr } from './render.ts';

/**
 * The code's size in CSS pixels: 4 px per module for UPN's 85 modules (77 + the quiet zone),
 * and at least 280 px for every format, which a phone held to a screen reads.
 */
export const QR_SIZE_PX = 340;

// The amount (`450.00 CZK`) and the due date (YYYY-MM-DD) are language-neutral in PaymentQr;
// the rest is shown as it is typed.
/** A field's value in the reader's language (the page's list, the receipt e-mail's text). */
export function shown(field: PaymentQrField, lang: Lang): string {
  const amount = field.key === 'amount' ? /^(\d+)\.(\d{2}) ([A-Z]{3})$/.exec(field.value) : null;
  if (amount) return formatMoney(Number(amount[1]! + amount[2]!), amount[3]!, lang);
  if (field.key === 'due_date') {
    const date = new Date(`${field.value}T00:00:00Z`);
    return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
      date,
    );
  }
  return field.value;
}

/** The QR code block: heading, how to use it, the code (an image with its label) and the details list. */
export function paymentQrBlock(ctx: { t: Translate; lang: Lang }, qr: PaymentQr): Html {
  const { t, lang } = ctx;
  const value = (key: PaymentQrField['key']) => qr.fields.find((f) => f.key === key);
  const amount = value('amount');
  const label = t('payments.qr.image_label', {
    format: t(`payments.qr.format.${qr.format}`),
    amount: amount ? shown(amount, lang) : '',
    payee: value('payee')?.value ?? '',
  });
  const svg = qrCodeSvg(encodePaymentQr(qr.format, qr.payload), label, QR_SIZE_PX);
  return html`<section class="payment-qr" aria-labelledby="payment-qr-title">
<h2 id="payment-qr-title">${t('payments.qr.title')}</h2>
<p>${t('payments.qr.instructions')}</p>
<figure class="qr-figure">${svg}<figcaption>${t(`payments.qr.format.${qr.format}`)}. ${t('payments.qr.text_alternative')}</figcaption></figure>
<h3>${t('payments.qr.details')}</h3>
<dl class="facts">${qr.fields.map(
    (f) =>
      html`<dt>${t(`payments.qr.field.${f.key}`)}</dt><dd translate="no">${shown(f, lang)}</dd>`,
  )}</dl>
</section>`;
}

// The bank QR code of what is left to pay of an obligation, from the organisation's payment
// settings (payments/qr's one entry point), for the payment page, its e-mail and the API.
import { localize } from '../../i18n/i18n.ts';
import { AppError } from '../../lib/errors.ts';
import { paymentQr, type PaymentQr } from '../qr/payment-qr.ts';
import type { PaymentSettings } from '../repo.ts';
import { isPayable } from './domain.ts';
import type { PayView } from './service.ts';

/**
 * The code for the amount due, or null: no payment settings yet, nothing left to pay (or the
 * obligation cancelled), or data
 * the organisation's format cannot carry (UPN and EPC take euros only). The message to the payee
 * is the fee and period in the organisation's language: it is the office that reads it.
 */
export function bankQrOf(settings: PaymentSettings | undefined, view: PayView): PaymentQr | null {
  if (!settings || !isPayable(view.standing)) return null;
  const o = view.obligation;
  const fee = localize(o.feeName, view.organisation.defaultLanguage);
  try {
    return paymentQr({
      settings: {
        payee_name: settings.payeeName,
        payee_street: settings.payeeStreet,
        payee_city: settings.payeeCity,
        iban: settings.iban,
        bic: settings.bic,
        qr_format: settings.qrFormat,
        purpose_code: settings.purposeCode,
      },
      amountMinor: view.standing.dueMinor,
      currency: o.currency,
      variableSymbol: o.variableSymbol,
      dueDate: view.standing.nextDueDate ?? o.dueDate,
      message: `${fee} ${o.period}`,
    });
  } catch (err) {
    // A field the format refuses (a currency it does not carry): the page goes without a code.
    if (err instanceof AppError && err.code === 'invalid_input') return null;
    throw err;
  }
}

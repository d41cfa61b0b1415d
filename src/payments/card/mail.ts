// The e-mail a card payer gets once the gateway confirmed the payment: amount, what it was for,
// the payment reference and the day, in the organisation's language. Queued through the outbox
// in the settling transaction, under a key that makes a second queuing a no-op.
import type { Db } from '../../db/db.ts';
import { localize, translator } from '../../i18n/i18n.ts';
import { enqueueMail } from '../../mail/service.ts';
import { dateOf } from '../../views/dates.ts';
import { formatMoney } from '../../views/money.ts';
import type { CardPaymentRow, PayableObligation } from './repo.ts';

/** Queues the receipt e-mail of a paid card payment. */
export async function queueReceiptMail(
  tx: Db,
  m: {
    payment: CardPaymentRow;
    obligation: PayableObligation;
    to: string;
    receivedOn: string;
    now: Date;
  },
): Promise<void> {
  const o = m.obligation;
  const lang = o.defaultLanguage;
  const t = translator(lang);
  const fee = localize(o.feeName, lang);
  const organisation = localize(o.organisationName, lang);
  const lines = [
    t('payments.card.mail.lead', { organisation }),
    '',
    `${t('payments.card.amount')}: ${formatMoney(m.payment.amountMinor, m.payment.currency, lang)}`,
    `${t('payments.card.fee')}: ${fee}, ${o.period}`,
    `${t('payments.card.reference')}: ${o.variableSymbol}`,
    `${t('payments.card.paid_on')}: ${dateOf(m.receivedOn, lang)}`,
    '',
    organisation,
  ];
  await enqueueMail(
    tx,
    {
      dedupeKey: `card-payment:${m.payment.id}:receipt`,
      to: m.to,
      subject: t('payments.card.mail.subject', { fee }),
      text: `${lines.join('\n')}\n`,
    },
    m.now,
  );
}

// The e-mail a found payer gets: the payment details as text and a link to the payment page
// (with the QR code). Queued in the lookup's transaction, so it exists exactly when the links do.
import type { Db } from '../../db/db.ts';
import { localize, translator, type Lang, type Translate } from '../../i18n/i18n.ts';
import { enqueueMail } from '../../mail/service.ts';
import { formatWhen } from '../../views/dates.ts';
import { findSettings, type PaymentSettings } from '../repo.ts';
import { bankQrOf } from './qr.ts';
import type { PayView } from './service.ts';
import { dayText, moneyText } from './views/text.ts';

// The amount and due date are in the lines above, in the reader's language.
const SHOWN_ABOVE = new Set(['amount', 'due_date']);

/** How to pay by bank as lines of text: the QR code's own details, else the symbol and account. */
function paymentLines(
  t: Translate,
  settings: PaymentSettings | undefined,
  view: PayView,
): string[] {
  const qr = bankQrOf(settings, view);
  if (qr)
    return qr.fields
      .filter((f) => !SHOWN_ABOVE.has(f.key))
      .map((f) => `${t(`payments.qr.field.${f.key}`)}: ${f.value}`);
  const vs = t('pay.mail.line_vs', { vs: view.obligation.variableSymbol });
  if (!settings) return [vs];
  return [vs, t('pay.mail.line_account', { iban: settings.iban, payee: settings.payeeName })];
}

/** One found lookup's message: every obligation found with its link, in the payer's language. */
export async function queuePaymentMail(
  db: Db,
  m: {
    to: string;
    lang: Lang;
    views: readonly PayView[];
    links: readonly string[];
    /** The first link's token hash: the message's dedupe key (one message per lookup). */
    dedupe: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  const t = translator(m.lang);
  const first = m.views[0]!;
  const org = first.organisation;
  const fee = (v: PayView) => localize(v.obligation.feeName, m.lang, org.defaultLanguage);
  const settings = await findSettings(db, org.id);
  const blocks = m.views.map((v, i) =>
    [
      t('pay.mail.line_fee', { fee: fee(v), period: v.obligation.period }),
      v.obligation.subject ? t('pay.mail.line_subject', { subject: v.obligation.subject }) : '',
      v.standing.dueMinor > 0
        ? t('pay.mail.line_due', {
            amount: moneyText(v.standing.dueMinor, v.obligation.currency, m.lang),
            date: dayText(v.standing.nextDueDate ?? v.obligation.dueDate, m.lang),
          })
        : t('pay.mail.line_paid'),
      ...paymentLines(t, settings, v),
      t('pay.mail.line_link', { link: m.links[i]! }),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const name = localize(org.name, m.lang, org.defaultLanguage);
  const text = [
    t('pay.mail.intro', { organisation: name }),
    ...blocks,
    t('pay.mail.until', { until: formatWhen(m.expiresAt, org.timeZone, m.lang) }),
    t('pay.mail.ignore'),
  ].join('\n\n');
  await enqueueMail(
    db,
    {
      dedupeKey: `payment-link:${m.dedupe}`,
      to: m.to,
      subject:
        m.views.length === 1
          ? t('pay.mail.subject', { fee: fee(first) })
          : t('pay.mail.subject_many', { count: m.views.length }),
      text: `${text}\n`,
      sender: org.mailSender,
    },
    m.now,
  );
}

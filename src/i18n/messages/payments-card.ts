/** Texts of paying by card (src/payments/card): the button, the way out, the results, the e-mail. */
const en = {
  'audit.action.payment.card_paid': 'Card payment confirmed by the gateway',
  'audit.action.payment.card_declined': 'Card payment declined',
  'audit.action.payment.card_cancelled': 'Card payment cancelled by the payer',
  'audit.action.payment.card_expired': 'Card payment not completed',
  'audit.type.card_payment': 'Card payment',
  'payments.card.button': 'Pay by card',
  'payments.card.button_note': 'You will pay on the secure page of the payment gateway.',
  'payments.card.leaving_title': 'Continuing to the card payment',
  'payments.card.leaving_lead':
    "The payment gateway's page is opening. If it does not open by itself, use the link below.",
  'payments.card.leaving_continue': 'Continue to the payment gateway',
  'payments.card.paid_title': 'Payment received',
  'payments.card.paid_lead': 'Thank you. We have received your payment.',
  'payments.card.paid_mail': 'We will send a confirmation to your e-mail address.',
  'payments.card.declined_title': 'The payment was declined',
  'payments.card.declined_lead':
    'Your bank did not approve the payment, and nothing was charged. You can try again with another card or pay by bank transfer.',
  'payments.card.cancelled_title': 'The payment was cancelled',
  'payments.card.cancelled_lead':
    'You left the payment gateway without paying, and nothing was charged.',
  'payments.card.expired_title': 'The payment was not completed',
  'payments.card.expired_lead':
    'The payment gateway has no record of this payment, and nothing was charged.',
  'payments.card.started_title': 'We are still confirming your payment',
  'payments.card.started_lead':
    'The payment gateway has not confirmed the payment yet. Please do not pay again: check this page again in a minute.',
  'payments.card.check_again': 'Check again',
  'payments.card.try_again': 'Back to payment',
  'payments.card.details': 'Payment details',
  'payments.card.amount': 'Amount',
  'payments.card.fee': 'Fee',
  'payments.card.reference': 'Payment reference',
  'payments.card.paid_on': 'Paid on',
  'payments.card.payee': 'Paid to',
};

const sl: Record<keyof typeof en, string> = {
  'audit.action.payment.card_paid': 'Plačilni portal je potrdil plačilo s kartico',
  'audit.action.payment.card_declined': 'Plačilo s kartico zavrnjeno',
  'audit.action.payment.card_cancelled': 'Plačnik je preklical plačilo s kartico',
  'audit.action.payment.card_expired': 'Plačilo s kartico ni bilo dokončano',
  'audit.type.card_payment': 'Plačilo s kartico',
  'payments.card.button': 'Plačaj s kartico',
  'payments.card.button_note': 'Plačali boste na varni strani plačilnega portala.',
  'payments.card.leaving_title': 'Nadaljujete na plačilo s kartico',
  'payments.card.leaving_lead':
    'Odpira se stran plačilnega portala. Če se ne odpre sama, uporabite spodnjo povezavo.',
  'payments.card.leaving_continue': 'Nadaljuj na plačilni portal',
  'payments.card.paid_title': 'Plačilo je prejeto',
  'payments.card.paid_lead': 'Hvala. Vaše plačilo smo prejeli.',
  'payments.card.paid_mail': 'Potrdilo vam pošljemo po e-pošti.',
  'payments.card.declined_title': 'Plačilo je bilo zavrnjeno',
  'payments.card.declined_lead':
    'Vaša banka plačila ni odobrila, zato vam ni bilo nič bremenjeno. Poskusite lahko z drugo kartico ali plačate z nakazilom.',
  'payments.card.cancelled_title': 'Plačilo je bilo preklicano',
  'payments.card.cancelled_lead':
    'Plačilni portal ste zapustili brez plačila, zato vam ni bilo nič bremenjeno.',
  'payments.card.expired_title': 'Plačilo ni bilo dokončano',
  'payments.card.expired_lead':
    'Plačilni portal o tem plačilu nima zapisa, zato vam ni bilo nič bremenjeno.',
  'payments.card.started_title': 'Plačilo še preverjamo',
  'payments.card.started_lead':
    'Plačilni portal plačila še ni potrdil. Prosimo, ne plačajte znova: stran preverite čez minuto.',
  'payments.card.check_again': 'Preveri znova',
  'payments.card.try_again': 'Nazaj na plačilo',
  'payments.card.details': 'Podatki o plačilu',
  'payments.card.amount': 'Znesek',
  'payments.card.fee': 'Namen plačila',
  'payments.card.reference': 'Referenca',
  'payments.card.paid_on': 'Datum plačila',
  'payments.card.payee': 'Prejemnik',
};

const cs: Record<keyof typeof en, string> = {
  'audit.action.payment.card_paid': 'Platební brána potvrdila platbu kartou',
  'audit.action.payment.card_declined': 'Platba kartou zamítnuta',
  'audit.action.payment.card_cancelled': 'Plátce platbu kartou zrušil',
  'audit.action.payment.card_expired': 'Platba kartou nebyla dokončena',
  'audit.type.card_payment': 'Platba kartou',
  'payments.card.button': 'Zaplatit kartou',
  'payments.card.button_note': 'Zaplatíte na zabezpečené stránce platební brány.',
  'payments.card.leaving_title': 'Pokračujete k platbě kartou',
  'payments.card.leaving_lead':
    'Otevírá se stránka platební brány. Pokud se neotevře sama, použijte odkaz níže.',
  'payments.card.leaving_continue': 'Pokračovat na platební bránu',
  'payments.card.paid_title': 'Platba přijata',
  'payments.card.paid_lead': 'Děkujeme, vaši platbu jsme přijali.',
  'payments.card.paid_mail': 'Potvrzení vám pošleme e-mailem.',
  'payments.card.declined_title': 'Platba byla zamítnuta',
  'payments.card.declined_lead':
    'Vaše banka platbu neschválila, nic vám nebylo strženo. Můžete to zkusit jinou kartou nebo zaplatit převodem.',
  'payments.card.cancelled_title': 'Platba byla zrušena',
  'payments.card.cancelled_lead':
    'Platební bránu jste opustili bez zaplacení, nic vám nebylo strženo.',
  'payments.card.expired_title': 'Platba nebyla dokončena',
  'payments.card.expired_lead': 'Platební brána o této platbě nemá záznam, nic vám nebylo strženo.',
  'payments.card.started_title': 'Platbu ještě ověřujeme',
  'payments.card.started_lead':
    'Platební brána nám platbu zatím nepotvrdila. Neplaťte prosím znovu, stránku zkontrolujte za minutu.',
  'payments.card.check_again': 'Zkontrolovat znovu',
  'payments.card.try_again': 'Zpět k platbě',
  'payments.card.details': 'Údaje o platbě',
  'payments.card.amount': 'Částka',
  'payments.card.fee': 'Poplatek',
  'payments.card.reference': 'Variabilní symbol',
  'payments.card.paid_on': 'Datum úhrady',
  'payments.card.payee': 'Příjemce',
};

export type PaymentsCardMessageKey = keyof typeof en;

/** Paying by card, in every language. */
export const paymentsCardMessages = { sl, cs, en };

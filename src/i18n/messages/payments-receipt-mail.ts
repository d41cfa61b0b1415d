/** Texts of a payment's receipt e-mail (src/payments/receipt-mail.ts). Each language has exactly the English keys. */
const en = {
  'payments.receipt_mail.subject': 'Payment receipt: {fee}, variable symbol {variableSymbol}',
  'payments.receipt_mail.greeting': 'Hello,',
  'payments.receipt_mail.received':
    'we have received your payment of {amount} for {fee} ({period}, variable symbol {variableSymbol}), paid on {date}.',
  'payments.receipt_mail.attached': 'The receipt is attached to this e-mail as a PDF.',
  'payments.receipt_mail.settled': 'The fee is now paid in full; nothing more is due. Thank you.',
  'payments.receipt_mail.overpaid': 'You have paid {amount} more than the fee charged.',
  'payments.receipt_mail.remaining': '{amount} remains to be paid, due by {dueDate}.',
  'payments.receipt_mail.qr':
    "To pay the rest, scan the attached QR code ({format}) with your bank's app, or type these details into a payment order:",
  'payments.receipt_mail.closing': 'Kind regards,',
};

export type PaymentsReceiptMailMessageKey = keyof typeof en;

const sl: Record<PaymentsReceiptMailMessageKey, string> = {
  'payments.receipt_mail.subject':
    'Potrdilo o plačilu: {fee}, številka obveznosti {variableSymbol}',
  'payments.receipt_mail.greeting': 'Pozdravljeni,',
  'payments.receipt_mail.received':
    'prejeli smo vaše plačilo v znesku {amount} za {fee} ({period}, številka obveznosti {variableSymbol}), plačano {date}.',
  'payments.receipt_mail.attached': 'Potrdilo o plačilu je priloženo temu sporočilu v obliki PDF.',
  'payments.receipt_mail.settled':
    'Obveznost je s tem v celoti poravnana in ničesar več ne dolgujete. Hvala.',
  'payments.receipt_mail.overpaid': 'Plačali ste {amount} več, kot znaša odmerjena pristojbina.',
  'payments.receipt_mail.remaining': 'Za plačilo ostaja še {amount}, rok plačila je {dueDate}.',
  'payments.receipt_mail.qr':
    'Preostanek lahko plačate tako, da priloženo kodo QR ({format}) skenirate z aplikacijo svoje banke, ali pa te podatke vpišete v plačilni nalog:',
  'payments.receipt_mail.closing': 'Lep pozdrav,',
};

const cs: Record<PaymentsReceiptMailMessageKey, string> = {
  'payments.receipt_mail.subject':
    'Potvrzení o zaplacení: {fee}, variabilní symbol {variableSymbol}',
  'payments.receipt_mail.greeting': 'Dobrý den,',
  'payments.receipt_mail.received':
    'přijali jsme Vaši platbu {amount} za {fee} ({period}, variabilní symbol {variableSymbol}) ze dne {date}.',
  'payments.receipt_mail.attached': 'Potvrzení o zaplacení najdete v příloze tohoto e-mailu (PDF).',
  'payments.receipt_mail.settled':
    'Poplatek je tím uhrazen v plné výši a nic dalšího nedlužíte. Děkujeme.',
  'payments.receipt_mail.overpaid': 'Zaplatili jste o {amount} více, než činí předepsaný poplatek.',
  'payments.receipt_mail.remaining': 'Zbývá zaplatit {amount}, splatnost {dueDate}.',
  'payments.receipt_mail.qr':
    'Zbytek můžete zaplatit tak, že přiložený QR kód ({format}) naskenujete v aplikaci své banky, nebo zadáte do příkazu k úhradě tyto údaje:',
  'payments.receipt_mail.closing': 'S pozdravem',
};

/** The payment receipt e-mail's texts in every language. */
export const paymentsReceiptMailMessages = { sl, cs, en };

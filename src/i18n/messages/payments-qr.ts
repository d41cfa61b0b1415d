/** Texts of a payment's bank QR code and its details as text (src/payments/qr). Each language has exactly the English keys. */
const en = {
  'payments.qr.title': 'Pay by bank QR code',
  'payments.qr.instructions':
    "Scan the code with your bank's app, or type the details below into a payment order.",
  'payments.qr.image_label': 'QR code ({format}) for paying {amount} to {payee}',
  'payments.qr.text_alternative': 'The code holds the payment details listed here.',
  'payments.qr.details': 'Payment details',
  'payments.qr.format.spayd': 'QR Platba',
  'payments.qr.format.upn': 'UPN QR',
  'payments.qr.format.epc': 'EPC QR (SEPA credit transfer)',
  'payments.qr.field.payee': 'Payee',
  'payments.qr.field.account': 'Account number',
  'payments.qr.field.iban': 'IBAN',
  'payments.qr.field.bic': 'BIC',
  'payments.qr.field.amount': 'Amount',
  'payments.qr.field.variable_symbol': 'Variable symbol',
  'payments.qr.field.reference': 'Reference',
  'payments.qr.field.message': 'Message for the payee',
  'payments.qr.field.due_date': 'Due date',
  'payments.qr.invalid.iban': "The payee's account number (IBAN) is not valid.",
  'payments.qr.invalid.bic': "The payee's bank code (BIC) is not valid.",
  'payments.qr.invalid.amount': 'The amount must be more than zero.',
  'payments.qr.invalid.currency': 'A bank QR code cannot be made for this currency.',
  'payments.qr.invalid.variable_symbol':
    'The variable symbol must be a number of up to ten digits.',
  'payments.qr.invalid.reference': 'The payment reference is not valid.',
  'payments.qr.invalid.due_date': 'The due date is not a valid date.',
  'payments.qr.invalid.payee_name': "The payee's name is missing.",
  'payments.qr.invalid.purpose_code': 'The purpose code must be four capital letters.',
  'payments.qr.invalid.message': 'The payment details are too long for a QR code.',
};

export type PaymentsQrMessageKey = keyof typeof en;

const sl: Record<PaymentsQrMessageKey, string> = {
  'payments.qr.title': 'Plačilo s kodo QR',
  'payments.qr.instructions':
    'Kodo skenirajte z aplikacijo svoje banke ali spodnje podatke vpišite v plačilni nalog.',
  'payments.qr.image_label': 'Koda QR ({format}) za plačilo {amount} prejemniku {payee}',
  'payments.qr.text_alternative': 'Koda vsebuje tukaj navedene podatke za plačilo.',
  'payments.qr.details': 'Podatki za plačilo',
  'payments.qr.format.spayd': 'QR Platba',
  'payments.qr.format.upn': 'UPN QR',
  'payments.qr.format.epc': 'EPC QR (kreditno plačilo SEPA)',
  'payments.qr.field.payee': 'Prejemnik',
  'payments.qr.field.account': 'Številka računa',
  'payments.qr.field.iban': 'IBAN prejemnika',
  'payments.qr.field.bic': 'BIC banke prejemnika',
  'payments.qr.field.amount': 'Znesek',
  'payments.qr.field.variable_symbol': 'Variabilni simbol',
  'payments.qr.field.reference': 'Referenca',
  'payments.qr.field.message': 'Namen plačila',
  'payments.qr.field.due_date': 'Rok plačila',
  'payments.qr.invalid.iban': 'Številka računa prejemnika (IBAN) ni veljavna.',
  'payments.qr.invalid.bic': 'Koda banke prejemnika (BIC) ni veljavna.',
  'payments.qr.invalid.amount': 'Znesek mora biti večji od nič.',
  'payments.qr.invalid.currency': 'Za to valuto kode QR za plačilo ni mogoče pripraviti.',
  'payments.qr.invalid.variable_symbol':
    'Variabilni simbol je lahko le število z največ desetimi števkami.',
  'payments.qr.invalid.reference': 'Referenca ni veljavna.',
  'payments.qr.invalid.due_date': 'Rok plačila ni veljaven datum.',
  'payments.qr.invalid.payee_name': 'Manjka naziv prejemnika.',
  'payments.qr.invalid.purpose_code': 'Koda namena mora imeti štiri velike črke.',
  'payments.qr.invalid.message': 'Podatki za plačilo so predolgi za kodo QR.',
};

const cs: Record<PaymentsQrMessageKey, string> = {
  'payments.qr.title': 'Platba QR kódem',
  'payments.qr.instructions':
    'Naskenujte kód v aplikaci své banky, nebo údaje níže zadejte do platebního příkazu.',
  'payments.qr.image_label': 'QR kód ({format}) pro platbu {amount} příjemci {payee}',
  'payments.qr.text_alternative': 'Kód obsahuje platební údaje uvedené zde.',
  'payments.qr.details': 'Platební údaje',
  'payments.qr.format.spayd': 'QR Platba',
  'payments.qr.format.upn': 'UPN QR',
  'payments.qr.format.epc': 'EPC QR (úhrada SEPA)',
  'payments.qr.field.payee': 'Příjemce',
  'payments.qr.field.account': 'Číslo účtu',
  'payments.qr.field.iban': 'IBAN',
  'payments.qr.field.bic': 'BIC (SWIFT)',
  'payments.qr.field.amount': 'Částka',
  'payments.qr.field.variable_symbol': 'Variabilní symbol',
  'payments.qr.field.reference': 'Reference platby',
  'payments.qr.field.message': 'Zpráva pro příjemce',
  'payments.qr.field.due_date': 'Datum splatnosti',
  'payments.qr.invalid.iban': 'Číslo účtu příjemce (IBAN) není platné.',
  'payments.qr.invalid.bic': 'Kód banky příjemce (BIC) není platný.',
  'payments.qr.invalid.amount': 'Částka musí být větší než nula.',
  'payments.qr.invalid.currency': 'Pro tuto měnu nelze QR platbu vytvořit.',
  'payments.qr.invalid.variable_symbol': 'Variabilní symbol smí mít nejvýše deset číslic.',
  'payments.qr.invalid.reference': 'Reference platby není platná.',
  'payments.qr.invalid.due_date': 'Datum splatnosti není platné datum.',
  'payments.qr.invalid.payee_name': 'Chybí název příjemce.',
  'payments.qr.invalid.purpose_code': 'Kód účelu platby musí mít čtyři velká písmena.',
  'payments.qr.invalid.message': 'Platební údaje jsou pro QR kód příliš dlouhé.',
};

export const paymentsQrMessages: Record<
  'sl' | 'cs' | 'en',
  Record<PaymentsQrMessageKey, string>
> = { en, sl, cs };

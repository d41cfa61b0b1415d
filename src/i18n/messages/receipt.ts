/** Texts of a form submission's receipt (the PDF, src/forms/receipt). Each language has exactly the English keys. */
const en = {
  'receipt.title': 'Receipt of your submission',
  'receipt.intro':
    'We have received your submission. Keep this receipt: it records what you sent and when.',
  'receipt.reference': 'Reference number',
  'receipt.submitted_at': 'Submitted',
  'receipt.recipient': 'Sent to',
  'receipt.form': 'Form',
  'receipt.form_version': '{title}, version {version}',
  'receipt.rpp': 'Register of rights and duties (RPP)',
  'receipt.rpp_value': 'agenda {agenda}, service {service}, act {act}',
  'receipt.submitter': 'Submitted by',
  'receipt.name': 'Name',
  'receipt.address': 'Address',
  'receipt.email': 'E-mail address',
  'receipt.date_of_birth': 'Date of birth',
  'receipt.data_box': 'Data box',
  'receipt.attachments': 'Attachments',
  'receipt.attachments_embedded':
    "The attachments are embedded in this PDF file: open them from your PDF reader's list of attachments.",
  'receipt.no_attachments': 'No attachments.',
  'receipt.yes': 'Yes',
  'receipt.no': 'No',
  'receipt.not_answered': 'Not answered',
  'receipt.page': 'Page {page} of {pages}',
};

export type ReceiptMessageKey = keyof typeof en;

const sl: Record<ReceiptMessageKey, string> = {
  'receipt.title': 'Potrdilo o oddaji vloge',
  'receipt.intro':
    'Vašo vlogo smo prejeli. Potrdilo shranite: v njem je zapisano, kaj ste oddali in kdaj.',
  'receipt.reference': 'Številka vloge',
  'receipt.submitted_at': 'Oddano',
  'receipt.recipient': 'Naslovnik',
  'receipt.form': 'Obrazec',
  'receipt.form_version': '{title}, različica {version}',
  'receipt.rpp': 'Register pravic in obveznosti (RPP)',
  'receipt.rpp_value': 'agenda {agenda}, storitev {service}, dejanje {act}',
  'receipt.submitter': 'Vlagatelj',
  'receipt.name': 'Ime in priimek',
  'receipt.address': 'Naslov',
  'receipt.email': 'E-poštni naslov',
  'receipt.date_of_birth': 'Datum rojstva',
  'receipt.data_box': 'Podatkovni predal',
  'receipt.attachments': 'Priloge',
  'receipt.attachments_embedded':
    'Priloge so vdelane v to datoteko PDF: odprete jih na seznamu prilog v svojem pregledovalniku PDF.',
  'receipt.no_attachments': 'Brez prilog.',
  'receipt.yes': 'Da',
  'receipt.no': 'Ne',
  'receipt.not_answered': 'Brez odgovora',
  'receipt.page': 'Stran {page} od {pages}',
};

const cs: Record<ReceiptMessageKey, string> = {
  'receipt.title': 'Potvrzení o podání',
  'receipt.intro':
    'Vaše podání jsme přijali. Potvrzení si uschovejte: je v něm zaznamenáno, co a kdy jste odeslali.',
  'receipt.reference': 'Číslo podání',
  'receipt.submitted_at': 'Podáno',
  'receipt.recipient': 'Adresát',
  'receipt.form': 'Formulář',
  'receipt.form_version': '{title}, verze {version}',
  'receipt.rpp': 'Registr práv a povinností (RPP)',
  'receipt.rpp_value': 'agenda {agenda}, služba {service}, úkon {act}',
  'receipt.submitter': 'Podatel',
  'receipt.name': 'Jméno a příjmení',
  'receipt.address': 'Adresa',
  'receipt.email': 'E-mailová adresa',
  'receipt.date_of_birth': 'Datum narození',
  'receipt.data_box': 'Datová schránka',
  'receipt.attachments': 'Přílohy',
  'receipt.attachments_embedded':
    'Přílohy jsou vložené do tohoto souboru PDF: otevřete je v seznamu příloh ve svém prohlížeči PDF.',
  'receipt.no_attachments': 'Bez příloh.',
  'receipt.yes': 'Ano',
  'receipt.no': 'Ne',
  'receipt.not_answered': 'Nevyplněno',
  'receipt.page': 'Strana {page} z {pages}',
};

export const receiptMessages: Record<'sl' | 'cs' | 'en', Record<ReceiptMessageKey, string>> = {
  en,
  sl,
  cs,
};

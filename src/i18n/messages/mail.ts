/** Texts of the development mailbox. Each language has exactly the English keys. */
const en = {
  'mail.dev.title': 'Development mailbox',
  'mail.dev.lead':
    'SMTP_URL is not set, so Okence sends no email. Every message it would have sent is kept here, newest first. This page exists only outside production.',
  'mail.dev.caption': 'Latest messages: {count}',
  'mail.dev.empty':
    'No messages yet. Email that Okence sends (booking codes, confirmations) will appear here.',
  'mail.dev.time': 'Time',
  'mail.dev.to': 'To',
  'mail.dev.subject': 'Subject',
  'mail.dev.no_subject': '(no subject)',
  'mail.dev.state': 'State',
  'mail.dev.state.pending': 'Waiting to be sent',
  'mail.dev.state.sent': 'Sent',
  'mail.dev.state.failed': 'Failed',
  'mail.dev.sent_at': 'Sent at',
  'mail.dev.attempts': 'Tries',
  'mail.dev.last_error': 'Last error',
  'mail.dev.text': 'Text version',
  'mail.dev.html': 'HTML version (source)',
  'mail.dev.calendar': 'Calendar invitation ({method})',
  'mail.dev.back': 'All messages',
} as const;

export type MailMessageKey = keyof typeof en;

const sl: Record<MailMessageKey, string> = {
  'mail.dev.title': 'Razvojni poštni predal',
  'mail.dev.lead':
    'Spremenljivka SMTP_URL ni nastavljena, zato Okence ne pošilja e-pošte. Vsa sporočila, ki bi jih poslalo, so shranjena tukaj, najnovejša na vrhu. Ta stran obstaja samo zunaj produkcijskega okolja.',
  'mail.dev.caption': 'Zadnja sporočila: {count}',
  'mail.dev.empty':
    'Sporočil še ni. Tukaj se bodo prikazala sporočila, ki jih pošlje Okence (kode za rezervacijo, potrditve).',
  'mail.dev.time': 'Čas',
  'mail.dev.to': 'Prejemnik',
  'mail.dev.subject': 'Zadeva',
  'mail.dev.no_subject': '(brez zadeve)',
  'mail.dev.state': 'Stanje',
  'mail.dev.state.pending': 'Čaka na pošiljanje',
  'mail.dev.state.sent': 'Poslano',
  'mail.dev.state.failed': 'Ni uspelo',
  'mail.dev.sent_at': 'Čas pošiljanja',
  'mail.dev.attempts': 'Poskusi',
  'mail.dev.last_error': 'Zadnja napaka',
  'mail.dev.text': 'Besedilna različica',
  'mail.dev.html': 'Različica HTML (izvorna koda)',
  'mail.dev.calendar': 'Vabilo v koledar ({method})',
  'mail.dev.back': 'Vsa sporočila',
};

const cs: Record<MailMessageKey, string> = {
  'mail.dev.title': 'Vývojová poštovní schránka',
  'mail.dev.lead':
    'Proměnná SMTP_URL není nastavena, a proto Okence neodesílá žádné e-maily. Všechny zprávy, které by odeslalo, se ukládají sem, nejnovější nahoře. Tato stránka existuje jen mimo produkční prostředí.',
  'mail.dev.caption': 'Poslední zprávy: {count}',
  'mail.dev.empty':
    'Zatím žádné zprávy. Zobrazí se zde e-maily, které Okence odešle (kódy k rezervaci, potvrzení).',
  'mail.dev.time': 'Čas',
  'mail.dev.to': 'Příjemce',
  'mail.dev.subject': 'Předmět',
  'mail.dev.no_subject': '(bez předmětu)',
  'mail.dev.state': 'Stav',
  'mail.dev.state.pending': 'Čeká na odeslání',
  'mail.dev.state.sent': 'Odesláno',
  'mail.dev.state.failed': 'Nepodařilo se',
  'mail.dev.sent_at': 'Čas odeslání',
  'mail.dev.attempts': 'Pokusy',
  'mail.dev.last_error': 'Poslední chyba',
  'mail.dev.text': 'Textová verze',
  'mail.dev.html': 'Verze HTML (zdrojový kód)',
  'mail.dev.calendar': 'Pozvánka do kalendáře ({method})',
  'mail.dev.back': 'Všechny zprávy',
};

export const mailMessages: Record<'sl' | 'cs' | 'en', Record<MailMessageKey, string>> = {
  en,
  sl,
  cs,
};

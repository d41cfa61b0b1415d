/** Texts of departments and contacts (src/notices/contacts). Each language has exactly the English keys. */
const en = {
  'contacts.title': 'Contacts and contacts',
};

export type ContactsMessageKey = keyof typeof en;

const sl: Record<ContactsMessageKey, string> = {
  'contacts.title': 'Organizacijske enote in kontakti',
};

const cs: Record<ContactsMessageKey, string> = {
  'contacts.title': 'Odbory a kontakty',
};

export const contactsMessages: Record<'sl' | 'cs' | 'en', Record<ContactsMessageKey, string>> = {
  en,
  sl,
  cs,
};

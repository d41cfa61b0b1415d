/**
 * Texts of the operator console, the set-password links (invitations) and their e-mails, and
 * of inviting officials. Each language has exactly the English keys.
 */
const en = {
  'op.email': 'Email address',
  'op.password': 'Password',
  'op.sign_in.button': 'Sign in',
  'op.sign_in.invalid': 'The email address or password is not right',
  'op.sign_in.throttled': 'Too many attempts. Try again in {minutes} min.',
  'op.signed_out': 'You have signed out.',
  'op.sign_in.title': 'Operator sign-in',
  'op.sign_in.lead':
    'For the operators who run this Okence installation. Officials and administrators of an office sign in at the staff sign-in.',
  'op.code.title': 'Code from your authenticator app',
  'op.code.lead': 'Enter the six-digit code that your authenticator app shows for Okence now.',
  'op.code.label': 'Code',
  'op.code.hint': 'Six digits, for example 123456',
  'op.code.invalid':
    'The code is not right, or it has already been used. Wait for the next code and enter it.',
  'op.sign_in.not_enrolled':
    'This account has no two-step sign-in yet. It is set up only right after the password, from the link in the e-mail. Ask the person who runs Okence for a new link (npm run operator -- reset-admin).',
  'op.enrol.title': 'Set up two-step sign-in',
  'op.enrol.lead':
    'Operators sign in with their password and a code from an authenticator app on their phone (such as FreeOTP, Aegis or Google Authenticator). Add Okence to the app: scan the QR code, or type in the key below.',
  'op.enrol.qr': 'QR code with the key for the authenticator app',
  'op.enrol.key': 'Key',
  'op.enrol.key_hint':
    'Time-based (TOTP), 6 digits, a new code every 30 seconds. Spaces do not matter.',
  'op.enrol.once':
    'The key is shown only during this set-up. Okence keeps it sealed and will not show it again.',
  'op.enrol.code_label': 'The code the app shows now',
  'op.enrol.button': 'Confirm and sign in',
  'op.enrol.invalid':
    'The code does not match the key. Check that the app shows Okence with this key, and enter its current code.',
  'op.home.title': 'Operator console',
  'op.home.signed_in_as': 'Signed in as {email}.',
  'op.home.lead':
    'Here you create and look after the organisations of this installation. Operators see only counts, never citizens’ data.',
  'op.home.organisations': 'Organisations',
  'op.home.organisations_lead':
    'Create, import, suspend and delete organisations; their usage as counts.',
} as const;

export type OperatorMessageKey = keyof typeof en;

const sl: Record<OperatorMessageKey, string> = {
  'op.email': 'E-poštni naslov',
  'op.password': 'Geslo',
  'op.sign_in.button': 'Prijava',
  'op.sign_in.invalid': 'E-poštni naslov ali geslo ni pravilno',
  'op.sign_in.throttled': 'Preveč poskusov. Poskusite znova čez {minutes} min.',
  'op.signed_out': 'Odjavili ste se.',
  'op.sign_in.title': 'Prijava operaterja',
  'op.sign_in.lead':
    'Za operaterje, ki upravljajo to namestitev Okenca. Uslužbenci in skrbniki uradov se prijavijo v prijavi za uslužbence.',
  'op.code.title': 'Koda iz aplikacije za preverjanje pristnosti',
  'op.code.lead':
    'Vnesite šestmestno kodo, ki jo aplikacija za preverjanje pristnosti trenutno prikazuje za Okence.',
  'op.code.label': 'Koda',
  'op.code.hint': 'Šest števk, na primer 123456',
  'op.code.invalid':
    'Koda ni pravilna ali pa je bila že uporabljena. Počakajte na naslednjo kodo in jo vnesite.',
  'op.sign_in.not_enrolled':
    'Ta račun še nima nastavljene prijave v dveh korakih. Nastavite jo lahko le takoj potem, ko ste prek povezave iz e-poštnega sporočila nastavili geslo. Za novo povezavo prosite skrbnika namestitve Okence (npm run operator -- reset-admin).',
  'op.enrol.title': 'Nastavitev dvostopenjske prijave',
  'op.enrol.lead':
    'Operaterji se prijavijo z geslom in kodo iz aplikacije za preverjanje pristnosti na telefonu (na primer FreeOTP, Aegis ali Google Authenticator). Dodajte Okence v aplikacijo: skenirajte kodo QR ali pa vanjo vpišite spodnji ključ.',
  'op.enrol.qr': 'Koda QR s ključem za aplikacijo za preverjanje pristnosti',
  'op.enrol.key': 'Ključ',
  'op.enrol.key_hint':
    'Časovno odvisna koda (TOTP), 6 števk, nova koda vsakih 30 sekund. Presledki niso pomembni.',
  'op.enrol.once':
    'Ključ je prikazan samo med to nastavitvijo. Okence ga hrani zaščitenega in ga ne bo več prikazalo.',
  'op.enrol.code_label': 'Koda, ki jo aplikacija prikazuje zdaj',
  'op.enrol.button': 'Potrdi in se prijavi',
  'op.enrol.invalid':
    'Koda se ne ujema s ključem. Preverite, ali aplikacija prikazuje Okence s tem ključem, in vnesite njeno trenutno kodo.',
  'op.home.title': 'Konzola operaterja',
  'op.home.signed_in_as': 'Prijava: {email}.',
  'op.home.lead':
    'Tukaj ustvarjate in urejate organizacije te namestitve. Operaterji vidijo le števila, nikoli podatkov strank.',
  'op.home.organisations': 'Organizacije',
  'op.home.organisations_lead':
    'Ustvarjanje, uvoz, ustavitev in izbris organizacij; njihova raba v številkah.',
};

const cs: Record<OperatorMessageKey, string> = {
  'op.email': 'E-mailová adresa',
  'op.password': 'Heslo',
  'op.sign_in.button': 'Přihlásit',
  'op.sign_in.invalid': 'E-mailová adresa nebo heslo nejsou správné',
  'op.sign_in.throttled': 'Příliš mnoho pokusů. Zkuste to znovu za {minutes} min.',
  'op.signed_out': 'Byli jste odhlášeni.',
  'op.sign_in.title': 'Přihlášení provozovatele',
  'op.sign_in.lead':
    'Pro provozovatele této instalace Okence. Úředníci a správci úřadů se přihlašují v přihlášení pro úředníky.',
  'op.code.title': 'Kód z ověřovací aplikace',
  'op.code.lead': 'Zadejte šestimístný kód, který ověřovací aplikace právě zobrazuje pro Okence.',
  'op.code.label': 'Kód',
  'op.code.hint': 'Šest číslic, například 123456',
  'op.code.invalid': 'Kód není správný, nebo už byl použit. Počkejte na další kód a zadejte ho.',
  'op.sign_in.not_enrolled':
    'Tento účet ještě nemá nastavené dvoufázové přihlášení. Nastavuje se jen hned po nastavení hesla přes odkaz z e-mailu. O nový odkaz požádejte správce této instalace Okence (npm run operator -- reset-admin).',
  'op.enrol.title': 'Nastavení dvoufázového přihlášení',
  'op.enrol.lead':
    'Provozovatelé se přihlašují heslem a kódem z ověřovací aplikace v telefonu (například FreeOTP, Aegis nebo Google Authenticator). Přidejte Okence do aplikace: naskenujte QR kód, nebo do ní opište klíč níže.',
  'op.enrol.qr': 'QR kód s klíčem pro ověřovací aplikaci',
  'op.enrol.key': 'Klíč',
  'op.enrol.key_hint':
    'Časový kód (TOTP), 6 číslic, nový kód každých 30 sekund. Na mezerách nezáleží.',
  'op.enrol.once':
    'Klíč se zobrazuje jen během tohoto nastavení. Okence ho uchovává zašifrovaný a znovu ho nezobrazí.',
  'op.enrol.code_label': 'Kód, který aplikace právě ukazuje',
  'op.enrol.button': 'Potvrdit a přihlásit se',
  'op.enrol.invalid':
    'Kód neodpovídá klíči. Zkontrolujte, že aplikace ukazuje Okence s tímto klíčem, a zadejte její aktuální kód.',
  'op.home.title': 'Konzole provozovatele',
  'op.home.signed_in_as': 'Přihlášení: {email}.',
  'op.home.lead':
    'Zde zakládáte a spravujete organizace této instalace. Provozovatelé vidí jen počty, nikdy údaje občanů.',
  'op.home.organisations': 'Organizace',
  'op.home.organisations_lead':
    'Vytváření, import, pozastavení a smazání organizací; jejich využití v číslech.',
};

export const operatorMessages: Record<'sl' | 'cs' | 'en', Record<OperatorMessageKey, string>> = {
  en,
  sl,
  cs,
};

/**
 * Texts of the operator console, the set-password links (invitations) and their e-mails, and
 * of inviting officials. Each language has exactly the English keys.
 */
const en = {
  'op.nav.home': 'Overview',
  'op.nav.console': 'Operator console',
  'op.nav.label': 'Console pages',
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
    'Time-based (TOTP), 6 digits, a new code every 30\u00a0seconds. Spaces do not matter.',
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

  'setpw.title': 'Set your password',
  'setpw.account': 'Account: {email}',
  'setpw.expires': 'The link works only once and stops working {when}.',
  'setpw.button': 'Set password',
  'setpw.dead_title': 'This link no longer works',
  'setpw.used':
    'It has already been used to set a password: each link works only once. If you know the password, sign in with it.',
  'setpw.expired':
    'It has expired, or a newer link was sent in its place. Links to set a password work for {hours}\u00a0hours.',
  'setpw.ask': 'Ask the person who invited you for a new link: {inviter}.',
  'setpw.ask_operator':
    'Ask whoever runs this server for a new link. They send it with this command:',
  'setpw.unknown':
    'This link is not valid. Check that the whole address from the e-mail was opened. If it still does not work, ask the person who invited you for a new link.',
  'setpw.sign_in': 'Go to sign-in',
  'staff.password_set': 'Your password is set. Sign in with it now.',

  'invite.mail.subject': 'Set your Okence password',
  'invite.mail.subject_operator': 'Okence operator account: set your password',
  'invite.mail.greeting': 'Hello,',
  'invite.mail.staff_intro':
    'An account has been opened for you in Okence at {organisation} (role: {role}). Invitation from: {inviter}.',
  'invite.mail.operator_intro':
    'An operator account has been opened for you on the Okence installation at {site}. With it you create and look after the installation’s organisations.',
  'invite.mail.action': 'Set your password here:',
  'invite.mail.action_operator':
    'Set your password here; then you set up an authenticator app for the sign-in codes:',
  'invite.mail.expiry':
    'The link works only once, for {hours}\u00a0hours: it stops working {when}.',
  'invite.mail.expired_staff': 'If it expires, ask for a new one: {inviter}.',
  'invite.mail.expired_operator':
    'If it expires, whoever runs the server can send you a new one with the operator command (reset-admin).',
  'invite.mail.ignore':
    'If you do not expect this e-mail, you can ignore it: without the link nobody can set this password.',

  'adm.staff.invite_hint':
    'Okence sends an e-mail to this address with a link to set a password. The link works only once, for {hours}\u00a0hours.',
  'adm.staff.invite_submit': 'Add and send the invitation',
  'adm.staff.invited': 'The invitation was sent to {email}.',
  'adm.staff.pending': 'Invited, no password yet',
  'adm.staff.invitation': 'Invitation',
  'adm.staff.invite_again_text':
    'This account has no password yet. A new invitation replaces the earlier link, which stops working.',
  'adm.staff.invite_again': 'Send the invitation again',
  'adm.staff.invited_again':
    'A new invitation was sent to {email}; the earlier link no longer works.',
  'audit.action.staff.invited': 'Invitation sent',
  'audit.action.staff.invited_again': 'Invitation sent again',
  'audit.action.password.set': 'Password set through an invitation',
};

export type OperatorMessageKey = keyof typeof en;

const sl: Record<OperatorMessageKey, string> = {
  'op.nav.home': 'Pregled',
  'op.nav.console': 'Konzola operaterja',
  'op.nav.label': 'Strani konzole',
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
    'Časovno odvisna koda (TOTP), 6 števk, nova koda vsakih 30\u00a0sekund. Presledki niso pomembni.',
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

  'setpw.title': 'Nastavite geslo',
  'setpw.account': 'Račun: {email}',
  'setpw.expires': 'Povezava deluje samo enkrat in preneha delovati {when}.',
  'setpw.button': 'Nastavi geslo',
  'setpw.dead_title': 'Ta povezava ne deluje več',
  'setpw.used':
    'Z njo je bilo geslo že nastavljeno: vsaka povezava deluje samo enkrat. Če geslo poznate, se prijavite z njim.',
  'setpw.expired':
    'Potekla je ali pa je bila namesto nje poslana novejša. Povezave za nastavitev gesla delujejo {hours}\u00a0ur.',
  'setpw.ask': 'Za novo povezavo prosite osebo, ki vas je povabila: {inviter}.',
  'setpw.ask_operator':
    'Za novo povezavo prosite tistega, ki upravlja ta strežnik. Pošlje jo s tem ukazom:',
  'setpw.unknown':
    'Ta povezava ni veljavna. Preverite, ali se je odprl celoten naslov iz e-poštnega sporočila. Če še vedno ne deluje, prosite osebo, ki vas je povabila, za novo povezavo.',
  'setpw.sign_in': 'Na prijavo',
  'staff.password_set': 'Geslo je nastavljeno. Zdaj se lahko prijavite z njim.',

  'invite.mail.subject': 'Nastavite geslo za Okence',
  'invite.mail.subject_operator': 'Račun operaterja Okenca: nastavite geslo',
  'invite.mail.greeting': 'Pozdravljeni,',
  'invite.mail.staff_intro':
    'V Okencu je za vas odprt račun pri organizaciji {organisation} (vloga: {role}). Povabilo pošilja: {inviter}.',
  'invite.mail.operator_intro':
    'Za vas je odprt račun operaterja namestitve Okenca na {site}. Z njim ustvarjate in urejate organizacije te namestitve.',
  'invite.mail.action': 'Geslo nastavite tukaj:',
  'invite.mail.action_operator':
    'Geslo nastavite tukaj; nato nastavite še aplikacijo za preverjanje pristnosti, ki daje kode za prijavo:',
  'invite.mail.expiry': 'Povezava deluje samo enkrat, {hours}\u00a0ur: preneha delovati {when}.',
  'invite.mail.expired_staff': 'Če poteče, prosite za novo: {inviter}.',
  'invite.mail.expired_operator':
    'Če poteče, vam lahko tisti, ki upravlja strežnik, pošlje novo z ukazom za operaterje (reset-admin).',
  'invite.mail.ignore':
    'Če tega sporočila ne pričakujete, ga lahko prezrete: brez povezave gesla ne more nastaviti nihče.',

  'adm.staff.invite_hint':
    'Okence na ta naslov pošlje e-poštno sporočilo s povezavo za nastavitev gesla. Povezava deluje samo enkrat, {hours}\u00a0ur.',
  'adm.staff.invite_submit': 'Dodaj in pošlji povabilo',
  'adm.staff.invited': 'Povabilo je poslano na {email}.',
  'adm.staff.pending': 'Povabilo poslano, geslo še ni nastavljeno',
  'adm.staff.invitation': 'Povabilo',
  'adm.staff.invite_again_text':
    'Ta račun še nima gesla. Novo povabilo nadomesti prejšnjo povezavo, ki preneha delovati.',
  'adm.staff.invite_again': 'Znova pošlji povabilo',
  'adm.staff.invited_again':
    'Novo povabilo je poslano na {email}; prejšnja povezava ne deluje več.',
  'audit.action.staff.invited': 'Povabilo poslano',
  'audit.action.staff.invited_again': 'Povabilo znova poslano',
  'audit.action.password.set': 'Geslo nastavljeno prek povabila',
};

const cs: Record<OperatorMessageKey, string> = {
  'op.nav.home': 'Přehled',
  'op.nav.console': 'Konzole provozovatele',
  'op.nav.label': 'Stránky konzole',
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
    'Časový kód (TOTP), 6 číslic, nový kód každých 30\u00a0sekund. Na mezerách nezáleží.',
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

  'setpw.title': 'Nastavte si heslo',
  'setpw.account': 'Účet: {email}',
  'setpw.expires': 'Odkaz funguje jen jednou a přestane platit {when}.',
  'setpw.button': 'Nastavit heslo',
  'setpw.dead_title': 'Tento odkaz už nefunguje',
  'setpw.used':
    'Už jím bylo nastaveno heslo: každý odkaz funguje jen jednou. Pokud heslo znáte, přihlaste se jím.',
  'setpw.expired':
    'Jeho platnost vypršela, nebo byl místo něj poslán novější. Odkazy pro nastavení hesla platí {hours}\u00a0hodin.',
  'setpw.ask': 'O nový odkaz požádejte toho, kdo vás pozval: {inviter}.',
  'setpw.ask_operator':
    'O nový odkaz požádejte toho, kdo spravuje tento server. Pošle ho tímto příkazem:',
  'setpw.unknown':
    'Tento odkaz není platný. Zkontrolujte, že se otevřela celá adresa z e-mailu. Pokud stále nefunguje, požádejte toho, kdo vás pozval, o nový odkaz.',
  'setpw.sign_in': 'Na přihlášení',
  'staff.password_set': 'Heslo je nastaveno. Teď se jím můžete přihlásit.',

  'invite.mail.subject': 'Nastavte si heslo do Okence',
  'invite.mail.subject_operator': 'Účet provozovatele Okence: nastavte si heslo',
  'invite.mail.greeting': 'Dobrý den,',
  'invite.mail.staff_intro':
    'V Okence vám byl založen účet v organizaci {organisation} (role: {role}). Pozvánku posílá: {inviter}.',
  'invite.mail.operator_intro':
    'Na instalaci Okence na adrese {site} vám byl založen účet provozovatele. S ním zakládáte a spravujete organizace této instalace.',
  'invite.mail.action': 'Heslo si nastavte zde:',
  'invite.mail.action_operator':
    'Heslo si nastavte zde; poté si nastavíte ještě ověřovací aplikaci pro přihlašovací kódy:',
  'invite.mail.expiry': 'Odkaz funguje jen jednou, {hours}\u00a0hodin: přestane platit {when}.',
  'invite.mail.expired_staff': 'Pokud vyprší, požádejte o nový: {inviter}.',
  'invite.mail.expired_operator':
    'Pokud vyprší, může vám ten, kdo spravuje server, poslat nový příkazem pro provozovatele (reset-admin).',
  'invite.mail.ignore':
    'Pokud tento e-mail neočekáváte, můžete ho ignorovat: bez odkazu heslo nikdo nenastaví.',

  'adm.staff.invite_hint':
    'Okence na tuto adresu pošle e-mail s odkazem pro nastavení hesla. Odkaz funguje jen jednou, {hours}\u00a0hodin.',
  'adm.staff.invite_submit': 'Přidat a poslat pozvánku',
  'adm.staff.invited': 'Pozvánka byla odeslána na {email}.',
  'adm.staff.pending': 'Pozvánka odeslána, heslo zatím nenastaveno',
  'adm.staff.invitation': 'Pozvánka',
  'adm.staff.invite_again_text':
    'Tento účet zatím nemá heslo. Nová pozvánka nahradí dřívější odkaz, který přestane fungovat.',
  'adm.staff.invite_again': 'Poslat pozvánku znovu',
  'adm.staff.invited_again': 'Nová pozvánka byla odeslána na {email}; dřívější odkaz už nefunguje.',
  'audit.action.staff.invited': 'Pozvánka odeslána',
  'audit.action.staff.invited_again': 'Pozvánka odeslána znovu',
  'audit.action.password.set': 'Heslo nastaveno přes pozvánku',
};

export const operatorMessages: Record<'sl' | 'cs' | 'en', Record<OperatorMessageKey, string>> = {
  en,
  sl,
  cs,
};

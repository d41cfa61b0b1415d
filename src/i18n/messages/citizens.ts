/** Texts of citizens' sign-in and account (src/citizens). Each language has exactly the English keys. */
const en = {
  'citizens.nav.account': 'My account',
  'citizens.nav.sign_in': 'Sign in',
  'citizens.loa.low': 'low',
  'citizens.loa.substantial': 'substantial',
  'citizens.loa.high': 'high',
  'citizens.loa.label': 'Level of assurance: {level}',
  'citizens.provider.email': 'e-mailed code',
  'citizens.sign_in.title': 'Sign in',
  'citizens.sign_in.lead':
    'Sign in with your electronic identity, or with a code we send you by e-mail.',
  'citizens.sign_in.organisation': 'You are signing in to the services of {organisation}.',
  'citizens.sign_in.step_up':
    'This page needs a sign-in with a level of assurance of at least “{level}”. Sign in with an electronic identity that gives it.',
  'citizens.sign_in.eid_heading': 'With an electronic identity',
  'citizens.sign_in.with': 'Sign in with {provider}',
  'citizens.sign_in.no_providers': 'Sign-in with an electronic identity is not available here yet.',
  'citizens.sign_in.email_heading': 'With a code by e-mail',
  'citizens.sign_in.email_lead':
    'For simple tasks, such as booking an appointment. Submissions need an electronic identity.',
  'citizens.sign_in.email_link': 'Sign in with an e-mailed code',
  'citizens.email.title': 'Sign in with an e-mailed code',
  'citizens.email.lead': 'Enter your e-mail address. We will send you a 6-digit sign-in code.',
  'citizens.email.label': 'E-mail address',
  'citizens.email.send': 'Send the code',
  'citizens.email.invalid': 'Enter an e-mail address such as name@example.com.',
  'citizens.email.throttled':
    'Too many codes have been asked for. Try again in {minutes}\u00a0min.',
  'citizens.code.title': 'Enter the code',
  'citizens.code.lead':
    'We have sent a 6-digit code to {email}. It is valid for {minutes} minutes. If it does not come, check your spam folder.',
  'citizens.code.label': 'Code from the e-mail',
  'citizens.code.submit': 'Sign in',
  'citizens.code.format': 'Enter the 6 digits from the e-mail.',
  'citizens.code.wrong': 'The code is not right. Check it and try again.',
  'citizens.code.locked':
    'The code was entered wrongly five times and no longer works. Ask for a new one.',
  'citizens.code.expired': 'The code is no longer valid. Ask for a new one.',
  'citizens.code.new': 'Send a new code',
  'citizens.mail.subject': 'Your sign-in code',
  'citizens.mail.body':
    'Your sign-in code is: {code}\n\nEnter it on the sign-in page. The code is valid for {minutes} minutes. If you did not try to sign in, ignore this message: nobody can sign in without the code.',
  'citizens.mail.footer': 'Okence — the online counter of your office',
  'citizens.account.title': 'My account',
  'citizens.account.signed_in_as': 'You are signed in as {name}.',
  'citizens.account.signed_in_with': 'Signed in with: {provider}. {level}.',
  'citizens.sign_out': 'Sign out',
  'citizens.signed_out': 'You have been signed out.',
  'citizens.signed_out_page.title': 'You are signed out',
  'citizens.signed_out_page.lead':
    'Your session here has ended. If you signed in with an electronic identity, you are signed out there as well.',
  'citizens.signed_out_page.provider_open':
    'We could not confirm that your identity provider has signed you out too. If others use this computer, close the browser to end that session.',
  'citizens.signed_out_page.again': 'Sign in again',
  'citizens.signing_out.title': 'Signing you out at your identity provider',
  'citizens.signing_out.lead':
    'You are signed out here. Your browser is now taken to your identity provider to end your session there as well.',
  'citizens.signing_out.continue': 'Continue to your identity provider',
  'citizens.admin.title': 'Citizens’ sign-in',
  'citizens.admin.lead':
    'Sign-in with an e-mailed code is always available. Electronic identities are set up by the operator of the installation; here you switch them on for your organisation.',
  'citizens.admin.legend': 'Electronic identities offered',
  'citizens.admin.none':
    'The operator has not set up any electronic identity yet (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Save',
  'citizens.admin.saved': 'Your changes are saved.',
  'citizens.profile.title': 'Personal details',
  'citizens.profile.eid_heading': 'From your electronic identity',
  'citizens.profile.name': 'Name',
  'citizens.profile.date_of_birth': 'Date of birth',
  'citizens.profile.address': 'Address',
  'citizens.profile.not_given': 'not given',
  'citizens.profile.source':
    'Source: {provider}, last updated on {date}. These details cannot be changed here: they are updated each time you sign in with {provider}.',
  'citizens.profile.no_eid':
    'You signed in with a code sent by e-mail. It confirms your e-mail address, but not who you are, so no name, date of birth or address is shown here.',
  'citizens.profile.contact_heading': 'Contact details',
  'citizens.profile.email': 'E-mail address',
  'citizens.profile.email_verified': 'verified',
  'citizens.profile.email_unverified': 'not verified',
  'citizens.profile.phone': 'Phone',
  'citizens.profile.add_email': 'Add an e-mail address',
  'citizens.profile.change_email': 'Change your e-mail address',
  'citizens.profile.verify_email': 'Verify or change your e-mail address',
  'citizens.profile.add_phone': 'Add a phone number',
  'citizens.profile.change_phone': 'Change or remove your phone number',
  'citizens.profile.back': 'Back to my account',
  'citizens.phone.title': 'Phone number',
  'citizens.phone.lead':
    'We fill it in for you when you book an appointment, so that the office can reach you if needed. To remove the number, leave the field empty.',
  'citizens.phone.label': 'Phone number',
  'citizens.phone.hint': 'For example +44 20 7946 0958',
  'citizens.phone.save': 'Save',
  'citizens.phone.remove': 'Remove the phone number',
  'citizens.phone.invalid':
    'Enter a phone number of 6 to 15 digits, such as +44 20 7946 0958. It may contain spaces, brackets and hyphens.',
  'citizens.change_email.title': 'Change your e-mail address',
  'citizens.change_email.lead':
    'Enter the new address. We will send a 6-digit code to it, and the address changes once you enter the code. If you sign in with an e-mailed code, you will sign in with the new address from then on.',
  'citizens.change_email.label': 'New e-mail address',
  'citizens.change_email.same': 'This is already your verified e-mail address.',
  'citizens.change_email.taken':
    'This address is already used to sign in to another account, so it cannot be moved to this one. To use that account, sign in with this address.',
  'citizens.change_email.code_title': 'Confirm your new e-mail address',
  'citizens.change_email.confirm': 'Confirm the address',
  'citizens.change_email.mail_subject': 'Confirm your new e-mail address',
  'citizens.change_email.mail_body':
    'Your code to confirm this e-mail address is: {code}\n\nEnter it on the page where you changed your address. The code is valid for {minutes} minutes. If you did not ask for this, ignore this message: without the code, the address is not added to any account.',
  'citizens.saved.phone': 'Your phone number has been saved.',
  'citizens.saved.phone_removed': 'Your phone number has been removed.',
  'citizens.saved.email': 'Your e-mail address has been changed and verified.',
  'citizens.data.title': 'Your data',
  'citizens.data.lead': 'For your account we keep:',
  'citizens.data.held_profile': 'your e-mail address, and your phone number if you have given it;',
  'citizens.data.held_profile_eid':
    'what your electronic identity gave (name, date of birth, address), and your e-mail address and phone number;',
  'citizens.data.held_identities':
    'how you sign in: the electronic identities or the e-mail address you have signed in with, and when you first and last did;',
  'citizens.data.held_sessions':
    'your current sign-ins: when they began and at what level of assurance;',
  'citizens.data.held_appointments':
    'the appointments you booked while signed in or added to your account.',
  'citizens.data.export': 'Download all your data (JSON file)',
  'citizens.data.delete_heading': 'Deleting the account',
  'citizens.data.delete_lead':
    'You can delete your account at any time. Your appointments ahead are cancelled first, and you get an e-mail about each. Some records must be kept by law after that:',
  'citizens.data.kept_appointments':
    'the offices keep your appointments as their record of the service for as long as their retention periods require, and then anonymise them;',
  'citizens.data.kept_audit':
    'the log of changes keeps entries such as “account deleted”, which give only the account’s number, not your name or details;',
  'citizens.data.kept_stats':
    'the sign-in statistics are anonymous counts and say nothing about you.',
  'citizens.data.delete_link': 'Delete the account',
  'citizens.delete.title': 'Delete your account',
  'citizens.delete.cancelled':
    'These appointments ahead will be cancelled, and you will get an e-mail about each:',
  'citizens.delete.nothing_ahead': 'You have no appointments ahead, so nothing will be cancelled.',
  'citizens.delete.erased':
    'Your details, your sign-in identities and your current sign-ins will be erased, and you will be signed out.',
  'citizens.delete.kept_heading': 'What is kept',
  'citizens.delete.final': 'A deleted account cannot be restored.',
  'citizens.delete.confirm': 'Delete my account',
  'citizens.delete.keep': 'Keep my account',
  'audit.action.eid_providers.updated': 'Electronic identities offered changed',
};

export type CitizensMessageKey = keyof typeof en;

const sl: Record<CitizensMessageKey, string> = {
  'citizens.nav.account': 'Moj račun',
  'citizens.nav.sign_in': 'Prijava',
  'citizens.loa.low': 'nizka',
  'citizens.loa.substantial': 'znatna',
  'citizens.loa.high': 'visoka',
  'citizens.loa.label': 'Raven zanesljivosti: {level}',
  'citizens.provider.email': 'koda po e-pošti',
  'citizens.sign_in.title': 'Prijava',
  'citizens.sign_in.lead':
    'Prijavite se z e-identiteto ali s kodo, ki vam jo pošljemo po elektronski pošti.',
  'citizens.sign_in.organisation': 'Prijavljate se za storitve: {organisation}.',
  'citizens.sign_in.step_up':
    'Za to stran je potrebna prijava z ravnjo zanesljivosti najmanj „{level}“. Prijavite se z e-identiteto, ki jo zagotavlja.',
  'citizens.sign_in.eid_heading': 'Z e-identiteto',
  'citizens.sign_in.with': 'Prijava prek {provider}',
  'citizens.sign_in.no_providers': 'Prijava z e-identiteto tu še ni na voljo.',
  'citizens.sign_in.email_heading': 'S kodo po e-pošti',
  'citizens.sign_in.email_lead':
    'Za preprosta opravila, kot je rezervacija termina. Za oddajo vloge potrebujete e-identiteto.',
  'citizens.sign_in.email_link': 'Prijava s kodo po e-pošti',
  'citizens.email.title': 'Prijava s kodo po e-pošti',
  'citizens.email.lead':
    'Vpišite svoj e-poštni naslov. Nanj vam bomo poslali 6-mestno kodo za prijavo.',
  'citizens.email.label': 'E-poštni naslov',
  'citizens.email.send': 'Pošlji kodo',
  'citizens.email.invalid': 'Vpišite e-poštni naslov, na primer ime@primer.si.',
  'citizens.email.throttled':
    'Zahtevanih je bilo preveč kod. Poskusite znova čez {minutes}\u00a0min.',
  'citizens.code.title': 'Vpišite kodo',
  'citizens.code.lead':
    'Na naslov {email} smo poslali 6-mestno kodo. Velja {minutes} minut. Če je ne prejmete, preverite mapo z neželeno pošto.',
  'citizens.code.label': 'Koda iz e-pošte',
  'citizens.code.submit': 'Prijava',
  'citizens.code.format': 'Vpišite 6 številk iz e-pošte.',
  'citizens.code.wrong': 'Koda ni pravilna. Preverite jo in poskusite znova.',
  'citizens.code.locked':
    'Koda je bila petkrat vpisana napačno in ne velja več. Zahtevajte novo kodo.',
  'citizens.code.expired': 'Koda ne velja več. Zahtevajte novo kodo.',
  'citizens.code.new': 'Pošlji novo kodo',
  'citizens.mail.subject': 'Vaša koda za prijavo',
  'citizens.mail.body':
    'Vaša koda za prijavo je: {code}\n\nVpišite jo na strani za prijavo. Koda velja {minutes} minut. Če se niste prijavljali vi, sporočilo prezrite: brez kode se nihče ne more prijaviti.',
  'citizens.mail.footer': 'Okence – spletno okence vašega urada',
  'citizens.account.title': 'Moj račun',
  'citizens.account.signed_in_as': 'Prijavljeni ste kot {name}.',
  'citizens.account.signed_in_with': 'Način prijave: {provider}. {level}.',
  'citizens.sign_out': 'Odjava',
  'citizens.signed_out': 'Odjavljeni ste.',
  'citizens.signed_out_page.title': 'Odjavljeni ste',
  'citizens.signed_out_page.lead':
    'Vaša seja je tu končana. Če ste se prijavili z e-identiteto, ste odjavljeni tudi tam.',
  'citizens.signed_out_page.provider_open':
    'Nismo mogli potrditi, da vas je odjavil tudi ponudnik identitete. Če ta računalnik uporabljajo tudi drugi, zaprite brskalnik, da se ta seja konča.',
  'citizens.signed_out_page.again': 'Znova se prijavite',
  'citizens.signing_out.title': 'Odjava pri ponudniku identitete',
  'citizens.signing_out.lead':
    'Tu ste odjavljeni. Brskalnik vas zdaj preusmeri k ponudniku identitete, da se odjavite tudi tam.',
  'citizens.signing_out.continue': 'Nadaljujte k ponudniku identitete',
  'citizens.admin.title': 'Prijava občanov',
  'citizens.admin.lead':
    'Prijava s kodo po e-pošti je vedno na voljo. E-identitete nastavi upravljavec namestitve; tu jih vklopite za svojo organizacijo.',
  'citizens.admin.legend': 'Ponujene e-identitete',
  'citizens.admin.none': 'Upravljavec še ni nastavil nobene e-identitete (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Shrani',
  'citizens.admin.saved': 'Spremembe so shranjene.',
  'citizens.profile.title': 'Osebni podatki',
  'citizens.profile.eid_heading': 'Iz vaše e-identitete',
  'citizens.profile.name': 'Ime in priimek',
  'citizens.profile.date_of_birth': 'Datum rojstva',
  'citizens.profile.address': 'Naslov',
  'citizens.profile.not_given': 'ni podatka',
  'citizens.profile.source':
    'Vir: {provider}, nazadnje posodobljeno {date}. Teh podatkov tu ni mogoče spremeniti: posodobijo se ob vsaki prijavi prek {provider}.',
  'citizens.profile.no_eid':
    'Prijavili ste se s kodo po e-pošti. Ta potrjuje le vaš e-poštni naslov, ne pa tudi vaše identitete, zato tu ni imena, datuma rojstva in naslova.',
  'citizens.profile.contact_heading': 'Kontaktni podatki',
  'citizens.profile.email': 'E-poštni naslov',
  'citizens.profile.email_verified': 'potrjen',
  'citizens.profile.email_unverified': 'ni potrjen',
  'citizens.profile.phone': 'Telefon',
  'citizens.profile.add_email': 'Dodajte e-poštni naslov',
  'citizens.profile.change_email': 'Spremenite e-poštni naslov',
  'citizens.profile.verify_email': 'Potrdite ali spremenite e-poštni naslov',
  'citizens.profile.add_phone': 'Dodajte telefonsko številko',
  'citizens.profile.change_phone': 'Spremenite ali odstranite telefonsko številko',
  'citizens.profile.back': 'Nazaj na moj račun',
  'citizens.phone.title': 'Telefonska številka',
  'citizens.phone.lead':
    'Ob rezervaciji termina jo vpišemo namesto vas, da vas lahko upravna enota po potrebi pokliče. Če želite številko odstraniti, pustite polje prazno.',
  'citizens.phone.label': 'Telefonska številka',
  'citizens.phone.hint': 'Na primer +386 1 234 56 78',
  'citizens.phone.save': 'Shrani',
  'citizens.phone.remove': 'Odstrani telefonsko številko',
  'citizens.phone.invalid':
    'Vpišite telefonsko številko s 6 do 15 števkami, na primer +386 1 234 56 78. Vsebuje lahko presledke, oklepaje in vezaje.',
  'citizens.change_email.title': 'Sprememba e-poštnega naslova',
  'citizens.change_email.lead':
    'Vpišite novi naslov. Nanj vam bomo poslali 6-mestno kodo, naslov pa se spremeni, ko vpišete kodo. Če se prijavljate s kodo po e-pošti, se boste odslej prijavljali z novim naslovom.',
  'citizens.change_email.label': 'Novi e-poštni naslov',
  'citizens.change_email.same': 'To je že vaš potrjeni e-poštni naslov.',
  'citizens.change_email.taken':
    'Ta naslov se že uporablja za prijavo v drug račun, zato ga ni mogoče prenesti v ta račun. Če želite uporabljati tisti račun, se prijavite s tem naslovom.',
  'citizens.change_email.code_title': 'Potrdite novi e-poštni naslov',
  'citizens.change_email.confirm': 'Potrdi naslov',
  'citizens.change_email.mail_subject': 'Potrditev novega e-poštnega naslova',
  'citizens.change_email.mail_body':
    'Vaša koda za potrditev tega e-poštnega naslova je: {code}\n\nVpišite jo na strani, kjer ste spreminjali naslov. Koda velja {minutes} minut. Če tega niste zahtevali vi, sporočilo prezrite: brez kode naslov ne bo dodan nobenemu računu.',
  'citizens.saved.phone': 'Telefonska številka je shranjena.',
  'citizens.saved.phone_removed': 'Telefonska številka je odstranjena.',
  'citizens.saved.email': 'E-poštni naslov je spremenjen in potrjen.',
  'citizens.data.title': 'Vaši podatki',
  'citizens.data.lead': 'Za vaš račun hranimo:',
  'citizens.data.held_profile': 'vaš e-poštni naslov in telefonsko številko, če ste jo vpisali;',
  'citizens.data.held_profile_eid':
    'podatke iz vaše e-identitete (ime in priimek, datum rojstva, naslov) ter vaš e-poštni naslov in telefonsko številko;',
  'citizens.data.held_identities':
    'način prijave: e-identitete ali e-poštni naslov, s katerimi ste se prijavili, ter kdaj ste se z njimi prijavili prvič in kdaj nazadnje;',
  'citizens.data.held_sessions':
    'vaše trenutne prijave: kdaj so se začele in s katero ravnjo zanesljivosti;',
  'citizens.data.held_appointments':
    'termine, ki ste jih rezervirali po prijavi ali jih dodali v svoj račun.',
  'citizens.data.export': 'Prenesite vse svoje podatke (datoteka JSON)',
  'citizens.data.delete_heading': 'Izbris računa',
  'citizens.data.delete_lead':
    'Račun lahko izbrišete kadar koli. Pred izbrisom se prekličejo vaši prihajajoči termini, o vsakem prejmete e-poštno sporočilo. Nekatere zapise je treba po zakonu hraniti tudi po izbrisu:',
  'citizens.data.kept_appointments':
    'upravne enote hranijo vaše termine kot evidenco opravljene storitve, dokler to zahtevajo roki hrambe, nato jih anonimizirajo;',
  'citizens.data.kept_audit':
    'dnevnik sprememb hrani vnose, kot je „račun izbrisan“, v katerih je le številka računa, ne pa vaše ime ali drugi podatki;',
  'citizens.data.kept_stats':
    'statistika prijav vsebuje le anonimna števila, ki o vas ne povedo ničesar.',
  'citizens.data.delete_link': 'Izbriši račun',
  'citizens.delete.title': 'Izbris računa',
  'citizens.delete.cancelled':
    'Preklicani bodo ti prihajajoči termini, o vsakem boste prejeli e-poštno sporočilo:',
  'citizens.delete.nothing_ahead': 'Nimate prihajajočih terminov, zato ne bo nič preklicano.',
  'citizens.delete.erased':
    'Vaši podatki, e-identitete in trenutne prijave bodo izbrisani, vi pa boste odjavljeni.',
  'citizens.delete.kept_heading': 'Kaj se hrani',
  'citizens.delete.final': 'Izbrisanega računa ni mogoče obnoviti.',
  'citizens.delete.confirm': 'Izbriši moj račun',
  'citizens.delete.keep': 'Obdrži račun',
  'audit.action.eid_providers.updated': 'Sprememba ponujenih e-identitet',
};

const cs: Record<CitizensMessageKey, string> = {
  'citizens.nav.account': 'Můj účet',
  'citizens.nav.sign_in': 'Přihlásit se',
  'citizens.loa.low': 'nízká',
  'citizens.loa.substantial': 'značná',
  'citizens.loa.high': 'vysoká',
  'citizens.loa.label': 'Úroveň záruky: {level}',
  'citizens.provider.email': 'kód z e-mailu',
  'citizens.sign_in.title': 'Přihlášení',
  'citizens.sign_in.lead':
    'Přihlaste se prostřednictvím Identity občana (elektronickou identitou), nebo kódem, který vám pošleme e-mailem.',
  'citizens.sign_in.organisation': 'Přihlašujete se ke službám: {organisation}.',
  'citizens.sign_in.step_up':
    'Tato stránka vyžaduje přihlášení s úrovní záruky alespoň „{level}“. Přihlaste se elektronickou identitou, která ji poskytuje.',
  'citizens.sign_in.eid_heading': 'Elektronickou identitou',
  'citizens.sign_in.with': 'Přihlásit se přes {provider}',
  'citizens.sign_in.no_providers': 'Přihlášení elektronickou identitou zde zatím není k dispozici.',
  'citizens.sign_in.email_heading': 'Kódem z e-mailu',
  'citizens.sign_in.email_lead':
    'Pro jednoduché úkony, například rezervaci termínu. K podání žádosti potřebujete elektronickou identitu.',
  'citizens.sign_in.email_link': 'Přihlásit se kódem z e-mailu',
  'citizens.email.title': 'Přihlášení kódem z e-mailu',
  'citizens.email.lead':
    'Zadejte svou e-mailovou adresu. Pošleme na ni šestimístný kód pro přihlášení.',
  'citizens.email.label': 'E-mailová adresa',
  'citizens.email.send': 'Poslat kód',
  'citizens.email.invalid': 'Zadejte e-mailovou adresu, například jmeno@priklad.cz.',
  'citizens.email.throttled':
    'Bylo vyžádáno příliš mnoho kódů. Zkuste to znovu za {minutes}\u00a0min.',
  'citizens.code.title': 'Zadejte kód',
  'citizens.code.lead':
    'Na adresu {email} jsme poslali šestimístný kód. Platí {minutes} minut. Pokud nepřijde, podívejte se do složky s nevyžádanou poštou.',
  'citizens.code.label': 'Kód z e-mailu',
  'citizens.code.submit': 'Přihlásit se',
  'citizens.code.format': 'Zadejte 6 číslic z e-mailu.',
  'citizens.code.wrong': 'Kód není správný. Zkontrolujte ho a zkuste to znovu.',
  'citizens.code.locked': 'Kód byl pětkrát zadán chybně a už neplatí. Požádejte o nový kód.',
  'citizens.code.expired': 'Platnost kódu skončila. Požádejte o nový kód.',
  'citizens.code.new': 'Poslat nový kód',
  'citizens.mail.subject': 'Váš kód pro přihlášení',
  'citizens.mail.body':
    'Váš kód pro přihlášení je: {code}\n\nZadejte ho na stránce přihlášení. Kód platí {minutes} minut. Pokud jste se nepřihlašovali vy, zprávu ignorujte: bez kódu se nikdo přihlásit nemůže.',
  'citizens.mail.footer': 'Okence – online přepážka vašeho úřadu',
  'citizens.account.title': 'Můj účet',
  'citizens.account.signed_in_as': 'Jste přihlášeni jako {name}.',
  'citizens.account.signed_in_with': 'Způsob přihlášení: {provider}. {level}.',
  'citizens.sign_out': 'Odhlásit se',
  'citizens.signed_out': 'Byli jste odhlášeni.',
  'citizens.signed_out_page.title': 'Jste odhlášeni',
  'citizens.signed_out_page.lead':
    'Vaše relace zde skončila. Pokud jste se přihlásili elektronickou identitou, jste odhlášeni i tam.',
  'citizens.signed_out_page.provider_open':
    'Nepodařilo se ověřit, že vás odhlásil i poskytovatel identity. Pokud tento počítač používají i jiní, zavřete prohlížeč, aby tato relace skončila.',
  'citizens.signed_out_page.again': 'Přihlásit se znovu',
  'citizens.signing_out.title': 'Odhlášení u poskytovatele identity',
  'citizens.signing_out.lead':
    'Zde jste odhlášeni. Prohlížeč vás nyní přesměruje k poskytovateli identity, abyste se odhlásili i tam.',
  'citizens.signing_out.continue': 'Pokračovat k poskytovateli identity',
  'citizens.admin.title': 'Přihlašování občanů',
  'citizens.admin.lead':
    'Přihlášení kódem z e-mailu je k dispozici vždy. Elektronické identity nastavuje provozovatel instalace; zde je zapnete pro svou organizaci.',
  'citizens.admin.legend': 'Nabízené elektronické identity',
  'citizens.admin.none':
    'Provozovatel zatím nenastavil žádnou elektronickou identitu (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Uložit',
  'citizens.admin.saved': 'Změny jsou uloženy.',
  'citizens.profile.title': 'Osobní údaje',
  'citizens.profile.eid_heading': 'Z vaší elektronické identity',
  'citizens.profile.name': 'Jméno a příjmení',
  'citizens.profile.date_of_birth': 'Datum narození',
  'citizens.profile.address': 'Adresa',
  'citizens.profile.not_given': 'neuvedeno',
  'citizens.profile.source':
    'Zdroj: {provider}, naposledy aktualizováno {date}. Tyto údaje zde nelze změnit: aktualizují se při každém přihlášení přes {provider}.',
  'citizens.profile.no_eid':
    'Přihlásili jste se kódem z e-mailu. Ten ověřuje jen vaši e-mailovou adresu, nikoli vaši totožnost, proto zde nejsou uvedeny jméno, datum narození ani adresa.',
  'citizens.profile.contact_heading': 'Kontaktní údaje',
  'citizens.profile.email': 'E-mailová adresa',
  'citizens.profile.email_verified': 'ověřená',
  'citizens.profile.email_unverified': 'neověřená',
  'citizens.profile.phone': 'Telefon',
  'citizens.profile.add_email': 'Přidat e-mailovou adresu',
  'citizens.profile.change_email': 'Změnit e-mailovou adresu',
  'citizens.profile.verify_email': 'Ověřit nebo změnit e-mailovou adresu',
  'citizens.profile.add_phone': 'Přidat telefonní číslo',
  'citizens.profile.change_phone': 'Změnit nebo odebrat telefonní číslo',
  'citizens.profile.back': 'Zpět na můj účet',
  'citizens.phone.title': 'Telefonní číslo',
  'citizens.phone.lead':
    'Při rezervaci termínu ho vyplníme za vás, aby vám úřad mohl v případě potřeby zavolat. Chcete-li číslo odebrat, nechte pole prázdné.',
  'citizens.phone.label': 'Telefonní číslo',
  'citizens.phone.hint': 'Například +420 123 456 789',
  'citizens.phone.save': 'Uložit',
  'citizens.phone.remove': 'Odebrat telefonní číslo',
  'citizens.phone.invalid':
    'Zadejte telefonní číslo (6 až 15 číslic), například +420 123 456 789. Může obsahovat mezery, závorky a pomlčky.',
  'citizens.change_email.title': 'Změna e-mailové adresy',
  'citizens.change_email.lead':
    'Zadejte novou adresu. Pošleme na ni šestimístný kód a adresa se změní, jakmile kód zadáte. Pokud se přihlašujete kódem z e-mailu, budete se od té doby přihlašovat novou adresou.',
  'citizens.change_email.label': 'Nová e-mailová adresa',
  'citizens.change_email.same': 'Toto už je vaše ověřená e-mailová adresa.',
  'citizens.change_email.taken':
    'Tato adresa už slouží k přihlášení do jiného účtu, proto ji nelze převést na tento účet. Chcete-li používat ten účet, přihlaste se touto adresou.',
  'citizens.change_email.code_title': 'Potvrďte novou e-mailovou adresu',
  'citizens.change_email.confirm': 'Potvrdit adresu',
  'citizens.change_email.mail_subject': 'Potvrzení nové e-mailové adresy',
  'citizens.change_email.mail_body':
    'Váš kód pro potvrzení této e-mailové adresy je: {code}\n\nZadejte ho na stránce, kde jste adresu měnili. Kód platí {minutes} minut. Pokud jste o změnu nežádali, zprávu ignorujte: bez kódu se adresa k žádnému účtu nepřidá.',
  'citizens.saved.phone': 'Telefonní číslo je uloženo.',
  'citizens.saved.phone_removed': 'Telefonní číslo bylo odebráno.',
  'citizens.saved.email': 'E-mailová adresa byla změněna a ověřena.',
  'citizens.data.title': 'Vaše údaje',
  'citizens.data.lead': 'K vašemu účtu uchováváme:',
  'citizens.data.held_profile': 'vaši e-mailovou adresu a telefonní číslo, pokud jste ho zadali;',
  'citizens.data.held_profile_eid':
    'údaje z vaší elektronické identity (jméno a příjmení, datum narození, adresu) a vaši e-mailovou adresu a telefonní číslo;',
  'citizens.data.held_identities':
    'způsob přihlášení: elektronické identity nebo e-mailovou adresu, kterými jste se přihlásili, a kdy poprvé a naposledy;',
  'citizens.data.held_sessions': 'vaše probíhající přihlášení: kdy začala a s jakou úrovní záruky;',
  'citizens.data.held_appointments':
    'termíny, které jste si rezervovali po přihlášení nebo přidali ke svému účtu.',
  'citizens.data.export': 'Stáhnout všechny své údaje (soubor JSON)',
  'citizens.data.delete_heading': 'Zrušení účtu',
  'citizens.data.delete_lead':
    'Účet můžete kdykoli zrušit. Nejprve se zruší vaše nadcházející termíny a o každém dostanete e-mail. Některé záznamy se podle zákona uchovávají i poté:',
  'citizens.data.kept_appointments':
    'úřady uchovávají vaše termíny jako záznam o poskytnuté službě po dobu, kterou stanoví skartační lhůty, a poté je anonymizují;',
  'citizens.data.kept_audit':
    'protokol změn uchovává záznamy jako „účet zrušen“, které uvádějí jen číslo účtu, nikoli vaše jméno či jiné údaje;',
  'citizens.data.kept_stats':
    'statistika přihlášení obsahuje jen anonymní počty a nic o vás neříká.',
  'citizens.data.delete_link': 'Zrušit účet',
  'citizens.delete.title': 'Zrušení účtu',
  'citizens.delete.cancelled': 'Zruší se tyto nadcházející termíny a o každém dostanete e-mail:',
  'citizens.delete.nothing_ahead': 'Nemáte žádné nadcházející termíny, nic se tedy nezruší.',
  'citizens.delete.erased':
    'Vaše údaje, elektronické identity a probíhající přihlášení se vymažou a budete odhlášeni.',
  'citizens.delete.kept_heading': 'Co se uchovává',
  'citizens.delete.final': 'Zrušený účet nelze obnovit.',
  'citizens.delete.confirm': 'Zrušit můj účet',
  'citizens.delete.keep': 'Ponechat si účet',
  'audit.action.eid_providers.updated': 'Změna nabízených elektronických identit',
};

export const citizensMessages = { en, sl, cs };

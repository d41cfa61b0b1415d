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
  'citizens.admin.title': 'Citizens’ sign-in',
  'citizens.admin.card': 'Which electronic identities citizens may sign in with.',
  'citizens.admin.lead':
    'Sign-in with an e-mailed code is always available. Electronic identities are set up by the operator of the installation; here you switch them on for your organisation.',
  'citizens.admin.legend': 'Electronic identities offered',
  'citizens.admin.none':
    'The operator has not set up any electronic identity yet (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Save',
  'citizens.admin.saved': 'Your changes are saved.',
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
  'citizens.admin.title': 'Prijava občanov',
  'citizens.admin.card': 'S katerimi e-identitetami se lahko prijavijo občani.',
  'citizens.admin.lead':
    'Prijava s kodo po e-pošti je vedno na voljo. E-identitete nastavi upravljavec namestitve; tu jih vklopite za svojo organizacijo.',
  'citizens.admin.legend': 'Ponujene e-identitete',
  'citizens.admin.none': 'Upravljavec še ni nastavil nobene e-identitete (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Shrani',
  'citizens.admin.saved': 'Spremembe so shranjene.',
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
  'citizens.admin.title': 'Přihlašování občanů',
  'citizens.admin.card': 'Kterými elektronickými identitami se mohou občané přihlásit.',
  'citizens.admin.lead':
    'Přihlášení kódem z e-mailu je k dispozici vždy. Elektronické identity nastavuje provozovatel instalace; zde je zapnete pro svou organizaci.',
  'citizens.admin.legend': 'Nabízené elektronické identity',
  'citizens.admin.none':
    'Provozovatel zatím nenastavil žádnou elektronickou identitu (EID_PROVIDERS_FILE).',
  'citizens.admin.save': 'Uložit',
  'citizens.admin.saved': 'Změny jsou uloženy.',
  'audit.action.eid_providers.updated': 'Změna nabízených elektronických identit',
};

export const citizensMessages = { en, sl, cs };

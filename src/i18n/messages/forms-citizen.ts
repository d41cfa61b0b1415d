/**
 * Texts of filling in a form as a citizen (src/forms/fill-*.ts, decision 038): the start page,
 * the pages of questions, check your answers, drafts and their resume link. Worded after GOV.UK
 * Forms, eUprava and Portál občana. Each language has exactly the English keys.
 */
const en = {
  'forms.fill.not_given': 'not given',
  'forms.fill.sent.title': 'Your form has been sent',
  'forms.fill.sent.reference': 'Your reference number',
  'forms.fill.sent.keep': 'Keep this number: the office will quote it when it contacts you.',
  'forms.fill.sent.receipt': 'Download the receipt (PDF)',
  'forms.fill.optional': '(optional)',
  'forms.fill.hint.money': 'An amount in {currency}, for example 12.50.',
  'forms.fill.hint.date': 'For example 27.3.2007.',
  'forms.fill.yes': 'Yes',
  'forms.fill.no': 'No',
  'forms.fill.address.street': 'Street and house number',
  'forms.fill.address.postcode': 'Postcode',
  'forms.fill.address.city': 'Town or city',
  'forms.fill.address.country': 'Country (two-letter code, such as SI or CZ)',
  'forms.fill.person.given_name': 'Given name',
  'forms.fill.person.family_name': 'Family name',
  'forms.fill.person.date_of_birth': 'Date of birth (for example 27.3.2007)',
  'forms.fill.repeat': '{label} {number}',
  'forms.fill.remove': 'Remove {label} {number}',
  'forms.fill.add_another': 'Add another: {label}',
  'forms.fill.back': 'Back',
  'forms.fill.save_continue': 'Save and continue',
  'forms.fill.error_prefix': 'Error:',
  'forms.fill.not_answered': 'Not answered',
  'forms.fill.change': 'Change',
  'forms.fill.check.title': 'Check your answers before sending',
  'forms.fill.send.title': 'Send your form',
  'forms.fill.send.lead':
    'By sending this form you confirm that the information you have given is true to the best of your knowledge.',
  'forms.fill.send.button': 'Send',
  'forms.fill.send.later':
    'Just before sending, this form is confirmed by signing in again with your eID, so it can only be sent from your account. Sign in to send it. Your answers are saved as a draft.',
  'forms.fill.delete.button': 'Delete this draft',
  'forms.fill.deleted.title': 'Your draft has been deleted',
  'forms.fill.deleted.until': 'You can restore it until {when}. After that it is removed for good.',
  'forms.fill.restore.button': 'Restore the draft',
  'forms.fill.link_sent':
    'We have sent a link to {email} so you can come back to this form later. The link works until {when}.',
  'forms.fill.existing.title': 'Check your e-mail',
  'forms.fill.existing.body':
    'You have already started this form. We have sent a link to continue it to your e-mail address.',
  'forms.fill.updated':
    'This form has changed since you started it. We kept the answers that still fit; check the rest.',
  'forms.fill.start.needs': 'What you will be asked',
  'forms.fill.assurance.low': 'You can fill this form in without signing in.',
  'forms.fill.assurance.substantial':
    'To fill this form in, sign in with an electronic identity of assurance level substantial.',
  'forms.fill.assurance.high':
    'To fill this form in, sign in with an electronic identity of assurance level high.',
  'forms.fill.start.sign_in': 'Sign in to start',
  'forms.fill.start.step_up': 'Sign in with a stronger method to start',
  'forms.fill.start.button': 'Start now',
  'forms.fill.start.email': 'Your e-mail address',
  'forms.fill.start.email_hint':
    'We will send you a link so you can come back to your answers later. You do not need an account.',
  'forms.fill.start.email_error':
    'Enter an e-mail address in the correct format, such as name@example.com.',
  'forms.fill.continue.title': 'Continue your draft?',
  'forms.fill.continue.saved': 'You have a draft of this form, last saved {when}.',
  'forms.fill.continue.button': 'Continue',
  'forms.fill.mail.subject': 'Continue your form: {form}',
  'forms.fill.mail.body':
    'You have started filling in the form “{form}”. Open this link to continue where you left off:\n\n{link}\n\nThe link works until {until}. Do not forward it: anyone with the link can see and change your answers.',
  'forms.fill.account.title': 'Forms in progress',
  'forms.fill.account.none': 'You have no forms in progress.',
  'forms.fill.account.saved': 'last saved {when}',
  'forms.fill.account.deleted': 'deleted, can be restored until {when}',
};

export type FormsCitizenMessageKey = keyof typeof en;

const sl: Record<FormsCitizenMessageKey, string> = {
  'forms.fill.not_given': 'ni navedeno',
  'forms.fill.sent.title': 'Vaša vloga je oddana',
  'forms.fill.sent.reference': 'Številka vaše vloge',
  'forms.fill.sent.keep': 'Številko shranite: urad jo bo navedel, ko se bo obrnil na vas.',
  'forms.fill.sent.receipt': 'Prenesite potrdilo o oddaji (PDF)',
  'forms.fill.optional': '(neobvezno)',
  'forms.fill.hint.money': 'Znesek v {currency}, na primer 12,50.',
  'forms.fill.hint.date': 'Na primer 27. 3. 2007.',
  'forms.fill.yes': 'Da',
  'forms.fill.no': 'Ne',
  'forms.fill.address.street': 'Ulica in hišna številka',
  'forms.fill.address.postcode': 'Poštna številka',
  'forms.fill.address.city': 'Kraj',
  'forms.fill.address.country': 'Država (dvočrkovna oznaka, npr. SI ali CZ)',
  'forms.fill.person.given_name': 'Ime',
  'forms.fill.person.family_name': 'Priimek',
  'forms.fill.person.date_of_birth': 'Datum rojstva (na primer 27. 3. 2007)',
  'forms.fill.repeat': '{label} št. {number}',
  'forms.fill.remove': 'Odstrani: {label} št. {number}',
  'forms.fill.add_another': 'Dodaj vnos: {label}',
  'forms.fill.back': 'Nazaj',
  'forms.fill.save_continue': 'Shrani in nadaljuj',
  'forms.fill.error_prefix': 'Napaka:',
  'forms.fill.not_answered': 'Ni odgovora',
  'forms.fill.change': 'Spremeni',
  'forms.fill.check.title': 'Pred oddajo preverite odgovore',
  'forms.fill.send.title': 'Oddaja vloge',
  'forms.fill.send.lead':
    'Z oddajo potrjujete, da so navedeni podatki po vaši najboljši vednosti resnični.',
  'forms.fill.send.button': 'Oddaj',
  'forms.fill.send.later':
    'Vlogo tik pred oddajo potrdite s ponovno prijavo z elektronsko identiteto, zato jo lahko oddate le iz svojega uporabniškega računa. Za oddajo se prijavite. Vaši odgovori so shranjeni kot osnutek.',
  'forms.fill.delete.button': 'Izbriši osnutek',
  'forms.fill.deleted.title': 'Osnutek je izbrisan',
  'forms.fill.deleted.until': 'Obnovite ga lahko do {when}. Nato bo dokončno odstranjen.',
  'forms.fill.restore.button': 'Obnovi osnutek',
  'forms.fill.link_sent':
    'Na {email} smo poslali povezavo, prek katere se lahko pozneje vrnete k obrazcu. Povezava velja do {when}.',
  'forms.fill.existing.title': 'Preverite e-pošto',
  'forms.fill.existing.body':
    'Ta obrazec ste že začeli izpolnjevati. Na vaš e-poštni naslov smo poslali povezavo, prek katere lahko nadaljujete.',
  'forms.fill.updated':
    'Obrazec se je spremenil, odkar ste ga začeli izpolnjevati. Ohranili smo odgovore, ki še ustrezajo; preverite ostale.',
  'forms.fill.start.needs': 'Kaj boste izpolnili',
  'forms.fill.assurance.low': 'Obrazec lahko izpolnite brez prijave.',
  'forms.fill.assurance.substantial':
    'Za izpolnjevanje obrazca se prijavite s sredstvom elektronske identifikacije srednje ravni zanesljivosti.',
  'forms.fill.assurance.high':
    'Za izpolnjevanje obrazca se prijavite s sredstvom elektronske identifikacije visoke ravni zanesljivosti.',
  'forms.fill.start.sign_in': 'Prijava in začetek',
  'forms.fill.start.step_up': 'Prijava z zanesljivejšim sredstvom in začetek',
  'forms.fill.start.button': 'Začni izpolnjevati',
  'forms.fill.start.email': 'Vaš e-poštni naslov',
  'forms.fill.start.email_hint':
    'Poslali vam bomo povezavo, prek katere se lahko pozneje vrnete k odgovorom. Uporabniški račun ni potreben.',
  'forms.fill.start.email_error':
    'Vpišite e-poštni naslov v pravilni obliki, na primer ime@primer.si.',
  'forms.fill.continue.title': 'Želite nadaljevati z osnutkom?',
  'forms.fill.continue.saved': 'Osnutek tega obrazca ste nazadnje shranili {when}.',
  'forms.fill.continue.button': 'Nadaljuj',
  'forms.fill.mail.subject': 'Nadaljujte z izpolnjevanjem: {form}',
  'forms.fill.mail.body':
    'Začeli ste izpolnjevati obrazec „{form}“. Tam, kjer ste ostali, nadaljujete prek te povezave:\n\n{link}\n\nPovezava velja do {until}. Ne posredujte je drugim: kdor ima povezavo, lahko vidi in spreminja vaše odgovore.',
  'forms.fill.account.title': 'Obrazci v pripravi',
  'forms.fill.account.none': 'Nimate obrazcev v pripravi.',
  'forms.fill.account.saved': 'nazadnje shranjeno {when}',
  'forms.fill.account.deleted': 'izbrisano, obnoviti ga je mogoče do {when}',
};

const cs: Record<FormsCitizenMessageKey, string> = {
  'forms.fill.not_given': 'neuvedeno',
  'forms.fill.sent.title': 'Formulář byl odeslán',
  'forms.fill.sent.reference': 'Evidenční číslo vašeho podání',
  'forms.fill.sent.keep': 'Toto číslo si uschovejte: úřad ho uvede, až vás bude kontaktovat.',
  'forms.fill.sent.receipt': 'Stáhnout potvrzení o podání (PDF)',
  'forms.fill.optional': '(nepovinné)',
  'forms.fill.hint.money': 'Částka v {currency}, například 12,50.',
  'forms.fill.hint.date': 'Například 27. 3. 2007.',
  'forms.fill.yes': 'Ano',
  'forms.fill.no': 'Ne',
  'forms.fill.address.street': 'Ulice a číslo domu',
  'forms.fill.address.postcode': 'PSČ',
  'forms.fill.address.city': 'Obec',
  'forms.fill.address.country': 'Stát (dvoupísmenný kód, např. CZ nebo SI)',
  'forms.fill.person.given_name': 'Jméno',
  'forms.fill.person.family_name': 'Příjmení',
  'forms.fill.person.date_of_birth': 'Datum narození (například 27. 3. 2007)',
  'forms.fill.repeat': '{label} č. {number}',
  'forms.fill.remove': 'Odebrat: {label} č. {number}',
  'forms.fill.add_another': 'Přidat další: {label}',
  'forms.fill.back': 'Zpět',
  'forms.fill.save_continue': 'Uložit a pokračovat',
  'forms.fill.error_prefix': 'Chyba:',
  'forms.fill.not_answered': 'Nevyplněno',
  'forms.fill.change': 'Změnit',
  'forms.fill.check.title': 'Před odesláním zkontrolujte své odpovědi',
  'forms.fill.send.title': 'Odeslání formuláře',
  'forms.fill.send.lead':
    'Odesláním potvrzujete, že uvedené údaje jsou podle vašeho nejlepšího vědomí pravdivé.',
  'forms.fill.send.button': 'Odeslat',
  'forms.fill.send.later':
    'Podání se těsně před odesláním potvrzuje novým přihlášením prostředkem elektronické identifikace, proto ho lze odeslat jen ze svého účtu. Pro odeslání se přihlaste. Vaše odpovědi jsou uložené jako koncept.',
  'forms.fill.delete.button': 'Smazat koncept',
  'forms.fill.deleted.title': 'Koncept byl smazán',
  'forms.fill.deleted.until': 'Obnovit ho můžete do {when}. Poté bude trvale odstraněn.',
  'forms.fill.restore.button': 'Obnovit koncept',
  'forms.fill.link_sent':
    'Na adresu {email} jsme poslali odkaz, kterým se k formuláři můžete později vrátit. Odkaz platí do {when}.',
  'forms.fill.existing.title': 'Zkontrolujte svůj e-mail',
  'forms.fill.existing.body':
    'Tento formulář už máte rozpracovaný. Na vaši e-mailovou adresu jsme poslali odkaz, kterým můžete pokračovat.',
  'forms.fill.updated':
    'Formulář se od doby, kdy jste ho začali vyplňovat, změnil. Ponechali jsme odpovědi, které stále platí; zkontrolujte ostatní.',
  'forms.fill.start.needs': 'Co budete vyplňovat',
  'forms.fill.assurance.low': 'Formulář můžete vyplnit bez přihlášení.',
  'forms.fill.assurance.substantial':
    'K vyplnění formuláře se přihlaste prostředkem elektronické identifikace s úrovní záruky značná.',
  'forms.fill.assurance.high':
    'K vyplnění formuláře se přihlaste prostředkem elektronické identifikace s úrovní záruky vysoká.',
  'forms.fill.start.sign_in': 'Přihlásit se a začít',
  'forms.fill.start.step_up': 'Přihlásit se s vyšší úrovní záruky a začít',
  'forms.fill.start.button': 'Začít vyplňovat',
  'forms.fill.start.email': 'Vaše e-mailová adresa',
  'forms.fill.start.email_hint':
    'Pošleme vám odkaz, kterým se budete moci ke svým odpovědím později vrátit. Účet nepotřebujete.',
  'forms.fill.start.email_error':
    'Zadejte e-mailovou adresu ve správném tvaru, například jmeno@priklad.cz.',
  'forms.fill.continue.title': 'Chcete pokračovat v rozpracovaném formuláři?',
  'forms.fill.continue.saved': 'Tento formulář máte rozpracovaný, naposledy uložený {when}.',
  'forms.fill.continue.button': 'Pokračovat',
  'forms.fill.mail.subject': 'Pokračování ve vyplňování: {form}',
  'forms.fill.mail.body':
    'Začali jste vyplňovat formulář „{form}“. Tam, kde jste skončili, pokračujte přes tento odkaz:\n\n{link}\n\nOdkaz platí do {until}. Nikomu ho nepřeposílejte: kdo má odkaz, může vaše odpovědi vidět a měnit.',
  'forms.fill.account.title': 'Rozpracované formuláře',
  'forms.fill.account.none': 'Nemáte žádné rozpracované formuláře.',
  'forms.fill.account.saved': 'naposledy uloženo {when}',
  'forms.fill.account.deleted': 'smazáno, lze obnovit do {when}',
};

export const formsCitizenMessages = { en, sl, cs };

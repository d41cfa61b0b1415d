/**
 * Texts of an act authorised by a fresh eID sign-in (src/forms/act*.ts, decision 042; Czech act
 * 12/2020 Sb. §4): the check page's button, the page on the way to the provider, why an act was
 * not authorised, the receipt's line, and the API's refusal. Each language has exactly the
 * English keys.
 */
const en = {
  'forms.act.admin.legend': 'Authorisation of the act',
  'forms.act.admin.label':
    'The citizen confirms the submission by signing in with their eID again just before sending',
  'forms.act.admin.hint':
    'Where the law asks the act itself to be authorised. Needs the level of assurance substantial or high; the form cannot then be sent through the API.',
  'forms.act.send.title': 'Confirm with your eID and send',
  'forms.act.send.lead':
    'The office needs you to confirm this submission yourself. You will sign in with your eID once more, and the form is sent as soon as you have. By sending it you confirm that the information you have given is true to the best of your knowledge.',
  'forms.act.send.button': 'Confirm with your eID and send',
  'forms.act.leaving.title': 'On to your eID',
  'forms.act.leaving.lead':
    'Sign in again with the same eID. Your form is sent once you have signed in.',
  'forms.act.leaving.continue': 'Continue to sign in',
  'forms.act.refused.title': 'Your form has not been sent',
  'forms.act.refused.other_person':
    'You signed in as someone else. Only the person whose account holds this form can confirm it.',
  'forms.act.refused.stale':
    'The sign-in was not a new one made just now, so it cannot confirm the form. Please confirm again.',
  'forms.act.refused.level':
    'The sign-in you used is not secure enough for this form. Use an eID with a higher level of assurance.',
  'forms.act.refused.replay': 'This sign-in has already been used to confirm a form.',
  'forms.act.refused.draft':
    'This form can no longer be sent from here: it has been sent, deleted, or belongs to another account.',
  'forms.act.refused.cancelled': 'The sign-in was cancelled.',
  'forms.act.refused.answer': 'The answer from your eID could not be accepted.',
  'forms.act.refused.kept': 'Nothing has been sent. Your answers are kept as a draft.',
  'forms.act.refused.back': 'Back to your answers',
  'forms.act.api_refused':
    'This form must be confirmed by the person sending it with a fresh eID sign-in, so it cannot be sent through the API. It can be sent from the organisation’s website.',
  'receipt.act_authorised': 'Confirmed by eID',
  'receipt.act_authorised_by': 'Signed in anew on {when} with {provider}',
};

type Messages = Record<keyof typeof en, string>;

const sl: Messages = {
  'forms.act.admin.legend': 'Potrditev vloge',
  'forms.act.admin.label':
    'Vložnik vlogo tik pred oddajo potrdi s ponovno prijavo z elektronsko identiteto',
  'forms.act.admin.hint':
    'Kadar predpis zahteva, da vložnik vlogo potrdi sam. Potrebna je srednja ali visoka raven zanesljivosti; vloge nato ni mogoče oddati prek API-ja.',
  'forms.act.send.title': 'Potrditev vloge s ponovno prijavo s SI-PASS',
  'forms.act.send.lead':
    'Upravna enota zahteva, da vlogo potrdite sami. Še enkrat se boste prijavili s svojo elektronsko identiteto, takoj nato bo vloga oddana. Z oddajo potrjujete, da so navedeni podatki po vaši najboljši vednosti resnični.',
  'forms.act.send.button': 'Potrdi s ponovno prijavo in oddaj',
  'forms.act.leaving.title': 'Na prijavo s SI-PASS',
  'forms.act.leaving.lead':
    'Ponovno se prijavite z isto elektronsko identiteto. Vloga bo oddana, ko se prijavite.',
  'forms.act.leaving.continue': 'Nadaljuj na prijavo',
  'forms.act.refused.title': 'Vloga ni bila oddana',
  'forms.act.refused.other_person':
    'Prijavili ste se kot druga oseba. Vlogo lahko potrdi le oseba, v katere uporabniškem računu je osnutek.',
  'forms.act.refused.stale':
    'Prijava ni bila nova, opravljena pravkar, zato z njo vloge ni mogoče potrditi. Potrdite jo znova.',
  'forms.act.refused.level':
    'Raven zanesljivosti vaše prijave za to vlogo ne zadošča. Prijavite se s sredstvom višje ravni.',
  'forms.act.refused.replay': 'S to prijavo je bila neka vloga že potrjena.',
  'forms.act.refused.draft':
    'Te vloge od tu ni več mogoče oddati: bila je že oddana, izbrisana ali pa je v drugem uporabniškem računu.',
  'forms.act.refused.cancelled': 'Prijavo ste preklicali.',
  'forms.act.refused.answer': 'Odgovora ponudnika elektronske identitete ni bilo mogoče sprejeti.',
  'forms.act.refused.kept': 'Nič ni bilo oddano. Vaši odgovori so shranjeni kot osnutek.',
  'forms.act.refused.back': 'Nazaj na odgovore',
  'forms.act.api_refused':
    'To vlogo mora vložnik potrditi s ponovno prijavo z elektronsko identiteto, zato je prek API-ja ni mogoče oddati. Oddate jo lahko na spletni strani organa.',
  'receipt.act_authorised': 'Potrjeno z e-identiteto',
  'receipt.act_authorised_by': 'Ponovna prijava {when} prek {provider}',
};

const cs: Messages = {
  'forms.act.admin.legend': 'Autorizace úkonu',
  'forms.act.admin.label':
    'Podatel podání těsně před odesláním potvrdí novým přihlášením identitou občana',
  'forms.act.admin.hint':
    'Tam, kde zákon vyžaduje autorizaci úkonu (zákon č. 12/2020 Sb., § 4). Vyžaduje úroveň záruky značnou nebo vysokou; formulář pak nelze odeslat přes API.',
  'forms.act.send.title': 'Autorizace úkonu',
  'forms.act.send.lead':
    'Úřad vyžaduje, abyste podání sami autorizovali: potvrďte podání přihlášením identitou občana. Přihlásíte se znovu a hned potom se formulář odešle. Odesláním potvrzujete, že uvedené údaje jsou podle vašeho nejlepšího vědomí pravdivé.',
  'forms.act.send.button': 'Potvrdit přihlášením a odeslat',
  'forms.act.leaving.title': 'Přihlášení identitou občana',
  'forms.act.leaving.lead':
    'Přihlaste se znovu stejným prostředkem elektronické identifikace. Po přihlášení se podání odešle.',
  'forms.act.leaving.continue': 'Pokračovat k přihlášení',
  'forms.act.refused.title': 'Podání nebylo odesláno',
  'forms.act.refused.other_person':
    'Přihlásili jste se jako jiná osoba. Úkon může autorizovat jen ten, komu patří účet s tímto konceptem.',
  'forms.act.refused.stale':
    'Nešlo o nové přihlášení provedené právě teď, úkon jím proto nelze autorizovat. Zkuste to znovu.',
  'forms.act.refused.level':
    'Prostředek, kterým jste se přihlásili, nemá pro toto podání dostatečnou úroveň záruky.',
  'forms.act.refused.replay': 'Tímto přihlášením už byl autorizován jiný úkon.',
  'forms.act.refused.draft':
    'Toto podání už odsud nelze odeslat: bylo odesláno, smazáno, nebo patří jinému účtu.',
  'forms.act.refused.cancelled': 'Přihlášení bylo zrušeno.',
  'forms.act.refused.answer': 'Odpověď poskytovatele identity nebylo možné přijmout.',
  'forms.act.refused.kept': 'Nic nebylo odesláno. Vaše odpovědi zůstávají uložené jako koncept.',
  'forms.act.refused.back': 'Zpět na odpovědi',
  'forms.act.api_refused':
    'Toto podání musí podatel autorizovat novým přihlášením identitou občana, proto ho nelze odeslat přes API. Odeslat ho lze na webu úřadu.',
  'receipt.act_authorised': 'Autorizace úkonu',
  'receipt.act_authorised_by': 'Nové přihlášení {when} přes {provider}',
};

export type FormsActMessageKey = keyof typeof en;
export const formsActMessages = { en, sl, cs };

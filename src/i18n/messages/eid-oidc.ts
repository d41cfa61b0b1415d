/** Texts of the OpenID Connect eID sign-in (src/eid/oidc): its refusal pages. Each language has exactly the English keys. */
const en = {
  'eid.refused.expired':
    'This sign-in has expired or was already used. Sign-ins must be finished within 15 minutes, in the browser where they were started. Please start again.',
  'eid.refused.cancelled': 'The sign-in was cancelled at the identity provider. Nothing was saved.',
  'eid.refused.unreachable':
    'The identity provider could not be reached or did not answer as expected. Please try again in a few minutes.',
  'eid.refused.loa_too_low':
    'The identity provider confirmed your identity at a lower level of assurance than this page needs. Sign in with a means of identification at a higher level (for example an eID card or a bank identity).',
  'eid.refused.not_verified':
    'The identity provider’s answer could not be verified, so you were not signed in. Nothing was saved. Please start again; if it keeps happening, tell the office.',
  'audit.action.eid.oidc_refused': 'eID sign-in (OpenID Connect) refused',
};

export type EidOidcMessageKey = keyof typeof en;

const sl: Record<EidOidcMessageKey, string> = {
  'eid.refused.expired':
    'Ta prijava je potekla ali je bila že uporabljena. Prijavo je treba končati v 15 minutah, v brskalniku, v katerem se je začela. Začnite znova.',
  'eid.refused.cancelled':
    'Prijava je bila preklicana pri ponudniku identitete. Nič ni bilo shranjeno.',
  'eid.refused.unreachable':
    'Ponudnik identitete ni dosegljiv ali ni odgovoril, kot bi moral. Poskusite znova čez nekaj minut.',
  'eid.refused.loa_too_low':
    'Ponudnik identitete je vašo istovetnost potrdil na nižji ravni zanesljivosti, kot jo zahteva ta stran. Prijavite se s sredstvom višje ravni (na primer z osebno izkaznico z e-identiteto ali bančno identiteto).',
  'eid.refused.not_verified':
    'Odgovora ponudnika identitete ni bilo mogoče preveriti, zato niste prijavljeni. Nič ni bilo shranjeno. Začnite znova; če se ponavlja, obvestite urad.',
  'audit.action.eid.oidc_refused': 'Zavrnjena prijava z e-identiteto (OpenID Connect)',
};

const cs: Record<EidOidcMessageKey, string> = {
  'eid.refused.expired':
    'Toto přihlášení vypršelo nebo už bylo použito. Přihlášení je třeba dokončit do 15 minut v prohlížeči, ve kterém začalo. Začněte prosím znovu.',
  'eid.refused.cancelled': 'Přihlášení bylo u poskytovatele identity zrušeno. Nic nebylo uloženo.',
  'eid.refused.unreachable':
    'Poskytovatel identity není dostupný nebo neodpověděl, jak měl. Zkuste to prosím znovu za několik minut.',
  'eid.refused.loa_too_low':
    'Poskytovatel identity ověřil vaši totožnost na nižší úrovni záruky, než tato stránka vyžaduje. Přihlaste se prostředkem s vyšší úrovní (například eObčankou nebo bankovní identitou).',
  'eid.refused.not_verified':
    'Odpověď poskytovatele identity nebylo možné ověřit, proto nejste přihlášeni. Nic nebylo uloženo. Začněte prosím znovu; pokud se to opakuje, dejte vědět úřadu.',
  'audit.action.eid.oidc_refused': 'Odmítnuté přihlášení eID (OpenID Connect)',
};

export const eidOidcMessages: Record<'sl' | 'cs' | 'en', Record<EidOidcMessageKey, string>> = {
  en,
  sl,
  cs,
};

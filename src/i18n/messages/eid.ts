/**
 * Texts of the eID sign-ins, SAML and OpenID Connect (src/eid): the refusal pages. Each language
 * has exactly the English keys.
 */
const en = {
  'eid.refused.title': 'Sign-in did not succeed',
  'eid.link.title': 'Adding a way to sign in',
  'eid.link.lead':
    'Your browser is now taken to your identity provider. Sign in there: the identity is then added to your account, and you stay signed in here.',
  'eid.link.continue': 'Continue to your identity provider',
  'eid.refused.lead':
    'Your identity provider answered, but we could not accept the answer, so you are not signed in.',
  'eid.refused.again': 'Try signing in again',
  'eid.refused.reference': 'If it happens again, tell us this reason: {reason}.',
  'eid.unknown_provider': 'This sign-in method is not available here.',
  'eid.reason.signature': 'the answer is not signed by the identity provider we know',
  'eid.reason.malformed': 'the answer is not in the expected form',
  'eid.reason.destination': 'the answer was meant for another address',
  'eid.reason.issuer': 'the answer comes from another identity provider',
  'eid.reason.request': 'the answer does not belong to a sign-in started here, or it took too long',
  'eid.reason.audience': 'the answer was meant for another service',
  'eid.reason.expired': 'the answer has expired',
  'eid.reason.not_yet_valid': 'the answer is not valid yet (check the clock of your device)',
  'eid.reason.replay': 'the answer has already been used',
  'eid.reason.level': 'the sign-in was not at the level of assurance this service needs',
  'eid.reason.not_encrypted': 'the answer was not encrypted',
  'eid.reason.decryption': 'the answer could not be decrypted: it was meant for someone else',
  'eid.reason.no_identifier': 'the identity provider did not say who you are',
  'eid.reason.idp_status': 'the identity provider did not complete the sign-in',
  // OpenID Connect's refusal reasons (src/eid/oidc).
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

export type EidMessageKey = keyof typeof en;

const sl: Record<EidMessageKey, string> = {
  'eid.refused.title': 'Prijava ni uspela',
  'eid.link.title': 'Dodajanje načina prijave',
  'eid.link.lead':
    'Brskalnik vas zdaj preusmerja k ponudniku elektronske identitete. Tam se prijavite: identiteta bo nato dodana vašemu računu, tukaj pa ostanete prijavljeni.',
  'eid.link.continue': 'Nadaljuj k ponudniku identitete',
  'eid.refused.lead':
    'Vaš ponudnik identitete je odgovoril, vendar odgovora nismo mogli sprejeti, zato niste prijavljeni.',
  'eid.refused.again': 'Poskusite se prijaviti znova',
  'eid.refused.reference': 'Če se to ponovi, nam sporočite ta razlog: {reason}.',
  'eid.unknown_provider': 'Ta način prijave tu ni na voljo.',
  'eid.reason.signature': 'odgovora ni podpisal ponudnik identitete, ki ga poznamo',
  'eid.reason.malformed': 'odgovor ni v pričakovani obliki',
  'eid.reason.destination': 'odgovor je bil namenjen drugemu naslovu',
  'eid.reason.issuer': 'odgovor je poslal drug ponudnik identitete',
  'eid.reason.request': 'odgovor ne spada k prijavi, začeti tukaj, ali pa je prišel prepozno',
  'eid.reason.audience': 'odgovor je bil namenjen drugi storitvi',
  'eid.reason.expired': 'odgovor je potekel',
  'eid.reason.not_yet_valid': 'odgovor še ni veljaven (preverite uro na svoji napravi)',
  'eid.reason.replay': 'odgovor je bil že uporabljen',
  'eid.reason.level': 'prijava ni bila na ravni zanesljivosti, ki jo ta storitev zahteva',
  'eid.reason.not_encrypted': 'odgovor ni bil šifriran',
  'eid.reason.decryption': 'odgovora ni bilo mogoče dešifrirati: namenjen je bil nekomu drugemu',
  'eid.reason.no_identifier': 'ponudnik identitete ni sporočil, kdo ste',
  'eid.reason.idp_status': 'ponudnik identitete prijave ni dokončal',
  // OpenID Connect's refusal reasons (src/eid/oidc).
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

const cs: Record<EidMessageKey, string> = {
  'eid.refused.title': 'Přihlášení se nepodařilo',
  'eid.link.title': 'Přidání způsobu přihlášení',
  'eid.link.lead':
    'Prohlížeč vás nyní přesměruje k poskytovateli elektronické identity. Tam se přihlaste: identita pak bude přidána k vašemu účtu a zde zůstanete přihlášeni.',
  'eid.link.continue': 'Pokračovat k poskytovateli identity',
  'eid.refused.lead':
    'Váš poskytovatel identity odpověděl, ale jeho odpověď jsme nemohli přijmout, takže nejste přihlášeni.',
  'eid.refused.again': 'Zkuste se přihlásit znovu',
  'eid.refused.reference': 'Pokud se to bude opakovat, sdělte nám tento důvod: {reason}.',
  'eid.unknown_provider': 'Tento způsob přihlášení zde není k dispozici.',
  'eid.reason.signature': 'odpověď nepodepsal poskytovatel identity, kterého známe',
  'eid.reason.malformed': 'odpověď nemá očekávanou podobu',
  'eid.reason.destination': 'odpověď byla určena jiné adrese',
  'eid.reason.issuer': 'odpověď poslal jiný poskytovatel identity',
  'eid.reason.request': 'odpověď nepatří k přihlášení zahájenému zde, nebo přišla příliš pozdě',
  'eid.reason.audience': 'odpověď byla určena jiné službě',
  'eid.reason.expired': 'platnost odpovědi vypršela',
  'eid.reason.not_yet_valid': 'odpověď ještě neplatí (zkontrolujte hodiny svého zařízení)',
  'eid.reason.replay': 'odpověď už byla jednou použita',
  'eid.reason.level': 'přihlášení nemělo úroveň záruky, kterou tato služba vyžaduje',
  'eid.reason.not_encrypted': 'odpověď nebyla zašifrovaná',
  'eid.reason.decryption': 'odpověď nešlo dešifrovat: byla určena někomu jinému',
  'eid.reason.no_identifier': 'poskytovatel identity nesdělil, kdo jste',
  'eid.reason.idp_status': 'poskytovatel identity přihlášení nedokončil',
  // OpenID Connect's refusal reasons (src/eid/oidc).
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

export const eidMessages: Record<'sl' | 'cs' | 'en', Record<EidMessageKey, string>> = {
  en,
  sl,
  cs,
};

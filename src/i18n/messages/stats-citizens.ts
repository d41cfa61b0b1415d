/**
 * Texts of the statistics page's citizens' sign-ins (issue 16): per day, provider and level of
 * assurance, and the accounts registered. Each language has exactly the English keys.
 */
const en = {
  'stats.users_citizens_new':
    'Citizen accounts registered in this period (first sign-in from this organisation’s pages)',
  'stats.citizens.title': 'Citizens’ sign-ins',
  'stats.citizens.note':
    'Sign-ins that started from this organisation’s pages, for the whole organisation, whichever office or service is chosen. Sign-ins that started from no organisation’s page belong to none and are not counted here.',
  'stats.citizens.per_day': 'Citizens’ sign-ins per day',
  'stats.citizens.per_day_desc':
    'Sign-ins in all: {signIns}; of these, first sign-ins that registered an account: {newAccounts}.',
  'stats.citizens.returning': 'With an existing account',
  'stats.citizens.first': 'First sign-in, new account',
  'stats.citizens.per_provider': 'Citizens’ sign-ins by sign-in method and level of assurance',
  'stats.citizens.per_provider_desc':
    'Sign-ins in the period by electronic identity or e-mailed code, with the level of assurance each gave.',
  'stats.citizens.detail': 'Citizens’ sign-ins by day, sign-in method and level of assurance',
  'stats.citizens.none': 'No citizen signed in from this organisation’s pages in this period.',
  'stats.citizens.email': 'Code by e-mail',
  'stats.col.citizen_sign_ins': 'Sign-ins',
  'stats.col.new_accounts': 'New accounts',
  'stats.col.provider': 'Sign-in method',
  'stats.col.level': 'Level of assurance',
  'stats.citizens.loa.low': 'low',
  'stats.citizens.loa.substantial': 'substantial',
  'stats.citizens.loa.high': 'high',
};

export type StatsCitizensMessageKey = keyof typeof en;

const sl: Record<StatsCitizensMessageKey, string> = {
  'stats.users_citizens_new':
    'Računi občanov, odprti v tem obdobju (prva prijava s strani te organizacije)',
  'stats.citizens.title': 'Prijave občanov',
  'stats.citizens.note':
    'Prijave, ki so se začele na straneh te organizacije, za vso organizacijo, ne glede na izbrani urad ali storitev. Prijave, ki se niso začele na strani nobene organizacije, ne pripadajo nobeni in se tu ne štejejo.',
  'stats.citizens.per_day': 'Prijave občanov po dnevih',
  'stats.citizens.per_day_desc':
    'Vseh prijav: {signIns}; od tega prvih prijav, ob katerih je bil odprt račun: {newAccounts}.',
  'stats.citizens.returning': 'Z obstoječim računom',
  'stats.citizens.first': 'Prva prijava, nov račun',
  'stats.citizens.per_provider': 'Prijave občanov po načinu prijave in ravni zanesljivosti',
  'stats.citizens.per_provider_desc':
    'Prijave v obdobju po e-identiteti ali kodi po e-pošti, z ravnjo zanesljivosti, ki jo je dala prijava.',
  'stats.citizens.detail': 'Prijave občanov po dnevih, načinu prijave in ravni zanesljivosti',
  'stats.citizens.none': 'V tem obdobju se s strani te organizacije ni prijavil noben občan.',
  'stats.citizens.email': 'Koda po e-pošti',
  'stats.col.citizen_sign_ins': 'Prijave',
  'stats.col.new_accounts': 'Novi računi',
  'stats.col.provider': 'Način prijave',
  'stats.col.level': 'Raven zanesljivosti',
  'stats.citizens.loa.low': 'nizka',
  'stats.citizens.loa.substantial': 'znatna',
  'stats.citizens.loa.high': 'visoka',
};

const cs: Record<StatsCitizensMessageKey, string> = {
  'stats.users_citizens_new':
    'Účty občanů založené v tomto období (první přihlášení ze stránek této organizace)',
  'stats.citizens.title': 'Přihlášení občanů',
  'stats.citizens.note':
    'Přihlášení, která začala na stránkách této organizace, za celou organizaci bez ohledu na zvolené pracoviště či službu. Přihlášení, která nezačala na stránce žádné organizace, nepatří žádné a nepočítají se zde.',
  'stats.citizens.per_day': 'Přihlášení občanů po dnech',
  'stats.citizens.per_day_desc':
    'Přihlášení celkem: {signIns}; z toho prvních přihlášení, při nichž vznikl účet: {newAccounts}.',
  'stats.citizens.returning': 'S existujícím účtem',
  'stats.citizens.first': 'První přihlášení, nový účet',
  'stats.citizens.per_provider': 'Přihlášení občanů podle způsobu přihlášení a úrovně záruky',
  'stats.citizens.per_provider_desc':
    'Přihlášení v období podle elektronické identity nebo kódu z e-mailu, s úrovní záruky, kterou přihlášení poskytlo.',
  'stats.citizens.detail': 'Přihlášení občanů po dnech, podle způsobu přihlášení a úrovně záruky',
  'stats.citizens.none': 'V tomto období se ze stránek této organizace nepřihlásil žádný občan.',
  'stats.citizens.email': 'Kód z e-mailu',
  'stats.col.citizen_sign_ins': 'Přihlášení',
  'stats.col.new_accounts': 'Nové účty',
  'stats.col.provider': 'Způsob přihlášení',
  'stats.col.level': 'Úroveň záruky',
  'stats.citizens.loa.low': 'nízká',
  'stats.citizens.loa.substantial': 'značná',
  'stats.citizens.loa.high': 'vysoká',
};

export const statsCitizensMessages: Record<
  'sl' | 'cs' | 'en',
  Record<StatsCitizensMessageKey, string>
> = { en, sl, cs };

/**
 * Texts of the API tokens (src/integrations) and their audit entries. Each language has exactly
 * the English keys. Slovenian says "žeton API" and "preklic", Czech "API token" and
 * "zneplatnění": why, in decision 037.
 */
const en = {
  'integrations.title': 'API tokens',
  'integrations.intro':
    "An API token lets one of your organisation's systems, such as your filing system, use Okence's API for the organisation: for example to collect submitted forms. Give each system its own token, and revoke a token as soon as its system no longer needs it.",
  'integrations.api_doc': 'The API is described at',
  'integrations.new': 'Create a token',
  'integrations.field.name': 'Name',
  'integrations.hint.name': 'Which system uses it, for example “GINIS intake”.',
  'integrations.field.scopes': 'Permissions',
  'integrations.scope.submissions:read': 'Read submissions (collect submitted forms)',
  'integrations.scope.statements:write': 'Import bank statements (match payments of fees)',
  'integrations.scopes_growing':
    'More permissions will come as the API grows; a token has only those chosen here.',
  'integrations.create_submit': 'Create the token',
  'integrations.error.name': 'Enter a name of 1 to 80 characters.',
  'integrations.error.scopes': 'Choose at least one permission.',
  'integrations.created.title': 'Your new API token',
  'integrations.created.once':
    'Copy the token now and store it in the system that will use it. It will not be shown again: Okence keeps only a fingerprint of it. If it is lost, revoke it and create a new one.',
  'integrations.created.label': 'Token “{name}”',
  'integrations.created.use':
    'The system sends it with every call, in the header “Authorization: Bearer” followed by the token.',
  'integrations.list.title': "The organisation's tokens",
  'integrations.list.empty': 'There are no tokens yet.',
  'integrations.col.created': 'Created',
  'integrations.col.last_used': 'Last used',
  'integrations.col.state': 'State',
  'integrations.by': '{when} by {name}',
  'integrations.never': 'Never',
  'integrations.active': 'Active',
  'integrations.revoked_state': 'Revoked {when} by {name}',
  'integrations.revoke': 'Revoke',
  'integrations.revoke.title': 'Revoke the token “{name}”?',
  'integrations.revoke.text':
    'A system calling with this token will be refused from this moment on. A revoked token cannot be used again: to let the system back in, create a new token.',
  'integrations.revoke.confirm': 'Revoke the token',
  'integrations.revoke.cancel': 'Back without revoking',
  'integrations.revoked': 'The token has been revoked.',
  'integrations.back': 'Back to the API tokens',
  'audit.action.api_token.created': 'API token created',
  'audit.action.api_token.revoked': 'API token revoked',
  'audit.type.api_token': 'API token',
  // The admin home's card for these pages (src/tenants/views/admin.ts).
  'tenants.admin.integrations_title': 'API tokens',
  'tenants.admin.integrations': 'Access to the API for your filing system and other systems.',
};

export type IntegrationsMessageKey = keyof typeof en;

const sl: Record<IntegrationsMessageKey, string> = {
  'integrations.title': 'Žetoni API',
  'integrations.intro':
    'Z žetonom API lahko sistem vaše organizacije, na primer dokumentni sistem, uporablja API Okenca v imenu organizacije: tako na primer prevzema oddane vloge. Vsakemu sistemu dajte svoj žeton in žeton prekličite, takoj ko ga sistem ne potrebuje več.',
  'integrations.api_doc': 'API je opisan na naslovu',
  'integrations.new': 'Ustvari žeton',
  'integrations.field.name': 'Ime',
  'integrations.hint.name': 'Kateri sistem ga uporablja, na primer „GINIS – sprejem vlog“.',
  'integrations.field.scopes': 'Dovoljenja',
  'integrations.scope.submissions:read': 'Branje vlog (prevzem oddanih obrazcev)',
  'integrations.scope.statements:write': 'Uvoz bančnih izpiskov (povezovanje plačil pristojbin)',
  'integrations.scopes_growing':
    'Z razvojem API-ja bo dovoljenj več; žeton ima le tista, ki jih izberete tukaj.',
  'integrations.create_submit': 'Ustvari žeton',
  'integrations.error.name': 'Vpišite ime, dolgo od 1 do 80 znakov.',
  'integrations.error.scopes': 'Izberite vsaj eno dovoljenje.',
  'integrations.created.title': 'Vaš novi žeton API',
  'integrations.created.once':
    'Žeton kopirajte zdaj in ga shranite v sistem, ki ga bo uporabljal. Znova ne bo prikazan: Okence hrani le njegov prstni odtis. Če se izgubi, ga prekličite in ustvarite novega.',
  'integrations.created.label': 'Žeton „{name}“',
  'integrations.created.use':
    'Sistem ga pošlje ob vsakem klicu v glavi „Authorization: Bearer“, ki ji sledi žeton.',
  'integrations.list.title': 'Žetoni organizacije',
  'integrations.list.empty': 'Žetonov še ni.',
  'integrations.col.created': 'Ustvarjen',
  'integrations.col.last_used': 'Zadnja uporaba',
  'integrations.col.state': 'Stanje',
  'integrations.by': '{when} ({name})',
  'integrations.never': 'Še nikoli',
  'integrations.active': 'Veljaven',
  'integrations.revoked_state': 'Preklican {when} ({name})',
  'integrations.revoke': 'Prekliči',
  'integrations.revoke.title': 'Želite preklicati žeton „{name}“?',
  'integrations.revoke.text':
    'Sistem, ki kliče s tem žetonom, bo od tega trenutka zavrnjen. Preklicanega žetona ni mogoče znova uporabiti: če želite sistemu spet omogočiti dostop, ustvarite nov žeton.',
  'integrations.revoke.confirm': 'Prekliči žeton',
  'integrations.revoke.cancel': 'Nazaj brez preklica',
  'integrations.revoked': 'Žeton je preklican.',
  'integrations.back': 'Nazaj na žetone API',
  'audit.action.api_token.created': 'Žeton API ustvarjen',
  'audit.action.api_token.revoked': 'Žeton API preklican',
  'audit.type.api_token': 'Žeton API',
  // The admin home's card for these pages (src/tenants/views/admin.ts).
  'tenants.admin.integrations_title': 'Žetoni API',
  'tenants.admin.integrations': 'Dostop do API-ja za dokumentni sistem in druge sisteme.',
};

const cs: Record<IntegrationsMessageKey, string> = {
  'integrations.title': 'API tokeny',
  'integrations.intro':
    'API token umožňuje systému vaší organizace, například spisové službě, používat API Okence za organizaci: třeba vyzvedávat odeslaná podání. Každému systému dejte vlastní token a token zneplatněte, jakmile ho systém už nepotřebuje.',
  'integrations.api_doc': 'API je popsáno na adrese',
  'integrations.new': 'Vytvořit token',
  'integrations.field.name': 'Název',
  'integrations.hint.name': 'Který systém ho používá, například „GINIS – příjem podání“.',
  'integrations.field.scopes': 'Oprávnění',
  'integrations.scope.submissions:read': 'Čtení podání (vyzvedávání odeslaných formulářů)',
  'integrations.scope.statements:write': 'Nahrávání bankovních výpisů (párování plateb poplatků)',
  'integrations.scopes_growing':
    'S rozvojem API přibudou další oprávnění; token má jen ta, která zde zvolíte.',
  'integrations.create_submit': 'Vytvořit token',
  'integrations.error.name': 'Zadejte název o délce 1 až 80 znaků.',
  'integrations.error.scopes': 'Zvolte alespoň jedno oprávnění.',
  'integrations.created.title': 'Váš nový API token',
  'integrations.created.once':
    'Token si nyní zkopírujte a uložte do systému, který ho bude používat. Znovu už zobrazen nebude: Okence uchovává jen jeho otisk. Pokud se ztratí, zneplatněte ho a vytvořte nový.',
  'integrations.created.label': 'Token „{name}“',
  'integrations.created.use':
    'Systém ho posílá při každém volání v hlavičce „Authorization: Bearer“, za kterou následuje token.',
  'integrations.list.title': 'Tokeny organizace',
  'integrations.list.empty': 'Zatím tu nejsou žádné tokeny.',
  'integrations.col.created': 'Vytvořen',
  'integrations.col.last_used': 'Naposledy použit',
  'integrations.col.state': 'Stav',
  'integrations.by': '{when} ({name})',
  'integrations.never': 'Zatím nikdy',
  'integrations.active': 'Platný',
  'integrations.revoked_state': 'Zneplatněn {when} ({name})',
  'integrations.revoke': 'Zneplatnit',
  'integrations.revoke.title': 'Zneplatnit token „{name}“?',
  'integrations.revoke.text':
    'Systém, který volá s tímto tokenem, bude od této chvíle odmítnut. Zneplatněný token už nelze znovu použít: chcete-li systému přístup vrátit, vytvořte nový token.',
  'integrations.revoke.confirm': 'Zneplatnit token',
  'integrations.revoke.cancel': 'Zpět bez zneplatnění',
  'integrations.revoked': 'Token byl zneplatněn.',
  'integrations.back': 'Zpět na API tokeny',
  'audit.action.api_token.created': 'API token vytvořen',
  'audit.action.api_token.revoked': 'API token zneplatněn',
  'audit.type.api_token': 'API token',
  // The admin home's card for these pages (src/tenants/views/admin.ts).
  'tenants.admin.integrations_title': 'API tokeny',
  'tenants.admin.integrations': 'Přístup k API pro spisovou službu a další systémy.',
};

export const integrationsMessages: Record<
  'sl' | 'cs' | 'en',
  Record<IntegrationsMessageKey, string>
> = { en, sl, cs };

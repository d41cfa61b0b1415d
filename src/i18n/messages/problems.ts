/**
 * The pages that explain the API's problem types (`/problems/{code}`, decision 021) and the
 * API's own field messages. Written for the developer of a client, in each language.
 */
const en = {
  // The API's own title and detail per code (the HTML error pages keep theirs: "Page not found" is no answer for an API).
  'problem.invalid_input.title': 'Invalid request',
  'problem.invalid_input.detail':
    'A path or query parameter or the JSON body does not have the required form.',
  'problem.unauthenticated.title': 'Authentication required',
  'problem.unauthenticated.detail':
    'The operation needs valid credentials, and the request carried none.',
  'problem.forbidden.title': 'Not permitted',
  'problem.forbidden.detail': 'The caller is known but may not do this with this object.',
  'problem.csrf.title': 'Form security token missing',
  'problem.csrf.detail':
    'A web form was sent without a valid security token. The API does not use these tokens.',
  'problem.not_found.title': 'Not found',
  'problem.not_found.detail':
    'Nothing exists at this address: there is no such operation, organisation, office, service, hold or booking.',
  'problem.conflict.title': 'Conflict with the current state',
  'problem.conflict.detail':
    'The state has moved on: the time was just taken, or the hold has expired or is already confirmed.',
  'problem.no_longer_possible.title': 'No longer possible',
  'problem.no_longer_possible.detail':
    'The appointment has been cancelled, has started or is over, so it can no longer be changed.',
  'problem.gone.title': 'No longer available',
  'problem.gone.detail': 'It existed, but it has expired or was withdrawn.',
  'problem.unprocessable.title': 'Request could not be carried out',
  'problem.unprocessable.detail':
    'The request has the right form but could not be carried out, for example because the confirmation code is wrong.',
  'problem.time_not_bookable.title': 'Time not bookable',
  'problem.time_not_bookable.detail':
    'The start is not one of the times offered; "nearestFreeTimes" lists the nearest free ones.',
  'problem.payload_too_large.title': 'Request body too large',
  'problem.payload_too_large.detail': 'The request body is larger than allowed.',
  'problem.unsupported_media_type.title': 'Unsupported media type',
  'problem.unsupported_media_type.detail':
    'Every call other than GET must be sent with Content-Type: application/json.',
  'problem.method_not_allowed.title': 'Method not allowed',
  'problem.method_not_allowed.detail':
    'The address exists but does not take this HTTP method; the Allow header lists those it takes.',
  'problem.rate_limited.title': 'Too many requests',
  'problem.rate_limited.detail':
    'Too many requests or wrong codes in a short time. The Retry-After header says how long to wait.',
  'problem.internal.title': 'Internal server error',
  'problem.internal.detail':
    'An error on the server; nothing in the request caused it. Try again later.',
  'problem.page.index_title': 'Problem types of the API',
  'problem.page.index_intro':
    'Errors of the Okence API are RFC 9457 problem documents. Their "type" member is the address of one of these pages; their "code" member is the code named here, for a program to act on.',
  'problem.page.facts': 'Problem type of the Okence API: code {code}, HTTP status {status}.',
  'problem.page.what': 'What it means',
  'problem.page.todo': 'What to do',
  'problem.page.all': 'All problem types',
  'problem.invalid_input.what':
    'The request was refused before anything was done: a path parameter, a query parameter or the JSON body does not have the required form. The "errors" member lists each field (for example body.email) with a code and a message.',
  'problem.invalid_input.todo':
    'Correct the fields named in "errors" and send the request again. Sent unchanged, it will get the same answer.',
  'problem.unauthenticated.what':
    'The operation is for signed-in staff or needs a token, and the request carried no valid one.',
  'problem.unauthenticated.todo': 'Sign in, or send a valid token of a staff account.',
  'problem.forbidden.what': 'It is known who is asking, but they may not do this with this object.',
  'problem.forbidden.todo':
    'Do not retry. If you need access, ask the administrator of the organisation.',
  'problem.csrf.what':
    'A form of the web pages was sent without a valid security token, for example when an old page is sent again. The API does not use these tokens.',
  'problem.csrf.todo': 'Reload the page and send the form again.',
  'problem.not_found.what':
    'There is nothing at this address: the organisation, office, service, hold or booking does not exist, or the link is not complete.',
  'problem.not_found.todo':
    'Check the identifiers in the path. The token of a manage link is valid only exactly as it was sent in the email.',
  'problem.conflict.what':
    'Someone changed the same thing at the same moment, or its state no longer allows the step: the time was just taken, or the hold has expired or is already confirmed.',
  'problem.conflict.todo':
    'Read the current state again (for example the free times) and decide anew. Another free time usually succeeds.',
  'problem.no_longer_possible.what':
    'The appointment has been cancelled, has started or is over, so it can no longer be changed.',
  'problem.no_longer_possible.todo':
    'Do not retry: the answer will not change. The citizen can contact the office.',
  'problem.gone.what': 'What was asked for existed, but it has expired or was cancelled.',
  'problem.gone.todo': 'Do not retry; start again, for example with a new hold.',
  'problem.unprocessable.what':
    'The request had the right form but could not be carried out, for example because the confirmation code is not right. The "errors" member names the field; "attemptsLeft" says how many more codes are taken.',
  'problem.unprocessable.todo':
    'Ask for the right value (the code from the latest email) and send it again. After too many wrong codes the hold is locked.',
  'problem.time_not_bookable.what':
    'The start asked for is not one of the times offered: outside the office hours, between two times, on a day the office does not receive, too soon or too far ahead. The "nearestFreeTimes" member lists the free times nearest to it.',
  'problem.time_not_bookable.todo':
    'Offer one of "nearestFreeTimes" or of the free times from the availability operation. The same start will never be bookable.',
  'problem.payload_too_large.what': 'The request body is larger than allowed.',
  'problem.payload_too_large.todo': 'Send less: a shorter text or a smaller file.',
  'problem.unsupported_media_type.what':
    'The request was not sent as JSON. Every call of the API other than GET must say Content-Type: application/json, also without a body.',
  'problem.unsupported_media_type.todo': 'Send the header Content-Type: application/json.',
  'problem.method_not_allowed.what':
    "The address is one of the API's, but it was called with another HTTP method, for example DELETE where only GET exists. The Allow header lists the methods the address takes.",
  'problem.method_not_allowed.todo':
    'Use one of the methods in the Allow header, as the API document describes the operation. Sent unchanged, the request will get the same answer.',
  'problem.rate_limited.what':
    'Too many requests came in a short time from this address, for this hold or for this email address.',
  'problem.rate_limited.todo':
    'Wait as long as the Retry-After header says (a minute when it is missing), then try again. Too many wrong codes lock a hold for good.',
  'problem.internal.what':
    'An error on the side of the server; nothing in the request caused it. The "detail" member ends with a reference for support.',
  'problem.internal.todo':
    'Try again in a moment. If it keeps happening, give the reference to whoever runs this installation.',
  'api.error.invalid_json': 'The body is not JSON this API can read.',
};

export type ProblemMessageKey = keyof typeof en;

const sl: Record<ProblemMessageKey, string> = {
  'problem.invalid_input.title': 'Neveljavna zahteva',
  'problem.invalid_input.detail':
    'Parameter v poti ali poizvedbi ali telo JSON nima zahtevane oblike.',
  'problem.unauthenticated.title': 'Potrebno je preverjanje pristnosti',
  'problem.unauthenticated.detail':
    'Operacija zahteva veljavne poverilnice, zahteva pa jih ni vsebovala.',
  'problem.forbidden.title': 'Ni dovoljeno',
  'problem.forbidden.detail':
    'Znano je, kdo pošilja zahtevo, vendar tega s tem objektom ne sme storiti.',
  'problem.csrf.title': 'Manjka varnostni žeton obrazca',
  'problem.csrf.detail':
    'Spletni obrazec je bil poslan brez veljavnega varnostnega žetona. API teh žetonov ne uporablja.',
  'problem.not_found.title': 'Ni najdeno',
  'problem.not_found.detail':
    'Na tem naslovu ni ničesar: take operacije, organizacije, urada, storitve, začasne rezervacije ali termina ni.',
  'problem.conflict.title': 'Navzkrižje s trenutnim stanjem',
  'problem.conflict.detail':
    'Stanje se je medtem spremenilo: termin je bil pravkar zaseden ali pa je začasna rezervacija potekla oziroma je že potrjena.',
  'problem.no_longer_possible.title': 'Ni več mogoče',
  'problem.no_longer_possible.detail':
    'Termin je bil preklican, se je že začel ali je končan, zato ga ni več mogoče spremeniti.',
  'problem.gone.title': 'Ni več na voljo',
  'problem.gone.detail': 'Zahtevano je obstajalo, vendar je poteklo ali bilo umaknjeno.',
  'problem.unprocessable.title': 'Zahteve ni mogoče izvesti',
  'problem.unprocessable.detail':
    'Zahteva je prave oblike, vendar je ni bilo mogoče izvesti, na primer zaradi napačne kode za potrditev.',
  'problem.time_not_bookable.title': 'Termina ni mogoče rezervirati',
  'problem.time_not_bookable.detail':
    'Zahtevani začetek ni med ponujenimi termini; člen „nearestFreeTimes“ navaja najbližje proste.',
  'problem.payload_too_large.title': 'Telo zahteve je preveliko',
  'problem.payload_too_large.detail': 'Telo zahteve je večje, kot je dovoljeno.',
  'problem.unsupported_media_type.title': 'Nepodprta vrsta vsebine',
  'problem.unsupported_media_type.detail':
    'Vsak klic razen GET mora biti poslan z glavo Content-Type: application/json.',
  'problem.method_not_allowed.title': 'Metoda ni dovoljena',
  'problem.method_not_allowed.detail':
    'Naslov obstaja, vendar ne sprejema te metode HTTP; glava Allow navaja tiste, ki jih sprejema.',
  'problem.rate_limited.title': 'Preveč zahtev',
  'problem.rate_limited.detail':
    'V kratkem času je prišlo preveč zahtev ali napačnih kod. Glava Retry-After navaja, koliko je treba počakati.',
  'problem.internal.title': 'Notranja napaka strežnika',
  'problem.internal.detail':
    'Napaka na strežniku; ni je povzročilo nič v zahtevi. Poskusite znova pozneje.',
  'problem.page.index_title': 'Vrste težav v API-ju',
  'problem.page.index_intro':
    'Napake API-ja Okence so dokumenti o težavah po RFC 9457. Njihov člen „type“ je naslov ene od teh strani, člen „code“ pa tu navedena koda, po kateri se lahko ravna program.',
  'problem.page.facts': 'Vrsta težave v API-ju Okence: koda {code}, status HTTP {status}.',
  'problem.page.what': 'Kaj pomeni',
  'problem.page.todo': 'Kaj storiti',
  'problem.page.all': 'Vse vrste težav',
  'problem.invalid_input.what':
    'Zahteva je bila zavrnjena, preden se je karkoli zgodilo: parameter v poti, parameter poizvedbe ali telo JSON nima zahtevane oblike. Člen „errors“ navaja vsako polje (na primer body.email) s kodo in sporočilom.',
  'problem.invalid_input.todo':
    'Popravite polja, navedena v „errors“, in zahtevo pošljite znova. Nespremenjena bo dobila enak odgovor.',
  'problem.unauthenticated.what':
    'Operacija je namenjena prijavljenim uslužbencem ali zahteva žeton, zahteva pa ni vsebovala veljavnega.',
  'problem.unauthenticated.todo': 'Prijavite se ali pošljite veljaven žeton uslužbenskega računa.',
  'problem.forbidden.what': 'Znano je, kdo sprašuje, vendar tega s tem objektom ne sme storiti.',
  'problem.forbidden.todo':
    'Ne poskušajte znova. Če dostop potrebujete, zanj zaprosite skrbnika organizacije.',
  'problem.csrf.what':
    'Obrazec spletnih strani je bil poslan brez veljavnega varnostnega žetona, na primer ko je stara stran poslana še enkrat. API teh žetonov ne uporablja.',
  'problem.csrf.todo': 'Znova naložite stran in obrazec pošljite še enkrat.',
  'problem.not_found.what':
    'Na tem naslovu ni ničesar: organizacija, urad, storitev, začasna rezervacija ali termin ne obstaja ali pa povezava ni cela.',
  'problem.not_found.todo':
    'Preverite identifikatorje v poti. Žeton povezave za upravljanje termina velja le natanko tak, kot je bil poslan v e-poštnem sporočilu.',
  'problem.conflict.what':
    'Nekdo je v istem trenutku spremenil isto stvar ali pa njeno stanje koraka ne dopušča več: termin je bil pravkar zaseden ali pa je začasna rezervacija potekla oziroma je že potrjena.',
  'problem.conflict.todo':
    'Znova preberite trenutno stanje (na primer proste termine) in se odločite na novo. Z drugim prostim terminom praviloma uspe.',
  'problem.no_longer_possible.what':
    'Termin je bil preklican, se je že začel ali je končan, zato ga ni več mogoče spremeniti.',
  'problem.no_longer_possible.todo':
    'Ne poskušajte znova, odgovor se ne bo spremenil. Stranka se lahko obrne na urad.',
  'problem.gone.what': 'Zahtevano je obstajalo, vendar je poteklo ali bilo preklicano.',
  'problem.gone.todo':
    'Ne poskušajte znova; začnite od začetka, na primer z novo začasno rezervacijo.',
  'problem.unprocessable.what':
    'Zahteva je bila prave oblike, a je ni bilo mogoče izvesti, na primer ker koda za potrditev ni pravilna. Člen „errors“ navaja polje, „attemptsLeft“ pa, koliko kod še sprejmemo.',
  'problem.unprocessable.todo':
    'Pridobite pravo vrednost (kodo iz zadnjega e-poštnega sporočila) in jo pošljite znova. Po preveč napačnih kodah se začasna rezervacija zaklene.',
  'problem.time_not_bookable.what':
    'Zahtevani začetek ni med ponujenimi termini: je zunaj uradnih ur, med dvema terminoma, na dan, ko urad ne sprejema strank, prekmalu ali predaleč vnaprej. Člen „nearestFreeTimes“ navaja njemu najbližje proste termine.',
  'problem.time_not_bookable.todo':
    'Ponudite enega od „nearestFreeTimes“ ali prostih terminov iz operacije razpoložljivosti. Isti začetek ne bo nikoli na voljo.',
  'problem.payload_too_large.what': 'Telo zahteve je večje, kot je dovoljeno.',
  'problem.payload_too_large.todo': 'Pošljite manj: krajše besedilo ali manjšo datoteko.',
  'problem.unsupported_media_type.what':
    'Zahteva ni bila poslana kot JSON. Vsak klic API-ja razen GET mora navesti Content-Type: application/json, tudi kadar nima telesa.',
  'problem.unsupported_media_type.todo': 'Pošljite glavo Content-Type: application/json.',
  'problem.method_not_allowed.what':
    'Naslov je eden od naslovov API-ja, vendar je bil klican z drugo metodo HTTP, na primer DELETE, kjer obstaja le GET. Glava Allow navaja metode, ki jih naslov sprejema.',
  'problem.method_not_allowed.todo':
    'Uporabite eno od metod iz glave Allow, kot operacijo opisuje dokument API-ja. Nespremenjena zahteva bo dobila enak odgovor.',
  'problem.rate_limited.what':
    'V kratkem času je prišlo preveč zahtev s tega naslova, za to začasno rezervacijo ali za ta e-poštni naslov.',
  'problem.rate_limited.todo':
    'Počakajte, kolikor navaja glava Retry-After (če je ni, eno minuto), in poskusite znova. Preveč napačnih kod začasno rezervacijo zaklene dokončno.',
  'problem.internal.what':
    'Napaka na strani strežnika; ni je povzročilo nič v zahtevi. Člen „detail“ se konča s sklicem za podporo.',
  'problem.internal.todo':
    'Čez trenutek poskusite znova. Če se napaka ponavlja, sklic sporočite upravljavcu te namestitve.',
  'api.error.invalid_json': 'Telesa ni mogoče prebrati kot JSON.',
};

const cs: Record<ProblemMessageKey, string> = {
  'problem.invalid_input.title': 'Neplatný požadavek',
  'problem.invalid_input.detail':
    'Parametr v cestě nebo v dotazu nebo tělo JSON nemá požadovaný tvar.',
  'problem.unauthenticated.title': 'Vyžaduje se ověření',
  'problem.unauthenticated.detail':
    'Operace vyžaduje platné přihlašovací údaje a požadavek žádné neobsahoval.',
  'problem.forbidden.title': 'Přístup odepřen',
  'problem.forbidden.detail':
    'Je známo, kdo požadavek posílá, ale s tímto objektem to dělat nesmí.',
  'problem.csrf.title': 'Chybí bezpečnostní token formuláře',
  'problem.csrf.detail':
    'Webový formulář byl odeslán bez platného bezpečnostního tokenu. API tyto tokeny nepoužívá.',
  'problem.not_found.title': 'Nenalezeno',
  'problem.not_found.detail':
    'Na této adrese nic není: taková operace, organizace, pracoviště, služba, dočasná rezervace ani termín neexistuje.',
  'problem.conflict.title': 'Konflikt s aktuálním stavem',
  'problem.conflict.detail':
    'Stav se mezitím změnil: termín byl právě obsazen, nebo dočasná rezervace vypršela či už je potvrzená.',
  'problem.no_longer_possible.title': 'Již není možné',
  'problem.no_longer_possible.detail':
    'Termín byl zrušen, už začal nebo skončil, a proto ho již nelze změnit.',
  'problem.gone.title': 'Již není k dispozici',
  'problem.gone.detail': 'Požadovaná věc existovala, ale vypršela nebo byla stažena.',
  'problem.unprocessable.title': 'Požadavek nelze provést',
  'problem.unprocessable.detail':
    'Požadavek má správný tvar, ale nebylo možné jej provést, například kvůli chybnému potvrzovacímu kódu.',
  'problem.time_not_bookable.title': 'Termín nelze rezervovat',
  'problem.time_not_bookable.detail':
    'Požadovaný začátek nepatří mezi nabízené termíny; člen „nearestFreeTimes“ uvádí nejbližší volné.',
  'problem.payload_too_large.title': 'Tělo požadavku je příliš velké',
  'problem.payload_too_large.detail': 'Tělo požadavku je větší, než je povoleno.',
  'problem.unsupported_media_type.title': 'Nepodporovaný typ obsahu',
  'problem.unsupported_media_type.detail':
    'Každé volání kromě GET musí být odesláno s hlavičkou Content-Type: application/json.',
  'problem.method_not_allowed.title': 'Metoda není povolena',
  'problem.method_not_allowed.detail':
    'Adresa existuje, ale tuto metodu HTTP nepřijímá; hlavička Allow uvádí ty, které přijímá.',
  'problem.rate_limited.title': 'Příliš mnoho požadavků',
  'problem.rate_limited.detail':
    'Za krátkou dobu přišlo příliš mnoho požadavků nebo chybných kódů. Jak dlouho počkat, uvádí hlavička Retry-After.',
  'problem.internal.title': 'Interní chyba serveru',
  'problem.internal.detail':
    'Chyba na straně serveru; nic v požadavku ji nezpůsobilo. Zkuste to později znovu.',
  'problem.page.index_title': 'Typy problémů v API',
  'problem.page.index_intro':
    'Chyby API Okence jsou dokumenty o problémech podle RFC 9457. Jejich člen „type“ je adresou jedné z těchto stránek a člen „code“ je zde uvedený kód, podle kterého se může řídit program.',
  'problem.page.facts': 'Typ problému v API Okence: kód {code}, stavový kód HTTP {status}.',
  'problem.page.what': 'Co to znamená',
  'problem.page.todo': 'Co dělat',
  'problem.page.all': 'Všechny typy problémů',
  'problem.invalid_input.what':
    'Požadavek byl odmítnut dřív, než se cokoli stalo: parametr v cestě, parametr dotazu nebo tělo JSON nemá požadovaný tvar. Člen „errors“ uvádí každé pole (například body.email) s kódem a zprávou.',
  'problem.invalid_input.todo':
    'Opravte pole uvedená v „errors“ a požadavek odešlete znovu. Beze změny dostane stejnou odpověď.',
  'problem.unauthenticated.what':
    'Operace je určena přihlášeným zaměstnancům nebo vyžaduje token a požadavek žádný platný neobsahoval.',
  'problem.unauthenticated.todo': 'Přihlaste se, nebo pošlete platný token účtu zaměstnance.',
  'problem.forbidden.what': 'Je známo, kdo se ptá, ale s tímto objektem to dělat nesmí.',
  'problem.forbidden.todo':
    'Nezkoušejte to znovu. Potřebujete-li přístup, požádejte o něj správce organizace.',
  'problem.csrf.what':
    'Formulář webových stránek byl odeslán bez platného bezpečnostního tokenu, například když se znovu odešle stará stránka. API tyto tokeny nepoužívá.',
  'problem.csrf.todo': 'Načtěte stránku znovu a formulář odešlete ještě jednou.',
  'problem.not_found.what':
    'Na této adrese nic není: organizace, pracoviště, služba, dočasná rezervace nebo termín neexistuje, nebo odkaz není celý.',
  'problem.not_found.todo':
    'Zkontrolujte identifikátory v cestě. Token odkazu pro správu termínu platí jen přesně tak, jak byl zaslán e-mailem.',
  'problem.conflict.what':
    'Někdo ve stejné chvíli změnil totéž, nebo stav už tento krok nedovoluje: termín byl právě obsazen, nebo dočasná rezervace vypršela či už je potvrzená.',
  'problem.conflict.todo':
    'Znovu načtěte aktuální stav (například volné termíny) a rozhodněte se znovu. S jiným volným termínem to zpravidla vyjde.',
  'problem.no_longer_possible.what':
    'Termín byl zrušen, už začal nebo skončil, a proto ho již nelze změnit.',
  'problem.no_longer_possible.todo':
    'Nezkoušejte to znovu, odpověď se nezmění. Občan se může obrátit na úřad.',
  'problem.gone.what': 'Požadovaná věc existovala, ale vypršela nebo byla zrušena.',
  'problem.gone.todo':
    'Nezkoušejte to znovu; začněte od začátku, například novou dočasnou rezervací.',
  'problem.unprocessable.what':
    'Požadavek měl správný tvar, ale nebylo možné jej provést, například protože potvrzovací kód není správný. Člen „errors“ uvádí pole a „attemptsLeft“, kolik kódů ještě přijmeme.',
  'problem.unprocessable.todo':
    'Zjistěte správnou hodnotu (kód z posledního e-mailu) a odešlete ji znovu. Po příliš mnoha chybných kódech se dočasná rezervace zablokuje.',
  'problem.time_not_bookable.what':
    'Požadovaný začátek nepatří mezi nabízené termíny: je mimo úřední hodiny, mezi dvěma termíny, v den, kdy pracoviště nepřijímá, příliš brzy nebo příliš daleko dopředu. Člen „nearestFreeTimes“ uvádí volné termíny, které jsou mu nejblíže.',
  'problem.time_not_bookable.todo':
    'Nabídněte některý z „nearestFreeTimes“ nebo z volných termínů operace dostupnosti. Stejný začátek nebude možné rezervovat nikdy.',
  'problem.payload_too_large.what': 'Tělo požadavku je větší, než je povoleno.',
  'problem.payload_too_large.todo': 'Pošlete méně: kratší text nebo menší soubor.',
  'problem.unsupported_media_type.what':
    'Požadavek nebyl odeslán jako JSON. Každé volání API kromě GET musí uvést Content-Type: application/json, i když nemá tělo.',
  'problem.unsupported_media_type.todo': 'Pošlete hlavičku Content-Type: application/json.',
  'problem.method_not_allowed.what':
    'Adresa patří k API, ale byla volána jinou metodou HTTP, například DELETE tam, kde existuje jen GET. Hlavička Allow uvádí metody, které adresa přijímá.',
  'problem.method_not_allowed.todo':
    'Použijte některou z metod v hlavičce Allow, jak operaci popisuje dokument API. Beze změny dostane požadavek stejnou odpověď.',
  'problem.rate_limited.what':
    'Za krátkou dobu přišlo příliš mnoho požadavků z této adresy, pro tuto dočasnou rezervaci nebo pro tuto e-mailovou adresu.',
  'problem.rate_limited.todo':
    'Počkejte tak dlouho, jak uvádí hlavička Retry-After (když chybí, minutu), a zkuste to znovu. Příliš mnoho chybných kódů dočasnou rezervaci zablokuje natrvalo.',
  'problem.internal.what':
    'Chyba na straně serveru; nic v požadavku ji nezpůsobilo. Člen „detail“ končí identifikátorem požadavku pro podporu.',
  'problem.internal.todo':
    'Zkuste to za chvíli znovu. Pokud se to opakuje, sdělte tento identifikátor provozovateli této instalace.',
  'api.error.invalid_json': 'Tělo nelze přečíst jako JSON.',
};

export const problemMessages: Record<'sl' | 'cs' | 'en', Record<ProblemMessageKey, string>> = {
  en,
  sl,
  cs,
};

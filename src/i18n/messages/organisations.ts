/** Texts of organisations from the operator's side: the console's pages, the import's problems, and what a suspended organisation's pages say. Each language has exactly the English keys. */
const en = {
  'error.organisation_suspended.title': 'This online counter is suspended',
  'error.organisation_suspended.detail':
    'The organisation’s online counter is suspended for now: you cannot book, change or join appointments here. Appointments already booked are kept. Please contact the organisation by phone or email, or come back later.',
  'problem.organisation_suspended.title': 'Organisation suspended',
  'problem.organisation_suspended.detail':
    'The organisation’s online counter is suspended: it takes no bookings, and its appointments cannot be changed or joined for now. Its bookings are kept.',
  'problem.organisation_suspended.what':
    'The operator of this installation has suspended the organisation’s online counter for now. Nothing was removed: its bookings are kept, but it takes no new ones, and its appointments cannot be changed or joined until it is resumed.',
  'problem.organisation_suspended.todo':
    'Do not retry at once, and do not offer the organisation in a list of those taking bookings. Tell the citizen to contact the organisation by phone or email; try again later.',
  'staff.sign_in.suspended':
    'Your organisation’s online counter is suspended, so you cannot sign in. Your administrator or the operator of this installation can tell you more.',

  'orgs.error.text': 'Enter this as text.',
  'orgs.error.localized': 'Give this as texts by language, under the keys sl, cs and en.',
  'orgs.error.hours':
    'Enter the hours as 08:00–12:00, 13:00–15:00: ranges in order, not overlapping, or empty for a day off.',
  'orgs.error.boolean': 'Enter true or false.',
  'orgs.error.official_office': 'Name at least one office where this person works.',
  'orgs.error.country': 'Choose the country: SI or CZ.',
  'orgs.error.logo_too_large': 'The logo is too large: at most 48\u00a0KB of SVG.',
  'orgs.error.logo_not_svg': 'The logo must be SVG markup, from <svg> to </svg>.',
  'orgs.error.logo_active_content':
    'The logo contains scripts, event handlers or a DOCTYPE. Save it as a plain SVG image.',
  'orgs.error.logo_outside_reference':
    'The logo refers to files elsewhere (links, images, fonts). Save it with everything inside.',
  'orgs.error.no_offices': 'An organisation needs at least one office.',
  'orgs.error.no_admin': 'An organisation needs at least one admin among its officials.',
  'orgs.error.duplicate_slug': 'This web address (slug) is used twice in the file.',
  'orgs.error.unknown_office': 'There is no office with this slug in the organisation.',
  'orgs.error.unknown_service': 'There is no service with this slug in the organisation.',
  'orgs.error.duplicate_email':
    'This email address is used twice in the file; an address signs in to one account only.',
  'orgs.error.hours_office': 'Hours are given for an office this person does not work at.',
  'orgs.error.empty_file': 'The file holds no organisation.',
  'orgs.error.file_too_large': 'The file is too large: at most 5\u00a0MB.',
  'orgs.error.json_syntax': 'This is not valid JSON (column {column}).',
  'orgs.error.unknown_field': 'Unknown field “{field}”. Check its spelling against docs/import.md.',
  'orgs.error.required': 'This field is required.',
  'orgs.error.type': 'Wrong kind of value here (expected: {expected}).',
  'orgs.error.invalid': 'This value is not valid.',
  'orgs.error.slug_reserved': 'This web address is reserved. Choose another.',
  'orgs.error.slug_exists': 'An organisation with this web address (slug) already exists.',
  'orgs.error.email_exists': 'An account with this email address already exists.',
  'orgs.error.confirm_slug': 'Type the organisation’s web address (slug) exactly, to confirm.',
  'orgs.nav': 'Organisations',
  'orgs.home.lead': 'Create, import, suspend and delete organisations; their usage as counts.',
  'orgs.title': 'Organisations',
  'orgs.none': 'There are no organisations yet. Create the first one, or import a file.',
  'orgs.back': 'Back to the organisations',
  'orgs.new': 'New organisation',
  'orgs.new.organisation': 'The organisation',
  'orgs.new.office': 'Its first office',
  'orgs.new.admin': 'Its first admin',
  'orgs.new.admin_lead':
    'The admin gets an email with a link to set a password, and then adds offices, services and officials.',
  'orgs.new.button': 'Create the organisation and invite its admin',
  'orgs.field.name': 'Name',
  'orgs.field.slug': 'Web address (slug)',
  'orgs.field.slug_hint': 'Part of every link, e.g. ue-domzale. It cannot be changed later.',
  'orgs.field.office_slug_hint': 'Part of booking links, e.g. glavni-urad.',
  'orgs.field.country': 'Country',
  'orgs.field.language': 'Default language',
  'orgs.field.time_zone': 'Time zone',
  'orgs.field.sender_name': 'Email sender name',
  'orgs.field.sender_hint': 'Shown as the sender of mail to citizens. Empty: Okence.',
  'orgs.field.reply_to': 'Reply-to address',
  'orgs.field.logo': 'Logo (SVG)',
  'orgs.field.logo_hint':
    'Paste the SVG markup, at most 48\u00a0KB, without scripts or links to other files. Optional.',
  'orgs.field.office_name': 'Name of the office',
  'orgs.field.street': 'Street and number',
  'orgs.field.postcode': 'Postcode',
  'orgs.field.city': 'Town',
  'orgs.field.admin_name': 'Admin’s name',
  'orgs.field.admin_email': 'Admin’s email address',
  'orgs.field.state': 'State',
  'orgs.field.created': 'Created',
  'orgs.country.SI': 'Slovenia',
  'orgs.country.CZ': 'Czechia',
  'orgs.state.active': 'Active',
  'orgs.state.suspended': 'Suspended',
  'orgs.state.deletion_requested': 'Suspended, to be deleted',
  'orgs.usage.offices': 'Offices',
  'orgs.usage.officials': 'Staff accounts',
  'orgs.usage.appointments': 'Appointments this month',
  'orgs.usage.storage': 'Meeting folders',
  'orgs.actions': 'What you can do',
  'orgs.suspend.lead':
    'Suspending stops the online counter: its pages tell citizens it is suspended, its staff are signed out and cannot sign in, and no reminders go out. Nothing is deleted; appointments stay booked.',
  'orgs.suspend.button': 'Suspend the online counter',
  'orgs.resume.lead':
    'Resuming brings everything back as it was: pages, bookings, sign-in and reminders.',
  'orgs.resume.button': 'Resume the online counter',
  'orgs.delete.title': 'Delete the organisation',
  'orgs.delete.request_lead':
    'The organisation is suspended at once and deleted after a waiting period of 30 days, with all its offices, services, accounts and appointments. Its data is exported first, to a file on the server for the server’s administrator to hand over. You can cancel during the waiting period.',
  'orgs.delete.request_button': 'Ask for the deletion',
  'orgs.delete.confirm_label': 'To confirm, type the web address: {slug}',
  'orgs.delete.pending': 'Deletion asked for: it runs on {when} UTC, unless cancelled before.',
  'orgs.delete.cancel_lead':
    'Cancelling keeps the organisation. It stays suspended until you resume it.',
  'orgs.delete.cancel_button': 'Cancel the deletion',
  'orgs.delete.now_lead':
    'The waiting period is over. The deletion job does this on its own; you can also do it now. The final export is written first.',
  'orgs.delete.now_button': 'Delete now',
  'orgs.done.created': 'The organisation is created and its admin invited by email.',
  'orgs.done.suspended': 'The online counter is suspended.',
  'orgs.done.resumed': 'The online counter works again.',
  'orgs.done.deletion_requested':
    'The deletion is asked for; the organisation is suspended meanwhile.',
  'orgs.done.deletion_cancelled':
    'The deletion is cancelled. The organisation stays suspended until you resume it.',
  'orgs.done.deleted':
    'The organisation is deleted. Its export is on the server under DATA_DIR/exports.',
  'orgs.import.title': 'Import from a file',
  'orgs.import.lead':
    'One JSON file with one or more organisations, each with its offices, services, officials and hours. Either all of it is imported, or nothing. The format, with a complete example, is described in docs/import.md.',
  'orgs.import.file': 'JSON file',
  'orgs.import.file_hint':
    'At most 5\u00a0MB. No passwords: every official gets an invitation by email.',
  'orgs.import.button': 'Check and import',
  'orgs.import.refused':
    '{count, plural, one {The file has # problem} other {The file has # problems}}; nothing was imported.',
  'orgs.import.problems': 'Problems in {file}',
  'orgs.import.line': 'Line',
  'orgs.import.path': 'Where',
  'orgs.import.problem': 'Problem',
  'orgs.import.done':
    '{count, plural, one {# organisation imported} other {# organisations imported}}.',
  'orgs.import.invited': '{count, plural, one {# invitation sent} other {# invitations sent}}',
} as const;

export type OrganisationsMessageKey = keyof typeof en;

const sl: Record<OrganisationsMessageKey, string> = {
  'error.organisation_suspended.title': 'Spletno okence je začasno ustavljeno',
  'error.organisation_suspended.detail':
    'Spletno okence te organizacije je trenutno ustavljeno: tukaj ni mogoče rezervirati, spreminjati terminov ali se jim pridružiti. Že rezervirani termini ostanejo. Obrnite se na organizacijo po telefonu ali e-pošti ali pa se vrnite pozneje.',
  'problem.organisation_suspended.title': 'Organizacija je ustavljena',
  'problem.organisation_suspended.detail':
    'Spletno okence organizacije je ustavljeno: ne sprejema rezervacij, terminov pa zaenkrat ni mogoče spreminjati ali se jim pridružiti. Rezervacije ostanejo.',
  'problem.organisation_suspended.what':
    'Upravljavec te namestitve je spletno okence organizacije začasno ustavil. Nič ni bilo odstranjeno: rezervacije ostanejo, novih pa ne sprejema, termini pa se do ponovnega zagona ne dajo spreminjati in se jim ni mogoče pridružiti.',
  'problem.organisation_suspended.todo':
    'Ne ponavljajte zahteve takoj in organizacije ne ponujajte na seznamu tistih, ki sprejemajo rezervacije. Stranki svetujte, naj se na organizacijo obrne po telefonu ali e-pošti; poskusite znova pozneje.',
  'staff.sign_in.suspended':
    'Spletno okence vaše organizacije je ustavljeno, zato se ne morete prijaviti. Več vam lahko pove vaš skrbnik ali upravljavec te namestitve.',

  'orgs.error.text': 'Vpišite besedilo.',
  'orgs.error.localized': 'Navedite besedila po jezikih, s ključi sl, cs in en.',
  'orgs.error.hours':
    'Vpišite ure v obliki 08:00–12:00, 13:00–15:00: razponi po vrsti, brez prekrivanja, ali prazno za prost dan.',
  'orgs.error.boolean': 'Vpišite true ali false.',
  'orgs.error.official_office': 'Navedite vsaj en urad, v katerem ta oseba dela.',
  'orgs.error.country': 'Izberite državo: SI ali CZ.',
  'orgs.error.logo_too_large': 'Logotip je prevelik: največ 48\u00a0KB zapisa SVG.',
  'orgs.error.logo_not_svg': 'Logotip mora biti zapis SVG, od <svg> do </svg>.',
  'orgs.error.logo_active_content':
    'Logotip vsebuje skripte, obravnavo dogodkov ali DOCTYPE. Shranite ga kot navadno sliko SVG.',
  'orgs.error.logo_outside_reference':
    'Logotip se sklicuje na datoteke drugje (povezave, slike, pisave). Shranite ga tako, da je vse v njem.',
  'orgs.error.no_offices': 'Organizacija potrebuje vsaj en urad.',
  'orgs.error.no_admin': 'Med uslužbenci organizacije mora biti vsaj en skrbnik.',
  'orgs.error.duplicate_slug': 'Ta spletni naslov (slug) je v datoteki uporabljen dvakrat.',
  'orgs.error.unknown_office': 'Organizacija nima urada s tem spletnim naslovom (slugom).',
  'orgs.error.unknown_service': 'Organizacija nima storitve s tem spletnim naslovom (slugom).',
  'orgs.error.duplicate_email':
    'Ta e-poštni naslov je v datoteki uporabljen dvakrat; z enim naslovom se je mogoče prijaviti le v en račun.',
  'orgs.error.hours_office': 'Ure so navedene za urad, v katerem ta oseba ne dela.',
  'orgs.error.empty_file': 'Datoteka ne vsebuje nobene organizacije.',
  'orgs.error.file_too_large': 'Datoteka je prevelika: največ 5\u00a0MB.',
  'orgs.error.json_syntax': 'To ni veljaven JSON (stolpec {column}).',
  'orgs.error.unknown_field': 'Neznano polje „{field}“. Preverite zapis v docs/import.md.',
  'orgs.error.required': 'To polje je obvezno.',
  'orgs.error.type': 'Tu je napačna vrsta vrednosti (pričakovano: {expected}).',
  'orgs.error.invalid': 'Ta vrednost ni veljavna.',
  'orgs.error.slug_reserved': 'Ta spletni naslov je rezerviran. Izberite drugega.',
  'orgs.error.slug_exists': 'Organizacija s tem spletnim naslovom (slugom) že obstaja.',
  'orgs.error.email_exists': 'Račun s tem e-poštnim naslovom že obstaja.',
  'orgs.error.confirm_slug': 'Za potrditev natančno vpišite spletni naslov (slug) organizacije.',
  'orgs.nav': 'Organizacije',
  'orgs.home.lead': 'Ustvarjanje, uvoz, ustavitev in izbris organizacij; njihova raba v številkah.',
  'orgs.title': 'Organizacije',
  'orgs.none': 'Organizacij še ni. Ustvarite prvo ali uvozite datoteko.',
  'orgs.back': 'Nazaj na organizacije',
  'orgs.new': 'Nova organizacija',
  'orgs.new.organisation': 'Organizacija',
  'orgs.new.office': 'Njen prvi urad',
  'orgs.new.admin': 'Njen prvi skrbnik',
  'orgs.new.admin_lead':
    'Skrbnik prejme e-pošto s povezavo za nastavitev gesla, nato pa sam doda urade, storitve in uslužbence.',
  'orgs.new.button': 'Ustvari organizacijo in povabi skrbnika',
  'orgs.field.name': 'Ime',
  'orgs.field.slug': 'Spletni naslov (slug)',
  'orgs.field.slug_hint': 'Del vsake povezave, npr. ue-domzale. Pozneje ga ni mogoče spremeniti.',
  'orgs.field.office_slug_hint': 'Del povezav za rezervacijo, npr. glavni-urad.',
  'orgs.field.country': 'Država',
  'orgs.field.language': 'Privzeti jezik',
  'orgs.field.time_zone': 'Časovni pas',
  'orgs.field.sender_name': 'Ime pošiljatelja e-pošte',
  'orgs.field.sender_hint': 'Prikaže se kot pošiljatelj sporočil strankam. Prazno: Okence.',
  'orgs.field.reply_to': 'Naslov za odgovor',
  'orgs.field.logo': 'Logotip (SVG)',
  'orgs.field.logo_hint':
    'Prilepite zapis SVG, največ 48\u00a0KB, brez skript in povezav na druge datoteke. Neobvezno.',
  'orgs.field.office_name': 'Ime urada',
  'orgs.field.street': 'Ulica in hišna številka',
  'orgs.field.postcode': 'Poštna številka',
  'orgs.field.city': 'Kraj',
  'orgs.field.admin_name': 'Ime in priimek skrbnika',
  'orgs.field.admin_email': 'E-poštni naslov skrbnika',
  'orgs.field.state': 'Stanje',
  'orgs.field.created': 'Ustvarjena',
  'orgs.country.SI': 'Slovenija',
  'orgs.country.CZ': 'Češka',
  'orgs.state.active': 'Deluje',
  'orgs.state.suspended': 'Ustavljena',
  'orgs.state.deletion_requested': 'Ustavljena, čaka na izbris',
  'orgs.usage.offices': 'Uradi',
  'orgs.usage.officials': 'Računi uslužbencev',
  'orgs.usage.appointments': 'Termini ta mesec',
  'orgs.usage.storage': 'Mape sestankov',
  'orgs.actions': 'Kaj lahko storite',
  'orgs.suspend.lead':
    'Ustavitev zapre spletno okence: njegove strani strankam sporočijo, da je ustavljeno, uslužbenci so odjavljeni in se ne morejo prijaviti, opomniki se ne pošiljajo. Nič se ne izbriše; rezervirani termini ostanejo.',
  'orgs.suspend.button': 'Ustavi spletno okence',
  'orgs.resume.lead':
    'Ponoven zagon vrne vse, kot je bilo: strani, rezervacije, prijavo in opomnike.',
  'orgs.resume.button': 'Znova zaženi spletno okence',
  'orgs.delete.title': 'Izbris organizacije',
  'orgs.delete.request_lead':
    'Organizacija se takoj ustavi, po 30 dneh čakanja pa se izbriše z vsemi uradi, storitvami, računi in termini. Njeni podatki se prej izvozijo v datoteko na strežniku, ki jo skrbnik strežnika preda organizaciji. Med čakanjem lahko izbris prekličete.',
  'orgs.delete.request_button': 'Zahtevaj izbris',
  'orgs.delete.confirm_label': 'Za potrditev vpišite spletni naslov: {slug}',
  'orgs.delete.pending': 'Izbris je zahtevan: izvede se {when} UTC, če ga prej ne prekličete.',
  'orgs.delete.cancel_lead':
    'Preklic ohrani organizacijo. Ostane ustavljena, dokler je znova ne zaženete.',
  'orgs.delete.cancel_button': 'Prekliči izbris',
  'orgs.delete.now_lead':
    'Čakalna doba je potekla. Izbris izvede opravilo samodejno, lahko pa ga izvedete tudi zdaj. Najprej se zapiše končni izvoz.',
  'orgs.delete.now_button': 'Izbriši zdaj',
  'orgs.done.created': 'Organizacija je ustvarjena, skrbnik je povabljen po e-pošti.',
  'orgs.done.suspended': 'Spletno okence je ustavljeno.',
  'orgs.done.resumed': 'Spletno okence spet deluje.',
  'orgs.done.deletion_requested': 'Izbris je zahtevan; organizacija je medtem ustavljena.',
  'orgs.done.deletion_cancelled':
    'Izbris je preklican. Organizacija ostane ustavljena, dokler je znova ne zaženete.',
  'orgs.done.deleted': 'Organizacija je izbrisana. Njen izvoz je na strežniku v DATA_DIR/exports.',
  'orgs.import.title': 'Uvoz iz datoteke',
  'orgs.import.lead':
    'Ena datoteka JSON z eno ali več organizacijami, vsaka s svojimi uradi, storitvami, uslužbenci in urami. Uvozi se vse ali nič. Oblika je s popolnim primerom opisana v docs/import.md.',
  'orgs.import.file': 'Datoteka JSON',
  'orgs.import.file_hint':
    'Največ 5\u00a0MB. Brez gesel: vsak uslužbenec prejme povabilo po e-pošti.',
  'orgs.import.button': 'Preveri in uvozi',
  'orgs.import.refused':
    '{count, plural, one {V datoteki je # napaka} two {V datoteki sta # napaki} few {V datoteki so # napake} other {V datoteki je # napak}}; nič ni bilo uvoženo.',
  'orgs.import.problems': 'Napake v datoteki {file}',
  'orgs.import.line': 'Vrstica',
  'orgs.import.path': 'Mesto',
  'orgs.import.problem': 'Napaka',
  'orgs.import.done':
    '{count, plural, one {Uvožena je # organizacija} two {Uvoženi sta # organizaciji} few {Uvožene so # organizacije} other {Uvoženih je # organizacij}}.',
  'orgs.import.invited':
    '{count, plural, one {poslano je # povabilo} two {poslani sta # povabili} few {poslana so # povabila} other {poslanih je # povabil}}',
};

const cs: Record<OrganisationsMessageKey, string> = {
  'error.organisation_suspended.title': 'Tato online přepážka je pozastavena',
  'error.organisation_suspended.detail':
    'Online přepážka této organizace je nyní pozastavena: nelze se zde objednat, měnit termíny ani se k nim připojit. Již objednané termíny zůstávají zachovány. Obraťte se prosím na organizaci telefonicky nebo e-mailem, nebo se vraťte později.',
  'problem.organisation_suspended.title': 'Organizace je pozastavena',
  'problem.organisation_suspended.detail':
    'Online přepážka organizace je pozastavena: nepřijímá objednávky a termíny zatím nelze měnit ani se k nim připojit. Objednávky zůstávají zachovány.',
  'problem.organisation_suspended.what':
    'Provozovatel této instalace online přepážku organizace dočasně pozastavil. Nic nebylo odstraněno: objednávky zůstávají, nové však nepřijímá a termíny nelze do obnovení měnit ani se k nim připojit.',
  'problem.organisation_suspended.todo':
    'Neopakujte požadavek hned a nenabízejte organizaci v seznamu těch, které přijímají objednávky. Poraďte občanovi, ať se na organizaci obrátí telefonicky nebo e-mailem; zkuste to později.',
  'staff.sign_in.suspended':
    'Online přepážka vaší organizace je pozastavena, proto se nemůžete přihlásit. Více vám sdělí váš správce nebo provozovatel této instalace.',

  'orgs.error.text': 'Zadejte text.',
  'orgs.error.localized': 'Uveďte texty podle jazyků, s klíči sl, cs a en.',
  'orgs.error.hours':
    'Zadejte hodiny ve tvaru 08:00–12:00, 13:00–15:00: rozsahy po sobě, bez překrývání, nebo prázdné pro volný den.',
  'orgs.error.boolean': 'Zadejte true nebo false.',
  'orgs.error.official_office': 'Uveďte alespoň jedno pracoviště, kde tato osoba pracuje.',
  'orgs.error.country': 'Zvolte zemi: SI nebo CZ.',
  'orgs.error.logo_too_large': 'Logo je příliš velké: nejvýše 48\u00a0KB zápisu SVG.',
  'orgs.error.logo_not_svg': 'Logo musí být zápis SVG, od <svg> do </svg>.',
  'orgs.error.logo_active_content':
    'Logo obsahuje skripty, obsluhu událostí nebo DOCTYPE. Uložte je jako obyčejný obrázek SVG.',
  'orgs.error.logo_outside_reference':
    'Logo odkazuje na soubory jinde (odkazy, obrázky, písma). Uložte je tak, aby bylo vše uvnitř.',
  'orgs.error.no_offices': 'Organizace potřebuje alespoň jedno pracoviště.',
  'orgs.error.no_admin': 'Mezi úředníky organizace musí být alespoň jeden správce.',
  'orgs.error.duplicate_slug': 'Tato webová adresa (slug) je v souboru použita dvakrát.',
  'orgs.error.unknown_office': 'Organizace nemá pracoviště s touto webovou adresou (slugem).',
  'orgs.error.unknown_service': 'Organizace nemá službu s touto webovou adresou (slugem).',
  'orgs.error.duplicate_email':
    'Tato e-mailová adresa je v souboru použita dvakrát; jedna adresa se přihlašuje jen k jednomu účtu.',
  'orgs.error.hours_office': 'Hodiny jsou uvedeny pro pracoviště, kde tato osoba nepracuje.',
  'orgs.error.empty_file': 'Soubor neobsahuje žádnou organizaci.',
  'orgs.error.file_too_large': 'Soubor je příliš velký: nejvýše 5\u00a0MB.',
  'orgs.error.json_syntax': 'Toto není platný JSON (sloupec {column}).',
  'orgs.error.unknown_field': 'Neznámé pole „{field}“. Zkontrolujte zápis podle docs/import.md.',
  'orgs.error.required': 'Toto pole je povinné.',
  'orgs.error.type': 'Zde je nesprávný druh hodnoty (očekáváno: {expected}).',
  'orgs.error.invalid': 'Tato hodnota není platná.',
  'orgs.error.slug_reserved': 'Tato webová adresa je vyhrazena. Zvolte jinou.',
  'orgs.error.slug_exists': 'Organizace s touto webovou adresou (slugem) již existuje.',
  'orgs.error.email_exists': 'Účet s touto e-mailovou adresou již existuje.',
  'orgs.error.confirm_slug': 'Pro potvrzení zadejte přesně webovou adresu (slug) organizace.',
  'orgs.nav': 'Organizace',
  'orgs.home.lead':
    'Vytváření, import, pozastavení a smazání organizací; jejich využití v číslech.',
  'orgs.title': 'Organizace',
  'orgs.none': 'Zatím tu nejsou žádné organizace. Vytvořte první, nebo importujte soubor.',
  'orgs.back': 'Zpět na organizace',
  'orgs.new': 'Nová organizace',
  'orgs.new.organisation': 'Organizace',
  'orgs.new.office': 'Její první pracoviště',
  'orgs.new.admin': 'Její první správce',
  'orgs.new.admin_lead':
    'Správce dostane e-mail s odkazem pro nastavení hesla a pak sám přidá pracoviště, služby a úředníky.',
  'orgs.new.button': 'Vytvořit organizaci a pozvat správce',
  'orgs.field.name': 'Název',
  'orgs.field.slug': 'Webová adresa (slug)',
  'orgs.field.slug_hint': 'Součást každého odkazu, např. mu-kromeriz. Později ji nelze změnit.',
  'orgs.field.office_slug_hint': 'Součást odkazů na objednání, např. hlavni-pracoviste.',
  'orgs.field.country': 'Země',
  'orgs.field.language': 'Výchozí jazyk',
  'orgs.field.time_zone': 'Časové pásmo',
  'orgs.field.sender_name': 'Jméno odesílatele e-mailů',
  'orgs.field.sender_hint': 'Zobrazí se jako odesílatel pošty občanům. Prázdné: Okence.',
  'orgs.field.reply_to': 'Adresa pro odpověď',
  'orgs.field.logo': 'Logo (obrázek SVG)',
  'orgs.field.logo_hint':
    'Vložte zápis SVG, nejvýše 48\u00a0KB, bez skriptů a odkazů na jiné soubory. Nepovinné.',
  'orgs.field.office_name': 'Název pracoviště',
  'orgs.field.street': 'Ulice a číslo',
  'orgs.field.postcode': 'PSČ',
  'orgs.field.city': 'Obec',
  'orgs.field.admin_name': 'Jméno a příjmení správce',
  'orgs.field.admin_email': 'E-mailová adresa správce',
  'orgs.field.state': 'Stav',
  'orgs.field.created': 'Vytvořena',
  'orgs.country.SI': 'Slovinsko',
  'orgs.country.CZ': 'Česko',
  'orgs.state.active': 'V provozu',
  'orgs.state.suspended': 'Pozastavena',
  'orgs.state.deletion_requested': 'Pozastavena, čeká na smazání',
  'orgs.usage.offices': 'Pracoviště',
  'orgs.usage.officials': 'Účty úředníků',
  'orgs.usage.appointments': 'Termíny tento měsíc',
  'orgs.usage.storage': 'Složky schůzek',
  'orgs.actions': 'Co můžete udělat',
  'orgs.suspend.lead':
    'Pozastavení zastaví online přepážku: její stránky občanům oznámí, že je pozastavena, úředníci jsou odhlášeni a nemohou se přihlásit, připomínky se neposílají. Nic se nesmaže; objednané termíny zůstávají.',
  'orgs.suspend.button': 'Pozastavit online přepážku',
  'orgs.resume.lead':
    'Obnovení vrátí vše, jak bylo: stránky, objednávky, přihlašování i připomínky.',
  'orgs.resume.button': 'Obnovit online přepážku',
  'orgs.delete.title': 'Smazání organizace',
  'orgs.delete.request_lead':
    'Organizace se ihned pozastaví a po 30denní čekací lhůtě se smaže se všemi pracovišti, službami, účty a termíny. Její data se předtím exportují do souboru na serveru, který správce serveru předá organizaci. Během čekací lhůty lze smazání zrušit.',
  'orgs.delete.request_button': 'Požádat o smazání',
  'orgs.delete.confirm_label': 'Pro potvrzení zadejte webovou adresu: {slug}',
  'orgs.delete.pending':
    'O smazání bylo požádáno: proběhne {when} UTC, pokud je předtím nezrušíte.',
  'orgs.delete.cancel_lead':
    'Zrušení organizaci zachová. Zůstane pozastavena, dokud ji neobnovíte.',
  'orgs.delete.cancel_button': 'Zrušit smazání',
  'orgs.delete.now_lead':
    'Čekací lhůta uplynula. Smazání provede úloha sama; můžete je provést i hned. Nejprve se zapíše konečný export.',
  'orgs.delete.now_button': 'Smazat hned',
  'orgs.done.created': 'Organizace je vytvořena a její správce pozván e-mailem.',
  'orgs.done.suspended': 'Online přepážka je pozastavena.',
  'orgs.done.resumed': 'Online přepážka opět funguje.',
  'orgs.done.deletion_requested': 'O smazání je požádáno; organizace je mezitím pozastavena.',
  'orgs.done.deletion_cancelled':
    'Smazání je zrušeno. Organizace zůstane pozastavena, dokud ji neobnovíte.',
  'orgs.done.deleted': 'Organizace je smazána. Její export je na serveru v DATA_DIR/exports.',
  'orgs.import.title': 'Import ze souboru',
  'orgs.import.lead':
    'Jeden soubor JSON s jednou nebo více organizacemi, každá s pracovišti, službami, úředníky a hodinami. Importuje se buď vše, nebo nic. Formát je i s úplným příkladem popsán v docs/import.md.',
  'orgs.import.file': 'Soubor JSON',
  'orgs.import.file_hint': 'Nejvýše 5\u00a0MB. Bez hesel: každý úředník dostane pozvánku e-mailem.',
  'orgs.import.button': 'Zkontrolovat a importovat',
  'orgs.import.refused':
    '{count, plural, one {V souboru je # chyba} few {V souboru jsou # chyby} other {V souboru je # chyb}}; nic nebylo importováno.',
  'orgs.import.problems': 'Chyby v souboru {file}',
  'orgs.import.line': 'Řádek',
  'orgs.import.path': 'Místo',
  'orgs.import.problem': 'Chyba',
  'orgs.import.done':
    '{count, plural, one {Importována # organizace} few {Importovány # organizace} other {Importováno # organizací}}.',
  'orgs.import.invited':
    '{count, plural, one {odeslána # pozvánka} few {odeslány # pozvánky} other {odesláno # pozvánek}}',
};

export const organisationsMessages: Record<
  'sl' | 'cs' | 'en',
  Record<OrganisationsMessageKey, string>
> = { en, sl, cs };

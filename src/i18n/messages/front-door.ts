/** Texts of the organisation's home page, its news and its accessibility statement (src/notices/news, src/notices/accessibility, src/notices/home). Each language has exactly the English keys. */
const en = {
  'tenants.admin.news_title': 'News',
  'tenants.admin.news': "The organisation's news at the top of its home page.",
  'tenants.admin.accessibility_title': 'Accessibility statement',
  'tenants.admin.accessibility':
    'The statement on the accessibility of these pages, as the law requires of public bodies.',
  'audit.family.news': 'News',
  'audit.action.news.created': 'News item created',
  'audit.action.news.updated': 'News item changed',
  'audit.action.news.deleted': 'News item deleted',
  'audit.family.accessibility_statement': 'Accessibility statement',
  'audit.action.accessibility_statement.created': 'Accessibility statement published',
  'audit.action.accessibility_statement.updated': 'Accessibility statement changed',
  'frontdoor.back_to_org': 'Back to {organisation}',
  'frontdoor.footer.accessibility': 'Accessibility statement',
  'frontdoor.footer.privacy': 'Privacy notice',

  'frontdoor.home.doors': 'What would you like to do?',
  'frontdoor.home.situations': 'Life situations',
  'frontdoor.home.situations_text': 'What to prepare, fees, deadlines and whom to see.',
  'frontdoor.home.situations_search': 'Search life situations',
  'frontdoor.home.search': 'Search',
  'frontdoor.home.book': 'Book an appointment',
  'frontdoor.home.book_text': 'Choose a service, then a time at an office or by video call.',
  'frontdoor.home.no_services': 'No services can be booked online at the moment.',
  'frontdoor.home.pay': 'Pay a fee',
  'frontdoor.home.pay_text': 'Pay a fee or charge by card or by bank transfer with a QR code.',
  'frontdoor.home.notices': 'Official notice board',
  'frontdoor.home.notices_text':
    'Decisions, public decrees, auctions, vacancies and other notices.',
  'frontdoor.home.latest_notices': 'Latest notices',
  'frontdoor.home.contacts': 'Contacts',
  'frontdoor.home.contacts_text': 'Departments and the people you can contact.',
  'frontdoor.home.sign_in': 'Sign in',
  'frontdoor.home.sign_in_text': 'Your appointments, forms and payments in one place.',
  'frontdoor.home.offices': 'Offices and opening hours',
  'frontdoor.home.contact': 'Contact',
  'frontdoor.home.website': 'Website',

  'frontdoor.news.title': 'News',
  'frontdoor.news.all': 'All news',
  'frontdoor.news.none': 'There is no news at the moment.',
  'frontdoor.news.published': 'Published',
  'frontdoor.news.field.title': 'Title',
  'frontdoor.news.field.body': 'Text',
  'frontdoor.news.field.published_on': 'Shown from',
  'frontdoor.news.field.shown_until': 'Shown until',
  'frontdoor.news.hint.title': 'Required in {language}, the organisation’s language.',
  'frontdoor.news.hint.body': 'A blank line starts a new paragraph.',
  'frontdoor.news.hint.published_on': 'The first day it is shown, for example 2026-12-24.',
  'frontdoor.news.hint.shown_until':
    'The last day it is shown; leave empty to show it until you delete it.',
  'frontdoor.news.error.title': 'Enter a title',
  'frontdoor.news.error.too_long': 'This text is too long',
  'frontdoor.news.error.date': 'Enter a date like 2026-12-24',
  'frontdoor.news.error.until_before': 'The last day cannot be before the first day',
  'frontdoor.news.admin.title': 'News',
  'frontdoor.news.admin.lead':
    'News items are shown at the top of the organisation’s home page, the newest first, on the days you choose. All news:',
  'frontdoor.news.admin.new': 'New news item',
  'frontdoor.news.admin.edit': 'Edit news item',
  'frontdoor.news.admin.none': 'There are no news items yet.',
  'frontdoor.news.admin.status': 'Today',
  'frontdoor.news.admin.status_shown': 'Shown',
  'frontdoor.news.admin.status_scheduled': 'Not yet shown',
  'frontdoor.news.admin.status_ended': 'No longer shown',
  'frontdoor.news.admin.no_end': 'Until deleted',
  'frontdoor.news.admin.saved': 'The news item has been saved.',
  'frontdoor.news.admin.deleted': 'The news item has been deleted.',
  'frontdoor.news.admin.back': 'Back to all news items',
  'frontdoor.news.admin.view': 'View it as citizens see it',
  'frontdoor.news.admin.save': 'Save',
  'frontdoor.news.admin.delete': 'Delete news item',
  'frontdoor.news.delete.title': 'Delete „{title}“?',
  'frontdoor.news.delete.text':
    'The news item disappears from the home page at once. This cannot be undone.',
  'frontdoor.news.delete.yes': 'Yes, delete it',
  'frontdoor.news.delete.no': 'No, keep it',

  'frontdoor.a11y.title': 'Accessibility statement',
  'frontdoor.a11y.law.SI':
    'with the Slovenian Websites and Mobile Applications Accessibility Act (ZDSMA)',
  'frontdoor.a11y.law.CZ':
    'with Czech Act No. 99/2019 Coll., on the accessibility of websites and mobile applications',
  'frontdoor.a11y.commitment':
    '{organisation} is committed to making its website accessible, in accordance {law}, which transposes Directive (EU) 2016/2102 of the European Parliament and of the Council.',
  'frontdoor.a11y.scope':
    'This accessibility statement applies to the organisation’s pages on this online counter, at {address} and the pages under it.',
  'frontdoor.a11y.status.heading': 'Compliance status',
  'frontdoor.a11y.status.full': 'This website is fully compliant {law}.',
  'frontdoor.a11y.status.partial':
    'This website is partially compliant {law}, due to the non-compliances and the exemptions listed below.',
  'frontdoor.a11y.status.none':
    'This website is not compliant {law}. The non-compliances and the exemptions are listed below.',
  'frontdoor.a11y.non_accessible.heading': 'Non-accessible content',
  'frontdoor.a11y.non_accessible.lead':
    'The content listed below is non-accessible for the following reasons:',
  'frontdoor.a11y.non_accessible.none': 'No non-accessible content is known.',
  'frontdoor.a11y.platform.notice':
    '{organisation} has not yet published a statement of its own. Until then this is the statement of the Okence platform, on which this online counter runs, prepared on {date}: every page of Okence is tested against the WCAG 2.1 guidelines at level AA with automated checks (axe) and by keyboard alone.',
  'frontdoor.a11y.platform.non_accessible_documents':
    'Documents the organisation publishes as attachments (for example PDF files on the notice board) are not checked for accessibility by the platform; making them accessible is up to the organisation.',
  'frontdoor.a11y.platform.non_accessible_tests':
    'Automated tests do not find every barrier, so some pages may contain non-compliances that are not yet known.',
  'frontdoor.a11y.platform.method':
    'The platform’s pages are checked with every change by automated tests (axe) and keyboard-only tests in a real browser.',
  'frontdoor.a11y.preparation.heading': 'Preparation of this accessibility statement',
  'frontdoor.a11y.preparation.prepared': 'This statement was prepared on {date}.',
  'frontdoor.a11y.preparation.reviewed': 'The statement was last reviewed on {date}.',
  'frontdoor.a11y.method.self': 'The method used to prepare it: a self-assessment.',
  'frontdoor.a11y.method.third_party':
    'The method used to prepare it: an assessment carried out by a third party.',
  'frontdoor.a11y.feedback.heading': 'Feedback and contact information',
  'frontdoor.a11y.feedback.lead':
    'If you find an accessibility problem, or need information or content in an accessible format, please tell us:',
  'frontdoor.a11y.feedback.offices':
    'Please tell any of the organisation’s offices about an accessibility problem; their addresses are on the home page:',
  'frontdoor.a11y.email': 'Email',
  'frontdoor.a11y.phone': 'Phone',
  'frontdoor.a11y.enforcement.heading': 'Enforcement procedure',
  'frontdoor.a11y.enforcement.SI':
    'If you receive no answer to your notification or request, or are not satisfied with the answer, you may lodge a complaint with the Information Society Inspectorate of the Republic of Slovenia, which supervises the Websites and Mobile Applications Accessibility Act.',
  'frontdoor.a11y.enforcement.CZ':
    'If you receive no answer to your request for a remedy, or are not satisfied with how it was handled, you may turn to the Digital and Information Agency, which supervises compliance with Act No. 99/2019 Coll.',
  'frontdoor.a11y.enforcement_body': 'Supervisory body',
  'frontdoor.a11y.body.SI':
    'Inšpektorat Republike Slovenije za informacijsko družbo (Information Society Inspectorate of the Republic of Slovenia)',
  'frontdoor.a11y.body.CZ': 'Digitální a informační agentura (Digital and Information Agency)',
  'frontdoor.a11y.address': 'Address',
  'frontdoor.a11y.data_box': 'Data box (datová schránka)',
  'frontdoor.a11y.error.compliance': 'Choose the compliance status',
  'frontdoor.a11y.error.method': 'Choose the method',
  'frontdoor.a11y.error.too_long': 'This text is too long',
  'frontdoor.a11y.error.date': 'Enter a date like 2026-12-24',
  'frontdoor.a11y.error.review_before': 'The review cannot be before the statement was prepared',
  'frontdoor.a11y.error.email': 'Enter an email address like dostopnost@example.si',
  'frontdoor.a11y.error.phone': 'Enter a phone number: digits, spaces and a leading +',
  'frontdoor.a11y.error.contact': 'Enter an email address or a phone number for feedback',
  'frontdoor.a11y.admin.title': 'Accessibility statement',
  'frontdoor.a11y.admin.lead':
    'The statement in the model form of the European Commission (Implementing Decision (EU) 2018/1523), linked from the footer of every page of the organisation:',
  'frontdoor.a11y.admin.platform':
    'Until you save the organisation’s own statement, its page shows the Okence platform’s statement with the organisation’s contacts. The form below starts from it.',
  'frontdoor.a11y.admin.compliance.full': 'Fully compliant',
  'frontdoor.a11y.admin.compliance.partial': 'Partially compliant',
  'frontdoor.a11y.admin.compliance.none': 'Not compliant',
  'frontdoor.a11y.admin.non_accessible_hint':
    'One item a line, each with its reason: a non-compliance, a disproportionate burden, or content outside the scope of the law.',
  'frontdoor.a11y.admin.prepared_on': 'Prepared on',
  'frontdoor.a11y.admin.reviewed_on': 'Last reviewed on',
  'frontdoor.a11y.admin.date_hint': 'For example 2026-12-24.',
  'frontdoor.a11y.admin.reviewed_hint': 'Leave empty if it has not been reviewed yet.',
  'frontdoor.a11y.admin.method': 'Method of preparation',
  'frontdoor.a11y.admin.method.self': 'Self-assessment',
  'frontdoor.a11y.admin.method.third_party': 'Assessment by a third party',
  'frontdoor.a11y.admin.contact_hint':
    'Where people report problems and ask for accessible content; at least one of the two.',
  'frontdoor.a11y.admin.save': 'Save the statement',
  'frontdoor.a11y.admin.saved': 'The accessibility statement has been saved.',
};

export type FrontDoorMessageKey = keyof typeof en;

const sl: Record<FrontDoorMessageKey, string> = {
  'tenants.admin.news_title': 'Novice',
  'tenants.admin.news': 'Novice organizacije na vrhu njene vstopne strani.',
  'tenants.admin.accessibility_title': 'Izjava o dostopnosti',
  'tenants.admin.accessibility':
    'Izjava o dostopnosti teh strani, ki jo zakon zahteva od organov javnega sektorja.',
  'audit.family.news': 'Novice',
  'audit.action.news.created': 'Novica ustvarjena',
  'audit.action.news.updated': 'Novica spremenjena',
  'audit.action.news.deleted': 'Novica izbrisana',
  'audit.family.accessibility_statement': 'Izjava o dostopnosti',
  'audit.action.accessibility_statement.created': 'Izjava o dostopnosti objavljena',
  'audit.action.accessibility_statement.updated': 'Izjava o dostopnosti spremenjena',
  'frontdoor.back_to_org': 'Nazaj na {organisation}',
  'frontdoor.footer.accessibility': 'Izjava o dostopnosti',
  'frontdoor.footer.privacy': 'Varstvo osebnih podatkov',

  'frontdoor.home.doors': 'Kaj želite urediti?',
  'frontdoor.home.situations': 'Življenjski dogodki',
  'frontdoor.home.situations_text': 'Kaj pripraviti, takse, roki in na koga se obrniti.',
  'frontdoor.home.situations_search': 'Iskanje po življenjskih dogodkih',
  'frontdoor.home.search': 'Išči',
  'frontdoor.home.book': 'Naročanje na termin',
  'frontdoor.home.book_text': 'Izberite storitev, nato termin na uradu ali po videoklicu.',
  'frontdoor.home.no_services': 'Trenutno se na nobeno storitev ni mogoče naročiti prek spleta.',
  'frontdoor.home.pay': 'Plačilo takse',
  'frontdoor.home.pay_text': 'Plačajte takso ali pristojbino s kartico ali z nakazilom s kodo QR.',
  'frontdoor.home.notices': 'Oglasna deska',
  'frontdoor.home.notices_text':
    'Odločbe, javna naznanila, dražbe, prosta delovna mesta in druga obvestila.',
  'frontdoor.home.latest_notices': 'Zadnja obvestila',
  'frontdoor.home.contacts': 'Kontakti',
  'frontdoor.home.contacts_text': 'Organizacijske enote in osebe, na katere se lahko obrnete.',
  'frontdoor.home.sign_in': 'Prijava',
  'frontdoor.home.sign_in_text': 'Vaši termini, vloge in plačila na enem mestu.',
  'frontdoor.home.offices': 'Uradi in uradne ure',
  'frontdoor.home.contact': 'Kontakt',
  'frontdoor.home.website': 'Spletna stran',

  'frontdoor.news.title': 'Novice',
  'frontdoor.news.all': 'Vse novice',
  'frontdoor.news.none': 'Trenutno ni novic.',
  'frontdoor.news.published': 'Objavljeno',
  'frontdoor.news.field.title': 'Naslov',
  'frontdoor.news.field.body': 'Besedilo',
  'frontdoor.news.field.published_on': 'Objavljeno od',
  'frontdoor.news.field.shown_until': 'Objavljeno do',
  'frontdoor.news.hint.title': 'Obvezno v jeziku organizacije ({language}).',
  'frontdoor.news.hint.body': 'Prazna vrstica začne nov odstavek.',
  'frontdoor.news.hint.published_on': 'Prvi dan objave, na primer 2026-12-24.',
  'frontdoor.news.hint.shown_until':
    'Zadnji dan objave; če polje pustite prazno, je novica objavljena, dokler je ne izbrišete.',
  'frontdoor.news.error.title': 'Vnesite naslov',
  'frontdoor.news.error.too_long': 'Besedilo je predolgo',
  'frontdoor.news.error.date': 'Vnesite datum v obliki 2026-12-24',
  'frontdoor.news.error.until_before': 'Zadnji dan objave ne more biti pred prvim',
  'frontdoor.news.admin.title': 'Novice',
  'frontdoor.news.admin.lead':
    'Novice so objavljene na vrhu domače strani organizacije, najnovejše najprej, v dneh, ki jih izberete. Vse novice:',
  'frontdoor.news.admin.new': 'Nova novica',
  'frontdoor.news.admin.edit': 'Urejanje novice',
  'frontdoor.news.admin.none': 'Novic še ni.',
  'frontdoor.news.admin.status': 'Danes',
  'frontdoor.news.admin.status_shown': 'Objavljena',
  'frontdoor.news.admin.status_scheduled': 'Še ni objavljena',
  'frontdoor.news.admin.status_ended': 'Ni več objavljena',
  'frontdoor.news.admin.no_end': 'Do izbrisa',
  'frontdoor.news.admin.saved': 'Novica je shranjena.',
  'frontdoor.news.admin.deleted': 'Novica je izbrisana.',
  'frontdoor.news.admin.back': 'Nazaj na vse novice',
  'frontdoor.news.admin.view': 'Ogled, kot jo vidijo občani',
  'frontdoor.news.admin.save': 'Shrani',
  'frontdoor.news.admin.delete': 'Izbriši novico',
  'frontdoor.news.delete.title': 'Izbrišem „{title}“?',
  'frontdoor.news.delete.text':
    'Novica takoj izgine z domače strani. Izbrisa ni mogoče razveljaviti.',
  'frontdoor.news.delete.yes': 'Da, izbriši',
  'frontdoor.news.delete.no': 'Ne, obdrži',

  'frontdoor.a11y.title': 'Izjava o dostopnosti',
  'frontdoor.a11y.law.SI': 'z Zakonom o dostopnosti spletišč in mobilnih aplikacij (ZDSMA)',
  'frontdoor.a11y.law.CZ':
    's češkim zakonom št. 99/2019 Sb. o dostopnosti spletišč in mobilnih aplikacij',
  'frontdoor.a11y.commitment':
    '{organisation} se zavezuje omogočati dostopnost svojega spletišča v skladu {law}, s katerim je prenesena Direktiva (EU) 2016/2102 Evropskega parlamenta in Sveta.',
  'frontdoor.a11y.scope':
    'Ta izjava o dostopnosti se nanaša na strani organizacije na tem spletnem okencu, na naslovu {address} in strani pod njim.',
  'frontdoor.a11y.status.heading': 'Stopnja skladnosti',
  'frontdoor.a11y.status.full': 'To spletišče je v celoti skladno {law}.',
  'frontdoor.a11y.status.partial':
    'To spletišče je delno skladno {law} zaradi neskladnosti in izjem, navedenih spodaj.',
  'frontdoor.a11y.status.none':
    'To spletišče ni skladno {law}. Neskladnosti in izjeme so navedene spodaj.',
  'frontdoor.a11y.non_accessible.heading': 'Nedostopna vsebina',
  'frontdoor.a11y.non_accessible.lead': 'Spodaj navedena vsebina ni dostopna iz teh razlogov:',
  'frontdoor.a11y.non_accessible.none': 'Nedostopna vsebina ni znana.',
  'frontdoor.a11y.platform.notice':
    'Organizacija {organisation} še nima lastne izjave o dostopnosti. Do takrat velja izjava platforme Okence, na kateri deluje to spletno okence, pripravljena {date}: vsaka stran Okenca se preizkuša po smernicah WCAG 2.1 na ravni AA s samodejnimi preizkusi (axe) in z uporabo zgolj tipkovnice.',
  'frontdoor.a11y.platform.non_accessible_documents':
    'Dokumenti, ki jih organizacija objavi kot priloge (na primer datoteke PDF na oglasni deski), niso preverjeni glede dostopnosti; za njihovo dostopnost skrbi organizacija.',
  'frontdoor.a11y.platform.non_accessible_tests':
    'Samodejni preizkusi ne odkrijejo vseh ovir, zato so na posameznih straneh lahko neskladnosti, ki še niso znane.',
  'frontdoor.a11y.platform.method':
    'Strani platforme se ob vsaki spremembi preverijo s samodejnimi preizkusi (axe) in s preizkusi uporabe zgolj s tipkovnico v pravem brskalniku.',
  'frontdoor.a11y.preparation.heading': 'Priprava izjave o dostopnosti',
  'frontdoor.a11y.preparation.prepared': 'Izjava je bila pripravljena {date}.',
  'frontdoor.a11y.preparation.reviewed': 'Izjava je bila nazadnje pregledana {date}.',
  'frontdoor.a11y.method.self': 'Uporabljena metoda: samoocenjevanje.',
  'frontdoor.a11y.method.third_party': 'Uporabljena metoda: ocena, ki jo je opravila tretja oseba.',
  'frontdoor.a11y.feedback.heading': 'Povratne informacije in kontaktni podatki',
  'frontdoor.a11y.feedback.lead':
    'Če naletite na oviro pri dostopnosti ali potrebujete informacije oziroma vsebino v dostopni obliki, nam to sporočite:',
  'frontdoor.a11y.feedback.offices':
    'Težavo z dostopnostjo sporočite kateremu koli uradu organizacije; naslovi so na domači strani:',
  'frontdoor.a11y.email': 'E-pošta',
  'frontdoor.a11y.phone': 'Telefon',
  'frontdoor.a11y.enforcement.heading': 'Postopek izvrševanja',
  'frontdoor.a11y.enforcement.SI':
    'Če na obvestilo ali prošnjo ne prejmete odgovora ali z odgovorom niste zadovoljni, lahko vložite prijavo pri Inšpektoratu Republike Slovenije za informacijsko družbo, ki nadzoruje izvajanje Zakona o dostopnosti spletišč in mobilnih aplikacij.',
  'frontdoor.a11y.enforcement.CZ':
    'Če na pobudo za odpravo pomanjkljivosti ne prejmete odgovora ali z njeno obravnavo niste zadovoljni, se lahko obrnete na češko Digitalno in informacijsko agencijo, ki nadzoruje izvajanje zakona št. 99/2019 Sb.',
  'frontdoor.a11y.enforcement_body': 'Nadzorni organ',
  'frontdoor.a11y.body.SI': 'Inšpektorat Republike Slovenije za informacijsko družbo',
  'frontdoor.a11y.body.CZ': 'Digitální a informační agentura (Digitalna in informacijska agencija)',
  'frontdoor.a11y.address': 'Naslov',
  'frontdoor.a11y.data_box': 'Podatkovna škatla (datová schránka)',
  'frontdoor.a11y.error.compliance': 'Izberite stopnjo skladnosti',
  'frontdoor.a11y.error.method': 'Izberite metodo',
  'frontdoor.a11y.error.too_long': 'Besedilo je predolgo',
  'frontdoor.a11y.error.date': 'Vnesite datum v obliki 2026-12-24',
  'frontdoor.a11y.error.review_before': 'Pregled ne more biti pred pripravo izjave',
  'frontdoor.a11y.error.email': 'Vnesite e-naslov, na primer dostopnost@example.si',
  'frontdoor.a11y.error.phone': 'Vnesite telefonsko številko: števke, presledki in + na začetku',
  'frontdoor.a11y.error.contact':
    'Vnesite e-naslov ali telefonsko številko za povratne informacije',
  'frontdoor.a11y.admin.title': 'Izjava o dostopnosti',
  'frontdoor.a11y.admin.lead':
    'Izjava po vzorcu Evropske komisije (Izvedbeni sklep (EU) 2018/1523), do katere vodi povezava v nogi vsake strani organizacije:',
  'frontdoor.a11y.admin.platform':
    'Dokler ne shranite lastne izjave organizacije, je na njeni strani izjava platforme Okence s kontaktnimi podatki organizacije. Spodnji obrazec je izpolnjen z njo.',
  'frontdoor.a11y.admin.compliance.full': 'V celoti skladno',
  'frontdoor.a11y.admin.compliance.partial': 'Delno skladno',
  'frontdoor.a11y.admin.compliance.none': 'Neskladno',
  'frontdoor.a11y.admin.non_accessible_hint':
    'V vsako vrstico ena vsebina z razlogom: neskladnost, nesorazmerno breme ali vsebina, za katero zakon ne velja.',
  'frontdoor.a11y.admin.prepared_on': 'Datum priprave',
  'frontdoor.a11y.admin.reviewed_on': 'Datum zadnjega pregleda',
  'frontdoor.a11y.admin.date_hint': 'Na primer 2026-12-24.',
  'frontdoor.a11y.admin.reviewed_hint': 'Pustite prazno, če izjava še ni bila pregledana.',
  'frontdoor.a11y.admin.method': 'Metoda priprave',
  'frontdoor.a11y.admin.method.self': 'Samoocenjevanje',
  'frontdoor.a11y.admin.method.third_party': 'Ocena tretje osebe',
  'frontdoor.a11y.admin.contact_hint':
    'Kam ljudje sporočajo težave in prosijo za dostopno vsebino; vsaj eno od obojega.',
  'frontdoor.a11y.admin.save': 'Shrani izjavo',
  'frontdoor.a11y.admin.saved': 'Izjava o dostopnosti je shranjena.',
};

const cs: Record<FrontDoorMessageKey, string> = {
  'tenants.admin.news_title': 'Aktuality',
  'tenants.admin.news': 'Aktuality úřadu v horní části jeho úvodní stránky.',
  'tenants.admin.accessibility_title': 'Prohlášení o přístupnosti',
  'tenants.admin.accessibility':
    'Prohlášení o přístupnosti těchto stránek, které zákon ukládá subjektům veřejného sektoru.',
  'audit.family.news': 'Aktuality',
  'audit.action.news.created': 'Aktualita vytvořena',
  'audit.action.news.updated': 'Aktualita změněna',
  'audit.action.news.deleted': 'Aktualita smazána',
  'audit.family.accessibility_statement': 'Prohlášení o přístupnosti',
  'audit.action.accessibility_statement.created': 'Prohlášení o přístupnosti zveřejněno',
  'audit.action.accessibility_statement.updated': 'Prohlášení o přístupnosti změněno',
  'frontdoor.back_to_org': 'Zpět na {organisation}',
  'frontdoor.footer.accessibility': 'Prohlášení o přístupnosti',
  'frontdoor.footer.privacy': 'Ochrana osobních údajů',

  'frontdoor.home.doors': 'Co potřebujete vyřídit?',
  'frontdoor.home.situations': 'Životní situace',
  'frontdoor.home.situations_text': 'Co si připravit, poplatky, lhůty a na koho se obrátit.',
  'frontdoor.home.situations_search': 'Hledat v životních situacích',
  'frontdoor.home.search': 'Hledat',
  'frontdoor.home.book': 'Objednat se',
  'frontdoor.home.book_text': 'Vyberte službu a potom termín na úřadě nebo přes videohovor.',
  'frontdoor.home.no_services': 'Momentálně se nelze objednat online na žádnou službu.',
  'frontdoor.home.pay': 'Zaplatit poplatek',
  'frontdoor.home.pay_text': 'Zaplaťte poplatek kartou nebo převodem pomocí QR kódu.',
  'frontdoor.home.notices': 'Úřední deska',
  'frontdoor.home.notices_text':
    'Rozhodnutí, veřejné vyhlášky, dražby, volná místa a další oznámení.',
  'frontdoor.home.latest_notices': 'Naposledy vyvěšeno',
  'frontdoor.home.contacts': 'Kontakty',
  'frontdoor.home.contacts_text': 'Odbory a lidé, na které se můžete obrátit.',
  'frontdoor.home.sign_in': 'Přihlásit se',
  'frontdoor.home.sign_in_text': 'Vaše termíny, podání a platby na jednom místě.',
  'frontdoor.home.offices': 'Pracoviště a úřední hodiny',
  'frontdoor.home.contact': 'Kontakt',
  'frontdoor.home.website': 'Webové stránky',

  'frontdoor.news.title': 'Aktuality',
  'frontdoor.news.all': 'Všechny aktuality',
  'frontdoor.news.none': 'Momentálně nejsou žádné aktuality.',
  'frontdoor.news.published': 'Zveřejněno',
  'frontdoor.news.field.title': 'Nadpis',
  'frontdoor.news.field.body': 'Text aktuality',
  'frontdoor.news.field.published_on': 'Zveřejnit od',
  'frontdoor.news.field.shown_until': 'Zveřejnit do',
  'frontdoor.news.hint.title': 'Povinné v jazyce organizace ({language}).',
  'frontdoor.news.hint.body': 'Prázdný řádek začíná nový odstavec.',
  'frontdoor.news.hint.published_on': 'První den zveřejnění, například 2026-12-24.',
  'frontdoor.news.hint.shown_until':
    'Poslední den zveřejnění; pokud pole necháte prázdné, aktualita zůstane zveřejněna, dokud ji nesmažete.',
  'frontdoor.news.error.title': 'Zadejte nadpis',
  'frontdoor.news.error.too_long': 'Text je příliš dlouhý',
  'frontdoor.news.error.date': 'Zadejte datum ve tvaru 2026-12-24',
  'frontdoor.news.error.until_before': 'Poslední den zveřejnění nemůže být před prvním',
  'frontdoor.news.admin.title': 'Aktuality',
  'frontdoor.news.admin.lead':
    'Aktuality se zobrazují nahoře na úvodní stránce organizace, nejnovější první, ve dnech, které zvolíte. Všechny aktuality:',
  'frontdoor.news.admin.new': 'Nová aktualita',
  'frontdoor.news.admin.edit': 'Upravit aktualitu',
  'frontdoor.news.admin.none': 'Zatím nejsou žádné aktuality.',
  'frontdoor.news.admin.status': 'Dnes',
  'frontdoor.news.admin.status_shown': 'Zveřejněna',
  'frontdoor.news.admin.status_scheduled': 'Ještě není zveřejněna',
  'frontdoor.news.admin.status_ended': 'Už není zveřejněna',
  'frontdoor.news.admin.no_end': 'Do smazání',
  'frontdoor.news.admin.saved': 'Aktualita je uložena.',
  'frontdoor.news.admin.deleted': 'Aktualita je smazána.',
  'frontdoor.news.admin.back': 'Zpět na všechny aktuality',
  'frontdoor.news.admin.view': 'Zobrazit, jak ji vidí občané',
  'frontdoor.news.admin.save': 'Uložit',
  'frontdoor.news.admin.delete': 'Smazat aktualitu',
  'frontdoor.news.delete.title': 'Smazat „{title}“?',
  'frontdoor.news.delete.text': 'Aktualita ihned zmizí z úvodní stránky. Smazání nelze vrátit.',
  'frontdoor.news.delete.yes': 'Ano, smazat',
  'frontdoor.news.delete.no': 'Ne, ponechat',

  'frontdoor.a11y.title': 'Prohlášení o přístupnosti',
  'frontdoor.a11y.law.SI':
    'se slovinským zákonem o přístupnosti internetových stránek a mobilních aplikací (ZDSMA)',
  'frontdoor.a11y.law.CZ':
    'se zákonem č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních aplikací',
  'frontdoor.a11y.commitment':
    '{organisation} se zavazuje ke zpřístupnění svých internetových stránek v souladu {law}, který provádí směrnici Evropského parlamentu a Rady (EU) 2016/2102.',
  'frontdoor.a11y.scope':
    'Toto prohlášení o přístupnosti se vztahuje na stránky organizace na této online přepážce, na adrese {address} a na stránky pod ní.',
  'frontdoor.a11y.status.heading': 'Stav souladu',
  'frontdoor.a11y.status.full': 'Tyto internetové stránky jsou plně v souladu {law}.',
  'frontdoor.a11y.status.partial':
    'Tyto internetové stránky jsou částečně v souladu {law}, a to z důvodu nesouladu nebo výjimek uvedených níže.',
  'frontdoor.a11y.status.none':
    'Tyto internetové stránky nejsou v souladu {law}. Nesoulad a výjimky jsou uvedeny níže.',
  'frontdoor.a11y.non_accessible.heading': 'Nepřístupný obsah',
  'frontdoor.a11y.non_accessible.lead': 'Níže uvedený obsah není přístupný z těchto důvodů:',
  'frontdoor.a11y.non_accessible.none': 'Žádný nepřístupný obsah není znám.',
  'frontdoor.a11y.platform.notice':
    'Organizace {organisation} zatím nemá vlastní prohlášení o přístupnosti. Do té doby platí prohlášení platformy Okence, na které tato online přepážka běží, vypracované dne {date}: každá stránka Okence se testuje podle pravidel WCAG 2.1 na úrovni AA automatickými testy (axe) a ovládáním pouze z klávesnice.',
  'frontdoor.a11y.platform.non_accessible_documents':
    'Dokumenty, které organizace zveřejňuje jako přílohy (například soubory PDF na úřední desce), platforma z hlediska přístupnosti nekontroluje; za jejich přístupnost odpovídá organizace.',
  'frontdoor.a11y.platform.non_accessible_tests':
    'Automatické testy neodhalí všechny bariéry, proto mohou jednotlivé stránky obsahovat nesoulad, který zatím není znám.',
  'frontdoor.a11y.platform.method':
    'Stránky platformy se při každé změně kontrolují automatickými testy (axe) a testy ovládání pouze z klávesnice ve skutečném prohlížeči.',
  'frontdoor.a11y.preparation.heading': 'Vypracování tohoto prohlášení o přístupnosti',
  'frontdoor.a11y.preparation.prepared': 'Toto prohlášení bylo vypracováno dne {date}.',
  'frontdoor.a11y.preparation.reviewed': 'Prohlášení bylo naposledy přezkoumáno dne {date}.',
  'frontdoor.a11y.method.self': 'Použitá metoda: vlastní posouzení.',
  'frontdoor.a11y.method.third_party': 'Použitá metoda: posouzení provedené třetí stranou.',
  'frontdoor.a11y.feedback.heading': 'Zpětná vazba a kontaktní údaje',
  'frontdoor.a11y.feedback.lead':
    'Pokud narazíte na problém s přístupností nebo potřebujete informace či obsah v přístupné podobě, dejte nám prosím vědět:',
  'frontdoor.a11y.feedback.offices':
    'Problém s přístupností oznamte kterémukoli pracovišti organizace; adresy jsou na úvodní stránce:',
  'frontdoor.a11y.email': 'E-mail',
  'frontdoor.a11y.phone': 'Telefon',
  'frontdoor.a11y.enforcement.heading': 'Postupy pro prosazování práva',
  'frontdoor.a11y.enforcement.SI':
    'Pokud na své oznámení nebo žádost nedostanete odpověď nebo s odpovědí nejste spokojeni, můžete podat podnět slovinskému Inspektorátu pro informační společnost, který dohlíží na dodržování zákona o přístupnosti internetových stránek a mobilních aplikací.',
  'frontdoor.a11y.enforcement.CZ':
    'Pokud na svůj podnět k nápravě nedostanete odpověď nebo s jeho vyřízením nejste spokojeni, můžete se obrátit na Digitální a informační agenturu, která kontroluje dodržování zákona č. 99/2019 Sb.',
  'frontdoor.a11y.enforcement_body': 'Dozorový orgán',
  'frontdoor.a11y.body.SI':
    'Inšpektorat Republike Slovenije za informacijsko družbo (Inspektorát Republiky Slovinsko pro informační společnost)',
  'frontdoor.a11y.body.CZ': 'Digitální a informační agentura',
  'frontdoor.a11y.address': 'Adresa',
  'frontdoor.a11y.data_box': 'Datová schránka',
  'frontdoor.a11y.error.compliance': 'Vyberte stav souladu',
  'frontdoor.a11y.error.method': 'Vyberte metodu',
  'frontdoor.a11y.error.too_long': 'Text je příliš dlouhý',
  'frontdoor.a11y.error.date': 'Zadejte datum ve tvaru 2026-12-24',
  'frontdoor.a11y.error.review_before': 'Přezkoumání nemůže být před vypracováním prohlášení',
  'frontdoor.a11y.error.email': 'Zadejte e-mailovou adresu, například pristupnost@example.cz',
  'frontdoor.a11y.error.phone': 'Zadejte telefonní číslo: číslice, mezery a + na začátku',
  'frontdoor.a11y.error.contact':
    'Zadejte e-mailovou adresu nebo telefonní číslo pro zpětnou vazbu',
  'frontdoor.a11y.admin.title': 'Prohlášení o přístupnosti',
  'frontdoor.a11y.admin.lead':
    'Prohlášení podle vzoru Evropské komise (prováděcí rozhodnutí (EU) 2018/1523), na které odkazuje patička každé stránky organizace:',
  'frontdoor.a11y.admin.platform':
    'Dokud neuložíte vlastní prohlášení organizace, zobrazuje se na její stránce prohlášení platformy Okence s kontaktními údaji organizace. Formulář níže z něj vychází.',
  'frontdoor.a11y.admin.compliance.full': 'Plně v souladu',
  'frontdoor.a11y.admin.compliance.partial': 'Částečně v souladu',
  'frontdoor.a11y.admin.compliance.none': 'Není v souladu',
  'frontdoor.a11y.admin.non_accessible_hint':
    'Na každý řádek jeden obsah s důvodem: nesoulad, nepřiměřená zátěž, nebo obsah, na který se zákon nevztahuje.',
  'frontdoor.a11y.admin.prepared_on': 'Datum vypracování',
  'frontdoor.a11y.admin.reviewed_on': 'Datum posledního přezkoumání',
  'frontdoor.a11y.admin.date_hint': 'Například 2026-12-24.',
  'frontdoor.a11y.admin.reviewed_hint':
    'Nechte prázdné, pokud prohlášení ještě nebylo přezkoumáno.',
  'frontdoor.a11y.admin.method': 'Metoda vypracování',
  'frontdoor.a11y.admin.method.self': 'Vlastní posouzení',
  'frontdoor.a11y.admin.method.third_party': 'Posouzení třetí stranou',
  'frontdoor.a11y.admin.contact_hint':
    'Kam lidé hlásí problémy a žádají o přístupný obsah; alespoň jedno z obojího.',
  'frontdoor.a11y.admin.save': 'Uložit prohlášení',
  'frontdoor.a11y.admin.saved': 'Prohlášení o přístupnosti je uloženo.',
};

export const frontDoorMessages: Record<'sl' | 'cs' | 'en', Record<FrontDoorMessageKey, string>> = {
  en,
  sl,
  cs,
};

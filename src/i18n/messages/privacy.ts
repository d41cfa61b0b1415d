/** Texts of privacy (GDPR): the admin's /staff/privacy pages, the public privacy notice and the audit codes. Each language has exactly the English keys. */
const en = {
  'privacy.title': 'Data protection',
  'privacy.intro':
    'Settings of how long your organisation keeps citizens’ personal data, and a citizen’s requests to see or erase their data.',
  'privacy.saved': 'Your changes are saved.',
  'privacy.notice_link': 'Read the public privacy notice',
  'privacy.settings.heading': 'Retention and data protection officer',
  'privacy.retention.label': 'Keep the personal data of past appointments for (days)',
  'privacy.retention.hint':
    'From 1 to 3650 calendar days, counted from the end of the appointment. Then names, contacts, notes, chat and minutes are erased; anonymous statistics stay.',
  'privacy.dpo_name.label': 'Data protection officer: name (optional)',
  'privacy.dpo_email.label': 'Data protection officer: email (optional)',
  'privacy.postal.label': 'Postal address for data requests (optional)',
  'privacy.postal.hint': 'Without it the privacy notice lists the addresses of your offices.',
  'privacy.save': 'Save settings',
  'privacy.error.retention': 'Enter a whole number of days from 1 to 3650.',
  'privacy.error.dpo_name': 'Enter a name of at most 200 characters.',
  'privacy.error.dpo_email': 'Enter an email address such as dpo@example.si.',
  'privacy.error.postal': 'Enter an address of at most 500 characters.',
  'privacy.search.heading': 'A citizen’s request',
  'privacy.search.hint':
    'Find a person’s appointments in your organisation by the exact email address they booked with.',
  'privacy.search.label': 'Email address',
  'privacy.search.submit': 'Find appointments',
  'privacy.error.email': 'Enter an email address such as name@example.si.',
  'privacy.results.heading': 'Appointments booked with {email}',
  'privacy.results.none': 'There are no appointments with this address in your organisation.',
  'privacy.col.when': 'When',
  'privacy.col.service': 'Service',
  'privacy.col.office': 'Office',
  'privacy.col.official': 'Official',
  'privacy.col.state': 'State',
  'privacy.col.erasure': 'On erasure',
  'privacy.state.held': 'being booked',
  'privacy.state.confirmed': 'confirmed',
  'privacy.state.cancelled': 'cancelled',
  'privacy.state.expired': 'not completed',
  'privacy.state.locked': 'blocked',
  'privacy.erasure.anonymise': 'anonymised at once',
  'privacy.erasure.cancel_first': 'cancelled first, then anonymised',
  'privacy.export.submit': 'Download the data (JSON)',
  'privacy.export.hint':
    'A copy of everything kept about this person here, for a request under Article 15 of the GDPR.',
  'privacy.erase.submit': 'Erase the data…',
  'privacy.erase.title': 'Erase the data of {email}?',
  'privacy.erase.text':
    'The names, contacts, notes, chat, minutes, survey comments, file names and emails of {count, plural, one {# appointment} other {# appointments}} will be erased for good. Anonymous statistics stay. This cannot be undone.',
  'privacy.erase.ahead':
    'These appointments are still ahead. They will be cancelled first, and the citizen will get the usual cancellation email:',
  'privacy.erase.confirm': 'Erase for good',
  'privacy.erase.cancel_confirm': 'Cancel the appointments ahead and erase',
  'privacy.erase.back': 'Back without erasing',
  'privacy.erased':
    'Erased: {erased} appointments anonymised, {cancelled} of them cancelled first.',
  'privacy.error.held':
    'Someone is booking an appointment with this address right now. Try again in 15 minutes.',
  'privacy.error.ahead':
    'Appointments still ahead must be cancelled first. Confirm below to cancel them.',
  'privacy.cancel_reason':
    'You asked us to erase your personal data, so this appointment has been cancelled.',
  'audit.action.retention.run': 'Retention: personal data of past appointments anonymised',
  'audit.action.privacy.exported': 'Citizen’s data exported',
  'audit.action.privacy.erased': 'Citizen’s data erased on request',
  'audit.action.privacy.cancelled': 'Appointment cancelled for an erasure request',
  'audit.action.privacy_settings.updated': 'Data protection settings changed',
  'notice.title': 'Privacy notice',
  'notice.intro':
    '{organisation} processes your personal data when you book and attend an appointment on this site. Here is what we use, why, for how long, and what your rights are.',
  'notice.controller.heading': 'Who is responsible',
  'notice.controller.text': 'The controller of your personal data is {organisation}.',
  'notice.contact.email': 'Email',
  'notice.contact.phone': 'Phone',
  'notice.contact.website': 'Website',
  'notice.contact.address': 'Postal address',
  'notice.contact.offices': 'Offices',
  'notice.dpo.heading': 'Data protection officer',
  'notice.dpo.text':
    'You can contact our data protection officer about anything to do with your data.',
  'notice.dpo.none':
    'Write to the contacts above; your message goes to the person responsible for data protection.',
  'notice.purposes.heading': 'What we use, why, and on what legal basis',
  'notice.col.purpose': 'Purpose',
  'notice.col.data': 'Data',
  'notice.col.basis': 'Legal basis',
  'notice.purpose.appointment':
    'Arranging, confirming, reminding you of, moving or cancelling your appointment',
  'notice.data.appointment':
    'name, email address, phone number (if given), your notes, the emails we send you',
  'notice.purpose.meeting': 'Holding the video meeting and letting you in from the waiting room',
  'notice.data.meeting': 'the name you show in the meeting, when you waited and joined, the chat',
  'notice.purpose.record': 'Recording what was done in the meeting',
  'notice.data.record':
    'the official’s minutes, whether your identity was checked (not the document itself)',
  'notice.purpose.documents': 'Exchanging documents in the meeting folder',
  'notice.data.documents': 'the documents and their names, who added or downloaded them and when',
  'notice.purpose.feedback': 'Improving the service',
  'notice.data.feedback': 'your rating and comment, if you answer the short survey',
  'notice.purpose.security': 'Keeping the service secure and preventing abuse',
  'notice.data.security': 'the network address a booking or an upload came from',
  'notice.basis.public_task':
    'Article 6(1)(e) GDPR: a task in the public interest or in the exercise of official authority, under the law that governs the service you book',
  'notice.basis.consent':
    'Article 6(1)(a) GDPR: your consent; the survey is voluntary and you may skip it',
  'notice.basis.security': 'Article 6(1)(e) and Article 32 GDPR: the security of processing',
  'notice.recipients.heading': 'Who receives your data',
  'notice.recipient.officials': 'officials of {organisation} who handle the service you booked',
  'notice.recipient.participants':
    'people the official brings into your meeting, such as an interpreter (they see the chat, names and the folder)',
  'notice.recipient.operator':
    'the company that runs this system for us, as our processor under a written contract',
  'notice.recipients.nothing_else':
    'Your data does not leave the European Union. We use no trackers, advertising or analytics, and we load nothing from other websites.',
  'notice.retention.heading': 'How long we keep it',
  'notice.retention.text':
    'We keep your personal data for {days, plural, one {# day} other {# days}} after the appointment, counted from its end, its cancellation or the end of its meeting, whichever is latest. Then your name, contacts, notes, the chat, the minutes and your comments are erased; only anonymous statistics stay.',
  'notice.retention.files':
    'Documents in the meeting folder are deleted shortly after the meeting.',
  'notice.rights.heading': 'Your rights',
  'notice.right.access': 'Access: you can ask for a copy of your data (Article 15).',
  'notice.right.rectification': 'Rectification: you can have wrong data corrected (Article 16).',
  'notice.right.erasure':
    'Erasure: you can ask us to erase your data before the retention period ends, where the law allows it (Article 17).',
  'notice.right.restriction':
    'Restriction: you can ask us to limit how we use your data while a question about it is settled (Article 18).',
  'notice.right.objection':
    'Objection: you can object to processing based on a public task (Article 21).',
  'notice.right.withdraw':
    'You can withdraw your consent to the survey at any time; what was done before stays lawful.',
  'notice.rights.how_email':
    'To use a right, write to {email}, preferably from the address you booked with. We answer within one month and may ask you to confirm who you are.',
  'notice.rights.how_office':
    'To use a right, contact one of our offices. We answer within one month and may ask you to confirm who you are.',
  'notice.authority.heading': 'Complaints',
  'notice.authority.text':
    'If you think we process your data unlawfully, you can complain to the supervisory authority:',
} as const;

export type PrivacyMessageKey = keyof typeof en;

const sl: Record<PrivacyMessageKey, string> = {
  'privacy.title': 'Varstvo podatkov',
  'privacy.intro':
    'Nastavitve, kako dolgo vaša organizacija hrani osebne podatke strank, in zahteve strank za vpogled v podatke ali njihov izbris.',
  'privacy.saved': 'Spremembe so shranjene.',
  'privacy.notice_link': 'Preberite javno obvestilo o varstvu podatkov',
  'privacy.settings.heading': 'Hramba in pooblaščena oseba za varstvo podatkov',
  'privacy.retention.label': 'Osebne podatke preteklih terminov hranimo (dni)',
  'privacy.retention.hint':
    'Od 1 do 3650 koledarskih dni, šteto od konca termina. Nato se izbrišejo imena, kontakti, opombe, klepet in zapisnik; anonimna statistika ostane.',
  'privacy.dpo_name.label': 'Pooblaščena oseba za varstvo podatkov: ime (neobvezno)',
  'privacy.dpo_email.label': 'Pooblaščena oseba za varstvo podatkov: e-pošta (neobvezno)',
  'privacy.postal.label': 'Poštni naslov za zahteve glede podatkov (neobvezno)',
  'privacy.postal.hint': 'Če ga ne vpišete, obvestilo navede naslove vaših uradov.',
  'privacy.save': 'Shrani nastavitve',
  'privacy.error.retention': 'Vpišite celo število dni od 1 do 3650.',
  'privacy.error.dpo_name': 'Vpišite ime z največ 200 znaki.',
  'privacy.error.dpo_email': 'Vpišite e-poštni naslov, na primer dpo@example.si.',
  'privacy.error.postal': 'Vpišite naslov z največ 500 znaki.',
  'privacy.search.heading': 'Zahteva stranke',
  'privacy.search.hint':
    'Poiščite termine osebe v vaši organizaciji po natančnem e-poštnem naslovu, s katerim jih je rezervirala.',
  'privacy.search.label': 'E-poštni naslov',
  'privacy.search.submit': 'Poišči termine',
  'privacy.error.email': 'Vpišite e-poštni naslov, na primer ime@example.si.',
  'privacy.results.heading': 'Termini, rezervirani z naslovom {email}',
  'privacy.results.none': 'V vaši organizaciji ni terminov s tem naslovom.',
  'privacy.col.when': 'Kdaj',
  'privacy.col.service': 'Storitev',
  'privacy.col.office': 'Urad',
  'privacy.col.official': 'Uslužbenec',
  'privacy.col.state': 'Stanje',
  'privacy.col.erasure': 'Ob izbrisu',
  'privacy.state.held': 'rezervacija v teku',
  'privacy.state.confirmed': 'potrjen',
  'privacy.state.cancelled': 'odpovedan',
  'privacy.state.expired': 'nedokončan',
  'privacy.state.locked': 'blokiran',
  'privacy.erasure.anonymise': 'takoj anonimiziran',
  'privacy.erasure.cancel_first': 'najprej odpovedan, nato anonimiziran',
  'privacy.export.submit': 'Prenesi podatke (JSON)',
  'privacy.export.hint':
    'Kopija vsega, kar o tej osebi hranimo tukaj, za zahtevo po 15. členu Splošne uredbe o varstvu podatkov.',
  'privacy.erase.submit': 'Izbriši podatke …',
  'privacy.erase.title': 'Izbrišem podatke osebe {email}?',
  'privacy.erase.text':
    'Imena, kontakti, opombe, klepet, zapisniki, komentarji iz ankete, imena datotek in e-poštna sporočila {count, plural, one {# termina} two {# terminov} few {# terminov} other {# terminov}} bodo trajno izbrisani. Anonimna statistika ostane. Tega ni mogoče razveljaviti.',
  'privacy.erase.ahead':
    'Ti termini so še v prihodnosti. Najprej bodo odpovedani, stranka pa bo prejela običajno sporočilo o odpovedi:',
  'privacy.erase.confirm': 'Trajno izbriši',
  'privacy.erase.cancel_confirm': 'Odpovej prihodnje termine in izbriši',
  'privacy.erase.back': 'Nazaj brez izbrisa',
  'privacy.erased':
    'Izbrisano: anonimiziranih terminov {erased}, od tega najprej odpovedanih {cancelled}.',
  'privacy.error.held':
    'Nekdo prav zdaj rezervira termin s tem naslovom. Poskusite znova čez 15 minut.',
  'privacy.error.ahead':
    'Prihodnje termine je treba najprej odpovedati. Spodaj potrdite njihovo odpoved.',
  'privacy.cancel_reason':
    'Zaprosili ste za izbris svojih osebnih podatkov, zato smo ta termin odpovedali.',
  'audit.action.retention.run': 'Hramba: osebni podatki preteklih terminov anonimizirani',
  'audit.action.privacy.exported': 'Izvoz podatkov stranke',
  'audit.action.privacy.erased': 'Izbris podatkov stranke na zahtevo',
  'audit.action.privacy.cancelled': 'Termin odpovedan zaradi zahteve za izbris',
  'audit.action.privacy_settings.updated': 'Spremenjene nastavitve varstva podatkov',
  'notice.title': 'Obvestilo o varstvu osebnih podatkov',
  'notice.intro':
    '{organisation} obdeluje vaše osebne podatke, ko na tej strani rezervirate termin in se ga udeležite. Tu piše, katere podatke uporabljamo, zakaj, kako dolgo in kakšne pravice imate.',
  'notice.controller.heading': 'Kdo je odgovoren',
  'notice.controller.text': 'Upravljavec vaših osebnih podatkov je {organisation}.',
  'notice.contact.email': 'E-pošta',
  'notice.contact.phone': 'Telefon',
  'notice.contact.website': 'Spletna stran',
  'notice.contact.address': 'Poštni naslov',
  'notice.contact.offices': 'Uradi',
  'notice.dpo.heading': 'Pooblaščena oseba za varstvo podatkov',
  'notice.dpo.text':
    'Na našo pooblaščeno osebo za varstvo podatkov se lahko obrnete glede vsega, kar zadeva vaše podatke.',
  'notice.dpo.none':
    'Pišite na zgornje kontakte; vaše sporočilo bo prejela oseba, odgovorna za varstvo podatkov.',
  'notice.purposes.heading': 'Katere podatke uporabljamo, zakaj in na kateri pravni podlagi',
  'notice.col.purpose': 'Namen',
  'notice.col.data': 'Podatki',
  'notice.col.basis': 'Pravna podlaga',
  'notice.purpose.appointment':
    'Dogovor, potrditev, opomnik, prestavitev ali odpoved vašega termina',
  'notice.data.appointment':
    'ime, e-poštni naslov, telefonska številka (če jo navedete), vaše opombe, sporočila, ki vam jih pošljemo',
  'notice.purpose.meeting': 'Izvedba videosestanka in sprejem iz čakalnice',
  'notice.data.meeting':
    'ime, ki ga prikažete na sestanku, kdaj ste čakali in se pridružili, klepet',
  'notice.purpose.record': 'Zapis o tem, kaj je bilo na sestanku opravljeno',
  'notice.data.record':
    'zapisnik uslužbenca, ali je bila vaša istovetnost preverjena (ne pa sam dokument)',
  'notice.purpose.documents': 'Izmenjava dokumentov v mapi sestanka',
  'notice.data.documents': 'dokumenti in njihova imena, kdo in kdaj jih je dodal ali prenesel',
  'notice.purpose.feedback': 'Izboljševanje storitve',
  'notice.data.feedback': 'vaša ocena in komentar, če odgovorite na kratko anketo',
  'notice.purpose.security': 'Varnost storitve in preprečevanje zlorab',
  'notice.data.security': 'omrežni naslov, s katerega je prišla rezervacija ali naložena datoteka',
  'notice.basis.public_task':
    'točka (e) prvega odstavka 6. člena Splošne uredbe: naloga v javnem interesu ali izvajanje javne oblasti po predpisu, ki ureja storitev, ki jo rezervirate',
  'notice.basis.consent':
    'točka (a) prvega odstavka 6. člena Splošne uredbe: vaša privolitev; anketa je prostovoljna in jo lahko izpustite',
  'notice.basis.security':
    'točka (e) prvega odstavka 6. člena in 32. člen Splošne uredbe: varnost obdelave',
  'notice.recipients.heading': 'Kdo prejme vaše podatke',
  'notice.recipient.officials':
    'uslužbenci organizacije {organisation}, ki opravljajo storitev, ki ste jo rezervirali',
  'notice.recipient.participants':
    'osebe, ki jih uslužbenec povabi na vaš sestanek, na primer tolmač (vidijo klepet, imena in mapo)',
  'notice.recipient.operator':
    'podjetje, ki za nas upravlja ta sistem, kot naš obdelovalec po pisni pogodbi',
  'notice.recipients.nothing_else':
    'Vaši podatki ne zapustijo Evropske unije. Ne uporabljamo sledilnikov, oglaševanja ali analitike in z drugih spletnih strani ne nalagamo ničesar.',
  'notice.retention.heading': 'Kako dolgo jih hranimo',
  'notice.retention.text':
    'Vaše osebne podatke hranimo {days, plural, one {# dan} two {# dneva} few {# dni} other {# dni}} po terminu, šteto od njegovega konca, odpovedi ali konca sestanka, kar je pozneje. Nato izbrišemo vaše ime, kontakte, opombe, klepet, zapisnik in vaše komentarje; ostane le anonimna statistika.',
  'notice.retention.files': 'Dokumenti v mapi sestanka se izbrišejo kmalu po sestanku.',
  'notice.rights.heading': 'Vaše pravice',
  'notice.right.access': 'Dostop: zahtevate lahko kopijo svojih podatkov (15. člen).',
  'notice.right.rectification':
    'Popravek: zahtevate lahko, da napačne podatke popravimo (16. člen).',
  'notice.right.erasure':
    'Izbris: zahtevate lahko, da podatke izbrišemo pred koncem hrambe, kadar to dopušča zakon (17. člen).',
  'notice.right.restriction':
    'Omejitev: zahtevate lahko, da uporabo podatkov omejimo, dokler vprašanje o njih ni rešeno (18. člen).',
  'notice.right.objection':
    'Ugovor: ugovarjate lahko obdelavi, ki temelji na javni nalogi (21. člen).',
  'notice.right.withdraw':
    'Privolitev za anketo lahko kadar koli prekličete; kar je bilo storjeno prej, ostane zakonito.',
  'notice.rights.how_email':
    'Za uveljavljanje pravice pišite na {email}, po možnosti z naslova, s katerim ste rezervirali. Odgovorili vam bomo v enem mesecu; morda vas bomo prosili, da potrdite svojo istovetnost.',
  'notice.rights.how_office':
    'Za uveljavljanje pravice se obrnite na enega od naših uradov. Odgovorili vam bomo v enem mesecu; morda vas bomo prosili, da potrdite svojo istovetnost.',
  'notice.authority.heading': 'Pritožbe',
  'notice.authority.text':
    'Če menite, da vaše podatke obdelujemo nezakonito, se lahko pritožite pri nadzornem organu:',
};

const cs: Record<PrivacyMessageKey, string> = {
  'privacy.title': 'Ochrana údajů',
  'privacy.intro':
    'Nastavení, jak dlouho vaše organizace uchovává osobní údaje občanů, a žádosti občanů o přístup k údajům nebo o jejich výmaz.',
  'privacy.saved': 'Změny jsou uloženy.',
  'privacy.notice_link': 'Přečtěte si veřejné informace o ochraně osobních údajů',
  'privacy.settings.heading': 'Doba uchování a pověřenec pro ochranu osobních údajů',
  'privacy.retention.label': 'Osobní údaje minulých termínů uchovávat (dní)',
  'privacy.retention.hint':
    'Od 1 do 3650 kalendářních dní, počítáno od konce termínu. Poté se vymažou jména, kontakty, poznámky, chat a zápis; anonymní statistiky zůstanou.',
  'privacy.dpo_name.label': 'Pověřenec pro ochranu osobních údajů: jméno (nepovinné)',
  'privacy.dpo_email.label': 'Pověřenec pro ochranu osobních údajů: e-mail (nepovinné)',
  'privacy.postal.label': 'Poštovní adresa pro žádosti o údaje (nepovinné)',
  'privacy.postal.hint': 'Bez ní informace uvedou adresy vašich pracovišť.',
  'privacy.save': 'Uložit nastavení',
  'privacy.error.retention': 'Zadejte celý počet dní od 1 do 3650.',
  'privacy.error.dpo_name': 'Zadejte jméno o nejvýše 200 znacích.',
  'privacy.error.dpo_email': 'Zadejte e-mailovou adresu, například dpo@example.cz.',
  'privacy.error.postal': 'Zadejte adresu o nejvýše 500 znacích.',
  'privacy.search.heading': 'Žádost občana',
  'privacy.search.hint':
    'Vyhledejte termíny osoby ve vaší organizaci podle přesné e-mailové adresy, se kterou je rezervovala.',
  'privacy.search.label': 'E-mailová adresa',
  'privacy.search.submit': 'Vyhledat termíny',
  'privacy.error.email': 'Zadejte e-mailovou adresu, například jmeno@example.cz.',
  'privacy.results.heading': 'Termíny rezervované s adresou {email}',
  'privacy.results.none': 'Ve vaší organizaci nejsou žádné termíny s touto adresou.',
  'privacy.col.when': 'Kdy',
  'privacy.col.service': 'Služba',
  'privacy.col.office': 'Pracoviště',
  'privacy.col.official': 'Úředník',
  'privacy.col.state': 'Stav',
  'privacy.col.erasure': 'Při výmazu',
  'privacy.state.held': 'právě se rezervuje',
  'privacy.state.confirmed': 'potvrzený',
  'privacy.state.cancelled': 'zrušený',
  'privacy.state.expired': 'nedokončený',
  'privacy.state.locked': 'blokovaný',
  'privacy.erasure.anonymise': 'ihned anonymizován',
  'privacy.erasure.cancel_first': 'nejprve zrušen, poté anonymizován',
  'privacy.export.submit': 'Stáhnout údaje (JSON)',
  'privacy.export.hint':
    'Kopie všeho, co zde o této osobě uchováváme, pro žádost podle článku 15 obecného nařízení o ochraně osobních údajů.',
  'privacy.erase.submit': 'Vymazat údaje…',
  'privacy.erase.title': 'Vymazat údaje osoby {email}?',
  'privacy.erase.text':
    'Jména, kontakty, poznámky, chat, zápisy, komentáře z ankety, názvy souborů a e-maily {count, plural, one {# termínu} few {# termínů} other {# termínů}} budou trvale vymazány. Anonymní statistiky zůstanou. Tuto akci nelze vrátit.',
  'privacy.erase.ahead':
    'Tyto termíny teprve proběhnou. Nejprve budou zrušeny a občan dostane obvyklý e-mail o zrušení:',
  'privacy.erase.confirm': 'Trvale vymazat',
  'privacy.erase.cancel_confirm': 'Zrušit budoucí termíny a vymazat',
  'privacy.erase.back': 'Zpět bez výmazu',
  'privacy.erased':
    'Vymazáno: anonymizovaných termínů {erased}, z toho nejprve zrušených {cancelled}.',
  'privacy.error.held':
    'S touto adresou si právě někdo rezervuje termín. Zkuste to znovu za 15 minut.',
  'privacy.error.ahead': 'Budoucí termíny je třeba nejprve zrušit. Jejich zrušení potvrďte níže.',
  'privacy.cancel_reason':
    'Požádali jste o výmaz svých osobních údajů, proto jsme tento termín zrušili.',
  'audit.action.retention.run': 'Uchování: osobní údaje minulých termínů anonymizovány',
  'audit.action.privacy.exported': 'Export údajů občana',
  'audit.action.privacy.erased': 'Výmaz údajů občana na žádost',
  'audit.action.privacy.cancelled': 'Termín zrušen kvůli žádosti o výmaz',
  'audit.action.privacy_settings.updated': 'Změna nastavení ochrany údajů',
  'notice.title': 'Informace o ochraně osobních údajů',
  'notice.intro':
    '{organisation} zpracovává vaše osobní údaje, když si na této stránce rezervujete termín a zúčastníte se ho. Zde se dozvíte, jaké údaje používáme, proč, jak dlouho a jaká máte práva.',
  'notice.controller.heading': 'Kdo odpovídá',
  'notice.controller.text': 'Správcem vašich osobních údajů je {organisation}.',
  'notice.contact.email': 'E-mail',
  'notice.contact.phone': 'Telefon',
  'notice.contact.website': 'Webové stránky',
  'notice.contact.address': 'Poštovní adresa',
  'notice.contact.offices': 'Pracoviště',
  'notice.dpo.heading': 'Pověřenec pro ochranu osobních údajů',
  'notice.dpo.text':
    'Na našeho pověřence pro ochranu osobních údajů se můžete obrátit ve všem, co se týká vašich údajů.',
  'notice.dpo.none':
    'Napište na výše uvedené kontakty; vaši zprávu dostane osoba odpovědná za ochranu osobních údajů.',
  'notice.purposes.heading': 'Jaké údaje používáme, proč a na jakém právním základě',
  'notice.col.purpose': 'Účel',
  'notice.col.data': 'Údaje',
  'notice.col.basis': 'Právní základ',
  'notice.purpose.appointment':
    'Sjednání, potvrzení, připomenutí, přesunutí nebo zrušení vašeho termínu',
  'notice.data.appointment':
    'jméno, e-mailová adresa, telefonní číslo (pokud je uvedete), vaše poznámky, e-maily, které vám posíláme',
  'notice.purpose.meeting': 'Uskutečnění videoschůzky a vpuštění z čekárny',
  'notice.data.meeting':
    'jméno, které ve schůzce zobrazujete, kdy jste čekali a připojili se, chat',
  'notice.purpose.record': 'Záznam o tom, co bylo na schůzce vyřízeno',
  'notice.data.record': 'zápis úředníka, zda byla ověřena vaše totožnost (nikoli samotný doklad)',
  'notice.purpose.documents': 'Výměna dokumentů ve složce schůzky',
  'notice.data.documents': 'dokumenty a jejich názvy, kdo a kdy je přidal nebo stáhl',
  'notice.purpose.feedback': 'Zlepšování služby',
  'notice.data.feedback': 'vaše hodnocení a komentář, pokud vyplníte krátkou anketu',
  'notice.purpose.security': 'Bezpečnost služby a předcházení zneužití',
  'notice.data.security': 'síťová adresa, ze které přišla rezervace nebo nahraný soubor',
  'notice.basis.public_task':
    'čl. 6 odst. 1 písm. e) obecného nařízení: úkol ve veřejném zájmu nebo výkon veřejné moci podle předpisu, který upravuje rezervovanou službu',
  'notice.basis.consent':
    'čl. 6 odst. 1 písm. a) obecného nařízení: váš souhlas; anketa je dobrovolná a můžete ji vynechat',
  'notice.basis.security':
    'čl. 6 odst. 1 písm. e) a čl. 32 obecného nařízení: zabezpečení zpracování',
  'notice.recipients.heading': 'Kdo vaše údaje dostává',
  'notice.recipient.officials':
    'úředníci organizace {organisation}, kteří vyřizují rezervovanou službu',
  'notice.recipient.participants':
    'osoby, které úředník přizve do vaší schůzky, například tlumočník (vidí chat, jména a složku)',
  'notice.recipient.operator':
    'firma, která pro nás tento systém provozuje, jako náš zpracovatel na základě písemné smlouvy',
  'notice.recipients.nothing_else':
    'Vaše údaje neopouštějí Evropskou unii. Nepoužíváme sledování, reklamu ani analytiku a z jiných webů nenačítáme nic.',
  'notice.retention.heading': 'Jak dlouho je uchováváme',
  'notice.retention.text':
    'Vaše osobní údaje uchováváme {days, plural, one {# den} few {# dny} other {# dní}} po termínu, počítáno od jeho konce, zrušení nebo konce schůzky, podle toho, co nastane později. Poté vymažeme vaše jméno, kontakty, poznámky, chat, zápis a vaše komentáře; zůstanou jen anonymní statistiky.',
  'notice.retention.files': 'Dokumenty ve složce schůzky se mažou krátce po schůzce.',
  'notice.rights.heading': 'Vaše práva',
  'notice.right.access': 'Přístup: můžete požádat o kopii svých údajů (článek 15).',
  'notice.right.rectification': 'Oprava: můžete požádat o opravu nesprávných údajů (článek 16).',
  'notice.right.erasure':
    'Výmaz: můžete požádat o vymazání údajů před koncem doby uchování, pokud to zákon dovoluje (článek 17).',
  'notice.right.restriction':
    'Omezení: můžete požádat o omezení používání údajů, dokud se otázka kolem nich nevyřeší (článek 18).',
  'notice.right.objection':
    'Námitka: můžete vznést námitku proti zpracování na základě veřejného úkolu (článek 21).',
  'notice.right.withdraw':
    'Souhlas s anketou můžete kdykoli odvolat; co bylo učiněno předtím, zůstává zákonné.',
  'notice.rights.how_email':
    'Chcete-li své právo uplatnit, napište na {email}, nejlépe z adresy, se kterou jste rezervovali. Odpovíme do jednoho měsíce a můžeme vás požádat o ověření totožnosti.',
  'notice.rights.how_office':
    'Chcete-li své právo uplatnit, obraťte se na některé z našich pracovišť. Odpovíme do jednoho měsíce a můžeme vás požádat o ověření totožnosti.',
  'notice.authority.heading': 'Stížnosti',
  'notice.authority.text':
    'Pokud se domníváte, že vaše údaje zpracováváme protiprávně, můžete podat stížnost u dozorového úřadu:',
};

export const privacyMessages = { en, sl, cs };

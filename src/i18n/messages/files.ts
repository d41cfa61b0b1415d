/** Texts of the meeting folder (pages, its browser script via `folder.*`, and the admin setting). Each language has exactly the English keys. */
const en = {
  'files.title': 'Shared folder',
  'files.banner':
    'Files are deleted when the meeting ends (planned end at {time}). Download what you need before then.',
  'files.banner_grace':
    'Files are deleted {grace} after the meeting ends (planned end at {time}), and cannot be opened once it has ended. Download what you need before then.',
  'files.list': 'Files',
  'files.empty': 'No files yet.',
  'files.infected': 'Blocked: the virus scanner found {signature}. This file cannot be downloaded.',
  'files.unscanned': 'not scanned for viruses',
  'files.download_all': 'Download all files (zip)',
  'files.add': 'Add files',
  'files.choose': 'Choose files',
  'files.hint': 'PDF is best. Accepted: {types}. Up to {file} per file and {folder} in all.',
  'files.upload': 'Upload',
  'files.uploaded': 'Files uploaded: {count}',
  'files.role.citizen': 'citizen',
  'files.role.guest': 'guest',
  'files.role.staff': 'official',
  'files.open': 'Open the shared folder',
  'files.open_text':
    'Open a folder to exchange documents during this meeting. Its link is posted in the chat by itself.',
  'files.not_opened': 'The official has not opened a shared folder for this meeting yet.',
  'files.not_admitted': 'You can use the folder once the official has let you into the meeting.',
  'files.closed_title': 'This folder is closed',
  'files.closed_text':
    'The meeting has ended, so its folder is closed and its files are deleted. If you still need a document, ask the office.',
  'files.back': 'Back to the meeting',
  'files.blocked_title': 'This file was blocked',
  'files.blocked_text':
    'The virus scanner found {signature} in this file. It is kept aside and cannot be downloaded. Ask the sender for a clean copy.',
  'files.nothing_to_zip': 'There are no files to download yet.',
  'files.error.empty': '{name}: the file is empty.',
  'files.error.unknown_type':
    '{name}: this kind of file is not accepted. Use PDF, an image (PNG, JPEG) or an office document.',
  'files.error.not_allowed': '{name}: this kind of file is not accepted here.',
  'files.error.polyglot': '{name}: the file hides content of another kind and was refused.',
  'files.error.executable': '{name}: programs cannot be uploaded.',
  'files.error.script': '{name}: files with scripts (web pages, SVG images) cannot be uploaded.',
  'files.error.zip_bomb':
    '{name}: the document would unpack to an unreasonable size and was refused.',
  'files.error.bad_zip': '{name}: the document is damaged and cannot be read.',
  'files.error.too_large': '{name}: the file is larger than {max}.',
  'files.error.folder_full': '{name}: the folder would hold more than {max} in all.',
  'files.error.null_byte': '{name}: the file name contains a forbidden character.',
  'files.error.path_name': '{name}: the file name must not contain a folder path.',
  'files.error.name_mismatch':
    '{name}: the name does not match what the file really is. Send it under its real type, or rename it.',
  'files.error.bad_name': '{name}: the file needs a name.',
  'files.error.too_many': '{name}: the folder already holds as many files as it can.',
  'files.error.infected':
    '{name}: the virus scanner found {signature}. The file was blocked and cannot be downloaded.',
  'files.error.scanner_unavailable':
    '{name}: the virus scanner is not available right now. Please try again in a minute.',
  'files.error.closed': '{name}: the folder is closed.',
  'files.error.no_file': 'Choose at least one file to upload.',
  'files.error.busy':
    'You are already uploading files. Wait until they are in, then send the next ones.',
  'files.error.no_space':
    'There is no room to store files right now, and nothing was stored. Please try again in a few minutes.',
  'files.error.malformed':
    'The upload broke off or arrived damaged, and nothing was stored. Please send the file again.',
  'files.error.macros':
    '{name}: documents with macros cannot be uploaded. Save the document without macros (for example as DOCX or PDF) and upload it again.',
  'files.error.nested_archive': '{name}: the document contains another archive and was refused.',
  'folder.drop': 'Drop files here, or choose them below.',
  'folder.uploading': 'Uploading {name}',
  'folder.progress': 'Upload of {name}',
  'folder.done': '{name} uploaded.',
  'folder.failed': 'The upload failed. Check your connection and try again.',
  'folder.closed': 'The meeting has ended and the folder is closed.',
};

export type FilesMessageKey = keyof typeof en;

const sl: Record<FilesMessageKey, string> = {
  'files.title': 'Skupna mapa',
  'files.banner':
    'Datoteke se izbrišejo, ko se sestanek konča (predvideni konec ob {time}). Prenesite si, kar potrebujete, še prej.',
  'files.banner_grace':
    'Datoteke se izbrišejo {grace} po koncu sestanka (predvideni konec ob {time}), odpreti pa jih po koncu ni več mogoče. Prenesite si, kar potrebujete, še prej.',
  'files.list': 'Datoteke',
  'files.empty': 'Datotek še ni.',
  'files.infected':
    'Blokirano: protivirusni pregled je našel {signature}. Te datoteke ni mogoče prenesti.',
  'files.unscanned': 'ni pregledana na viruse',
  'files.download_all': 'Prenesi vse datoteke (zip)',
  'files.add': 'Dodaj datoteke',
  'files.choose': 'Izberite datoteke',
  'files.hint': 'Najbolje PDF. Sprejemamo: {types}. Do {file} na datoteko in skupaj do {folder}.',
  'files.upload': 'Naloži',
  'files.uploaded': 'Naloženih datotek: {count}',
  'files.role.citizen': 'stranka',
  'files.role.guest': 'gost',
  'files.role.staff': 'uslužbenec',
  'files.open': 'Odpri skupno mapo',
  'files.open_text':
    'Odprite mapo za izmenjavo dokumentov med tem sestankom. Povezava nanjo se sama objavi v klepetu.',
  'files.not_opened': 'Skupna mapa za ta sestanek še ni odprta.',
  'files.not_admitted': 'Mapo lahko uporabljate, ko vas uslužbenec spusti na sestanek.',
  'files.closed_title': 'Ta mapa je zaprta',
  'files.closed_text':
    'Sestanek se je končal, zato je mapa zaprta in datoteke so izbrisane. Če dokument še potrebujete, se obrnite na urad.',
  'files.back': 'Nazaj na sestanek',
  'files.blocked_title': 'Ta datoteka je blokirana',
  'files.blocked_text':
    'Protivirusni pregled je v tej datoteki našel {signature}. Shranjena je ločeno in je ni mogoče prenesti. Pošiljatelja prosite za čisto kopijo.',
  'files.nothing_to_zip': 'Datotek za prenos še ni.',
  'files.error.empty': '{name}: datoteka je prazna.',
  'files.error.unknown_type':
    '{name}: te vrste datotek ne sprejemamo. Uporabite PDF, sliko (PNG, JPEG) ali pisarniški dokument.',
  'files.error.not_allowed': '{name}: te vrste datotek tu ne sprejemamo.',
  'files.error.polyglot': '{name}: datoteka skriva vsebino druge vrste, zato je zavrnjena.',
  'files.error.executable': '{name}: programov ni mogoče nalagati.',
  'files.error.script':
    '{name}: datotek s skriptami (spletne strani, slike SVG) ni mogoče nalagati.',
  'files.error.zip_bomb':
    '{name}: dokument bi se razširil na nerazumno velikost, zato je zavrnjen.',
  'files.error.bad_zip': '{name}: dokument je poškodovan in ga ni mogoče prebrati.',
  'files.error.too_large': '{name}: datoteka je večja od {max}.',
  'files.error.folder_full': '{name}: v mapi bi bilo skupaj več kot {max}.',
  'files.error.null_byte': '{name}: ime datoteke vsebuje prepovedan znak.',
  'files.error.path_name': '{name}: ime datoteke ne sme vsebovati poti do mape.',
  'files.error.name_mismatch':
    '{name}: ime se ne ujema z vrsto datoteke. Preimenujte jo tako, da bo končnica ustrezala vrsti, in jo pošljite znova.',
  'files.error.bad_name': '{name}: datoteka mora imeti ime.',
  'files.error.too_many': '{name}: v mapi je že največje dovoljeno število datotek.',
  'files.error.infected':
    '{name}: protivirusni pregled je našel {signature}. Datoteka je blokirana in je ni mogoče prenesti.',
  'files.error.scanner_unavailable':
    '{name}: protivirusni pregled trenutno ne deluje. Poskusite znova čez minuto.',
  'files.error.closed': '{name}: mapa je zaprta.',
  'files.error.no_file': 'Izberite vsaj eno datoteko za nalaganje.',
  'files.error.busy': 'Datoteke že nalagate. Počakajte, da se naložijo, nato pošljite naslednje.',
  'files.error.no_space':
    'Za shranjevanje datotek trenutno ni prostora, zato ni bilo nič shranjeno. Poskusite znova čez nekaj minut.',
  'files.error.malformed':
    'Nalaganje se je prekinilo ali pa so podatki prispeli poškodovani, zato ni bilo nič shranjeno. Datoteko pošljite znova.',
  'files.error.macros':
    '{name}: dokumentov z makri ni mogoče naložiti. Dokument shranite brez makrov (na primer v obliki DOCX ali PDF) in ga naložite znova.',
  'files.error.nested_archive': '{name}: dokument vsebuje drug arhiv, zato je zavrnjen.',
  'folder.drop': 'Spustite datoteke sem ali jih izberite spodaj.',
  'folder.uploading': 'Nalaganje: {name}',
  'folder.progress': 'Nalaganje datoteke {name}',
  'folder.done': 'Datoteka {name} je naložena.',
  'folder.failed': 'Nalaganje ni uspelo. Preverite povezavo in poskusite znova.',
  'folder.closed': 'Sestanek se je končal in mapa je zaprta.',
};

const cs: Record<FilesMessageKey, string> = {
  'files.title': 'Sdílená složka',
  'files.banner':
    'Soubory se smažou, jakmile schůzka skončí (plánovaný konec v {time}). Stáhněte si, co potřebujete, ještě předtím.',
  'files.banner_grace':
    'Soubory se smažou {grace} po konci schůzky (plánovaný konec v {time}) a po jejím konci už je nelze otevřít. Stáhněte si, co potřebujete, ještě předtím.',
  'files.list': 'Soubory',
  'files.empty': 'Zatím tu nejsou žádné soubory.',
  'files.infected':
    'Zablokováno: antivirová kontrola našla {signature}. Tento soubor nelze stáhnout.',
  'files.unscanned': 'nezkontrolován antivirem',
  'files.download_all': 'Stáhnout všechny soubory (zip)',
  'files.add': 'Přidat soubory',
  'files.choose': 'Vyberte soubory',
  'files.hint': 'Nejlépe PDF. Přijímáme: {types}. Nejvýše {file} na soubor a celkem {folder}.',
  'files.upload': 'Nahrát',
  'files.uploaded': 'Nahraných souborů: {count}',
  'files.role.citizen': 'občan',
  'files.role.guest': 'host',
  'files.role.staff': 'úředník',
  'files.open': 'Otevřít sdílenou složku',
  'files.open_text':
    'Otevřete složku pro výměnu dokumentů během této schůzky. Odkaz na ni se sám objeví v chatu.',
  'files.not_opened': 'Sdílená složka pro tuto schůzku zatím není otevřená.',
  'files.not_admitted': 'Složku můžete používat, jakmile vás úředník pustí do schůzky.',
  'files.closed_title': 'Tato složka je uzavřená',
  'files.closed_text':
    'Schůzka skončila, proto je složka uzavřená a soubory jsou smazané. Pokud dokument ještě potřebujete, obraťte se na úřad.',
  'files.back': 'Zpět na schůzku',
  'files.blocked_title': 'Tento soubor byl zablokován',
  'files.blocked_text':
    'Antivirová kontrola v tomto souboru našla {signature}. Je uložen stranou a nelze jej stáhnout. Požádejte odesílatele o čistou kopii.',
  'files.nothing_to_zip': 'Zatím tu nejsou žádné soubory ke stažení.',
  'files.error.empty': '{name}: soubor je prázdný.',
  'files.error.unknown_type':
    '{name}: tento druh souboru nepřijímáme. Použijte PDF, obrázek (PNG, JPEG) nebo kancelářský dokument.',
  'files.error.not_allowed': '{name}: tento druh souboru zde nepřijímáme.',
  'files.error.polyglot': '{name}: soubor skrývá obsah jiného druhu, proto byl odmítnut.',
  'files.error.executable': '{name}: programy nelze nahrávat.',
  'files.error.script': '{name}: soubory se skripty (webové stránky, obrázky SVG) nelze nahrávat.',
  'files.error.zip_bomb':
    '{name}: dokument by se rozbalil do nepřiměřené velikosti, proto byl odmítnut.',
  'files.error.bad_zip': '{name}: dokument je poškozený a nelze jej přečíst.',
  'files.error.too_large': '{name}: soubor je větší než {max}.',
  'files.error.folder_full': '{name}: složka by celkem obsahovala více než {max}.',
  'files.error.null_byte': '{name}: název souboru obsahuje zakázaný znak.',
  'files.error.path_name': '{name}: název souboru nesmí obsahovat cestu ke složce.',
  'files.error.name_mismatch':
    '{name}: název neodpovídá skutečnému druhu souboru. Přejmenujte ho tak, aby přípona odpovídala druhu souboru, a pošlete ho znovu.',
  'files.error.bad_name': '{name}: soubor musí mít název.',
  'files.error.too_many': '{name}: složka už obsahuje nejvyšší povolený počet souborů.',
  'files.error.infected':
    '{name}: antivirová kontrola našla {signature}. Soubor byl zablokován a nelze jej stáhnout.',
  'files.error.scanner_unavailable':
    '{name}: antivirová kontrola teď není dostupná. Zkuste to prosím znovu za minutu.',
  'files.error.closed': '{name}: složka je uzavřená.',
  'files.error.no_file': 'Vyberte alespoň jeden soubor k nahrání.',
  'files.error.busy': 'Soubory už nahráváte. Počkejte, až se nahrají, a pak pošlete další.',
  'files.error.no_space':
    'Pro ukládání souborů teď není místo, a nic se proto neuložilo. Zkuste to prosím znovu za několik minut.',
  'files.error.malformed':
    'Nahrávání se přerušilo nebo data dorazila poškozená, a nic se proto neuložilo. Pošlete soubor znovu.',
  'files.error.macros':
    '{name}: dokumenty s makry nelze nahrát. Uložte dokument bez maker (například ve formátu DOCX nebo PDF) a nahrajte ho znovu.',
  'files.error.nested_archive': '{name}: dokument obsahuje další archiv, a byl proto odmítnut.',
  'folder.drop': 'Přetáhněte soubory sem, nebo je vyberte níže.',
  'folder.uploading': 'Nahrávání: {name}',
  'folder.progress': 'Nahrávání souboru {name}',
  'folder.done': 'Soubor {name} je nahrán.',
  'folder.failed': 'Nahrávání se nezdařilo. Zkontrolujte připojení a zkuste to znovu.',
  'folder.closed': 'Schůzka skončila a složka je uzavřená.',
};

export const filesMessages: Record<'sl' | 'cs' | 'en', Record<FilesMessageKey, string>> = {
  en,
  sl,
  cs,
};

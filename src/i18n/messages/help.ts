/**
 * Texts of the help pages: task guides, videos and the staff manual (src/notices/help). Each
 * language has exactly the English keys. A step's `{control}` is the real page's own label of the
 * control it names (notices/help/guides.ts), so a renamed button renames the guide; the staff
 * manual's sections are content files beside it (manual-*.ts).
 */
const en = {
  'help.title': 'Help',
  'help.lead':
    'Step-by-step guides to what you can do at the virtual counter. Each step shows the page as it looks on a phone.',
  'help.guides': 'Guides',
  'help.footer_link': 'Help',
  'help.staff_footer_link': 'User manual',
  'help.all_guides': 'All guides',
  'help.steps': 'Step by step',
  'help.step_n': 'Step {n}',
  'help.shot_alt': 'The page of step {n} on a phone',
  'help.video.title': 'Video guide',
  'help.video.captions': 'English captions',
  'help.video.download': 'Download the video (WebM)',
  'help.video.fallback': 'Your browser cannot play this video. You can download it instead.',
  'help.task.book.title': 'Book an appointment',
  'help.task.book.lead': 'Book a video appointment with an official at a time that suits you.',
  'help.task.join.title': 'Join a video meeting',
  'help.task.join.lead':
    'Join your appointment from a phone or a computer with a camera and a microphone.',
  'help.task.form.title': 'Send a form',
  'help.task.form.lead': 'Fill in an application or a request online and send it to the office.',
  'help.task.pay.title': 'Pay a fee',
  'help.task.pay.lead': 'Pay a local or administrative fee by bank transfer, QR code or card.',
  'help.step.book.1': 'Open the service you need on the office’s page and press {control}.',
  'help.step.book.2': 'In the calendar {control}, choose a day. Days with free times are links.',
  'help.step.book.3': 'Under {control}, choose a time. Times are in the office’s time zone.',
  'help.step.book.4':
    'Enter your name and e-mail address and, if you wish, a note for the official. Then press {control}.',
  'help.step.book.5': 'We have sent a 6-digit code to your e-mail. Enter it and press {control}.',
  'help.step.book.6':
    'Done: {control}. The e-mail we send you has the link to the meeting and a calendar file.',
  'help.step.join.1':
    'Open the link from the e-mail up to 15 minutes before the appointment. Allow the camera and microphone when the browser asks, check your picture and sound, and press {control}.',
  'help.step.join.2':
    'You see {control}. Keep the page open: the official lets you in at the time of the appointment.',
  'help.step.join.3':
    'What the official sees: your name and appointment in the waiting room, with the button {control}.',
  'help.step.join.4':
    'You are in the meeting. You can turn the camera and microphone off and on. To end, press {control}.',
  'help.step.form.1': 'On the life situation’s page, under {control}, choose the form.',
  'help.step.form.2':
    'Enter your e-mail address, so that we can send you a link to continue later, and press {control}.',
  'help.step.form.3':
    'Answer the questions on each page and press {control}. Your answers are saved page by page.',
  'help.step.form.4': 'Check your answers and change any of them if needed. Then press {control}.',
  'help.step.form.5':
    'The form has been sent. Note the reference number and keep the receipt: {control}.',
  'help.step.pay.1':
    'On the office’s page, press {control}. If you are signed in, you also find your fees in your account.',
  'help.step.pay.2':
    'Enter the variable symbol and your name as written on the fee notice, and an e-mail address for the receipt. Then press {control}.',
  'help.step.pay.3':
    'The page {control} shows the amount, the account and the reference. Scan the QR code with your bank’s app, or enter the details in your online bank.',
  'help.step.pay.4':
    'Or press {control} and pay on the bank’s secure page. We send you the receipt by e-mail.',
  'help.manual.title': 'User manual for officials and administrators',
  'help.manual.lead':
    'Short answers to “how do I…” for everyday work at the virtual counter. Sections marked for administrators describe pages only administrators see.',
  'help.manual.contents': 'Contents',
  'help.manual.admin_only': 'Administrators',
  'help.manual.open': 'Open the page',
};

export type HelpMessageKey = keyof typeof en;

const sl: Record<HelpMessageKey, string> = {
  'help.title': 'Pomoč',
  'help.lead':
    'Navodila po korakih za vse, kar lahko uredite na virtualnem okencu. Pri vsakem koraku je prikazana stran, kakršna je na mobilnem telefonu.',
  'help.guides': 'Navodila',
  'help.footer_link': 'Pomoč',
  'help.staff_footer_link': 'Priročnik za uporabnike',
  'help.all_guides': 'Vsa navodila',
  'help.steps': 'Po korakih',
  'help.step_n': '{n}. korak',
  'help.shot_alt': 'Stran {n}. koraka na mobilnem telefonu',
  'help.video.title': 'Video navodila',
  'help.video.captions': 'Slovenski podnapisi',
  'help.video.download': 'Prenesite videoposnetek (WebM)',
  'help.video.fallback': 'Vaš brskalnik tega videoposnetka ne more predvajati. Lahko ga prenesete.',
  'help.task.book.title': 'Naročanje na termin',
  'help.task.book.lead': 'Naročite se na videoklic z uslužbencem ob času, ki vam ustreza.',
  'help.task.join.title': 'Pridružitev videoklicu',
  'help.task.join.lead':
    'Na termin se pridružite z mobilnim telefonom ali računalnikom s kamero in mikrofonom.',
  'help.task.form.title': 'Oddaja vloge',
  'help.task.form.lead': 'Izpolnite vlogo ali zahtevo po spletu in jo pošljite organu.',
  'help.task.pay.title': 'Plačilo takse',
  'help.task.pay.lead': 'Plačajte takso ali pristojbino z nakazilom, s kodo QR ali s kartico.',
  'help.step.book.1':
    'Na strani organa odprite storitev, ki jo potrebujete, in izberite {control}.',
  'help.step.book.2': 'V koledarju {control} izberite dan. Dnevi s prostimi termini so povezave.',
  'help.step.book.3': 'Pod naslovom {control} izberite uro. Ure so navedene po času organa.',
  'help.step.book.4':
    'Vpišite ime in priimek, e-poštni naslov in po želji sporočilo uslužbencu. Nato izberite {control}.',
  'help.step.book.5':
    'Na vaš e-poštni naslov smo poslali šestmestno kodo. Vpišite jo in izberite {control}.',
  'help.step.book.6':
    'Končano: {control}. V e-poštnem sporočilu, ki vam ga pošljemo, sta povezava do videoklica in datoteka za koledar.',
  'help.step.join.1':
    'Povezavo iz e-poštnega sporočila odprite največ 15 minut pred terminom. Ko brskalnik vpraša, dovolite uporabo kamere in mikrofona, preverite sliko in zvok ter izberite {control}.',
  'help.step.join.2':
    'Prikaže se sporočilo {control}. Stran pustite odprto: uslužbenec vas sprejme ob času termina.',
  'help.step.join.3': 'Kaj vidi uslužbenec: v čakalnici vaše ime in termin ter gumb {control}.',
  'help.step.join.4':
    'Ste v videoklicu. Kamero in mikrofon lahko izklopite in znova vklopite. Za konec izberite {control}.',
  'help.step.form.1': 'Na strani življenjskega dogodka pod naslovom {control} izberite obrazec.',
  'help.step.form.2':
    'Vpišite e-poštni naslov, da vam lahko pošljemo povezavo za nadaljevanje, in izberite {control}.',
  'help.step.form.3':
    'Odgovorite na vprašanja na vsaki strani in izberite {control}. Odgovori se shranijo sproti.',
  'help.step.form.4': 'Preverite odgovore in jih po potrebi popravite. Nato izberite {control}.',
  'help.step.form.5':
    'Vloga je oddana. Zapišite si številko vloge in shranite potrdilo: {control}.',
  'help.step.pay.1':
    'Na strani organa izberite {control}. Če ste prijavljeni, najdete svoje takse tudi v svojem profilu.',
  'help.step.pay.2':
    'Vpišite referenco in ime, kot sta navedena na odločbi ali plačilnem nalogu, ter e-poštni naslov za potrdilo. Nato izberite {control}.',
  'help.step.pay.3':
    'Na strani {control} so znesek, račun in referenca. Kodo QR preberite z mobilno banko ali podatke vpišite v spletno banko.',
  'help.step.pay.4':
    'Lahko pa izberete {control} in plačate na varni strani banke. Potrdilo o plačilu vam pošljemo po e-pošti.',
  'help.manual.title': 'Priročnik za uslužbence in skrbnike',
  'help.manual.lead':
    'Kratki odgovori na vprašanje „kako …“ pri vsakdanjem delu z virtualnim okencem. Razdelki, označeni za skrbnike, opisujejo strani, ki jih vidijo samo skrbniki.',
  'help.manual.contents': 'Vsebina',
  'help.manual.admin_only': 'Skrbniki',
  'help.manual.open': 'Odpri stran',
};

const cs: Record<HelpMessageKey, string> = {
  'help.title': 'Nápověda',
  'help.lead':
    'Návody krok za krokem ke všemu, co můžete vyřídit na virtuální přepážce. U každého kroku je vidět stránka tak, jak vypadá na mobilním telefonu.',
  'help.guides': 'Návody',
  'help.footer_link': 'Nápověda',
  'help.staff_footer_link': 'Uživatelská příručka',
  'help.all_guides': 'Všechny návody',
  'help.steps': 'Krok za krokem',
  'help.step_n': '{n}. krok',
  'help.shot_alt': 'Stránka {n}. kroku na mobilním telefonu',
  'help.video.title': 'Videonávod',
  'help.video.captions': 'České titulky',
  'help.video.download': 'Stáhnout video (WebM)',
  'help.video.fallback': 'Váš prohlížeč toto video neumí přehrát. Můžete si ho stáhnout.',
  'help.task.book.title': 'Objednání na termín',
  'help.task.book.lead': 'Objednejte se na videoschůzku s úředníkem v čase, který vám vyhovuje.',
  'help.task.join.title': 'Připojení k videoschůzce',
  'help.task.join.lead':
    'K termínu se připojíte z mobilního telefonu nebo počítače s kamerou a mikrofonem.',
  'help.task.form.title': 'Podání formuláře',
  'help.task.form.lead': 'Vyplňte žádost nebo oznámení online a odešlete je úřadu.',
  'help.task.pay.title': 'Zaplacení poplatku',
  'help.task.pay.lead': 'Zaplaťte místní nebo správní poplatek převodem, QR kódem nebo kartou.',
  'help.step.book.1': 'Na stránce úřadu otevřete službu, kterou potřebujete, a zvolte {control}.',
  'help.step.book.2': 'V kalendáři {control} vyberte den. Dny s volnými termíny jsou odkazy.',
  'help.step.book.3': 'Pod nadpisem {control} vyberte čas. Časy jsou uvedeny podle času úřadu.',
  'help.step.book.4':
    'Vyplňte jméno a příjmení, e-mailovou adresu a případně zprávu pro úředníka. Pak zvolte {control}.',
  'help.step.book.5': 'Na váš e-mail jsme poslali šestimístný kód. Zadejte ho a zvolte {control}.',
  'help.step.book.6':
    'Hotovo: {control}. V e-mailu, který vám pošleme, najdete odkaz na videoschůzku a soubor do kalendáře.',
  'help.step.join.1':
    'Odkaz z e-mailu otevřete nejdříve 15 minut před termínem. Když se prohlížeč zeptá, povolte kameru a mikrofon, zkontrolujte obraz a zvuk a zvolte {control}.',
  'help.step.join.2':
    'Zobrazí se {control}. Nechte stránku otevřenou: úředník vás v čase termínu vpustí.',
  'help.step.join.3': 'Co vidí úředník: v čekárně vaše jméno a termín a tlačítko {control}.',
  'help.step.join.4':
    'Jste ve videoschůzce. Kameru a mikrofon můžete vypnout a znovu zapnout. Na konci zvolte {control}.',
  'help.step.form.1': 'Na stránce životní situace pod nadpisem {control} vyberte formulář.',
  'help.step.form.2':
    'Zadejte e-mailovou adresu, abychom vám mohli poslat odkaz pro pozdější pokračování, a zvolte {control}.',
  'help.step.form.3':
    'Odpovězte na otázky na každé stránce a zvolte {control}. Odpovědi se ukládají průběžně.',
  'help.step.form.4': 'Zkontrolujte odpovědi a případně je opravte. Pak zvolte {control}.',
  'help.step.form.5':
    'Formulář je odeslán. Poznamenejte si evidenční číslo a uschovejte potvrzení: {control}.',
  'help.step.pay.1':
    'Na stránce úřadu zvolte {control}. Jste-li přihlášeni, najdete své poplatky také ve svém účtu.',
  'help.step.pay.2':
    'Zadejte variabilní symbol a jméno tak, jak jsou uvedeny na platebním výměru, a e-mail pro potvrzení. Pak zvolte {control}.',
  'help.step.pay.3':
    'Na stránce {control} je částka, číslo účtu a variabilní symbol. QR kód načtěte mobilní aplikací banky, nebo údaje zadejte do internetového bankovnictví.',
  'help.step.pay.4':
    'Nebo zvolte {control} a zaplaťte na zabezpečené stránce banky. Potvrzení o platbě vám pošleme e-mailem.',
  'help.manual.title': 'Příručka pro úředníky a správce',
  'help.manual.lead':
    'Stručné odpovědi na otázku „jak…“ při každodenní práci s virtuální přepážkou. Oddíly označené pro správce popisují stránky, které vidí jen správci.',
  'help.manual.contents': 'Obsah',
  'help.manual.admin_only': 'Správci',
  'help.manual.open': 'Otevřít stránku',
};

export const helpMessages: Record<'sl' | 'cs' | 'en', Record<HelpMessageKey, string>> = {
  en,
  sl,
  cs,
};

/** Texts of the meeting pages rendered on the server. Each language has exactly the English keys. */
const en = {
  'meeting.book.service': 'Service',
  'meeting.book.office': 'Office',
  'meeting.book.official': 'Official',
  'meeting.book.when': 'When',
  'meeting.book.link_cancelled': 'This appointment was cancelled.',
  'meeting.title': 'Video meeting',
  'meeting.needs_js':
    'The live meeting needs JavaScript switched on in your browser. Everything else on this site works without it.',
  'meeting.early_title': 'Your meeting has not started yet',
  'meeting.early_text':
    'The waiting room opens 15 minutes before your appointment. Please come back through the same link {when}.',
  'meeting.early_countdown':
    'The waiting room opens in {time}. Keep this page open: it will open the waiting room by itself.',
  'meeting.early_reload': 'Check again now',
  'meeting.over_title': 'This meeting is over',
  'meeting.over_text':
    'The link no longer opens the meeting. If you need another appointment, book a new time.',
  'meeting.survey_link': 'Tell us how it went',
  'meeting.minutes_link': 'Read the minutes of the meeting',
  'meeting.minutes_title': 'Minutes of the meeting',
  'meeting.survey_title': 'How was your meeting?',
  'meeting.survey_rating': 'Overall, how would you rate the meeting?',
  'meeting.rating_5': '5 – very good',
  'meeting.rating_4': '4 – good',
  'meeting.rating_3': '3 – neither good nor poor',
  'meeting.rating_2': '2 – poor',
  'meeting.rating_1': '1 – very poor',
  'meeting.survey_comment': 'Comments',
  'meeting.survey_comment_hint': '(optional, up to 2,000 characters)',
  'meeting.survey_send': 'Send',
  'meeting.survey_thanks': 'Thank you',
  'meeting.survey_saved': 'Your answer has been saved. It helps the office serve people better.',
  'meeting.survey_already': 'An answer for this meeting had been given already. Thank you.',
  'meeting.error.rating': 'Choose a rating from 1 to 5',
  'meeting.error.comment': 'The comment can be at most 2,000 characters long',
  'meeting.error.not_yet': 'The survey opens once your meeting has taken place',
  'meeting.mark_no_show': 'Mark {name} as a no-show',
  'meeting.help_title': 'Help with video meetings',
  'meeting.help_link': 'Help with camera and microphone',
  'meeting.help_text_1':
    'You need a recent browser (Chrome, Edge, Firefox or Safari) on a computer or phone. Nothing needs to be installed and no account is needed.',
  'meeting.help_text_2':
    'When the browser asks whether this site may use your camera and microphone, choose Allow. If you refused by mistake, click the camera or lock icon next to the address and allow them, then reload the page.',
  'meeting.help_text_3':
    'If you have no camera, you can still join with sound only, or with neither, and use the chat.',
  'meeting.help_text_4':
    'Recording the meeting is not allowed. Files you exchange are deleted after the meeting, so save what you need.',
} as const;

export type MeetingMessageKey = keyof typeof en;

const sl: Record<MeetingMessageKey, string> = {
  'meeting.book.service': 'Storitev',
  'meeting.book.office': 'Urad',
  'meeting.book.official': 'Termin vodi',
  'meeting.book.when': 'Kdaj',
  'meeting.book.link_cancelled': 'Ta termin je bil preklican.',
  'meeting.title': 'Videosestanek',
  'meeting.needs_js':
    'Za sestanek v živo mora biti v brskalniku vklopljen JavaScript. Vse drugo na tej strani deluje tudi brez njega.',
  'meeting.early_title': 'Vaš sestanek se še ni začel',
  'meeting.early_text':
    'Čakalnica se odpre 15 minut pred terminom. Vrnite se prek iste povezave {when}.',
  'meeting.early_countdown':
    'Čakalnica se odpre čez {time}. Pustite to stran odprto, čakalnico bo odprla sama.',
  'meeting.early_reload': 'Preveri znova',
  'meeting.over_title': 'Ta sestanek je končan',
  'meeting.over_text':
    'Povezava sestanka ne odpre več. Če potrebujete nov termin, se znova naročite.',
  'meeting.survey_link': 'Povejte nam, kako je bilo',
  'meeting.minutes_link': 'Preberite zapisnik sestanka',
  'meeting.minutes_title': 'Zapisnik sestanka',
  'meeting.survey_title': 'Kako je potekal vaš sestanek?',
  'meeting.survey_rating': 'Kako na splošno ocenjujete sestanek?',
  'meeting.rating_5': '5 – zelo dobro',
  'meeting.rating_4': '4 – dobro',
  'meeting.rating_3': '3 – niti dobro niti slabo',
  'meeting.rating_2': '2 – slabo',
  'meeting.rating_1': '1 – zelo slabo',
  'meeting.survey_comment': 'Pripombe',
  'meeting.survey_comment_hint': '(neobvezno, največ 2000 znakov)',
  'meeting.survey_send': 'Pošlji',
  'meeting.survey_thanks': 'Hvala',
  'meeting.survey_saved': 'Vaš odgovor je shranjen. Z njim nam pomagate izboljšati naše storitve.',
  'meeting.survey_already': 'Za ta sestanek je odgovor že oddan. Hvala.',
  'meeting.error.rating': 'Izberite oceno od 1 do 5',
  'meeting.error.comment': 'Pripomba je lahko dolga največ 2000 znakov',
  'meeting.error.not_yet': 'Anketa se odpre, ko je sestanek opravljen',
  'meeting.mark_no_show': 'Označi, da stranka {name} ni prišla',
  'meeting.help_title': 'Pomoč pri videosestankih',
  'meeting.help_link': 'Pomoč pri kameri in mikrofonu',
  'meeting.help_text_1':
    'Potrebujete sodoben brskalnik (Chrome, Edge, Firefox ali Safari) na računalniku ali telefonu. Ničesar ni treba namestiti in ne potrebujete računa.',
  'meeting.help_text_2':
    'Ko vas brskalnik vpraša, ali sme ta stran uporabljati kamero in mikrofon, izberite Dovoli. Če ste po pomoti zavrnili, kliknite ikono kamere ali ključavnice ob naslovu, dovolite dostop in znova naložite stran.',
  'meeting.help_text_3':
    'Če nimate kamere, se lahko pridružite samo z zvokom ali brez obojega in uporabljate klepet.',
  'meeting.help_text_4':
    'Snemanje sestanka ni dovoljeno. Datoteke, ki si jih izmenjate, se po sestanku izbrišejo, zato shranite, kar potrebujete.',
};

const cs: Record<MeetingMessageKey, string> = {
  'meeting.book.service': 'Služba',
  'meeting.book.office': 'Pracoviště',
  'meeting.book.official': 'Vyřizuje',
  'meeting.book.when': 'Kdy',
  'meeting.book.link_cancelled': 'Tento termín byl zrušen.',
  'meeting.title': 'Videoschůzka',
  'meeting.needs_js':
    'Živá schůzka potřebuje v prohlížeči zapnutý JavaScript. Vše ostatní na tomto webu funguje i bez něj.',
  'meeting.early_title': 'Vaše schůzka ještě nezačala',
  'meeting.early_text':
    'Čekárna se otevře 15 minut před termínem. Vraťte se prosím přes stejný odkaz {when}.',
  'meeting.early_countdown':
    'Čekárna se otevře za {time}. Nechte tuto stránku otevřenou, čekárnu otevře sama.',
  'meeting.early_reload': 'Zkontrolovat znovu',
  'meeting.over_title': 'Tato schůzka skončila',
  'meeting.over_text':
    'Odkaz už schůzku neotevře. Potřebujete-li další termín, zarezervujte si nový.',
  'meeting.survey_link': 'Řekněte nám, jak to proběhlo',
  'meeting.minutes_link': 'Přečtěte si zápis ze schůzky',
  'meeting.minutes_title': 'Zápis ze schůzky',
  'meeting.survey_title': 'Jak proběhla vaše schůzka?',
  'meeting.survey_rating': 'Jak celkově hodnotíte schůzku?',
  'meeting.rating_5': '5 – velmi dobře',
  'meeting.rating_4': '4 – dobře',
  'meeting.rating_3': '3 – ani dobře, ani špatně',
  'meeting.rating_2': '2 – špatně',
  'meeting.rating_1': '1 – velmi špatně',
  'meeting.survey_comment': 'Připomínky',
  'meeting.survey_comment_hint': '(nepovinné, nejvýše 2 000 znaků)',
  'meeting.survey_send': 'Odeslat',
  'meeting.survey_thanks': 'Děkujeme',
  'meeting.survey_saved': 'Vaše odpověď je uložena. Pomůže nám zlepšit naše služby.',
  'meeting.survey_already': 'Odpověď k této schůzce už byla odeslána. Děkujeme.',
  'meeting.error.rating': 'Vyberte hodnocení od 1 do 5',
  'meeting.error.comment': 'Připomínka může mít nejvýše 2 000 znaků',
  'meeting.error.not_yet': 'Dotazník se otevře, až schůzka proběhne',
  'meeting.mark_no_show': 'Označit neúčast: {name}',
  'meeting.help_title': 'Nápověda k videoschůzkám',
  'meeting.help_link': 'Nápověda ke kameře a mikrofonu',
  'meeting.help_text_1':
    'Potřebujete aktuální prohlížeč (Chrome, Edge, Firefox nebo Safari) v počítači nebo telefonu. Nic není třeba instalovat a nepotřebujete účet.',
  'meeting.help_text_2':
    'Když se prohlížeč zeptá, zda tento web smí používat kameru a mikrofon, zvolte Povolit. Pokud jste omylem odmítli, klikněte na ikonu kamery nebo zámku vedle adresy, přístup povolte a stránku načtěte znovu.',
  'meeting.help_text_3':
    'Nemáte-li kameru, můžete se připojit jen se zvukem nebo bez obojího a používat chat.',
  'meeting.help_text_4':
    'Nahrávání schůzky není dovoleno. Soubory, které si vyměníte, se po schůzce smažou, proto si uložte, co potřebujete.',
};

export const meetingMessages: Record<'sl' | 'cs' | 'en', Record<MeetingMessageKey, string>> = {
  en,
  sl,
  cs,
};

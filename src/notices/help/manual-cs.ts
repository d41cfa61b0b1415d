// Příručka pro úředníky v češtině (pořadí oddílů a stránky: notices/help/manual.ts).
import type { ManualContent } from './manual.ts';

export const MANUAL_CS: ManualContent = {
  agenda: {
    title: 'Agenda a dnešní termíny',
    items: [
      'Po přihlášení vidíte dnešní termíny na svých pracovištích podle času. Zvolte termín a uvidíte občana, službu, jeho zprávu a historii termínu.',
      'V části {layout.nav.agenda} si prohlédnete den nebo týden a omezíte je na pracoviště nebo službu.',
      'Když občan nemůže přijít, zrušte termín jeho jménem s uvedením důvodu: občan dostane e-mail. Když občan nepřišel, označte termín po jeho začátku jako nedostavení.',
    ],
  },
  meeting: {
    title: 'Čekárna a videoschůzka',
    items: [
      'Čekárna se otevírá 15 minut před termínem. Když občan čeká, zobrazí se jeho jméno a čas termínu nahoře na každé stránce pro zaměstnance.',
      'Videoschůzku otevřete z termínu, zkontrolujete kameru a mikrofon a připojíte se. Občana vpustíte tlačítkem {room.admit}; můžete také ověřit jeho totožnost a pozvat hosta.',
      'Ve videoschůzce můžete psát zprávy, sdílet obrazovku a psát zápis. Po skončení schůzku ukončete: občan je pak požádán o krátké hodnocení.',
    ],
  },
  folder: {
    title: 'Složka videoschůzky',
    items: [
      'Každý termín má složku na dokumenty, které si s občanem vyměníte před schůzkou, během ní a krátce po ní.',
      'Každý nahraný soubor je před otevřením zkontrolován (typ, velikost, viry, makra). Odmítnuté soubory jsou uvedeny s důvodem.',
      'Po uplynutí lhůty po schůzce se složka automaticky smaže; co potřebujete do spisu, si stáhněte předem.',
    ],
  },
  submissions: {
    title: 'Podání a jejich stavy',
    items: [
      'V části {submissions.nav} najdete formuláře odeslané občany s jejich evidenčními čísly. Nová podání mají stav {submissions.state.received}.',
      'Podání převezměte k vyřízení ({submissions.state.in_progress}), vyzvěte občana zprávou k doplnění ({submissions.state.needs_completion}), nebo je uzavřete jako {submissions.state.done} či {submissions.state.refused} s odůvodněním. Občan dostane e-mail a zprávy vidí ve svém účtu.',
      'Každá změna se zaznamená s tím, kdo a kdy ji provedl. Potvrzení o podání (PDF) a přílohy stáhnete na stránce podání.',
    ],
  },
  fees: {
    title: 'Poplatky a bankovní výpisy',
    items: [
      'V části {fees.nav} evidujete, co poplatník dluží (druh poplatku, poplatník, splátky a splatnost); každý předpis dostane variabilní symbol. Více předpisů najednou naimportujete ze souboru CSV.',
      'Platbu v hotovosti na pokladně zapíšete k předpisu; vystaví se doklad o zaplacení a odešle e-mailem.',
      'Naimportujte bankovní výpis (ABO/GPC nebo camt.053): platby se spárují podle variabilního symbolu a částky. Nespárované platby jsou v seznamu {statements.unmatched_link}, kde je přiřadíte ručně.',
    ],
  },
  notices: {
    title: 'Elektronická úřední deska',
    items: [
      'Vyvěste oznámení s názvem, textem, kategorií, číslem jednacím, odborem, datem vyvěšení a datem sejmutí (nebo „do odvolání“) a přílohami v PDF.',
      'Vyvěšené oznámení nelze nepozorovaně změnit: oprava je nová verze a obě verze zůstávají vidět se svými daty.',
      'Oznámení s budoucím datem se v ten den vyvěsí samo a k datu sejmutí se samo sejme.',
    ],
  },
  departments: {
    title: 'Odbory a kontakty',
    items: [
      'Zapište odbory úřadu a jejich zaměstnance: jméno, funkci, telefon, e-mail, kancelář a úřední hodiny.',
      'Propojte odbor se službami a životními situacemi, které vyřizuje, aby se k němu občané mohli objednat.',
      'Zaměstnanec se na veřejných stránkách zobrazí, až když správce zaznamená jeho souhlas.',
    ],
  },
  news: {
    title: 'Aktuality a prohlášení o přístupnosti',
    items: [
      'Aktuality se zobrazují nahoře na úvodní stránce úřadu, nejnovější první.',
      'Prohlášení o přístupnosti má vzorovou podobu podle směrnice (EU) 2016/2102: uveďte stav souladu, co přístupné není a proč, datum posouzení a kontakt pro zpětnou vazbu. Aspoň jednou ročně ho zkontrolujte.',
    ],
  },
  accounts: {
    title: 'Účty a role',
    items: [
      'Správce zve úředníky e-mailem; odkaz v pozvánce platí 72 hodin. Úředník vidí termíny svých pracovišť a podání, správce navíc nastavení úřadu.',
      'Roli, pracoviště nebo služby zaměstnance změníte nebo jeho účet zablokujete v části {layout.nav.organisation}. Posledního správce nelze odebrat.',
      'Heslo si každý mění sám v části {layout.nav.password}. Každá změna provedená zaměstnanci se zapisuje do auditního záznamu.',
    ],
  },
  stats: {
    title: 'Statistiky',
    items: [
      'V části {layout.nav.stats} jsou termíny, nedostavení, využití kapacity, přihlášení občanů a poplatky po měsících, každý graf s tabulkou hodnot.',
      'Každou tabulku stáhnete jako soubor CSV. Údaje neobsahují osobní údaje.',
    ],
  },
};

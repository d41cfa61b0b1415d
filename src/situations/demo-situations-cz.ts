// Demo life situations of the Czech organisations (Kopřivnice, Liberecký kraj), in Czech and
// English. The one register code given is the agenda's in the Czech register of rights and
// duties (RPP): A115, Evidence obyvatel a rodná čísla.
import type { DemoSituation } from './demo-situations.ts';

export const DEMO_SITUATIONS_CZ: DemoSituation[] = [
  {
    organisation: 'koprivnice',
    slug: 'prihlaseni-psa',
    forms: ['ohlaseni-psa'],
    rppCodes: [],
    services: ['poplatek-za-psa'],
    texts: {
      title: { cs: 'Přihlášení psa a poplatek ze psů', en: 'Registering a dog and the dog fee' },
      summary: {
        cs: 'Držitel psa staršího tří měsíců jej přihlásí k místnímu poplatku ze psů a poplatek každý rok zaplatí.',
        en: 'The keeper of a dog older than three months registers it for the local dog fee and pays the fee every year.',
      },
      audience: {
        cs: 'Každý, kdo drží psa staršího tří měsíců a má v Kopřivnici trvalý pobyt (právnická osoba sídlo). Poplatek platí držitel psa, tedy ten, kdo se o psa stará, i když není jeho vlastníkem.',
        en: 'Anyone who keeps a dog older than three months and has permanent residence in Kopřivnice (a company: its registered office). The fee is paid by the keeper, the person who looks after the dog, even if they do not own it.',
      },
      preparation: {
        cs: 'Doklad totožnosti\nČíslo čipu psa\nDatum, od kterého psa držíte\nDoklad o nároku na osvobození nebo úlevu (například průkaz ZTP/P), pokud je uplatňujete',
        en: "An identity document\nThe dog's chip number\nThe date since when you have kept the dog\nProof of an exemption or reduction (for example a ZTP/P disability card), if you claim one",
      },
      fees: {
        cs: 'Za prvního psa 1\u00a0000\u00a0Kč ročně, za každého dalšího psa téhož držitele 1\u00a0500\u00a0Kč.\nPoživatel důchodu, pro kterého je důchod jediným zdrojem příjmů: 200\u00a0Kč za prvního psa, 300\u00a0Kč za každého dalšího.\nPoplatek zaplatíte převodem, QR kódem nebo v pokladně městského úřadu.',
        en: 'CZK 1,000 a year for the first dog, CZK 1,500 for each further dog of the same keeper.\nA pensioner whose pension is their only income: CZK 200 for the first dog, CZK 300 for each further one.\nPay by bank transfer, QR code or at the town hall cash desk.',
      },
      deadlines: {
        cs: 'Psa přihlaste do 15 dnů ode dne, kdy dosáhl stáří tří měsíců nebo kdy jste se stali jeho držitelem. Poplatek je splatný do 31. března kalendářního roku.',
        en: 'Register the dog within 15 days of the day it turned three months old or you became its keeper. The fee is due by 31 March of the calendar year.',
      },
      legalBasis: {
        cs: 'Zákon č. 565/1990 Sb., o místních poplatcích\nObecně závazná vyhláška města Kopřivnice o místním poplatku ze psů\nZákon č. 280/2009 Sb., daňový řád',
        en: 'Act No. 565/1990 Coll., on Local Fees\nThe Town of Kopřivnice ordinance on the local dog fee\nAct No. 280/2009 Coll., the Tax Code',
      },
      department: {
        cs: 'Finanční odbor, oddělení místních poplatků, Městský úřad Kopřivnice',
        en: 'Finance Department, local fees section, Kopřivnice Town Office',
      },
    },
  },
  {
    organisation: 'koprivnice',
    slug: 'poplatek-za-odpad',
    forms: ['poplatek-za-odpad'],
    rppCodes: [],
    services: [],
    texts: {
      title: {
        cs: 'Poplatek za obecní systém odpadového hospodářství',
        en: 'The municipal waste fee',
      },
      summary: {
        cs: 'Kdo je v Kopřivnici přihlášen k pobytu nebo zde vlastní nemovitost, ve které nikdo přihlášen není, platí každý rok poplatek za odpad.',
        en: 'Everyone registered as resident in Kopřivnice, and owners of property here where nobody is registered, pay the waste fee every year.',
      },
      audience: {
        cs: 'Fyzické osoby přihlášené v Kopřivnici a vlastníci bytu, rodinného domu nebo stavby pro rodinnou rekreaci, ve kterých není přihlášena žádná fyzická osoba. Za nezletilé děti a osoby pod opatrovnictvím platí zákonný zástupce nebo opatrovník.',
        en: 'People registered as resident in Kopřivnice, and owners of a flat, house or holiday home where nobody is registered. Parents or guardians pay for children and for people under guardianship.',
      },
      preparation: {
        cs: 'Doklad totožnosti\nVariabilní symbol z minulých plateb, pokud jej máte\nU nemovitosti bez přihlášených osob její adresu nebo číslo parcely\nDoklad o nároku na osvobození (například pobyt v zařízení sociálních služeb), pokud je uplatňujete',
        en: 'An identity document\nThe variable symbol from earlier payments, if you have it\nFor a property where nobody is registered: its address or plot number\nProof of an exemption (for example a stay in a social care home), if you claim one',
      },
      fees: {
        cs: '780\u00a0Kč na osobu a kalendářní rok. Děti do 3 let a osoby starší 80 let platí polovinu.',
        en: 'CZK 780 per person and calendar year. Children under 3 and people over 80 pay half.',
      },
      deadlines: {
        cs: 'Poplatek je splatný jednorázově do 31. května. Vznik, změnu nebo zánik povinnosti platit (narození, přestěhování, prodej nemovitosti) oznamte do 15 dnů.',
        en: 'The fee is due in one payment by 31 May. Report any start, change or end of the duty to pay (a birth, a move, a sale of the property) within 15 days.',
      },
      legalBasis: {
        cs: 'Zákon č. 565/1990 Sb., o místních poplatcích\nZákon č. 541/2020 Sb., o odpadech\nObecně závazná vyhláška města Kopřivnice o místním poplatku za obecní systém odpadového hospodářství',
        en: 'Act No. 565/1990 Coll., on Local Fees\nAct No. 541/2020 Coll., on Waste\nThe Town of Kopřivnice ordinance on the local fee for the municipal waste system',
      },
      department: {
        cs: 'Finanční odbor, oddělení místních poplatků, Městský úřad Kopřivnice',
        en: 'Finance Department, local fees section, Kopřivnice Town Office',
      },
    },
  },
  {
    organisation: 'koprivnice',
    slug: 'zabor-verejneho-prostranstvi',
    forms: ['zabor-verejneho-prostranstvi'],
    rppCodes: [],
    services: ['konzultace-stavby'],
    texts: {
      title: {
        cs: 'Zábor veřejného prostranství',
        en: 'Using public space (streets, pavements, green areas)',
      },
      summary: {
        cs: 'Chcete-li postavit lešení, přistavit kontejner, otevřít předzahrádku nebo stánek na chodníku či v zeleni, požádejte o zábor a zaplaťte poplatek za užívání veřejného prostranství.',
        en: 'To put up scaffolding, place a skip, open a pavement café or a stall on a pavement or green area, apply for the use of public space and pay the fee for it.',
      },
      audience: {
        cs: 'Fyzické i právnické osoby, které zvláštním způsobem užívají veřejné prostranství: stavební zařízení a lešení, velkoobjemové kontejnery, reklamní zařízení, prodejní stánky, předzahrádky, kulturní a sportovní akce.',
        en: 'People and companies who use public space in a special way: building sites and scaffolding, large skips, advertising, stalls, pavement cafés, cultural and sports events.',
      },
      preparation: {
        cs: 'Žádost s popisem záměru, místem, výměrou záboru v m² a dobou užívání\nSituační nákres s vyznačeným záborem\nPři zásahu do silnice nebo chodníku rozhodnutí silničního správního úřadu, případně vyjádření Policie ČR\nPlnou moc, jednáte-li za někoho jiného',
        en: 'An application describing the purpose, the place, the area in m² and the period of use\nA sketch of the site with the area marked\nWhere a road or pavement is affected, the road authority’s decision and, if needed, the police’s opinion\nA power of attorney, if you act for someone else',
      },
      fees: {
        cs: 'Poplatek se platí za každý i započatý m² a den podle účelu: stavební zařízení 10\u00a0Kč, prodejní stánek 20\u00a0Kč, předzahrádka 5\u00a0Kč, reklamní zařízení 10\u00a0Kč.',
        en: 'The fee is per m² and day, each part counting as whole, by purpose: building site CZK 10, stall CZK 20, pavement café CZK 5, advertising CZK 10.',
      },
      deadlines: {
        cs: 'Žádost podejte nejméně 15 dnů předem. Užívání ohlaste nejpozději 15 dnů před jeho začátkem; trvá-li méně než 3 dny, nejpozději v den zahájení. Poplatek je splatný v den zahájení užívání.',
        en: 'Apply at least 15 days ahead. Report the use no later than 15 days before it begins; for less than 3 days, on the day it begins at the latest. The fee is due on the first day of use.',
      },
      legalBasis: {
        cs: 'Zákon č. 565/1990 Sb., o místních poplatcích, §\u00a04\nZákon č. 13/1997 Sb., o pozemních komunikacích, §\u00a025 (zvláštní užívání komunikace)\nObecně závazná vyhláška města Kopřivnice o místním poplatku za užívání veřejného prostranství',
        en: 'Act No. 565/1990 Coll., on Local Fees, section 4\nAct No. 13/1997 Coll., on Roads, section 25 (special use of a road)\nThe Town of Kopřivnice ordinance on the local fee for the use of public space',
      },
      department: {
        cs: 'Odbor dopravy (zvláštní užívání komunikací) a finanční odbor (poplatek), Městský úřad Kopřivnice',
        en: 'Transport Department (special use of roads) and Finance Department (the fee), Kopřivnice Town Office',
      },
    },
  },
  {
    organisation: 'koprivnice',
    slug: 'zmena-trvaleho-pobytu',
    forms: [],
    rppCodes: ['A115'],
    services: ['trvaly-pobyt'],
    texts: {
      title: { cs: 'Změna trvalého pobytu', en: 'Changing your permanent residence' },
      summary: {
        cs: 'Stěhujete se do Kopřivnice nebo v rámci města? Změnu trvalého pobytu ohlásíte na ohlašovně městského úřadu.',
        en: 'Moving to Kopřivnice or within the town? Report the change of permanent residence at the town office’s registration desk.',
      },
      audience: {
        cs: 'Občané České republiky, kteří se stěhují do Kopřivnice nebo v rámci města, a rodiče za své nezletilé děti.',
        en: 'Czech citizens moving to Kopřivnice or within the town, and parents for their children under 18.',
      },
      preparation: {
        cs: 'Platný občanský průkaz\nDoklad o oprávnění užívat byt nebo dům (výpis z katastru nemovitostí, nájemní smlouva), nebo úředně ověřený souhlas vlastníka\nU dětí rodný list',
        en: 'A valid identity card\nProof of the right to use the flat or house (land registry extract, tenancy agreement), or the owner’s officially certified consent\nFor children, the birth certificate',
      },
      fees: {
        cs: 'Správní poplatek 50\u00a0Kč.',
        en: 'An administrative fee of CZK 50.',
      },
      deadlines: {
        cs: 'Zákon lhůtu nestanoví; změnu ohlaste co nejdříve po přestěhování.',
        en: 'The law sets no deadline; report the change as soon as you have moved.',
      },
      legalBasis: {
        cs: 'Zákon č. 133/2000 Sb., o evidenci obyvatel a rodných číslech\nZákon č. 634/2004 Sb., o správních poplatcích',
        en: 'Act No. 133/2000 Coll., on the Register of Residents and Birth Numbers\nAct No. 634/2004 Coll., on Administrative Fees',
      },
      department: {
        cs: 'Ohlašovna, odbor vnitřních věcí, Městský úřad Kopřivnice',
        en: 'Registration desk, Internal Affairs Department, Kopřivnice Town Office',
      },
    },
  },
  {
    organisation: 'liberecky-kraj',
    slug: 'dotace-sportovni-fond',
    forms: ['konzultace-dotace'],
    rppCodes: [],
    services: ['konzultace-dotace'],
    texts: {
      title: {
        cs: 'Dotace ze sportovního fondu kraje',
        en: 'A grant from the region’s sports fund',
      },
      summary: {
        cs: 'Sportovní kluby a spolky, které pracují s dětmi a mládeží, mohou žádat o dotaci ze sportovního fondu. Než žádost podáte, domluvte si konzultaci s administrátorem programu.',
        en: 'Sports clubs and associations working with children and young people can apply for a grant from the sports fund. Before you apply, book a consultation with the programme’s administrator.',
      },
      audience: {
        cs: 'Spolky, sportovní kluby, obce a další organizace se sídlem nebo působností v Libereckém kraji, které připravují projekt podle vyhlášeného dotačního programu, například na podporu sportovní činnosti dětí a mládeže.',
        en: 'Associations, sports clubs, municipalities and other organisations based or working in the Liberec Region that are preparing a project under an announced grant programme, such as support for sport for children and young people.',
      },
      preparation: {
        cs: 'Koncept žádosti a popis projektu\nRozpočet projektu s vlastním podílem\nDoklad o právní osobnosti a o bankovním účtu\nZávěrečnou zprávu o využití předchozí dotace, pokud jste ji dostali',
        en: 'A draft of the application and a description of the project\nThe project budget with your own share\nProof of legal personality and of the bank account\nThe final report on an earlier grant, if you received one',
      },
      fees: {
        cs: 'Konzultace ani podání žádosti se neplatí.',
        en: 'Neither the consultation nor the application costs anything.',
      },
      deadlines: {
        cs: 'Žádosti se podávají ve lhůtě uvedené ve vyhlášení programu. Konzultaci si domluvte nejpozději 10 pracovních dnů před koncem lhůty.',
        en: 'Applications are made within the period the programme announces. Book the consultation at least 10 working days before the period ends.',
      },
      legalBasis: {
        cs: 'Zákon č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů\nZásady Libereckého kraje pro poskytování dotací\nPravidla vyhlášeného dotačního programu',
        en: 'Act No. 250/2000 Coll., on the Budgetary Rules of Territorial Budgets\nThe Liberec Region’s principles for awarding grants\nThe rules of the announced grant programme',
      },
      department: {
        cs: 'Odbor školství, mládeže, tělovýchovy a sportu, Krajský úřad Libereckého kraje',
        en: 'Department of Education, Youth, Physical Education and Sport, Regional Authority of the Liberec Region',
      },
    },
  },
];

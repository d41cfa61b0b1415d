// The demo organisations themselves: two Slovenian administrative units, a Czech town and region,
// with their offices, hours, services and staff. demo-data.ts loads them into an empty database.
import type { Localized } from '../i18n/i18n.ts';
import { upravnaEnotaServices } from './demo-services.ts';

export type DemoOffice = {
  slug: string;
  name: Localized;
  street: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
  hours: [number, string, string][];
};
export type DemoService = {
  slug: string;
  name: Localized;
  description: Localized;
  preparation?: Localized;
  feeNote?: Localized;
  feeMinor?: number;
  minutes: number;
  video?: boolean;
  inPerson?: boolean;
  officials: string[];
};
export type DemoStaff = {
  key: string;
  email: string;
  name: string;
  role: 'admin' | 'official';
  offices: string[];
};
export type DemoOrg = {
  colour: string;
  monogram: string;
  slug: string;
  country: 'SI' | 'CZ';
  lang: 'sl' | 'cs';
  tz: string;
  currency: string;
  name: Localized;
  description: Localized;
  email: string;
  phone: string;
  website: string;
  /**
   * IČO or matična številka (the notice board's open data names the operator by it). Kopřivnice's
   * and Liberecký kraj's are their real IČO (check digits verified); the Slovenian ones are
   * plausible numbers with a valid check digit, not verified against the business register.
   */
  registrationNumber: string;
  /** Its submissions' reference numbers (submissions/reference.ts); else the default. */
  referencePattern?: string;
  offices: DemoOffice[];
  services: DemoService[];
  staff: DemoStaff[];
};

const SI_WEEK: [number, string, string][] = [
  [1, '08:00', '15:00'],
  [2, '08:00', '15:00'],
  [3, '08:00', '17:00'],
  [4, '08:00', '15:00'],
  [5, '08:00', '13:00'],
];
const CZ_WEEK: [number, string, string][] = [
  [1, '08:00', '17:00'],
  [2, '08:00', '14:00'],
  [3, '08:00', '17:00'],
  [4, '08:00', '14:00'],
  [5, '08:00', '12:00'],
];

/** Every demo organisation, in the order they are loaded. */
export const DEMO_ORGANISATIONS: DemoOrg[] = [
  {
    slug: 'ue-domzale',
    colour: '#0b5cad',
    monogram: 'UE',
    country: 'SI',
    lang: 'sl',
    tz: 'Europe/Ljubljana',
    currency: 'EUR',
    name: {
      sl: 'Upravna enota Domžale',
      cs: 'Správní jednotka Domžale',
      en: 'Domžale Administrative Unit',
    },
    description: {
      sl: 'Virtualno upravno okence upravne enote Domžale.',
      cs: 'Virtuální přepážka správní jednotky Domžale.',
      en: 'The virtual counter of the Domžale administrative unit.',
    },
    email: 'ue.domzale@example.si',
    phone: '+386 1 724 10 00',
    website: 'https://www.example.si/ue-domzale',
    registrationNumber: '5873029',
    referencePattern: 'UEDOM-{seq:5}/{year}',
    offices: [
      {
        slug: 'domzale',
        name: { sl: 'Domžale, sedež', cs: 'Domžale, sídlo', en: 'Domžale, main office' },
        street: 'Ljubljanska cesta 69',
        postcode: '1230',
        city: 'Domžale',
        email: 'ue.domzale@example.si',
        phone: '+386 1 724 10 00',
        hours: SI_WEEK,
      },
    ],
    staff: [
      {
        key: 'admin',
        email: 'admin@domzale.example',
        name: 'Mojca Kovač',
        role: 'admin',
        offices: ['domzale'],
      },
      {
        key: 'o1',
        email: 'uradnik@domzale.example',
        name: 'Janez Novak',
        role: 'official',
        offices: ['domzale'],
      },
      {
        key: 'o2',
        email: 'ana.horvat@domzale.example',
        name: 'Ana Horvat',
        role: 'official',
        offices: ['domzale'],
      },
    ],
    services: upravnaEnotaServices(['o1', 'o2']),
  },
  {
    slug: 'ue-ljutomer',
    colour: '#1e6b34',
    monogram: 'UE',
    country: 'SI',
    lang: 'sl',
    tz: 'Europe/Ljubljana',
    currency: 'EUR',
    name: {
      sl: 'Upravna enota Ljutomer',
      cs: 'Správní jednotka Ljutomer',
      en: 'Ljutomer Administrative Unit',
    },
    description: {
      sl: 'Virtualno upravno okence upravne enote Ljutomer.',
      cs: 'Virtuální přepážka správní jednotky Ljutomer.',
      en: 'The virtual counter of the Ljutomer administrative unit.',
    },
    email: 'ue.ljutomer@example.si',
    phone: '+386 2 584 90 00',
    website: 'https://www.example.si/ue-ljutomer',
    registrationNumber: '5884004',
    offices: [
      {
        slug: 'ljutomer',
        name: { sl: 'Ljutomer, sedež', cs: 'Ljutomer, sídlo', en: 'Ljutomer, main office' },
        street: 'Vrazova ulica 1',
        postcode: '9240',
        city: 'Ljutomer',
        email: 'ue.ljutomer@example.si',
        phone: '+386 2 584 90 00',
        hours: SI_WEEK,
      },
    ],
    staff: [
      {
        key: 'admin',
        email: 'admin@ljutomer.example',
        name: 'Petra Zorko',
        role: 'admin',
        offices: ['ljutomer'],
      },
      {
        key: 'o1',
        email: 'uradnik@ljutomer.example',
        name: 'Marko Kolar',
        role: 'official',
        offices: ['ljutomer'],
      },
    ],
    services: upravnaEnotaServices(['o1']),
  },
  {
    slug: 'koprivnice',
    colour: '#a3121f',
    monogram: 'K',
    country: 'CZ',
    lang: 'cs',
    tz: 'Europe/Prague',
    currency: 'CZK',
    name: { sl: 'Mesto Kopřivnice', cs: 'Město Kopřivnice', en: 'Town of Kopřivnice' },
    description: {
      sl: 'Portal občana mesta Kopřivnice: posvetovanja z uradniki na daljavo.',
      cs: 'Portál občana města Kopřivnice: konzultace s úředníky na dálku.',
      en: 'The citizen portal of Kopřivnice: consultations with officials from home.',
    },
    email: 'podatelna@koprivnice.example',
    phone: '+420 556 879 411',
    website: 'https://www.example.cz/koprivnice',
    registrationNumber: '00298077',
    referencePattern: 'MUKO/{year}/{seq:5}',
    offices: [
      {
        slug: 'radnice',
        name: { sl: 'Mestna hiša', cs: 'Radnice', en: 'Town hall' },
        street: 'Štefánikova 1163',
        postcode: '742 21',
        city: 'Kopřivnice',
        email: 'podatelna@koprivnice.example',
        phone: '+420 556 879 411',
        hours: CZ_WEEK,
      },
      {
        slug: 'stavebni-urad',
        name: { sl: 'Gradbeni urad', cs: 'Stavební úřad', en: 'Building office' },
        street: 'Záhumenní 1152',
        postcode: '742 21',
        city: 'Kopřivnice',
        email: 'stavebni@koprivnice.example',
        phone: '+420 556 879 750',
        hours: [
          [1, '08:00', '17:00'],
          [3, '08:00', '17:00'],
        ],
      },
    ],
    staff: [
      {
        key: 'admin',
        email: 'admin@koprivnice.example',
        name: 'Jana Dvořáková',
        role: 'admin',
        offices: ['radnice'],
      },
      {
        key: 'o1',
        email: 'urednik@koprivnice.example',
        name: 'Petr Svoboda',
        role: 'official',
        offices: ['radnice'],
      },
      {
        key: 'o2',
        email: 'stavebni@koprivnice.example',
        name: 'Lucie Černá',
        role: 'official',
        offices: ['stavebni-urad'],
      },
    ],
    services: [
      {
        slug: 'trvaly-pobyt',
        minutes: 20,
        officials: ['o1'],
        name: {
          sl: 'Prijava stalnega prebivališča',
          cs: 'Přihlášení k trvalému pobytu',
          en: 'Registering permanent residence',
        },
        description: {
          sl: 'Kaj potrebujete za prijavo stalnega prebivališča in kako poteka.',
          cs: 'Co potřebujete k přihlášení trvalého pobytu a jak to probíhá.',
          en: 'What you need to register permanent residence and how it goes.',
        },
        preparation: {
          sl: 'Osebna izkaznica\nDokazilo o pravici uporabe stanovanja',
          cs: 'Občanský průkaz\nDoklad o oprávnění užívat byt',
          en: 'Identity card\nProof of the right to use the flat',
        },
        feeMinor: 5000,
        feeNote: { sl: 'Upravna taksa.', cs: 'Správní poplatek.', en: 'Administrative fee.' },
      },
      {
        slug: 'poplatek-za-psa',
        minutes: 15,
        officials: ['o1'],
        name: { sl: 'Pristojbina za psa', cs: 'Poplatek ze psů', en: 'Dog fee' },
        description: {
          sl: 'Prijava psa, višina pristojbine, oprostitve in plačilo.',
          cs: 'Přihlášení psa, výše poplatku, osvobození a placení.',
          en: 'Registering a dog, the fee, exemptions and payment.',
        },
        preparation: { sl: 'Številka čipa psa', cs: 'Číslo čipu psa', en: "The dog's chip number" },
      },
      {
        slug: 'konzultace-stavby',
        minutes: 45,
        inPerson: true,
        officials: ['o2'],
        name: {
          sl: 'Posvet o gradbenem namenu',
          cs: 'Konzultace stavebního záměru',
          en: 'Consultation on a building plan',
        },
        description: {
          sl: 'Posvet o dovoljenjih, prijavah in dokumentaciji za gradnjo.',
          cs: 'Konzultace povolení, ohlášení a dokumentace ke stavbě.',
          en: 'Advice on permits, notifications and documents for building.',
        },
        preparation: {
          sl: 'Situacija ali projektna dokumentacija (PDF)',
          cs: 'Situace nebo projektová dokumentace (PDF)',
          en: 'Site plan or project documents (PDF)',
        },
      },
    ],
  },
  {
    slug: 'liberecky-kraj',
    colour: '#5b2a86',
    monogram: 'LK',
    country: 'CZ',
    lang: 'cs',
    tz: 'Europe/Prague',
    currency: 'CZK',
    name: { sl: 'Liberecki okraj', cs: 'Liberecký kraj', en: 'Liberec Region' },
    description: {
      sl: 'Elektronske uradne ure krajskega urada.',
      cs: 'Elektronické úřední hodiny krajského úřadu.',
      en: 'Electronic office hours of the regional authority.',
    },
    email: 'posta@kraj-lbc.example',
    phone: '+420 485 226 111',
    website: 'https://www.example.cz/kraj-lbc',
    registrationNumber: '70891508',
    referencePattern: 'KULK/{year}/{seq:5}',
    offices: [
      {
        slug: 'krajsky-urad',
        name: { sl: 'Krajski urad', cs: 'Krajský úřad', en: 'Regional authority' },
        street: 'U Jezu 642/2a',
        postcode: '461 80',
        city: 'Liberec',
        email: 'posta@kraj-lbc.example',
        phone: '+420 485 226 111',
        hours: CZ_WEEK,
      },
    ],
    staff: [
      {
        key: 'admin',
        email: 'admin@kraj-lbc.example',
        name: 'Tomáš Procházka',
        role: 'admin',
        offices: ['krajsky-urad'],
      },
      {
        key: 'o1',
        email: 'dotace@kraj-lbc.example',
        name: 'Eva Veselá',
        role: 'official',
        offices: ['krajsky-urad'],
      },
      {
        key: 'o2',
        email: 'zivotni-prostredi@kraj-lbc.example',
        name: 'Martin Král',
        role: 'official',
        offices: ['krajsky-urad'],
      },
      {
        key: 'o3',
        email: 'socialni@kraj-lbc.example',
        name: 'Hana Němcová',
        role: 'official',
        offices: ['krajsky-urad'],
      },
    ],
    services: [
      {
        slug: 'konzultace-dotace',
        minutes: 45,
        officials: ['o1'],
        name: {
          sl: 'Posvet o vlogi za subvencijo',
          cs: 'Konzultace žádosti o dotaci',
          en: 'Consultation on a grant application',
        },
        description: {
          sl: 'Kako sestaviti vlogo za subvencijo iz skladov okraja, npr. športnega sklada.',
          cs: 'Jak dát dohromady žádost o dotaci z fondů kraje, např. ze sportovního fondu.',
          en: 'How to put together an application to a regional fund, such as the sports fund.',
        },
        preparation: {
          sl: 'Osnutek vloge\nProračun projekta',
          cs: 'Koncept žádosti\nRozpočet projektu',
          en: 'A draft of the application\nThe project budget',
        },
      },
      {
        slug: 'konzultace-zivotni-prostredi',
        minutes: 60,
        inPerson: true,
        officials: ['o2'],
        name: {
          sl: 'Posvet o okoljskem projektu',
          cs: 'Konzultace projektu v oblasti životního prostředí',
          en: 'Consultation on an environmental project',
        },
        description: {
          sl: 'Za občine in investitorje, ki želijo obravnavati gradbeni namen.',
          cs: 'Pro obce a investory, kteří chtějí projednat svůj stavební záměr.',
          en: 'For municipalities and investors who want to discuss a building project.',
        },
        preparation: {
          sl: 'Opis namena in situacija (PDF)',
          cs: 'Popis záměru a situace (PDF)',
          en: 'A description of the plan and a site plan (PDF)',
        },
      },
      {
        slug: 'registrace-socialnich-sluzeb',
        minutes: 45,
        officials: ['o3'],
        name: {
          sl: 'Registracija socialnih storitev',
          cs: 'Registrace sociálních služeb',
          en: 'Social service licences',
        },
        description: {
          sl: 'Za izvajalce socialnih storitev: registracija in spremembe.',
          cs: 'Pro poskytovatele sociálních služeb: registrace a její změny.',
          en: 'For providers of social services: registration and changes to it.',
        },
        preparation: {
          sl: 'Identifikacijska številka izvajalca',
          cs: 'IČO poskytovatele',
          en: "The provider's company ID",
        },
      },
    ],
  },
];

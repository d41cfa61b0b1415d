import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';
import { sql } from 'kysely';
import { MIGRATION_LOCK } from '../db/migrate.ts';

/** The password of every demo account; printed at start, demo data only. */
export const DEMO_PASSWORD = 'okence-demo-2026';

type DemoOffice = {
  slug: string;
  name: Localized;
  street: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
  hours: [number, string, string][];
};
type DemoService = {
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
type DemoStaff = {
  key: string;
  email: string;
  name: string;
  role: 'admin' | 'official';
  offices: string[];
};
type DemoOrg = {
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

/** The pilot's four services of a Slovenian administrative unit (seeds 000 and 001). */
function upravnaEnotaServices(officials: string[]): DemoService[] {
  return [
    {
      slug: 'splosne-informacije',
      minutes: 15,
      officials,
      name: { sl: 'Splošne informacije', cs: 'Obecné informace', en: 'General information' },
      description: {
        sl: 'Pogoji za pridobitev pravice, postopek, kaj priložiti vlogi, višina upravne takse in kako jo plačati.',
        cs: 'Podmínky pro získání práva, postup, co přiložit k žádosti, výše správního poplatku a jak jej zaplatit.',
        en: 'The conditions for a right, the procedure, what to attach to an application, the administrative fee and how to pay it.',
      },
      preparation: {
        sl: 'Vprašanja, ki jih želite zastaviti',
        cs: 'Otázky, které chcete položit',
        en: 'The questions you want to ask',
      },
    },
    {
      slug: 'potrdila-iz-uradnih-evidenc',
      minutes: 20,
      feeMinor: 300,
      officials,
      name: {
        sl: 'Potrdila iz uradnih evidenc',
        cs: 'Potvrzení z úředních evidencí',
        en: 'Certificates from official records',
      },
      description: {
        sl: 'Potrdila iz evidenc, ki jih vodi upravna enota, ne glede na vaše prebivališče.',
        cs: 'Potvrzení z evidencí vedených správní jednotkou, bez ohledu na vaše bydliště.',
        en: 'Certificates from the records kept by the administrative unit, wherever you live.',
      },
      preparation: {
        sl: 'Osebni dokument s fotografijo (pokažete ga v kamero)\nNamen, za katerega potrebujete potrdilo',
        cs: 'Doklad totožnosti s fotografií (ukážete jej do kamery)\nÚčel, pro který potvrzení potřebujete',
        en: 'An identity document with a photo (you show it to the camera)\nWhat you need the certificate for',
      },
      feeNote: {
        sl: 'Brezplačno za zaposlitev, šolanje in društva v javnem interesu.',
        cs: 'Zdarma pro zaměstnání, studium a spolky ve veřejném zájmu.',
        en: 'Free for employment, schooling and associations acting in the public interest.',
      },
    },
    {
      slug: 'faza-postopka',
      minutes: 15,
      officials,
      name: {
        sl: 'Informacije o fazi postopka',
        cs: 'Informace o stavu řízení',
        en: 'Status of a pending procedure',
      },
      description: {
        sl: 'V kateri fazi je vaša zadeva in pojasnila k prejetemu dopisu ali pozivu za dopolnitev.',
        cs: 'V jaké fázi je vaše věc a vysvětlení k obdrženému dopisu nebo výzvě k doplnění.',
        en: 'Where your case stands, and explanations of a letter or a request to complete your application.',
      },
      preparation: {
        sl: 'Osebni dokument s fotografijo\nŠtevilka zadeve ali prejeti dopis',
        cs: 'Doklad totožnosti s fotografií\nČíslo jednací nebo obdržený dopis',
        en: 'An identity document with a photo\nThe case number or the letter you received',
      },
    },
    {
      slug: 'sestava-smrtovnice',
      minutes: 30,
      inPerson: true,
      officials,
      name: {
        sl: 'Sestava smrtovnice',
        cs: 'Sepsání úmrtního listu pro dědické řízení',
        en: 'Compiling a death notice',
      },
      description: {
        sl: 'Smrtovnica na podlagi matičnega registra, centralnega registra prebivalcev in podatkov svojcev.',
        cs: 'Podklad pro dědické řízení z matriky, registru obyvatel a údajů od příbuzných.',
        en: 'The death notice for probate, from the civil and population registers and what the family provides.',
      },
      preparation: {
        sl: 'Osebni dokument s fotografijo\nPodatki o premoženju pokojnika\nPodatki o dedičih',
        cs: 'Doklad totožnosti s fotografií\nÚdaje o majetku zesnulého\nÚdaje o dědicích',
        en: 'An identity document with a photo\nWhat the deceased owned\nWho the heirs are',
      },
    },
  ];
}

const ORGS: DemoOrg[] = [
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

/** A plain monogram for demo organisations (real ones upload their own logo). */
function monogramLogo(letters: string, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${colour}"/><text x="32" y="41" font-family="DejaVu Sans, sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${letters}</text></svg>`;
}

export type DemoAccount = { organisation: string; email: string; role: 'admin' | 'official' };

/**
 * Loads the demo organisations into an empty database; returns the accounts it
 * created (none if not empty). The check and the inserts run under the migration
 * lock, so instances starting together seed once.
 */
export async function loadDemoData(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    if (await tx.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) return;
    for (const org of ORGS) {
      const { id: orgId } = await tx
        .insertInto('organisation')
        .values({
          slug: org.slug,
          country: org.country,
          default_language: org.lang,
          time_zone: org.tz,
          currency: org.currency,
          name: JSON.stringify(org.name),
          description: JSON.stringify(org.description),
          email: org.email,
          phone: org.phone,
          website: org.website,
          brand_colour: org.colour,
          logo_svg: monogramLogo(org.monogram, org.colour),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const officeIds = new Map<string, string>();
      for (const [position, o] of org.offices.entries()) {
        const { id } = await tx
          .insertInto('office')
          .values({
            organisation_id: orgId,
            slug: o.slug,
            name: JSON.stringify(o.name),
            street: o.street,
            postcode: o.postcode,
            city: o.city,
            email: o.email,
            phone: o.phone,
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        officeIds.set(o.slug, id);
        await tx
          .insertInto('office_hours')
          .values(
            o.hours.map(([weekday, opens, closes]) => ({ office_id: id, weekday, opens, closes })),
          )
          .execute();
      }
      const staffIds = new Map<string, string>();
      for (const s of org.staff) {
        const { id } = await tx
          .insertInto('staff')
          .values({
            organisation_id: orgId,
            email: s.email,
            display_name: s.name,
            role: s.role,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        staffIds.set(s.key, id);
        await tx
          .insertInto('staff_office')
          .values(s.offices.map((o) => ({ staff_id: id, office_id: officeIds.get(o) ?? '' })))
          .execute();
        // Officials receive appointments during their offices' opening hours.
        if (s.role === 'official') {
          const hours = s.offices.flatMap((slug) => {
            const office = org.offices.find((o) => o.slug === slug);
            return (office?.hours ?? []).map(([weekday, starts, ends]) => ({
              staff_id: id,
              office_id: officeIds.get(slug) ?? '',
              weekday,
              starts,
              ends,
            }));
          });
          if (hours.length) await tx.insertInto('official_hours').values(hours).execute();
        }
        accounts.push({ organisation: org.slug, email: s.email, role: s.role });
      }
      for (const [position, s] of org.services.entries()) {
        const { id } = await tx
          .insertInto('service')
          .values({
            organisation_id: orgId,
            slug: s.slug,
            name: JSON.stringify(s.name),
            description: JSON.stringify(s.description),
            preparation: JSON.stringify(s.preparation ?? {}),
            fee_note: JSON.stringify(s.feeNote ?? {}),
            fee_minor: s.feeMinor ?? null,
            duration_minutes: s.minutes,
            by_video: s.video ?? true,
            in_person: s.inPerson ?? false,
            position,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const offices = new Set(
          s.officials.flatMap((k) => org.staff.find((st) => st.key === k)?.offices ?? []),
        );
        await tx
          .insertInto('service_office')
          .values([...offices].map((o) => ({ service_id: id, office_id: officeIds.get(o) ?? '' })))
          .execute();
        await tx
          .insertInto('service_official')
          .values(s.officials.map((k) => ({ service_id: id, staff_id: staffIds.get(k) ?? '' })))
          .execute();
      }
    }
  });
  return accounts;
}

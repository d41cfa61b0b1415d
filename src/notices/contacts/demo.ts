// The demo organisations' departments and people (invented names; the staff accounts are the demo
// data's own), loaded with the demo data on a fresh database (boot.ts). One person of Kopřivnice
// is deliberately left unpublished: the demo shows that only people with consent appear.
import type { Db } from '../../db/db.ts';
import type { Localized } from '../../i18n/i18n.ts';
import * as repo from './repo.ts';

type DemoPerson = {
  fullName: string;
  role: Localized;
  email?: string;
  phone?: string;
  room?: string;
  /** The staff account (by e-mail) citizens can book with. */
  staff?: string;
  published: boolean;
};

/** A demo department, naming its parent, services and situations by slug. */
export type DemoDepartment = {
  organisation: string;
  slug: string;
  parent?: string;
  name: Localized;
  description?: Localized;
  location?: Localized;
  officeHours?: Localized;
  email?: string;
  phone?: string;
  services: string[];
  situations: string[];
  people: DemoPerson[];
};

const KOPRIVNICE_HOURS: Localized = {
  cs: 'Po a St 8:00–17:00\nÚt a Čt 8:00–14:00\nPá 8:00–12:00',
  en: 'Mon and Wed 8:00–17:00\nTue and Thu 8:00–14:00\nFri 8:00–12:00',
};
const UE_HOURS: Localized = {
  sl: 'Pon, tor, čet 8.00–15.00\nSre 8.00–17.00\nPet 8.00–13.00',
  en: 'Mon, Tue, Thu 8:00–15:00\nWed 8:00–17:00\nFri 8:00–13:00',
};

export const DEMO_CONTACTS: readonly DemoDepartment[] = [
  {
    organisation: 'koprivnice',
    slug: 'odbor-spravni',
    name: { cs: 'Odbor správní', en: 'Administrative Department' },
    description: { cs: 'Občanské průkazy, cestovní doklady, matrika a evidence obyvatel.' },
    location: { cs: 'Radnice, Štefánikova 1163, 1. patro' },
    officeHours: KOPRIVNICE_HOURS,
    email: 'spravni@koprivnice.example',
    phone: '+420 556 879 400',
    services: [],
    situations: [],
    people: [
      {
        fullName: 'Ing. Radka Horáková',
        role: { cs: 'vedoucí odboru', en: 'Head of department' },
        email: 'radka.horakova@koprivnice.example',
        phone: '556 879 401',
        room: '105',
        published: true,
      },
    ],
  },
  {
    organisation: 'koprivnice',
    slug: 'oddeleni-matriky-a-evidence-obyvatel',
    parent: 'odbor-spravni',
    name: {
      cs: 'Oddělení matriky a evidence obyvatel',
      en: 'Registry Office and Population Register',
    },
    location: { cs: 'Radnice, přízemí, kancelář 12' },
    officeHours: KOPRIVNICE_HOURS,
    email: 'matrika@koprivnice.example',
    phone: '+420 556 879 410',
    services: ['trvaly-pobyt'],
    situations: ['zmena-trvaleho-pobytu'],
    people: [
      {
        fullName: 'Petr Svoboda',
        role: { cs: 'referent evidence obyvatel', en: 'Population register officer' },
        email: 'urednik@koprivnice.example',
        phone: '556 879 411',
        room: '12',
        staff: 'urednik@koprivnice.example',
        published: true,
      },
      {
        fullName: 'Marta Kolářová',
        role: { cs: 'matrikářka', en: 'Registrar' },
        phone: '556 879 412',
        room: '12',
        published: false,
      },
    ],
  },
  {
    organisation: 'koprivnice',
    slug: 'odbor-financni',
    name: { cs: 'Odbor finanční', en: 'Finance Department' },
    description: { cs: 'Místní poplatky (ze psů, za odpad), pokladna.' },
    location: { cs: 'Radnice, 2. patro' },
    officeHours: KOPRIVNICE_HOURS,
    email: 'financni@koprivnice.example',
    phone: '+420 556 879 420',
    services: ['poplatek-za-psa'],
    situations: ['prihlaseni-psa', 'poplatek-za-odpad'],
    people: [
      {
        fullName: 'Bc. Tomáš Vlček',
        role: { cs: 'správce místních poplatků', en: 'Local fees officer' },
        email: 'poplatky@koprivnice.example',
        phone: '556 879 423',
        room: '203',
        published: true,
      },
    ],
  },
  {
    organisation: 'koprivnice',
    slug: 'stavebni-urad',
    name: { cs: 'Stavební úřad', en: 'Building Authority' },
    location: { cs: 'Budova B, Záhumenní 1152' },
    officeHours: KOPRIVNICE_HOURS,
    email: 'stavebni@koprivnice.example',
    phone: '+420 556 879 430',
    services: ['konzultace-stavby'],
    situations: ['zabor-verejneho-prostranstvi'],
    people: [
      {
        fullName: 'Lucie Černá',
        role: { cs: 'referentka stavebního úřadu', en: 'Building officer' },
        email: 'stavebni@koprivnice.example',
        phone: '556 879 431',
        room: 'B 7',
        staff: 'stavebni@koprivnice.example',
        published: true,
      },
    ],
  },
  ...['ue-domzale', 'ue-ljutomer'].flatMap((organisation): DemoDepartment[] => [
    {
      organisation,
      slug: 'oddelek-za-upravne-notranje-zadeve',
      name: {
        sl: 'Oddelek za upravne notranje zadeve',
        en: 'Department of Internal Administrative Affairs',
      },
      description: {
        sl: 'Osebni dokumenti, prijava prebivališča, matične zadeve, tujci.',
      },
      location: { sl: 'Pritličje, okenca 1–6' },
      officeHours: UE_HOURS,
      email: `notranje.${organisation}@example.si`,
      phone: organisation === 'ue-domzale' ? '01 724 10 00' : '02 584 81 00',
      services: ['potrdila-iz-uradnih-evidenc', 'splosne-informacije', 'sestava-smrtovnice'],
      situations: ['potrdilo-iz-uradne-evidence', 'smrt-svojca-smrtovnica'],
      people:
        organisation === 'ue-domzale'
          ? [
              {
                fullName: 'Janez Novak',
                role: { sl: 'višji referent', en: 'Senior officer' },
                email: 'uradnik@domzale.example',
                phone: '01 724 10 12',
                room: '6',
                staff: 'uradnik@domzale.example',
                published: true,
              },
              {
                fullName: 'Maja Zupan',
                role: { sl: 'vodja oddelka', en: 'Head of department' },
                phone: '01 724 10 10',
                room: '14',
                published: true,
              },
            ]
          : [],
    },
    {
      organisation,
      slug: 'oddelek-za-okolje-in-prostor',
      name: {
        sl: 'Oddelek za okolje in prostor',
        en: 'Department of Environment and Spatial Planning',
      },
      location: { sl: '1. nadstropje' },
      officeHours: UE_HOURS,
      email: `okolje.${organisation}@example.si`,
      services: ['faza-postopka'],
      situations: organisation === 'ue-domzale' ? ['faza-upravnega-postopka'] : [],
      people: [],
    },
  ]),
];

/**
 * Loads the demo departments into the organisations that have none; how many departments. A
 * published demo person's consent is recorded as given to the organisation's first admin.
 */
export async function loadDemoContacts(
  db: Db,
  now: Date,
  demo: readonly DemoDepartment[],
): Promise<number> {
  let loaded = 0;
  await db.transaction().execute(async (tx) => {
    for (const orgSlug of new Set(demo.map((d) => d.organisation))) {
      const org = await tx
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', orgSlug)
        .executeTakeFirst();
      if (!org || (await repo.listDepartments(tx, org.id)).length) continue;
      const idsOf = async (table: 'service' | 'life_situation', slugs: string[]) => {
        if (!slugs.length) return [];
        const rows = await tx
          .selectFrom(table)
          .select(['id', 'slug'])
          .where('organisation_id', '=', org.id)
          .where('slug', 'in', slugs)
          .execute();
        // The demo situations are loaded only where the demo services are: a missing one is skipped.
        return rows.map((r) => r.id);
      };
      const staff = await tx
        .selectFrom('staff')
        .select(['id', 'email', 'role'])
        .where('organisation_id', '=', org.id)
        .orderBy('created_at')
        .execute();
      const admin = staff.find((s) => s.role === 'admin')?.id ?? null;
      const bySlug = new Map<string, string>();
      for (const [position, d] of demo.filter((x) => x.organisation === orgSlug).entries()) {
        const id = await repo.saveDepartment(
          tx,
          org.id,
          null,
          {
            slug: d.slug,
            parentId: d.parent ? (bySlug.get(d.parent) ?? null) : null,
            name: d.name,
            description: d.description ?? {},
            location: d.location ?? {},
            officeHours: d.officeHours ?? {},
            email: d.email ?? null,
            phone: d.phone ?? null,
            position,
            serviceIds: await idsOf('service', d.services),
            situationIds: await idsOf('life_situation', d.situations),
          },
          now,
        );
        bySlug.set(d.slug, id);
        loaded++;
        for (const [i, p] of d.people.entries()) {
          const consent = p.published && admin !== null;
          await repo.savePerson(
            tx,
            org.id,
            id,
            null,
            {
              fullName: p.fullName,
              role: p.role,
              email: p.email ?? null,
              phone: p.phone ?? null,
              room: p.room ?? null,
              officeHours: {},
              staffId: staff.find((s) => s.email === p.staff)?.id ?? null,
              position: i,
              publish: consent,
              consentConfirmed: consent,
            },
            {
              published: consent,
              consentRecordedAt: consent ? now : null,
              consentRecordedBy: consent ? admin : null,
            },
            now,
          );
        }
      }
    }
  });
  return loaded;
}

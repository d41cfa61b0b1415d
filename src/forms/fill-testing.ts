// A small form in all three languages for the filling-in tests (route, drafts, e2e): the welcome
// of newborns, with a person, a yes/no, a page shown by a condition, a repeated group, choices.
import type { Db } from '../db/db.ts';
import type { FormsService } from './service.ts';

const l = (sl: string, cs: string, en: string) => ({ sl, cs, en });

export const NEWBORNS = {
  format: 1,
  languages: ['sl', 'cs', 'en'],
  title: l(
    'Prijava na sprejem novorojenčkov',
    'Přihláška na vítání občánků',
    'Sign-up for the welcome of newborns',
  ),
  assurance: 'low',
  pages: [
    {
      id: 'parent',
      title: l('Starš', 'Rodič', 'Parent'),
      questions: [
        {
          id: 'parent',
          type: 'person',
          label: l('Starš', 'Rodič', 'Parent'),
          required: true,
          prefill: 'person',
        },
        {
          id: 'phone',
          type: 'phone',
          label: l('Telefon', 'Telefon', 'Phone'),
          prefill: 'person.phone',
        },
        {
          id: 'invite',
          type: 'yesNo',
          label: l(
            'Želite vabilo po pošti?',
            'Přejete si pozvánku poštou?',
            'Would you like an invitation by post?',
          ),
          required: true,
        },
      ],
    },
    {
      id: 'address',
      title: l('Naslov', 'Adresa', 'Address'),
      visibleIf: { field: 'invite', op: 'equals', value: true },
      questions: [
        {
          id: 'home',
          type: 'address',
          label: l('Naslov za vabilo', 'Adresa pro pozvánku', 'Address for the invitation'),
          required: true,
          defaultCountry: 'SI',
        },
      ],
    },
    {
      id: 'children',
      title: l('Otroci', 'Děti', 'Children'),
      questions: [
        {
          id: 'child',
          type: 'group',
          label: l('Otrok', 'Dítě', 'Child'),
          required: true,
          minItems: 1,
          maxItems: 3,
          questions: [
            {
              id: 'name',
              type: 'text',
              label: l('Ime otroka', 'Jméno dítěte', 'Child’s name'),
              required: true,
              maxLength: 60,
            },
            {
              id: 'born',
              type: 'date',
              label: l('Datum rojstva', 'Datum narození', 'Date of birth'),
              required: true,
              min: '2024-01-01',
            },
          ],
        },
        {
          id: 'guests',
          type: 'number',
          label: l('Število spremljevalcev', 'Počet doprovázejících osob', 'Number of guests'),
          help: l('Največ štirje.', 'Nejvýše čtyři.', 'At most four.'),
          min: 0,
          max: 4,
        },
        {
          id: 'needs',
          type: 'multipleChoice',
          label: l('Potrebujete', 'Potřebujete', 'You need'),
          options: [
            {
              value: 'ramp',
              label: l('Klančino za voziček', 'Bezbariérový přístup', 'Step-free access'),
            },
            { value: 'parking', label: l('Parkirišče', 'Parkování', 'Parking') },
          ],
        },
        {
          id: 'proof',
          type: 'file',
          label: l('Rojstni list', 'Rodný list', 'Birth certificate'),
          accept: ['application/pdf'],
          maxBytes: 1048576,
        },
      ],
    },
  ],
} as const;

/** Publishes `definition` as `slug` of the organisation (with an admin made for it); its form id. */
export async function publishForm(
  db: Db,
  forms: FormsService,
  organisationId: string,
  slug: string,
  definition: unknown = NEWBORNS,
): Promise<string> {
  const email = `forms-admin-${slug}-${organisationId.slice(0, 8)}@example.org`;
  const row =
    (await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst()) ??
    (await db
      .insertInto('staff')
      .values({
        organisation_id: organisationId,
        email,
        display_name: 'Forms admin',
        role: 'admin',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  const admin = {
    id: row.id,
    organisationId,
    role: 'admin' as const,
    displayName: 'Forms admin',
    email,
  };
  const existing = (await forms.list(admin)).find((f) => f.slug === slug);
  const formId = existing ? existing.id : (await forms.create(admin, { slug, definition })).formId;
  if (existing) await forms.saveDraft(admin, formId, definition);
  await forms.publish(admin, formId);
  return formId;
}

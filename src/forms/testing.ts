// A complete definition for the tests (and decision 033's example): the dog registration of
// Kopřivnice, every type of question, a page shown by a condition, prefill, a repeated group.
import type { Okence } from '../boot.ts';
import type { Db } from '../db/db.ts';
import { checkDefinition } from './definition-check.ts';
import type { FormDefinition } from './definition.ts';

export const DOG_REGISTRATION = {
  format: 1,
  languages: ['cs', 'en'],
  title: { cs: 'Přihlášení psa k místnímu poplatku', en: 'Registering a dog for the local fee' },
  assurance: 'substantial',
  pages: [
    {
      id: 'owner',
      title: { cs: 'Držitel psa', en: 'The dog’s keeper' },
      questions: [
        {
          id: 'keeper',
          type: 'person',
          label: { cs: 'Držitel', en: 'Keeper' },
          required: true,
          prefill: 'person',
          withDateOfBirth: true,
        },
        {
          id: 'home',
          type: 'address',
          label: { cs: 'Adresa trvalého pobytu', en: 'Permanent address' },
          required: true,
          prefill: 'person.address',
          defaultCountry: 'CZ',
        },
        {
          id: 'email',
          type: 'email',
          label: { cs: 'E-mail', en: 'E-mail' },
          prefill: 'person.email',
        },
        {
          id: 'phone',
          type: 'phone',
          label: { cs: 'Telefon', en: 'Phone' },
          prefill: 'person.phone',
        },
        {
          id: 'pensioner',
          type: 'yesNo',
          label: { cs: 'Jste poživatel důchodu?', en: 'Do you draw a pension?' },
          required: true,
        },
        {
          id: 'pension-proof',
          type: 'file',
          label: { cs: 'Doklad o důchodu', en: 'Proof of pension' },
          help: { cs: 'PDF nebo fotografie, nejvýše 5 MB.', en: 'A PDF or a photo, at most 5 MB.' },
          required: true,
          visibleIf: { field: 'pensioner', op: 'equals', value: true },
          accept: ['application/pdf', 'image/jpeg', 'image/png'],
          maxBytes: 5242880,
        },
      ],
    },
    {
      id: 'dogs',
      title: { cs: 'Psi', en: 'Dogs' },
      questions: [
        {
          id: 'dog',
          type: 'group',
          label: { cs: 'Pes', en: 'Dog' },
          required: true,
          minItems: 1,
          maxItems: 5,
          questions: [
            {
              id: 'dog-name',
              type: 'text',
              label: { cs: 'Jméno psa', en: 'The dog’s name' },
              required: true,
              maxLength: 60,
            },
            {
              id: 'chip',
              type: 'text',
              label: { cs: 'Číslo čipu', en: 'Chip number' },
              pattern: 'digits',
              minLength: 15,
              maxLength: 15,
            },
            {
              id: 'born',
              type: 'date',
              label: { cs: 'Datum narození psa', en: 'The dog’s date of birth' },
              min: '1996-01-01',
            },
            {
              id: 'breed',
              type: 'singleChoice',
              label: { cs: 'Velikost', en: 'Size' },
              required: true,
              options: [
                { value: 'small', label: { cs: 'Malý', en: 'Small' } },
                { value: 'large', label: { cs: 'Velký', en: 'Large' } },
              ],
            },
          ],
        },
        {
          id: 'since',
          type: 'date',
          label: { cs: 'Psa držím od', en: 'Kept since' },
          required: true,
          min: '2000-01-01',
        },
      ],
    },
    {
      id: 'fee',
      title: { cs: 'Poplatek', en: 'The fee' },
      visibleIf: { not: { field: 'pensioner', op: 'equals', value: true } },
      questions: [
        {
          id: 'payment',
          type: 'singleChoice',
          label: { cs: 'Způsob platby', en: 'How you pay' },
          required: true,
          options: [
            { value: 'qr', label: { cs: 'QR platbou', en: 'By QR payment' } },
            { value: 'counter', label: { cs: 'Na pokladně', en: 'At the cash desk' } },
          ],
        },
        {
          id: 'instalments',
          type: 'number',
          label: { cs: 'Počet splátek', en: 'Instalments' },
          min: 1,
          max: 4,
          visibleIf: { field: 'payment', op: 'equals', value: 'qr' },
        },
        {
          id: 'paid',
          type: 'money',
          label: { cs: 'Již zaplaceno', en: 'Already paid' },
          currency: 'CZK',
          maxMinor: 150000,
        },
        {
          id: 'reminders',
          type: 'multipleChoice',
          label: { cs: 'Upozornit', en: 'Remind me' },
          options: [
            { value: 'email', label: { cs: 'E-mailem', en: 'By e-mail' } },
            { value: 'sms', label: { cs: 'SMS', en: 'By text message' } },
          ],
          maxSelected: 2,
        },
        {
          id: 'note',
          type: 'longText',
          label: { cs: 'Poznámka', en: 'Note' },
          maxLength: 2000,
          visibleIf: {
            any: [
              { field: 'reminders', op: 'includes', value: 'sms' },
              { field: 'paid', op: 'gt', value: 0 },
            ],
          },
        },
      ],
    },
  ],
} as const;

/**
 * A form of the organisation of `adminEmail` with a published version 1 and a draft of version 2
 * (the authorisation sweep's victim form): its id, its page whose first question is a repeated
 * group (so that the routes of a group's member questions can be filled), that group, the
 * group's first member, and version 1.
 */
/** DOG_REGISTRATION as the checker leaves it, for tests and benches; throws if it stops passing. */
export function checkedDogRegistration(): FormDefinition {
  const c = checkDefinition(DOG_REGISTRATION);
  if (!c.ok) throw new Error(`DOG_REGISTRATION fails its check: ${JSON.stringify(c.problems)}`);
  return c.definition;
}

/** DOG_REGISTRATION answered in full as a form post: every page's questions, one dog. */
export const DOG_REGISTRATION_POSTED: Record<string, string> = {
  'keeper.givenName': 'Jana',
  'keeper.familyName': 'N',
  'keeper.dateOfBirth': '1.1.1970',
  'home.street': 'Hlavní 1',
  'home.postcode': '742 21',
  'home.city': 'Kopřivnice',
  pensioner: 'no',
  'dog.0.dog-name': 'Rex',
  'dog.0.breed': 'small',
  since: '2020-01-01',
  payment: 'counter',
  reminders: 'sms',
};

export async function seedForm(okence: Okence, adminEmail: string, slug: string) {
  const admin = await okence.handle.db
    .selectFrom('staff')
    .select(['id', 'organisation_id', 'email', 'display_name'])
    .where('email', '=', adminEmail)
    .executeTakeFirstOrThrow();
  const actor = {
    id: admin.id,
    organisationId: admin.organisation_id,
    role: 'admin' as const,
    displayName: admin.display_name,
    email: admin.email,
  };
  const forms = okence.services.forms;
  const { formId } = await forms.create(actor, { slug, definition: DOG_REGISTRATION });
  await forms.publish(actor, formId);
  await forms.saveDraft(actor, formId, DOG_REGISTRATION);
  const groupPage = DOG_REGISTRATION.pages.findIndex((p) => p.questions[0]?.type === 'group');
  return { form: formId, page: String(groupPage), question: '0', member: '0', version: '1' };
}

/** The organisations' forms and every version of them, for a snapshot that must not change. */
export async function formRows(db: Db, organisationIds: string[]) {
  return {
    forms: await db
      .selectFrom('forms')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
    form_versions: await db
      .selectFrom('form_versions as v')
      .innerJoin('forms as f', 'f.id', 'v.form_id')
      .selectAll('v')
      .where('f.organisation_id', 'in', organisationIds)
      .orderBy(['v.form_id', 'v.version'])
      .execute(),
  };
}

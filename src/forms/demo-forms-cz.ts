// Demo forms of the Czech organisations (Kopřivnice, Liberecký kraj), in Czech and English, with
// the questions those offices' own paper forms ask. Each states the level of assurance it needs
// and why, next to it.
import type { DefinitionInput } from './definition.ts';
import type { DemoForm } from './demo-forms.ts';

const PROOF = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const FIVE_MB = 5 * 1024 * 1024;

/** The payer's page that both fee notices open with. */
const keeperPage: DefinitionInput['pages'][number] = {
  id: 'drzitel',
  title: { cs: 'Poplatník', en: 'The payer' },
  help: {
    cs: 'Údaje z vaší identity občana jsme předvyplnili; zkontrolujte je.',
    en: 'We filled in what your citizen identity tells us; please check it.',
  },
  questions: [
    {
      id: 'osoba',
      type: 'person',
      label: { cs: 'Jméno a příjmení', en: 'Name' },
      required: true,
      prefill: 'person',
      withDateOfBirth: true,
    },
    {
      id: 'pobyt',
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
      help: {
        cs: 'Pošleme na něj potvrzení o podání a výši poplatku.',
        en: 'We send the receipt and the amount of the fee there.',
      },
      required: true,
      prefill: 'person.email',
    },
    {
      id: 'telefon',
      type: 'phone',
      label: { cs: 'Telefon', en: 'Phone' },
      prefill: 'person.phone',
    },
  ],
};

export const DEMO_FORMS_CZ: DemoForm[] = [
  {
    organisation: 'koprivnice',
    slug: 'ohlaseni-psa',
    // substantial: the notice is a taxpayer's filing under the Tax Code (zákon 280/2009), on which
    // the fee is assessed; the office must know who files it, so an eID sign-in comes first.
    definition: {
      format: 1,
      languages: ['cs', 'en'],
      title: {
        cs: 'Ohlášení držení psa (místní poplatek ze psů)',
        en: 'Notice of keeping a dog (the local dog fee)',
      },
      description: {
        cs: 'Držení psa staršího 3 měsíců ohlaste do 15 dnů. Poplatek platí držitel psa s trvalým pobytem v Kopřivnici.',
        en: 'Notify us within 15 days of keeping a dog older than 3 months. The keeper whose permanent address is in Kopřivnice pays the fee.',
      },
      assurance: 'substantial',
      pages: [
        {
          ...keeperPage,
          questions: [
            ...keeperPage.questions,
            {
              id: 'duchodce',
              type: 'yesNo',
              label: {
                cs: 'Jste poživatel invalidního, starobního, vdovského, vdoveckého nebo sirotčího důchodu, který je vaším jediným zdrojem příjmů?',
                en: 'Do you draw an invalidity, old-age, widow’s, widower’s or orphan’s pension that is your only income?',
              },
              help: {
                cs: 'Pak platíte sníženou sazbu 200 Kč za prvního psa.',
                en: 'You then pay the reduced rate of CZK 200 for the first dog.',
              },
              required: true,
            },
            {
              id: 'doklad-duchod',
              type: 'file',
              label: {
                cs: 'Rozhodnutí o přiznání důchodu',
                en: 'The decision awarding the pension',
              },
              help: {
                cs: 'Sken nebo fotografie, PDF, JPEG nebo PNG, nejvýše 5 MB.',
                en: 'A scan or a photo, PDF, JPEG or PNG, at most 5 MB.',
              },
              required: true,
              visibleIf: { field: 'duchodce', op: 'equals', value: true },
              accept: [...PROOF],
              maxBytes: FIVE_MB,
            },
          ],
        },
        {
          id: 'psi',
          title: { cs: 'Psi', en: 'Dogs' },
          questions: [
            {
              id: 'pes',
              type: 'group',
              label: { cs: 'Pes', en: 'Dog' },
              help: {
                cs: 'Držíte-li víc psů, přidejte každého zvlášť.',
                en: 'If you keep more than one dog, add each one.',
              },
              required: true,
              minItems: 1,
              maxItems: 10,
              questions: [
                {
                  id: 'jmeno',
                  type: 'text',
                  label: { cs: 'Jméno psa', en: 'The dog’s name' },
                  required: true,
                  maxLength: 60,
                },
                {
                  id: 'plemeno',
                  type: 'text',
                  label: { cs: 'Plemeno', en: 'Breed' },
                  required: true,
                  maxLength: 100,
                },
                {
                  id: 'pohlavi',
                  type: 'singleChoice',
                  label: { cs: 'Pohlaví', en: 'Sex' },
                  required: true,
                  options: [
                    { value: 'pes', label: { cs: 'Pes', en: 'Male' } },
                    { value: 'fena', label: { cs: 'Fena', en: 'Female' } },
                  ],
                },
                {
                  id: 'narozen',
                  type: 'date',
                  label: { cs: 'Datum narození', en: 'Date of birth' },
                  required: true,
                  min: '2000-01-01',
                },
                {
                  id: 'cip',
                  type: 'text',
                  label: { cs: 'Číslo čipu', en: 'Microchip number' },
                  help: {
                    cs: '15 číslic z očkovacího průkazu.',
                    en: 'The 15 digits in the vaccination record.',
                  },
                  required: true,
                  pattern: 'digits',
                  minLength: 15,
                  maxLength: 15,
                },
                {
                  id: 'od',
                  type: 'date',
                  label: { cs: 'Psa držím od', en: 'Kept since' },
                  required: true,
                  min: '2000-01-01',
                },
              ],
            },
            {
              id: 'osvobozeni',
              type: 'singleChoice',
              label: { cs: 'Uplatňuji osvobození', en: 'I claim an exemption' },
              help: {
                cs: 'Osvobozen je například držitel průkazu ZTP/P nebo psa asistenčního či záchranářského.',
                en: 'Exempt are, for example, holders of a ZTP/P disability card and keepers of assistance or rescue dogs.',
              },
              required: true,
              options: [
                { value: 'ne', label: { cs: 'Ne', en: 'No' } },
                {
                  value: 'ztpp',
                  label: { cs: 'Držitel průkazu ZTP/P', en: 'Holder of a ZTP/P card' },
                },
                {
                  value: 'asistencni',
                  label: {
                    cs: 'Asistenční nebo záchranářský pes',
                    en: 'An assistance or rescue dog',
                  },
                },
              ],
            },
            {
              id: 'doklad-osvobozeni',
              type: 'file',
              label: { cs: 'Doklad k osvobození', en: 'Proof of the exemption' },
              help: {
                cs: 'PDF, JPEG nebo PNG, nejvýše 5 MB.',
                en: 'PDF, JPEG or PNG, at most 5 MB.',
              },
              required: true,
              visibleIf: { field: 'osvobozeni', op: 'notEquals', value: 'ne' },
              accept: [...PROOF],
              maxBytes: FIVE_MB,
            },
          ],
        },
      ],
    },
  },
  {
    organisation: 'koprivnice',
    slug: 'poplatek-za-odpad',
    // substantial: as the dog fee, a taxpayer's notice on which the fee is assessed.
    definition: {
      format: 1,
      languages: ['cs', 'en'],
      title: {
        cs: 'Ohlášení k poplatku za obecní systém odpadového hospodářství',
        en: 'Notice for the municipal waste management fee',
      },
      description: {
        cs: 'Ohlaste vznik nebo zánik povinnosti platit poplatek do 15 dnů, i za členy domácnosti, za které platíte.',
        en: 'Tell us within 15 days when you start or stop having to pay the fee, also for the members of your household you pay for.',
      },
      assurance: 'substantial',
      pages: [
        {
          id: 'duvod',
          title: { cs: 'Co ohlašujete', en: 'What you notify' },
          questions: [
            {
              id: 'ohlaseni',
              type: 'singleChoice',
              label: { cs: 'Ohlašuji', en: 'I notify' },
              required: true,
              options: [
                {
                  value: 'vznik',
                  label: { cs: 'Vznik poplatkové povinnosti', en: 'That I start having to pay' },
                },
                { value: 'zmena', label: { cs: 'Změnu údajů', en: 'A change of details' } },
                {
                  value: 'zanik',
                  label: { cs: 'Zánik poplatkové povinnosti', en: 'That I no longer have to pay' },
                },
              ],
            },
            {
              id: 'poplatnik',
              type: 'singleChoice',
              label: { cs: 'Poplatek platím jako', en: 'I pay the fee as' },
              required: true,
              options: [
                {
                  value: 'prihlaseny',
                  label: {
                    cs: 'Fyzická osoba přihlášená v Kopřivnici',
                    en: 'A person registered as living in Kopřivnice',
                  },
                },
                {
                  value: 'vlastnik',
                  label: {
                    cs: 'Vlastník bytu, rodinného domu nebo stavby k rodinné rekreaci, ve které není nikdo přihlášen',
                    en: 'Owner of a flat, a house or a holiday home in which nobody is registered',
                  },
                },
              ],
            },
            {
              id: 'den',
              type: 'date',
              label: { cs: 'Ke dni', en: 'As of' },
              required: true,
              min: '2022-01-01',
            },
          ],
        },
        keeperPage,
        {
          id: 'nemovitost',
          title: { cs: 'Nemovitost', en: 'The property' },
          visibleIf: { field: 'poplatnik', op: 'equals', value: 'vlastnik' },
          questions: [
            {
              id: 'adresa-nemovitosti',
              type: 'address',
              label: { cs: 'Adresa nemovitosti', en: 'The property’s address' },
              required: true,
              defaultCountry: 'CZ',
            },
            {
              id: 'cislo',
              type: 'text',
              label: { cs: 'Číslo popisné nebo evidenční', en: 'House or registration number' },
              required: true,
              pattern: 'digits',
              maxLength: 6,
            },
            {
              id: 'katastr',
              type: 'singleChoice',
              label: { cs: 'Katastrální území', en: 'Cadastral area' },
              required: true,
              options: [
                { value: 'koprivnice', label: { cs: 'Kopřivnice', en: 'Kopřivnice' } },
                { value: 'lubina', label: { cs: 'Lubina', en: 'Lubina' } },
                { value: 'mnisi', label: { cs: 'Mniší', en: 'Mniší' } },
                { value: 'vlcovice', label: { cs: 'Vlčovice', en: 'Vlčovice' } },
                {
                  value: 'drnholec',
                  label: { cs: 'Drnholec nad Lubinou', en: 'Drnholec nad Lubinou' },
                },
              ],
            },
          ],
        },
        {
          id: 'domacnost',
          title: { cs: 'Společné placení', en: 'Paying together' },
          visibleIf: { field: 'poplatnik', op: 'equals', value: 'prihlaseny' },
          questions: [
            {
              id: 'clen',
              type: 'group',
              label: {
                cs: 'Další osoba, za kterou poplatek platím',
                en: 'Someone else I pay the fee for',
              },
              help: {
                cs: 'Jako společný zástupce domácnosti můžete platit i za ostatní přihlášené osoby. Nikoho nemusíte uvádět.',
                en: 'As the household’s common representative you can pay for the others registered there too. You need not name anyone.',
              },
              maxItems: 15,
              questions: [
                {
                  id: 'clen-osoba',
                  type: 'person',
                  label: { cs: 'Jméno a příjmení', en: 'Name' },
                  required: true,
                  withDateOfBirth: true,
                },
              ],
            },
            {
              id: 'osvobozeni',
              type: 'singleChoice',
              label: {
                cs: 'Uplatňuji osvobození nebo úlevu',
                en: 'I claim an exemption or a reduction',
              },
              required: true,
              options: [
                { value: 'ne', label: { cs: 'Ne', en: 'No' } },
                {
                  value: 'zarizeni',
                  label: {
                    cs: 'Pobyt v domově pro seniory nebo jiném zařízení',
                    en: 'Living in a care home or a similar facility',
                  },
                },
                {
                  value: 'zahranici',
                  label: {
                    cs: 'Pobyt v zahraničí déle než 6 měsíců',
                    en: 'Living abroad for more than 6 months',
                  },
                },
              ],
            },
            {
              id: 'doklad',
              type: 'file',
              label: { cs: 'Doklad k osvobození', en: 'Proof of the exemption' },
              help: {
                cs: 'Potvrzení zařízení nebo doklad o pobytu v zahraničí; PDF, JPEG nebo PNG, nejvýše 5 MB.',
                en: 'A confirmation from the facility or proof of living abroad; PDF, JPEG or PNG, at most 5 MB.',
              },
              required: true,
              visibleIf: { field: 'osvobozeni', op: 'notEquals', value: 'ne' },
              accept: [...PROOF],
              maxBytes: FIVE_MB,
            },
          ],
        },
      ],
    },
  },
];

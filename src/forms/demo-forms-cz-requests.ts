// Demo requests of the Czech organisations, in Czech and English: occupying public space in
// Kopřivnice and asking the Liberec Region for a grant consultation.
import type { DemoForm } from './demo-forms.ts';

export const DEMO_REQUESTS_CZ: DemoForm[] = [
  {
    organisation: 'koprivnice',
    slug: 'zabor-verejneho-prostranstvi',
    // substantial: the request starts the town's consent and the fee for using public space is
    // assessed on it; the office must know who asks (a firm's request is made by a person too).
    definition: {
      format: 1,
      languages: ['cs', 'en'],
      title: {
        cs: 'Žádost o zábor veřejného prostranství',
        en: 'Request to occupy public space',
      },
      description: {
        cs: 'Podejte nejméně 10 dnů před záborem, u akcí delších než 10 dnů nejméně 30 dnů předem.',
        en: 'Apply at least 10 days beforehand, and 30 days beforehand for an occupation longer than 10 days.',
      },
      assurance: 'substantial',
      // The request starts an administrative procedure (správní řád §44, §45): a podání the
      // applicant makes in person. Online, act 12/2020 Sb. §4 lets the applicant authorise it
      // by a fresh sign-in with their eID instead of a signature (decision 042).
      authoriseAct: true,
      pages: [
        {
          id: 'zadatel',
          title: { cs: 'Žadatel', en: 'Applicant' },
          questions: [
            {
              id: 'typ',
              type: 'singleChoice',
              label: { cs: 'Žádám jako', en: 'I apply as' },
              required: true,
              options: [
                { value: 'fo', label: { cs: 'Fyzická osoba', en: 'A private person' } },
                {
                  value: 'po',
                  label: {
                    cs: 'Podnikatel nebo právnická osoba',
                    en: 'A business or an organisation',
                  },
                },
              ],
            },
            {
              id: 'osoba',
              type: 'person',
              label: { cs: 'Jméno a příjmení', en: 'Name' },
              required: true,
              prefill: 'person',
            },
            {
              id: 'firma',
              type: 'text',
              label: { cs: 'Obchodní firma nebo název', en: 'Business or organisation name' },
              required: true,
              maxLength: 200,
              visibleIf: { field: 'typ', op: 'equals', value: 'po' },
            },
            {
              id: 'ico',
              type: 'text',
              label: { cs: 'IČO', en: 'Company ID (IČO)' },
              help: { cs: '8 číslic.', en: '8 digits.' },
              required: true,
              pattern: 'digits',
              minLength: 8,
              maxLength: 8,
              visibleIf: { field: 'typ', op: 'equals', value: 'po' },
            },
            {
              id: 'adresa',
              type: 'address',
              label: {
                cs: 'Adresa trvalého pobytu nebo sídla',
                en: 'Permanent address or registered office',
              },
              required: true,
              prefill: 'person.address',
              defaultCountry: 'CZ',
            },
            {
              id: 'email',
              type: 'email',
              label: { cs: 'E-mail', en: 'E-mail' },
              required: true,
              prefill: 'person.email',
            },
            {
              id: 'telefon',
              type: 'phone',
              label: { cs: 'Telefon', en: 'Phone' },
              required: true,
              prefill: 'person.phone',
            },
          ],
        },
        {
          id: 'zabor',
          title: { cs: 'Zábor', en: 'The occupation' },
          questions: [
            {
              id: 'ucel',
              type: 'singleChoice',
              label: { cs: 'Účel záboru', en: 'Purpose' },
              required: true,
              options: [
                {
                  value: 'stavba',
                  label: {
                    cs: 'Stavební zařízení, lešení, kontejner nebo skládka materiálu',
                    en: 'Building site equipment, scaffolding, a skip or stored material',
                  },
                },
                {
                  value: 'prodej',
                  label: {
                    cs: 'Prodejní stánek nebo předsunuté prodejní místo',
                    en: 'A stall or an outdoor sales point',
                  },
                },
                {
                  value: 'zahradka',
                  label: { cs: 'Restaurační předzahrádka', en: 'Outdoor seating of a restaurant' },
                },
                {
                  value: 'reklama',
                  label: { cs: 'Reklamní zařízení', en: 'An advertising structure' },
                },
                {
                  value: 'akce',
                  label: {
                    cs: 'Kulturní, sportovní nebo jiná akce',
                    en: 'A cultural, sports or other event',
                  },
                },
                { value: 'jine', label: { cs: 'Jiný účel', en: 'Something else' } },
              ],
            },
            {
              id: 'popis',
              type: 'longText',
              label: { cs: 'Popis', en: 'Description' },
              help: {
                cs: 'Co na místě bude a jak bude zábor označen.',
                en: 'What will stand there and how the area will be marked.',
              },
              required: true,
              maxLength: 2000,
            },
            {
              id: 'misto',
              type: 'text',
              label: {
                cs: 'Místo (ulice, číslo domu nebo parcely)',
                en: 'Place (street, house or plot number)',
              },
              required: true,
              maxLength: 300,
            },
            {
              id: 'plocha',
              type: 'number',
              label: { cs: 'Zabraná plocha v m²', en: 'Area occupied, in m²' },
              required: true,
              decimals: 1,
              min: 0.5,
              max: 10000,
            },
            {
              id: 'od',
              type: 'date',
              label: { cs: 'Od', en: 'From' },
              required: true,
              min: '2026-01-01',
            },
            {
              id: 'do',
              type: 'date',
              label: { cs: 'Do', en: 'Until' },
              required: true,
              min: '2026-01-01',
            },
            {
              id: 'chodnik',
              type: 'yesNo',
              label: {
                cs: 'Zasahuje zábor do chodníku nebo vozovky?',
                en: 'Does it take up part of a pavement or the road?',
              },
              help: {
                cs: 'Pak je třeba i rozhodnutí o zvláštním užívání komunikace od odboru dopravy.',
                en: 'Then you also need a permit for special use of the road from the transport department.',
              },
              required: true,
            },
            {
              id: 'nakres',
              type: 'file',
              label: {
                cs: 'Situační nákres s vyznačeným záborem',
                en: 'A sketch of the site with the area marked',
              },
              help: {
                cs: 'PDF, JPEG nebo PNG, nejvýše 10 MB.',
                en: 'PDF, JPEG or PNG, at most 10 MB.',
              },
              required: true,
              accept: ['application/pdf', 'image/jpeg', 'image/png'],
              maxBytes: 10 * 1024 * 1024,
            },
          ],
        },
      ],
    },
  },
  {
    organisation: 'liberecky-kraj',
    slug: 'konzultace-dotace',
    // low: a request for a consultation starts no procedure and decides nothing; the office only
    // needs a way to reach the club, so nobody is kept from asking by a sign-in.
    definition: {
      format: 1,
      languages: ['cs', 'en'],
      title: { cs: 'Žádost o konzultaci k dotaci', en: 'Request for a grant consultation' },
      description: {
        cs: 'Administrátor programu se vám do 5 pracovních dnů ozve a domluví termín, osobně nebo elektronicky.',
        en: 'The programme’s administrator will contact you within 5 working days to arrange a meeting, in person or online.',
      },
      assurance: 'low',
      pages: [
        {
          id: 'zadatel',
          title: { cs: 'Žadatel', en: 'Applicant' },
          questions: [
            {
              id: 'organizace',
              type: 'text',
              label: { cs: 'Název organizace', en: 'Organisation' },
              required: true,
              maxLength: 200,
            },
            {
              id: 'ico',
              type: 'text',
              label: { cs: 'IČO', en: 'Company ID (IČO)' },
              help: { cs: '8 číslic.', en: '8 digits.' },
              pattern: 'digits',
              minLength: 8,
              maxLength: 8,
            },
            {
              id: 'pravni-forma',
              type: 'singleChoice',
              label: { cs: 'Právní forma', en: 'Legal form' },
              required: true,
              options: [
                { value: 'spolek', label: { cs: 'Spolek', en: 'An association' } },
                {
                  value: 'obec',
                  label: {
                    cs: 'Obec nebo svazek obcí',
                    en: 'A municipality or a union of municipalities',
                  },
                },
                {
                  value: 'ops',
                  label: {
                    cs: 'Obecně prospěšná společnost nebo ústav',
                    en: 'A public benefit company or institute',
                  },
                },
                { value: 'jina', label: { cs: 'Jiná', en: 'Other' } },
              ],
            },
            {
              id: 'kontakt',
              type: 'person',
              label: { cs: 'Kontaktní osoba', en: 'Contact person' },
              required: true,
              prefill: 'person',
            },
            {
              id: 'email',
              type: 'email',
              label: { cs: 'E-mail', en: 'E-mail' },
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
        },
        {
          id: 'projekt',
          title: { cs: 'Projekt', en: 'The project' },
          questions: [
            {
              id: 'program',
              type: 'singleChoice',
              label: { cs: 'Dotační program', en: 'Grant programme' },
              required: true,
              options: [
                {
                  value: 'sport-mladez',
                  label: {
                    cs: 'Sportovní fond: podpora sportovní činnosti dětí a mládeže',
                    en: 'Sports fund: sport for children and young people',
                  },
                },
                {
                  value: 'sport-akce',
                  label: { cs: 'Sportovní fond: sportovní akce', en: 'Sports fund: sports events' },
                },
                {
                  value: 'sport-investice',
                  label: { cs: 'Sportovní fond: sportoviště', en: 'Sports fund: sports grounds' },
                },
                { value: 'jiny', label: { cs: 'Jiný program', en: 'Another programme' } },
              ],
            },
            {
              id: 'nazev',
              type: 'text',
              label: { cs: 'Název projektu', en: 'Project title' },
              required: true,
              maxLength: 200,
            },
            {
              id: 'popis',
              type: 'longText',
              label: {
                cs: 'Stručný popis a na co se chcete zeptat',
                en: 'A short description and what you want to ask',
              },
              required: true,
              maxLength: 3000,
            },
            {
              id: 'naklady',
              type: 'money',
              label: { cs: 'Předpokládané celkové náklady', en: 'Expected total cost' },
              currency: 'CZK',
              minMinor: 100,
              maxMinor: 10_000_000_000,
            },
            {
              id: 'drive',
              type: 'yesNo',
              label: {
                cs: 'Dostali jste od kraje dotaci v posledních 3 letech?',
                en: 'Has the region given you a grant in the last 3 years?',
              },
              required: true,
            },
            {
              id: 'forma',
              type: 'singleChoice',
              label: { cs: 'Konzultaci chci', en: 'I want the consultation' },
              required: true,
              options: [
                {
                  value: 'video',
                  label: { cs: 'Elektronicky (videohovor)', en: 'Online (a video call)' },
                },
                {
                  value: 'osobne',
                  label: {
                    cs: 'Osobně na krajském úřadě',
                    en: 'In person at the regional authority',
                  },
                },
                { value: 'telefon', label: { cs: 'Telefonicky', en: 'By phone' } },
              ],
            },
            {
              id: 'koncept',
              type: 'file',
              label: {
                cs: 'Koncept žádosti nebo rozpočtu',
                en: 'A draft of the application or budget',
              },
              help: {
                cs: 'Nepovinné; PDF, DOCX, ODT, nejvýše 10 MB.',
                en: 'Optional; PDF, DOCX or ODT, at most 10 MB.',
              },
              accept: [
                'application/pdf',
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                'application/vnd.oasis.opendocument.text',
              ],
              maxBytes: 10 * 1024 * 1024,
            },
          ],
        },
      ],
    },
  },
];

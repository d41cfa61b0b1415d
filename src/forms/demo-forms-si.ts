// Demo forms of the Slovenian administrative unit (Domžale), in Slovenian and English.
import type { DemoForm } from './demo-forms.ts';

export const DEMO_FORMS_SI: DemoForm[] = [
  {
    organisation: 'ue-domzale',
    slug: 'potrdilo-iz-uradne-evidence',
    // substantial: the certificate discloses what the records hold about a person (ZUP art. 179),
    // so the applicant must be identified as at the counter, where one shows an identity card.
    definition: {
      format: 1,
      languages: ['sl', 'en'],
      title: {
        sl: 'Zahteva za izdajo potrdila iz uradne evidence',
        en: 'Request for a certificate from official records',
      },
      description: {
        sl: 'Potrdilo izdamo praviloma isti dan, najpozneje v 15 dneh.',
        en: 'We usually issue the certificate the same day, within 15 days at the latest.',
      },
      assurance: 'substantial',
      pages: [
        {
          id: 'vlagatelj',
          title: { sl: 'Vlagatelj', en: 'Applicant' },
          questions: [
            {
              id: 'oseba',
              type: 'person',
              label: { sl: 'Ime in priimek', en: 'Name' },
              required: true,
              prefill: 'person',
              withDateOfBirth: true,
            },
            {
              id: 'naslov',
              type: 'address',
              label: { sl: 'Naslov stalnega prebivališča', en: 'Permanent address' },
              required: true,
              prefill: 'person.address',
              defaultCountry: 'SI',
            },
            {
              id: 'eposta',
              type: 'email',
              label: { sl: 'E-pošta', en: 'E-mail' },
              required: true,
              prefill: 'person.email',
            },
            {
              id: 'telefon',
              type: 'phone',
              label: { sl: 'Telefon', en: 'Phone' },
              prefill: 'person.phone',
            },
            {
              id: 'za-koga',
              type: 'singleChoice',
              label: { sl: 'Potrdilo zahtevam', en: 'I ask for the certificate' },
              required: true,
              options: [
                { value: 'zase', label: { sl: 'Zase', en: 'For myself' } },
                { value: 'za-drugega', label: { sl: 'Za drugo osebo', en: 'For someone else' } },
              ],
            },
            {
              id: 'druga-oseba',
              type: 'person',
              label: {
                sl: 'Oseba, za katero zahtevam potrdilo',
                en: 'The person the certificate is about',
              },
              required: true,
              withDateOfBirth: true,
              visibleIf: { field: 'za-koga', op: 'equals', value: 'za-drugega' },
            },
            {
              id: 'pooblastilo',
              type: 'file',
              label: { sl: 'Pooblastilo', en: 'Power of attorney' },
              help: {
                sl: 'Pisno pooblastilo osebe, za katero zahtevate potrdilo; PDF, JPEG ali PNG, največ 5 MB.',
                en: 'A written power of attorney from the person concerned; PDF, JPEG or PNG, at most 5 MB.',
              },
              required: true,
              visibleIf: { field: 'za-koga', op: 'equals', value: 'za-drugega' },
              accept: ['application/pdf', 'image/jpeg', 'image/png'],
              maxBytes: 5 * 1024 * 1024,
            },
          ],
        },
        {
          id: 'potrdilo',
          title: { sl: 'Potrdilo', en: 'The certificate' },
          questions: [
            {
              id: 'vrsta',
              type: 'singleChoice',
              label: { sl: 'Vrsta potrdila', en: 'Kind of certificate' },
              required: true,
              options: [
                {
                  value: 'prebivalisce',
                  label: {
                    sl: 'Potrdilo o prijavi stalnega ali začasnega prebivališča',
                    en: 'Registered permanent or temporary residence',
                  },
                },
                {
                  value: 'zgodovina',
                  label: {
                    sl: 'Potrdilo o zgodovini prebivališč',
                    en: 'History of registered addresses',
                  },
                },
                {
                  value: 'drzavljanstvo',
                  label: { sl: 'Potrdilo o državljanstvu', en: 'Citizenship' },
                },
                {
                  value: 'gospodinjstvo',
                  label: { sl: 'Potrdilo o skupnem gospodinjstvu', en: 'Members of the household' },
                },
                {
                  value: 'vozilo',
                  label: { sl: 'Potrdilo o lastništvu vozila', en: 'Vehicle ownership' },
                },
                { value: 'drugo', label: { sl: 'Drugo potrdilo', en: 'Another certificate' } },
              ],
            },
            {
              id: 'drugo',
              type: 'text',
              label: { sl: 'Katero potrdilo potrebujete?', en: 'Which certificate do you need?' },
              required: true,
              maxLength: 300,
              visibleIf: { field: 'vrsta', op: 'equals', value: 'drugo' },
            },
            {
              id: 'namen',
              type: 'singleChoice',
              label: { sl: 'Namen', en: 'Purpose' },
              help: {
                sl: 'Za namene, ki jih določa zakon o upravnih taksah, je potrdilo takse prosto.',
                en: 'For the purposes the Administrative Fees Act names, the certificate is free.',
              },
              required: true,
              options: [
                { value: 'zaposlitev', label: { sl: 'Zaposlitev', en: 'Employment' } },
                { value: 'solanje', label: { sl: 'Šolanje', en: 'Schooling' } },
                {
                  value: 'socialne',
                  label: { sl: 'Uveljavljanje socialnih pravic', en: 'Social benefits' },
                },
                {
                  value: 'drugo',
                  label: {
                    sl: 'Drug namen (upravna taksa 3,00 EUR)',
                    en: 'Another purpose (fee EUR 3.00)',
                  },
                },
              ],
            },
            {
              id: 'namen-opis',
              type: 'text',
              label: { sl: 'Za kaj potrebujete potrdilo?', en: 'What do you need it for?' },
              required: true,
              maxLength: 300,
              visibleIf: { field: 'namen', op: 'equals', value: 'drugo' },
            },
            {
              id: 'vrocitev',
              type: 'singleChoice',
              label: { sl: 'Vročitev', en: 'Delivery' },
              required: true,
              options: [
                {
                  value: 'epredal',
                  label: {
                    sl: 'V varni elektronski predal (eUprava)',
                    en: 'To my secure e-mailbox (eUprava)',
                  },
                },
                {
                  value: 'posta',
                  label: {
                    sl: 'Po pošti na naslov stalnega prebivališča',
                    en: 'By post to my permanent address',
                  },
                },
                {
                  value: 'osebno',
                  label: {
                    sl: 'Osebni prevzem na upravni enoti',
                    en: 'I collect it at the administrative unit',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  },
  {
    organisation: 'ue-domzale',
    slug: 'sprejem-novorojencev',
    // low: a sign-up for a ceremony starts no procedure and discloses nothing; the parent gives
    // a name and an address to be invited, as on the paper slip sent home with the birth record.
    definition: {
      format: 1,
      languages: ['sl', 'en'],
      title: { sl: 'Prijava na sprejem novorojenčkov', en: 'Sign-up for the welcome of newborns' },
      description: {
        sl: 'Dvakrat na leto na slovesnem sprejemu pozdravimo otroke, rojene v zadnjem pol leta, in njihove starše. Vabilo pošljemo na vaš naslov.',
        en: 'Twice a year we welcome the children born in the past six months and their parents at a small ceremony. We send the invitation to your address.',
      },
      assurance: 'low',
      pages: [
        {
          id: 'otrok',
          title: { sl: 'Otrok', en: 'The child' },
          questions: [
            {
              id: 'otroci',
              type: 'group',
              label: { sl: 'Otrok', en: 'Child' },
              help: {
                sl: 'Dvojčka ali trojčke dodajte vsakega posebej.',
                en: 'Add twins or triplets one by one.',
              },
              required: true,
              minItems: 1,
              maxItems: 4,
              questions: [
                {
                  id: 'ime',
                  type: 'person',
                  label: { sl: 'Ime in priimek otroka', en: 'The child’s name' },
                  required: true,
                  withDateOfBirth: true,
                },
              ],
            },
          ],
        },
        {
          id: 'starsi',
          title: { sl: 'Starša', en: 'Parents' },
          questions: [
            {
              id: 'stars',
              type: 'person',
              label: { sl: 'Ime in priimek starša', en: 'Parent’s name' },
              required: true,
              prefill: 'person',
            },
            {
              id: 'naslov',
              type: 'address',
              label: { sl: 'Naslov za vabilo', en: 'Address for the invitation' },
              required: true,
              prefill: 'person.address',
              defaultCountry: 'SI',
            },
            {
              id: 'eposta',
              type: 'email',
              label: { sl: 'E-pošta', en: 'E-mail' },
              prefill: 'person.email',
            },
            {
              id: 'telefon',
              type: 'phone',
              label: { sl: 'Telefon', en: 'Phone' },
              prefill: 'person.phone',
            },
            {
              id: 'udelezenci',
              type: 'number',
              label: {
                sl: 'Koliko vas bo prišlo, z otrokom vred?',
                en: 'How many of you will come, the child included?',
              },
              required: true,
              min: 1,
              max: 10,
            },
            {
              id: 'fotografije',
              type: 'yesNo',
              label: {
                sl: 'Se strinjate, da fotografije s sprejema objavimo v občinskem glasilu in na spletni strani?',
                en: 'Do you agree that photos of the ceremony may appear in the local paper and on our website?',
              },
              required: true,
            },
          ],
        },
      ],
    },
  },
];

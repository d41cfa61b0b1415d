// The services every Slovenian administrative unit of the demo offers (the pilot's four).
import type { DemoService } from './demo-organisations.ts';

/** The pilot's four services of a Slovenian administrative unit (seeds 000 and 001). */
export function upravnaEnotaServices(officials: string[]): DemoService[] {
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

// Demo life situations of the Slovenian administrative unit (Domžale), in Slovenian and English:
// the kinds of matter its virtual counter took in the pilot (seeds 000 and 001).
import type { DemoSituation } from './demo-situations.ts';

export const DEMO_SITUATIONS_SI: DemoSituation[] = [
  {
    organisation: 'ue-domzale',
    slug: 'potrdilo-iz-uradne-evidence',
    forms: ['potrdilo-iz-uradne-evidence'],
    rppCodes: [],
    services: ['potrdila-iz-uradnih-evidenc', 'splosne-informacije'],
    texts: {
      title: {
        sl: 'Potrdilo iz uradne evidence',
        en: 'A certificate from official records',
      },
      summary: {
        sl: 'Upravna enota izda potrdilo o podatkih iz evidenc, ki jih vodi, na primer o stalnem prebivališču, državljanstvu ali lastništvu vozila. Zanj se lahko naročite tudi na virtualno okence.',
        en: 'The administrative unit issues certificates of facts from the records it keeps, such as permanent residence, citizenship or vehicle ownership. You can also get one at the virtual counter.',
      },
      audience: {
        sl: 'Vsak, ki potrebuje potrdilo o podatkih, ki se o njem vodijo v uradnih evidencah, na primer za delodajalca, šolo, banko, sodišče ali tujo ustanovo. Potrdilo dobite na kateri koli upravni enoti, ne glede na to, kje prebivate.',
        en: 'Anyone who needs a certificate of what official records hold about them, for example for an employer, a school, a bank, a court or an authority abroad. Any administrative unit issues it, wherever you live.',
      },
      preparation: {
        sl: 'Osebni dokument s fotografijo (na virtualnem okencu ga pokažete v kamero)\nNamen, za katerega potrebujete potrdilo\nPooblastilo, če potrdilo zahtevate za drugo osebo',
        en: 'An identity document with a photo (at the virtual counter you show it to the camera)\nWhat you need the certificate for\nA power of attorney, if you ask for someone else',
      },
      fees: {
        sl: 'Upravna taksa je 3,00\u00a0EUR. Takse ste oproščeni, če potrdilo potrebujete za zaposlitev, šolanje, uveljavljanje socialnih pravic ali za društvo, ki deluje v javnem interesu; namen navedete ob zahtevi.',
        en: 'The administrative fee is EUR 3.00. You pay nothing if you need the certificate for employment, schooling, social benefits or an association acting in the public interest; say so when you ask.',
      },
      deadlines: {
        sl: 'Potrdilo praviloma dobite takoj, najpozneje pa v 15 dneh od zahteve.',
        en: 'You usually get the certificate at once, and within 15 days of asking at the latest.',
      },
      legalBasis: {
        sl: 'Zakon o splošnem upravnem postopku (ZUP), 179. do 183. člen\nZakon o upravnih taksah (ZUT)',
        en: 'General Administrative Procedure Act (ZUP), Articles 179 to 183\nAdministrative Fees Act (ZUT)',
      },
      department: {
        sl: 'Oddelek za upravne notranje zadeve, Upravna enota Domžale',
        en: 'Department of Administrative Internal Affairs, Domžale Administrative Unit',
      },
    },
  },
  {
    organisation: 'ue-domzale',
    slug: 'smrt-svojca-smrtovnica',
    forms: [],
    rppCodes: [],
    services: ['sestava-smrtovnice'],
    texts: {
      title: {
        sl: 'Smrt svojca: sestava smrtovnice',
        en: 'When a relative dies: the death record for probate',
      },
      summary: {
        sl: 'Po smrti svojca upravna enota sestavi smrtovnico in jo pošlje sodišču, ki vodi zapuščinski postopek. Podatke o pokojniku, dedičih in premoženju lahko sporočite tudi prek virtualnega okenca.',
        en: 'After a death, the administrative unit draws up the death record (smrtovnica) and sends it to the court that handles the estate. You can give the details of the deceased, the heirs and the estate at the virtual counter too.',
      },
      audience: {
        sl: 'Svojci in drugi, ki poznajo podatke o dedičih in premoženju osebe, ki je umrla in je imela zadnje stalno prebivališče na območju Upravne enote Domžale (občine Domžale, Lukovica, Mengeš, Moravče in Trzin).',
        en: 'Relatives and others who know about the heirs and the estate of a person who died with their last permanent residence in the area of the Domžale Administrative Unit (the municipalities of Domžale, Lukovica, Mengeš, Moravče and Trzin).',
      },
      preparation: {
        sl: 'Osebni dokument\nPodatki o dedičih: ime in priimek, naslov, datum rojstva in sorodstveno razmerje\nPodatki o premoženju pokojnika: nepremičnine, vozila, bančni računi, vrednostni papirji\nOporoka, če obstaja, ali podatek, kje je shranjena',
        en: 'An identity document\nThe heirs: name, address, date of birth and relationship to the deceased\nThe estate: property, vehicles, bank accounts, securities\nThe will, if there is one, or where it is kept',
      },
      fees: {
        sl: 'Sestava smrtovnice je brezplačna.',
        en: 'Drawing up the death record is free of charge.',
      },
      deadlines: {
        sl: 'Upravna enota vas k sestavi smrtovnice povabi praviloma v 30 dneh po smrti, smrtovnico pa nato pošlje pristojnemu okrajnemu sodišču.',
        en: 'The administrative unit usually invites you within 30 days of the death and then sends the record to the competent local court.',
      },
      legalBasis: {
        sl: 'Zakon o dedovanju (ZD)\nZakon o matičnem registru (ZMatR)',
        en: 'Inheritance Act (ZD)\nRegister of Births, Deaths and Marriages Act (ZMatR)',
      },
      department: {
        sl: 'Matična služba, Oddelek za upravne notranje zadeve, Upravna enota Domžale',
        en: 'Civil registry, Department of Administrative Internal Affairs, Domžale Administrative Unit',
      },
    },
  },
  {
    organisation: 'ue-domzale',
    slug: 'faza-upravnega-postopka',
    forms: [],
    rppCodes: [],
    services: ['faza-postopka'],
    texts: {
      title: {
        sl: 'Kje je moja zadeva? Informacija o fazi postopka',
        en: 'Where is my case? The state of a procedure',
      },
      summary: {
        sl: 'Če upravna enota vodi postopek, v katerem ste stranka, lahko izveste, v kateri fazi je in kaj še manjka do odločitve.',
        en: 'If the administrative unit is handling a procedure you are a party to, you can find out what stage it has reached and what is still needed for a decision.',
      },
      audience: {
        sl: 'Stranke in njihovi pooblaščenci v upravnih postopkih, ki jih vodi Upravna enota Domžale.',
        en: 'Parties and their representatives in procedures handled by the Domžale Administrative Unit.',
      },
      preparation: {
        sl: 'Osebni dokument s fotografijo\nŠtevilka zadeve, če jo poznate (na dopisih upravne enote)\nPooblastilo, če sprašujete za drugo osebo',
        en: 'An identity document with a photo\nThe case number, if you know it (it is on the unit’s letters)\nA power of attorney, if you ask for someone else',
      },
      fees: {
        sl: 'Informacija o fazi postopka je brezplačna.',
        en: 'Information on the state of a procedure is free of charge.',
      },
      deadlines: {
        sl: 'Upravna enota mora odločiti v enem mesecu, kadar lahko odloči takoj na podlagi dejstev, ki jih ima, sicer v dveh mesecih od popolne vloge.',
        en: 'The unit must decide within one month where it can decide on the facts it has, otherwise within two months of a complete application.',
      },
      legalBasis: {
        sl: 'Zakon o splošnem upravnem postopku (ZUP), 82. in 222. člen',
        en: 'General Administrative Procedure Act (ZUP), Articles 82 and 222',
      },
      department: {
        sl: 'Oddelek, ki vodi vašo zadevo; splošne informacije daje sprejemna pisarna Upravne enote Domžale',
        en: 'The department handling your case; the front office of the Domžale Administrative Unit gives general information',
      },
    },
  },
];

// The organisation's local open-data catalogue (LKOD) in DCAT-AP-CZ, per the OFN "Rozhraní
// katalogů otevřených dat" (https://ofn.gov.cz/rozhraní-katalogů-otevřených-dat/2021-01-11/,
// the "DCAT-AP Dokumenty" variant): a catalogue document listing one dataset, the notice board,
// whose record has two distributions (the OFN JSON-LD and the Atom feed). The national catalogue
// (NKOD) harvests it once the catalogue's address is registered there. Pure.
import { localize } from '../../i18n/i18n.ts';
import type { Organisation } from '../../tenants/domain.ts';
import { boardUrls } from './ofn.ts';

export const DCAT_CONTEXT =
  'https://ofn.gov.cz/rozhraní-katalogů-otevřených-dat/2021-01-11/kontexty/rozhraní-katalogů-otevřených-dat.jsonld';
/** The standard the notice board's data follows (the dataset's `specifikace`). */
export const NOTICE_BOARD_SPECIFICATION = 'https://ofn.gov.cz/úřední-desky/2021-07-20/';
const NOTICE_BOARD_SCHEMA = 'https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json';

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'http://www.iana.org/assignments/media-types';
const TERMS = 'https://data.gov.cz/podmínky-užití';

/** What a catalogue needs of the organisation. */
export type CatalogueInput = {
  organisation: Organisation;
  /** The IČO, which is also the authority's identifier in the register of rights and duties. */
  registrationNumber: string;
  publicUrl: URL;
};

/** The authority as NKOD names providers: its record in the RPP's open data, by its IČO. */
export function providerIri(registrationNumber: string): string {
  return `https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/${registrationNumber}`;
}

function names(org: Organisation) {
  const cs = localize(org.name, 'cs', org.defaultLanguage);
  const en = localize(org.name, 'en', org.defaultLanguage);
  return { cs, en };
}

function contact(org: Organisation, name: { cs: string; en: string }) {
  return org.email
    ? { kontaktní_bod: { typ: 'Organizace', jméno: name, 'e-mail': `mailto:${org.email}` } }
    : {};
}

/** The catalogue: the organisation's open data, which is its notice board's dataset. */
export function catalogueDocument(input: CatalogueInput): Record<string, unknown> {
  const { organisation: org } = input;
  const urls = boardUrls(input.publicUrl, org.slug);
  const name = names(org);
  return {
    '@context': DCAT_CONTEXT,
    iri: urls.catalog,
    typ: 'Katalog',
    název: { cs: `Otevřená data – ${name.cs}`, en: `Open data – ${name.en}` },
    popis: {
      cs: `Lokální katalog otevřených dat: ${name.cs}.`,
      en: `Local open data catalogue: ${name.en}.`,
    },
    poskytovatel: providerIri(input.registrationNumber),
    ...contact(org, name),
    domovská_stránka: new URL(`/o/${org.slug}`, input.publicUrl).href,
    datová_sada: [urls.dataset],
  };
}

/**
 * The terms of use of both distributions. A notice board is official works, which Czech copyright
 * law does not protect (§ 3 of Act 121/2000), in a database that is neither an original work nor
 * a maker's protected investment; its documents may name people (a decision served by public
 * decree), so it is marked as containing personal data.
 */
const TERMS_OF_USE = {
  typ: 'Specifikace podmínek užití',
  autorské_dílo: `${TERMS}/neobsahuje-autorská-díla/`,
  databáze_jako_autorské_dílo: `${TERMS}/není-autorskoprávně-chráněnou-databází/`,
  databáze_chráněná_zvláštními_právy: `${TERMS}/není-chráněna-zvláštním-právem-pořizovatele-databáze/`,
  osobní_údaje: `${TERMS}/obsahuje-osobní-údaje/`,
};

/** The dataset record of the notice board with its two distributions. */
export function datasetDocument(input: CatalogueInput): Record<string, unknown> {
  const { organisation: org } = input;
  const urls = boardUrls(input.publicUrl, org.slug);
  const name = names(org);
  const distribution = (
    id: string,
    url: string,
    format: string,
    media: string,
    title: { cs: string; en: string },
  ) => ({
    iri: `${urls.dataset}#${id}`,
    typ: 'Distribuce',
    název: title,
    podmínky_užití: TERMS_OF_USE,
    přístupové_url: url,
    soubor_ke_stažení: url,
    formát: `${EU}/file-type/${format}`,
    typ_média: `${IANA}/${media}`,
  });
  return {
    '@context': DCAT_CONTEXT,
    iri: urls.dataset,
    typ: 'Datová sada',
    název: { cs: `Úřední deska – ${name.cs}`, en: `Official notice board – ${name.en}` },
    popis: {
      cs: `Dokumenty vyvěšené na úřední desce (${name.cs}): název, text, číslo jednací, spisová značka, data vyvěšení a sejmutí a přílohy.`,
      en: `Documents on the official notice board of ${name.en}: title, text, reference and file numbers, posting and removal dates, and attachments.`,
    },
    poskytovatel: providerIri(input.registrationNumber),
    téma: [`${EU}/data-theme/GOVE`],
    periodicita_aktualizace: `${EU}/frequency/DAILY`,
    klíčové_slovo: {
      cs: ['úřední deska', 'oznámení', 'veřejná vyhláška'],
      en: ['official notice board', 'public notices'],
    },
    prvek_rúian: ['https://linked.cuzk.cz/resource/ruian/stat/1'],
    ...contact(org, name),
    dokumentace: urls.page,
    specifikace: [NOTICE_BOARD_SPECIFICATION],
    distribuce: [
      {
        ...distribution('jsonld', urls.jsonld, 'JSON_LD', 'application/ld+json', {
          cs: 'Úřední deska podle OFN (JSON-LD)',
          en: 'Notice board per the OFN (JSON-LD)',
        }),
        schéma: NOTICE_BOARD_SCHEMA,
      },
      distribution('atom', urls.atom, 'ATOM', 'application/atom+xml', {
        cs: 'Zdroj novinek (Atom)',
        en: 'News feed (Atom)',
      }),
    ],
  };
}

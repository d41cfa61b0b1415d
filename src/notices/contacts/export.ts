// The contacts as open data: OFN "Kontakty" 2020-07-01 (https://ofn.gov.cz/kontakty/2020-07-01/),
// a JSON array of Kontakt items, one per department and one per published person. Pure: the
// service hands in what the public may see. The mapping is decision 051's.
import type { Localized } from '../../i18n/i18n.ts';
import { mailtoIri, telIri, type Department, type Person } from './domain.ts';

/** The JSON-LD context of a Kontakt, by the OFN's naming of its contexts (…/kontexty/<item>.jsonld). */
export const KONTAKT_CONTEXT = 'https://ofn.gov.cz/kontakty/2020-07-01/kontexty/kontakt.jsonld';

/** A Kontakt as OFN Kontakty 2020-07-01 defines it (the parts Okence fills). */
export type Kontakt = {
  '@context': string;
  typ: 'Kontakt';
  iri: string;
  název?: Localized;
  popis?: Localized;
  druh?: Localized;
  email?: string;
  telefon?: string;
  url: string;
};

/**
 * A text without its empty languages, or undefined when it has neither Czech nor English: OFN's
 * Text requires one of them, so a Slovenian-only text is left out rather than made invalid.
 */
function text(t: Localized): Localized | undefined {
  const kept = Object.fromEntries(Object.entries(t).filter(([, v]) => v?.trim()));
  return kept.cs || kept.en ? kept : undefined;
}

/** The optional fields, present only when they have a value. */
function contactFields(
  c: { email: string | null; phone: string | null },
  country: 'CZ' | 'SI',
): Pick<Kontakt, 'email' | 'telefon'> {
  const tel = c.phone ? telIri(c.phone, country) : null;
  return { ...(c.email ? { email: mailtoIri(c.email) } : {}), ...(tel ? { telefon: tel } : {}) };
}

/**
 * The organisation's contacts document: departments in tree order, each followed by its published
 * people. A person's name is the same in every language, so it is given in each of the
 * organisation's language and the standard's (cs, en): OFN's Text requires cs or en.
 */
export function contactsDocument(o: {
  /** The page of the organisation's contacts, absolute: /o/{org}/contacts on the public URL. */
  contactsUrl: string;
  country: 'CZ' | 'SI';
  defaultLanguage: 'sl' | 'cs' | 'en';
  departments: readonly Department[];
  /** Only the published people (the service filters them; this function filters again). */
  people: readonly Person[];
}): Kontakt[] {
  return o.departments.flatMap((d) => {
    const url = `${o.contactsUrl}/${d.slug}`;
    const department: Kontakt = {
      '@context': KONTAKT_CONTEXT,
      typ: 'Kontakt',
      iri: url,
      ...optional('název', text(d.name)),
      ...optional('popis', text(d.description)),
      ...contactFields(d, o.country),
      url,
    };
    const people = o.people
      .filter((p) => p.departmentId === d.id && p.published && p.consentRecordedAt)
      .map((p): Kontakt => ({
        '@context': KONTAKT_CONTEXT,
        typ: 'Kontakt',
        iri: `${url}#person-${p.id}`,
        název: Object.fromEntries(
          [...new Set([o.defaultLanguage, 'cs', 'en'])].map((l) => [l, p.fullName]),
        ),
        ...optional('druh', text(p.role)),
        ...contactFields(p, o.country),
        url: `${url}#person-${p.id}`,
      }));
    return [department, ...people];
  });
}

function optional<K extends string>(key: K, value: Localized | undefined) {
  return (value ? { [key]: value } : {}) as Partial<Record<K, Localized>>;
}

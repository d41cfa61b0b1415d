// The XML of the Czech standard "Dokument z formuláře pro elektronické podání" (ZoPDS,
// OFN 2024-10-04), which a Czech office's filing system reads from the receipt's PDF/A.
// Element order follows the schema's sequences (standards/dokument-z-formuláře-ZoPDS.xsd);
// zopds.test.ts checks every document built here against it (xsd-check.ts).
import { XMLBuilder } from 'fast-xml-parser';
import type { Address, ParsedReceipt } from './model.ts';

/** The name the standard gives the embedded XML inside the PDF/A. */
export const ZOPDS_FILE_NAME = 'metadata-dokumentu-formuláře-pro-elektronické-podání.xml';
export const ZOPDS_NAMESPACE = 'http://dia.gov.cz/ns/dokumenty-z-formularu-ZoPDS';
const OSOBY = 'http://dia.gov.cz/ns/spolecne-casti-elektronickych-dokumentu/osoby';
const MISTA = 'http://dia.gov.cz/ns/spolecne-casti-elektronickych-dokumentu/mista';

/**
 * `způsob_provedení_úkonu` when the model names none: the item the standard's own example uses
 * for a submission through a public administration system after an eID sign-in. [U] the code
 * list itself was not at hand; an installation that knows better passes `actMethod`.
 */
export const ACT_METHOD_EID = {
  code: '4',
  name: 'Informační systém veřejné správy umožňující prokázání totožnosti uživatele služby s využitím elektronické identifikace',
};

type Node = Record<string, unknown>;

/** RÚIAN code when known; a foreign address as text; else a Czech address as text only. */
function place(a: Address): Node {
  if (a.ruianCode !== undefined)
    return { 'místa:adresní_místo': { 'místa:kód_adresního_místa': a.ruianCode } };
  if (a.country !== 'CZ') return { 'místa:zahraniční_adresa': { 'místa:text_adresy': a.text } };
  // The schema has no "Czech address, code unknown": this is the one text form it allows.
  return { 'místa:adresa_neevidovaná_v_rúian': { 'místa:text_adresy': a.text } };
}

/** The submitter as `osoby:osoba` (a natural person identified by eID). */
function citizen(m: ParsedReceipt, dateOfBirth: string, dataBox?: string): Node {
  // ZoPDS splits given names: the first is `jméno`, the rest `další_jména` (as its example).
  const [first = '', ...others] = m.submitter.givenName.split(/\s+/);
  return {
    'osoby:fyzická_osoba': {
      'osoby:jméno': first,
      ...(others.length ? { 'osoby:další_jména': others.join(' ') } : {}),
      'osoby:příjmení': m.submitter.familyName,
      'osoby:datum_narození': dateOfBirth,
      'osoby:trvalé_bydliště': place(m.submitter.address),
      ...(dataBox ? { 'osoby:datová_schránka': dataBox } : {}),
    },
  };
}

const langString = (text: string, lang: string): Node => ({ '#text': text, '@_xml:lang': lang });

/** Attachment file names made unique (an embedded file is found by its name), in order. */
export function uniqueFileNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The ZoPDS XML of a submission, or null where the standard cannot describe it: an organisation
 * outside Czechia, one without its Czech details (IČO, data box, seat, ISVS), or a submitter
 * not identified by a Czech eID (the schema requires a person's date of birth).
 */
export function buildZopdsXml(m: ParsedReceipt): string | null {
  const org = m.organisation.czech;
  const person = m.submitter.czech;
  if (m.organisation.country !== 'CZ' || !org || !person) return null;
  const submitter = citizen(m, person.dateOfBirth, person.dataBox);
  const act = m.actMethod ?? ACT_METHOD_EID;
  const rpp = m.form.rpp;
  const files = uniqueFileNames(
    m.attachments.map((a) => a.fileName),
    [ZOPDS_FILE_NAME],
  );
  const document: Node = {
    '@_xmlns': ZOPDS_NAMESPACE,
    '@_xmlns:osoby': OSOBY,
    '@_xmlns:místa': MISTA,
    jid: m.referenceNumber,
    odesílatel: submitter,
    příjemce: {
      'osoby:právnická_osoba': {
        'osoby:obchodní_firma': m.organisation.name,
        'osoby:ičo': org.ico,
        'osoby:datová_schránka': org.dataBox,
        'osoby:sídlo': place(org.seat),
      },
    },
    uživatel_služby: submitter,
    vyplněn_v_isvs: { kód: org.isvs.code, název: langString(org.isvs.name, 'cs') },
    způsob_provedení_úkonu: { kód: act.code, název: langString(act.name, 'cs') },
    ...(rpp
      ? {
          byl_vytvořen_formulářem: {
            identifikátor: m.form.id,
            název: langString(m.form.title, m.lang),
            verze: m.form.version,
            úkon: { kód: rpp.act.code, název: langString(rpp.act.name, 'cs') },
            služba: { kód: rpp.service.code, název: langString(rpp.service.name, 'cs') },
            agenda: { kód: rpp.agenda.code, název: langString(rpp.agenda.name, 'cs') },
          },
        }
      : {}),
    počet_příloh: m.attachments.length,
    přílohy: {
      příloha: m.attachments.map((a, i) => ({
        název: langString(a.title, m.lang),
        název_souboru: files[i],
        typ_média: `http://www.iana.org/assignments/media-types/${a.mediaType.toLowerCase()}`,
      })),
    },
    věc: langString(m.form.title, m.lang),
    doručit_osvědčení_do_datové_schránky: m.certificateToDataBox,
    služba_v_přenesené_působnosti: m.form.delegatedPowers,
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    dokument: document,
  });
}

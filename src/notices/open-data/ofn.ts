// The notice board as open data in the Czech OFN "Úřední desky" 2021-07-20
// (https://ofn.gov.cz/úřední-desky/2021-07-20/): one JSON-LD document per organisation with every
// document on the board now. Pure: the service hands in what to publish and the public address.
//
// The standard's texts must have a Czech or English key (základní-datové-typy text.json), and the
// operator is named by IČO, so it is offered for Czech organisations with an IČO (decision 050).
import { translator } from '../../i18n/i18n.ts';
import type { BoardEntry } from '../public/domain.ts';
import type { OpenData } from '../public/service.ts';

export const OFN_NOTICE_BOARD_CONTEXT =
  'https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld';

/** Whether the OFN document can be published for an organisation (Czech, with its IČO). */
export function offersOfn(country: 'SI' | 'CZ', registrationNumber: string | null): boolean {
  return country === 'CZ' && registrationNumber !== null && /^[0-9]{8}$/.test(registrationNumber);
}

/** The public addresses of an organisation's board, built on the configured public URL. */
export function boardUrls(publicUrl: URL, orgSlug: string) {
  const at = (path: string) => new URL(path, publicUrl).href;
  const board = `/o/${orgSlug}/notices`;
  return {
    page: at(board),
    jsonld: at(`${board}.jsonld`),
    atom: at(`${board}.atom`),
    notice: (number: number) => at(`${board}/${number}`),
    file: (number: number, fileId: string) => at(`${board}/${number}/files/${fileId}`),
    catalog: at(`/o/${orgSlug}/open-data/catalog.jsonld`),
    dataset: at(`/o/${orgSlug}/open-data/notices.jsonld`),
  };
}

const instant = (date: string) => ({ typ: 'Časový okamžik', datum: date });

function information(data: OpenData, urls: ReturnType<typeof boardUrls>, e: BoardEntry) {
  const v = e.latest;
  const text = (value: string) => ({ [v.language]: value });
  const body = data.bodies.get(e.id)?.trim() ?? '';
  const files = data.files.get(e.id) ?? [];
  return {
    typ: ['Digitální objekt', 'Informace na úřední desce'],
    iri: urls.notice(e.number),
    url: urls.notice(e.number),
    název: text(v.title),
    ...(body ? { popis: text(body) } : {}),
    vyvěšení: instant(e.postedOn),
    relevantní_do: e.downOn ? instant(e.downOn) : { typ: 'Časový okamžik', nespecifikovaný: true },
    ...(v.referenceNumber ? { číslo_jednací: v.referenceNumber } : {}),
    ...(v.fileMark ? { spisová_značka: v.fileMark } : {}),
    revize: String(v.version),
    agenda: [
      { typ: 'Agenda', název: text(translator(v.language)(`notices.category.${v.category}`)) },
    ],
    ...(files.length
      ? {
          dokument: files.map((f) => ({
            typ: 'Digitální objekt',
            název: text(f.name),
            url: urls.file(e.number, f.id),
            typ_média: `http://www.iana.org/assignments/media-types/${f.mime}`,
          })),
        }
      : {}),
  };
}

/** The OFN document of the board: its address, page, operator (by IČO) and current documents. */
export function noticeBoardDocument(data: OpenData, publicUrl: URL): Record<string, unknown> {
  const urls = boardUrls(publicUrl, data.organisation.slug);
  return {
    '@context': OFN_NOTICE_BOARD_CONTEXT,
    typ: 'Úřední deska',
    iri: urls.jsonld,
    stránka: urls.page,
    provozovatel: { typ: 'Osoba', ičo: data.registrationNumber },
    informace: data.entries.map((e) => information(data, urls, e)),
  };
}

// The notice board's open data as documents: the OFN JSON-LD, the Atom feed, and the DCAT-AP-CZ
// catalogue and dataset records, each with the instant it last changed (for Last-Modified).
// Absolute addresses are built on the configured public URL, as e-mails and SAML metadata are.
import type { PublicNoticeBoard } from '../public/service.ts';
import { atomFeed } from './atom.ts';
import { catalogueDocument, datasetDocument } from './dcat.ts';
import { noticeBoardDocument } from './ofn.ts';

/** A document to serve, with the instant it last changed (null: not known, no Last-Modified). */
export type OpenDataDocument = { body: string; lastModified: Date | null };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The open-data documents of an organisation's notice board. */
export function noticeOpenData(deps: { board: PublicNoticeBoard; publicUrl: URL }) {
  const { board, publicUrl } = deps;
  return {
    /** The OFN "Úřední desky" JSON-LD (Czech organisations with an IČO; else not found). */
    async noticeBoard(orgSlug: string): Promise<OpenDataDocument> {
      await board.ofnPublisher(orgSlug);
      const data = await board.openData(orgSlug);
      return { body: json(noticeBoardDocument(data, publicUrl)), lastModified: data.changedAt };
    },

    /** The Atom feed of the documents on the board now. */
    async atom(orgSlug: string): Promise<OpenDataDocument> {
      const data = await board.openData(orgSlug);
      return { body: atomFeed(data, publicUrl), lastModified: data.changedAt };
    },

    /** The DCAT-AP-CZ catalogue that lists the notice board's dataset. */
    async catalogue(orgSlug: string): Promise<OpenDataDocument> {
      const publisher = await board.ofnPublisher(orgSlug);
      return { body: json(catalogueDocument({ ...publisher, publicUrl })), lastModified: null };
    },

    /** The notice board's DCAT-AP-CZ dataset record with its two distributions. */
    async dataset(orgSlug: string): Promise<OpenDataDocument> {
      const publisher = await board.ofnPublisher(orgSlug);
      return { body: json(datasetDocument({ ...publisher, publicUrl })), lastModified: null };
    },
  };
}

export type NoticeOpenData = ReturnType<typeof noticeOpenData>;

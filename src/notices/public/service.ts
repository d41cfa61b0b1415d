// The notice board for citizens and for open data: current notices, the archive, one notice with
// its versions, an attachment, and what the feeds publish. A notice is public only from its first
// day on (history.ts): before it, every read here answers not found, so nothing leaks early.
import type { Readable } from 'node:stream';
import type { Db } from '../../db/db.ts';
import type { NoticeCategory } from '../../db/tables-front-door.ts';
import type { FileSafety } from '../../files/service.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Organisation } from '../../tenants/domain.ts';
import type { TenantsService } from '../../tenants/service.ts';
import {
  boardEntry,
  byPostingNewestFirst,
  byTakenDownNewestFirst,
  isCurrent,
  matches,
  pageOf,
  type BoardEntry,
  type PublicVersion,
} from './domain.ts';
import * as repo from './repo.ts';
import { queryWords } from '../../lib/search-words.ts';
import { offersOfn } from '../open-data/ofn.ts';

/** The list pages' filter: a category, the search words as typed, the page. */
export type BoardFilter = { category: NoticeCategory | null; q: string; page: number };

/** One notice's page: the version shown (the latest, or an older one asked for), its text and files. */
export type NoticeView = {
  organisation: Organisation;
  entry: BoardEntry;
  version: PublicVersion;
  body: string;
  files: repo.FileRow[];
};

/** What the open data publishes: the current notices with their attachments. */
export type OpenData = {
  organisation: Organisation;
  registrationNumber: string | null;
  entries: BoardEntry[];
  /** When the board last changed (a document up, corrected or down); the epoch when never. */
  changedAt: Date;
  /** The latest version's text of each notice, by notice id. */
  bodies: Map<string, string>;
  files: Map<string, repo.FileRow[]>;
};

/** The last instant up to `now` a document went up, was corrected or came down. */
function lastChange(entries: readonly BoardEntry[], now: Date): Date {
  let last = 0;
  for (const e of entries) {
    for (const v of e.shown) {
      last = Math.max(last, v.from.getTime());
      if (v.until !== null && v.until.getTime() <= now.getTime())
        last = Math.max(last, v.until.getTime());
    }
  }
  return new Date(last);
}

/** The public notice board's use cases, reading through public/repo.ts. */
export function publicNoticeBoard(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  files: FileSafety;
}) {
  const { db, tenants } = deps;

  async function entries(organisation: Organisation, now: Date): Promise<BoardEntry[]> {
    const notices = await repo.listNotices(db, organisation.id);
    return notices.flatMap((n) => boardEntry(n, now, organisation.timeZone) ?? []);
  }

  /** The list filtered by category and searched (bodies read only for what is left to search). */
  async function filtered(organisation: Organisation, all: BoardEntry[], filter: BoardFilter) {
    const inCategory = all.filter(
      (e) => filter.category === null || e.latest.category === filter.category,
    );
    const words = queryWords(filter.q);
    if (words.length === 0) return inCategory;
    const bodies = await repo.versionBodies(
      db,
      organisation.id,
      inCategory.map((e) => ({ noticeId: e.id, version: e.latest.version })),
    );
    return inCategory.filter((e) =>
      matches(words, e.latest, bodies.get(`${e.id}:${e.latest.version}`) ?? ''),
    );
  }

  async function list(orgSlug: string, filter: BoardFilter, current: boolean) {
    const { organisation } = await tenants.getOrganisation(orgSlug);
    const all = (await entries(organisation, deps.clock.now())).filter(
      (e) => isCurrent(e) === current,
    );
    const found = (await filtered(organisation, all, filter)).sort(
      current ? byPostingNewestFirst : byTakenDownNewestFirst,
    );
    const openData = offersOfn(
      organisation.country,
      await repo.registrationNumber(db, organisation.id),
    );
    return { organisation, filter, openData, any: all.length > 0, ...pageOf(found, filter.page) };
  }

  /** A public notice of the organisation by number; not found when it is not public now. */
  async function publicNotice(organisation: Organisation, number: number) {
    const row = await repo.findNotice(db, organisation.id, number);
    const entry = row && boardEntry(row, deps.clock.now(), organisation.timeZone);
    if (!row || !entry) throw new AppError('not_found', `notice ${number}`);
    return { row, entry };
  }

  return {
    /** The notices on the board now, newest posting first, filtered and paged. */
    current: (orgSlug: string, filter: BoardFilter) => list(orgSlug, filter, true),

    /** The notices taken down or withdrawn, most recently down first, filtered and paged. */
    archive: (orgSlug: string, filter: BoardFilter) => list(orgSlug, filter, false),

    /** One notice as shown now: its latest public version, or `version` when that one is public. */
    async notice(orgSlug: string, number: number, version?: number): Promise<NoticeView> {
      const { organisation } = await tenants.getOrganisation(orgSlug);
      const { row, entry } = await publicNotice(organisation, number);
      const shown =
        version === undefined ? entry.latest : entry.shown.find((v) => v.version === version);
      if (!shown) throw new AppError('not_found', `notice ${number} version ${version}`);
      return {
        organisation,
        entry,
        version: shown,
        body: row.bodies.get(shown.version) ?? '',
        files: row.files.get(shown.version) ?? [],
      };
    },

    /** An attachment listed by a public version of the organisation's notice, to download. */
    async file(
      orgSlug: string,
      number: number,
      fileId: string,
    ): Promise<{ name: string; size: number; open: () => Readable }> {
      const { organisation } = await tenants.getOrganisation(orgSlug);
      const { row, entry } = await publicNotice(organisation, number);
      const file = await repo.findFile(db, row.id, fileId);
      const listed = file?.versions.some((v) => entry.shown.some((s) => s.version === v));
      if (!file || !listed) throw new AppError('not_found', `file ${fileId}`);
      const stored = { area: file.area, name: file.storageName, quarantined: false };
      return { name: file.name, size: file.sizeBytes, open: () => deps.files.open(stored) };
    },

    /** The organisation's newest current notices, for its home page (newest posting first). */
    async latestNotices(organisation: Organisation, now: Date, limit: number) {
      const all = await entries(organisation, now);
      return all.filter(isCurrent).sort(byPostingNewestFirst).slice(0, limit);
    },

    /** The organisation and its IČO when it offers the OFN data and catalogue; else not found. */
    async ofnPublisher(orgSlug: string) {
      const { organisation } = await tenants.getOrganisation(orgSlug);
      const registrationNumber = await repo.registrationNumber(db, organisation.id);
      if (registrationNumber === null || !offersOfn(organisation.country, registrationNumber))
        throw new AppError('not_found', `no OFN open data for ${orgSlug}`);
      return { organisation, registrationNumber };
    },

    /** The current notices with their attachments, for the JSON-LD, Atom and catalogue. */
    async openData(orgSlug: string): Promise<OpenData> {
      const { organisation } = await tenants.getOrganisation(orgSlug);
      const now = deps.clock.now();
      const all = await entries(organisation, now);
      const current = all.filter(isCurrent).sort(byPostingNewestFirst);
      const keys = current.map((e) => ({ noticeId: e.id, version: e.latest.version }));
      const bodies = await repo.versionBodies(db, organisation.id, keys);
      return {
        organisation,
        registrationNumber: await repo.registrationNumber(db, organisation.id),
        entries: current,
        changedAt: lastChange(all, now),
        bodies: new Map(
          current.map((e) => [e.id, bodies.get(`${e.id}:${e.latest.version}`) ?? '']),
        ),
        files: await repo.filesOfNotices(db, organisation.id, keys),
      };
    },
  };
}

export type PublicNoticeBoard = ReturnType<typeof publicNoticeBoard>;

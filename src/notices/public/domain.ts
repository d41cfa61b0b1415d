// Pure rules of the public notice board: which notices are current and which archived, the order
// they are listed in, the category filter, the folded search and paging. No I/O.
import type { NoticeCategory } from '../../db/tables-front-door.ts';
import type { BoardStatus } from '../board-time.ts';
import { boardDay } from '../board-time.ts';
import { foldForSearch } from '../../lib/search-words.ts';
import { noticeHistory, type ShownVersion } from '../history.ts';
import type { NoticeRow, VersionRow } from './repo.ts';

/** The categories in the order the filter lists them (migration 040's list). */
export const CATEGORIES = [
  'decision',
  'public_decree',
  'public_notice',
  'auction',
  'vacancy',
  'council',
  'planning',
  'environment',
  'tender',
  'elections',
  'lost_property',
  'other',
] as const satisfies readonly NoticeCategory[];

/** Notices per page of the list and the archive. */
export const PAGE_SIZE = 20;

/** A public version: its fields and the interval it was on the board. */
export type PublicVersion = VersionRow & Omit<ShownVersion, 'version'>;

/** A notice as the public sees it at an instant; only notices with a shown version have one. */
export type BoardEntry = {
  id: string;
  number: number;
  status: BoardStatus;
  /** The version on the board now, or the last one that was. */
  latest: PublicVersion;
  /** The shown versions, oldest first. */
  shown: PublicVersion[];
  /** The local day it went up, and the day it came (or comes) down; null: until further notice. */
  postedOn: string;
  downOn: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
};

/** The notice as the public sees it at `now`, or null when it is not public (scheduled, never up). */
export function boardEntry(notice: NoticeRow, now: Date, timeZone: string): BoardEntry | null {
  const history = noticeHistory(notice.versions, notice.withdrawnAt, now, timeZone);
  const shown = history.shown.flatMap((s) => {
    const v = notice.versions.find((x) => x.version === s.version);
    return v ? [{ ...v, from: s.from, until: s.until }] : [];
  });
  const latest = shown.at(-1);
  if (!latest || history.firstUp === null) return null;
  return {
    id: notice.id,
    number: notice.number,
    status: history.status,
    latest,
    shown,
    postedOn: boardDay(history.firstUp, timeZone),
    downOn: downDay(latest, notice.withdrawnAt, timeZone),
    withdrawnAt: notice.withdrawnAt,
    withdrawalReason: notice.withdrawalReason,
  };
}

/** The last local day a notice is (was) up: the withdrawal's day, else the version's last day. */
function downDay(latest: PublicVersion, withdrawnAt: Date | null, timeZone: string): string | null {
  if (withdrawnAt !== null && latest.until?.getTime() === withdrawnAt.getTime()) {
    return boardDay(withdrawnAt, timeZone);
  }
  return latest.removeAfter;
}

/** Current notices are on the board now; the archive holds every other public notice. */
export function isCurrent(entry: BoardEntry): boolean {
  return entry.status === 'on_board';
}

/** Current notices, newest posting first (then the higher number: posted later the same day). */
export function byPostingNewestFirst(a: BoardEntry, b: BoardEntry): number {
  return b.latest.from.getTime() - a.latest.from.getTime() || b.number - a.number;
}

/** The archive, most recently taken down first. */
export function byTakenDownNewestFirst(a: BoardEntry, b: BoardEntry): number {
  const end = (e: BoardEntry) => e.latest.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return end(b) - end(a) || b.number - a.number;
}

/** Whether every word of the query is in the notice's text (title, numbers, department, body). */
export function matches(words: readonly string[], version: VersionRow, body: string): boolean {
  if (words.length === 0) return true;
  const text = foldForSearch(
    [
      version.title,
      version.referenceNumber ?? '',
      version.fileMark ?? '',
      version.departmentName ?? '',
      body,
    ].join('\n'),
  );
  return words.every((w) => text.includes(w));
}

/** One page of a list: its items, the page number (clamped to the pages there are) and the count. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
): { items: T[]; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return {
    items: items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
    page: current,
    pages,
    total: items.length,
  };
}

// What the public sees of a notice's versions, and what was on the board at any instant. Pure.
//
// The rule (migration 040): at an instant t the version in force is the latest one created at or
// before t, and the notice is on the board at t when t lies in that version's days
// (board-time.ts) and the notice was not withdrawn at or before t. So each version was on the
// board over one interval: from max(its created_at, its first day's start) until the earliest of
// the next version's created_at, the end of its last day and the withdrawal. A version whose
// interval is empty (superseded before the notice went up) or has not begun yet (scheduled) was
// never on the board and is not shown: nothing of a notice leaks before its first day.
import { boardStatus, boardWindow, type BoardStatus } from './board-time.ts';

/** What the rule needs of a version. */
export type VersionTimes = {
  version: number;
  createdAt: Date;
  postOn: string;
  removeAfter: string | null;
};

/** A version the public sees, with the half-open interval [from, until) it was (is) on the board. */
export type ShownVersion = {
  version: number;
  from: Date;
  /** When it stopped (or will stop) being the version on the board; null: until further notice. */
  until: Date | null;
};

/** A notice's public history at an instant. */
export type NoticeHistory = {
  status: BoardStatus;
  /** The versions the public sees, oldest first; empty means the notice is not public at all. */
  shown: ShownVersion[];
  /** The newest shown version: the one on the board now, or the last one that was. */
  latest: ShownVersion | null;
  /** When the notice first went up, and when it came down (null while up or until further notice). */
  firstUp: Date | null;
  lastDown: Date | null;
};

function byVersion(versions: readonly VersionTimes[]): VersionTimes[] {
  return [...versions].sort((a, b) => a.version - b.version);
}

function earliest(...instants: (Date | null)[]): Date | null {
  let result: Date | null = null;
  for (const instant of instants) {
    if (instant !== null && (result === null || instant.getTime() < result.getTime())) {
      result = instant;
    }
  }
  return result;
}

/** The interval each version was the version on the board, empty ones included (from >= until). */
function intervals(
  versions: readonly VersionTimes[],
  withdrawnAt: Date | null,
  timeZone: string,
): ShownVersion[] {
  const sorted = byVersion(versions);
  return sorted.map((v, i) => {
    const window = boardWindow(v, timeZone);
    const from = new Date(Math.max(v.createdAt.getTime(), window.from.getTime()));
    const next = sorted[i + 1]?.createdAt ?? null;
    return { version: v.version, from, until: earliest(next, window.until, withdrawnAt) };
  });
}

function isEmpty(interval: ShownVersion): boolean {
  return interval.until !== null && interval.until.getTime() <= interval.from.getTime();
}

/** Which versions the public sees at `now`, each with the interval it was on the board. */
export function noticeHistory(
  versions: readonly VersionTimes[],
  withdrawnAt: Date | null,
  now: Date,
  timeZone: string,
): NoticeHistory {
  const shown = intervals(versions, withdrawnAt, timeZone).filter(
    (interval) => !isEmpty(interval) && interval.from.getTime() <= now.getTime(),
  );
  const latest = shown.at(-1) ?? null;
  return {
    status: statusAt(versions, withdrawnAt, now, timeZone),
    shown,
    latest,
    firstUp: shown[0]?.from ?? null,
    lastDown: latest?.until ?? null,
  };
}

/** The notice's status at `now`, by the version in force then (scheduled before any was created). */
export function statusAt(
  versions: readonly VersionTimes[],
  withdrawnAt: Date | null,
  now: Date,
  timeZone: string,
): BoardStatus {
  const inForce = byVersion(versions)
    .filter((v) => v.createdAt.getTime() <= now.getTime())
    .at(-1);
  if (inForce === undefined) return withdrawnAt === null ? 'scheduled' : 'withdrawn';
  return boardStatus(inForce, withdrawnAt, now, timeZone);
}

/** The version that was on the board at instant `at`, or null when the notice was not up then. */
export function versionOnBoardAt(
  versions: readonly VersionTimes[],
  withdrawnAt: Date | null,
  at: Date,
  timeZone: string,
): number | null {
  const hit = intervals(versions, withdrawnAt, timeZone).find(
    (interval) =>
      interval.from.getTime() <= at.getTime() &&
      (interval.until === null || at.getTime() < interval.until.getTime()),
  );
  return hit?.version ?? null;
}

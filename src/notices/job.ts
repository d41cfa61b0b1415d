// The notice board's job (src/jobs.ts, every minute and at start): records when each notice went
// up and came down, in its organisation's days (board-time.ts). Instances may run it at once:
// the unique index on (notice, kind) lets one of them record each event, the others do nothing.
import type { Db } from '../db/db.ts';
import { dueEvents } from './domain.ts';
import * as repo from './repo.ts';

// Notices looked at per run; the rest wait a minute (a board rarely has so many open).
const BATCH = 500;

/** Records the 'posted' and 'taken_down' events due at `now`; how many this run recorded. */
export async function recordBoardEvents(db: Db, now: Date): Promise<number> {
  let recorded = 0;
  for (const n of await repo.boardCandidates(db, BATCH)) {
    const seen = n.recorded ?? [];
    for (const kind of dueEvents(n, now, n.timeZone)) {
      if (seen.includes(kind)) continue;
      if (await repo.insertEventOnce(db, { noticeId: n.id, kind, version: n.version, at: now }))
        recorded++;
    }
  }
  return recorded;
}

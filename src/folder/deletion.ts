// Deleting a meeting folder's files once its grace period is over (decision 011): one run at a
// time per instance, and a hold that keeps every run waiting while a backup copies the files.
import type { Db } from '../db/db.ts';
import type { FileSafety } from '../files/service.ts';
import type { Clock } from '../lib/clock.ts';
import * as repo from './repo.ts';

// Folders purged per transaction: a short lock on each, and a crash repeats at most these.
const PER_RUN = 20;

/** The folder deletion job and the hold a backup takes on it. */
export function folderDeletion(deps: { db: Db; clock: Clock; files: FileSafety }) {
  const { db, clock, files } = deps;
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<number> | null = null;

  async function purge(): Promise<number> {
    let purged = 0;
    for (;;) {
      const n = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const due = await repo.dueForPurge(tx, now, PER_RUN);
        for (const bookingId of due) {
          await files.removeArea(bookingId);
          const gone = await repo.markPurged(tx, bookingId, now);
          await repo.audit(tx, bookingId, now, [
            {
              action: 'deleted',
              actor_role: 'system',
              actor_name: null,
              actor_staff_id: null,
              actor_guest_id: null,
              actor_ip: null,
              file_id: null,
              file_name: null,
              size_bytes: gone.bytes,
              sha256: null,
              detail: `${gone.count} files`,
            },
          ]);
        }
        return due.length;
      });
      purged += n;
      if (n < PER_RUN) return purged;
    }
  }

  return {
    /**
     * Deletes the files of every folder past its deletion time (its closing plus the
     * organisation's grace period, fixed when it opened and again when it ended): bytes first,
     * then rows, so a crash in between only repeats the (idempotent) removal next run.
     * Runs every minute and when a meeting ends; returns how many folders were purged.
     */
    purgeDue(): Promise<number> {
      // One run at a time per instance. A call during a run queues one more run after it (which
      // sees what became due meanwhile); calls while that one waits share it.
      if (queued) return queued;
      const next = tail.then(() => {
        queued = null;
        return purge();
      });
      queued = next;
      tail = next.catch(() => undefined);
      return next;
    },

    /**
     * Waits for a deletion run in progress, then keeps every later one waiting until the
     * returned function is called: a backup copies the files its database snapshot names
     * while none of them can go (decision 024).
     */
    holdDeletions(): Promise<() => void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const ready = tail.then(() => release);
      tail = ready.then(() => released);
      return ready;
    },
  };
}

// Rules of the meeting folder: when it is usable, and whether one more file fits.
import { STAYS_OPEN_MINUTES_AFTER } from '../meeting/domain.ts';
import type { FileRefusal } from '../files/service.ts';

/**
 * When a folder closes: when the official ends the meeting, or when the meeting link
 * stops working (two hours after the planned end) if nobody ended it. Files are deleted
 * a grace period after this moment (retention.ts).
 */
export function folderClosesAt(plannedEnd: Date, endedAt: Date | null): Date {
  const late = new Date(plannedEnd.getTime() + STAYS_OPEN_MINUTES_AFTER * 60_000);
  return endedAt && endedAt < late ? endedAt : late;
}

export type FolderState = 'not_opened' | 'open' | 'closed';

/**
 * Where a folder stands now. Over with the meeting (ended, past the link's last moment,
 * cancelled). Otherwise open from when the official opens it until its own closing time; a
 * folder past that time (its booking was moved to a later time) or already purged counts as
 * never opened, so the moved meeting starts with a fresh, empty one.
 */
export function folderState(
  meetingOver: boolean,
  folder: { closesAt: Date; purgedAt: Date | null } | null,
  now: Date,
): FolderState {
  if (meetingOver) return 'closed';
  if (!folder || folder.purgedAt || now >= folder.closesAt) return 'not_opened';
  return 'open';
}

/**
 * Why an upload is refused; each has a message the uploader reads: the pipeline's reasons,
 * and the folder's own (full, too many files, closed while the file arrived).
 */
export type UploadRefusal = FileRefusal | 'folder_full' | 'too_many' | 'closed';

/** Whether a file of `size` bytes fits, given the per-file limit and what the folder already holds. */
export function fits(
  size: number,
  folderBytes: number,
  limits: { maxFileBytes: number; maxFolderBytes: number },
): 'ok' | 'too_large' | 'folder_full' {
  if (size > limits.maxFileBytes) return 'too_large';
  if (folderBytes + size > limits.maxFolderBytes) return 'folder_full';
  return 'ok';
}

/** Most files in one folder: a bound on listing and zipping, far above any real meeting. */
export const MAX_FILES_PER_FOLDER = 200;

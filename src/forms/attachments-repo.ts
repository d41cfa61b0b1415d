// The SQL of form attachments (migration 033): rows of files that belong to a draft, then to a
// submission, and the orphans the purge removes.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

/** One attached file as its row keeps it. */
export type AttachmentRow = {
  id: string;
  draftId: string | null;
  submissionId: string | null;
  field: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  scan: 'clean' | 'unscanned';
  area: string;
  storageName: string;
  uploadedAt: Date;
};

const COLUMNS = [
  'id',
  'draft_id as draftId',
  'submission_id as submissionId',
  'field',
  'name',
  'mime',
  'size_bytes as size',
  'sha256',
  'scan',
  'area',
  'storage_name as storageName',
  'uploaded_at as uploadedAt',
] as const;

/** A draft's files, oldest first. */
export function ofDraft(db: Db, draftId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('form_attachments')
    .select(COLUMNS)
    .where('draft_id', '=', draftId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** The files of these drafts, oldest first. */
export function ofDrafts(db: Db, draftIds: string[]): Promise<AttachmentRow[]> {
  if (draftIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('form_attachments')
    .select(COLUMNS)
    .where('draft_id', 'in', draftIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** A submission's files, oldest first. */
export function ofSubmission(db: Db, submissionId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('form_attachments')
    .select(COLUMNS)
    .where('submission_id', '=', submissionId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/**
 * Locks the draft's row (so two uploads to it are counted one after the other) and gives what
 * its files hold, leaving out `except`; null when the draft is gone or deleted.
 */
export async function lockDraftUsage(
  tx: Db,
  draftId: string,
  except: string | null,
): Promise<{ count: number; bytes: number } | null> {
  const draft = await tx
    .selectFrom('form_drafts')
    .select('id')
    .where('id', '=', draftId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!draft) return null;
  let q = tx
    .selectFrom('form_attachments')
    .select([
      sql<string>`count(*)`.as('count'),
      sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes'),
    ])
    .where('draft_id', '=', draftId);
  if (except) q = q.where('id', '!=', except);
  const r = await q.executeTakeFirstOrThrow();
  return { count: Number(r.count), bytes: Number(r.bytes) };
}

/** Locks a submission's row and gives what its files hold; null when it is gone. */
export async function lockSubmissionUsage(
  tx: Db,
  submissionId: string,
): Promise<{ count: number; bytes: number } | null> {
  const s = await tx
    .selectFrom('submissions')
    .select('id')
    .where('id', '=', submissionId)
    .forUpdate()
    .executeTakeFirst();
  if (!s) return null;
  const r = await tx
    .selectFrom('form_attachments')
    .select([
      sql<string>`count(*)`.as('count'),
      sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes'),
    ])
    .where('submission_id', '=', submissionId)
    .executeTakeFirstOrThrow();
  return { count: Number(r.count), bytes: Number(r.bytes) };
}

export type NewAttachment = Omit<AttachmentRow, 'id'>;

export async function insert(tx: Db, a: NewAttachment): Promise<AttachmentRow> {
  return tx
    .insertInto('form_attachments')
    .values({
      draft_id: a.draftId,
      submission_id: a.submissionId,
      field: a.field,
      name: a.name,
      mime: a.mime,
      size_bytes: a.size,
      sha256: a.sha256,
      scan: a.scan,
      area: a.area,
      storage_name: a.storageName,
      uploaded_at: a.uploadedAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Lets go of a draft's file (an orphan now, for the purge); whether the draft had it. */
export async function release(db: Db, draftId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('form_attachments')
    .set({ draft_id: null })
    .where('draft_id', '=', draftId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Moves the named files of a draft to its submission; the rows moved. */
export async function moveToSubmission(
  tx: Db,
  draftId: string,
  submissionId: string,
  ids: string[],
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return tx
    .updateTable('form_attachments')
    .set({ draft_id: null, submission_id: submissionId })
    .where('draft_id', '=', draftId)
    .where('id', 'in', ids)
    .returning(COLUMNS)
    .execute();
}

/** Orphans: files whose draft and submission are both gone, oldest first. */
export function orphans(db: Db, limit: number): Promise<AttachmentRow[]> {
  return db
    .selectFrom('form_attachments')
    .select(COLUMNS)
    .where('draft_id', 'is', null)
    .where('submission_id', 'is', null)
    .orderBy('uploaded_at')
    .limit(limit)
    .execute();
}

export async function removeRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('form_attachments').where('id', 'in', ids).execute();
}

/** Whether any row still keeps a file in `area`. */
export async function areaInUse(db: Db, area: string): Promise<boolean> {
  const r = await db
    .selectFrom('form_attachments')
    .select('id')
    .where('area', '=', area)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether a draft row still exists (deleted or not): its area may hold files being uploaded. */
export async function draftExists(db: Db, draftId: string): Promise<boolean> {
  const r = await db
    .selectFrom('form_drafts')
    .select('id')
    .where('id', '=', draftId)
    .executeTakeFirst();
  return r !== undefined;
}

import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';

export type FileRow = {
  id: string;
  bookingId: string;
  storageName: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaderName: string;
  uploaderRole: 'citizen' | 'guest' | 'staff';
  uploadedAt: Date;
  scanState: 'clean' | 'unscanned' | 'infected';
  signature: string | null;
};

const fileColumns = [
  'id',
  'booking_id as bookingId',
  'storage_name as storageName',
  'display_name as name',
  'mime',
  'size_bytes as size',
  'sha256',
  'uploader_name as uploaderName',
  'uploader_role as uploaderRole',
  'uploaded_at as uploadedAt',
  'scan_state as scanState',
  'signature',
] as const;

export type FolderRow = {
  bookingId: string;
  organisationId: string;
  openedAt: Date;
  closesAt: Date;
  purgedAt: Date | null;
};

export async function findFolder(db: Db, bookingId: string): Promise<FolderRow | undefined> {
  return db
    .selectFrom('meeting_folder')
    .select([
      'booking_id as bookingId',
      'organisation_id as organisationId',
      'opened_at as openedAt',
      'closes_at as closesAt',
      'purged_at as purgedAt',
    ])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

/**
 * Opens a meeting's folder, or opens it afresh when the one it had is past its closing time
 * (the booking was moved) and purged. False when it was open already (the announcement goes out once).
 */
export async function openFolder(
  db: Db,
  f: {
    bookingId: string;
    organisationId: string;
    staffId: string | null;
    now: Date;
    closesAt: Date;
    deleteAt: Date;
  },
): Promise<boolean> {
  const values = {
    opened_by: f.staffId,
    opened_at: f.now,
    closes_at: f.closesAt,
    delete_at: f.deleteAt,
    purged_at: null,
  };
  const r = await db
    .insertInto('meeting_folder')
    .values({ booking_id: f.bookingId, organisation_id: f.organisationId, ...values })
    .onConflict((oc) =>
      oc.column('booking_id').doUpdateSet(values).where('meeting_folder.purged_at', 'is not', null),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Makes a folder due for deletion now (its booking was moved and it is to be opened afresh). */
export async function expireFolder(db: Db, bookingId: string, now: Date): Promise<void> {
  await db
    .updateTable('meeting_folder')
    .set({ delete_at: now })
    .where('booking_id', '=', bookingId)
    .where('purged_at', 'is', null)
    .execute();
}

/** The meeting ended (or its booking was cancelled or moved): the folder closes now and its files go at `deleteAt`, or earlier if already due. */
export async function closeFolder(
  db: Db,
  bookingId: string,
  now: Date,
  deleteAt: Date,
): Promise<void> {
  await db
    .updateTable('meeting_folder')
    .set({
      closes_at: sql<Date>`LEAST(closes_at, ${now}::timestamptz)`,
      delete_at: sql<Date>`LEAST(delete_at, ${deleteAt}::timestamptz)`,
    })
    .where('booking_id', '=', bookingId)
    .where('purged_at', 'is', null)
    .execute();
}

export async function files(db: Db, bookingId: string): Promise<FileRow[]> {
  return db
    .selectFrom('meeting_file')
    .select(fileColumns)
    .where('booking_id', '=', bookingId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

/** One file of one meeting: a file id of another meeting finds nothing. */
export async function file(db: Db, bookingId: string, id: string): Promise<FileRow | undefined> {
  return db
    .selectFrom('meeting_file')
    .select(fileColumns)
    .where('booking_id', '=', bookingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Locks the folder row and returns how many files and bytes it holds, so that two uploads
 * at once cannot together pass the folder's limit. Call inside a transaction.
 */
export async function lockUsage(
  db: Db,
  bookingId: string,
  now: Date,
): Promise<{ count: number; bytes: number } | undefined> {
  const folder = await db
    .selectFrom('meeting_folder')
    .select('booking_id')
    .where('booking_id', '=', bookingId)
    .where('purged_at', 'is', null)
    .where('closes_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
  if (!folder) return undefined;
  // Quarantined files count too: they take disk like any other.
  const row = await db
    .selectFrom('meeting_file')
    .select((eb) => [
      eb.fn.countAll<string>().as('count'),
      sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes'),
    ])
    .where('booking_id', '=', bookingId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), bytes: Number(row.bytes) };
}

export async function insertFile(
  db: Db,
  f: Omit<FileRow, 'id'> & { uploadedBy: string | null },
): Promise<FileRow> {
  return db
    .insertInto('meeting_file')
    .values({
      booking_id: f.bookingId,
      storage_name: f.storageName,
      display_name: f.name,
      mime: f.mime,
      size_bytes: f.size,
      sha256: f.sha256,
      uploaded_by: f.uploadedBy,
      uploader_name: f.uploaderName,
      uploader_role: f.uploaderRole,
      uploaded_at: f.uploadedAt,
      scan_state: f.scanState,
      signature: f.signature,
    })
    .returning(fileColumns)
    .executeTakeFirstOrThrow();
}

type AuditInsert = Omit<Database['meeting_file_audit'], 'id'>;
export type AuditEntry = Omit<AuditInsert, 'booking_id' | 'at'>;

export async function audit(
  db: Db,
  bookingId: string,
  at: Date,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('meeting_file_audit')
    .values(entries.map((e) => ({ ...e, booking_id: bookingId, at })))
    .execute();
}

export async function auditOf(db: Db, bookingId: string) {
  return db
    .selectFrom('meeting_file_audit')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .orderBy('id')
    .execute();
}

/** Folders whose files are due for deletion, locked and skipped by other instances running the same job. Call inside a transaction. */
export async function dueForPurge(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_folder')
    .select('booking_id')
    .where('purged_at', 'is', null)
    .where('delete_at', '<=', now)
    .orderBy('delete_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.booking_id);
}

/** Forgets a folder's files (their rows; the job removes the bytes) and marks it purged. */
export async function markPurged(
  db: Db,
  bookingId: string,
  now: Date,
): Promise<{ count: number; bytes: number }> {
  const gone = await db
    .deleteFrom('meeting_file')
    .where('booking_id', '=', bookingId)
    .returning(['size_bytes'])
    .execute();
  const count = gone.length;
  const bytes = gone.reduce((n, r) => n + r.size_bytes, 0);
  // Added, not set: a moved booking's folder opens again and may be purged a second time.
  await db
    .updateTable('meeting_folder')
    .set((eb) => ({
      purged_at: now,
      files_deleted: eb('files_deleted', '+', count),
      bytes_deleted: sql<string>`bytes_deleted + ${bytes}`,
    }))
    .where('booking_id', '=', bookingId)
    .execute();
  return { count, bytes };
}

export async function graceMinutes(db: Db, organisationId: string): Promise<number> {
  return (
    (
      await db
        .selectFrom('folder_policy')
        .select('grace_minutes')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    )?.grace_minutes ?? 0
  );
}

export async function setGraceMinutes(
  db: Db,
  organisationId: string,
  minutes: number,
): Promise<void> {
  await db
    .insertInto('folder_policy')
    .values({ organisation_id: organisationId, grace_minutes: minutes })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ grace_minutes: minutes }))
    .execute();
}

/** A folder's deleted files, counted when they went (the appointment page says there were files). */
export async function deletedCounts(
  db: Db,
  bookingId: string,
): Promise<{ purgedAt: Date | null; count: number; bytes: number } | undefined> {
  const row = await db
    .selectFrom('meeting_folder')
    .select(['purged_at', 'files_deleted', 'bytes_deleted'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
  return (
    row && { purgedAt: row.purged_at, count: row.files_deleted, bytes: Number(row.bytes_deleted) }
  );
}

/** Whether the organisation accepts office documents with macros (migration 014; off by default). */
export async function allowMacros(db: Db, organisationId: string): Promise<boolean> {
  return (
    (
      await db
        .selectFrom('folder_policy')
        .select('allow_macros')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    )?.allow_macros ?? false
  );
}

export async function setAllowMacros(
  db: Db,
  organisationId: string,
  allow: boolean,
): Promise<void> {
  await db
    .insertInto('folder_policy')
    .values({ organisation_id: organisationId, grace_minutes: 0, allow_macros: allow })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ allow_macros: allow }))
    .execute();
}

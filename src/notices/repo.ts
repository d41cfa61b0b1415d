// The SQL of the staff's notice board (migration 040): notices, their append-only versions,
// files and events. Every read by id is scoped to the organisation that asks.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { FrontDoorTables, NoticeCategory } from '../db/tables-front-door.ts';
import type { Localized } from '../i18n/i18n.ts';

type VersionRow = FrontDoorTables['notice_versions'];
type EventKind = FrontDoorTables['notice_events']['kind'];

/** What the pages need of the organisation: its zone, default language and address. */
export type OrgContext = { slug: string; timeZone: string; defaultLanguage: 'sl' | 'cs' | 'en' };

/** The organisation's zone, default language and slug. */
export function orgContext(db: Db, organisationId: string): Promise<OrgContext> {
  return db
    .selectFrom('organisation')
    .select(['slug', 'time_zone as timeZone', 'default_language as defaultLanguage'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

/** The organisation's departments, in their order, for the posting department's select. */
export function departmentsOf(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: Localized }[]> {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

/**
 * Serialises the numbering of one organisation's notices until the transaction ends: two
 * notices created at once get consecutive numbers, never the same one or a gap.
 */
export async function lockNumbering(tx: Db, organisationId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(8020140, hashtext(${organisationId}))`.execute(tx);
}

/** The organisation's next notice number (call under lockNumbering). */
export async function nextNumber(tx: Db, organisationId: string): Promise<number> {
  const row = await tx
    .selectFrom('notices')
    .select((eb) => eb.fn.max('number').as('top'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

/** Stores a notice's own row. */
export async function insertNotice(
  tx: Db,
  n: { id: string; organisationId: string; number: number; now: Date; by: string | null },
): Promise<void> {
  await tx
    .insertInto('notices')
    .values({
      id: n.id,
      organisation_id: n.organisationId,
      number: n.number,
      created_at: n.now,
      created_by: n.by,
    })
    .execute();
}

/** The notice's own row, locked until the transaction ends (corrections and withdrawals queue). */
export function lockNotice(tx: Db, organisationId: string, id: string) {
  return tx
    .selectFrom('notices')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The notice's own row in the organisation, or undefined. */
export function findNotice(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('notices')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** The notice's latest version number (call with the notice locked). */
export async function latestVersion(tx: Db, noticeId: string): Promise<number> {
  const row = await tx
    .selectFrom('notice_versions')
    .select((eb) => eb.fn.max('version').as('top'))
    .where('notice_id', '=', noticeId)
    .executeTakeFirst();
  return Number(row?.top ?? 0);
}

/** Stores a version; never updated afterwards (migration 040's trigger refuses). */
export async function insertVersion(tx: Db, v: VersionRow): Promise<void> {
  await tx.insertInto('notice_versions').values(v).execute();
}

/** A stored attachment as its row keeps it. */
export type FileRow = FrontDoorTables['notice_files'] & { id: string };

/** Stores an attachment's row; its id. */
export async function insertFile(tx: Db, f: Omit<FileRow, 'id'>): Promise<string> {
  const row = await tx
    .insertInto('notice_files')
    .values(f)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Lists the files a version carries, in this order. */
export async function linkFiles(
  tx: Db,
  noticeId: string,
  version: number,
  fileIds: readonly string[],
): Promise<void> {
  if (!fileIds.length) return;
  await tx
    .insertInto('notice_version_files')
    .values(
      fileIds.map((file_id, position) => ({ notice_id: noticeId, version, file_id, position })),
    )
    .execute();
}

/** Records an event by staff (corrected, withdrawn). */
export async function insertEvent(
  tx: Db,
  e: { noticeId: string; kind: EventKind; version: number; at: Date; actor: string | null },
): Promise<void> {
  await tx
    .insertInto('notice_events')
    .values({
      notice_id: e.noticeId,
      kind: e.kind,
      version: e.version,
      at: e.at,
      actor_staff_id: e.actor,
    })
    .execute();
}

/**
 * Records the job's event unless some instance already did (the unique index on posted and
 * taken_down): true when this call recorded it.
 */
export async function insertEventOnce(
  db: Db,
  e: { noticeId: string; kind: 'posted' | 'taken_down'; version: number; at: Date },
): Promise<boolean> {
  const rows = await sql<{ id: string }>`INSERT INTO notice_events
      (notice_id, kind, version, at, actor_staff_id)
    VALUES (${e.noticeId}, ${e.kind}, ${e.version}, ${e.at}, NULL)
    ON CONFLICT (notice_id, kind) WHERE kind IN ('posted', 'taken_down') DO NOTHING
    RETURNING id`.execute(db);
  return rows.rows.length > 0;
}

/** Sets the withdrawal once; false when the notice was already withdrawn. */
export async function setWithdrawn(
  tx: Db,
  w: { id: string; at: Date; by: string; reason: string },
): Promise<boolean> {
  const res = await tx
    .updateTable('notices')
    .set({ withdrawn_at: w.at, withdrawn_by: w.by, withdrawal_reason: w.reason })
    .where('id', '=', w.id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A notice with its latest version, as the list and the job read it. */
export type CurrentNotice = {
  id: string;
  number: number;
  withdrawnAt: Date | null;
  version: number;
  title: string;
  category: NoticeCategory;
  referenceNumber: string | null;
  departmentName: string | null;
  postOn: string;
  removeAfter: string | null;
};

const latest = sql<boolean>`v.version = (SELECT max(version) FROM notice_versions WHERE notice_id = n.id)`;

/** The organisation's notices with their latest versions, newest first. */
export function listCurrent(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<CurrentNotice[]> {
  return db
    .selectFrom('notices as n')
    .innerJoin('notice_versions as v', 'v.notice_id', 'n.id')
    .select([
      'n.id',
      'n.number',
      'n.withdrawn_at as withdrawnAt',
      'v.version',
      'v.title',
      'v.category',
      'v.reference_number as referenceNumber',
      'v.department_name as departmentName',
      'v.post_on as postOn',
      'v.remove_after as removeAfter',
    ])
    .where('n.organisation_id', '=', organisationId)
    .where(latest)
    .orderBy('n.number', 'desc')
    .limit(limit)
    .execute();
}

/** Every version of a notice, oldest first, with who made it. */
export function versionsOf(db: Db, noticeId: string) {
  return db
    .selectFrom('notice_versions as v')
    .leftJoin('staff as s', 's.id', 'v.created_by')
    .selectAll('v')
    .select('s.display_name as createdByName')
    .where('v.notice_id', '=', noticeId)
    .orderBy('v.version')
    .execute();
}

/** A notice's files, with the versions that carry each, in each version's order. */
export function filesOf(db: Db, noticeId: string) {
  return db
    .selectFrom('notice_version_files as vf')
    .innerJoin('notice_files as f', 'f.id', 'vf.file_id')
    .select([
      'vf.version',
      'vf.position',
      'f.id',
      'f.name',
      'f.mime',
      'f.size_bytes as size',
      'f.sha256',
      'f.uploaded_at as uploadedAt',
    ])
    .where('vf.notice_id', '=', noticeId)
    .orderBy('vf.version')
    .orderBy('vf.position')
    .execute();
}

/** A notice's events in the order they happened, with who acted (none for the job's). */
export function eventsOf(db: Db, noticeId: string) {
  return db
    .selectFrom('notice_events as e')
    .leftJoin('staff as s', 's.id', 'e.actor_staff_id')
    .select(['e.id', 'e.kind', 'e.version', 'e.at', 's.display_name as actorName'])
    .where('e.notice_id', '=', noticeId)
    .orderBy('e.id')
    .execute();
}

/** One attachment of the organisation's notice, or undefined. */
export function findFile(db: Db, organisationId: string, noticeId: string, fileId: string) {
  return db
    .selectFrom('notice_files as f')
    .innerJoin('notices as n', 'n.id', 'f.notice_id')
    .select([
      'f.id',
      'f.name',
      'f.mime',
      'f.size_bytes as size',
      'f.area',
      'f.storage_name as storageName',
    ])
    .where('f.id', '=', fileId)
    .where('f.notice_id', '=', noticeId)
    .where('n.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/**
 * Notices the board job may still have to record something of, in every organisation: not
 * withdrawn (a withdrawal closes the record itself) and without a 'taken_down' event.
 */
export function boardCandidates(db: Db, limit: number) {
  return db
    .selectFrom('notices as n')
    .innerJoin('notice_versions as v', 'v.notice_id', 'n.id')
    .innerJoin('organisation as o', 'o.id', 'n.organisation_id')
    .select([
      'n.id',
      'v.version',
      'v.post_on as postOn',
      'v.remove_after as removeAfter',
      'o.time_zone as timeZone',
    ])
    .select((eb) =>
      eb
        .selectFrom('notice_events as e')
        .select((x) => x.fn.agg<string[]>('array_agg', ['e.kind']).as('kinds'))
        .whereRef('e.notice_id', '=', 'n.id')
        .where('e.kind', 'in', ['posted', 'taken_down'])
        .as('recorded'),
    )
    .where(latest)
    .where('n.withdrawn_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notice_events as t')
            .select('t.id')
            .whereRef('t.notice_id', '=', 'n.id')
            .where('t.kind', '=', 'taken_down'),
        ),
      ),
    )
    .orderBy('n.created_at')
    .limit(limit)
    .execute();
}

// The notice board's read side for citizens and open data: what the staff side (notices/repo.ts)
// wrote, read here without ever writing. Every query names the organisation, so a notice, version
// or file of another organisation is never read by number or id alone.
import type { Db } from '../../db/db.ts';
import type { NoticeCategory } from '../../db/tables-front-door.ts';

/** A version's public fields (the body only where asked for: it may be long). */
export type VersionRow = {
  version: number;
  language: 'sl' | 'cs' | 'en';
  title: string;
  category: NoticeCategory;
  referenceNumber: string | null;
  fileMark: string | null;
  departmentName: string | null;
  postOn: string;
  removeAfter: string | null;
  correctionNote: string | null;
  createdAt: Date;
};

/** A notice with its versions, oldest first. */
export type NoticeRow = {
  id: string;
  number: number;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  versions: VersionRow[];
};

/** An attachment as a version lists it. */
export type FileRow = { id: string; name: string; mime: string; sizeBytes: number };

/** One notice with every version's body and files. */
export type NoticeDetailRow = NoticeRow & {
  bodies: Map<number, string>;
  files: Map<number, FileRow[]>;
};

const VERSION_COLUMNS = [
  'v.notice_id',
  'v.version',
  'v.language',
  'v.title',
  'v.category',
  'v.reference_number',
  'v.file_mark',
  'v.department_name',
  'v.post_on',
  'v.remove_after',
  'v.correction_note',
  'v.created_at',
] as const;

type VersionSelect = {
  notice_id: string;
  version: number;
  language: 'sl' | 'cs' | 'en';
  title: string;
  category: NoticeCategory;
  reference_number: string | null;
  file_mark: string | null;
  department_name: string | null;
  post_on: string;
  remove_after: string | null;
  correction_note: string | null;
  created_at: Date;
};

function toVersion(r: VersionSelect): VersionRow {
  return {
    version: r.version,
    language: r.language,
    title: r.title,
    category: r.category,
    referenceNumber: r.reference_number,
    fileMark: r.file_mark,
    departmentName: r.department_name,
    postOn: r.post_on,
    removeAfter: r.remove_after,
    correctionNote: r.correction_note,
    createdAt: r.created_at,
  };
}

/** Every notice of the organisation with its versions' fields but not their bodies. */
export async function listNotices(db: Db, organisationId: string): Promise<NoticeRow[]> {
  const notices = await db
    .selectFrom('notices')
    .select(['id', 'number', 'withdrawn_at', 'withdrawal_reason'])
    .where('organisation_id', '=', organisationId)
    .orderBy('number')
    .execute();
  if (notices.length === 0) return [];
  const versions = await db
    .selectFrom('notice_versions as v')
    .innerJoin('notices as n', 'n.id', 'v.notice_id')
    .select(VERSION_COLUMNS)
    .where('n.organisation_id', '=', organisationId)
    .orderBy('v.notice_id')
    .orderBy('v.version')
    .execute();
  const byNotice = new Map<string, VersionRow[]>();
  for (const v of versions) {
    const list = byNotice.get(v.notice_id) ?? [];
    list.push(toVersion(v));
    byNotice.set(v.notice_id, list);
  }
  return notices.map((n) => ({
    id: n.id,
    number: n.number,
    withdrawnAt: n.withdrawn_at,
    withdrawalReason: n.withdrawal_reason,
    versions: byNotice.get(n.id) ?? [],
  }));
}

/** The bodies of the given versions of the organisation's notices, keyed `noticeId:version`. */
export async function versionBodies(
  db: Db,
  organisationId: string,
  keys: readonly { noticeId: string; version: number }[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('notice_versions as v')
    .innerJoin('notices as n', 'n.id', 'v.notice_id')
    .select(['v.notice_id', 'v.version', 'v.body'])
    .where('n.organisation_id', '=', organisationId)
    .where(
      'v.notice_id',
      'in',
      keys.map((k) => k.noticeId),
    )
    .execute();
  const wanted = new Set(keys.map((k) => `${k.noticeId}:${k.version}`));
  return new Map(
    rows
      .map((r) => [`${r.notice_id}:${r.version}`, r.body] as const)
      .filter(([key]) => wanted.has(key)),
  );
}

/** The files each version of a notice lists, in their order. */
async function filesOf(db: Db, noticeId: string): Promise<Map<number, FileRow[]>> {
  const rows = await db
    .selectFrom('notice_version_files as vf')
    .innerJoin('notice_files as f', 'f.id', 'vf.file_id')
    .select(['vf.version', 'f.id', 'f.name', 'f.mime', 'f.size_bytes'])
    .where('vf.notice_id', '=', noticeId)
    .where('f.notice_id', '=', noticeId)
    .orderBy('vf.version')
    .orderBy('vf.position')
    .execute();
  const files = new Map<number, FileRow[]>();
  for (const r of rows) {
    const list = files.get(r.version) ?? [];
    list.push({ id: r.id, name: r.name, mime: r.mime, sizeBytes: r.size_bytes });
    files.set(r.version, list);
  }
  return files;
}

/** One notice of the organisation by its number, with every version's body and files. */
export async function findNotice(
  db: Db,
  organisationId: string,
  number: number,
): Promise<NoticeDetailRow | undefined> {
  const notice = await db
    .selectFrom('notices')
    .select(['id', 'number', 'withdrawn_at', 'withdrawal_reason'])
    .where('organisation_id', '=', organisationId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!notice) return undefined;
  const versions = await db
    .selectFrom('notice_versions as v')
    .select([...VERSION_COLUMNS, 'v.body'])
    .where('v.notice_id', '=', notice.id)
    .orderBy('v.version')
    .execute();
  return {
    id: notice.id,
    number: notice.number,
    withdrawnAt: notice.withdrawn_at,
    withdrawalReason: notice.withdrawal_reason,
    versions: versions.map(toVersion),
    bodies: new Map(versions.map((v) => [v.version, v.body])),
    files: await filesOf(db, notice.id),
  };
}

/** The files of the organisation's notices, for the open data's attachments, keyed by notice id. */
export async function filesOfNotices(
  db: Db,
  organisationId: string,
  keys: readonly { noticeId: string; version: number }[],
): Promise<Map<string, FileRow[]>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('notice_version_files as vf')
    .innerJoin('notice_files as f', 'f.id', 'vf.file_id')
    .innerJoin('notices as n', 'n.id', 'vf.notice_id')
    .select(['vf.notice_id', 'vf.version', 'f.id', 'f.name', 'f.mime', 'f.size_bytes'])
    .where('n.organisation_id', '=', organisationId)
    .where('f.notice_id', '=', (eb) => eb.ref('vf.notice_id'))
    .where(
      'vf.notice_id',
      'in',
      keys.map((k) => k.noticeId),
    )
    .orderBy('vf.position')
    .execute();
  const wanted = new Set(keys.map((k) => `${k.noticeId}:${k.version}`));
  const files = new Map<string, FileRow[]>();
  for (const r of rows) {
    if (!wanted.has(`${r.notice_id}:${r.version}`)) continue;
    const list = files.get(r.notice_id) ?? [];
    list.push({ id: r.id, name: r.name, mime: r.mime, sizeBytes: r.size_bytes });
    files.set(r.notice_id, list);
  }
  return files;
}

/** A stored attachment of a notice, where it is kept and which versions list it. */
export type StoredNoticeFile = FileRow & {
  area: string;
  storageName: string;
  versions: number[];
};

/** An attachment by id, only when it belongs to the given notice (by id) and is listed by a version. */
export async function findFile(
  db: Db,
  noticeId: string,
  fileId: string,
): Promise<StoredNoticeFile | undefined> {
  const rows = await db
    .selectFrom('notice_files as f')
    .innerJoin('notice_version_files as vf', (join) =>
      join.onRef('vf.file_id', '=', 'f.id').onRef('vf.notice_id', '=', 'f.notice_id'),
    )
    .select(['f.id', 'f.name', 'f.mime', 'f.size_bytes', 'f.area', 'f.storage_name', 'vf.version'])
    .where('f.notice_id', '=', noticeId)
    .where('f.id', '=', fileId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    id: first.id,
    name: first.name,
    mime: first.mime,
    sizeBytes: first.size_bytes,
    area: first.area,
    storageName: first.storage_name,
    versions: rows.map((r) => r.version),
  };
}

/** The organisation's registration number (IČO, matična številka), or null when not set. */
export async function registrationNumber(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisation')
    .select('registration_number')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.registration_number ?? null;
}

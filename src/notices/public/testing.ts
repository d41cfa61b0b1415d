// Test fixture: notices written straight into migration 040's tables (and their attachments onto
// the files directory), so the public side is tested without the staff side. Test-only.
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/db.ts';
import type { NoticeCategory } from '../../db/tables-front-door.ts';

/** One version as a test states it; omitted fields take plain defaults. */
export type FixtureVersion = {
  title: string;
  body?: string;
  category?: NoticeCategory;
  language?: 'sl' | 'cs' | 'en';
  referenceNumber?: string;
  fileMark?: string;
  departmentName?: string;
  postOn: string;
  removeAfter?: string | null;
  correctionNote?: string;
  createdAt: Date;
  /** Attachments this version lists, by their names in `files` of the notice. */
  files?: string[];
};

/** A notice as a test states it. */
export type FixtureNotice = {
  organisationId: string;
  number: number;
  versions: FixtureVersion[];
  /** Attachments by name, with their bytes (written under FILES_DIR/notices/{id}). */
  files?: Record<string, Buffer>;
  withdrawn?: { at: Date; reason: string };
};

const PDF = Buffer.from('%PDF-1.4\n% a notice attachment for the tests\n%%EOF\n');

/** A small PDF's bytes for an attachment. */
export function pdfBytes(): Buffer {
  return PDF;
}

/** Inserts a notice with its versions and files; returns its id and its files' ids by name. */
export async function insertNotice(
  db: Db,
  filesDir: string,
  notice: FixtureNotice,
): Promise<{ id: string; fileIds: Record<string, string> }> {
  const first = notice.versions[0]!.createdAt;
  const { id } = await db
    .insertInto('notices')
    .values({
      organisation_id: notice.organisationId,
      number: notice.number,
      created_at: first,
      withdrawn_at: notice.withdrawn?.at ?? null,
      withdrawal_reason: notice.withdrawn?.reason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fileIds: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(notice.files ?? {})) {
    const storageName = randomBytes(18).toString('base64url');
    const area = `notices/${id}`;
    await mkdir(join(filesDir, area), { recursive: true });
    await writeFile(join(filesDir, area, storageName), bytes);
    const row = await db
      .insertInto('notice_files')
      .values({
        notice_id: id,
        name,
        mime: 'application/pdf',
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        scan: 'clean',
        area,
        storage_name: storageName,
        uploaded_at: first,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fileIds[name] = row.id;
  }
  for (const [i, v] of notice.versions.entries()) {
    await db
      .insertInto('notice_versions')
      .values({
        notice_id: id,
        version: i + 1,
        language: v.language ?? 'cs',
        title: v.title,
        body: v.body ?? '',
        category: v.category ?? 'public_notice',
        reference_number: v.referenceNumber ?? null,
        file_mark: v.fileMark ?? null,
        department_name: v.departmentName ?? null,
        post_on: v.postOn,
        remove_after: v.removeAfter ?? null,
        correction_note: i === 0 ? null : (v.correctionNote ?? 'Oprava'),
        created_at: v.createdAt,
      })
      .execute();
    for (const [position, name] of (v.files ?? []).entries()) {
      await db
        .insertInto('notice_version_files')
        .values({ notice_id: id, version: i + 1, file_id: fileIds[name]!, position })
        .execute();
    }
  }
  return { id, fileIds };
}

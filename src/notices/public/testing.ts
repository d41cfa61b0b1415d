// Test fixture: notices written straight into migration 040's tables (and their attachments onto
// the files directory), so the public side is tested without the staff side. Test-only.
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Okence } from '../../boot.ts';
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

/**
 * The board the tests share (any demo notices removed first), Kopřivnice on 10 Dec 2026: 1 on the board and corrected, with an
 * attachment; 2 scheduled for 11 Dec, with one; 3 taken down; 4 withdrawn; 5 with a version
 * superseded before posting; and Liberecký kraj's 1 with an attachment.
 */
export async function seedTestBoard(okence: Okence) {
  const ids: Record<string, string> = {};
  const files: Record<string, string> = {};
  const db = okence.handle.db;
  for (const r of await db.selectFrom('organisation').select(['id', 'slug']).execute()) {
    ids[r.slug] = r.id;
  }
  // From an empty board: demo notices loaded at start are removed (with their versions, by the
  // cascade the append-only trigger lets through), so numbers and counts are the test's own.
  await db.deleteFrom('notices').execute();
  const dir = okence.services.config.files.dir;
  const base = { organisationId: ids.koprivnice!, createdAt: new Date('2026-12-01T08:00:00Z') };
  // 1: on the board, corrected once, with an attachment.
  const one = await insertNotice(db, dir, {
    organisationId: base.organisationId,
    number: 1,
    files: { 'vyhlaska.pdf': pdfBytes() },
    versions: [
      {
        title: 'Veřejná vyhláška o uzavírce',
        category: 'public_decree',
        postOn: '2026-12-02',
        removeAfter: '2026-12-20',
        createdAt: base.createdAt,
        files: ['vyhlaska.pdf'],
      },
      {
        title: 'Veřejná vyhláška o uzavírce Štramberské',
        category: 'public_decree',
        postOn: '2026-12-02',
        removeAfter: '2026-12-20',
        createdAt: new Date('2026-12-05T09:00:00Z'),
        correctionNote: 'Oprava názvu ulice',
        body: 'Uzavírka ulice Štramberská od 15. 12. do 19. 12. 2026.\nObjížďka vede po ulici Záhumenní.',
        referenceNumber: 'MUKO 12345/2026',
        fileMark: 'SZ-OD 678/2026',
        departmentName: 'Odbor dopravy',
        files: ['vyhlaska.pdf'],
      },
    ],
  });
  files.one = one.fileIds['vyhlaska.pdf']!;
  // 2: scheduled for tomorrow, with a file nobody may download yet.
  const two = await insertNotice(db, dir, {
    organisationId: base.organisationId,
    number: 2,
    files: { 'drazba.pdf': pdfBytes() },
    versions: [
      {
        title: 'Dražba pozemku',
        category: 'auction',
        postOn: '2026-12-11',
        createdAt: base.createdAt,
        files: ['drazba.pdf'],
      },
    ],
  });
  files.two = two.fileIds['drazba.pdf']!;
  // 3: taken down last week; 4: withdrawn; 5: v1 superseded before posting.
  await insertNotice(db, dir, {
    organisationId: base.organisationId,
    number: 3,
    versions: [
      {
        title: 'Zasedání zastupitelstva',
        category: 'council',
        postOn: '2026-11-20',
        removeAfter: '2026-12-03',
        createdAt: new Date('2026-11-19T08:00:00Z'),
      },
    ],
  });
  await insertNotice(db, dir, {
    organisationId: base.organisationId,
    number: 4,
    withdrawn: { at: new Date('2026-12-08T10:00:00Z'), reason: 'Vyvěšeno omylem' },
    versions: [
      {
        title: 'Volné pracovní místo referent',
        category: 'vacancy',
        postOn: '2026-12-03',
        createdAt: base.createdAt,
      },
    ],
  });
  await insertNotice(db, dir, {
    organisationId: base.organisationId,
    number: 5,
    versions: [
      {
        title: 'Tajný první návrh',
        category: 'planning',
        postOn: '2026-12-09',
        createdAt: base.createdAt,
      },
      {
        title: 'Územní plán, opravený návrh',
        body: 'Návrh změny č. 3 územního plánu',
        category: 'planning',
        postOn: '2026-12-09',
        createdAt: new Date('2026-12-04T08:00:00Z'),
      },
    ],
  });
  // Another organisation's notice on the board, with a file.
  const other = await insertNotice(db, dir, {
    organisationId: ids['liberecky-kraj']!,
    number: 1,
    files: { 'kraj.pdf': pdfBytes() },
    versions: [
      {
        title: 'Krajská vyhláška',
        postOn: '2026-12-01',
        createdAt: base.createdAt,
        files: ['kraj.pdf'],
      },
    ],
  });
  files.other = other.fileIds['kraj.pdf']!;
  return { ids, files };
}

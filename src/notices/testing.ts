// Test helpers of the notice board's staff side: a staff principal, a multipart post as a browser
// sends it, and the objects and rows the authorisation sweep (http/authz-sweep.db.test.ts) needs.
import { Readable } from 'node:stream';
import type { Okence } from '../boot.ts';
import type { Db } from '../db/db.ts';
import { samplePdf } from '../files/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { addDays } from '../lib/calendar.ts';

/** The signed-in principal of a staff account, as the session plugin gives it. */
export async function principalOf(db: Db, email: string): Promise<StaffPrincipal> {
  const s = await db
    .selectFrom('staff')
    .select(['id', 'organisation_id', 'role', 'display_name', 'email'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    id: s.id,
    organisationId: s.organisation_id,
    role: s.role,
    displayName: s.display_name,
    email: s.email,
  };
}

/** A multipart/form-data body with fields (repeated for arrays) and PDF files under `files`. */
export function noticeMultipart(
  fields: Record<string, string | string[]>,
  files: { name: string; bytes: Uint8Array | string }[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----okence${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`,
        ),
      );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A valid new notice's form, starting on `postOn`, with `over` changed. */
export function noticeFields(postOn: string, over: Record<string, string> = {}) {
  return {
    title: 'Veřejná vyhláška – oznámení o zahájení územního řízení',
    body: 'Městský úřad oznamuje zahájení územního řízení.',
    category: 'public_decree',
    referenceNumber: 'MUKO 1234/2026',
    fileMark: 'SZ 100/2026/Výst',
    department: '',
    postOn,
    removeAfter: addDays(postOn, 15),
    untilFurtherNotice: false,
    language: 'cs',
    ...over,
  };
}

/** Posts a notice through the service as `admin`, with PDFs of these labels; its id and number. */
export async function postNotice(
  okence: Okence,
  admin: StaffPrincipal,
  fields: ReturnType<typeof noticeFields>,
  pdfs: string[] = [],
) {
  const notices = okence.services.frontDoor.notices;
  const upload = await notices.startUpload(admin, null);
  const receipt = { stored: [] as never[], refused: [] as never[] } as Parameters<
    typeof notices.create
  >[3];
  for (const label of pdfs) {
    const got = await notices.receiveFile(
      upload,
      Readable.from([Buffer.from(samplePdf(label))]),
      `${label}.pdf`,
    );
    if (got.ok) receipt.stored.push(got.file);
    else receipt.refused.push({ name: got.name, reason: got.reason });
  }
  return notices.create(admin, upload, fields, receipt);
}

/** A notice of the organisation (scheduled a month ahead, so no job touches it) with a PDF. */
export async function seedNoticeObjects(okence: Okence, organisationId: string, label: string) {
  const { email } = await okence.handle.db
    .selectFrom('staff')
    .select('email')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const admin = await principalOf(okence.handle.db, email);
  const { today } = await okence.services.frontDoor.notices.context(admin);
  const title = `Victim notice ${label}`;
  const { id } = await postNotice(
    okence,
    admin,
    noticeFields(addDays(today, 30), { title, removeAfter: addDays(today, 60) }),
    [`victim-notice-${label}`],
  );
  const file = await okence.handle.db
    .selectFrom('notice_files')
    .select('id')
    .where('notice_id', '=', id)
    .executeTakeFirstOrThrow();
  return { ids: { notice: id, notice_file: file.id }, title };
}

/** Every notice board row of the organisations a swept request must not change. */
export async function noticeRows(db: Db, organisationIds: string[]) {
  const notices = await db
    .selectFrom('notices')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
  const ids = notices.map((n) => n.id);
  // An empty list matches no row (`in ()` is not SQL): a uuid no notice has.
  if (!ids.length) ids.push('00000000-0000-0000-0000-000000000000');
  const [versions, files, versionFiles, events] = await Promise.all([
    db
      .selectFrom('notice_versions')
      .selectAll()
      .where('notice_id', 'in', ids)
      .orderBy('notice_id')
      .orderBy('version')
      .execute(),
    db.selectFrom('notice_files').selectAll().where('notice_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('notice_version_files')
      .selectAll()
      .where('notice_id', 'in', ids)
      .orderBy('notice_id')
      .orderBy('version')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('notice_events')
      .selectAll()
      .where('notice_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return {
    notices,
    notice_versions: versions,
    notice_files: files,
    notice_version_files: versionFiles,
    notice_events: events,
  };
}

/**
 * An organisation's data before it is deleted: one ZIP with `organisation.json` (its settings,
 * offices, services, staff, hours, bookings with their meetings and history, its forms and every
 * version of their definitions, its audit log)
 * and the files still in its meeting folders. It holds citizens' data, so it is written for the
 * server's administrator under DATA_DIR/exports (mode 0600), never offered to the operator's
 * browser (decision 023). Secrets stay out: password hashes, code and link token hashes,
 * browser keys, citizens' network addresses.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { zipStream, type ZipSource } from '../files/service.ts';

/** Bumped when a section changes meaning, so a reader can tell exports apart. */
export const ORGANISATION_EXPORT_VERSION = 1;

type Section = {
  name: string;
  table: string;
  where: 'organisation' | 'office' | 'staff' | 'booking' | 'service' | 'form';
  omit?: string[];
  order: string;
};

/** What goes in, table by table (a table added later and missing here is simply not exported: add it). */
const SECTIONS: Section[] = [
  { name: 'offices', table: 'office', where: 'organisation', order: 'position, slug' },
  {
    name: 'officeHours',
    table: 'office_hours',
    where: 'office',
    order: 'office_id, weekday, opens',
  },
  { name: 'services', table: 'service', where: 'organisation', order: 'position, slug' },
  {
    name: 'serviceOffices',
    table: 'service_office',
    where: 'service',
    order: 'service_id, office_id',
  },
  { name: 'staff', table: 'staff', where: 'organisation', omit: ['password_hash'], order: 'email' },
  { name: 'staffOffices', table: 'staff_office', where: 'staff', order: 'staff_id, office_id' },
  {
    name: 'serviceOfficials',
    table: 'service_official',
    where: 'staff',
    order: 'service_id, staff_id',
  },
  {
    name: 'officialHours',
    table: 'official_hours',
    where: 'staff',
    order: 'staff_id, office_id, weekday, starts',
  },
  { name: 'closures', table: 'closure', where: 'organisation', order: 'day' },
  {
    name: 'lifeSituations',
    table: 'life_situation',
    where: 'organisation',
    order: 'position, slug',
  },
  {
    name: 'lifeSituationServices',
    table: 'life_situation_service',
    where: 'organisation',
    order: 'situation_id, position',
  },
  { name: 'absences', table: 'absence', where: 'staff', order: 'staff_id, during' },
  { name: 'folderPolicy', table: 'folder_policy', where: 'organisation', order: 'organisation_id' },
  {
    name: 'privacySettings',
    table: 'privacy_settings',
    where: 'organisation',
    order: 'organisation_id',
  },
  {
    name: 'bookings',
    table: 'booking',
    where: 'organisation',
    omit: ['code_hash', 'manage_token_hash', 'join_token_hash', 'client_ip'],
    order: 'lower(during), id',
  },
  { name: 'bookingEvents', table: 'booking_event', where: 'booking', order: 'at, id' },
  { name: 'meetings', table: 'meeting', where: 'booking', order: 'booking_id' },
  { name: 'meetingEvents', table: 'meeting_event', where: 'booking', order: 'at, id' },
  {
    name: 'meetingGuests',
    table: 'meeting_guest',
    where: 'booking',
    omit: ['token_hash'],
    order: 'created_at, id',
  },
  {
    name: 'meetingParticipants',
    table: 'meeting_participant',
    where: 'booking',
    omit: ['browser_key'],
    order: 'booking_id, id',
  },
  { name: 'meetingChat', table: 'meeting_chat', where: 'booking', order: 'sent_at, id' },
  { name: 'meetingSurveys', table: 'meeting_survey', where: 'booking', order: 'submitted_at' },
  { name: 'meetingFolders', table: 'meeting_folder', where: 'booking', order: 'opened_at' },
  { name: 'meetingFiles', table: 'meeting_file', where: 'booking', order: 'uploaded_at, id' },
  {
    name: 'meetingFileLog',
    table: 'meeting_file_audit',
    where: 'booking',
    omit: ['actor_ip'],
    order: 'at, id',
  },
  { name: 'signInsPerDay', table: 'sign_in_daily', where: 'organisation', order: 'day' },
  { name: 'forms', table: 'forms', where: 'organisation', order: 'slug' },
  { name: 'formVersions', table: 'form_versions', where: 'form', order: 'form_id, version' },
  { name: 'auditLog', table: 'audit_event', where: 'organisation', order: 'at, id' },
  // The systems the organisation gave access to, without the tokens' hashes (decision 037).
  {
    name: 'apiTokens',
    table: 'api_token',
    where: 'organisation',
    omit: ['token_hash'],
    order: 'created_at, id',
  },
  // Where its submissions were delivered, without the signing secrets (decision 040).
  {
    name: 'submissionWebhooks',
    table: 'submission_webhooks',
    where: 'organisation',
    omit: ['secret'],
    order: 'created_at, id',
  },
];

/** Rows of one section as JSON objects (timestamps as ISO strings, jsonb as JSON). */
async function section(db: Db, organisationId: string, s: Section): Promise<unknown[]> {
  const scope = {
    organisation: sql`t.organisation_id = ${organisationId}`,
    office: sql`t.office_id IN (SELECT id FROM office WHERE organisation_id = ${organisationId})`,
    service: sql`t.service_id IN (SELECT id FROM service WHERE organisation_id = ${organisationId})`,
    staff: sql`t.staff_id IN (SELECT id FROM staff WHERE organisation_id = ${organisationId})`,
    booking: sql`t.booking_id IN (SELECT id FROM booking WHERE organisation_id = ${organisationId})`,
    form: sql`t.form_id IN (SELECT id FROM forms WHERE organisation_id = ${organisationId})`,
  }[s.where];
  const omit = sql.raw(`ARRAY[${(s.omit ?? []).map((c) => `'${c}'`).join(',')}]::text[]`);
  const rows = await sql<{
    row: unknown;
  }>`SELECT to_jsonb(t) - ${omit} AS row FROM ${sql.table(s.table)} t WHERE ${scope} ORDER BY ${sql.raw(s.order)}`.execute(
    db,
  );
  return rows.rows.map((r) => r.row);
}

/** The organisation's data as one JSON-serialisable object. */
export async function organisationData(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<Record<string, unknown>> {
  const organisation = await sql<{
    row: unknown;
  }>`SELECT to_jsonb(o) AS row FROM organisation o WHERE id = ${organisationId}`.execute(db);
  const out: Record<string, unknown> = {
    schemaVersion: ORGANISATION_EXPORT_VERSION,
    generatedAt: now.toISOString(),
    organisation: organisation.rows[0]?.row ?? null,
  };
  for (const s of SECTIONS) out[s.name] = await section(db, organisationId, s);
  return out;
}

/** What was written: the file's name in the exports directory, its size and SHA-256. */
export type ExportFile = { name: string; bytes: number; sha256: string };

/**
 * Writes the export as `<slug>-<time>.zip` into `exportsDir` (created 0700, the file 0600),
 * under a temporary name first and fsynced, so a file by the final name is always whole.
 */
export async function writeOrganisationExport(opts: {
  db: Db;
  organisationId: string;
  slug: string;
  now: Date;
  exportsDir: string;
  filesDir: string;
}): Promise<ExportFile> {
  const { db, organisationId, now } = opts;
  const data = await organisationData(db, organisationId, now);
  const files = await db
    .selectFrom('meeting_file')
    .innerJoin('booking', 'booking.id', 'meeting_file.booking_id')
    .select([
      'meeting_file.booking_id',
      'meeting_file.storage_name',
      'meeting_file.display_name',
      'meeting_file.uploaded_at',
    ])
    .where('booking.organisation_id', '=', organisationId)
    .where('meeting_file.scan_state', '!=', 'infected')
    .orderBy('meeting_file.uploaded_at')
    .execute();
  const sources: ZipSource[] = [
    {
      name: 'organisation.json',
      modified: now,
      open: () => Readable.from([Buffer.from(JSON.stringify(data, null, 2))]),
    },
    ...files
      .filter((f) => existsSync(join(opts.filesDir, f.booking_id, f.storage_name)))
      .map((f) => ({
        name: `folder-${f.booking_id}-${f.display_name}`,
        modified: f.uploaded_at,
        open: () => createReadStream(join(opts.filesDir, f.booking_id, f.storage_name)),
      })),
  ];
  await mkdir(opts.exportsDir, { recursive: true, mode: 0o700 });
  const name = `${opts.slug}-${now.toISOString().replace(/[:.]/g, '-')}.zip`;
  const partial = join(opts.exportsDir, `.${name}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = async function* () {
    for await (const chunk of zipStream(sources)) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  };
  await pipeline(Readable.from(counted()), createWriteStream(partial, { mode: 0o600 }));
  const handle = await open(partial, 'r');
  await handle.sync();
  await handle.close();
  await rename(partial, join(opts.exportsDir, name));
  return { name, bytes, sha256: hash.digest('hex') };
}

import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { clockTime } from '../lib/calendar.ts';
import { bookingMailPatterns } from '../privacy/anonymisation.ts';
import { weekRows, type OrganisationSpec } from './schema.ts';

/** SQL of the operator's view of organisations: provisioning, usage counts, suspension, deletion. */

const CURRENCY = { SI: 'EUR', CZ: 'CZK' } as const;

/** An organisation as the operator's pages show it: settings and state, never citizen data. */
export type OrganisationRow = {
  id: string;
  slug: string;
  name: Record<string, string>;
  country: 'SI' | 'CZ';
  defaultLanguage: 'sl' | 'cs' | 'en';
  timeZone: string;
  createdAt: Date;
  suspendedAt: Date | null;
  deletionRequestedAt: Date | null;
};

const ORG_COLUMNS = [
  'id',
  'slug',
  'name',
  'country',
  'default_language as defaultLanguage',
  'time_zone as timeZone',
  'created_at as createdAt',
  'suspended_at as suspendedAt',
  'deletion_requested_at as deletionRequestedAt',
] as const;

export async function findOrganisation(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return db
    .selectFrom('organisation')
    .select(ORG_COLUMNS)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The organisation's row, locked for the rest of the transaction (state changes run one at a time). */
export async function lockOrganisation(db: Db, slug: string): Promise<OrganisationRow | undefined> {
  return db
    .selectFrom('organisation')
    .select(ORG_COLUMNS)
    .where('slug', '=', slug)
    .forUpdate()
    .executeTakeFirst();
}

/** Of these slugs, the ones an organisation already has. */
export async function slugsTaken(db: Db, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  return (
    await db.selectFrom('organisation').select('slug').where('slug', 'in', slugs).execute()
  ).map((r) => r.slug);
}

/** Of these addresses, the ones a staff account already has (an email signs in to one account). */
export async function emailsTaken(db: Db, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  return (await db.selectFrom('staff').select('email').where('email', 'in', emails).execute()).map(
    (r) => r.email,
  );
}

/**
 * Every organisation with its usage, as counts: active offices, active officials, confirmed
 * appointments starting this calendar month in the organisation's zone, and the bytes its
 * meeting folders hold now.
 */
export async function listWithUsage(db: Db, now: Date) {
  const rows = await sql<{
    id: string;
    slug: string;
    name: Record<string, string>;
    country: 'SI' | 'CZ';
    default_language: 'sl' | 'cs' | 'en';
    time_zone: string;
    created_at: Date;
    suspended_at: Date | null;
    deletion_requested_at: Date | null;
    offices: string;
    officials: string;
    appointments: string;
    folder_bytes: string;
  }>`
    SELECT o.id, o.slug, o.name, o.country, o.default_language, o.time_zone, o.created_at, o.suspended_at, o.deletion_requested_at,
      (SELECT count(*) FROM office f WHERE f.organisation_id = o.id AND f.active) AS offices,
      (SELECT count(*) FROM staff s WHERE s.organisation_id = o.id AND s.active) AS officials,
      (SELECT count(*) FROM booking b WHERE b.organisation_id = o.id AND b.state = 'confirmed'
        AND date_trunc('month', lower(b.during) AT TIME ZONE o.time_zone) = date_trunc('month', ${now}::timestamptz AT TIME ZONE o.time_zone)) AS appointments,
      (SELECT coalesce(sum(m.size_bytes), 0) FROM meeting_file m JOIN booking b ON b.id = m.booking_id WHERE b.organisation_id = o.id) AS folder_bytes
    FROM organisation o ORDER BY o.slug`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    country: r.country,
    defaultLanguage: r.default_language,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    suspendedAt: r.suspended_at,
    deletionRequestedAt: r.deletion_requested_at,
    usage: {
      offices: Number(r.offices),
      officials: Number(r.officials),
      appointmentsThisMonth: Number(r.appointments),
      folderBytes: Number(r.folder_bytes),
    },
  }));
}

export type OrganisationWithUsage = Awaited<ReturnType<typeof listWithUsage>>[number];

/**
 * Inserts one organisation with everything in the spec; returns its id and its officials' ids by
 * email. Officials have no password: each sets one through the invitation the caller sends.
 */
export async function insertSpec(
  tx: Db,
  spec: OrganisationSpec,
): Promise<{ id: string; staff: Map<string, string> }> {
  const org = await tx
    .insertInto('organisation')
    .values({
      slug: spec.slug,
      country: spec.country,
      default_language: spec.defaultLanguage,
      time_zone: spec.timeZone,
      currency: CURRENCY[spec.country],
      name: JSON.stringify(spec.name),
      logo_svg: spec.logoSvg,
      email: spec.contact.email,
      phone: spec.contact.phone,
      website: spec.contact.website,
      mail_sender_name: spec.mailSender.name,
      mail_reply_to: spec.mailSender.replyTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offices = new Map<string, string>();
  for (const [position, f] of spec.offices.entries()) {
    const row = await tx
      .insertInto('office')
      .values({
        organisation_id: org.id,
        slug: f.slug,
        name: JSON.stringify(f.name),
        street: f.street,
        postcode: f.postcode,
        city: f.city,
        email: f.email,
        phone: f.phone,
        time_zone: f.timeZone,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    offices.set(f.slug, row.id);
    const hours = weekRows(f.hours);
    if (hours.length)
      await tx
        .insertInto('office_hours')
        .values(
          hours.map((h) => ({
            office_id: row.id,
            weekday: h.weekday,
            opens: clockTime(h.start),
            closes: clockTime(h.end),
          })),
        )
        .execute();
  }
  const services = new Map<string, string>();
  for (const [position, s] of spec.services.entries()) {
    const row = await tx
      .insertInto('service')
      .values({
        organisation_id: org.id,
        slug: s.slug,
        name: JSON.stringify(s.name),
        description: JSON.stringify(s.description),
        preparation: JSON.stringify(s.preparation),
        fee_note: JSON.stringify(s.feeNote),
        fee_minor: s.fee,
        duration_minutes: s.durationMinutes,
        by_video: s.byVideo,
        in_person: s.inPerson,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    services.set(s.slug, row.id);
    await tx
      .insertInto('service_office')
      .values(s.offices.map((f) => ({ service_id: row.id, office_id: offices.get(f)! })))
      .execute();
  }
  const staff = new Map<string, string>();
  for (const p of spec.officials) {
    const row = await tx
      .insertInto('staff')
      .values({
        organisation_id: org.id,
        email: p.email,
        display_name: p.name,
        title: JSON.stringify(p.title),
        role: p.role,
        password_hash: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    staff.set(p.email, row.id);
    await tx
      .insertInto('staff_office')
      .values(p.offices.map((f) => ({ staff_id: row.id, office_id: offices.get(f)! })))
      .execute();
    if (p.services.length)
      await tx
        .insertInto('service_official')
        .values(p.services.map((s) => ({ staff_id: row.id, service_id: services.get(s)! })))
        .execute();
    const hours = Object.entries(p.hours).flatMap(([f, week]) =>
      weekRows(week).map((h) => ({
        staff_id: row.id,
        office_id: offices.get(f)!,
        weekday: h.weekday,
        starts: clockTime(h.start),
        ends: clockTime(h.end),
      })),
    );
    if (hours.length) await tx.insertInto('official_hours').values(hours).execute();
  }
  return { id: org.id, staff };
}

export async function setSuspended(db: Db, id: string, at: Date | null): Promise<void> {
  await db.updateTable('organisation').set({ suspended_at: at }).where('id', '=', id).execute();
}

export async function setDeletionRequested(db: Db, id: string, at: Date | null): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ deletion_requested_at: at })
    .where('id', '=', id)
    .execute();
}

/** The ids of an organisation's staff accounts. */
export async function staffIds(db: Db, organisationId: string): Promise<string[]> {
  return (
    await db
      .selectFrom('staff')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .execute()
  ).map((r) => r.id);
}

/** Ends every session of the organisation's staff. */
export async function endStaffSessions(db: Db, organisationId: string): Promise<number> {
  const gone = await db
    .deleteFrom('staff_session')
    .where('staff_id', 'in', (eb) =>
      eb.selectFrom('staff').select('id').where('organisation_id', '=', organisationId),
    )
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** Slugs of organisations whose deletion was asked for before `before` (their waiting period is over). */
export async function deletionsDue(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation')
    .select('slug')
    .where('deletion_requested_at', '<=', before)
    .orderBy('deletion_requested_at')
    .execute();
  return rows.map((r) => r.slug);
}

/** The ids of the organisation's bookings that have files in a meeting folder (the job removes their directories). */
export async function bookingsWithFiles(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_folder')
    .select('booking_id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.booking_id);
}

/**
 * Deletes the organisation; everything of it goes with it (every table's foreign key cascades
 * from organisation), and so does the mail about its bookings still in the outbox, which
 * holds citizens' addresses and has no foreign key, and its submissions' mail to its intake
 * address (with their receipts attached) and its digests of failed deliveries (decision 040).
 */
export async function deleteOrganisation(tx: Db, organisationId: string): Promise<void> {
  const bookings = await tx
    .selectFrom('booking')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .execute();
  for (let i = 0; i < bookings.length; i += 500) {
    const patterns = bookings.slice(i, i + 500).flatMap((b) => bookingMailPatterns(b.id));
    await tx
      .deleteFrom('mail_outbox')
      .where((eb) => eb.or(patterns.map((p) => eb('dedupe_key', 'like', p))))
      .execute();
  }
  await tx
    .deleteFrom('mail_outbox')
    .where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb
            .selectFrom('submission_deliveries as d')
            .innerJoin('submissions as s', 's.id', 'd.submission_id')
            .select('d.mail_id')
            .where('s.organisation_id', '=', organisationId)
            .where('d.mail_id', 'is not', null),
        ),
        eb('dedupe_key', 'like', `delivery-digest:${organisationId.toLowerCase()}:%`),
      ]),
    )
    .execute();
  await tx.deleteFrom('organisation').where('id', '=', organisationId).execute();
}

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';
import {
  ANONYMISED,
  anonymisationPlan,
  BOOKING_MAIL_PREFIXES,
  bookingMailPatterns,
  PLACEHOLDER_EMAIL_PARTS,
  type ColumnRule,
  type PlanStep,
} from './anonymisation.ts';

export type PrivacySettingsRow = {
  retentionDays: number | null;
  dpoName: string | null;
  dpoEmail: string | null;
  postalAddress: string | null;
};

/** The organisation's privacy settings; nulls where it has set nothing (no row at all: all null). */
export async function settings(db: Db, organisationId: string): Promise<PrivacySettingsRow> {
  const row = await db
    .selectFrom('privacy_settings')
    .select([
      'retention_days as retentionDays',
      'dpo_name as dpoName',
      'dpo_email as dpoEmail',
      'postal_address as postalAddress',
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ?? { retentionDays: null, dpoName: null, dpoEmail: null, postalAddress: null };
}

/** Writes the settings, creating the row the first time. */
export async function saveSettings(
  db: Db,
  organisationId: string,
  s: {
    retentionDays: number;
    dpoName: string | null;
    dpoEmail: string | null;
    postalAddress: string | null;
  },
  now: Date,
): Promise<void> {
  const values = {
    retention_days: s.retentionDays,
    dpo_name: s.dpoName,
    dpo_email: s.dpoEmail,
    postal_address: s.postalAddress,
    updated_at: now,
  };
  await db
    .insertInto('privacy_settings')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/** Every organisation with what the retention job needs to compute its cutoff. */
export async function organisationsForRetention(
  db: Db,
): Promise<{ id: string; timeZone: string; retentionDays: number | null }[]> {
  return db
    .selectFrom('organisation')
    .leftJoin('privacy_settings', 'privacy_settings.organisation_id', 'organisation.id')
    .select([
      'organisation.id',
      'organisation.time_zone as timeZone',
      'privacy_settings.retention_days as retentionDays',
    ])
    .orderBy('organisation.id')
    .execute();
}

// The booking's own placeholder, exactly: a citizen can type an address that merely looks like
// one (anonymised+x@anonymised.invalid passes the form), and a LIKE would then skip that booking for ever.
const placeholderOf = (b: string) =>
  sql`(${PLACEHOLDER_EMAIL_PARTS.prefix}::text || lower(${sql.ref(`${b}.id`)}::text) || ${PLACEHOLDER_EMAIL_PARTS.suffix}::text)`;
const NOT_ANONYMISED = sql<boolean>`booking.citizen_email <> ${placeholderOf('booking')}`;

/**
 * Locks up to `limit` bookings of an organisation whose retention started before `cutoff` and
 * which are not anonymised yet, skipping rows another instance holds: two instances running the
 * job at once take different bookings, and neither waits for the other.
 * Retention starts at GREATEST(planned end, cancellation, meeting's real end) — see retention.ts.
 */
export async function lockDueBookings(
  tx: Db,
  organisationId: string,
  cutoff: Date,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT booking.id FROM booking
    WHERE booking.organisation_id = ${organisationId} AND ${NOT_ANONYMISED}
      AND GREATEST(upper(booking.during), booking.cancelled_at, (SELECT m.ended_at FROM meeting m WHERE m.booking_id = booking.id)) < ${cutoff}
    ORDER BY upper(booking.during), booking.id
    LIMIT ${limit}
    FOR UPDATE OF booking SKIP LOCKED`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** Locks the given bookings of an organisation that are not anonymised yet (erasure on request); returns those locked. */
export async function lockBookings(
  tx: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('booking')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .where(NOT_ANONYMISED)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

type Table = keyof Database;

/** One column's assignment, from its rule in the plan (undefined for 'keep'). */
function assignment(column: string, rule: ColumnRule<unknown>): RawBuilder<unknown> | undefined {
  const ref = sql.ref(column);
  switch (rule.action) {
    case 'keep':
      return undefined;
    case 'erase':
      return rule.to === null ? sql`${ref} = NULL` : sql`${ref} = ${rule.to}`;
    case 'replace':
      // A NULL stays NULL: nothing to hide, and NULL keeps its meaning.
      return sql`${ref} = CASE WHEN ${ref} IS NULL THEN NULL ELSE ${ANONYMISED}::text END`;
    case 'placeholder_email':
      return sql`${ref} = ${PLACEHOLDER_EMAIL_PARTS.prefix}::text || lower(id::text) || ${PLACEHOLDER_EMAIL_PARTS.suffix}::text`;
  }
}

/** The WHERE clause that picks one booking's rows of a table. */
function linked(step: PlanStep, bookingId: string): RawBuilder<unknown> {
  const plan = step.plan;
  if (plan.treatment !== 'anonymise' && plan.treatment !== 'delete_rows')
    throw new Error(`${step.table} is not changed by the plan`);
  if (plan.link.by === 'id') return sql`id = ${bookingId}`;
  if (plan.link.by === 'booking_id') return sql`booking_id = ${bookingId}`;
  // Outbox rows are found by their dedupe keys. A cancellation notice still waiting to go is
  // kept: erasing on request cancels the appointment first, and the citizen must still be told.
  // The job deletes it once sent (deleteSentMailOfAnonymised).
  const patterns = bookingMailPatterns(bookingId);
  return sql`(${sql.join(
    patterns.map((p) => sql`dedupe_key LIKE ${p}`),
    sql` OR `,
  )})
    AND NOT (state = 'pending' AND dedupe_key LIKE ${`booking:${bookingId.toLowerCase()}:cancelled:%`})`;
}

/**
 * Runs ANONYMISATION_PLAN for one booking in the caller's transaction: every table's steps, the
 * booking last (its placeholder email marks the work as done). The SQL is made from the plan, so a
 * column the plan erases is erased here without this file knowing its name.
 */
export async function anonymiseBooking(tx: Db, bookingId: string): Promise<void> {
  for (const step of anonymisationPlan()) {
    const table = sql.table(step.table satisfies Table);
    const where = linked(step, bookingId);
    if (step.plan.treatment === 'delete_rows') {
      await sql`DELETE FROM ${table} WHERE ${where}`.execute(tx);
      continue;
    }
    if (step.plan.treatment !== 'anonymise') continue;
    const sets = Object.entries(step.plan.columns as Record<string, ColumnRule<unknown>>)
      .map(([column, rule]) => assignment(column, rule))
      .filter((a) => a !== undefined);
    if (sets.length > 0)
      await sql`UPDATE ${table} SET ${sql.join(sets)} WHERE ${where}`.execute(tx);
  }
}

/**
 * Deletes outbox rows of anonymised bookings that are no longer waiting to be sent: the
 * cancellation notices anonymiseBooking left behind, once delivered (or given up on).
 */
export async function deleteSentMailOfAnonymised(db: Db, organisationId: string): Promise<number> {
  const r = await sql`
    DELETE FROM mail_outbox m USING booking b
    WHERE b.organisation_id = ${organisationId}
      AND b.citizen_email = ${placeholderOf('b')}
      AND split_part(m.dedupe_key, ':', 1) IN (${sql.join([...BOOKING_MAIL_PREFIXES])})
      AND split_part(m.dedupe_key, ':', 2) = b.id::text
      AND m.state <> 'pending'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export type CitizenBooking = {
  id: string;
  state: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'locked';
  start: Date;
  end: Date;
  officeId: string;
  officeName: Record<string, string>;
  serviceName: Record<string, string>;
  officialName: string;
  language: string;
};

/**
 * A citizen's bookings in one organisation, by the normalised address (the booking form stores it
 * so), oldest first. A hold past its deadline reads as expired: it will never be confirmed, so it
 * must not hold up an erasure as if someone were booking right now.
 */
export async function bookingsByEmail(
  db: Db,
  organisationId: string,
  email: string,
  now: Date,
): Promise<CitizenBooking[]> {
  const rows = await sql<CitizenBooking>`
    SELECT b.id, CASE WHEN b.state = 'held' AND b.hold_expires_at <= ${now} THEN 'expired' ELSE b.state END AS state, lower(b.during) AS start, upper(b.during) AS end, b.office_id AS "officeId",
           o.name AS "officeName", s.name AS "serviceName", st.display_name AS "officialName", b.language
    FROM booking b
    JOIN office o ON o.id = b.office_id
    JOIN service s ON s.id = b.service_id
    JOIN staff st ON st.id = b.staff_id
    WHERE b.organisation_id = ${organisationId} AND b.citizen_email = ${email}
    ORDER BY lower(b.during), b.id`.execute(db);
  return rows.rows;
}

/** The rows buildCitizenExport reads for these bookings, and the mail sent to the address. */
export async function exportRows(
  db: Db,
  organisationId: string,
  email: string,
  bookingIds: readonly string[],
) {
  const ids = bookingIds.length > 0 ? bookingIds : ['00000000-0000-0000-0000-000000000000'];
  const [bookings, meetings, participants, chat, surveys, fileLog, mails] = await Promise.all([
    db
      .selectFrom('booking')
      .select([
        'id',
        'organisation_id',
        'state',
        'citizen_name',
        'citizen_email',
        'citizen_phone',
        'notes',
        'created_at',
        'confirmed_at',
        'cancelled_at',
        'language',
        'client_ip',
      ])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('meeting')
      .select([
        'booking_id',
        'started_at',
        'ended_at',
        'no_show',
        'identity_verified_at',
        'minutes',
        'minutes_updated_at',
      ])
      .where('booking_id', 'in', ids)
      .execute(),
    db
      .selectFrom('meeting_participant')
      .select([
        'id',
        'booking_id',
        'role',
        'display_name',
        'state',
        'knocked_at',
        'admitted_at',
        'left_at',
        'deny_message',
      ])
      .where('booking_id', 'in', ids)
      .execute(),
    db
      .selectFrom('meeting_chat')
      .select(['id', 'booking_id', 'participant_id', 'body', 'sent_at', 'kind'])
      .where('booking_id', 'in', ids)
      .execute(),
    db
      .selectFrom('meeting_survey')
      .select(['booking_id', 'rating', 'comment', 'submitted_at'])
      .where('booking_id', 'in', ids)
      .execute(),
    db
      .selectFrom('meeting_file_audit')
      .select([
        'id',
        'booking_id',
        'at',
        'action',
        'actor_role',
        'file_name',
        'size_bytes',
        'actor_ip',
      ])
      .where('booking_id', 'in', ids)
      .execute(),
    // Only mail about these bookings: the outbox is shared by every organisation.
    db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'subject', 'state', 'created_at', 'sent_at'])
      .where((eb) =>
        eb.or(
          bookingIds
            .flatMap((id) => bookingMailPatterns(id))
            .map((p) => eb('dedupe_key', 'like', p)),
        ),
      )
      .where(sql<boolean>`lower(trim(to_address)) = ${email}`)
      .execute(),
  ]);
  return {
    bookings,
    meetings,
    participants,
    chat,
    surveys,
    fileLog,
    mails: bookingIds.length > 0 ? mails : [],
  };
}

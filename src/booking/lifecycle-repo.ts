// SQL of a booking after its hold (booking/lifecycle.ts): codes, confirmation, cancel and move,
// the hold limits, reminders, history and the agenda.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { MeetingRecord } from './domain.ts';
import { rangeLiteral } from './repo.ts';

/**
 * Gives up a hold still held, so its seat is free at once: the citizen went back to change
 * what they typed. Marked expired (abandoned), as a hold that ran out would be. `at` limits it
 * to a hold of that time, office and service. False when there was no such hold.
 */
export async function releaseHold(
  db: Db,
  id: string,
  now: Date,
  at?: { start: Date; officeId: string; serviceId: string },
): Promise<boolean> {
  let q = db
    .updateTable('booking')
    .set({ state: 'expired', hold_expires_at: now })
    .where('id', '=', id)
    .where('state', '=', 'held')
    .where('hold_expires_at', '>', now);
  if (at) {
    q = q
      .where('office_id', '=', at.officeId)
      .where('service_id', '=', at.serviceId)
      .where(sql<boolean>`lower(during) = ${at.start}`);
  }
  return (await q.executeTakeFirst()).numUpdatedRows === 1n;
}

/** Holds created since `since` by one email or from one address (anti-harvesting limits). */
export async function countHoldsSince(
  db: Db,
  by: 'citizen_email' | 'client_ip',
  value: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(by, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A booking with what its pages, emails and checks need. */
export type BookingRow = {
  id: string;
  organisationId: string;
  officeId: string;
  serviceId: string;
  staffId: string;
  start: Date;
  end: Date;
  state: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'locked';
  holdExpiresAt: Date | null;
  name: string;
  email: string;
  phone: string | null;
  notes: string | null;
  codeHash: string | null;
  codeAttempts: number;
  codeResends: number;
  codeSentAt: Date | null;
  icsSequence: number;
  language: 'sl' | 'cs' | 'en';
};

function selectBooking(db: Db) {
  return db
    .selectFrom('booking')
    .select([
      'id',
      'organisation_id as organisationId',
      'office_id as officeId',
      'service_id as serviceId',
      'staff_id as staffId',
      sql<Date>`lower(during)`.as('start'),
      sql<Date>`upper(during)`.as('end'),
      'state',
      'hold_expires_at as holdExpiresAt',
      'citizen_name as name',
      'citizen_email as email',
      'citizen_phone as phone',
      'notes',
      'code_hash as codeHash',
      'code_attempts as codeAttempts',
      'code_resends as codeResends',
      'code_sent_at as codeSentAt',
      'ics_sequence as icsSequence',
      'language',
    ]);
}

/** A booking by id; `forUpdate` locks the row for the rest of the transaction. */
export async function findBooking(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<BookingRow | undefined> {
  let q = selectBooking(db).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findBookingByToken(
  db: Db,
  column: 'manage_token_hash' | 'join_token_hash',
  hash: string,
  forUpdate = false,
): Promise<BookingRow | undefined> {
  let q = selectBooking(db).where(column, '=', hash);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function setCode(
  db: Db,
  id: string,
  codeHash: string,
  now: Date,
  extra: {
    resend: boolean;
    holdExpiresAt?: Date;
    language?: 'sl' | 'cs' | 'en';
    ip?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('booking')
    .set((eb) => ({
      code_hash: codeHash,
      code_sent_at: now,
      ...(extra.resend ? { code_resends: eb('code_resends', '+', 1) } : {}),
      ...(extra.holdExpiresAt ? { hold_expires_at: extra.holdExpiresAt } : {}),
      ...(extra.language ? { language: extra.language } : {}),
      ...(extra.ip !== undefined ? { client_ip: extra.ip } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Counts a wrong code; `cancel` locks a hold (its seat is freed). */
export async function recordWrongCode(
  db: Db,
  id: string,
  attempts: number,
  cancel: boolean,
): Promise<void> {
  await db
    .updateTable('booking')
    .set({ code_attempts: attempts, ...(cancel ? { state: 'locked' as const } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function markConfirmed(
  db: Db,
  id: string,
  now: Date,
  tokens: { manageHash: string; joinHash: string },
): Promise<void> {
  await db
    .updateTable('booking')
    // The code's HMAC stays: a repeated confirmation is still checked (and counted) against it.
    .set({
      state: 'confirmed',
      confirmed_at: now,
      hold_expires_at: null,
      manage_token_hash: tokens.manageHash,
      join_token_hash: tokens.joinHash,
    })
    .where('id', '=', id)
    .execute();
}

export async function markCancelled(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('booking')
    .set((eb) => ({
      state: 'cancelled' as const,
      cancelled_at: now,
      ics_sequence: eb('ics_sequence', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Moves a booking to another interval (and maybe official and seat); the exclusion constraint guards the new place. */
export async function moveBooking(
  db: Db,
  id: string,
  to: { staffId: string; seat: number; start: Date; end: Date },
): Promise<void> {
  await db
    .updateTable('booking')
    .set((eb) => ({
      staff_id: to.staffId,
      seat: to.seat,
      during: rangeLiteral(to.start, to.end),
      ics_sequence: eb('ics_sequence', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Confirmed bookings starting within the next `withinMinutes`, with their organisation's reminder
 * times; none of a suspended organisation, whose meetings cannot take place (decision 023).
 */
export async function upcomingForReminders(
  db: Db,
  now: Date,
  withinMinutes: number,
): Promise<{ id: string; start: Date; confirmedAt: Date; minutes: number[]; sequence: number }[]> {
  const rows = await sql<{
    id: string;
    start: Date;
    confirmed_at: Date;
    reminder_minutes: number[];
    ics_sequence: number;
  }>`
    SELECT b.id, lower(b.during) AS start, b.confirmed_at, o.reminder_minutes, b.ics_sequence
    FROM booking b JOIN organisation o ON o.id = b.organisation_id
    WHERE b.state = 'confirmed' AND lower(b.during) > ${now} AND o.suspended_at IS NULL
      AND lower(b.during) <= ${new Date(now.getTime() + withinMinutes * 60_000)}`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    start: r.start,
    confirmedAt: r.confirmed_at,
    minutes: r.reminder_minutes,
    sequence: r.ics_sequence,
  }));
}

/**
 * Serialises, until the transaction ends, everyone counting against the same limits (e.g.
 * `ip:…`, `email:…`): a count and the insert it allows are then one step, so parallel
 * requests cannot all pass a check made before any of them inserted. Keys in a fixed order,
 * and before lockOfficials, so two holders never wait on each other in a cycle.
 */
export async function lockLimitKeys(db: Db, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await sql`SELECT pg_advisory_xact_lock(8020112, hashtext(${key}))`.execute(db);
  }
}

/** A move or a cancellation, as the appointment's history shows it. */
export type BookingEvent = {
  at: Date;
  kind: 'moved' | 'cancelled';
  actorRole: 'citizen' | 'staff';
  actorName: string | null;
  fromStart: Date | null;
  toStart: Date | null;
  reason: string | null;
};

/** Records a move or a cancellation, in the transaction of the change itself. */
export async function insertBookingEvent(
  db: Db,
  e: {
    bookingId: string;
    at: Date;
    kind: 'moved' | 'cancelled';
    actor: { staffId: string; name: string } | 'citizen';
    from?: { start: Date; end: Date };
    to?: { start: Date; end: Date };
    reason?: string;
  },
): Promise<void> {
  await db
    .insertInto('booking_event')
    .values({
      booking_id: e.bookingId,
      at: e.at,
      kind: e.kind,
      actor_role: e.actor === 'citizen' ? 'citizen' : 'staff',
      actor_staff_id: e.actor === 'citizen' ? null : e.actor.staffId,
      actor_name: e.actor === 'citizen' ? null : e.actor.name,
      from_start: e.from?.start ?? null,
      from_end: e.from?.end ?? null,
      to_start: e.to?.start ?? null,
      to_end: e.to?.end ?? null,
      reason: e.reason ?? null,
    })
    .execute();
}

/** A booking's recorded moves and cancellations, oldest first. */
export async function bookingEvents(db: Db, bookingId: string): Promise<BookingEvent[]> {
  return db
    .selectFrom('booking_event')
    .select([
      'at',
      'kind',
      'actor_role as actorRole',
      'actor_name as actorName',
      'from_start as fromStart',
      'to_start as toStart',
      'reason',
    ])
    .where('booking_id', '=', bookingId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** When a booking was made, confirmed and cancelled. */
export async function bookingTimes(
  db: Db,
  bookingId: string,
): Promise<{ createdAt: Date; confirmedAt: Date | null; cancelledAt: Date | null } | undefined> {
  return db
    .selectFrom('booking')
    .select([
      'created_at as createdAt',
      'confirmed_at as confirmedAt',
      'cancelled_at as cancelledAt',
    ])
    .where('id', '=', bookingId)
    .executeTakeFirst();
}

/** The reminders of a booking, sent or still queued (their outbox rows are keyed `reminder:<id>:…`). */
export async function reminders(db: Db, bookingId: string): Promise<{ at: Date; sent: boolean }[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['sent_at', 'created_at', 'state'])
    .where('dedupe_key', 'like', `reminder:${bookingId}:%`)
    .where('state', '<>', 'failed')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ at: r.sent_at ?? r.created_at, sent: r.state === 'sent' }));
}

/** Confirmed and cancelled bookings at some offices that start in [from, to), in order: the agenda. */
export async function agendaAt(
  db: Db,
  officeIds: readonly string[],
  from: Date,
  to: Date,
  staffId: string | null,
): Promise<BookingRow[]> {
  if (officeIds.length === 0) return [];
  return selectBooking(db)
    .where('office_id', 'in', officeIds)
    .where('state', 'in', ['confirmed', 'cancelled'])
    .$if(staffId !== null, (q) => q.where('staff_id', '=', staffId!))
    .where(sql<boolean>`lower(during) >= ${from} AND lower(during) < ${to}`)
    .orderBy(sql`lower(during)`)
    .orderBy('id')
    .execute();
}

/**
 * What a booking's meeting has recorded, for the booking's own "may this still happen?" rule.
 * `forUpdate` locks the meeting row in the caller's transaction (which has locked the booking
 * row), so the room cannot start or end the meeting between the check and the change.
 */
export async function meetingRecord(
  db: Db,
  bookingId: string,
  forUpdate = false,
): Promise<MeetingRecord> {
  let q = db
    .selectFrom('meeting')
    .select(['started_at as startedAt', 'ended_at as endedAt', 'no_show as noShow'])
    .where('booking_id', '=', bookingId);
  if (forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

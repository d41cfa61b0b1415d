// SQL of availability and seats: hours, closures, absences, busy times, holds placed and
// confirmed (booking/service.ts). A booking's later life is in lifecycle-repo.ts, admins' edits in
// admin-repo.ts.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Absence, Busy, WeeklyHours } from './domain.ts';
import { minutesOf } from '../lib/calendar.ts';

/** `[start,end)` as a PostgreSQL tstzrange literal. */
export function rangeLiteral(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}

/** Weekly hours of the given officials at one office. */
export async function officialHours(
  db: Db,
  officeId: string,
  staffIds: readonly string[],
): Promise<WeeklyHours[]> {
  if (staffIds.length === 0) return [];
  const rows = await db
    .selectFrom('official_hours')
    .select(['staff_id', 'weekday', 'starts', 'ends'])
    .where('office_id', '=', officeId)
    .where('staff_id', 'in', staffIds)
    .execute();
  return rows.map((r) => ({
    officialId: r.staff_id,
    weekday: r.weekday,
    start: minutesOf(r.starts),
    end: minutesOf(r.ends),
  }));
}

/** Days closed for an office: its own closures and its organisation's, between two dates. */
export async function closedDays(
  db: Db,
  organisationId: string,
  officeId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('closure')
    .select('day')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('office_id', 'is', null), eb('office_id', '=', officeId)]))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => r.day);
}

/** Absences of the given officials overlapping [from, to). */
export async function absences(
  db: Db,
  staffIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Absence[]> {
  if (staffIds.length === 0) return [];
  const rows = await sql<{ staff_id: string; start: Date; end: Date }>`
    SELECT staff_id, lower(during) AS start, upper(during) AS end FROM absence
    WHERE staff_id = ANY(${staffIds}::uuid[]) AND during && ${rangeLiteral(from, to)}::tstzrange`.execute(
    db,
  );
  return rows.rows.map((r) => ({ officialId: r.staff_id, start: r.start, end: r.end }));
}

/**
 * Seats taken in [from, to) by the given officials, whatever the service: confirmed
 * bookings and holds that have not expired at `now`.
 */
export async function busy(
  db: Db,
  staffIds: readonly string[],
  from: Date,
  to: Date,
  now: Date,
): Promise<Busy[]> {
  if (staffIds.length === 0) return [];
  const rows = await sql<{ staff_id: string; start: Date; end: Date }>`
    SELECT staff_id, lower(during) AS start, upper(during) AS end FROM booking
    WHERE staff_id = ANY(${staffIds}::uuid[]) AND during && ${rangeLiteral(from, to)}::tstzrange
      AND (state = 'confirmed' OR (state = 'held' AND hold_expires_at > ${now}))`.execute(db);
  return rows.rows.map((r) => ({ officialId: r.staff_id, start: r.start, end: r.end, seats: 1 }));
}

/** Marks holds that overlap a range and have run out as expired, so their seats can be taken. */
export async function expireHolds(
  db: Db,
  staffIds: readonly string[],
  start: Date,
  end: Date,
  now: Date,
): Promise<void> {
  await sql`UPDATE booking SET state = 'expired'
    WHERE state = 'held' AND hold_expires_at <= ${now}
      AND staff_id = ANY(${staffIds}::uuid[]) AND during && ${rangeLiteral(start, end)}::tstzrange`.execute(
    db,
  );
}

/**
 * The first free (official, seat) for [start, end) among the candidates, in their
 * order. Only a hint: a concurrent insert may take it first, and then the exclusion
 * constraint refuses ours.
 */
export async function firstFreeSeat(
  db: Db,
  candidates: readonly { staffId: string; capacity: number }[],
  start: Date,
  end: Date,
  /** A booking being moved does not stand in its own way. */
  excludeId: string | null = null,
): Promise<{ staffId: string; seat: number } | undefined> {
  const range = rangeLiteral(start, end);
  for (const c of candidates) {
    const row = await sql<{ seat: number }>`
      SELECT g.n AS seat FROM generate_series(1, ${c.capacity}::int) AS g(n)
      WHERE NOT EXISTS (
        SELECT 1 FROM booking b WHERE b.staff_id = ${c.staffId} AND b.seat = g.n
          AND b.state IN ('held', 'confirmed') AND b.during && ${range}::tstzrange
          AND b.id IS DISTINCT FROM ${excludeId}::uuid)
      ORDER BY g.n LIMIT 1`.execute(db);
    const seat = row.rows[0]?.seat;
    if (seat !== undefined) return { staffId: c.staffId, seat };
  }
  return undefined;
}

export type NewHold = {
  organisationId: string;
  officeId: string;
  serviceId: string;
  staffId: string;
  seat: number;
  start: Date;
  end: Date;
  holdExpiresAt: Date;
  contact: { name: string; email: string; phone: string | null; notes: string | null };
  now: Date;
};

export async function insertHold(db: Db, h: NewHold): Promise<string> {
  const row = await db
    .insertInto('booking')
    .values({
      organisation_id: h.organisationId,
      office_id: h.officeId,
      service_id: h.serviceId,
      staff_id: h.staffId,
      seat: h.seat,
      during: rangeLiteral(h.start, h.end),
      state: 'held',
      hold_expires_at: h.holdExpiresAt,
      citizen_name: h.contact.name,
      citizen_email: h.contact.email,
      citizen_phone: h.contact.phone,
      notes: h.contact.notes,
      created_at: h.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Turns a live hold into a booking; false when the hold is gone, expired or not held. */
export async function confirmHold(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set({ state: 'confirmed', confirmed_at: now, hold_expires_at: null })
    .where('id', '=', id)
    .where('state', '=', 'held')
    .where('hold_expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function cancelBooking(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set({ state: 'cancelled', cancelled_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['held', 'confirmed'])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Queues transactions that place or move a booking of the same officials: an
 * advisory lock per official, taken in id order so two transactions never wait on
 * each other in a cycle. Without it, concurrent inserts into the exclusion
 * constraint wait on each other's uncommitted rows and PostgreSQL breaks those
 * deadlocks only once a second. The constraint still decides; this only orders.
 */
export async function lockOfficials(db: Db, staffIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(staffIds)].sort()) {
    await sql`SELECT pg_advisory_xact_lock(8020111, hashtext(${id}))`.execute(db);
  }
}

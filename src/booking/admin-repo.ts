// SQL of what admins set for booking (booking/admin.ts): officials' hours, closures, absences,
// a service's booking rules and the reminder times.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { clockTime } from '../lib/calendar.ts';
import { rangeLiteral } from './repo.ts';

/** Replaces an official's weekly hours at one office (in one transaction with the caller). */
export async function replaceOfficialHours(
  db: Db,
  staffId: string,
  officeId: string,
  hours: readonly { weekday: number; start: number; end: number }[],
): Promise<void> {
  await db
    .deleteFrom('official_hours')
    .where('staff_id', '=', staffId)
    .where('office_id', '=', officeId)
    .execute();
  if (hours.length === 0) return;
  await db
    .insertInto('official_hours')
    .values(
      hours.map((h) => ({
        staff_id: staffId,
        office_id: officeId,
        weekday: h.weekday,
        starts: clockTime(h.start),
        ends: clockTime(h.end),
      })),
    )
    .execute();
}

export async function upcomingClosures(db: Db, organisationId: string, from: string) {
  return db
    .selectFrom('closure')
    .select(['id', 'office_id', 'day', 'note'])
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', from)
    .orderBy('day')
    .execute();
}

export async function insertClosure(
  db: Db,
  c: { organisationId: string; officeId: string | null; day: string; note: string },
): Promise<void> {
  await db
    .insertInto('closure')
    .values({
      organisation_id: c.organisationId,
      office_id: c.officeId,
      day: c.day,
      note: JSON.stringify(c.note ? { sl: c.note, cs: c.note, en: c.note } : {}),
    })
    .execute();
}

/** Deletes a closure of this organisation only; false when there is none. */
export async function deleteClosure(db: Db, organisationId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('closure')
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return r.numDeletedRows === 1n;
}

export async function updateServiceRules(
  db: Db,
  organisationId: string,
  serviceId: string,
  rules: {
    durationMinutes: number;
    bufferMinutes: number;
    capacity: number;
    minNoticeMinutes: number;
    horizonDays: number;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('service')
    .set({
      duration_minutes: rules.durationMinutes,
      buffer_minutes: rules.bufferMinutes,
      capacity: rules.capacity,
      min_notice_minutes: rules.minNoticeMinutes,
      horizon_days: rules.horizonDays,
    })
    .where('id', '=', serviceId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function upcomingAbsences(db: Db, staffIds: readonly string[], now: Date) {
  if (staffIds.length === 0) return [];
  const rows = await sql<{ id: string; staff_id: string; start: Date; end: Date }>`
    SELECT id, staff_id, lower(during) AS start, upper(during) AS end FROM absence
    WHERE staff_id = ANY(${staffIds}::uuid[]) AND upper(during) > ${now} ORDER BY lower(during)`.execute(
    db,
  );
  return rows.rows;
}

export async function insertAbsence(
  db: Db,
  staffId: string,
  start: Date,
  end: Date,
): Promise<void> {
  await db
    .insertInto('absence')
    .values({ staff_id: staffId, during: rangeLiteral(start, end) })
    .execute();
}

/** Deletes an absence of one of the given officials only; false when there is none. */
export async function deleteAbsence(
  db: Db,
  staffIds: readonly string[],
  id: string,
): Promise<boolean> {
  if (staffIds.length === 0) return false;
  const r = await db
    .deleteFrom('absence')
    .where('id', '=', id)
    .where('staff_id', 'in', staffIds)
    .executeTakeFirst();
  return r.numDeletedRows === 1n;
}

export async function reminderMinutes(db: Db, organisationId: string): Promise<number[]> {
  const row = await db
    .selectFrom('organisation')
    .select('reminder_minutes')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.reminder_minutes;
}

export async function setReminderMinutes(
  db: Db,
  organisationId: string,
  minutes: readonly number[],
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ reminder_minutes: sql<number[]>`${sql.val([...minutes])}::integer[]` })
    .where('id', '=', organisationId)
    .execute();
}

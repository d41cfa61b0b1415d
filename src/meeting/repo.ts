// SQL of a meeting's record: the meeting row (start, end, no-show, identity check, minutes)
// and its events, the chat, guest links, the survey, and the relay of large live events.
import { sql } from 'kysely';
import type { AppointmentFacts } from '../booking/domain.ts';
import type { Db } from '../db/db.ts';
import type { IdentityDocument } from '../db/tables.ts';
import type { ChatLine } from './protocol.ts';

export type MeetingRow = {
  bookingId: string;
  startedAt: Date | null;
  endedAt: Date | null;
  noShow: boolean;
  identityVerifiedAt: Date | null;
  identityDocument: IdentityDocument | null;
  minutes: string;
};

/** The meeting row of a booking, created on first use. */
export async function ensureMeeting(db: Db, bookingId: string): Promise<MeetingRow> {
  await db
    .insertInto('meeting')
    .values({ booking_id: bookingId })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .execute();
  return (await findMeeting(db, bookingId))!;
}

/** Locks the meeting's row until the transaction ends: admissions to one room take turns. */
export async function lockMeeting(tx: Db, bookingId: string): Promise<void> {
  await tx
    .selectFrom('meeting')
    .select('booking_id')
    .where('booking_id', '=', bookingId)
    .forUpdate()
    .execute();
}

export async function findMeeting(db: Db, bookingId: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meeting')
    .select([
      'booking_id as bookingId',
      'started_at as startedAt',
      'ended_at as endedAt',
      'no_show as noShow',
      'identity_verified_at as identityVerifiedAt',
      'identity_document as identityDocument',
      'minutes',
    ])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

export async function meetingsOf(
  db: Db,
  bookingIds: readonly string[],
): Promise<(MeetingRow & { citizenKnocking: boolean })[]> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('meeting as m')
    .select([
      'm.booking_id as bookingId',
      'm.started_at as startedAt',
      'm.ended_at as endedAt',
      'm.no_show as noShow',
      'm.identity_verified_at as identityVerifiedAt',
      'm.identity_document as identityDocument',
      'm.minutes',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM meeting_participant p WHERE p.booking_id = m.booking_id AND p.role = 'citizen' AND p.state = 'knocking' AND p.connected)`.as(
        'citizenKnocking',
      ),
    )
    .where('m.booking_id', 'in', bookingIds)
    .execute();
}

export async function markStarted(db: Db, bookingId: string, now: Date): Promise<void> {
  await db
    .updateTable('meeting')
    .set({ started_at: now })
    .where('booking_id', '=', bookingId)
    .where('started_at', 'is', null)
    .execute();
}

/** Ends the meeting once; returns false when it had ended already. */
export async function markEnded(
  db: Db,
  bookingId: string,
  staffId: string | null,
  now: Date,
  noShow: boolean,
): Promise<boolean> {
  const r = await db
    .updateTable('meeting')
    .set({ ended_at: now, ended_by: staffId, no_show: noShow })
    .where('booking_id', '=', bookingId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('meeting_participant')
    .set({ connected: false, left_at: now })
    .where('booking_id', '=', bookingId)
    .where('connected', '=', true)
    .execute();
  return Number(r.numUpdatedRows) > 0;
}

export async function setMinutes(
  db: Db,
  bookingId: string,
  text: string,
  now: Date,
): Promise<void> {
  // Minutes are written while the meeting runs; an ended meeting's minutes are its record.
  await db
    .updateTable('meeting')
    .set({ minutes: text, minutes_updated_at: now })
    .where('booking_id', '=', bookingId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function addChat(
  db: Db,
  bookingId: string,
  participantId: string,
  body: string,
  now: Date,
  kind: 'text' | 'folder' = 'text',
): Promise<void> {
  await db
    .insertInto('meeting_chat')
    .values({ booking_id: bookingId, participant_id: participantId, body, sent_at: now, kind })
    .execute();
}

export async function chat(db: Db, bookingId: string): Promise<ChatLine[]> {
  const rows = await db
    .selectFrom('meeting_chat as c')
    .innerJoin('meeting_participant as p', 'p.id', 'c.participant_id')
    .select([
      'c.participant_id as from',
      'p.display_name as name',
      'c.body as text',
      'c.sent_at as at',
      'c.kind',
    ])
    .where('c.booking_id', '=', bookingId)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    from: r.from,
    name: r.name,
    text: r.text,
    at: r.at.toISOString(),
    ...(r.kind === 'folder' ? { kind: 'folder' as const } : {}),
  }));
}

export async function insertGuest(
  db: Db,
  g: { bookingId: string; name: string; tokenHash: string; invitedBy: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('meeting_guest')
    .values({
      booking_id: g.bookingId,
      display_name: g.name,
      token_hash: g.tokenHash,
      invited_by: g.invitedBy,
      created_at: g.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function guestByTokenHash(
  db: Db,
  hash: string,
): Promise<{ id: string; bookingId: string; name: string } | undefined> {
  return db
    .selectFrom('meeting_guest')
    .select(['id', 'booking_id as bookingId', 'display_name as name'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export async function insertSurvey(
  db: Db,
  bookingId: string,
  rating: number,
  comment: string | null,
  now: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('meeting_survey')
    .values({ booking_id: bookingId, rating, comment, submitted_at: now })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findSurvey(db: Db, bookingId: string) {
  return db
    .selectFrom('meeting_survey')
    .select(['rating', 'comment', 'submitted_at as submittedAt'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

/** Stores a large live event; the notification carries its id. */
export async function insertRelay(db: Db, payload: string): Promise<string> {
  return (
    await db
      .insertInto('meeting_relay')
      .values({ payload })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function relay(db: Db, id: string): Promise<string | undefined> {
  return (
    await db.selectFrom('meeting_relay').select('payload').where('id', '=', id).executeTakeFirst()
  )?.payload;
}

export async function pruneRelay(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('meeting_relay').where('created_at', '<', before).execute();
}

/**
 * Locks a booking and its meeting row (created if missing) in the caller's transaction and
 * returns the facts appointmentActions judges: the booking row first, in the same order as
 * the booking's cancel and move, so the two never wait on each other in reverse.
 */
export async function lockAppointment(
  db: Db,
  bookingId: string,
): Promise<AppointmentFacts | undefined> {
  const b = await db
    .selectFrom('booking')
    .select(['state', sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end')])
    .where('id', '=', bookingId)
    .forUpdate()
    .executeTakeFirst();
  if (!b) return undefined;
  await db
    .insertInto('meeting')
    .values({ booking_id: bookingId })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .execute();
  const m = await db
    .selectFrom('meeting')
    .select(['started_at as startedAt', 'ended_at as endedAt', 'no_show as noShow'])
    .where('booking_id', '=', bookingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { state: b.state, start: b.start, end: b.end, meeting: m };
}

/** A meeting event: a no-show or its undoing, an identity check or its withdrawal. */
export type MeetingEvent = {
  at: Date;
  kind: 'no_show' | 'no_show_undone' | 'identity_checked' | 'identity_withdrawn';
  actorName: string;
  documentType: IdentityDocument | null;
};

export async function insertMeetingEvent(
  db: Db,
  bookingId: string,
  e: MeetingEvent & { actorStaffId: string | null },
): Promise<void> {
  await db
    .insertInto('meeting_event')
    .values({
      booking_id: bookingId,
      at: e.at,
      kind: e.kind,
      actor_staff_id: e.actorStaffId,
      actor_name: e.actorName,
      document_type: e.documentType,
    })
    .execute();
}

/** A booking's meeting events, oldest first. */
export async function meetingEvents(db: Db, bookingId: string): Promise<MeetingEvent[]> {
  return db
    .selectFrom('meeting_event')
    .select(['at', 'kind', 'actor_name as actorName', 'document_type as documentType'])
    .where('booking_id', '=', bookingId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Takes back a no-show: the meeting is open again, as before it was marked. */
export async function undoNoShow(db: Db, bookingId: string): Promise<void> {
  await db
    .updateTable('meeting')
    .set({ ended_at: null, ended_by: null, no_show: false })
    .where('booking_id', '=', bookingId)
    .where('no_show', '=', true)
    .execute();
}

/** The current identity check: a document type, or null when withdrawn. */
export async function setIdentity(
  db: Db,
  bookingId: string,
  staffId: string | null,
  now: Date,
  document: IdentityDocument | null,
): Promise<void> {
  await db
    .updateTable('meeting')
    .set(
      document
        ? { identity_verified_at: now, identity_verified_by: staffId, identity_document: document }
        : { identity_verified_at: null, identity_verified_by: null, identity_document: null },
    )
    .where('booking_id', '=', bookingId)
    .execute();
}

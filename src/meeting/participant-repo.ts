// SQL of a meeting's participants: arrival, the lobby, who is in the room, and who is waiting
// at an office's meetings. What state someone takes is the lobby rule's (lobby.ts); these
// functions read and write the facts.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Knocker, Role, SameLink } from './protocol.ts';
import { PARTICIPANT_STATES, stateAfterDisconnect, type ParticipantState } from './lobby.ts';

export type ParticipantRow = {
  id: string;
  bookingId: string;
  role: Role;
  staffId: string | null;
  guestId: string | null;
  name: string;
  state: ParticipantState;
  knockedAt: Date | null;
  admittedAt: Date | null;
  denyMessage: string | null;
};

const participantColumns = [
  'id',
  'booking_id as bookingId',
  'role',
  'staff_id as staffId',
  'guest_id as guestId',
  'display_name as name',
  'state',
  'knocked_at as knockedAt',
  'admitted_at as admittedAt',
  'deny_message as denyMessage',
] as const;

/** Who someone is in a meeting: the role, the staff member or guest, and (citizen, guest) the browser's key. */
export type Who = {
  bookingId: string;
  role: Role;
  staffId: string | null;
  guestId: string | null;
  browserKey: string | null;
};

// One participant row per staff member, and per browser on the citizen's link or a guest link.
function participantQuery(db: Db, a: Who) {
  return db
    .selectFrom('meeting_participant')
    .select(participantColumns)
    .where('booking_id', '=', a.bookingId)
    .where('role', '=', a.role)
    .$if(a.role === 'staff', (q) => q.where('staff_id', '=', a.staffId))
    .$if(a.role === 'guest', (q) => q.where('guest_id', '=', a.guestId))
    .$if(a.role !== 'staff', (q) => q.where('browser_key', '=', a.browserKey ?? ''));
}

/** The participant row of someone entering by a link (in this browser) or a staff session, if they have come before. */
export async function participantFor(db: Db, a: Who): Promise<ParticipantRow | undefined> {
  return participantQuery(db, a).executeTakeFirst();
}

/** Someone knocking now at a meeting of one of some offices, for the lobby panel. */
export type WaitingRow = {
  participantId: string;
  bookingId: string;
  role: Role;
  /** The citizen's name as the booking has it (not one typed at the door); a guest's invited name. */
  name: string;
  knockedAt: Date;
  start: Date;
  serviceId: string;
  officeId: string;
  officialName: string;
  sameLink: SameLink;
};

/**
 * Who is knocking now at the meetings of these offices, longest waiting first. One query on
 * every staff page: the partial index meeting_participant_waiting_idx holds only knockers.
 */
export async function waitingAt(db: Db, officeIds: readonly string[]): Promise<WaitingRow[]> {
  if (officeIds.length === 0) return [];
  return db
    .selectFrom('meeting_participant as p')
    .innerJoin('booking as b', 'b.id', 'p.booking_id')
    .innerJoin('staff as s', 's.id', 'b.staff_id')
    .select([
      'p.id as participantId',
      'p.booking_id as bookingId',
      'p.role',
      sql<string>`CASE WHEN p.role = 'citizen' THEN b.citizen_name ELSE p.display_name END`.as(
        'name',
      ),
      sql<Date>`coalesce(p.knocked_at, now())`.as('knockedAt'),
      sql<Date>`lower(b.during)`.as('start'),
      'b.service_id as serviceId',
      'b.office_id as officeId',
      's.display_name as officialName',
      sameLink.as('sameLink'),
    ])
    .where('p.state', '=', 'knocking')
    .where('p.connected', '=', true)
    .where('b.state', '=', 'confirmed')
    .where('b.office_id', 'in', officeIds)
    .orderBy('p.knocked_at')
    .limit(50)
    .execute();
}

/** Everyone who came to a booking's meeting, in the order they first came, for its history. */
export async function participantsOf(db: Db, bookingId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('meeting_participant')
    .select(participantColumns)
    .where('booking_id', '=', bookingId)
    .orderBy(sql`coalesce(knocked_at, admitted_at)`)
    .execute();
}

/** The participant of someone arriving, locked for the caller's transaction, if they came before. */
export async function lockParticipant(db: Db, who: Who): Promise<ParticipantRow | undefined> {
  return participantQuery(db, who).forUpdate().executeTakeFirst();
}

/** Someone came back (a reconnect, a reload, a knock after a denial) in the state the lobby rule gave them. */
export async function rejoin(
  db: Db,
  before: ParticipantRow,
  a: { name: string; state: ParticipantState; now: Date },
): Promise<ParticipantRow> {
  const after = {
    name: a.name,
    state: a.state,
    knockedAt: a.state === 'knocking' ? a.now : before.knockedAt,
    admittedAt: before.admittedAt ?? (a.state === 'admitted' ? a.now : null),
  };
  await db
    .updateTable('meeting_participant')
    .set({
      display_name: after.name,
      state: after.state,
      connected: true,
      left_at: null,
      deny_message: null,
      knocked_at: after.knockedAt,
      admitted_at: after.admittedAt,
    })
    .where('id', '=', before.id)
    .execute();
  return { ...before, ...after };
}

/** A participant's first arrival (staff, or a new browser on a link), in the state the lobby rule gave them. */
export async function insertParticipant(
  db: Db,
  a: Who & { name: string; state: ParticipantState; now: Date },
): Promise<ParticipantRow> {
  const admitted = a.state === 'admitted';
  const inserted = await db
    .insertInto('meeting_participant')
    .values({
      booking_id: a.bookingId,
      role: a.role,
      staff_id: a.staffId,
      guest_id: a.guestId,
      display_name: a.name,
      state: a.state,
      connected: true,
      knocked_at: admitted ? null : a.now,
      admitted_at: admitted ? a.now : null,
      browser_key: a.role === 'staff' ? null : a.browserKey,
    })
    // Two sockets of one browser at once: the second finds the row the first inserted.
    .onConflict((oc) => oc.doNothing())
    .returning(participantColumns)
    .executeTakeFirst();
  return inserted ?? participantQuery(db, a).executeTakeFirstOrThrow();
}

/** How many browsers (participants) a link has brought to its meeting. */
export async function browsersOfLink(db: Db, a: Who): Promise<number> {
  const row = await db
    .selectFrom('meeting_participant')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('booking_id', '=', a.bookingId)
    .where('role', '=', a.role)
    .$if(a.role === 'guest', (q) => q.where('guest_id', '=', a.guestId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Whether another browser on the same link is in the room now, or was let in or knocked before.
const sameLink = sql<SameLink>`CASE
  WHEN p.role = 'staff' THEN NULL
  WHEN EXISTS (SELECT 1 FROM meeting_participant o WHERE o.booking_id = p.booking_id AND o.role = p.role
    AND o.guest_id IS NOT DISTINCT FROM p.guest_id AND o.id <> p.id AND o.state = 'admitted' AND o.connected) THEN 'in_room'
  WHEN EXISTS (SELECT 1 FROM meeting_participant o WHERE o.booking_id = p.booking_id AND o.role = p.role
    AND o.guest_id IS NOT DISTINCT FROM p.guest_id AND o.id <> p.id
    AND (o.admitted_at IS NOT NULL OR (o.state = 'knocking' AND o.connected))) THEN 'earlier'
  END`;

export async function findParticipant(
  db: Db,
  bookingId: string,
  id: string,
): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('meeting_participant')
    .select(participantColumns)
    .where('booking_id', '=', bookingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setParticipantState(
  db: Db,
  id: string,
  state: ParticipantRow['state'],
  now: Date,
  extra: { denyMessage?: string } = {},
): Promise<void> {
  await db
    .updateTable('meeting_participant')
    .set({
      state,
      ...(state === 'admitted' ? { admitted_at: now } : {}),
      ...(state === 'left' || state === 'removed' || state === 'denied' ? { left_at: now } : {}),
      ...(extra.denyMessage !== undefined ? { deny_message: extra.denyMessage } : {}),
    })
    .where('id', '=', id)
    .execute();
}

// The lobby rule's stateAfterDisconnect, as a CASE over every state, so one UPDATE applies it.
const afterDisconnect = sql<ParticipantState>`CASE state ${sql.join(
  PARTICIPANT_STATES.map((s) => sql`WHEN ${s} THEN ${stateAfterDisconnect(s)}`),
  sql` `,
)} END`;

/** A connection closed: the participant's state becomes what the lobby rule says (stateAfterDisconnect). */
export async function disconnected(
  db: Db,
  id: string,
  now: Date,
): Promise<ParticipantRow | undefined> {
  return db
    .updateTable('meeting_participant')
    .set({
      connected: false,
      left_at: now,
      state: afterDisconnect,
    })
    .where('id', '=', id)
    .returning(participantColumns)
    .executeTakeFirst();
}

/** Who waits in the lobby now (connected knockers), oldest first. */
export async function lobby(db: Db, bookingId: string): Promise<Knocker[]> {
  const rows = await db
    .selectFrom('meeting_participant as p')
    .select([
      'p.id',
      'p.display_name as name',
      'p.role',
      'p.knocked_at as knockedAt',
      sameLink.as('sameLink'),
    ])
    .where('p.booking_id', '=', bookingId)
    .where('p.state', '=', 'knocking')
    .where('p.connected', '=', true)
    .orderBy('p.knocked_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    since: (r.knockedAt ?? new Date(0)).toISOString(),
    sameLink: r.sameLink,
  }));
}

/** Admitted participants with an open connection. */
export async function present(
  db: Db,
  bookingId: string,
): Promise<{ id: string; name: string; role: Role }[]> {
  return db
    .selectFrom('meeting_participant')
    .select(['id', 'display_name as name', 'role'])
    .where('booking_id', '=', bookingId)
    .where('state', '=', 'admitted')
    .where('connected', '=', true)
    .orderBy('admitted_at')
    .execute();
}

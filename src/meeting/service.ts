import type { WebSocket } from 'ws';
import type { DatabaseHandle, Db } from '../db/db.ts';
import type { BookingLifecycle, BookingView } from '../booking/lifecycle.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { AppError } from '../lib/errors.ts';
import type { Clock } from '../lib/clock.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { IdentityDocument } from '../db/tables.ts';
import { browserKey } from './browser.ts';
import { joinWindow, type IceConfig, type JoinWindow } from './domain.ts';
import { meetingHub, type Connection } from './hub.ts';
import * as people from './participant-repo.ts';
import type { ClientMessage, Role } from './protocol.ts';
import { meetingRecord } from './record.ts';
import * as repo from './repo.ts';
import type { Emitter } from '../lib/events.ts';
import { meetingRoom, sha256, type MeetingEvents, type RoomAudit } from './room.ts';
import { mayReceive } from './lobby.ts';
import { lazySfu } from './sfu/lazy.ts';

export type { MeetingEvents, RoomAudit };

/**
 * Who is entering a meeting, already authenticated by a route. `browserKey` (citizen, guest):
 * which browser on the link this is (browser.ts); a link alone does not make a participant.
 */
export type Entrant = {
  booking: BookingView;
  role: Role;
  staffId: string | null;
  guestId: string | null;
  browserKey: string | null;
  surveyUrl: string | null;
};

/** Meetings: who may enter, the lobby, the room's live events, and what is kept with the booking. */
export function meetingService(deps: {
  handle: DatabaseHandle;
  clock: Clock;
  publicUrl: URL;
  lifecycle: BookingLifecycle;
  tenants: TenantsService;
  ice: IceConfig;
  log: { warn(obj: object, msg: string): void };
  events: Emitter<MeetingEvents>;
  /** The audit entry of an end, a no-show or an identity check from the room (room.ts). */
  auditRoom: RoomAudit;
  /** Janus (decision 054), and the installation's secret its rooms' keys derive from. */
  janus?: { url: string; apiSecret: string | undefined; adminKey: string } | undefined;
  installationSecret: string;
}) {
  const { handle, clock, lifecycle, tenants } = deps;
  const db = handle.db;
  const hub = meetingHub({
    handle,
    log: deps.log,
    onAdmitted: (c) => room.enterRoom(c),
    lobbyOf: (id) => people.lobby(db, id),
  });
  const url = (path: string) => new URL(path, deps.publicUrl).href;
  const { events, auditRoom } = deps;
  const sfu = deps.janus
    ? lazySfu({
        janus: deps.janus,
        installationSecret: deps.installationSecret,
        db,
        // The lobby rule holds for the SFU's messages too: nothing of the room to someone waiting.
        send: (c, m) => void (mayReceive(c.admitted, m.type) && hub.send(c.socket, m)),
        log: deps.log,
      })
    : undefined;
  const sfuEnded = (bookingId: string) =>
    void sfu?.ended(bookingId).catch((err: unknown) => deps.log.warn({ err }, 'Janus room end'));
  const record = meetingRecord({
    db,
    clock,
    lifecycle,
    hub,
    ended: (bookingId) => {
      void events.emit('meeting.ended', { bookingId });
      sfuEnded(bookingId);
    },
  });
  const room = meetingRoom({
    db,
    clock,
    hub,
    ice: deps.ice,
    url,
    record,
    windowOf,
    events,
    auditRoom,
    sfu,
    log: deps.log,
  });

  /** The window a booking's link is in now, counting an ended meeting as over. */
  async function windowOf(b: BookingView): Promise<JoinWindow> {
    if (b.state !== 'confirmed') return { kind: 'over' };
    const m = await repo.findMeeting(db, b.id);
    return joinWindow(b.start, b.end, clock.now(), m?.endedAt ?? null);
  }

  return {
    hub,
    start: () => hub.start(),
    async stop() {
      await sfu?.close();
      await hub.stop();
    },
    windowOf,

    /** The citizen behind a join link in the browser with `browser` (its cookie), or null when the link is unknown. */
    async citizenByToken(token: string, browser: string | undefined): Promise<Entrant | null> {
      const booking = await lifecycle.byToken('join', token);
      if (!booking) return null;
      return {
        booking,
        role: 'citizen',
        staffId: null,
        guestId: null,
        browserKey: browserKey(booking.id, browser),
        surveyUrl: `/j/${token}/survey`,
      };
    },

    /** The guest behind a personal guest link in the browser with `browser`, or null. */
    async guestByToken(
      token: string,
      browser: string | undefined,
    ): Promise<(Entrant & { name: string }) | null> {
      const guest = await repo.guestByTokenHash(db, sha256(token));
      const booking = guest && (await lifecycle.byId(guest.bookingId));
      if (!guest || !booking) return null;
      return {
        booking,
        role: 'guest',
        staffId: null,
        guestId: guest.id,
        browserKey: browserKey(booking.id, browser),
        surveyUrl: null,
        name: guest.name,
      };
    },

    /** A booking's meeting for a staff member: only staff of its organisation who work at its office (or hold it, or admins). */
    async forStaff(staff: StaffPrincipal, bookingId: string): Promise<Entrant> {
      const booking = await lifecycle.byId(bookingId);
      if (!booking || booking.target.organisation.id !== staff.organisationId)
        throw new AppError('not_found');
      const { myOffices } = await tenants.staffOverview(staff);
      const mine = myOffices.some((o) => o.id === booking.target.office.id);
      if (!mine && staff.role !== 'admin')
        throw new AppError('forbidden', 'not an official of this office');
      return {
        booking,
        role: 'staff',
        staffId: staff.id,
        guestId: null,
        browserKey: null,
        surveyUrl: null,
      };
    },

    /** The entrant behind an official's open room socket (already authorised when it opened). */
    async staffEntrant(bookingId: string, staffId: string | null): Promise<Entrant> {
      const booking = await lifecycle.byId(bookingId);
      if (!booking) throw new AppError('not_found');
      return { booking, role: 'staff', staffId, guestId: null, browserKey: null, surveyUrl: null };
    },

    /**
     * A socket opens: the participant arrives (staff and the already admitted go in,
     * others knock), gets a welcome with its ICE servers, and the room or the lobby.
     * Returns the connection; `over` when the meeting is over or the link outside its window,
     * `full` when the link has brought too many browsers.
     */
    connect: (e: Entrant, name: string, socket: WebSocket, knownName: string = name) =>
      room.connect(e, name, socket, knownName),
    /** A message that passed the schema, the role check and the rate limit. */
    receive: (c: Connection, m: ClientMessage) => room.receive(c, m),
    /** A socket closed: a knocker leaves the lobby; an admitted participant leaves the room but keeps the admission. */
    disconnect: (c: Connection) => room.disconnect(c),

    /** The offices whose knocks a staff member hears. */
    async officesOf(staff: StaffPrincipal): Promise<Set<string>> {
      return new Set((await tenants.staffOverview(staff)).myOffices.map((o) => o.id));
    },

    /** Marks a booking's citizen as not having come (from the agenda, outside the room); `within` runs in its transaction (the audit entry). */
    async markNoShow(e: Entrant, name: string, within?: (tx: Db) => Promise<void>): Promise<void> {
      await record.noShow(e.booking.id, { staffId: e.staffId, name }, within);
    },

    /** Takes back a no-show recorded by mistake: the meeting is as before, the event and the citizen's e-mail say so. */
    async undoNoShow(e: Entrant, name: string, within?: (tx: Db) => Promise<void>): Promise<void> {
      await record.undoNoShow(e.booking.id, { staffId: e.staffId, name }, within);
    },

    /** Records or corrects the identity check from the appointment page (null withdraws it). */
    async checkIdentity(
      e: Entrant,
      name: string,
      document: IdentityDocument | null,
      within?: (tx: Db) => Promise<void>,
    ): Promise<void> {
      await record.checkIdentity(e.booking.id, { staffId: e.staffId, name }, document, within);
    },

    /** A booking's no-show and identity events, oldest first (for its history). */
    eventsOf: (bookingId: string) => repo.meetingEvents(db, bookingId),

    /** Where the meetings of some bookings stand (for the agenda): started, ended, no-show, citizen knocking. */
    meetingsOf: (bookingIds: readonly string[]) => repo.meetingsOf(db, bookingIds),

    /** A booking was cancelled: whoever is in its lobby or room is told it is over (no survey: it did not take place). */
    closeCancelled(bookingId: string): void {
      hub.toMeeting(bookingId, { everyone: true }, { type: 'ended', surveyUrl: null });
      hub.lobbyChanged(bookingId);
      sfuEnded(bookingId);
    },

    /** Who is knocking now at the staff member's offices (the lobby panel): one indexed query. */
    async waiting(staff: StaffPrincipal): Promise<people.WaitingRow[]> {
      const { myOffices } = await tenants.staffOverview(staff);
      return people.waitingAt(
        db,
        myOffices.map((o) => o.id),
      );
    },

    /** What a booking's meeting kept: participants, chat, minutes, survey (the appointment page authorises first). */
    async recordOf(bookingId: string) {
      const [meeting, participants, chat, survey] = await Promise.all([
        repo.findMeeting(db, bookingId),
        people.participantsOf(db, bookingId),
        repo.chat(db, bookingId),
        repo.findSurvey(db, bookingId),
      ]);
      return { meeting: meeting ?? null, participants, chat, survey: survey ?? null };
    },

    /** What the citizen may read after the meeting: the minutes and whether a survey was given. */
    async afterMeeting(bookingId: string) {
      const [meeting, survey] = await Promise.all([
        repo.findMeeting(db, bookingId),
        repo.findSurvey(db, bookingId),
      ]);
      return {
        minutes: meeting?.minutes ?? '',
        ended: Boolean(meeting?.endedAt),
        endedAt: meeting?.endedAt ?? null,
        startedAt: meeting?.startedAt ?? null,
        survey,
      };
    },

    /** Stores the citizen's survey, once per booking; only after the meeting took place. */
    async submitSurvey(
      e: Entrant,
      rating: number,
      comment: string | null,
    ): Promise<'saved' | 'already' | 'not_yet'> {
      const m = await repo.findMeeting(db, e.booking.id);
      if (!m?.startedAt) return 'not_yet';
      return (await repo.insertSurvey(db, e.booking.id, rating, comment, clock.now()))
        ? 'saved'
        : 'already';
    },

    /** The participant row of an entrant who has been in the meeting (to check admission outside the socket). */
    participantOf: (e: Entrant) =>
      people.participantFor(db, {
        bookingId: e.booking.id,
        role: e.role,
        staffId: e.staffId,
        guestId: e.guestId,
        browserKey: e.browserKey,
      }),

    /** Posts the folder's announcement in the chat, as the staff member who opened it. */
    announceFolder: (bookingId: string, participantId: string, name: string) =>
      room.announceFolder(bookingId, participantId, name),

    /** Forgets relayed events older than a minute (every instance has read them by then). */
    pruneRelay: () => repo.pruneRelay(db, new Date(clock.now().getTime() - 60_000)),
  };
}

export type MeetingService = ReturnType<typeof meetingService>;

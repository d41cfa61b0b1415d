import { createHash, randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { DatabaseHandle, Db } from '../db/db.ts';
import type { BookingLifecycle, BookingView } from '../booking/lifecycle.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { localize } from '../i18n/i18n.ts';
import { AppError } from '../lib/errors.ts';
import type { Clock } from '../lib/clock.ts';
import type { TenantsService } from '../tenants/service.ts';
import { appointmentActions, type AppointmentActions } from '../booking/domain.ts';
import type { IdentityDocument } from '../db/tables.ts';
import { browserKey } from './browser.ts';
import {
  iceServersFor,
  joinWindow,
  type IceConfig,
  type JoinWindow,
  type RoomAction,
} from './domain.ts';
import { meetingHub, peerInfo, type Connection } from './hub.ts';
import { arrivalState, mayAdmit, mayBringBrowser, mayTurnOut } from './lobby.ts';
import type { ClientMessage, Role } from './protocol.ts';
import * as repo from './repo.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Who records something about a meeting: a staff member, by the name they had then. */
type Recorder = { staffId: string | null; name: string };

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
}) {
  const { handle, clock, lifecycle, tenants } = deps;
  const db = handle.db;
  const hub = meetingHub({
    handle,
    log: deps.log,
    onAdmitted: (c) => enterRoom(c),
    lobbyOf: (id) => repo.lobby(db, id),
  });
  const url = (path: string) => new URL(path, deps.publicUrl).href;
  // Set by the folder service once it exists (it needs this service's entrants and hub).
  const hooks: {
    openFolder?(c: Connection, staffName: string): Promise<void>;
    ended?(bookingId: string): void;
    /**
     * Set by the agenda: prepares the audit entry of something done from the room (an end, a
     * no-show, an identity check), to write in its transaction.
     */
    auditRoom?(
      bookingId: string,
      staff: { id: string; name: string },
      action: RoomAction,
      detail?: Record<string, unknown>,
    ): Promise<(tx: Db) => Promise<void>>;
  } = {};

  /**
   * Changes a meeting's record under the lock of its booking and meeting rows, only when the
   * one rule (appointmentActions) allows `action` at this instant: a page or a room that
   * offered it earlier is judged when the change arrives. `within` adds the audit entry.
   */
  async function recordLocked(
    bookingId: string,
    action: keyof AppointmentActions,
    change: (tx: Db, now: Date) => Promise<void>,
    within?: (tx: Db) => Promise<void>,
  ): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const facts = await repo.lockAppointment(tx, bookingId);
      if (!facts) throw new AppError('not_found');
      const now = clock.now();
      if (!appointmentActions(facts, now)[action])
        throw new AppError('conflict', `${action} is not possible now`);
      await change(tx, now);
      await within?.(tx);
    });
  }

  /** The window a booking's link is in now, counting an ended meeting as over. */
  async function windowOf(b: BookingView): Promise<JoinWindow> {
    if (b.state !== 'confirmed') return { kind: 'over' };
    const m = await repo.findMeeting(db, b.id);
    return joinWindow(b.start, b.end, clock.now(), m?.endedAt ?? null);
  }

  /**
   * Finds or creates the participant of someone arriving in this browser (or staff session),
   * in the state the lobby rule gives them; undefined when the link has brought too many browsers.
   */
  async function arrive(
    tx: Db,
    e: Entrant,
    name: string,
    now: Date,
  ): Promise<repo.ParticipantRow | undefined> {
    const who = {
      bookingId: e.booking.id,
      role: e.role,
      staffId: e.staffId,
      guestId: e.guestId,
      browserKey: e.browserKey,
    };
    const before = await repo.lockParticipant(tx, who);
    const state = arrivalState(e.role, before?.state);
    if (before) return repo.rejoin(tx, before, { name, state, now });
    if (!mayBringBrowser(e.role, await repo.browsersOfLink(tx, who))) return undefined;
    return repo.insertParticipant(tx, { ...who, name, state, now });
  }

  /** Sends the room to a newly admitted (or returning) participant and announces them to the others. */
  async function enterRoom(c: Connection): Promise<void> {
    const [present, chat, meeting] = await Promise.all([
      repo.present(db, c.bookingId),
      repo.chat(db, c.bookingId),
      repo.ensureMeeting(db, c.bookingId),
    ]);
    const local = new Map(hub.local(c.bookingId).map((x) => [x.participantId, x]));
    const peers = present.map((p) => {
      const here = local.get(p.id);
      return here ? peerInfo(here) : { ...p, audio: true, video: true, screen: false };
    });
    hub.send(c.socket, {
      type: 'room',
      peers,
      chat,
      minutes: meeting.minutes,
      identityVerified: meeting.identityVerifiedAt !== null,
      identityDocument: meeting.identityDocument,
    });
    if (c.role === 'staff')
      hub.send(c.socket, { type: 'lobby', waiting: await repo.lobby(db, c.bookingId) });
    hub.toMeeting(
      c.bookingId,
      { admitted: true },
      { type: 'peer-joined', peer: peerInfo(c) },
      c.participantId,
    );
  }

  /** Someone knocks: staff in the meeting see the new lobby; staff on their start pages hear the knock. */
  function announceKnock(b: BookingView, knocker: { id: string; name: string; role: Role }): void {
    hub.lobbyChanged(b.id);
    const fb = b.target.organisation.defaultLanguage;
    hub.toOffice(b.target.office.id, {
      type: 'knock',
      bookingId: b.id,
      name: knocker.name,
      role: knocker.role,
      service: localize(b.target.service.name, fb, fb),
      start: b.start.toISOString(),
      timeZone: b.target.office.timeZone,
      roomUrl: `/staff/meetings/${b.id}`,
    });
  }

  /** Ends the meeting once, for everyone in it (each citizen is sent to their own survey by the hub). */
  async function endMeeting(
    bookingId: string,
    staffId: string | null,
    within?: (tx: Db) => Promise<void>,
  ): Promise<void> {
    const ended = await db.transaction().execute(async (tx) => {
      await repo.ensureMeeting(tx, bookingId);
      const done = await repo.markEnded(tx, bookingId, staffId, clock.now(), false);
      if (done) await within?.(tx);
      return done;
    });
    if (ended) closeRoom(bookingId);
  }

  function closeRoom(bookingId: string): void {
    hub.toMeeting(bookingId, { everyone: true }, { type: 'ended', surveyUrl: null });
    hooks.ended?.(bookingId);
  }

  /**
   * Records that the citizen did not come (NO_SHOW_GRACE_MINUTES after the start at the
   * earliest): the meeting ends, the event keeps who and when, and the citizen is told.
   */
  async function noShow(
    bookingId: string,
    by: Recorder,
    within?: (tx: Db) => Promise<void>,
  ): Promise<void> {
    await recordLocked(
      bookingId,
      'noShow',
      async (tx, now) => {
        await repo.markEnded(tx, bookingId, by.staffId, now, true);
        await repo.insertMeetingEvent(tx, bookingId, {
          at: now,
          kind: 'no_show',
          actorStaffId: by.staffId,
          actorName: by.name,
          documentType: null,
        });
        await lifecycle.queueNoShowMail(tx, bookingId, 'no_show', now);
      },
      within,
    );
    lifecycle.wakeMail();
    closeRoom(bookingId);
  }

  /** Records (or corrects, or with null withdraws) the identity check: a new event each time, the earlier ones stay. */
  async function checkIdentity(
    bookingId: string,
    by: Recorder,
    document: IdentityDocument | null,
    within?: (tx: Db) => Promise<void>,
  ): Promise<void> {
    await recordLocked(
      bookingId,
      'checkIdentity',
      async (tx, now) => {
        await repo.setIdentity(tx, bookingId, by.staffId, now, document);
        await repo.insertMeetingEvent(tx, bookingId, {
          at: now,
          kind: document ? 'identity_checked' : 'identity_withdrawn',
          actorStaffId: by.staffId,
          actorName: by.name,
          documentType: document,
        });
      },
      within,
    );
    hub.toMeeting(bookingId, { admitted: true }, { type: 'identity-verified', document });
  }

  async function participantOf(bookingId: string, id: string): Promise<repo.ParticipantRow> {
    const p = await repo.findParticipant(db, bookingId, id);
    if (!p) throw new AppError('not_found', 'no such participant');
    return p;
  }

  /** Staff actions, each checked by maySend before it gets here. */
  async function staffAction(
    c: Connection,
    m: Extract<
      ClientMessage,
      {
        type:
          | 'admit'
          | 'deny'
          | 'remove'
          | 'minutes'
          | 'verify-identity'
          | 'invite'
          | 'end'
          | 'no-show'
          | 'open-folder';
      }
    >,
  ): Promise<void> {
    const now = clock.now();
    const b = c.bookingId;
    switch (m.type) {
      case 'admit': {
        const p = await participantOf(b, m.participant);
        if (!mayAdmit(p)) return;
        await repo.setParticipantState(db, p.id, 'admitted', now);
        if (p.role === 'citizen') await repo.markStarted(db, b, now);
        hub.toMeeting(b, { participant: p.id }, { type: 'admitted' });
        hub.lobbyChanged(b);
        hub.toOffice(c.officeId, {
          type: 'lobby-answered',
          bookingId: b,
          participant: p.id,
          outcome: 'admitted',
        });
        return;
      }
      case 'deny':
      case 'remove': {
        const p = await participantOf(b, m.participant);
        if (!mayTurnOut(p)) return;
        await repo.setParticipantState(
          db,
          p.id,
          m.type === 'deny' ? 'denied' : 'removed',
          now,
          m.type === 'deny' ? { denyMessage: m.message } : {},
        );
        hub.toMeeting(
          b,
          { participant: p.id },
          m.type === 'deny' ? { type: 'denied', message: m.message } : { type: 'removed' },
        );
        if (m.type === 'remove')
          hub.toMeeting(b, { admitted: true }, { type: 'peer-left', id: p.id });
        else
          hub.toOffice(c.officeId, {
            type: 'lobby-answered',
            bookingId: b,
            participant: p.id,
            outcome: 'denied',
          });
        hub.lobbyChanged(b);
        return;
      }
      case 'minutes':
        await repo.setMinutes(db, b, m.text, now);
        hub.toMeeting(b, { admitted: true }, { type: 'minutes', text: m.text }, c.participantId);
        return;
      case 'verify-identity': {
        const by = { staffId: c.staffId, name: c.knownName };
        const audit = c.staffId
          ? await hooks.auditRoom?.(
              b,
              { id: c.staffId, name: c.knownName },
              'appointment.identity_checked',
              { document: m.document },
            )
          : undefined;
        await checkIdentity(b, by, m.document, audit);
        return;
      }
      case 'invite': {
        const token = randomBytes(32).toString('base64url');
        await repo.insertGuest(db, {
          bookingId: b,
          name: m.name,
          tokenHash: sha256(token),
          invitedBy: c.staffId!,
          now,
        });
        hub.send(c.socket, { type: 'invited', name: m.name, url: url(`/g/${token}`) });
        return;
      }
      case 'end':
      case 'no-show': {
        // Prepared before the transaction: PGlite has one connection, which the transaction holds.
        const action = m.type === 'no-show' ? 'appointment.no_show' : 'meeting.ended';
        const audit = c.staffId
          ? await hooks.auditRoom?.(b, { id: c.staffId, name: c.knownName }, action)
          : undefined;
        if (m.type === 'no-show') await noShow(b, { staffId: c.staffId, name: c.knownName }, audit);
        else await endMeeting(b, c.staffId, audit);
        return;
      }
      case 'open-folder':
        if (!hooks.openFolder) throw new AppError('not_found', 'no meeting folder here');
        await hooks.openFolder(c, c.knownName);
        return;
    }
  }

  return {
    hub,
    hooks,
    start: () => hub.start(),
    stop: () => hub.stop(),
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
    async connect(
      e: Entrant,
      name: string,
      socket: WebSocket,
      knownName: string = name,
    ): Promise<Connection | 'over' | 'full'> {
      const window = await windowOf(e.booking);
      if (window.kind === 'over' || (window.kind === 'early' && e.role !== 'staff')) return 'over';
      const now = clock.now();
      const p = await db.transaction().execute(async (tx) => {
        await repo.ensureMeeting(tx, e.booking.id);
        return arrive(tx, e, name, now);
      });
      if (!p) return 'full';
      const c: Connection = {
        participantId: p.id,
        bookingId: e.booking.id,
        role: e.role,
        staffId: e.staffId,
        name,
        knownName,
        admitted: p.state === 'admitted',
        media: { audio: true, video: true, screen: false },
        socket,
        surveyUrl: e.surveyUrl,
        officeId: e.booking.target.office.id,
      };
      hub.add(c);
      hub.send(socket, {
        type: 'welcome',
        you: { id: p.id, name, role: e.role },
        state: c.admitted ? 'admitted' : 'lobby',
        appointment: {
          start: e.booking.start.toISOString(),
          end: e.booking.end.toISOString(),
          timeZone: e.booking.target.office.timeZone,
        },
        iceServers: iceServersFor(deps.ice, p.id, now),
        iceTransportPolicy: deps.ice.relayOnly ? 'relay' : 'all',
      });
      if (c.admitted) await enterRoom(c);
      else announceKnock(e.booking, { id: p.id, name, role: e.role });
      return c;
    },

    /** A message that passed the schema, the role check and the rate limit. */
    async receive(c: Connection, m: ClientMessage): Promise<void> {
      switch (m.type) {
        case 'ping':
          hub.send(c.socket, { type: 'pong' });
          return;
        case 'signal': {
          // Only to an admitted participant of the same meeting: the hub drops it for anyone in the lobby.
          const { to: peer, ...rest } = m;
          const { type: _type, ...signal } = rest;
          hub.toMeeting(
            c.bookingId,
            { participant: peer },
            { type: 'signal', from: c.participantId, ...signal },
          );
          return;
        }
        case 'chat': {
          const now = clock.now();
          await repo.addChat(db, c.bookingId, c.participantId, m.text, now);
          hub.toMeeting(
            c.bookingId,
            { admitted: true },
            {
              type: 'chat',
              line: { from: c.participantId, name: c.name, text: m.text, at: now.toISOString() },
            },
          );
          return;
        }
        case 'media':
          c.media = { audio: m.audio, video: m.video, screen: m.screen };
          hub.toMeeting(
            c.bookingId,
            { admitted: true },
            { type: 'peer-media', peer: peerInfo(c) },
            c.participantId,
          );
          return;
        default:
          await staffAction(c, m);
      }
    },

    /** A socket closed: a knocker leaves the lobby; an admitted participant leaves the room but keeps the admission. */
    async disconnect(c: Connection): Promise<void> {
      if (!hub.remove(c)) return;
      const p = await repo.disconnected(db, c.participantId, clock.now());
      if (!p) return;
      if (p.state === 'admitted')
        hub.toMeeting(c.bookingId, { admitted: true }, { type: 'peer-left', id: c.participantId });
      else {
        hub.lobbyChanged(c.bookingId);
        hub.toOffice(c.officeId, {
          type: 'lobby-left',
          bookingId: c.bookingId,
          participant: c.participantId,
        });
      }
    },

    /** The offices whose knocks a staff member hears. */
    async officesOf(staff: StaffPrincipal): Promise<Set<string>> {
      return new Set((await tenants.staffOverview(staff)).myOffices.map((o) => o.id));
    },

    /** Marks a booking's citizen as not having come (from the agenda, outside the room); `within` runs in its transaction (the audit entry). */
    async markNoShow(e: Entrant, name: string, within?: (tx: Db) => Promise<void>): Promise<void> {
      await noShow(e.booking.id, { staffId: e.staffId, name }, within);
    },

    /** Takes back a no-show recorded by mistake: the meeting is as before, the event and the citizen's e-mail say so. */
    async undoNoShow(e: Entrant, name: string, within?: (tx: Db) => Promise<void>): Promise<void> {
      await recordLocked(
        e.booking.id,
        'undoNoShow',
        async (tx, now) => {
          await repo.undoNoShow(tx, e.booking.id);
          await repo.insertMeetingEvent(tx, e.booking.id, {
            at: now,
            kind: 'no_show_undone',
            actorStaffId: e.staffId,
            actorName: name,
            documentType: null,
          });
          await lifecycle.queueNoShowMail(tx, e.booking.id, 'no_show_undone', now);
        },
        within,
      );
      lifecycle.wakeMail();
    },

    /** Records or corrects the identity check from the appointment page (null withdraws it). */
    async checkIdentity(
      e: Entrant,
      name: string,
      document: IdentityDocument | null,
      within?: (tx: Db) => Promise<void>,
    ): Promise<void> {
      await checkIdentity(e.booking.id, { staffId: e.staffId, name }, document, within);
    },

    /** A booking's no-show and identity events, oldest first (for its history). */
    eventsOf: (bookingId: string) => repo.meetingEvents(db, bookingId),

    /** Where the meetings of some bookings stand (for the agenda): started, ended, no-show, citizen knocking. */
    meetingsOf: (bookingIds: readonly string[]) => repo.meetingsOf(db, bookingIds),

    /** A booking was cancelled: whoever is in its lobby or room is told it is over (no survey: it did not take place). */
    closeCancelled(bookingId: string): void {
      hub.toMeeting(bookingId, { everyone: true }, { type: 'ended', surveyUrl: null });
      hub.lobbyChanged(bookingId);
    },

    /** Who is knocking now at the staff member's offices (the lobby panel): one indexed query. */
    async waiting(staff: StaffPrincipal): Promise<repo.WaitingRow[]> {
      const { myOffices } = await tenants.staffOverview(staff);
      return repo.waitingAt(
        db,
        myOffices.map((o) => o.id),
      );
    },

    /** What a booking's meeting kept: participants, chat, minutes, survey (the appointment page authorises first). */
    async recordOf(bookingId: string) {
      const [meeting, participants, chat, survey] = await Promise.all([
        repo.findMeeting(db, bookingId),
        repo.participantsOf(db, bookingId),
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
      repo.participantFor(db, {
        bookingId: e.booking.id,
        role: e.role,
        staffId: e.staffId,
        guestId: e.guestId,
        browserKey: e.browserKey,
      }),

    /** Posts the folder's announcement in the chat, as the staff member who opened it. */
    async announceFolder(bookingId: string, participantId: string, name: string): Promise<void> {
      const now = clock.now();
      await repo.addChat(db, bookingId, participantId, 'folder', now, 'folder');
      hub.toMeeting(
        bookingId,
        { admitted: true },
        {
          type: 'chat',
          line: {
            from: participantId,
            name,
            text: 'folder',
            at: now.toISOString(),
            kind: 'folder',
          },
        },
      );
    },

    /** Forgets relayed events older than a minute (every instance has read them by then). */
    pruneRelay: () => repo.pruneRelay(db, new Date(clock.now().getTime() - 60_000)),
  };
}

export type MeetingService = ReturnType<typeof meetingService>;

// The live room: someone arrives (in the state the lobby rule gives them) and is welcomed into
// the lobby or the room, their messages are carried out, staff act from the room, and a closed
// socket leaves. Live delivery is the hub's; what the meeting keeps, record.ts's.
import { createHash, randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BookingView } from '../booking/lifecycle.ts';
import type { Db } from '../db/db.ts';
import { localize } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { Emitter } from '../lib/events.ts';
import { iceServersFor, type IceConfig, type JoinWindow, type RoomAction } from './domain.ts';
import { peerInfo, type Connection, type MeetingHub } from './hub.ts';
import { arrivalState, mayAdmit, mayBringBrowser, mayTurnOut } from './lobby.ts';
import * as people from './participant-repo.ts';
import type { ClientMessage, Role } from './protocol.ts';
import type { MeetingRecord } from './record.ts';
import * as repo from './repo.ts';
import type { Entrant } from './service.ts';
import type { RoomSfu } from './sfu/lazy.ts';
import { mayLetIn, mediaOf } from './sfu/rules.ts';

/** How a guest link's token is kept: only its hash is stored. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What a meeting announces (decision 025). */
export type MeetingEvents = {
  /** The meeting ended, by the official or as a no-show: its folder closes. Not awaited. */
  'meeting.ended': { bookingId: string };
  /** The official opened the meeting's folder from the room; the room waits for it. */
  'meeting.folder-requested': { connection: Connection; name: string };
};

/**
 * Prepares the audit entry of something done from the room (an end, a no-show, an identity
 * check), to write in its transaction: audited like the agenda's buttons (agenda/audit.ts).
 */
export type RoomAudit = (
  bookingId: string,
  staff: { id: string; name: string },
  action: RoomAction,
  detail?: Record<string, unknown>,
) => Promise<(tx: Db) => Promise<void>>;

/** The room's live side, for the meeting service. */
export function meetingRoom(deps: {
  db: Db;
  clock: Clock;
  hub: MeetingHub;
  ice: IceConfig;
  url(path: string): string;
  record: MeetingRecord;
  windowOf(b: BookingView): Promise<JoinWindow>;
  events: Emitter<MeetingEvents>;
  auditRoom: RoomAudit;
  /** Janus, when configured (decision 054); without it the room is a mesh. */
  sfu: RoomSfu | undefined;
  log: { warn(obj: object, msg: string): void };
}) {
  const { db, clock, hub, record, sfu } = deps;
  const media = mediaOf(sfu !== undefined);
  const warn = (what: string) => (err: unknown) => deps.log.warn({ err }, what);

  /**
   * Finds or creates the participant of someone arriving in this browser (or staff session),
   * in the state the lobby rule gives them; undefined when the link has brought too many browsers.
   */
  async function arrive(
    tx: Db,
    e: Entrant,
    name: string,
    now: Date,
  ): Promise<people.ParticipantRow | undefined> {
    const who = {
      bookingId: e.booking.id,
      role: e.role,
      staffId: e.staffId,
      guestId: e.guestId,
      browserKey: e.browserKey,
    };
    const before = await people.lockParticipant(tx, who);
    const state = arrivalState(e.role, before?.state);
    if (before) return people.rejoin(tx, before, { name, state, now });
    if (!mayBringBrowser(e.role, await people.browsersOfLink(tx, who))) return undefined;
    return people.insertParticipant(tx, { ...who, name, state, now });
  }

  /** Sends the room to a newly admitted (or returning) participant and announces them to the others. */
  async function enterRoom(c: Connection): Promise<void> {
    const [present, chat, meeting] = await Promise.all([
      people.present(db, c.bookingId),
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
      hub.send(c.socket, { type: 'lobby', waiting: await people.lobby(db, c.bookingId) });
    hub.toMeeting(
      c.bookingId,
      { admitted: true },
      { type: 'peer-joined', peer: peerInfo(c) },
      c.participantId,
    );
    // Not awaited: Janus's answer (or sfu-unavailable) reaches the browser by itself.
    sfu?.enter(c).catch(warn('joining Janus failed'));
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

  async function participantOf(bookingId: string, id: string): Promise<people.ParticipantRow> {
    const p = await people.findParticipant(db, bookingId, id);
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
        // Under the meeting's row lock: two officials letting people in at the same moment
        // each count the other's admission, so together they cannot pass the room's limit.
        const outcome = await db.transaction().execute(async (tx) => {
          await repo.lockMeeting(tx, b);
          const p = await people.findParticipant(tx, b, m.participant);
          if (!p || !mayAdmit(p)) return undefined;
          if (!mayLetIn((await people.present(tx, b)).length, media.maxPeople)) return 'full';
          await people.setParticipantState(tx, p.id, 'admitted', now);
          if (p.role === 'citizen') await repo.markStarted(tx, b, now);
          return p;
        });
        if (outcome === 'full') return hub.send(c.socket, { type: 'error', code: 'room_full' });
        if (!outcome) return;
        const p = outcome;
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
        await people.setParticipantState(
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
        if (m.type === 'remove') {
          hub.toMeeting(b, { admitted: true }, { type: 'peer-left', id: p.id });
          // The instance holding their socket closes their session too; this takes their feeds at once.
          sfu?.turnOut(b, p.id).catch(warn('turning out of Janus failed'));
        } else
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
          ? await deps.auditRoom(
              b,
              { id: c.staffId, name: c.knownName },
              'appointment.identity_checked',
              { document: m.document },
            )
          : undefined;
        await record.checkIdentity(b, by, m.document, audit);
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
        hub.send(c.socket, { type: 'invited', name: m.name, url: deps.url(`/g/${token}`) });
        return;
      }
      case 'end':
      case 'no-show': {
        // Prepared before the transaction: PGlite has one connection, which the transaction holds.
        const action = m.type === 'no-show' ? 'appointment.no_show' : 'meeting.ended';
        const audit = c.staffId
          ? await deps.auditRoom(b, { id: c.staffId, name: c.knownName }, action)
          : undefined;
        if (m.type === 'no-show')
          await record.noShow(b, { staffId: c.staffId, name: c.knownName }, audit);
        else await record.endMeeting(b, c.staffId, audit);
        return;
      }
      case 'open-folder':
        await deps.events.emit('meeting.folder-requested', { connection: c, name: c.knownName });
        return;
    }
  }

  /**
   * A socket opens: the participant arrives (staff and the already admitted go in,
   * others knock), gets a welcome with its ICE servers, and the room or the lobby.
   * Returns the connection; `over` when the meeting is over or the link outside its window,
   * `full` when the link has brought too many browsers.
   */
  async function connect(
    e: Entrant,
    name: string,
    socket: WebSocket,
    knownName: string = name,
  ): Promise<Connection | 'over' | 'full'> {
    const window = await deps.windowOf(e.booking);
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
      ...media,
    });
    if (c.admitted) await enterRoom(c);
    else announceKnock(e.booking, { id: p.id, name, role: e.role });
    return c;
  }

  /** A message that passed the schema, the role check and the rate limit. */
  async function receive(c: Connection, m: ClientMessage): Promise<void> {
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
      case 'sfu-publish':
      case 'sfu-answer':
      case 'sfu-candidate':
      case 'sfu-receive':
      case 'sfu-restart':
        return sfu?.receive(c, m); // a mesh room has no SFU to relay to
      default:
        await staffAction(c, m);
    }
  }

  /** A socket closed: a knocker leaves the lobby; an admitted participant leaves the room but keeps the admission. */
  async function disconnect(c: Connection): Promise<void> {
    // Also for a socket a newer one replaced: each connection has its own Janus session.
    sfu?.leave(c).catch(warn('leaving Janus failed'));
    if (!hub.remove(c)) return;
    const p = await people.disconnected(db, c.participantId, clock.now());
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
  }

  /** Posts the folder's announcement in the chat, as the staff member who opened it. */
  async function announceFolder(
    bookingId: string,
    participantId: string,
    name: string,
  ): Promise<void> {
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
  }

  return { enterRoom, connect, receive, disconnect, announceFolder };
}

import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { DatabaseHandle } from '../db/db.ts';
import * as repo from './repo.ts';
import type { Knocker, PeerInfo, Role, ServerMessage } from './protocol.ts';
import { addressedTo, admittedAfter, delivers, isFinal, type Audience } from './lobby.ts';

/** One open meeting connection on this instance. */
export type Connection = {
  participantId: string;
  bookingId: string;
  role: Role;
  staffId: string | null;
  name: string;
  /** The name the server knows them by (staff account, booking, guest link), for records; `name` is what they chose to show. */
  knownName: string;
  admitted: boolean;
  media: { audio: boolean; video: boolean; screen: boolean };
  socket: WebSocket;
  /** Where this participant rates the meeting when it ends (the citizen's own link), or null. */
  surveyUrl: string | null;
  /** The booking's office, whose start pages hear this participant knock and leave. */
  officeId: string;
};

type Envelope =
  | {
      origin: string;
      kind: 'meeting';
      bookingId: string;
      to: Audience;
      except?: string;
      message: ServerMessage;
    }
  | { origin: string; kind: 'lobby-changed'; bookingId: string }
  | { origin: string; kind: 'office'; officeId: string; message: ServerMessage }
  | { origin: string; kind: 'staff-ended'; staffId: string; rooms: boolean };

const CHANNEL = 'okence_meeting';
const STAFF: Audience = { staff: true };
// NOTIFY payloads stop at 8000 bytes; larger events go by reference through meeting_relay.
const INLINE_LIMIT = 7000;

export function peerInfo(c: Connection): PeerInfo {
  return { id: c.participantId, name: c.name, role: c.role, ...c.media };
}

/**
 * Live delivery of meeting events. Each instance keeps its own sockets; an event is
 * delivered to the matching local sockets at once and, on PostgreSQL, published with
 * NOTIFY so the other instances deliver it to theirs (decision 010). PGlite serves one
 * process only (the DATA_DIR lock), so there it stays local.
 *
 * The hub enforces the lobby rule (lobby.ts) on delivery: a connection receives only what the
 * rule delivers to it, and the state changes that admission, denial, removal and the end
 * carry are applied to the socket they are for, wherever it is.
 */
export function meetingHub(deps: {
  handle: DatabaseHandle;
  log: { warn(obj: object, msg: string): void };
  onAdmitted(c: Connection): Promise<void>;
  /** Who waits in a meeting's lobby now (read when staff here need to see a change). */
  lobbyOf(bookingId: string): Promise<Knocker[]>;
}) {
  const origin = randomUUID();
  const byBooking = new Map<string, Set<Connection>>();
  const offices = new Map<WebSocket, { ids: ReadonlySet<string>; staffId: string }>();
  // Folder pages open beside the room: they hear the file list, the end, and their own removal.
  const folders = new Map<string, Set<{ socket: WebSocket; participantId: string | null }>>();
  const shared = deps.handle.kind === 'postgres';
  let unlisten: (() => Promise<void>) | undefined;
  // NOTIFYs from one instance go out in order: an ICE candidate must not overtake its offer.
  let outbox: Promise<unknown> = Promise.resolve();

  function send(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  // A lobby change is announced without the list; an instance with staff of that meeting
  // reads the list once and sends it to them. 1,000 people knocking cost 1,000 reads
  // only where someone is watching, and changes that arrive while a read runs coalesce.
  const refreshing = new Map<string, boolean>();
  function refreshLobby(bookingId: string): void {
    const staff = [...(byBooking.get(bookingId) ?? [])].filter((c) => addressedTo(c, STAFF));
    if (staff.length === 0) return;
    if (refreshing.has(bookingId)) {
      refreshing.set(bookingId, true);
      return;
    }
    refreshing.set(bookingId, false);
    deps
      .lobbyOf(bookingId)
      .then((waiting) => {
        for (const c of byBooking.get(bookingId) ?? [])
          if (addressedTo(c, STAFF)) send(c.socket, { type: 'lobby', waiting });
      })
      .catch((err: unknown) => deps.log.warn({ err }, 'reading the lobby failed'))
      .finally(() => {
        const again = refreshing.get(bookingId);
        refreshing.delete(bookingId);
        if (again) refreshLobby(bookingId);
      });
  }

  function deliver(e: Envelope): void {
    if (e.kind === 'lobby-changed') return refreshLobby(e.bookingId);
    if (e.kind === 'office') {
      for (const [socket, w] of offices) if (w.ids.has(e.officeId)) send(socket, e.message);
      return;
    }
    if (e.kind === 'staff-ended') return closeStaff(e.staffId, e.rooms);
    for (const c of byBooking.get(e.bookingId) ?? []) {
      if (c.participantId === e.except || !delivers(c, e.to, e.message.type)) continue;
      applyAndSend(c, e.message);
    }
    for (const w of folders.get(e.bookingId) ?? []) {
      const m = e.message;
      if (m.type === 'files' && 'admitted' in e.to) send(w.socket, m);
      else if (
        m.type === 'ended' ||
        ((m.type === 'removed' || m.type === 'denied') &&
          'participant' in e.to &&
          e.to.participant === w.participantId)
      ) {
        send(w.socket, m.type === 'ended' ? { type: 'ended', surveyUrl: null } : m);
        w.socket.close(1000, m.type);
      }
    }
  }

  /**
   * A staff member's sessions ended (the account was deactivated): their sockets here close,
   * as each was authorised once, when it opened, and would otherwise go on hearing knocks and
   * taking part in rooms. 4401: the client's reconnect then meets the sign-in check. Without
   * `rooms`, only the start pages' lobby sockets close (their offices changed); they reconnect
   * and are scoped afresh.
   */
  function closeStaff(staffId: string, rooms: boolean): void {
    for (const [socket, w] of offices) {
      if (w.staffId !== staffId) continue;
      offices.delete(socket);
      socket.close(4401, 'signed out');
    }
    if (!rooms) return;
    for (const set of byBooking.values()) {
      for (const c of set) {
        if (c.role !== 'staff' || c.staffId !== staffId) continue;
        c.admitted = false;
        c.socket.close(4401, 'signed out');
      }
    }
  }

  // Called only for messages the lobby rule delivers to c (delivers() in deliver).
  function applyAndSend(c: Connection, message: ServerMessage): void {
    const wasAdmitted = c.admitted;
    c.admitted = admittedAfter(wasAdmitted, message.type);
    if (message.type === 'admitted') {
      send(c.socket, message);
      deps
        .onAdmitted(c)
        .catch((err: unknown) => deps.log.warn({ err }, 'sending the room after admission failed'));
    } else if (isFinal(message.type)) {
      // Only someone who was in the room has a meeting to rate; a knocker (a no-show, a cancelled booking) has none.
      const surveyUrl = wasAdmitted ? c.surveyUrl : null;
      send(c.socket, message.type === 'ended' ? { ...message, surveyUrl } : message);
      c.socket.close(1000, message.type);
    } else send(c.socket, message);
  }

  function publish(e: Envelope): void {
    deliver(e);
    if (!shared) return;
    const payload = JSON.stringify(e);
    const db = deps.handle.db;
    outbox = outbox
      .then(async () => {
        const body =
          payload.length <= INLINE_LIMIT
            ? payload
            : JSON.stringify({ origin, ref: await repo.insertRelay(db, payload) });
        await db
          .selectNoFrom((eb) =>
            eb.fn<unknown>('pg_notify', [eb.val(CHANNEL), eb.val(body)]).as('n'),
          )
          .execute();
      })
      .catch((err: unknown) => deps.log.warn({ err }, 'publishing a meeting event failed'));
  }

  /** Open sockets on this instance by kind, for the operator's metrics (decision 056). */
  function sockets(): { meeting: number; lobby: number; folder: number } {
    let meeting = 0;
    let folder = 0;
    for (const set of byBooking.values()) meeting += set.size;
    for (const set of folders.values()) folder += set.size;
    return { meeting, lobby: offices.size, folder };
  }

  async function received(payload: string): Promise<void> {
    const parsed = JSON.parse(payload) as Envelope | { origin: string; ref: string };
    if (parsed.origin === origin) return;
    if ('ref' in parsed) {
      const stored = await repo.relay(deps.handle.db, parsed.ref);
      if (stored) deliver(JSON.parse(stored) as Envelope);
      return;
    }
    deliver(parsed);
  }

  return {
    async start(): Promise<void> {
      if (!shared) return;
      unlisten = await deps.handle.listen(CHANNEL, (payload) => {
        received(payload).catch((err: unknown) =>
          deps.log.warn({ err }, 'a meeting event from another instance was dropped'),
        );
      });
    },
    async stop(): Promise<void> {
      await unlisten?.();
      await outbox;
    },
    add(c: Connection): void {
      let set = byBooking.get(c.bookingId);
      if (!set) byBooking.set(c.bookingId, (set = new Set()));
      // One socket per participant: a reload or a second tab replaces the older one.
      for (const old of set) {
        if (old.participantId === c.participantId) {
          set.delete(old);
          old.socket.close(4000, 'replaced');
        }
      }
      set.add(c);
    },
    /** Forgets a connection; false when a newer socket of the same participant had replaced it. */
    remove(c: Connection): boolean {
      const set = byBooking.get(c.bookingId);
      const had = set?.delete(c) ?? false;
      if (set?.size === 0) byBooking.delete(c.bookingId);
      return had;
    },
    /** This instance's connections of a meeting. */
    local(bookingId: string): Connection[] {
      return [...(byBooking.get(bookingId) ?? [])];
    },
    send,
    toMeeting(bookingId: string, to: Audience, message: ServerMessage, except?: string): void {
      publish({ origin, kind: 'meeting', bookingId, to, message, ...(except ? { except } : {}) });
    },
    /** Someone entered or left a meeting's lobby: staff watching it get the new list. */
    lobbyChanged(bookingId: string): void {
      publish({ origin, kind: 'lobby-changed', bookingId });
    },
    toOffice(officeId: string, message: ServerMessage): void {
      publish({ origin, kind: 'office', officeId, message });
    },
    /** Closes the sockets of a staff member whose sessions ended (or, `lobbyOnly`, whose offices changed), on every instance. */
    endStaff(staffId: string, lobbyOnly = false): void {
      publish({ origin, kind: 'staff-ended', staffId, rooms: !lobbyOnly });
    },
    watchOffices(socket: WebSocket, officeIds: ReadonlySet<string>, staffId: string): void {
      offices.set(socket, { ids: officeIds, staffId });
      socket.on('close', () => offices.delete(socket));
    },
    /** A folder page listening for its meeting's file list (already checked: admitted, folder open). */
    watchFolder(socket: WebSocket, bookingId: string, participantId: string | null): void {
      let set = folders.get(bookingId);
      if (!set) folders.set(bookingId, (set = new Set()));
      const w = { socket, participantId };
      set.add(w);
      socket.on('close', () => {
        set.delete(w);
        if (set.size === 0 && folders.get(bookingId) === set) folders.delete(bookingId);
      });
    },
    /** Open sockets on this instance (meeting, staff lobby, folder pages), for the benchmark and health. */
    size(): number {
      const n = sockets();
      return n.meeting + n.lobby + n.folder;
    },
    sockets,
  };
}

export type MeetingHub = ReturnType<typeof meetingHub>;

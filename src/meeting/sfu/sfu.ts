// Meetings through Janus (decision 054): the room (room.ts) tells this module who entered, what
// their browser sent and who left; this module is Janus's only client. Each admitted
// connection's Janus session lives on the instance holding its socket; a room's own changes
// (a turn-out, the end) may come from any instance, as every instance derives the same room.
import type { Db } from '../../db/db.ts';
import type { Connection } from '../hub.ts';
import * as people from '../participant-repo.ts';
import type { ServerMessage, SfuMessage } from '../protocol.ts';
import { janusClient } from './janus-client.ts';
import { participantMedia, type ParticipantMedia } from './participant.ts';
import { janusRooms } from './rooms.ts';

type Log = { warn(obj: object, msg: string): void };

/** Janus for the meetings of this instance; `send` reaches a connection's socket (the hub's). */
export function meetingSfu(deps: {
  janus: { url: string; apiSecret: string | undefined; adminKey: string };
  installationSecret: string;
  db: Db;
  send(c: Connection, m: ServerMessage): void;
  log: Log;
}) {
  const janus = janusClient({
    url: deps.janus.url,
    apiSecret: deps.janus.apiSecret,
    log: deps.log,
  });
  const rooms = janusRooms({
    janus,
    adminKey: deps.janus.adminKey,
    installationSecret: deps.installationSecret,
  });
  const media = new Map<Connection, ParticipantMedia>();

  async function admittedOf(bookingId: string): Promise<Set<string>> {
    return new Set((await people.present(deps.db, bookingId)).map((p) => p.id));
  }

  /** The others of this instance in the meeting receive anew (someone entered or left). */
  function othersChanged(c: Connection): void {
    for (const [other, m] of media)
      if (other.bookingId === c.bookingId && other !== c) void m.changed();
  }

  return {
    /** An admitted connection is in the room: it joins the meeting's Janus room. */
    async enter(c: Connection): Promise<void> {
      if (media.has(c)) return;
      const m = participantMedia({
        janus,
        rooms,
        bookingId: c.bookingId,
        participantId: c.participantId,
        send: (message) => deps.send(c, message),
        admitted: () => admittedOf(c.bookingId),
        log: deps.log,
      });
      media.set(c, m);
      await m.enter();
    },

    /** A browser's sfu-* message (the lobby rule let only the admitted send it). */
    async receive(c: Connection, m: SfuMessage): Promise<void> {
      const p = media.get(c);
      if (!p || !c.admitted) return;
      if (m.type === 'sfu-publish') await p.publish(m);
      else if (m.type === 'sfu-answer') await p.answer(m);
      else if (m.type === 'sfu-candidate') await p.candidate(m);
      else if (m.type === 'sfu-restart') await p.restart();
      else await p.receive(m);
    },

    /** A connection closed (or was replaced, turned out, or the meeting ended): its Janus session goes. */
    async leave(c: Connection): Promise<void> {
      const p = media.get(c);
      if (!p) return;
      media.delete(c);
      await p.close();
      othersChanged(c);
    },

    /** Staff turned someone out: whichever instance holds them, their feeds leave Janus now. */
    async turnOut(bookingId: string, participantId: string): Promise<void> {
      await rooms.kickParticipant(bookingId, participantId);
    },

    /** The meeting ended: its room is destroyed. */
    async ended(bookingId: string): Promise<void> {
      for (const [c, m] of media) if (c.bookingId === bookingId) await this.leave(c).catch(() => m);
      await rooms.destroy(bookingId);
    },

    /** Closes this instance's Janus socket (Janus drops its sessions with it). */
    async close(): Promise<void> {
      await Promise.allSettled([...media.keys()].map((c) => this.leave(c)));
      await janus.close();
    },
  };
}

export type MeetingSfu = ReturnType<typeof meetingSfu>;

// The SFU as room.ts sees it, loaded on first use: an installation without JANUS_URL never
// loads the Janus client, and one with it loads the client when the first meeting needs it.
import type { Db } from '../../db/db.ts';
import type { Connection } from '../hub.ts';
import type { ServerMessage, SfuMessage } from '../protocol.ts';
import type { MeetingSfu } from './sfu.ts';

/** What the room asks of the SFU (sfu.ts), each a promise that loads it first. */
export type RoomSfu = {
  enter(c: Connection): Promise<void>;
  receive(c: Connection, m: SfuMessage): Promise<void>;
  leave(c: Connection): Promise<void>;
  turnOut(bookingId: string, participantId: string): Promise<void>;
  ended(bookingId: string): Promise<void>;
  close(): Promise<void>;
};

/** The SFU of this instance, built from sfu.ts when first called. */
export function lazySfu(deps: {
  janus: { url: string; apiSecret: string | undefined; adminKey: string };
  installationSecret: string;
  db: Db;
  send(c: Connection, m: ServerMessage): void;
  log: { warn(obj: object, msg: string): void };
}): RoomSfu {
  let loaded: Promise<MeetingSfu> | undefined;
  const sfu = () => (loaded ??= import('./sfu.ts').then((m) => m.meetingSfu(deps)));
  return {
    enter: async (c) => (await sfu()).enter(c),
    receive: async (c, m) => (await sfu()).receive(c, m),
    leave: async (c) => (await sfu()).leave(c),
    turnOut: async (b, p) => (await sfu()).turnOut(b, p),
    ended: async (b) => (await sfu()).ended(b),
    // Nothing to close when no meeting went through Janus.
    close: async () => (loaded ? (await loaded).close() : undefined),
  };
}

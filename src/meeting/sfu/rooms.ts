// Okence's requests about VideoRoom rooms themselves (not a participant's media): create a
// meeting's room on first need, let a connection's token in or out, turn a participant out,
// destroy the room at the end. They go through one control handle per instance.
import { JanusError, type JanusClient, type JanusHandle } from './janus-client.ts';
import { JANUS_PUBLISHERS, roomKeys, type RoomKeys } from './rules.ts';

export const VIDEOROOM = 'janus.plugin.videoroom';
const ROOM_EXISTS = 427;
const NO_SUCH_ROOM = 426;
const NO_SUCH_FEED = 428;
/** Seconds between the keyframes Janus asks of each publisher (its `fir_freq`). */
export const KEYFRAME_EVERY_S = 10;

/** The VideoRoom's rooms of this installation's meetings. */
export function janusRooms(deps: {
  janus: JanusClient;
  adminKey: string;
  installationSecret: string;
}) {
  const { janus } = deps;
  let control: Promise<JanusHandle> | undefined;
  // Rooms this instance knows exist (Janus forgets them on restart: then they are made again).
  const known = new Set<number>();

  function handle(): Promise<JanusHandle> {
    control ??= janus
      .createSession(() => {
        control = undefined;
        known.clear();
      })
      .then((s) => s.attach(VIDEOROOM, () => undefined))
      .catch((err: unknown) => {
        control = undefined;
        throw err;
      });
    return control;
  }

  const keysOf = (bookingId: string) => roomKeys(deps.installationSecret, bookingId);

  /** The meeting's room, created if it does not exist yet (by this instance or another). */
  async function ensure(bookingId: string): Promise<RoomKeys> {
    const k = keysOf(bookingId);
    if (known.has(k.room)) return k;
    const h = await handle();
    const { data } = await h.message({ request: 'exists', room: k.room });
    if (!data.exists) {
      try {
        await h.message({
          request: 'create',
          admin_key: deps.adminKey,
          room: k.room,
          description: 'Okence meeting',
          secret: k.secret,
          pin: k.pin,
          is_private: true,
          // Only tokens Okence adds on admission may publish; subscribers must name a publisher's private id.
          allowed: [],
          require_pvtid: true,
          publishers: JANUS_PUBLISHERS,
          record: false,
          lock_record: true,
          notify_joining: false,
          permanent: false,
          // A keyframe asked of every camera and screen this often. Janus asks for one when a
          // receiving connection is set up, not when a stream is added to it later (a screen
          // shared, a sixth person's camera), and it relays a stream only from a keyframe on:
          // a browser whose encoder had no reason to make one showed a black tile for good.
          fir_freq: KEYFRAME_EVERY_S,
        });
      } catch (err) {
        if (!(err instanceof JanusError && err.code === ROOM_EXISTS)) throw err;
      }
    }
    known.add(k.room);
    return k;
  }

  /** Adds or removes connections' tokens in the room's allowed list. */
  async function allowed(bookingId: string, action: 'add' | 'remove', tokens: string[]) {
    const k = keysOf(bookingId);
    const h = await handle();
    await h.message({
      request: 'allowed',
      room: k.room,
      secret: k.secret,
      action,
      allowed: tokens,
    });
  }

  /** Kicks every publisher whose display is the participant (on any instance). */
  async function kickParticipant(bookingId: string, participantId: string): Promise<void> {
    const k = keysOf(bookingId);
    const h = await handle();
    let list: { id: number; display?: string }[];
    try {
      const { data } = await h.message({ request: 'listparticipants', room: k.room });
      list = (data.participants as { id: number; display?: string }[] | undefined) ?? [];
    } catch (err) {
      if (err instanceof JanusError && err.code === NO_SUCH_ROOM) return;
      throw err;
    }
    for (const p of list.filter((x) => x.display === participantId)) await kick(bookingId, p.id);
  }

  /** Kicks one publisher (and, the room requiring private ids, the subscriptions it owns). */
  async function kick(bookingId: string, feed: number): Promise<void> {
    const k = keysOf(bookingId);
    const h = await handle();
    try {
      await h.message({ request: 'kick', room: k.room, secret: k.secret, id: feed });
    } catch (err) {
      if (!(err instanceof JanusError && (err.code === NO_SUCH_FEED || err.code === NO_SUCH_ROOM)))
        throw err;
    }
  }

  /** Destroys the meeting's room; a room already gone is fine. */
  async function destroy(bookingId: string): Promise<void> {
    const k = keysOf(bookingId);
    known.delete(k.room);
    const h = await handle();
    try {
      await h.message({ request: 'destroy', room: k.room, secret: k.secret });
    } catch (err) {
      if (!(err instanceof JanusError && err.code === NO_SUCH_ROOM)) throw err;
    }
  }

  return { ensure, allowed, kickParticipant, kick, destroy, keysOf };
}

export type JanusRooms = ReturnType<typeof janusRooms>;

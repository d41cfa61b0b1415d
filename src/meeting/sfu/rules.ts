// Pure rules of meetings through Janus (decision 054): which room a meeting has, what its
// participants may receive, how Janus's streams are told to the browser, and the room's limit.
import { createHmac } from 'node:crypto';
import { MAX_PEOPLE } from '../lobby.ts';
import type { MediaMode, SfuStream } from '../protocol.ts';

/** A meeting's VideoRoom: every instance derives the same, nothing is stored, the browser sees none of it. */
export type RoomKeys = { room: number; pin: string; secret: string };

const hmac = (secret: string, what: string) => createHmac('sha256', secret).update(what).digest();

/** The room's id, pin and secret, by HMAC of the installation's secret and the booking. */
export function roomKeys(installationSecret: string, bookingId: string): RoomKeys {
  // 52 bits: a JSON number Janus and JavaScript both hold exactly; never 0 (Janus's "pick one").
  const room = Number(hmac(installationSecret, `janus-room:${bookingId}`).readBigUInt64BE() >> 12n);
  return {
    room: room === 0 ? 1 : room,
    pin: hmac(installationSecret, `janus-pin:${bookingId}`).toString('base64url'),
    secret: hmac(installationSecret, `janus-secret:${bookingId}`).toString('base64url'),
  };
}

/** How rooms carry media, and how many people they hold, with or without Janus. */
export function mediaOf(sfu: boolean): { media: MediaMode; maxPeople: number } {
  return sfu
    ? { media: 'sfu', maxPeople: MAX_PEOPLE.sfu }
    : { media: 'mesh', maxPeople: MAX_PEOPLE.mesh };
}

/**
 * Whether staff may let one more person in: `present` are the admitted participants with an
 * open connection (staff included). Staff themselves are never kept out of their meeting (one
 * may have to end it or turn someone out), so a room can pass the limit only by officials.
 */
export function mayLetIn(present: number, maxPeople: number): boolean {
  return present < maxPeople;
}

/** How many publishers a Janus room takes: the limit, and room for officials who come past it. */
export const JANUS_PUBLISHERS = MAX_PEOPLE.sfu + 4;

/** A publisher in the room as Janus tells it: its feed id, display (our participant id) and streams. */
export type Feed = {
  id: number;
  display: string;
  streams: { mid: string; type: string; disabled?: boolean; description?: string }[];
};

/** One stream a subscriber asks Janus for. */
export type Wanted = { feed: number; mid: string };

/**
 * What a participant receives: every active audio and video stream of every other admitted
 * participant's feed, and nothing of a feed whose display is not an admitted participant
 * (someone who joined Janus past Okence, or was just turned out).
 */
export function wantedStreams(
  feeds: Iterable<Feed>,
  self: string,
  admitted: ReadonlySet<string>,
): Wanted[] {
  const out: Wanted[] = [];
  for (const f of feeds) {
    if (f.display === self || !admitted.has(f.display)) continue;
    for (const s of f.streams)
      if (!s.disabled && (s.type === 'audio' || s.type === 'video'))
        out.push({ feed: f.id, mid: s.mid });
  }
  return out;
}

/** A subscriber's stream as Janus reports it (`streams` of `attached` and `updated`). */
export type SubscribedStream = {
  mid: string;
  type: string;
  active?: boolean;
  feed_id?: number;
  feed_mid?: string;
  feed_display?: string;
  feed_description?: string;
};

/** What to subscribe and unsubscribe to go from what the subscriber has to what it should have. */
export function subscriptionChange(
  has: readonly SubscribedStream[],
  wanted: readonly Wanted[],
): { subscribe: Wanted[]; unsubscribe: Wanted[] } {
  const key = (w: Wanted) => `${w.feed}/${w.mid}`;
  const current = has
    .filter((s) => s.active !== false && s.feed_id !== undefined && s.feed_mid !== undefined)
    .map((s) => ({ feed: s.feed_id!, mid: s.feed_mid! }));
  const have = new Set(current.map(key));
  const want = new Set(wanted.map(key));
  return {
    subscribe: wanted.filter((w) => !have.has(key(w))),
    unsubscribe: current.filter((w) => !want.has(key(w))),
  };
}

/** The description a publisher gives its screen share's mid, so receivers lay it out on its own. */
export const SCREEN = 'screen';

/**
 * The streams of an offer, for the browser: each received mid with whose it is (the participant
 * id Janus has as the feed's display), audio or video, and whether it is a screen share. A
 * stream of someone not admitted is left out (the browser gets no name for it).
 */
export function streamsForBrowser(
  streams: readonly SubscribedStream[],
  admitted: ReadonlySet<string>,
): SfuStream[] {
  const out: SfuStream[] = [];
  for (const s of streams) {
    if (s.active === false || (s.type !== 'audio' && s.type !== 'video')) continue;
    if (!s.feed_display || !admitted.has(s.feed_display)) continue;
    out.push({
      mid: s.mid,
      participant: s.feed_display,
      kind: s.type,
      screen: s.feed_description === SCREEN,
    });
  }
  return out;
}

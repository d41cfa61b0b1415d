// One admitted connection's media through Janus, on the instance that holds its socket: a Janus
// session with a publisher handle (joined with the room's pin and this connection's token, its
// display the participant's id) and one multistream subscriber handle (joined with the
// publisher's private id) that receives every other admitted participant's streams.
// Everything for one connection runs in order, one step after another.
import { randomBytes } from 'node:crypto';
import type { ClientMessage, ServerMessage } from '../protocol.ts';
import type { HandleEvent, JanusClient, JanusHandle, JanusSession, Jsep } from './janus-client.ts';
import { VIDEOROOM, type JanusRooms } from './rooms.ts';
import {
  SCREEN,
  streamsForBrowser,
  subscriptionChange,
  wantedStreams,
  type Feed,
  type SubscribedStream,
} from './rules.ts';

type Sfu<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;
type Log = { warn(obj: object, msg: string): void };

type Live = {
  session: JanusSession;
  publisher: JanusHandle;
  subscriber: JanusHandle;
  privateId: number;
  feed: number;
  published: boolean;
  subscribed: boolean;
};

/** The Janus side of one connection; `send` reaches its socket, `admitted` reads who is in the room now. */
export function participantMedia(deps: {
  janus: JanusClient;
  rooms: JanusRooms;
  bookingId: string;
  participantId: string;
  send(m: ServerMessage): void;
  admitted(): Promise<Set<string>>;
  log: Log;
}) {
  const { rooms, bookingId, participantId: self } = deps;
  // A fresh token per connection: a closing older socket of the same participant takes only its own.
  const token = `${self}.${randomBytes(18).toString('base64url')}`;
  const feeds = new Map<number, Feed>();
  let streams: SubscribedStream[] = [];
  let live: Live | undefined;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs a step after the ones before it; a failure is logged, and `onFail` may tell the browser. */
  function step(
    what: string,
    fn: () => Promise<void>,
    onFail?: () => Promise<void>,
  ): Promise<void> {
    const run = queue.then(async () => {
      if (closed) return;
      try {
        await fn();
      } catch (err) {
        deps.log.warn({ err, participant: self }, `Janus: ${what} failed`);
        await onFail?.().catch(() => undefined);
      }
    });
    queue = run;
    return run;
  }

  /**
   * Janus failed us: the session goes (its token and feed as on close), so that the browser's
   * next `sfu-publish`, which it sends after a pause with fresh connections, joins afresh.
   */
  async function unavailable(): Promise<void> {
    const l = live;
    live = undefined;
    deps.send({ type: 'sfu-unavailable' });
    if (!l) return;
    await withdraw(l.feed);
    await l.session.destroy().catch(() => undefined);
  }

  /** This connection's token leaves the room's allowed list and its feed is kicked (Janus may be gone). */
  async function withdraw(feed: number | undefined): Promise<void> {
    await rooms.allowed(bookingId, 'remove', [token]).catch(() => undefined);
    if (feed !== undefined) await rooms.kick(bookingId, feed).catch(() => undefined);
  }

  function toBrowser(connection: 'publisher' | 'subscriber', e: HandleEvent): void {
    if (!e.candidate) return;
    const c = e.candidate;
    deps.send({
      type: 'sfu-candidate',
      connection,
      candidate: c.completed
        ? null
        : {
            candidate: c.candidate ?? '',
            sdpMid: c.sdpMid ?? null,
            sdpMLineIndex: c.sdpMLineIndex ?? null,
          },
    });
  }

  function onPublisherEvent(e: HandleEvent): void {
    if (e.janus === 'trickle') return toBrowser('publisher', e);
    const d = e.data;
    if (!d) return;
    let changed = false;
    for (const f of (d.publishers as Feed[] | undefined) ?? []) {
      feeds.set(f.id, f);
      changed = true;
    }
    for (const key of ['unpublished', 'leaving', 'kicked'] as const) {
      const id = d[key];
      if (typeof id === 'number' && feeds.delete(id)) changed = true;
    }
    if (changed) void step('resubscribing', refresh);
  }

  async function offer(jsep: Jsep | undefined, summary: unknown): Promise<void> {
    if (Array.isArray(summary)) streams = summary as SubscribedStream[];
    if (jsep?.type !== 'offer') return;
    deps.send({
      type: 'sfu-offer',
      description: { type: 'offer', sdp: jsep.sdp },
      streams: streamsForBrowser(streams, await deps.admitted()),
    });
  }

  function onSubscriberEvent(e: HandleEvent): void {
    if (e.janus === 'trickle') return toBrowser('subscriber', e);
    // Janus renegotiates by itself when a feed leaves (its autoupdate): a new offer to pass on.
    if (e.data?.streams || e.jsep)
      void step('passing an offer on', () => offer(e.jsep, e.data?.streams));
  }

  /** Opens the session, lets this connection's token in and joins the room as a publisher. */
  async function open(): Promise<void> {
    const keys = await rooms.ensure(bookingId);
    const session = await deps.janus.createSession(() => {
      if (live?.session !== session) return;
      live = undefined;
      if (!closed) deps.send({ type: 'sfu-unavailable' });
    });
    try {
      const publisher = await session.attach(VIDEOROOM, onPublisherEvent);
      const subscriber = await session.attach(VIDEOROOM, onSubscriberEvent);
      await rooms.allowed(bookingId, 'add', [token]);
      // Cleared before joining, not after: a publisher's event can be handled before the join's
      // answer is (both in one read of Janus's socket), and clearing after lost that feed for good
      // (CI: a browser on the other instance never received its partner).
      feeds.clear();
      const { data } = await publisher.message({
        request: 'join',
        ptype: 'publisher',
        room: keys.room,
        pin: keys.pin,
        token,
        display: self,
      });
      for (const f of (data.publishers as Feed[] | undefined) ?? []) feeds.set(f.id, f);
      streams = [];
      live = {
        session,
        publisher,
        subscriber,
        privateId: data.private_id as number,
        feed: data.id as number,
        published: false,
        subscribed: false,
      };
    } catch (err) {
      await session.destroy().catch(() => undefined);
      throw err;
    }
  }

  /** Subscribes to what this participant should receive now and passes Janus's offer on. */
  async function refresh(): Promise<void> {
    if (!live) return;
    const wanted = wantedStreams(feeds.values(), self, await deps.admitted());
    const keys = rooms.keysOf(bookingId);
    if (!live.subscribed) {
      if (wanted.length === 0) return;
      const r = await live.subscriber.message({
        request: 'join',
        ptype: 'subscriber',
        room: keys.room,
        pin: keys.pin,
        private_id: live.privateId,
        streams: wanted,
      });
      live.subscribed = true;
      return offer(r.jsep, r.data.streams);
    }
    // A feed that left is Janus's to drop (its autoupdate sends the offer); asking to unsubscribe
    // it too races that offer and leaves the subscriber waiting for an answer to neither.
    const present = streams.filter((x) => x.feed_id !== undefined && feeds.has(x.feed_id));
    const change = subscriptionChange(present, wanted);
    if (change.subscribe.length === 0 && change.unsubscribe.length === 0) return;
    const r = await live.subscriber.message({
      request: 'update',
      ...(change.subscribe.length ? { subscribe: change.subscribe } : {}),
      ...(change.unsubscribe.length ? { unsubscribe: change.unsubscribe } : {}),
    });
    return offer(r.jsep, r.data.streams);
  }

  return {
    /** The connection is in the room: join Janus (the browser publishes when it is ready). */
    enter: () =>
      step(
        'joining',
        async () => {
          await open();
          await refresh();
        },
        unavailable,
      ),

    /** Publishes (or renegotiates) the browser's streams; Janus's answer goes back to it. */
    publish: (m: Sfu<'sfu-publish'>) =>
      step(
        'publishing',
        async () => {
          if (!live) await open(); // after sfu-unavailable, publishing again tries again
          const l = live!;
          const descriptions = m.screenMid ? [{ mid: m.screenMid, description: SCREEN }] : [];
          const r = await l.publisher.message(
            { request: l.published ? 'configure' : 'publish', descriptions },
            m.description,
          );
          l.published = true;
          if (r.jsep?.type === 'answer')
            deps.send({ type: 'sfu-answer', description: { type: 'answer', sdp: r.jsep.sdp } });
          await refresh();
        },
        unavailable,
      ),

    /** The browser's answer to the latest offer of everyone else's streams. */
    answer: (m: Sfu<'sfu-answer'>) =>
      step('starting to receive', async () => {
        if (live?.subscribed && m.description.type === 'answer')
          await live.subscriber.message({ request: 'start' }, m.description);
      }),

    candidate: (m: Sfu<'sfu-candidate'>) =>
      step('trickling', async () => {
        if (!live) return;
        const h = m.connection === 'publisher' ? live.publisher : live.subscriber;
        if (m.connection === 'subscriber' && !live.subscribed) return;
        await h.trickle(m.candidate ? { ...m.candidate } : null);
      }),

    /** Which layer each received video needs, or none (audio only, a tile out of sight). */
    receive: (m: Sfu<'sfu-receive'>) =>
      step('choosing layers', async () => {
        if (!live?.subscribed) return;
        const known = new Set(streams.map((s) => s.mid));
        const chosen = m.streams
          .filter((s) => known.has(s.mid))
          .map((s) => ({
            mid: s.mid,
            send: s.video,
            ...(s.video && s.substream !== undefined ? { substream: s.substream } : {}),
          }));
        if (chosen.length) await live.subscriber.message({ request: 'configure', streams: chosen });
      }),

    /**
     * The browser's receiving connection lost its ICE path: Janus, the offerer there, offers
     * again with new credentials (the browser's answer starts it, as every offer's does).
     */
    restart: () =>
      step('restarting the receiving connection', async () => {
        if (!live?.subscribed) return;
        const r = await live.subscriber.message({ request: 'configure', restart: true });
        return offer(r.jsep, r.data.streams);
      }),

    /** Who is admitted changed (someone let in or turned out): receive accordingly. */
    changed: () => step('resubscribing', refresh),

    /** The connection closed or was turned out: its token goes, its feed is kicked, its session destroyed. */
    async close(): Promise<void> {
      await queue;
      closed = true;
      const l = live;
      live = undefined;
      await withdraw(l?.feed);
      await l?.session.destroy();
    },
  };
}

export type ParticipantMedia = ReturnType<typeof participantMedia>;

// The meeting client's rules, without the DOM: which stage follows which event, when to
// reconnect and when to give up, how good a connection is and when to fall back to audio, and
// which peer connections to open, restart or close when the room's people change. Everything
// comes in as arguments and goes out as values, so node:test runs it (state.test.ts); the DOM
// modules hold the one current value and carry out the effects.

/** What the page shows; the browser tests wait on body[data-meeting-stage]. */
export type Stage =
  'prejoin' | 'connecting' | 'lobby' | 'room' | 'ended' | 'denied' | 'removed' | 'left' | 'error';
/** A stage the meeting does not come back from in this page (a reload starts afresh). */
export type FinalStage = 'ended' | 'denied' | 'removed' | 'left' | 'error';
/** Why the connection could not go on: another tab took it, the server refuses us, or it never answered. */
export type ConnectionError = 'replaced' | 'unavailable' | 'unreachable';

/** Where this page's meeting stands. `finished`: media and socket are stopped; nothing reconnects. */
export type Session = {
  readonly stage: Stage;
  readonly retries: number;
  readonly finished: boolean;
};

export const initialSession: Session = { stage: 'prejoin', retries: 0, finished: false };

export type SessionEvent =
  /** The person pressed join on the pre-join. */
  | { type: 'join' }
  /** The server's welcome: in the lobby, or admitted (the room follows). */
  | { type: 'welcome'; admitted: boolean }
  /** The server sent the room (a first admission or a return). */
  | { type: 'room' }
  /** The meeting is over for us: the server ended, denied or removed, or the person left. */
  | { type: 'finish'; stage: Exclude<FinalStage, 'error'> }
  /** The socket closed with this code. */
  | { type: 'closed'; code: number }
  /** The page is going away: stop without showing anything. */
  | { type: 'page-hidden' };

export type Effect =
  /** Draw this stage. */
  | { type: 'show'; stage: 'connecting' | 'lobby' | 'room' }
  /** Back in the lobby (a reconnect that is not admitted): close every peer connection. */
  | { type: 'close-peers' }
  /** Clear the status line (a reconnect succeeded). */
  | { type: 'clear-status' }
  /** Stop media, peers, timers and the socket, once. */
  | { type: 'teardown' }
  /** Draw a final stage; `error` says which error. */
  | { type: 'final'; stage: FinalStage; error?: ConnectionError }
  /** Open the socket again after `delayMs`; `announce`: say so on the status line. */
  | { type: 'reconnect'; delayMs: number; announce: boolean };

/** Attempts while still connecting before the page says it cannot connect. */
export const MAX_CONNECT_RETRIES = 5;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;

/** The server is restarting (a rolling restart, decision 055): another instance takes us now. */
export const SERVICE_RESTART = 1012;

/** The wait before reconnect attempt `retries` (0-based): doubling from 0.5 s, at most 5 s. */
export function retryDelay(retries: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** retries);
}

/** What a closed socket means: reconnect (and how), or give up and why. */
export function afterClose(
  s: Session,
  code: number,
): { kind: 'ignore' } | { kind: 'give-up'; error: ConnectionError } | { kind: 'retry' } {
  if (s.finished) return { kind: 'ignore' };
  // 4000: the same participant opened the meeting in another tab, which now holds it.
  if (code === 4000) return { kind: 'give-up', error: 'replaced' };
  // Other application codes and policy violations: the server refuses us, so asking again will not help.
  if ((code > 4000 && code < 5000) || code === 1008)
    return { kind: 'give-up', error: 'unavailable' };
  if (s.stage === 'connecting' && s.retries >= MAX_CONNECT_RETRIES)
    return { kind: 'give-up', error: 'unreachable' };
  return { kind: 'retry' };
}

function finish(s: Session, stage: FinalStage, error?: ConnectionError) {
  const effects: Effect[] = s.finished ? [] : [{ type: 'teardown' }];
  effects.push(error ? { type: 'final', stage, error } : { type: 'final', stage });
  return { session: { ...s, stage, finished: true }, effects };
}

/** The session after an event, and what the page must do about it. */
export function step(s: Session, e: SessionEvent): { session: Session; effects: Effect[] } {
  switch (e.type) {
    case 'join':
      if (s.stage !== 'prejoin' || s.finished) return { session: s, effects: [] };
      return {
        session: { ...s, stage: 'connecting' },
        effects: [{ type: 'show', stage: 'connecting' }],
      };
    case 'welcome': {
      if (s.finished) return { session: s, effects: [] };
      const session = { ...s, retries: 0 };
      if (e.admitted)
        return { session, effects: s.stage === 'room' ? [{ type: 'clear-status' }] : [] };
      const effects: Effect[] = [{ type: 'close-peers' }];
      effects.push(
        s.stage === 'lobby' ? { type: 'clear-status' } : { type: 'show', stage: 'lobby' },
      );
      return { session: { ...session, stage: 'lobby' }, effects };
    }
    case 'room':
      if (s.finished) return { session: s, effects: [] };
      return {
        session: { ...s, stage: 'room' },
        effects: s.stage === 'room' ? [] : [{ type: 'show', stage: 'room' }],
      };
    case 'finish':
      return finish(s, e.stage);
    case 'page-hidden':
      return { session: { ...s, finished: true }, effects: [] };
    case 'closed': {
      const next = afterClose(s, e.code);
      if (next.kind === 'ignore') return { session: s, effects: [] };
      if (next.kind === 'give-up') return finish(s, 'error', next.error);
      return {
        session: { ...s, retries: s.retries + 1 },
        effects: [
          {
            type: 'reconnect',
            // A restarting server sends us elsewhere at once; a retry after that backs off.
            delayMs: e.code === SERVICE_RESTART && s.retries === 0 ? 0 : retryDelay(s.retries),
            announce: s.stage === 'room' || s.stage === 'lobby',
          },
        ],
      };
    }
  }
}

// ---------------------------------------------------------------- connection quality

export type Quality = 'good' | 'weak' | 'poor';

/** The first seconds of a connection ramp up their bandwidth estimate: they are not judged. */
export const RAMP_UP_MS = 6000;
/** Poor for this long while sending the camera: keep the sound, drop our video. */
export const FALLBACK_AFTER_MS = 10_000;

/** What one reading of a peer connection's statistics says (the worst over its streams). */
export type LinkReading = {
  /** The remote side's reported fraction of our packets lost (0–1). */
  fractionLost: number;
  /** Round-trip time in seconds. */
  rtt: number;
  /** The estimated outgoing bitrate (bit/s), Infinity when unknown. */
  bitrate: number;
  /** Packets lost and received on what we receive, counted since the connection began. */
  lost: number;
  received: number;
};

/** Packets lost and received at the previous reading, so each reading judges only what came since. */
export type LossCount = { lost: number; received: number };

/** Whether a connection is judged yet: connected, and past its ramp-up. */
export function judged(connected: boolean, connectedAt: number, now: number): boolean {
  return connected && now - connectedAt >= RAMP_UP_MS;
}

/**
 * A connection's quality from loss (both directions), round-trip time and, while we send
 * video, the bandwidth estimate; with the loss count to keep for the next reading.
 */
export function linkQuality(
  r: LinkReading,
  before: LossCount,
  sendingVideo: boolean,
): { quality: Quality; count: LossCount } {
  const newLost = r.lost - before.lost;
  const newReceived = r.received - before.received;
  const inboundLoss =
    newLost > 0 && newLost + newReceived > 0 ? newLost / (newLost + newReceived) : 0;
  const loss = Math.max(r.fractionLost, inboundLoss);
  const count = { lost: r.lost, received: r.received };
  if (loss >= 0.1 || r.rtt >= 0.5 || (sendingVideo && r.bitrate < 80_000))
    return { quality: 'poor', count };
  if (loss >= 0.03 || r.rtt >= 0.25 || (sendingVideo && r.bitrate < 200_000))
    return { quality: 'weak', count };
  return { quality: 'good', count };
}

/** The room's quality: the worst of its connections; ones not judged yet (null) count as good. */
export function worstQuality(qualities: readonly (Quality | null)[]): Quality {
  return qualities.includes('poor') ? 'poor' : qualities.includes('weak') ? 'weak' : 'good';
}

/**
 * Whether to fall back to audio: the room has been poor for FALLBACK_AFTER_MS while we send
 * the camera (a shared screen is kept: it is what the others need to see). `poorSince` is
 * the time it became poor, kept between readings; it starts afresh after a fallback.
 */
export function audioFallback(
  poorSince: number | null,
  quality: Quality,
  now: number,
  sendingCamera: boolean,
): { poorSince: number | null; fallBack: boolean } {
  const since = quality === 'poor' ? (poorSince ?? now) : null;
  if (since !== null && now - since >= FALLBACK_AFTER_MS && sendingCamera)
    return { poorSince: null, fallBack: true };
  return { poorSince: since, fallBack: false };
}

// ---------------------------------------------------------------- the mesh

/**
 * Brings the mesh in line with the room's people (on an admission or a return): close the
 * connections to people no longer there, open one to each newcomer, start afresh those that no
 * longer work (not connected, or mid-negotiation), keep the others. `connections` maps each
 * peer we have a connection to to whether it works.
 */
export function meshDiff(
  connections: ReadonlyMap<string, boolean>,
  people: readonly string[],
  me: string | null,
): { close: string[]; open: string[]; restart: string[]; keep: string[] } {
  const others = people.filter((id) => id !== me);
  const wanted = new Set(others);
  const result = {
    close: [...connections.keys()].filter((id) => !wanted.has(id)),
    open: [] as string[],
    restart: [] as string[],
    keep: [] as string[],
  };
  for (const id of new Set(others)) {
    const works = connections.get(id);
    if (works === undefined) result.open.push(id);
    else if (works) result.keep.push(id);
    else result.restart.push(id);
  }
  return result;
}

/** Perfect negotiation's roles: of two peers, the one with the greater id is polite (yields when both offer). */
export function isPolite(me: string, other: string): boolean {
  return me > other;
}

// ---------------------------------------------------------------- the active speaker (through Janus)

/** Who has the big tile, and who is about to take it over since when. */
export type SpeakerState = {
  readonly speaker: string | null;
  readonly candidate: string | null;
  readonly since: number;
};

export const noSpeaker: SpeakerState = { speaker: null, candidate: null, since: 0 };
/** The audio level (RFC 6464, linear 0–1, as getSynchronizationSources gives it) above which someone speaks: about −40 dBov. */
export const SPEECH_LEVEL = 0.01;
/** How much louder than the speaker someone must be to count as leading. */
export const LEAD_FACTOR = 1.5;
/** How long someone must lead before the big tile moves to them. */
export const TAKE_OVER_MS = 1500;

/**
 * The active speaker after a reading of everyone's audio level (by participant). The first
 * to speak in a quiet room takes the big tile at once; after that, someone else takes it only
 * after leading (speaking, and louder than the speaker by LEAD_FACTOR) for TAKE_OVER_MS
 * without a break, so a cough or two people talking over each other does not make it flap.
 * A speaker who falls silent keeps it; one who left loses it.
 */
export function nextSpeaker(
  s: SpeakerState,
  levels: ReadonlyMap<string, number>,
  now: number,
): SpeakerState {
  const speaker = s.speaker !== null && levels.has(s.speaker) ? s.speaker : null;
  let loudest: string | null = null;
  let top = SPEECH_LEVEL;
  // By id, so that of two equally loud the same one wins every time.
  for (const [id, level] of [...levels].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (level > top) {
      loudest = id;
      top = level;
    }
  if (loudest === null || loudest === speaker) return { speaker, candidate: null, since: 0 };
  if (speaker === null) return { speaker: loudest, candidate: null, since: 0 };
  const speakerLevel = levels.get(speaker) ?? 0;
  if (top < speakerLevel * LEAD_FACTOR) return { speaker, candidate: null, since: 0 };
  if (s.candidate !== loudest) return { speaker, candidate: loudest, since: now };
  if (now - s.since >= TAKE_OVER_MS) return { speaker: loudest, candidate: null, since: 0 };
  return { speaker, candidate: loudest, since: s.since };
}

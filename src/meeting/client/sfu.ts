// A room through Janus (decision 054), when the welcome says `media: 'sfu'`: one publishing
// connection (microphone, the camera in three simulcast layers, and a shared screen as a
// stream of its own) and one receiving connection carrying everyone else's streams. The
// browser never speaks Janus's API: offers, answers and ICE candidates go over the meeting
// socket (`sfu-*` messages), and the server makes the Janus requests. After a reconnect the
// server has a new Janus session for us, so both connections start afresh (no second lobby:
// the server puts an admitted participant straight back in the room, state.ts).
import type { MediaMode, ServerMessage, SfuStream } from '../protocol.ts';
import { announce, stage, t } from './dom.ts';
import { local } from './media.ts';
import { me, roster, rtcConfiguration, seenRemoteTracks } from './peers.ts';
import { send } from './socket.ts';
import { SCREEN_MAX_BITRATE, SIMULCAST_ENCODINGS, receivePlan, tilesByMid } from './sfu-layout.ts';
import {
  clearSfuTiles,
  ensureSfuTile,
  onViewChange,
  removeSfuTile,
  setSpeaker,
  setTileTracks,
  sfuTiles,
  tileViews,
  updateAllSfuTiles,
} from './sfu-tiles.ts';
import type { SpeakerState } from './state.ts';
import { nextSpeaker, noSpeaker } from './state.ts';

type Connection = 'publisher' | 'subscriber';
/** A connection as the quality hint judges it (stats.ts; a mesh peer is one too). */
export type JudgedLink = {
  pc: RTCPeerConnection;
  connectedAt: number;
  loss: { lost: number; received: number };
};
type Candidate = Extract<ServerMessage, { type: 'sfu-candidate' }>['candidate'];
type Offer = Extract<ServerMessage, { type: 'sfu-offer' }>;

let mode: MediaMode = 'mesh';

/** Mesh or Janus, as the latest welcome said. */
export function setMediaMode(next: MediaMode): void {
  mode = next;
  // The page's styles differ a little (the phone's controls bar).
  document.body.dataset.meetingMedia = next;
}

export function isSfu(): boolean {
  return mode === 'sfu';
}

/** The publishing connection and its senders; `screen` stays once made (inactive while not sharing). */
const pub = {
  pc: null as RTCPeerConnection | null,
  audio: null as RTCRtpSender | null,
  video: null as RTCRtpSender | null,
  screen: null as RTCRtpTransceiver | null,
  pending: [] as RTCIceCandidateInit[],
  link: null as JudgedLink | null,
};
/** The receiving connection, the streams of the server's latest offer, and offers applied one at a time. */
const sub = {
  pc: null as RTCPeerConnection | null,
  link: null as JudgedLink | null,
  streams: [] as SfuStream[],
  pending: [] as RTCIceCandidateInit[],
  queue: Promise.resolve(),
};
let receiveTimer: number | undefined;
let lastPlan = '';
let speakerTimer: number | undefined;
let speakerState: SpeakerState = noSpeaker;
/** Restarts of the receiving connection's ICE: at most one per this many milliseconds. */
const RESTART_EVERY_MS = 5000;
let lastRestart = 0;
let restartTimer: number | undefined;
/** Tries again after Janus failed us: the first pause, and the longest. */
const RETRY_FIRST_MS = 2000;
const RETRY_LAST_MS = 30_000;
let retryDelay = RETRY_FIRST_MS;
let retryTimer: number | undefined;

/** The camera we send: none in audio-only mode (the screen has its own stream). */
function cameraTrack(): MediaStreamTrack | null {
  return local.audioOnly ? null : local.camera;
}

/** A new connection's quality readings, kept beside it (pub.link, sub.link). */
function judge(pc: RTCPeerConnection): JudgedLink {
  const link: JudgedLink = { pc, connectedAt: 0, loss: { lost: 0, received: 0 } };
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected' && !link.connectedAt) link.connectedAt = Date.now();
  });
  return link;
}

/**
 * The connections through Janus for the quality hint (stats.ts), as it judges each of the
 * mesh's: loss and delay both ways on each; the bandwidth estimate only on the one we send on.
 */
export function sfuLinks(): { link: JudgedLink; sending: boolean }[] {
  const out: { link: JudgedLink; sending: boolean }[] = [];
  if (pub.link) out.push({ link: pub.link, sending: true });
  if (sub.link) out.push({ link: sub.link, sending: false });
  return out;
}

/** In the room (a first admission or a return): both connections afresh, and publishing at once. */
export function startSfu(): void {
  closeConnections();
  const pc = new RTCPeerConnection(rtcConfiguration());
  pub.pc = pc;
  pub.link = judge(pc);
  pub.audio = pc.addTransceiver(local.mic ?? 'audio', {
    direction: 'sendonly',
    streams: [local.stream],
  }).sender;
  pub.video = pc.addTransceiver(cameraTrack() ?? 'video', {
    direction: 'sendonly',
    streams: [local.stream],
    sendEncodings: SIMULCAST_ENCODINGS.map((e) => ({ ...e })),
  }).sender;
  if (local.screen) addScreen(pc, local.screen);
  pc.addEventListener('negotiationneeded', () => void publish(pc));
  pc.addEventListener('icecandidate', ({ candidate }) => {
    if (pub.pc === pc) sendCandidate('publisher', candidate);
  });
  pc.addEventListener('iceconnectionstatechange', () => {
    // A new path after a network change: an ICE restart renegotiates (negotiationneeded).
    if (pub.pc === pc && pc.iceConnectionState === 'failed') pc.restartIce();
  });
  window.clearInterval(speakerTimer);
  speakerTimer = window.setInterval(() => void readSpeaker(), 500);
}

function addScreen(pc: RTCPeerConnection, track: MediaStreamTrack): void {
  pub.screen = pc.addTransceiver(track, {
    direction: 'sendonly',
    streams: [new MediaStream([track])],
    sendEncodings: [{ maxBitrate: SCREEN_MAX_BITRATE }],
  });
}

/** Offers what we publish (first, or again after a change such as a screen share), marking the screen's mid. */
async function publish(pc: RTCPeerConnection): Promise<void> {
  if (pub.pc !== pc) return;
  try {
    await pc.setLocalDescription();
    const d = pc.localDescription;
    if (pub.pc !== pc || d?.type !== 'offer') return;
    const sharing = pub.screen !== null && pub.screen.direction === 'sendonly';
    send({
      type: 'sfu-publish',
      description: { type: 'offer', sdp: d.sdp },
      screenMid: sharing ? (pub.screen?.mid ?? null) : null,
    });
  } catch (err) {
    console.warn('meeting: publishing to the SFU failed', err);
  }
}

function sendCandidate(connection: Connection, candidate: RTCIceCandidate | null): void {
  if (!candidate?.candidate) {
    send({ type: 'sfu-candidate', connection, candidate: null });
    return;
  }
  const c = candidate.toJSON();
  send({
    type: 'sfu-candidate',
    connection,
    candidate: {
      candidate: c.candidate ?? '',
      sdpMid: c.sdpMid,
      sdpMLineIndex: c.sdpMLineIndex,
      usernameFragment: c.usernameFragment,
    },
  });
}

/** Janus's answer to our latest offer. */
export async function onSfuAnswer(description: { type: 'answer'; sdp: string }): Promise<void> {
  const pc = pub.pc;
  if (!pc || pc.signalingState !== 'have-local-offer') return;
  try {
    await pc.setRemoteDescription(description);
    await flush(pc, pub.pending);
    // Janus took us: said aloud after a failure, and a later failure starts the pauses afresh.
    if (retryDelay !== RETRY_FIRST_MS) announce(t('room.sfu_back'));
    retryDelay = RETRY_FIRST_MS;
  } catch (err) {
    console.warn('meeting: the SFU answer was refused', err);
  }
}

/** A trickled candidate of Janus's, for one of the two connections (kept until its description is set). */
export async function onSfuCandidate(connection: Connection, candidate: Candidate): Promise<void> {
  if (!candidate) return; // Janus finished gathering; nothing to do
  const side = connection === 'publisher' ? pub : sub;
  const pc = side.pc;
  if (!pc || !pc.remoteDescription) {
    side.pending.push(candidate);
    return;
  }
  await pc.addIceCandidate(candidate).catch((err: unknown) => {
    console.warn('meeting: an SFU ICE candidate was refused', err);
  });
}

async function flush(pc: RTCPeerConnection, pending: RTCIceCandidateInit[]): Promise<void> {
  for (const c of pending.splice(0)) await pc.addIceCandidate(c).catch(() => undefined); // of an older description
}

/** Everyone else's streams, offered again on every change: answered in order, one at a time. */
export function onSfuOffer(m: Offer): void {
  sub.queue = sub.queue
    .then(() => applyOffer(m))
    .catch((err: unknown) => console.warn('meeting: the SFU offer was refused', err));
}

async function applyOffer(m: Offer): Promise<void> {
  if (stage !== 'room' || !isSfu()) return;
  if (!sub.pc || sub.pc.connectionState === 'closed') {
    sub.pc = newSubscriber();
    sub.link = judge(sub.pc);
  }
  const pc = sub.pc;
  sub.streams = m.streams;
  await pc.setRemoteDescription(m.description);
  await flush(pc, sub.pending);
  await pc.setLocalDescription();
  const d = pc.localDescription;
  if (sub.pc !== pc || d?.type !== 'answer') return;
  send({ type: 'sfu-answer', description: { type: 'answer', sdp: d.sdp } });
  attachTracks();
  scheduleReceive(0);
}

function newSubscriber(): RTCPeerConnection {
  const pc = new RTCPeerConnection(rtcConfiguration());
  pc.addEventListener('icecandidate', ({ candidate }) => {
    if (sub.pc === pc) sendCandidate('subscriber', candidate);
  });
  pc.addEventListener('track', ({ track }) => {
    seenRemoteTracks.add(track.id);
    if (sub.pc === pc) attachTracks();
  });
  pc.addEventListener('iceconnectionstatechange', () => {
    if (sub.pc === pc && pc.iceConnectionState === 'failed') restartReceiving();
  });
  return pc;
}

/**
 * The receiving connection lost its path (a new network, a blip the socket survived): only Janus,
 * its offerer, can restart its ICE, so the server asks it to offer again with new credentials,
 * answered as any offer (onSfuOffer). Chromium says "failed" once per loss; a restart that fails
 * too says it again, so this repeats, never more often than a restart can take.
 */
export function restartReceiving(): void {
  if (!sub.pc || stage !== 'room' || !isSfu()) return;
  window.clearTimeout(restartTimer);
  const wait = lastRestart + RESTART_EVERY_MS - Date.now();
  if (wait > 0) {
    restartTimer = window.setTimeout(restartReceiving, wait);
    return;
  }
  if (send({ type: 'sfu-restart' })) lastRestart = Date.now();
}

/**
 * Puts each received track in its tile by the offer's `streams`; drops screen tiles no longer
 * shared. Only for people in the roster: an offer made just before someone left still names
 * them, and made their tile again after `peer-left` had removed it (a black tile for good, seen
 * in e2e/meeting-sfu under load). A tile made on `peer-joined` gets its tracks then.
 */
export function attachTracks(): void {
  const pc = sub.pc;
  if (!pc) return;
  const byMid = tilesByMid(sub.streams, me?.id ?? null);
  const wanted = new Map<string, MediaStreamTrack[]>();
  for (const x of pc.getTransceivers()) {
    const s = x.mid === null ? undefined : byMid.get(x.mid);
    if (!s || !roster.has(s.participant)) continue;
    if (x.currentDirection === 'inactive' || x.currentDirection === 'stopped') continue;
    const tracks = wanted.get(s.tile) ?? [];
    tracks.push(x.receiver.track);
    wanted.set(s.tile, tracks);
    ensureSfuTile(s.participant, s.screen);
  }
  for (const tile of Array.from(sfuTiles.values())) {
    if (tile.screen && !wanted.has(tile.key)) removeSfuTile(tile.key);
    else setTileTracks(tile, wanted.get(tile.key) ?? []);
  }
}

/** Asks the server for the layers the tiles need now (after a debounce: resizing fires often). */
function scheduleReceive(delayMs = 300): void {
  window.clearTimeout(receiveTimer);
  receiveTimer = window.setTimeout(sendReceivePlan, delayMs);
}

function sendReceivePlan(): void {
  if (!isSfu() || !sub.pc || stage !== 'room') return;
  const streams = receivePlan(
    sub.streams,
    me?.id ?? null,
    tileViews(),
    window.devicePixelRatio,
    local.audioOnly,
  );
  const plan = JSON.stringify(streams);
  if (plan === lastPlan || streams.length === 0) return;
  if (send({ type: 'sfu-receive', streams })) lastPlan = plan;
}

onViewChange(() => scheduleReceive());

/** Our microphone, camera and screen after any change to local media. */
export function sfuLocalChanged(): void {
  const pc = pub.pc;
  if (!pc || !isSfu()) return;
  const replace = (sender: RTCRtpSender | null, track: MediaStreamTrack | null) => {
    if (sender && sender.track !== track)
      void sender.replaceTrack(track).catch((err: unknown) => {
        console.warn('meeting: replaceTrack failed', err);
      });
  };
  replace(pub.audio, local.mic);
  replace(pub.video, cameraTrack());
  // The screen: a transceiver of its own, made on the first share; stopping makes it inactive. Either renegotiates.
  if (local.screen && !pub.screen) addScreen(pc, local.screen);
  else if (pub.screen) {
    replace(pub.screen.sender, local.screen);
    const direction = local.screen ? 'sendonly' : 'inactive';
    if (pub.screen.direction !== direction) pub.screen.direction = direction;
  }
}

/** Audio only turned on or off: no video asked for (or all of it again), and the tiles say so. */
export function sfuAudioOnlyChanged(): void {
  if (!isSfu()) return;
  updateAllSfuTiles();
  scheduleReceive(0);
}

/** Each half second: the others' audio levels choose the active speaker (state.ts). */
async function readSpeaker(): Promise<void> {
  const pc = sub.pc;
  if (!pc || stage !== 'room') return;
  const byMid = tilesByMid(sub.streams, me?.id ?? null);
  const levels = new Map<string, number>();
  for (const x of pc.getTransceivers()) {
    const s = x.mid === null ? undefined : byMid.get(x.mid);
    if (!s || s.kind !== 'audio') continue;
    const level = x.receiver.getSynchronizationSources()[0]?.audioLevel ?? 0;
    levels.set(s.participant, Math.max(levels.get(s.participant) ?? 0, level));
  }
  speakerState = nextSpeaker(speakerState, levels, Date.now());
  setSpeaker(speakerState.speaker);
}

/**
 * Janus cannot take our media (unreachable, or restarted and our session gone with it): the room
 * goes on (chat, minutes, folder), says so once, and tries again with fresh connections after 2 s,
 * then after twice as long each time up to 30 s, until Janus answers our publishing again. The
 * meeting socket stays: no second lobby, and the others come back the same way.
 */
export function onSfuUnavailable(): void {
  if (retryDelay === RETRY_FIRST_MS) announce(t('room.sfu_unavailable'));
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(() => {
    if (stage === 'room' && isSfu()) startSfu();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, RETRY_LAST_MS);
}

function closeConnections(): void {
  pub.pc?.close();
  sub.pc?.close();
  Object.assign(pub, { pc: null, audio: null, video: null, screen: null, pending: [], link: null });
  Object.assign(sub, {
    pc: null,
    link: null,
    streams: [],
    pending: [],
    queue: Promise.resolve(),
  });
  lastPlan = '';
  speakerState = noSpeaker;
  window.clearTimeout(receiveTimer);
  window.clearTimeout(restartTimer);
  window.clearInterval(speakerTimer);
}

/** Closes both connections and every tile (back to the lobby, or the end). */
export function closeSfu(): void {
  window.clearTimeout(retryTimer);
  retryDelay = RETRY_FIRST_MS;
  closeConnections();
  clearSfuTiles();
}

/** The connections, for the test hook's figures and the bench. */
export function sfuConnections(): {
  publisher: RTCPeerConnection | null;
  subscriber: RTCPeerConnection | null;
  streams: SfuStream[];
} {
  return { publisher: pub.pc, subscriber: sub.pc, streams: sub.streams };
}

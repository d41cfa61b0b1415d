// The WebRTC mesh: one connection to each other person in the room, with the MDN
// "perfect negotiation" pattern, ICE restart, and a video tile per person. Media goes
// browser to browser (or through TURN); the server only relays the signals.
import type { PeerInfo, ServerMessage } from '../protocol.ts';
import { button, el, errorName, stage, t } from './dom.ts';
import { local, outgoingVideo } from './media.ts';
import { send } from './socket.ts';
import { isPolite, meshDiff } from './state.ts';

type Kind = 'audio' | 'video';
type Welcome = Extract<ServerMessage, { type: 'welcome' }>;
type Signal = Extract<ServerMessage, { type: 'signal' }>;

/** One remote participant: their tile, and the peer connection to them (replaced when either side starts afresh). */
export type Peer = {
  id: string;
  polite: boolean;
  pc: RTCPeerConnection;
  makingOffer: boolean;
  ignoreOffer: boolean;
  senders: Partial<Record<Kind, RTCRtpSender>>;
  stream: MediaStream;
  tile: HTMLElement;
  video: HTMLVideoElement;
  iceTimer: number | undefined;
  connectedAt: number;
  loss: { lost: number; received: number };
};

/** Us, as the server's latest welcome named us. */
export let me: Welcome['you'] | null = null;
let rtcConfig: RTCConfiguration = { iceServers: [] };
/** Everyone in the room as the server last told us, including ourselves. */
export const roster = new Map<string, PeerInfo>();
export const peers = new Map<string, Peer>();
/** Every remote track ever received (the browser tests check that the lobby gets none). */
export const seenRemoteTracks = new Set<string>();

/** The connections' configuration from the latest welcome (the SFU's connections use it too). */
export function rtcConfiguration(): RTCConfiguration {
  return rtcConfig;
}

/** Takes who we are and the ICE servers (with fresh TURN credentials) from a welcome. */
export function useWelcome(m: Welcome): void {
  me = m.you;
  // iceTransportPolicy 'relay' forces TURN (firewalled offices, and the relay tests).
  // max-bundle: one transport for audio and video, so half the candidates to gather and signal.
  rtcConfig = {
    iceServers: m.iceServers,
    iceTransportPolicy: m.iceTransportPolicy ?? 'all',
    bundlePolicy: 'max-bundle',
  };
}

// ---------------------------------------------------------------- tiles

/** The remote tiles: the mesh's (here) or, through Janus, sfu-tiles.ts's. */
export const tiles = el('div', { class: 'meeting-tiles' });
const stageBox = el('div', { class: 'meeting-stage' });
/** Shown when the browser blocks sound that starts without a click; the click plays every tile. */
export const soundButton = button(
  t('room.enable_sound'),
  () => {
    soundButton.hidden = true;
    for (const video of Array.from(tiles.querySelectorAll('video'))) playVideo(video);
  },
  { hidden: true },
);

/** The video area of the room: the remote tiles and the self view. */
export function videoStage(self: HTMLElement): HTMLElement {
  stageBox.replaceChildren(
    tiles,
    self,
    el('p', { class: 'meeting-alone' }, t('room.waiting_for_others')),
  );
  layoutTiles();
  return stageBox;
}

/** A remote tile's markup, the mesh's and Janus's alike: the video, the camera-off cover, the name and state. */
export function tileFigure(attrs: Record<string, string>, video: HTMLVideoElement): HTMLElement {
  return el(
    'figure',
    attrs,
    video,
    el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }),
    el(
      'figcaption',
      {},
      el('span', { class: 'meeting-tile-name' }),
      ' ',
      el('span', { class: 'meeting-tile-state' }),
    ),
  );
}

// Remote tiles: one figure per peer with the video (which also plays the sound) and the name.
function tileFor(id: string): { tile: HTMLElement; video: HTMLVideoElement } {
  const video = el('video', { playsinline: true, autoplay: true });
  const tile = tileFigure({ class: 'meeting-tile', 'data-peer': id }, video);
  tiles.append(tile);
  layoutTiles();
  return { tile, video };
}

/** The grid adapts to the number of remote tiles; alone, the self view is large. */
export function layoutTiles(): void {
  tiles.dataset.count = String(tiles.children.length);
  stageBox.dataset.alone = String(tiles.children.length === 0);
}

/** Shows a peer's name, camera and sound state, and how their connection is doing, on their tile. */
export function updateTile(id: string): void {
  const peer = peers.get(id);
  const info = roster.get(id);
  if (!peer) return;
  const name = info?.name ?? '…';
  const videoOn = (info ? info.video || info.screen : true) && !local.audioOnly;
  peer.tile.classList.toggle('is-video-off', !videoOn);
  peer.tile.classList.toggle('is-screen', info?.screen ?? false);
  const placeholder = peer.tile.querySelector('.meeting-video-off');
  if (placeholder) placeholder.textContent = initials(name);
  const nameNode = peer.tile.querySelector('.meeting-tile-name');
  if (nameNode) nameNode.textContent = name;
  const connection = peer.pc.connectionState;
  const parts = [
    info && !info.audio ? t('room.state_muted') : '',
    info?.screen ? t('room.state_sharing') : '',
    connection === 'new' || connection === 'connecting' ? t('room.peer_connecting') : '',
    connection === 'disconnected' || connection === 'failed' ? t('room.peer_reconnecting') : '',
  ];
  const state = peer.tile.querySelector('.meeting-tile-state');
  if (state) state.textContent = parts.filter(Boolean).join(' · ');
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

function playRemote(peer: Peer): void {
  playVideo(peer.video);
}

/** Plays a remote tile's video and sound; browsers may block sound that starts without a click, then a button offers it. */
export function playVideo(video: HTMLVideoElement): void {
  void video.play().catch((err: unknown) => {
    if (stage === 'room' && errorName(err) === 'NotAllowedError') soundButton.hidden = false;
  });
}

// ---------------------------------------------------------------- the mesh (perfect negotiation)

const POLITE_FIRST_OFFER_DELAY_MS = 1500;

/** The peer for someone in the room, connecting to them if there is no working connection. */
export function ensurePeer(id: string): Peer {
  const existing = peers.get(id);
  if (existing) {
    // Someone (re)joined: keep a connection that still works, else start afresh.
    if (existing.pc.connectionState !== 'connected') connectPeer(existing);
    updateTile(id);
    return existing;
  }
  const { tile, video } = tileFor(id);
  const stream = new MediaStream();
  video.srcObject = stream;
  // The polite side yields when both offer at once (perfect negotiation); pc comes from connectPeer.
  const peer = {
    id,
    polite: isPolite(me?.id ?? '', id),
    stream,
    tile,
    video,
    iceTimer: undefined,
  } as Peer;
  peers.set(id, peer);
  connectPeer(peer);
  updateTile(id);
  return peer;
}

/** Gives a peer a new RTCPeerConnection (closing any old one); handlers ignore events of a replaced connection. */
function connectPeer(peer: Peer): void {
  peer.pc?.close(); // undefined for a new peer
  window.clearTimeout(peer.iceTimer);
  const pc = new RTCPeerConnection(rtcConfig);
  Object.assign(peer, {
    pc,
    makingOffer: false,
    ignoreOffer: false,
    senders: {},
    connectedAt: 0,
    loss: { lost: 0, received: 0 },
  });
  for (const track of peer.stream.getTracks()) peer.stream.removeTrack(track);
  const audio = local.mic;
  const video = outgoingVideo();
  if (audio) peer.senders.audio = pc.addTrack(audio, local.stream);
  if (video) peer.senders.video = pc.addTrack(video, local.stream);
  // With nothing to send we still ask to receive, so this side offers too (a fresh
  // connection must always offer, or the other side never learns it started afresh).
  if (!audio && !video) {
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.addTransceiver('video', { direction: 'recvonly' });
  }
  if (local.audioOnly) applyReceivePolicy(peer);
  pc.addEventListener('negotiationneeded', () => {
    // When someone joins, both sides add tracks at once and would both offer; the polite
    // side then rolls back mid-gathering, after which Chromium reports no more candidates
    // and ICE never starts. So a fresh polite connection waits for the other side's offer,
    // and offers itself only if none comes (the other side kept its connection while we reloaded).
    if (peer.polite && !pc.remoteDescription) {
      window.setTimeout(() => {
        if (peer.pc === pc && !pc.remoteDescription && pc.signalingState === 'stable')
          void negotiate(peer, pc);
      }, POLITE_FIRST_OFFER_DELAY_MS);
      return;
    }
    void negotiate(peer, pc);
  });
  pc.addEventListener('icecandidate', ({ candidate }) => {
    if (peer.pc !== pc || !candidate?.candidate) return;
    const c = candidate.toJSON();
    send({
      type: 'signal',
      to: peer.id,
      candidate: {
        candidate: c.candidate ?? '',
        sdpMid: c.sdpMid,
        sdpMLineIndex: c.sdpMLineIndex,
        usernameFragment: c.usernameFragment,
      },
    });
  });
  pc.addEventListener('track', ({ track }) => {
    if (peer.pc !== pc) return;
    seenRemoteTracks.add(track.id);
    showRemoteTrack(peer, track);
    // A track that was replaced on the other side starts again with "unmute".
    track.addEventListener('unmute', () => {
      if (peer.pc === pc) showRemoteTrack(peer, track);
    });
    if (track.kind === 'video' && local.audioOnly) applyReceivePolicy(peer);
  });
  pc.addEventListener('iceconnectionstatechange', () => watchIce(peer, pc));
  pc.addEventListener('connectionstatechange', () => {
    if (peer.pc !== pc) return;
    if (pc.connectionState === 'connected' && !peer.connectedAt) peer.connectedAt = Date.now();
    updateTile(peer.id);
  });
}

function showRemoteTrack(peer: Peer, track: MediaStreamTrack): void {
  // One track per kind in the tile: the newest one that carries media.
  for (const old of peer.stream.getTracks())
    if (old.kind === track.kind && old !== track) peer.stream.removeTrack(old);
  if (!peer.stream.getTracks().includes(track)) peer.stream.addTrack(track);
  peer.video.srcObject = peer.stream;
  playRemote(peer);
}

async function negotiate(peer: Peer, pc: RTCPeerConnection): Promise<void> {
  if (peer.pc !== pc) return;
  try {
    peer.makingOffer = true;
    await pc.setLocalDescription();
    sendDescription(peer, pc);
  } catch (err) {
    console.warn('meeting: making an offer failed', err);
  } finally {
    if (peer.pc === pc) peer.makingOffer = false;
  }
}

function sendDescription(peer: Peer, pc: RTCPeerConnection): void {
  const d = pc.localDescription;
  if (peer.pc !== pc || !d || (d.type !== 'offer' && d.type !== 'answer')) return;
  send({ type: 'signal', to: peer.id, description: { type: d.type, sdp: d.sdp } });
}

function fingerprint(sdp: string | undefined): string | null {
  return sdp ? (/^a=fingerprint:(.+)$/m.exec(sdp)?.[1]?.trim() ?? null) : null;
}

/** An offer, answer or ICE candidate from someone in the room. */
export async function onSignal(m: Signal): Promise<void> {
  if (stage !== 'room' || m.from === me?.id) return;
  const known = peers.get(m.from);
  if (!known && m.description?.type !== 'offer') return;
  const peer = known ?? ensurePeer(m.from);
  if (m.description) return onDescription(peer, m.description);
  if (!m.candidate) return;
  const pc = peer.pc;
  try {
    await pc.addIceCandidate(m.candidate);
  } catch (err) {
    // Candidates of an offer we ignored, or of a connection the other side has replaced.
    if (!peer.ignoreOffer && peer.pc === pc)
      console.warn('meeting: an ICE candidate was refused', err);
  }
}

/** The MDN "perfect negotiation" pattern, plus: a description with a new DTLS fingerprint means the other side started afresh. */
async function onDescription(
  peer: Peer,
  description: { type: 'offer' | 'answer'; sdp: string },
): Promise<void> {
  const current = peer.pc.currentRemoteDescription ?? peer.pc.remoteDescription;
  if (current && fingerprint(current.sdp) !== fingerprint(description.sdp)) {
    connectPeer(peer);
    // Our fresh connection offers by itself; an answer from the old session means nothing to it.
    if (description.type === 'answer') return;
  }
  const pc = peer.pc;
  const collision =
    description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
  peer.ignoreOffer = !peer.polite && collision;
  if (peer.ignoreOffer) return;
  try {
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      sendDescription(peer, pc);
    }
  } catch (err) {
    console.warn('meeting: applying a description failed', err);
  }
}

/** ICE restart when the path fails, or stays disconnected for 3 s (a network change, Wi-Fi to mobile). */
function watchIce(peer: Peer, pc: RTCPeerConnection): void {
  if (peer.pc !== pc) return;
  window.clearTimeout(peer.iceTimer);
  if (pc.iceConnectionState === 'failed') pc.restartIce();
  else if (pc.iceConnectionState === 'disconnected') {
    peer.iceTimer = window.setTimeout(() => {
      if (peer.pc === pc && pc.iceConnectionState === 'disconnected') pc.restartIce();
    }, 3000);
  }
  updateTile(peer.id);
}

/** Sends a track of a kind to a peer: swaps it on the existing sender, or adds one (and renegotiates). */
function setOutgoing(peer: Peer, kind: Kind, track: MediaStreamTrack | null): void {
  const sender = peer.senders[kind];
  if (sender) {
    if (sender.track !== track)
      void sender
        .replaceTrack(track)
        .catch((err: unknown) => console.warn('meeting: replaceTrack failed', err));
    return;
  }
  if (!track) return;
  // A transceiver the other side opened for this kind, not sending yet: use it rather than add another m-line.
  const idle = peer.pc
    .getTransceivers()
    .find(
      (x) => x.receiver.track.kind === kind && x.currentDirection !== 'stopped' && !x.sender.track,
    );
  if (idle) {
    if (idle.direction === 'recvonly') idle.direction = 'sendrecv';
    else if (idle.direction === 'inactive') idle.direction = 'sendonly';
    void idle.sender.replaceTrack(track);
    peer.senders[kind] = idle.sender;
  } else peer.senders[kind] = peer.pc.addTrack(track, local.stream);
}

/** Audio only also stops receiving video (saves mobile data): video transceivers drop "recv" and renegotiate. */
export function applyReceivePolicy(only?: Peer): void {
  for (const peer of only ? [only] : peers.values()) {
    for (const x of peer.pc.getTransceivers()) {
      if (x.receiver.track.kind !== 'video' || x.currentDirection === 'stopped') continue;
      const sends = x.direction === 'sendrecv' || x.direction === 'sendonly';
      const next = local.audioOnly
        ? sends
          ? 'sendonly'
          : 'inactive'
        : sends
          ? 'sendrecv'
          : 'recvonly';
      if (x.direction !== next) x.direction = next;
    }
  }
}

/** Closes the connection to someone who left, and removes their tile. */
export function closePeer(id: string): void {
  const peer = peers.get(id);
  if (!peer) return;
  window.clearTimeout(peer.iceTimer);
  peer.pc.close();
  peer.tile.remove();
  peers.delete(id);
  layoutTiles();
}

/** Closes every connection (back to the lobby, or the end). */
export function closeAllPeers(): void {
  for (const id of Array.from(peers.keys())) closePeer(id);
}

/** Brings the mesh in line with the room's people, as the server sent them on (re)admission. */
export function syncMesh(people: PeerInfo[]): void {
  // After a reconnect: keep connections that still carry media, start the others afresh.
  const working = new Map(
    Array.from(peers.values(), (p) => [
      p.id,
      p.pc.connectionState === 'connected' && p.pc.signalingState === 'stable',
    ]),
  );
  const diff = meshDiff(
    working,
    people.map((p) => p.id),
    me?.id ?? null,
  );
  for (const id of diff.close) closePeer(id);
  for (const id of diff.open) ensurePeer(id);
  for (const id of diff.restart) connectPeer(peers.get(id)!);
  for (const id of diff.keep) refreshIceServers(peers.get(id)!.pc);
  for (const p of people) if (p.id !== me?.id) updateTile(p.id);
}

/** Fresh TURN credentials from the new welcome for a connection we keep. */
function refreshIceServers(pc: RTCPeerConnection): void {
  try {
    pc.setConfiguration(rtcConfig);
  } catch (err) {
    console.warn('meeting: keeping the old ICE servers', err);
  }
}

/** Our current microphone and video to every peer (after any change to local media). */
export function sendLocalTracks(): void {
  const video = outgoingVideo();
  for (const peer of peers.values()) {
    setOutgoing(peer, 'audio', local.mic);
    setOutgoing(peer, 'video', video);
  }
}

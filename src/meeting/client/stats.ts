// Reading the peer connections' statistics: the connection quality hint (state.ts judges it,
// room-ui.ts shows it and falls back to audio) and the figures the browser tests read through the test hook.
import type { Peer } from './peers.ts';
import { outgoingVideo } from './media.ts';
import { me, peers } from './peers.ts';
import { isSfu, sfuConnections, sfuLinks, type JudgedLink } from './sfu.ts';
import { tilesByMid } from './sfu-layout.ts';
import { sfuTiles } from './sfu-tiles.ts';
import type { Quality } from './state.ts';
import { judged, linkQuality, worstQuality } from './state.ts';

type StatsEntry = { id: string; type: string; [field: string]: unknown };
type PeerStats = {
  framesDecoded: number;
  bytesReceived: number;
  candidateType: string | null;
  connectionState: RTCPeerConnectionState;
};

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function entries(report: RTCStatsReport): StatsEntry[] {
  const list: StatsEntry[] = [];
  report.forEach((s: StatsEntry) => list.push(s));
  return list;
}

/**
 * One connection's quality (state.ts judges it), or null while it is not judged yet. `sending`:
 * whether we send on it, so its bandwidth estimate counts when we send video.
 */
async function measure(peer: JudgedLink, sending: boolean): Promise<Quality | null> {
  if (!judged(peer.pc.connectionState === 'connected', peer.connectedAt, Date.now())) return null;
  const reading = { fractionLost: 0, rtt: 0, bitrate: Infinity, lost: 0, received: 0 };
  for (const s of entries(await peer.pc.getStats())) {
    if (s.type === 'remote-inbound-rtp') {
      reading.fractionLost = Math.max(reading.fractionLost, num(s.fractionLost));
      reading.rtt = Math.max(reading.rtt, num(s.roundTripTime));
    } else if (s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded') {
      reading.rtt = Math.max(reading.rtt, num(s.currentRoundTripTime));
      if (typeof s.availableOutgoingBitrate === 'number')
        reading.bitrate = Math.min(reading.bitrate, s.availableOutgoingBitrate);
    } else if (s.type === 'inbound-rtp') {
      reading.lost += num(s.packetsLost);
      reading.received += num(s.packetsReceived);
    }
  }
  const { quality, count } = linkQuality(reading, peer.loss, sending && outgoingVideo() !== null);
  peer.loss = count;
  return quality;
}

/**
 * The worst quality over every connection in the room, the mesh's or Janus's two (connections
 * still ramping up are not judged).
 */
export async function roomQuality(): Promise<Quality> {
  const links = isSfu()
    ? sfuLinks()
    : Array.from(peers.values(), (link) => ({ link, sending: true }));
  const results = await Promise.all(links.map((l) => measure(l.link, l.sending).catch(() => null)));
  return worstQuality(results);
}

/** What the browser tests read: per peer, decoded frames, bytes and the selected candidate type. */
async function peerStats(peer: Peer): Promise<PeerStats> {
  const list = entries(await peer.pc.getStats());
  const byId = new Map(list.map((s) => [s.id, s]));
  let framesDecoded = 0;
  let bytesReceived = 0;
  let pairId: string | null = null;
  for (const s of list) {
    if (s.type === 'inbound-rtp') {
      framesDecoded += num(s.framesDecoded);
      bytesReceived += num(s.bytesReceived);
    } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string')
      pairId = s.selectedCandidatePairId;
  }
  // Firefox has no transport.selectedCandidatePairId; it flags the pair itself.
  const pair =
    (pairId ? byId.get(pairId) : undefined) ??
    list.find(
      (s) =>
        s.type === 'candidate-pair' &&
        (s.selected === true || (s.nominated === true && s.state === 'succeeded')),
    );
  const candidate =
    typeof pair?.localCandidateId === 'string' ? byId.get(pair.localCandidateId) : undefined;
  return {
    framesDecoded,
    bytesReceived,
    candidateType: typeof candidate?.candidateType === 'string' ? candidate.candidateType : null,
    connectionState: peer.pc.connectionState,
  };
}

/** The test hook's stats(): each peer's figures, by peer id. */
export async function statsByPeer(): Promise<Record<string, PeerStats>> {
  const result: Record<string, PeerStats> = {};
  for (const peer of peers.values()) result[peer.id] = await peerStats(peer);
  return result;
}

/**
 * Through Janus, the test hook's stats(): per tile (a participant's camera, or `id:screen`),
 * the received video's decoded frames and bytes, by the mids of the server's `streams`; a
 * participant whose video has not come yet counts with zeros.
 */
export async function sfuStatsByTile(): Promise<Record<string, PeerStats>> {
  const { subscriber, streams } = sfuConnections();
  const result: Record<string, PeerStats> = {};
  for (const tile of sfuTiles.values())
    result[tile.key] = {
      framesDecoded: 0,
      bytesReceived: 0,
      candidateType: null,
      connectionState: subscriber?.connectionState ?? 'new',
    };
  if (!subscriber) return result;
  const byMid = tilesByMid(streams, me?.id ?? null);
  const list = entries(await subscriber.getStats());
  for (const s of list) {
    if (s.type !== 'inbound-rtp' || s.kind !== 'video' || typeof s.mid !== 'string') continue;
    const tile = byMid.get(s.mid)?.tile;
    const entry = tile === undefined ? undefined : result[tile];
    if (!entry) continue;
    entry.framesDecoded += num(s.framesDecoded);
    entry.bytesReceived += num(s.bytesReceived);
  }
  return result;
}

/** Through Janus, the bytes of video we have sent (camera and screen), for the test hook. */
export async function sfuSentVideoBytes(): Promise<number> {
  const { publisher } = sfuConnections();
  if (!publisher) return 0;
  let bytes = 0;
  for (const s of entries(await publisher.getStats()))
    if (s.type === 'outbound-rtp' && s.kind === 'video') bytes += num(s.bytesSent);
  return bytes;
}

// Reading the peer connections' statistics: the connection quality hint (room-ui.ts shows
// it and falls back to audio) and the figures the browser tests read through the test hook.
import type { Peer } from './peers.ts';
import { outgoingVideo } from './media.ts';
import { peers } from './peers.ts';

export type Quality = 'good' | 'weak' | 'poor';
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

/** One peer's quality from loss (both directions), round-trip time and the bandwidth estimate. */
async function measure(peer: Peer): Promise<Quality | null> {
  // The first seconds of a connection ramp up their bandwidth estimate: do not judge them.
  if (peer.pc.connectionState !== 'connected' || Date.now() - peer.connectedAt < 6000) return null;
  let fractionLost = 0;
  let rtt = 0;
  let bitrate = Infinity;
  let lost = 0;
  let received = 0;
  for (const s of entries(await peer.pc.getStats())) {
    if (s.type === 'remote-inbound-rtp') {
      fractionLost = Math.max(fractionLost, num(s.fractionLost));
      rtt = Math.max(rtt, num(s.roundTripTime));
    } else if (s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded') {
      rtt = Math.max(rtt, num(s.currentRoundTripTime));
      if (typeof s.availableOutgoingBitrate === 'number')
        bitrate = Math.min(bitrate, s.availableOutgoingBitrate);
    } else if (s.type === 'inbound-rtp') {
      lost += num(s.packetsLost);
      received += num(s.packetsReceived);
    }
  }
  const newLost = lost - peer.loss.lost;
  const newReceived = received - peer.loss.received;
  peer.loss = { lost, received };
  const inboundLoss =
    newLost > 0 && newLost + newReceived > 0 ? newLost / (newLost + newReceived) : 0;
  const loss = Math.max(fractionLost, inboundLoss);
  const sendingVideo = outgoingVideo() !== null;
  if (loss >= 0.1 || rtt >= 0.5 || (sendingVideo && bitrate < 80_000)) return 'poor';
  if (loss >= 0.03 || rtt >= 0.25 || (sendingVideo && bitrate < 200_000)) return 'weak';
  return 'good';
}

/** The worst quality over every connection in the room (connections still ramping up are not judged). */
export async function worstQuality(): Promise<Quality> {
  const results = await Promise.all(
    Array.from(peers.values(), (p) => measure(p).catch(() => null)),
  );
  return results.includes('poor') ? 'poor' : results.includes('weak') ? 'weak' : 'good';
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

// A bare client of the meeting socket's sfu-* messages, run in a page by hand (no UI): it
// publishes the fake camera with three simulcast layers, answers every sfu-offer, trickles
// both ways and counts decoded frames. It proves the server's relay apart from the real client.
import type { Page } from 'playwright-core';

/** What the page client reports. */
export type SfuProbe = {
  state: string;
  types: string[];
  streams: { mid: string; participant: string; kind: string; screen: boolean }[];
  framesDecoded: number;
  you: string;
};

/** Opens the meeting socket at `wsPath` in the page and starts publishing once admitted. */
export async function startSfuProbe(page: Page, wsPath: string): Promise<void> {
  await page.evaluate(async (path) => {
    type Msg = Record<string, unknown> & { type: string };
    const probe = { state: 'connecting', types: [] as string[], streams: [], you: '' } as {
      state: string;
      types: string[];
      streams: unknown[];
      you: string;
    };
    const ws = new WebSocket(new URL(path, location.href.replace(/^http/, 'ws')));
    const send = (m: object) => ws.send(JSON.stringify(m));
    let pub: RTCPeerConnection | undefined;
    let sub: RTCPeerConnection | undefined;
    const candidates = (pc: RTCPeerConnection, connection: string) => {
      pc.onicecandidate = (e) =>
        send({ type: 'sfu-candidate', connection, candidate: e.candidate?.toJSON() ?? null });
    };
    async function publish() {
      const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      pub = new RTCPeerConnection({ iceServers: [] });
      candidates(pub, 'publisher');
      pub.addTransceiver(media.getAudioTracks()[0]!, { direction: 'sendonly' });
      pub.addTransceiver(media.getVideoTracks()[0]!, {
        direction: 'sendonly',
        sendEncodings: [
          { rid: 'l', scaleResolutionDownBy: 4, maxBitrate: 100_000 },
          { rid: 'm', scaleResolutionDownBy: 2, maxBitrate: 300_000 },
          { rid: 'h', maxBitrate: 900_000 },
        ],
      });
      await pub.setLocalDescription(await pub.createOffer());
      send({ type: 'sfu-publish', description: pub.localDescription!.toJSON(), screenMid: null });
    }
    ws.onmessage = async (event) => {
      const m = JSON.parse(String(event.data)) as Msg;
      probe.types.push(m.type);
      if (m.type === 'welcome') {
        probe.you = (m.you as { id: string }).id;
        probe.state = String(m.state);
      }
      if (m.type === 'room') {
        probe.state = 'admitted';
        await publish();
      }
      if (m.type === 'sfu-answer') await pub!.setRemoteDescription(m.description as never);
      if (m.type === 'sfu-offer') {
        probe.streams = m.streams as unknown[];
        if (!sub) {
          sub = new RTCPeerConnection({ iceServers: [] });
          candidates(sub, 'subscriber');
        }
        await sub.setRemoteDescription(m.description as never);
        await sub.setLocalDescription(await sub.createAnswer());
        send({ type: 'sfu-answer', description: sub.localDescription!.toJSON() });
      }
      if (m.type === 'sfu-candidate') {
        const pc = m.connection === 'publisher' ? pub : sub;
        await pc?.addIceCandidate((m.candidate as RTCIceCandidateInit | null) ?? undefined);
      }
      if (m.type === 'removed' || m.type === 'ended') probe.state = m.type;
    };
    const w = window as unknown as Record<string, unknown>;
    w.sfuProbe = probe;
    w.sfuFrames = async () => {
      if (!sub) return 0;
      let n = 0;
      (await sub.getStats()).forEach(
        (r: { type: string; kind?: string; framesDecoded?: number }) => {
          if (r.type === 'inbound-rtp' && r.kind === 'video') n += r.framesDecoded ?? 0;
        },
      );
      return n;
    };
    w.sfuSend = send;
  }, wsPath);
}

/** The page client's state and frames decoded so far. */
export async function readProbe(page: Page): Promise<SfuProbe> {
  return page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const probe = w.sfuProbe as Omit<SfuProbe, 'framesDecoded'>;
    const framesDecoded = await (w.sfuFrames as () => Promise<number>)();
    return { ...probe, framesDecoded };
  });
}

/** Waits until `check` holds for the page client's state. */
export async function waitForProbe(
  page: Page,
  check: (p: SfuProbe) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<SfuProbe> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await readProbe(page);
    if (check(p)) return p;
    if (Date.now() > end)
      throw new Error(`${what}: not within ${timeoutMs} ms; ${JSON.stringify(p)}`);
    await page.waitForTimeout(200);
  }
}

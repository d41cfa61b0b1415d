// The rules of a room through Janus (decision 054), without the DOM: the simulcast layers we
// send, which layer a tile of a given size needs, which tile each received stream belongs to,
// what to ask the server to send (`sfu-receive`), and the order of the tiles. sfu.ts and
// sfu-tiles.ts carry them out; node:test runs them (sfu-layout.test.ts).
import type { ClientMessage, PeerInfo, SfuStream } from '../protocol.ts';

/**
 * The camera's three simulcast layers, in the order Janus expects by default ("hml": the
 * first rid is the highest). A camera sends 640×480 unless asked for more (media.ts asks for
 * nothing), so the layers are 640, 320 and 160 pixels wide; the bitrates are what VP8 needs for
 * a face at each size at up to 30 fps.
 */
export const SIMULCAST_ENCODINGS: readonly RTCRtpEncodingParameters[] = [
  { rid: 'h', active: true, maxBitrate: 700_000 },
  { rid: 'm', active: true, maxBitrate: 250_000, scaleResolutionDownBy: 2 },
  { rid: 'l', active: true, maxBitrate: 80_000, scaleResolutionDownBy: 4 },
];
/** A shared screen is one layer: text must stay sharp, and it changes slowly. */
export const SCREEN_MAX_BITRATE = 1_200_000;

export type Layer = 0 | 1 | 2;
/** The width in device pixels of each layer (0 lowest), for a 640-pixel camera. */
export const LAYER_WIDTHS = [160, 320, 640] as const;
/** A layer still looks sharp stretched by up to a quarter. */
const STRETCH = 1.25;

/**
 * The lowest layer that fills a tile: its width in CSS pixels times the device pixel ratio,
 * against each layer's width stretched by a quarter (160 → up to 200, 320 → up to 400).
 */
export function layerFor(cssWidth: number, devicePixelRatio: number): Layer {
  const needed = cssWidth * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  if (needed <= LAYER_WIDTHS[0] * STRETCH) return 0;
  if (needed <= LAYER_WIDTHS[1] * STRETCH) return 1;
  return 2;
}

/** A tile's key: the participant's id for their camera and sound, `id:screen` for their shared screen. */
export function tileKey(participant: string, screen: boolean): string {
  return screen ? `${participant}:screen` : participant;
}

/** Which tile each received mid belongs to (the server's `streams` of its latest `sfu-offer`). */
export function tilesByMid(
  streams: readonly SfuStream[],
  me: string | null,
): Map<string, { tile: string; participant: string; kind: 'audio' | 'video'; screen: boolean }> {
  const byMid = new Map<
    string,
    { tile: string; participant: string; kind: 'audio' | 'video'; screen: boolean }
  >();
  for (const s of streams) {
    // Our own streams never come back to us; a server that sent one would show us our echo.
    if (s.participant === me) continue;
    byMid.set(s.mid, {
      tile: tileKey(s.participant, s.screen && s.kind === 'video'),
      participant: s.participant,
      kind: s.kind,
      screen: s.screen && s.kind === 'video',
    });
  }
  return byMid;
}

/** How a tile is shown now: in sight or not, and its width in CSS pixels. */
export type TileView = { visible: boolean; width: number };
type ReceiveStreams = Extract<ClientMessage, { type: 'sfu-receive' }>['streams'];

/**
 * What to ask the server for: per received video mid, whether to send it and in which layer.
 * No video in audio-only mode, nor for a tile out of sight or not laid out (width 0); a
 * shared screen always in the highest layer (it is one layer anyway). Sorted by mid, so two
 * plans compare as strings.
 */
export function receivePlan(
  streams: readonly SfuStream[],
  me: string | null,
  views: ReadonlyMap<string, TileView>,
  devicePixelRatio: number,
  audioOnly: boolean,
): ReceiveStreams {
  const plan: ReceiveStreams = [];
  for (const [mid, s] of tilesByMid(streams, me)) {
    if (s.kind !== 'video') continue;
    const view = views.get(s.tile);
    const shown = !audioOnly && view !== undefined && view.visible && view.width > 0;
    if (!shown) plan.push({ mid, video: false });
    else
      plan.push({
        mid,
        video: true,
        substream: s.screen ? 2 : layerFor(view.width, devicePixelRatio),
      });
  }
  return plan.sort((a, b) => (a.mid < b.mid ? -1 : a.mid > b.mid ? 1 : 0));
}

/** A tile in the layout: who, whether it is a shared screen, and whether it gets more room. */
export type Placed = { key: string; participant: string; screen: boolean; large: boolean };

/**
 * The order of the tiles: shared screens first, each large (what everyone needs to see), then
 * the active speaker, large while nobody shares a screen, then the others in the room's order
 * (who came first). `people` is the roster without us; `screens` who shares a screen.
 */
export function layoutOrder(
  people: readonly Pick<PeerInfo, 'id'>[],
  screens: readonly string[],
  speaker: string | null,
): Placed[] {
  const present = new Set(people.map((p) => p.id));
  const shared = screens.filter((id) => present.has(id));
  const placed: Placed[] = shared.map((id) => ({
    key: tileKey(id, true),
    participant: id,
    screen: true,
    large: true,
  }));
  const speaking = speaker !== null && present.has(speaker) ? speaker : null;
  if (speaking)
    placed.push({
      key: speaking,
      participant: speaking,
      screen: false,
      large: shared.length === 0,
    });
  for (const p of people)
    if (p.id !== speaking)
      placed.push({ key: p.id, participant: p.id, screen: false, large: false });
  return placed;
}

// The tiles of a room through Janus (decision 054): one per participant (camera and sound),
// one more per shared screen, laid out by sfu-layout.ts's order with the active speaker and
// shared screens larger. Each tile's size and whether it is in sight are watched, so sfu.ts
// asks the server for the layer each one needs, or for no video at all.
import type { PeerInfo } from '../protocol.ts';
import { announce, el, t } from './dom.ts';
import { local } from './media.ts';
import { initials, layoutTiles, me, playVideo, roster, tileFigure, tiles } from './peers.ts';
import type { TileView } from './sfu-layout.ts';
import { layoutOrder, tileKey } from './sfu-layout.ts';

export type SfuTile = {
  key: string;
  participant: string;
  screen: boolean;
  tile: HTMLElement;
  video: HTMLVideoElement;
  stream: MediaStream;
  view: TileView;
};

export const sfuTiles = new Map<string, SfuTile>();
/** The active speaker (state.ts's nextSpeaker), whose tile gets more room. */
let speaker: string | null = null;
let viewChanged: () => void = () => undefined;

/** What else follows a tile's change of size or sight: sfu.ts asks for other layers. */
export function onViewChange(then: () => void): void {
  viewChanged = then;
}

const resize =
  'ResizeObserver' in window
    ? new ResizeObserver((entries) => {
        for (const entry of entries) {
          const tile = byElement(entry.target);
          if (tile) tile.view = { ...tile.view, width: entry.contentRect.width };
        }
        viewChanged();
      })
    : null;
const sight =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const tile = byElement(entry.target);
            if (tile) tile.view = { ...tile.view, visible: entry.isIntersecting };
          }
          viewChanged();
        },
        // In sight: within a screen's height of the viewport, so a tile scrolled to has its video already.
        { rootMargin: '100% 0px' },
      )
    : null;

function byElement(node: Element): SfuTile | undefined {
  const key = (node as HTMLElement).dataset.tile;
  return key === undefined ? undefined : sfuTiles.get(key);
}

/** How each tile is shown now (for the receive plan). */
export function tileViews(): Map<string, TileView> {
  return new Map(Array.from(sfuTiles.values(), (x) => [x.key, x.view]));
}

/** The tile for a participant's camera or shared screen, made if there is none. */
export function ensureSfuTile(participant: string, screen: boolean): SfuTile {
  const key = tileKey(participant, screen);
  const existing = sfuTiles.get(key);
  if (existing) return existing;
  const video = el('video', { playsinline: true, autoplay: true });
  // A shared screen carries no sound (the person's own tile plays it): muted, so it may start without a click.
  if (screen) video.muted = true;
  const stream = new MediaStream();
  video.srcObject = stream;
  const tile = tileFigure(
    {
      class: screen ? 'meeting-tile meeting-screen-tile is-screen' : 'meeting-tile',
      'data-peer': participant,
      'data-tile': key,
    },
    video,
  );
  // Not measured yet: counted as in sight and mid-sized until the observers say otherwise.
  const made: SfuTile = {
    key,
    participant,
    screen,
    tile,
    video,
    stream,
    view: { visible: true, width: 320 },
  };
  sfuTiles.set(key, made);
  tiles.append(tile);
  resize?.observe(tile);
  sight?.observe(tile);
  if (screen) announce(t('room.sharing_started', { name: nameOf(participant) }));
  updateSfuTile(participant);
  arrange();
  return made;
}

/** Removes a tile (someone left, or stopped sharing their screen). */
export function removeSfuTile(key: string): void {
  const tile = sfuTiles.get(key);
  if (!tile) return;
  resize?.unobserve(tile.tile);
  sight?.unobserve(tile.tile);
  tile.tile.remove();
  sfuTiles.delete(key);
  if (tile.screen && roster.has(tile.participant))
    announce(t('room.sharing_stopped', { name: nameOf(tile.participant) }));
  arrange();
}

/** Removes every tile (back to the lobby, the end, or the mesh). */
export function clearSfuTiles(): void {
  for (const tile of sfuTiles.values()) {
    resize?.unobserve(tile.tile);
    sight?.unobserve(tile.tile);
    tile.tile.remove();
  }
  sfuTiles.clear();
  speaker = null;
  arrange();
}

/** Puts exactly these received tracks in a tile (the newest per kind), playing them. */
export function setTileTracks(tile: SfuTile, tracks: readonly MediaStreamTrack[]): void {
  const current = tile.stream.getTracks();
  if (current.length === tracks.length && current.every((x) => tracks.includes(x))) return;
  for (const old of current) if (!tracks.includes(old)) tile.stream.removeTrack(old);
  for (const track of tracks) if (!current.includes(track)) tile.stream.addTrack(track);
  tile.video.srcObject = tile.stream;
  if (tracks.length > 0) playVideo(tile.video);
}

/** The participants' tiles in line with the roster (everyone but us has one, with or without media yet). */
export function syncSfuTiles(people: readonly PeerInfo[]): void {
  const present = new Set(people.map((p) => p.id).filter((id) => id !== me?.id));
  for (const tile of Array.from(sfuTiles.values()))
    if (!present.has(tile.participant)) removeSfuTile(tile.key);
  for (const id of present) ensureSfuTile(id, false);
  for (const id of present) updateSfuTile(id);
}

function nameOf(participant: string): string {
  return roster.get(participant)?.name ?? '…';
}

/** A participant's tiles: name, sound and camera state, whether they speak now. */
export function updateSfuTile(participant: string): void {
  const info = roster.get(participant);
  const name = nameOf(participant);
  for (const screen of [false, true]) {
    const tile = sfuTiles.get(tileKey(participant, screen));
    if (!tile) continue;
    const videoOn = (screen || (info ? info.video : true)) && !local.audioOnly;
    tile.tile.classList.toggle('is-video-off', !videoOn);
    tile.tile.classList.toggle('is-speaking', !screen && speaker === participant);
    const placeholder = tile.tile.querySelector('.meeting-video-off');
    if (placeholder) placeholder.textContent = initials(name);
    const nameNode = tile.tile.querySelector('.meeting-tile-name');
    if (nameNode) nameNode.textContent = screen ? t('room.screen_of', { name }) : name;
    const parts = screen
      ? []
      : [
          info && !info.audio ? t('room.state_muted') : '',
          speaker === participant ? t('room.state_speaking') : '',
        ];
    const state = tile.tile.querySelector('.meeting-tile-state');
    if (state) state.textContent = parts.filter(Boolean).join(' · ');
  }
}

/** Every tile's state again (after audio-only is turned on or off). */
export function updateAllSfuTiles(): void {
  for (const id of new Set(Array.from(sfuTiles.values(), (x) => x.participant))) updateSfuTile(id);
}

/** A new active speaker: their tile gets more room. */
export function setSpeaker(next: string | null): void {
  if (next === speaker) return;
  const before = speaker;
  speaker = next;
  if (before) updateSfuTile(before);
  if (next) updateSfuTile(next);
  arrange();
}

export function currentSpeaker(): string | null {
  return speaker;
}

/** Orders the tiles (CSS order, so no video element moves and none stops playing) and marks the large ones. */
function arrange(): void {
  const people = Array.from(roster.values()).filter((p) => p.id !== me?.id);
  const screens = Array.from(sfuTiles.values())
    .filter((x) => x.screen)
    .map((x) => x.participant);
  const placed = layoutOrder(people, screens, speaker);
  placed.forEach((p, i) => {
    const tile = sfuTiles.get(p.key);
    if (!tile) return;
    tile.tile.style.order = String(i);
    tile.tile.classList.toggle('is-large', p.large);
  });
  tiles.dataset.media = 'sfu';
  layoutTiles();
}

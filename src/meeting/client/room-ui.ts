// The room: the video stage with the person's controls, the connection quality hint with
// its audio-only fallback, and the participants; the chat and the minutes come from
// room-chat.ts and room-minutes.ts, the official's panels from room-staff.ts, the mesh from peers.ts.
import type { IdentityDocument, PeerInfo, ServerMessage } from '../protocol.ts';
import type { MeetingClientMessageKey as Key } from '../../i18n/messages/meeting-client.ts';
import type { Quality } from './state.ts';
import { audioFallback } from './state.ts';
import {
  announce,
  button,
  el,
  errorName,
  isStaff,
  panel,
  roleName,
  setStage,
  stage,
  status,
  syncList,
  t,
} from './dom.ts';
import {
  closeCamera,
  local,
  mediaState,
  openCamera,
  openMic,
  publishLocal,
  selfVideo,
} from './media.ts';
import {
  applyReceivePolicy,
  me,
  peers,
  roster,
  soundButton,
  updateTile,
  videoStage,
} from './peers.ts';
import {
  folderUrl,
  invitePanel,
  lobbyPanel,
  renderLobby,
  showIdentityChoice,
  staffActionsPanel,
} from './room-staff.ts';
import { addChatLine, chatPanel, chatToggle, clearChat, foldChatIfNarrow } from './room-chat.ts';
import { minutesPanel, roomMinutes } from './room-minutes.ts';
import { send } from './socket.ts';
import { sfuAudioOnlyChanged } from './sfu.ts';
import { roomQuality } from './stats.ts';

type RoomMessage = Extract<ServerMessage, { type: 'room' }>;

const ui = {
  self: el('figure', { class: 'meeting-tile meeting-self' }),
  selfCaption: el('figcaption', {}),
  controls: {} as Record<'mic' | 'camera' | 'screen' | 'audioOnly', HTMLButtonElement>,
  quality: el('p', { class: 'meeting-quality', 'data-quality': 'good' }),
  fallback: el('div', { class: 'notice meeting-fallback', hidden: true }),
  verified: el('p', { class: 'meeting-verified', hidden: true }),
  folder: el('p', { class: 'meeting-folder', hidden: true }),
  people: el('ul', { class: 'meeting-people' }),
  peopleTitle: el('h3', { id: 'people-title' }),
};

/** The room stage; leave() is the controls' leave button, timeZone the appointment's (for the official's lobby). */
export function showRoom(leave: () => void, timeZone: string | undefined): void {
  ui.self.replaceChildren(
    selfVideo,
    el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }, t('room.camera_is_off')),
    ui.selfCaption,
  );
  const videos = videoStage(ui.self);
  const main = el(
    'div',
    { class: 'meeting-main' },
    videos,
    soundButton,
    controlsBar(leave),
    ui.fallback,
    el('div', { class: 'meeting-info' }, ui.quality, ui.verified, ui.folder),
    status,
  );
  const side = el(
    'div',
    { class: 'meeting-side' },
    isStaff ? lobbyPanel(timeZone) : null,
    chatPanel(timeZone),
    participantsPanel(),
    minutesPanel(),
    isStaff ? invitePanel() : null,
    isStaff ? staffActionsPanel(identityDocument) : null,
  );
  setStage(
    'room',
    el(
      'section',
      { class: 'meeting-room', 'aria-labelledby': 'room-title' },
      el(
        'div',
        { class: 'meeting-room-head' },
        el('h2', { id: 'room-title', tabindex: -1 }, t('room.title')),
        el('p', { class: 'meeting-recording' }, t('room.no_recording')),
      ),
      main,
      side,
    ),
  );
  foldChatIfNarrow();
  void selfVideo.play().catch(() => undefined);
  ui.quality.textContent = t('room.quality_good');
  renderLobby();
}

/** What a (re)admission brings besides the people: the chat so far, the minutes, whether identity was checked. */
export function fillRoom(m: RoomMessage): void {
  clearChat();
  for (const line of m.chat) addChatLine(line, false);
  roomMinutes(m.minutes);
  markVerified(m.identityVerified ? (m.identityDocument ?? 'other') : null);
}

function controlsBar(leave: () => void): HTMLElement {
  const c = ui.controls;
  c.mic = button(t('room.mute'), toggleMic, { 'aria-pressed': 'false' });
  c.camera = button(t('room.camera_off'), () => void toggleCamera(), { 'aria-pressed': 'false' });
  c.screen = button(t('room.share_screen'), () => void toggleScreen(), { 'aria-pressed': 'false' });
  c.audioOnly = button(t('room.audio_only'), toggleAudioOnly, { 'aria-pressed': 'false' });
  // Phones cannot share their screen from a browser: offer it only where the browser can.
  c.screen.hidden = !navigator.mediaDevices?.getDisplayMedia;
  return el(
    'div',
    { class: 'meeting-controls', role: 'group', 'aria-label': t('room.controls') },
    c.mic,
    c.camera,
    c.screen,
    c.audioOnly,
    chatToggle(),
    button(t('room.leave'), leave, { class: 'danger' }),
  );
}

/** The controls' pressed states and the self view's caption, after a change to local media. */
export function updateControls(): void {
  const c = ui.controls;
  if (!c.mic) return;
  const state = mediaState();
  c.mic.setAttribute('aria-pressed', String(!state.audio));
  c.camera.setAttribute('aria-pressed', String(!local.camera));
  c.screen.setAttribute('aria-pressed', String(state.screen));
  c.audioOnly.setAttribute('aria-pressed', String(local.audioOnly));
  const parts = [
    t('room.you'),
    !state.audio ? t('room.state_muted') : '',
    !state.video && !state.screen ? t('room.state_camera_off') : '',
    state.screen ? t('room.state_sharing') : '',
  ];
  ui.selfCaption.textContent = parts.filter(Boolean).join(' · ');
}

function toggleMic(): void {
  if (!local.mic) {
    // No microphone yet (refused or missing at pre-join): try again now.
    void openMic().then((ok) => (ok ? publishLocal() : announce(t('room.device_no_mic'), 6000)));
    return;
  }
  local.muted = !local.muted;
  local.mic.enabled = !local.muted;
  publishLocal();
}

let cameraBusy = false;
/** The identity check as last recorded, for the official's panel when the room is drawn. */
let identityDocument: IdentityDocument | null = null;
async function toggleCamera(): Promise<void> {
  if (cameraBusy) return;
  cameraBusy = true;
  ui.fallback.hidden = true;
  if (local.camera) closeCamera();
  else {
    setAudioOnly(false);
    if (!(await openCamera())) announce(t('room.device_no_camera'), 6000);
  }
  cameraBusy = false;
  publishLocal();
}

async function toggleScreen(): Promise<void> {
  if (local.screen) return stopScreen();
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    track.contentHint = 'detail';
    // The browser's own "Stop sharing" bar ends the track.
    track.addEventListener('ended', () => {
      if (local.screen === track) stopScreen();
    });
    local.screen = track;
    publishLocal();
  } catch (err) {
    if (errorName(err) !== 'NotAllowedError') announce(t('room.share_failed'), 6000);
  }
}

function stopScreen(): void {
  local.screen?.stop();
  local.screen = null;
  publishLocal();
}

function toggleAudioOnly(): void {
  setAudioOnly(!local.audioOnly);
  if (local.audioOnly) closeCamera();
  if (!local.audioOnly && !local.camera) void toggleCamera();
  else publishLocal();
}

function setAudioOnly(on: boolean): void {
  local.audioOnly = on;
  applyReceivePolicy();
  for (const id of peers.keys()) updateTile(id);
  sfuAudioOnlyChanged();
}

/** Tells the others what we send (in the room), and shows it in our own participant list. */
export function sendMediaState(): void {
  if (stage === 'room') send({ type: 'media', ...mediaState() });
  renderParticipants();
}

let poorSince: number | null = null;
let lastQuality: Quality = 'good';
const QUALITY_TEXT: Record<Quality, Key> = {
  good: 'room.quality_good',
  weak: 'room.quality_weak',
  poor: 'room.quality_poor',
};

/** Every 2 s in the room: shows the worst connection's quality, and falls back to audio when it stays poor. */
export async function checkQuality(): Promise<void> {
  if (stage !== 'room') return;
  const worst = await roomQuality();
  if (worst !== lastQuality) {
    lastQuality = worst;
    ui.quality.dataset.quality = worst;
    ui.quality.textContent = t(QUALITY_TEXT[worst]);
  }
  const sendingCamera = local.camera !== null && !local.screen;
  const fallback = audioFallback(poorSince, worst, Date.now(), sendingCamera);
  poorSince = fallback.poorSince;
  // Poor for a while while sending the camera: keep the sound, drop our video, and say so.
  if (fallback.fallBack) {
    closeCamera();
    publishLocal();
    ui.fallback.replaceChildren(
      el('p', {}, t('room.fallback_text')),
      button(t('room.camera_back_on'), () => void toggleCamera(), { class: 'secondary' }),
    );
    ui.fallback.hidden = false;
    announce(t('room.fallback_text'));
  }
}

/** The shared folder changed: a standing link to it, with how many files it holds. */
export function showFolder(count: number): void {
  ui.folder.replaceChildren(
    el(
      'a',
      { href: folderUrl(), target: '_blank', rel: 'noopener' },
      t('room.folder_count', { count }),
    ),
  );
  ui.folder.hidden = false;
}

// Participants: the roster, with each one's sound, camera and screen state; staff may remove others.
function participantsPanel(): HTMLElement {
  return panel('people-title', ui.peopleTitle, ui.people);
}

/** The participant list, from the roster and (for ourselves) what we send. */
export function renderParticipants(): void {
  if (stage !== 'room') return;
  const list = Array.from(roster.values());
  ui.peopleTitle.textContent = t('room.participants', { count: list.length });
  const describe = (p: PeerInfo) => {
    const self = p.id === me?.id;
    const media = self ? mediaState() : p;
    return [
      roleName(p.role),
      self ? t('room.you') : '',
      !media.audio ? t('room.state_muted') : '',
      !media.video && !media.screen ? t('room.state_camera_off') : '',
      media.screen ? t('room.state_sharing') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  syncList(
    ui.people,
    list,
    (p) => p.id,
    (p) => {
      const li = el(
        'li',
        {},
        el('span', { class: 'meeting-person-name' }, p.name),
        ' ',
        el('span', { class: 'meeting-person-state' }, describe(p)),
      );
      if (isStaff && p.id !== me?.id && p.role !== 'staff') {
        li.append(
          ' ',
          button(
            t('room.remove', { name: p.name }),
            () => send({ type: 'remove', participant: p.id }),
            { class: 'secondary' },
          ),
        );
      }
      return li;
    },
    (li, p) => {
      const state = li.querySelector('.meeting-person-state');
      if (state) state.textContent = describe(p);
    },
  );
}

/** The identity check as recorded now: which document, or null when not (or no longer) checked. */
export function markVerified(document: IdentityDocument | null): void {
  identityDocument = document;
  ui.verified.hidden = document === null;
  ui.verified.textContent = document
    ? `✓ ${t('room.identity_verified')} (${t(`room.document.${document}`)})`
    : '';
  showIdentityChoice(document);
}

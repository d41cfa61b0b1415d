// The live meeting in the browser: pre-join (name, devices, self view, microphone level),
// the lobby, the room (a WebRTC mesh of up to four people with chat, participants, minutes
// and the official's controls) and the end. This is the entry: it holds the connection to
// the server, moves between the stages and wires the other modules together.
//
// Served as /assets/meeting.js after type stripping (src/http/assets.ts), so: erasable
// TypeScript, type-only imports of server code, value imports only of ./x.ts beside it (the
// server rewrites those to /assets/x.js?v=…), no other origins. The parts:
//   dom.ts        the page's config, texts, element helpers, stage and status line
//   socket.ts     the signalling socket
//   media.ts      camera, microphone, screen, level meter, the pre-join stage
//   peers.ts      the WebRTC mesh (perfect negotiation, ICE restart) and the video tiles
//   stats.ts      connection quality and the test hook's figures
//   room-ui.ts    the room: controls, quality hint, chat, participants, minutes
//   room-staff.ts the official's panels: lobby, invitations, identity, no-show, end
import type { ServerMessage } from '../protocol.ts';
import type { Stage } from './dom.ts';
import {
  announce,
  app,
  button,
  config,
  el,
  heading,
  isStaff,
  locale,
  setStage,
  stage,
  status,
  t,
} from './dom.ts';
import {
  audioContext,
  onLocalChange,
  preview,
  publishLocal,
  resumeAudio,
  selfVideo,
  showPrejoin,
  stopAllMedia,
} from './media.ts';
import {
  closeAllPeers,
  closePeer,
  ensurePeer,
  me,
  onSignal,
  peers,
  roster,
  seenRemoteTracks,
  sendLocalTracks,
  syncMesh,
  updateTile,
  useWelcome,
} from './peers.ts';
import { onLobby, showInvited } from './room-staff.ts';
import {
  addChatLine,
  checkQuality,
  fillRoom,
  markVerified,
  renderParticipants,
  saveMinutes,
  sendMediaState,
  setMinutes,
  showFolder,
  showRoom,
  stopMinutesTimer,
  updateControls,
} from './room-ui.ts';
import { connect, disconnect, send } from './socket.ts';
import { statsByPeer } from './stats.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

// ---------------------------------------------------------------- the signalling socket

let appointment: Welcome['appointment'] | null = null;
/** A final message came (ended, denied, removed) or the person left: never reconnect. */
let finished = false;
let retries = 0;
let reconnectTimer: number | undefined;
const intervals: number[] = [];

// The name shown is the one the server knows (booking, guest link, account); the pre-join only shows it.
function join(): void {
  audioContext(); // unlocked by this click, so the knock sound can play later
  if (isStaff && 'Notification' in window && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
  setStage(
    'connecting',
    el(
      'section',
      { class: 'meeting-connecting' },
      heading(t('room.connecting')),
      el('p', { role: 'status' }, t('room.connecting_text')),
    ),
  );
  openSocket();
  intervals.push(
    window.setInterval(() => send({ type: 'ping' }), 20_000),
    window.setInterval(() => void checkQuality(), 2_000),
  );
}

function openSocket(): void {
  const url =
    (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + (config?.ws ?? '');
  connect(url, handle, socketClosed);
}

/** Reconnects with backoff unless the close was final; the server puts an admitted participant straight back in the room. */
function socketClosed(code: number): void {
  if (finished) return;
  // 4000: the same participant opened the meeting in another tab, which now holds it.
  if (code === 4000)
    return showFinal('error', t('room.error_title'), t('room.error_replaced'), true);
  // Other application codes and policy violations: the server refuses us, so asking again will not help.
  if ((code > 4000 && code < 5000) || code === 1008)
    return showFinal('error', t('room.error_title'), t('room.error_unavailable'), true);
  if (stage === 'connecting' && retries >= 5)
    return showFinal('error', t('room.error_title'), t('room.error_connect'), true);
  const delay = Math.min(5000, 500 * 2 ** retries);
  retries += 1;
  if (stage === 'room' || stage === 'lobby') announce(t('room.reconnecting'));
  reconnectTimer = window.setTimeout(openSocket, delay);
}

function handle(m: ServerMessage): void {
  switch (m.type) {
    case 'welcome':
      return onWelcome(m);
    case 'room':
      return onRoom(m);
    case 'peer-joined':
      roster.set(m.peer.id, m.peer);
      if (m.peer.id !== me?.id) ensurePeer(m.peer.id);
      return renderParticipants();
    case 'peer-left':
      roster.delete(m.id);
      closePeer(m.id);
      return renderParticipants();
    case 'peer-media':
      roster.set(m.peer.id, m.peer);
      updateTile(m.peer.id);
      return renderParticipants();
    case 'signal':
      return void onSignal(m);
    case 'chat':
      return addChatLine(m.line);
    case 'minutes':
      return setMinutes(m.text);
    case 'identity-verified':
      return markVerified(m.document);
    case 'files':
      return showFolder(m.files.length);
    case 'lobby':
      return onLobby(m.waiting);
    case 'admitted':
      return announce(t('room.admitted'));
    case 'invited':
      return showInvited(m.name, m.url);
    case 'denied':
      return showFinal(
        'denied',
        t('room.denied_title'),
        m.message ? t('room.denied_with_message', { message: m.message }) : t('room.denied_text'),
        false,
      );
    case 'removed':
      return showFinal('removed', t('room.removed_title'), t('room.removed_text'), false);
    case 'ended':
      return onEnded(m.surveyUrl);
    case 'error':
      return announce(
        t(
          m.code === 'rate_limited'
            ? 'room.error_rate_limited'
            : m.code === 'forbidden'
              ? 'room.error_forbidden'
              : 'room.error_invalid',
        ),
      );
    default:
      return; // pong; knocks belong to the staff start page
  }
}

function onWelcome(m: Welcome): void {
  useWelcome(m);
  appointment = m.appointment;
  retries = 0;
  if (m.state === 'lobby') {
    closeAllPeers();
    if (stage !== 'lobby') showLobby();
    else announce('');
  } else if (stage === 'room') announce('');
  // Admitted: the room follows.
}

function onRoom(m: Extract<ServerMessage, { type: 'room' }>): void {
  roster.clear();
  for (const p of m.peers) roster.set(p.id, p);
  if (stage !== 'room') showRoom(leave, appointment?.timeZone);
  syncMesh(m.peers);
  fillRoom(m);
  announce('');
  publishLocal();
}

// ---------------------------------------------------------------- lobby

function showLobby(): void {
  const when = appointment
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: appointment.timeZone,
      }).formatRange(new Date(appointment.start), new Date(appointment.end))
    : '';
  setStage(
    'lobby',
    el(
      'section',
      { class: 'meeting-lobby', 'aria-labelledby': 'lobby-title' },
      el('h2', { id: 'lobby-title', tabindex: -1 }, t('room.lobby_title')),
      el('p', { class: 'notice' }, t('room.lobby_text')),
      status,
      when ? el('p', {}, t('room.lobby_appointment', { when })) : null,
      el('p', { class: 'hint' }, t('room.lobby_keep_open')),
      el('div', { class: 'meeting-prejoin-grid' }, preview()),
      el('p', {}, button(t('room.leave'), leave, { class: 'secondary' })),
    ),
  );
  publishLocal();
  void selfVideo.play().catch(() => undefined);
}

function leave(): void {
  showFinal('left', t('room.left_title'), t('room.left_text'), true);
}

/** Stops everything: media, peers, the socket, timers. */
function teardown(): void {
  if (finished) return;
  finished = true;
  window.clearTimeout(reconnectTimer);
  for (const id of intervals.splice(0)) window.clearInterval(id);
  stopMinutesTimer();
  saveMinutes();
  disconnect();
  closeAllPeers();
  stopAllMedia();
}

// ---------------------------------------------------------------- the end

function onEnded(surveyUrl: string | null): void {
  const survey =
    surveyUrl && new URL(surveyUrl, location.href).origin === location.origin ? surveyUrl : null;
  showFinal('ended', t('room.ended_title'), t('room.ended_text'), false, survey);
  // Give people a moment to read that it ended, then take them to the survey.
  if (survey) window.setTimeout(() => location.assign(survey), 4000);
}

function showFinal(
  next: Stage,
  title: string,
  text: string,
  canRejoin: boolean,
  surveyUrl: string | null = null,
): void {
  teardown();
  setStage(
    next,
    el(
      'section',
      { class: `meeting-final meeting-${next}` },
      heading(title),
      el('p', { class: 'notice' }, text),
      surveyUrl
        ? el('p', {}, el('a', { class: 'button', href: surveyUrl }, t('room.survey')))
        : null,
      surveyUrl ? el('p', { class: 'hint' }, t('room.survey_soon')) : null,
      canRejoin
        ? el(
            'p',
            {},
            button(t('room.rejoin'), () => location.reload()),
          )
        : null,
      isStaff ? el('p', {}, el('a', { href: '/staff' }, t('room.back_to_agenda'))) : null,
    ),
  );
}

// ---------------------------------------------------------------- test hook and start

Object.assign(window, {
  okenceMeeting: {
    stage: () => stage,
    peerIds: () => Array.from(peers.keys()),
    remoteTracks: () => seenRemoteTracks.size,
    stats: statsByPeer,
  },
});

// A change to local media reaches every peer's senders, our controls, and the others' participant lists.
onLocalChange(() => {
  sendLocalTracks();
  updateControls();
  sendMediaState();
});

if (app && config) {
  // Browsers start audio only after a click or key press; resume on the first one.
  document.addEventListener('pointerdown', resumeAudio, { capture: true });
  // Leaving the page: keep the last minutes, and close the socket at once so the others see us go.
  window.addEventListener('pagehide', () => {
    saveMinutes();
    finished = true;
    disconnect();
  });
  showPrejoin(join);
}

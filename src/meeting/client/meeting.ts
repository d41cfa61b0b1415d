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
//   sfu.ts        the room through Janus instead (decision 054): publishing, receiving;
//                 sfu-tiles.ts its tiles, sfu-layout.ts its rules (layers, tiles, order)
//   stats.ts      reading connection statistics (quality, and the test hook's figures)
//   state.ts      the rules without the DOM: stages, reconnecting, quality, the mesh diff
//   room-ui.ts    the room: controls, quality hint, participants
//   room-chat.ts  the chat; room-minutes.ts the minutes
//   room-staff.ts the official's panels: lobby, invitations, identity, no-show, end
import type { ServerMessage } from '../protocol.ts';
import type { ConnectionError, Effect, FinalStage, Session, SessionEvent } from './state.ts';
import { initialSession, step } from './state.ts';
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
  roster,
  sendLocalTracks,
  syncMesh,
  updateTile,
  useWelcome,
} from './peers.ts';
import {
  attachTracks,
  closeSfu,
  isSfu,
  onSfuAnswer,
  onSfuCandidate,
  onSfuOffer,
  onSfuUnavailable,
  setMediaMode,
  sfuLocalChanged,
  startSfu,
} from './sfu.ts';
import { ensureSfuTile, removeSfuTile, syncSfuTiles, updateSfuTile } from './sfu-tiles.ts';
import { onLobby, showInvited } from './room-staff.ts';
import { addChatLine } from './room-chat.ts';
import { saveMinutes, setMinutes, stopMinutesTimer } from './room-minutes.ts';
import {
  checkQuality,
  fillRoom,
  markVerified,
  renderParticipants,
  sendMediaState,
  showFolder,
  showRoom,
  updateControls,
} from './room-ui.ts';
import { connect, disconnect, send } from './socket.ts';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

// ---------------------------------------------------------------- the signalling socket

let appointment: Welcome['appointment'] | null = null;
/** Where the meeting stands (state.ts decides each change; this module carries out the effects). */
let session: Session = initialSession;
let reconnectTimer: number | undefined;
const intervals: number[] = [];
/** What the final view of the next `final` effect says (the server's denial message, the survey). */
let finalView: FinalView | null = null;
type FinalView = { title: string; text: string; surveyUrl?: string | null };

/** Applies an event to the session and carries out what it calls for. */
function dispatch(event: SessionEvent): void {
  const { session: next, effects } = step(session, event);
  session = next;
  for (const effect of effects) run(effect);
}

function run(effect: Effect): void {
  switch (effect.type) {
    case 'show':
      if (effect.stage === 'connecting') return showConnecting();
      if (effect.stage === 'lobby') return showLobby();
      return showRoom(leave, appointment?.timeZone);
    case 'close-peers':
      closeSfu();
      return closeAllPeers();
    case 'clear-status':
      return announce('');
    case 'teardown':
      return teardown();
    case 'reconnect':
      if (effect.announce) announce(t('room.reconnecting'));
      reconnectTimer = window.setTimeout(openSocket, effect.delayMs);
      return;
    case 'final': {
      const view = effect.error ? errorView(effect.error) : finalView;
      finalView = null;
      return showFinal(effect.stage, view?.title ?? '', view?.text ?? '', view?.surveyUrl);
    }
  }
}

const ERROR_TEXT: Record<ConnectionError, Parameters<typeof t>[0]> = {
  replaced: 'room.error_replaced',
  unavailable: 'room.error_unavailable',
  unreachable: 'room.error_connect',
};

function errorView(error: ConnectionError): FinalView {
  return { title: t('room.error_title'), text: t(ERROR_TEXT[error]) };
}

/** Ends the meeting for us with a final view (the server said so, or the person left). */
function end(
  stage: Exclude<FinalStage, 'error'>,
  title: string,
  text: string,
  surveyUrl: string | null = null,
): void {
  finalView = { title, text, surveyUrl };
  dispatch({ type: 'finish', stage });
}

// The name shown is the one the server knows (booking, guest link, account); the pre-join only shows it.
function join(): void {
  audioContext(); // unlocked by this click, so the knock sound can play later
  if (isStaff && 'Notification' in window && Notification.permission === 'default')
    void Notification.requestPermission().catch(() => undefined);
  dispatch({ type: 'join' });
  openSocket();
  intervals.push(
    window.setInterval(() => send({ type: 'ping' }), 20_000),
    window.setInterval(() => void checkQuality(), 2_000),
  );
}

function showConnecting(): void {
  setStage(
    'connecting',
    el(
      'section',
      { class: 'meeting-connecting' },
      heading(t('room.connecting')),
      el('p', { role: 'status' }, t('room.connecting_text')),
    ),
  );
}

function openSocket(): void {
  const url =
    (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + (config?.ws ?? '');
  // The server puts an admitted participant straight back in the room on a reconnect.
  connect(url, handle, (code) => dispatch({ type: 'closed', code }));
}

function handle(m: ServerMessage): void {
  switch (m.type) {
    case 'welcome':
      return onWelcome(m);
    case 'room':
      return onRoom(m);
    case 'peer-joined':
      roster.set(m.peer.id, m.peer);
      if (m.peer.id !== me?.id) {
        if (isSfu()) {
          ensureSfuTile(m.peer.id, false);
          attachTracks(); // their streams may have come before this message
        } else ensurePeer(m.peer.id);
      }
      return renderParticipants();
    case 'peer-left':
      roster.delete(m.id);
      closePeer(m.id);
      removeSfuTile(`${m.id}:screen`);
      removeSfuTile(m.id);
      return renderParticipants();
    case 'peer-media':
      roster.set(m.peer.id, m.peer);
      updateTile(m.peer.id);
      updateSfuTile(m.peer.id);
      return renderParticipants();
    case 'sfu-answer':
      return void onSfuAnswer(m.description);
    case 'sfu-offer':
      return onSfuOffer(m);
    case 'sfu-candidate':
      return void onSfuCandidate(m.connection, m.candidate);
    case 'sfu-unavailable':
      return onSfuUnavailable();
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
      return end(
        'denied',
        t('room.denied_title'),
        m.message ? t('room.denied_with_message', { message: m.message }) : t('room.denied_text'),
      );
    case 'removed':
      return end('removed', t('room.removed_title'), t('room.removed_text'));
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
  setMediaMode(m.media ?? 'mesh');
  appointment = m.appointment;
  dispatch({ type: 'welcome', admitted: m.state === 'admitted' });
}

function onRoom(m: Extract<ServerMessage, { type: 'room' }>): void {
  roster.clear();
  for (const p of m.peers) roster.set(p.id, p);
  dispatch({ type: 'room' });
  if (isSfu()) {
    closeAllPeers();
    syncSfuTiles(m.peers);
    startSfu();
  } else {
    closeSfu();
    syncMesh(m.peers);
  }
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
  end('left', t('room.left_title'), t('room.left_text'));
}

/** Stops everything, once (state.ts says when): media, peers, the socket, timers. */
function teardown(): void {
  window.clearTimeout(reconnectTimer);
  for (const id of intervals.splice(0)) window.clearInterval(id);
  stopMinutesTimer();
  saveMinutes();
  disconnect();
  closeAllPeers();
  closeSfu();
  stopAllMedia();
}

// ---------------------------------------------------------------- the end

function onEnded(surveyUrl: string | null): void {
  const survey =
    surveyUrl && new URL(surveyUrl, location.href).origin === location.origin ? surveyUrl : null;
  end('ended', t('room.ended_title'), t('room.ended_text'), survey);
  // Give people a moment to read that it ended, then take them to the survey.
  if (survey) window.setTimeout(() => location.assign(survey), 4000);
}

// Someone who left or lost the connection may rejoin by reloading; a denial, removal or the end is final.
const CAN_REJOIN = new Set<FinalStage>(['left', 'error']);

function showFinal(
  next: FinalStage,
  title: string,
  text: string,
  surveyUrl: string | null = null,
): void {
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
      CAN_REJOIN.has(next)
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

// ---------------------------------------------------------------- start

// A change to local media reaches every peer's senders, our controls, and the others' participant lists.
onLocalChange(() => {
  if (isSfu()) sfuLocalChanged();
  else sendLocalTracks();
  updateControls();
  sendMediaState();
});

if (app && config) {
  // Browsers start audio only after a click or key press; resume on the first one.
  document.addEventListener('pointerdown', resumeAudio, { capture: true });
  // Leaving the page: keep the last minutes, and close the socket at once so the others see us go.
  window.addEventListener('pagehide', () => {
    saveMinutes();
    dispatch({ type: 'page-hidden' });
    disconnect();
  });
  showPrejoin(join);
}

// The live meeting in the browser: pre-join (name, devices, self view, microphone level),
// the lobby, the room (a WebRTC mesh of up to four people with chat, participants, minutes
// and the official's controls) and the end. Served as /assets/meeting.js after type
// stripping (src/http/assets.ts), so: erasable TypeScript, type-only imports, no other
// origins. Every text comes from the page (config.text); user text goes in by textContent.
import type { ChatLine, ClientMessage, Knocker, PeerInfo, Role, ServerMessage } from '../protocol.ts';
import type { MeetingClientMessageKey as Key } from '../../i18n/messages/meeting-client.ts';

type Lang = 'sl' | 'cs' | 'en';
type Config = { ws: string; role: Role; name: string; lang: Lang; helpUrl: string; text: Partial<Record<Key, string>> };
type Stage = 'prejoin' | 'connecting' | 'lobby' | 'room' | 'ended' | 'denied' | 'removed' | 'left' | 'error';
type Kind = 'audio' | 'video';
type Quality = 'good' | 'weak' | 'poor';
type Welcome = Extract<ServerMessage, { type: 'welcome' }>;
type Signal = Extract<ServerMessage, { type: 'signal' }>;
type StatsEntry = { id: string; type: string; [field: string]: unknown };

/** One remote participant: their tile, and the peer connection to them (replaced when either side starts afresh). */
type Peer = {
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

const app = document.getElementById('meeting-app');
const config = JSON.parse(document.getElementById('meeting-config')?.textContent ?? 'null') as Config | null;
const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };
const locale = config ? LOCALES[config.lang] : 'en-GB';
const isStaff = config?.role === 'staff';

// ---------------------------------------------------------------- texts and DOM

function t(key: Key, params?: Record<string, string | number>): string {
  const text = config?.text[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element; strings become text nodes, so user text is never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Brings a list in line with items by key, keeping the nodes that stay (and so the focus
 * and anything typed in them) instead of redrawing the whole list.
 */
function syncList<T>(list: HTMLElement, items: T[], key: (item: T) => string, build: (item: T) => HTMLElement, update: (node: HTMLElement, item: T) => void): void {
  const existing = new Map(Array.from(list.children, (c) => [(c as HTMLElement).dataset.key ?? '', c as HTMLElement]));
  items.forEach((item, i) => {
    let node = existing.get(key(item));
    if (node) update(node, item);
    else {
      node = build(item);
      node.dataset.key = key(item);
    }
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
  });
  while (list.children.length > items.length) list.lastElementChild?.remove();
}

function clockTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

function roleName(role: Role): string {
  return t(role === 'staff' ? 'room.role_staff' : role === 'guest' ? 'room.role_guest' : 'room.role_citizen');
}

function errorName(err: unknown): string {
  return err instanceof DOMException || err instanceof Error ? err.name : '';
}

// ---------------------------------------------------------------- stage

let stage: Stage = 'prejoin';

/** Shows a stage's view; the browser tests wait on body[data-meeting-stage]. */
function setStage(next: Stage, view: HTMLElement): void {
  stage = next;
  document.body.dataset.meetingStage = next;
  app?.replaceChildren(view);
  // Screen reader users hear the new stage: focus its heading.
  view.querySelector<HTMLElement>('h2')?.focus();
}

function heading(text: string): HTMLHeadingElement {
  return el('h2', { tabindex: -1 }, text);
}

// ---------------------------------------------------------------- local media

const local = {
  /** What we send: the microphone and the outgoing video; its id groups our tracks for the others. */
  stream: new MediaStream(),
  mic: null as MediaStreamTrack | null,
  camera: null as MediaStreamTrack | null,
  screen: null as MediaStreamTrack | null,
  micDevice: '',
  cameraDevice: '',
  muted: false,
  /** Send no camera and receive no video, to save data on a weak or metered connection. */
  audioOnly: false,
};

const selfVideo = el('video', { class: 'meeting-self-video', playsinline: true, autoplay: true, muted: true });
selfVideo.muted = true;

function outgoingVideo(): MediaStreamTrack | null {
  return local.screen ?? (local.audioOnly ? null : local.camera);
}

/** Takes tracks from getUserMedia as our microphone or camera, replacing (and stopping) the previous ones. */
function adopt(stream: MediaStream): void {
  for (const track of stream.getTracks()) {
    const kind = track.kind === 'audio' ? 'mic' : 'camera';
    local[kind]?.stop();
    local[kind] = track;
    const deviceId = track.getSettings().deviceId ?? '';
    if (kind === 'mic') {
      track.enabled = !local.muted;
      local.micDevice = deviceId;
    } else local.cameraDevice = deviceId;
    // A device unplugged or taken by the system ends its track.
    track.addEventListener('ended', () => {
      if (local[kind] !== track) return;
      local[kind] = null;
      publishLocal();
    });
  }
}

async function getMedia(constraints: MediaStreamConstraints): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch {
    return null;
  }
}

async function openCamera(): Promise<boolean> {
  const video = local.cameraDevice ? { deviceId: { exact: local.cameraDevice } } : { facingMode: 'user' };
  const stream = await getMedia({ video });
  if (stream) adopt(stream);
  return stream !== null;
}

async function openMic(): Promise<boolean> {
  const stream = await getMedia({ audio: local.micDevice ? { deviceId: { exact: local.micDevice } } : true });
  if (stream) adopt(stream);
  return stream !== null;
}

/** Turns the camera off for real (its light goes out), not just black frames. */
function closeCamera(): void {
  local.camera?.stop();
  local.camera = null;
}

function stopAllMedia(): void {
  for (const track of [local.mic, local.camera, local.screen]) track?.stop();
  local.mic = local.camera = local.screen = null;
  stopLevel();
  selfVideo.srcObject = null;
}

/** After any change to local media: the self view, every peer's senders, the controls and the others' participant list. */
function publishLocal(): void {
  const wanted = [local.mic, outgoingVideo()].filter((x): x is MediaStreamTrack => x !== null);
  for (const track of local.stream.getTracks()) if (!wanted.includes(track)) local.stream.removeTrack(track);
  for (const track of wanted) if (!local.stream.getTracks().includes(track)) local.stream.addTrack(track);
  const video = outgoingVideo();
  selfVideo.srcObject = video ? new MediaStream([video]) : null;
  selfVideo.classList.toggle('is-mirrored', video !== null && video === local.camera);
  selfVideo.parentElement?.classList.toggle('is-video-off', !video);
  for (const peer of peers.values()) {
    setOutgoing(peer, 'audio', local.mic);
    setOutgoing(peer, 'video', video);
  }
  // The level meter belongs to pre-join and the lobby; the room does not show it.
  const levelOf = stage === 'room' ? null : local.mic;
  if (levelOf !== levelTrack) watchLevel(levelOf);
  updateControls();
  sendMediaState();
}

function mediaState(): { audio: boolean; video: boolean; screen: boolean } {
  return { audio: local.mic !== null && !local.muted, video: local.camera !== null && !local.audioOnly, screen: local.screen !== null };
}

function sendMediaState(): void {
  if (stage === 'room') send({ type: 'media', ...mediaState() });
  renderParticipants();
}

// The microphone level: an AnalyserNode on the microphone, read ten times a second.
let audioCtx: AudioContext | null = null;
let levelTrack: MediaStreamTrack | null = null;
let stopLevel: () => void = () => undefined;
const levelMeter = el('meter', { id: 'mic-level', min: 0, max: 100, value: 0 }, '0');

/** The page's one AudioContext. Browsers start it suspended until the person interacts, so every click resumes it. */
function audioContext(): AudioContext {
  audioCtx ??= new AudioContext();
  if (audioCtx.state === 'suspended') void audioCtx.resume().catch(() => undefined);
  return audioCtx;
}

function watchLevel(track: MediaStreamTrack | null): void {
  stopLevel();
  levelTrack = track;
  levelMeter.value = 0;
  if (!track || !('AudioContext' in window)) return;
  const ctx = audioContext();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    // Decibels, as ears hear: -60 dBFS (silence) shows empty, 0 dBFS full; speech lands mid-way.
    const db = 10 * Math.log10(sum / samples.length || 1e-12);
    const level = Math.max(0, Math.min(100, Math.round(((db + 60) / 60) * 100)));
    levelMeter.value = level;
    levelMeter.textContent = `${level}`;
  }, 100);
  stopLevel = () => {
    window.clearInterval(timer);
    source.disconnect();
    levelTrack = null;
    levelMeter.value = 0;
  };
}

// ---------------------------------------------------------------- pre-join

type DeviceProblem = 'denied' | 'busy' | 'none' | 'no_camera' | 'no_mic' | 'unsupported';
const PROBLEM_TEXT: Record<DeviceProblem, Key> = {
  denied: 'room.device_denied',
  busy: 'room.device_busy',
  none: 'room.device_none',
  no_camera: 'room.device_no_camera',
  no_mic: 'room.device_no_mic',
  unsupported: 'room.device_unsupported',
};

/** Asks for the camera and microphone, and when that fails finds out which one is missing. */
async function acquireDevices(): Promise<DeviceProblem | null> {
  if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
  try {
    adopt(await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: true }));
    return null;
  } catch (err) {
    const name = errorName(err);
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
    if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
    // NotFoundError or OverconstrainedError: try each device alone.
    const mic = await getMedia({ audio: true });
    const cam = await getMedia({ video: { facingMode: 'user' } });
    if (mic) adopt(mic);
    if (cam) adopt(cam);
    return !mic && !cam ? 'none' : !mic ? 'no_mic' : !cam ? 'no_camera' : null;
  }
}

/** The self view with the microphone level, shown before joining and in the lobby. */
function preview(): HTMLElement {
  return el(
    'div',
    { class: 'meeting-preview' },
    el('div', { class: 'meeting-tile meeting-preview-video' }, selfVideo, el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }, t('room.camera_is_off'))),
    el('div', { class: 'meeting-level' }, el('label', { for: 'mic-level' }, t('room.mic_level')), levelMeter),
  );
}

function deviceSelect(id: string, label: Key): HTMLSelectElement {
  return el('select', { id, name: id, 'aria-label': t(label) });
}

async function fillDeviceSelects(camera: HTMLSelectElement, mic: HTMLSelectElement): Promise<void> {
  const devices = navigator.mediaDevices?.enumerateDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  const fill = (select: HTMLSelectElement, kind: MediaDeviceKind, current: string, nth: Key, none: Key) => {
    const list = devices.filter((d) => d.kind === kind && d.deviceId);
    select.replaceChildren(
      ...list.map((d, i) => {
        const option = el('option', { value: d.deviceId }, d.label || t(nth, { n: i + 1 }));
        option.selected = d.deviceId === current;
        return option;
      }),
    );
    if (list.length === 0) select.append(el('option', { value: '' }, t(none)));
    select.disabled = list.length === 0;
  };
  fill(camera, 'videoinput', local.cameraDevice, 'room.camera_n', 'room.camera_unavailable');
  fill(mic, 'audioinput', local.micDevice, 'room.mic_n', 'room.mic_unavailable');
}

function checkbox(id: string, label: Key): { box: HTMLDivElement; input: HTMLInputElement } {
  const input = el('input', { type: 'checkbox', id, name: id });
  return { input, box: el('div', { class: 'meeting-check' }, input, el('label', { for: id }, t(label))) };
}

function showPrejoin(): void {
  const problemBox = el('div', { class: 'meeting-problem', role: 'alert' });
  const nameInput = el('input', { type: 'text', id: 'display-name', name: 'name', maxlength: 80, required: true, autocomplete: 'name', 'aria-describedby': 'display-name-hint' });
  nameInput.value = config?.name ?? '';
  const nameError = el('span', { class: 'error-message', id: 'display-name-error', hidden: true }, t('room.name_required'));
  const nameField = el(
    'div',
    {},
    el('label', { for: 'display-name' }, t('room.your_name')),
    el('span', { class: 'hint', id: 'display-name-hint' }, t('room.your_name_hint')),
    nameError,
    nameInput,
  );
  const cameraSelect = deviceSelect('camera-select', 'room.camera');
  const micSelect = deviceSelect('mic-select', 'room.microphone');
  const cameraOff = checkbox('join-camera-off', 'room.join_camera_off');
  const audioOnly = checkbox('join-audio-only', 'room.join_audio_only');
  const joinButton = el('button', { type: 'submit' }, t('room.join_now'));
  const form = el(
    'form',
    { class: 'stack meeting-prejoin-form', novalidate: true },
    nameField,
    el('div', {}, el('label', { for: 'camera-select' }, t('room.camera')), cameraSelect),
    el('div', {}, el('label', { for: 'mic-select' }, t('room.microphone')), micSelect),
    cameraOff.box,
    audioOnly.box,
    el('div', {}, joinButton),
  );

  const showProblem = (problem: DeviceProblem | null) => {
    problemBox.replaceChildren();
    problemBox.classList.toggle('is-shown', problem !== null);
    if (!problem) return;
    problemBox.append(
      el('p', {}, t(PROBLEM_TEXT[problem])),
      el('p', {}, t('room.device_join_anyway')),
      el('p', { class: 'meeting-problem-actions' }, el('a', { href: config?.helpUrl ?? '/help/meeting' }, t('room.device_help')), ' ', button(t('room.device_retry'), () => void retry(), { class: 'secondary' })),
    );
  };
  const retry = async () => {
    showProblem(await acquireDevices());
    if (cameraOff.input.checked || audioOnly.input.checked) closeCamera();
    publishLocal();
    await fillDeviceSelects(cameraSelect, micSelect);
  };

  cameraSelect.addEventListener('change', () => {
    local.cameraDevice = cameraSelect.value;
    if (!local.camera) return;
    closeCamera();
    void openCamera().then(publishLocal);
  });
  micSelect.addEventListener('change', () => {
    local.micDevice = micSelect.value;
    void openMic().then(publishLocal);
  });
  const applyCameraChoice = () => {
    local.audioOnly = audioOnly.input.checked;
    cameraOff.input.disabled = audioOnly.input.checked;
    if (cameraOff.input.checked || audioOnly.input.checked) {
      closeCamera();
      publishLocal();
    } else if (!local.camera) void openCamera().then(publishLocal);
  };
  cameraOff.input.addEventListener('change', applyCameraChoice);
  audioOnly.input.addEventListener('change', applyCameraChoice);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    nameError.hidden = name !== '';
    nameInput.setAttribute('aria-invalid', String(name === ''));
    nameInput.setAttribute('aria-describedby', name === '' ? 'display-name-error display-name-hint' : 'display-name-hint');
    if (!name) {
      nameInput.focus();
      return;
    }
    join(name);
  });

  setStage(
    'prejoin',
    el(
      'section',
      { class: 'meeting-prejoin', 'aria-labelledby': 'prejoin-title' },
      el('h2', { id: 'prejoin-title', tabindex: -1 }, t('room.prejoin_title')),
      el('p', {}, t('room.prejoin_intro')),
      problemBox,
      el('div', { class: 'meeting-prejoin-grid' }, preview(), form),
    ),
  );
  void retry();
}

// ---------------------------------------------------------------- the signalling socket

let displayName = '';
let me: Welcome['you'] | null = null;
let appointment: Welcome['appointment'] | null = null;
let rtcConfig: RTCConfiguration = { iceServers: [] };
let socket: WebSocket | null = null;
/** A final message came (ended, denied, removed) or the person left: never reconnect. */
let finished = false;
let retries = 0;
let reconnectTimer: number | undefined;
const intervals: number[] = [];

function join(name: string): void {
  displayName = name;
  audioContext(); // unlocked by this click, so the knock sound can play later
  if (isStaff && 'Notification' in window && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
  setStage('connecting', el('section', { class: 'meeting-connecting' }, heading(t('room.connecting')), el('p', { role: 'status' }, t('room.connecting_text'))));
  openSocket();
  intervals.push(
    window.setInterval(() => send({ type: 'ping' }), 20_000),
    window.setInterval(() => void checkQuality(), 2_000),
  );
}

function openSocket(): void {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + (config?.ws ?? '') + '?name=' + encodeURIComponent(displayName);
  const ws = new WebSocket(url);
  socket = ws;
  ws.addEventListener('message', (event) => {
    if (socket !== ws || typeof event.data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(event.data) as ServerMessage;
    } catch {
      return;
    }
    handle(message);
  });
  ws.addEventListener('close', (event) => {
    if (socket !== ws) return;
    socket = null;
    socketClosed(event.code);
  });
}

/** Reconnects with backoff unless the close was final; the server puts an admitted participant straight back in the room. */
function socketClosed(code: number): void {
  if (finished) return;
  // 4000: the same participant opened the meeting in another tab, which now holds it.
  if (code === 4000) return showFinal('error', t('room.error_title'), t('room.error_replaced'), true);
  // Other application codes and policy violations: the server refuses us, so asking again will not help.
  if ((code > 4000 && code < 5000) || code === 1008) return showFinal('error', t('room.error_title'), t('room.error_unavailable'), true);
  if (stage === 'connecting' && retries >= 5) return showFinal('error', t('room.error_title'), t('room.error_connect'), true);
  const delay = Math.min(5000, 500 * 2 ** retries);
  retries += 1;
  if (stage === 'room' || stage === 'lobby') announce(t('room.reconnecting'));
  reconnectTimer = window.setTimeout(openSocket, delay);
}

function send(message: ClientMessage): boolean {
  if (socket?.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(message));
  return true;
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
      return markVerified();
    case 'lobby':
      return onLobby(m.waiting);
    case 'admitted':
      return announce(t('room.admitted'));
    case 'invited':
      return showInvited(m.name, m.url);
    case 'denied':
      return showFinal('denied', t('room.denied_title'), m.message ? t('room.denied_with_message', { message: m.message }) : t('room.denied_text'), false);
    case 'removed':
      return showFinal('removed', t('room.removed_title'), t('room.removed_text'), false);
    case 'ended':
      return onEnded(m.surveyUrl);
    case 'error':
      return announce(t(m.code === 'rate_limited' ? 'room.error_rate_limited' : m.code === 'forbidden' ? 'room.error_forbidden' : 'room.error_invalid'));
    default:
      return; // pong; knocks belong to the staff start page
  }
}

function onWelcome(m: Welcome): void {
  me = m.you;
  appointment = m.appointment;
  retries = 0;
  // iceTransportPolicy 'relay' forces TURN (firewalled offices, and the relay tests).
  // max-bundle: one transport for audio and video, so half the candidates to gather and signal.
  rtcConfig = { iceServers: m.iceServers, iceTransportPolicy: m.iceTransportPolicy ?? 'all', bundlePolicy: 'max-bundle' };
  if (m.state === 'lobby') {
    closeAllPeers();
    if (stage !== 'lobby') showLobby();
    else announce('');
  } else if (stage === 'room') announce('');
  // Admitted: the room follows.
}

// ---------------------------------------------------------------- lobby

function showLobby(): void {
  const when = appointment
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: appointment.timeZone }).formatRange(new Date(appointment.start), new Date(appointment.end))
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

// A visible status line (role=status) for reconnection, connection quality changes and errors.
const status = el('p', { class: 'meeting-status', role: 'status' });
let statusTimer: number | undefined;

function announce(text: string, keepMs = 0): void {
  window.clearTimeout(statusTimer);
  status.textContent = text;
  if (keepMs) statusTimer = window.setTimeout(() => (status.textContent = ''), keepMs);
}

// ---------------------------------------------------------------- room

/** Everyone in the room as the server last told us, including ourselves. */
const roster = new Map<string, PeerInfo>();
const peers = new Map<string, Peer>();
const seenRemoteTracks = new Set<string>();
const ui = {
  tiles: el('div', { class: 'meeting-tiles' }),
  stageBox: el('div', { class: 'meeting-stage' }),
  self: el('figure', { class: 'meeting-tile meeting-self' }),
  selfCaption: el('figcaption', {}),
  controls: {} as Record<'mic' | 'camera' | 'screen' | 'audioOnly', HTMLButtonElement>,
  quality: el('p', { class: 'meeting-quality', 'data-quality': 'good' }),
  fallback: el('div', { class: 'notice meeting-fallback', hidden: true }),
  soundButton: el('button', { type: 'button', hidden: true }),
  verified: el('p', { class: 'meeting-verified', hidden: true }),
  people: el('ul', { class: 'meeting-people' }),
  peopleTitle: el('h3', { id: 'people-title' }),
  chatLog: el('div', { class: 'meeting-chat-log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'chat-title', tabindex: 0 }),
  minutesText: el('div', { class: 'meeting-minutes-text', tabindex: 0, 'aria-labelledby': 'minutes-title' }),
  minutesInput: el('textarea', { id: 'minutes-input', name: 'minutes', rows: 8, maxlength: 20000, 'aria-describedby': 'minutes-hint minutes-state' }),
  minutesState: el('span', { class: 'hint', id: 'minutes-state' }),
  lobbyList: el('ul', { class: 'meeting-waiting' }),
  lobbyTitle: el('h3', { id: 'waiting-title' }),
  lobbyEmpty: el('p', { class: 'hint' }),
  inviteResult: el('div', { class: 'meeting-invite-result', hidden: true }),
  verifyButton: null as HTMLButtonElement | null,
};

function onRoom(m: Extract<ServerMessage, { type: 'room' }>): void {
  roster.clear();
  for (const p of m.peers) roster.set(p.id, p);
  if (stage !== 'room') showRoom();
  // After a reconnect: keep connections that still carry media, start the others afresh.
  for (const id of peers.keys()) if (!roster.has(id)) closePeer(id);
  for (const p of m.peers) {
    if (p.id === me?.id) continue;
    const peer = peers.get(p.id);
    if (!peer) ensurePeer(p.id);
    else if (peer.pc.connectionState !== 'connected' || peer.pc.signalingState !== 'stable') connectPeer(peer);
    else refreshIceServers(peer.pc);
    updateTile(p.id);
  }
  ui.chatLog.replaceChildren();
  for (const line of m.chat) addChatLine(line);
  if (isStaff && minutesDirty) flushMinutes();
  else setMinutes(m.minutes);
  if (m.identityVerified) markVerified();
  announce('');
  publishLocal();
}

/** Fresh TURN credentials from the new welcome for a connection we keep. */
function refreshIceServers(pc: RTCPeerConnection): void {
  try {
    pc.setConfiguration(rtcConfig);
  } catch (err) {
    console.warn('meeting: keeping the old ICE servers', err);
  }
}

function showRoom(): void {
  ui.self.replaceChildren(selfVideo, el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }, t('room.camera_is_off')), ui.selfCaption);
  ui.stageBox.replaceChildren(ui.tiles, ui.self, el('p', { class: 'meeting-alone' }, t('room.waiting_for_others')));
  layoutTiles();
  ui.verified.textContent = `✓ ${t('room.identity_verified')}`;
  ui.soundButton.textContent = t('room.enable_sound');
  ui.soundButton.addEventListener('click', () => {
    ui.soundButton.hidden = true;
    for (const peer of peers.values()) playRemote(peer);
  });
  const main = el(
    'div',
    { class: 'meeting-main' },
    ui.stageBox,
    ui.soundButton,
    controlsBar(),
    ui.fallback,
    el('div', { class: 'meeting-info' }, ui.quality, ui.verified),
    status,
  );
  const side = el(
    'div',
    { class: 'meeting-side' },
    isStaff ? lobbyPanel() : null,
    chatPanel(),
    participantsPanel(),
    minutesPanel(),
    isStaff ? invitePanel() : null,
    isStaff ? staffActionsPanel() : null,
  );
  setStage(
    'room',
    el(
      'section',
      { class: 'meeting-room', 'aria-labelledby': 'room-title' },
      el('div', { class: 'meeting-room-head' }, el('h2', { id: 'room-title', tabindex: -1 }, t('room.title')), el('p', { class: 'meeting-recording' }, t('room.no_recording'))),
      main,
      side,
    ),
  );
  void selfVideo.play().catch(() => undefined);
  ui.quality.textContent = t('room.quality_good');
  renderLobby();
}

function controlsBar(): HTMLElement {
  const c = ui.controls;
  c.mic = button(t('room.mute'), toggleMic, { 'aria-pressed': 'false' });
  c.camera = button(t('room.camera_off'), () => void toggleCamera(), { 'aria-pressed': 'false' });
  c.screen = button(t('room.share_screen'), () => void toggleScreen(), { 'aria-pressed': 'false' });
  c.audioOnly = button(t('room.audio_only'), toggleAudioOnly, { 'aria-pressed': 'false' });
  // Phones cannot share their screen from a browser.
  c.screen.hidden = !navigator.mediaDevices?.getDisplayMedia;
  return el('div', { class: 'meeting-controls', role: 'group', 'aria-label': t('room.controls') }, c.mic, c.camera, c.screen, c.audioOnly, button(t('room.leave'), leave, { class: 'danger' }));
}

function updateControls(): void {
  const c = ui.controls;
  if (!c.mic) return;
  const state = mediaState();
  c.mic.setAttribute('aria-pressed', String(!state.audio));
  c.camera.setAttribute('aria-pressed', String(!local.camera));
  c.screen.setAttribute('aria-pressed', String(state.screen));
  c.audioOnly.setAttribute('aria-pressed', String(local.audioOnly));
  const parts = [t('room.you'), !state.audio ? t('room.state_muted') : '', !state.video && !state.screen ? t('room.state_camera_off') : '', state.screen ? t('room.state_sharing') : ''];
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
  window.clearTimeout(minutesTimer);
  if (isStaff && minutesDirty) flushMinutes();
  socket?.close(1000);
  socket = null;
  closeAllPeers();
  stopAllMedia();
}

// Remote tiles: one figure per peer with the video (which also plays the sound) and the name.
function tileFor(id: string): { tile: HTMLElement; video: HTMLVideoElement } {
  const video = el('video', { playsinline: true, autoplay: true });
  const tile = el(
    'figure',
    { class: 'meeting-tile', 'data-peer': id },
    video,
    el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }),
    el('figcaption', {}, el('span', { class: 'meeting-tile-name' }), ' ', el('span', { class: 'meeting-tile-state' })),
  );
  ui.tiles.append(tile);
  layoutTiles();
  return { tile, video };
}

/** The grid adapts to the number of remote tiles; alone, the self view is large. */
function layoutTiles(): void {
  ui.tiles.dataset.count = String(ui.tiles.children.length);
  ui.stageBox.dataset.alone = String(ui.tiles.children.length === 0);
}

function updateTile(id: string): void {
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

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

function playRemote(peer: Peer): void {
  // Browsers may block sound that starts without a click; then offer a button.
  void peer.video.play().catch((err: unknown) => {
    if (stage === 'room' && errorName(err) === 'NotAllowedError') ui.soundButton.hidden = false;
  });
}

// Chat: lines from the server (ours too, echoed), shown with name and time.
function chatPanel(): HTMLElement {
  const input = el('input', { type: 'text', id: 'chat-input', name: 'chat', maxlength: 2000, autocomplete: 'off' });
  const form = el(
    'form',
    { class: 'meeting-chat-form' },
    el('label', { for: 'chat-input' }, t('room.chat_message')),
    el('div', { class: 'meeting-row' }, input, el('button', { type: 'submit' }, t('room.chat_send'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (send({ type: 'chat', text })) input.value = '';
    else announce(t('room.not_sent'), 6000);
  });
  return panel('chat-title', el('h3', { id: 'chat-title' }, t('room.chat')), ui.chatLog, form);
}

function panel(labelledBy: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'meeting-panel', 'aria-labelledby': labelledBy }, ...children);
}

function addChatLine(line: ChatLine): void {
  const text = el('p', { class: 'meeting-chat-text' });
  // Links (the official posts the shared folder's link) become clickable; the rest stays text.
  for (const part of line.text.split(/(https?:\/\/[^\s<>"]+)/)) {
    if (/^https?:\/\//.test(part)) text.append(el('a', { href: part, target: '_blank', rel: 'noopener noreferrer' }, part));
    else if (part) text.append(part);
  }
  ui.chatLog.append(
    el(
      'div',
      { class: 'meeting-chat-line' },
      el('p', { class: 'meeting-chat-meta' }, el('strong', {}, line.name), ' ', el('time', { datetime: line.at }, clockTime(line.at))),
      text,
    ),
  );
  ui.chatLog.scrollTop = ui.chatLog.scrollHeight;
}

// Participants: the roster, with each one's sound, camera and screen state; staff may remove others.
function participantsPanel(): HTMLElement {
  return panel('people-title', ui.peopleTitle, ui.people);
}

function renderParticipants(): void {
  if (stage !== 'room') return;
  const list = Array.from(roster.values());
  ui.peopleTitle.textContent = t('room.participants', { count: list.length });
  const describe = (p: PeerInfo) => {
    const self = p.id === me?.id;
    const media = self ? mediaState() : p;
    return [roleName(p.role), self ? t('room.you') : '', !media.audio ? t('room.state_muted') : '', !media.video && !media.screen ? t('room.state_camera_off') : '', media.screen ? t('room.state_sharing') : '']
      .filter(Boolean)
      .join(' · ');
  };
  syncList(
    ui.people,
    list,
    (p) => p.id,
    (p) => {
      const li = el('li', {}, el('span', { class: 'meeting-person-name' }, p.name), ' ', el('span', { class: 'meeting-person-state' }, describe(p)));
      if (isStaff && p.id !== me?.id && p.role !== 'staff') {
        li.append(' ', button(t('room.remove', { name: p.name }), () => send({ type: 'remove', participant: p.id }), { class: 'secondary' }));
      }
      return li;
    },
    (li, p) => {
      const state = li.querySelector('.meeting-person-state');
      if (state) state.textContent = describe(p);
    },
  );
}

// Minutes: the official writes, everyone reads. Sent ~800 ms after typing stops.
let minutesTimer: number | undefined;
let minutesDirty = false;

function minutesPanel(): HTMLElement {
  const title = el('h3', { id: 'minutes-title' }, t('room.minutes'));
  if (!isStaff) return panel('minutes-title', title, ui.minutesText);
  ui.minutesInput.addEventListener('input', () => {
    minutesDirty = true;
    ui.minutesState.textContent = '';
    window.clearTimeout(minutesTimer);
    minutesTimer = window.setTimeout(flushMinutes, 800);
  });
  ui.minutesInput.addEventListener('blur', () => {
    window.clearTimeout(minutesTimer);
    if (minutesDirty) flushMinutes();
  });
  return panel(
    'minutes-title',
    title,
    el('label', { for: 'minutes-input' }, t('room.minutes_label')),
    el('span', { class: 'hint', id: 'minutes-hint' }, t('room.minutes_hint')),
    ui.minutesInput,
    ui.minutesState,
  );
}

function flushMinutes(): void {
  if (send({ type: 'minutes', text: ui.minutesInput.value })) {
    minutesDirty = false;
    ui.minutesState.textContent = t('room.minutes_saved');
  } else ui.minutesState.textContent = t('room.minutes_unsaved');
}

function setMinutes(text: string): void {
  if (isStaff) {
    if (!minutesDirty) ui.minutesInput.value = text;
    return;
  }
  ui.minutesText.textContent = text || t('room.minutes_empty');
}

function markVerified(): void {
  ui.verified.hidden = false;
  if (ui.verifyButton) ui.verifyButton.disabled = true;
}

// ---------------------------------------------------------------- staff: lobby, invitations, ending

let waiting: Knocker[] = [];
let knownKnockers = new Set<string>();

function lobbyPanel(): HTMLElement {
  return panel('waiting-title', ui.lobbyTitle, ui.lobbyEmpty, ui.lobbyList);
}

function onLobby(list: Knocker[]): void {
  const newcomers = list.filter((k) => !knownKnockers.has(k.id));
  knownKnockers = new Set(list.map((k) => k.id));
  waiting = list;
  renderLobby();
  if (newcomers.length === 0) return;
  chime();
  const names = newcomers.map((k) => k.name).join(', ');
  announce(t('room.knock_announce', { name: names }), 30_000);
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      const note = new Notification(t('room.knock_title', { name: names }), { body: t('room.knock_body'), tag: `okence-lobby-${newcomers[0]?.id ?? ''}` });
      note.addEventListener('click', () => window.focus());
    } catch {
      // Android Chrome only shows notifications through a service worker; the sound and the list remain.
    }
  }
}

function renderLobby(): void {
  if (!isStaff || stage !== 'room') return;
  ui.lobbyTitle.textContent = t('room.waiting', { count: waiting.length });
  ui.lobbyEmpty.textContent = waiting.length === 0 ? t('room.waiting_none') : '';
  ui.lobbyEmpty.hidden = waiting.length > 0;
  syncList(ui.lobbyList, waiting, (k) => k.id, waitingItem, () => undefined);
}

function waitingItem(k: Knocker): HTMLElement {
  const messageId = `deny-message-${k.id}`;
  const message = el('input', { type: 'text', id: messageId, name: 'deny-message', maxlength: 300 });
  return el(
    'li',
    {},
    el('p', {}, el('strong', {}, k.name), ' · ', roleName(k.role), ' · ', t('room.waiting_since', { time: clockTime(k.since, appointment?.timeZone) })),
    el('div', { class: 'meeting-row' }, button(t('room.admit', { name: k.name }), () => send({ type: 'admit', participant: k.id }))),
    el('label', { for: messageId }, t('room.deny_message')),
    el('div', { class: 'meeting-row' }, message, button(t('room.deny', { name: k.name }), () => send({ type: 'deny', participant: k.id, message: message.value.trim() }), { class: 'secondary' })),
  );
}

/** A short two-note chime made with an oscillator, so no sound file is fetched. */
function chime(): void {
  if (!('AudioContext' in window)) return;
  const ctx = audioContext();
  const start = ctx.currentTime + 0.01;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.32);
  });
}

function invitePanel(): HTMLElement {
  const input = el('input', { type: 'text', id: 'invite-name', name: 'invite-name', maxlength: 80, autocomplete: 'off' });
  const form = el(
    'form',
    { class: 'meeting-invite-form' },
    el('label', { for: 'invite-name' }, t('room.invite_name')),
    el('div', { class: 'meeting-row' }, input, el('button', { type: 'submit' }, t('room.invite_create'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name && send({ type: 'invite', name })) input.value = '';
  });
  return panel('invite-title', el('h3', { id: 'invite-title' }, t('room.invite')), el('p', { class: 'hint' }, t('room.invite_hint')), form, ui.inviteResult);
}

function showInvited(name: string, url: string): void {
  const input = el('input', { type: 'text', id: 'invite-url', readonly: true, 'aria-describedby': 'invite-copied' });
  input.value = url;
  const copied = el('span', { class: 'hint', id: 'invite-copied', role: 'status' });
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => (copied.textContent = t('room.copied')),
      () => {
        input.select();
        copied.textContent = t('room.copy_failed');
      },
    );
  };
  ui.inviteResult.replaceChildren(
    el('label', { for: 'invite-url' }, t('room.invite_link', { name })),
    el('div', { class: 'meeting-row' }, input, button(t('room.copy'), copy)),
    copied,
  );
  ui.inviteResult.hidden = false;
  input.focus();
  input.select();
}

function staffActionsPanel(): HTMLElement {
  ui.verifyButton = button(t('room.verify_identity'), () => send({ type: 'verify-identity' }), { class: 'secondary' });
  if (!ui.verified.hidden) ui.verifyButton.disabled = true;
  return panel(
    'actions-title',
    el('h3', { id: 'actions-title' }, t('room.actions')),
    el('p', {}, ui.verifyButton),
    confirmed(t('room.no_show'), t('room.no_show_confirm'), () => send({ type: 'no-show' })),
    confirmed(t('room.end'), t('room.end_confirm'), () => send({ type: 'end' })),
  );
}

/** A button for something that cannot be undone: the first press asks, the second does it. */
function confirmed(label: string, question: string, act: () => void): HTMLElement {
  const box = el('div', { class: 'meeting-confirm' });
  const first = button(label, () => {
    const yes = button(t('room.confirm_yes'), act, { class: 'danger' });
    const no = button(
      t('room.confirm_no'),
      () => {
        box.replaceChildren(first);
        first.focus();
      },
      { class: 'secondary' },
    );
    box.replaceChildren(el('p', {}, question), el('div', { class: 'meeting-row' }, yes, no));
    yes.focus();
  }, { class: 'danger' });
  box.append(first);
  return box;
}

// ---------------------------------------------------------------- the end

function onEnded(surveyUrl: string | null): void {
  const survey = surveyUrl && new URL(surveyUrl, location.href).origin === location.origin ? surveyUrl : null;
  showFinal('ended', t('room.ended_title'), t('room.ended_text'), false, survey);
  // Give people a moment to read that it ended, then take them to the survey.
  if (survey) window.setTimeout(() => location.assign(survey), 4000);
}

function showFinal(next: Stage, title: string, text: string, canRejoin: boolean, surveyUrl: string | null = null): void {
  teardown();
  setStage(
    next,
    el(
      'section',
      { class: `meeting-final meeting-${next}` },
      heading(title),
      el('p', { class: 'notice' }, text),
      surveyUrl ? el('p', {}, el('a', { class: 'button', href: surveyUrl }, t('room.survey'))) : null,
      surveyUrl ? el('p', { class: 'hint' }, t('room.survey_soon')) : null,
      canRejoin ? el('p', {}, button(t('room.rejoin'), () => location.reload())) : null,
      isStaff ? el('p', {}, el('a', { href: '/staff' }, t('room.back_to_agenda'))) : null,
    ),
  );
}

// ---------------------------------------------------------------- the mesh (perfect negotiation)

const POLITE_FIRST_OFFER_DELAY_MS = 1500;

function ensurePeer(id: string): Peer {
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
  const peer = { id, polite: (me?.id ?? '') > id, stream, tile, video, iceTimer: undefined } as Peer;
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
  Object.assign(peer, { pc, makingOffer: false, ignoreOffer: false, senders: {}, connectedAt: 0, loss: { lost: 0, received: 0 } });
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
        if (peer.pc === pc && !pc.remoteDescription && pc.signalingState === 'stable') void negotiate(peer, pc);
      }, POLITE_FIRST_OFFER_DELAY_MS);
      return;
    }
    void negotiate(peer, pc);
  });
  pc.addEventListener('icecandidate', ({ candidate }) => {
    if (peer.pc !== pc || !candidate?.candidate) return;
    const c = candidate.toJSON();
    send({ type: 'signal', to: peer.id, candidate: { candidate: c.candidate ?? '', sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment } });
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
  for (const old of peer.stream.getTracks()) if (old.kind === track.kind && old !== track) peer.stream.removeTrack(old);
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

async function onSignal(m: Signal): Promise<void> {
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
    if (!peer.ignoreOffer && peer.pc === pc) console.warn('meeting: an ICE candidate was refused', err);
  }
}

/** The MDN "perfect negotiation" pattern, plus: a description with a new DTLS fingerprint means the other side started afresh. */
async function onDescription(peer: Peer, description: { type: 'offer' | 'answer'; sdp: string }): Promise<void> {
  const current = peer.pc.currentRemoteDescription ?? peer.pc.remoteDescription;
  if (current && fingerprint(current.sdp) !== fingerprint(description.sdp)) {
    connectPeer(peer);
    // Our fresh connection offers by itself; an answer from the old session means nothing to it.
    if (description.type === 'answer') return;
  }
  const pc = peer.pc;
  const collision = description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
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
    if (sender.track !== track) void sender.replaceTrack(track).catch((err: unknown) => console.warn('meeting: replaceTrack failed', err));
    return;
  }
  if (!track) return;
  // A transceiver the other side opened for this kind, not sending yet: use it rather than add another m-line.
  const idle = peer.pc.getTransceivers().find((x) => x.receiver.track.kind === kind && x.currentDirection !== 'stopped' && !x.sender.track);
  if (idle) {
    if (idle.direction === 'recvonly') idle.direction = 'sendrecv';
    else if (idle.direction === 'inactive') idle.direction = 'sendonly';
    void idle.sender.replaceTrack(track);
    peer.senders[kind] = idle.sender;
  } else peer.senders[kind] = peer.pc.addTrack(track, local.stream);
}

/** Audio only also stops receiving video (saves mobile data): video transceivers drop "recv" and renegotiate. */
function applyReceivePolicy(only?: Peer): void {
  for (const peer of only ? [only] : peers.values()) {
    for (const x of peer.pc.getTransceivers()) {
      if (x.receiver.track.kind !== 'video' || x.currentDirection === 'stopped') continue;
      const sends = x.direction === 'sendrecv' || x.direction === 'sendonly';
      const next = local.audioOnly ? (sends ? 'sendonly' : 'inactive') : sends ? 'sendrecv' : 'recvonly';
      if (x.direction !== next) x.direction = next;
    }
  }
}

function closePeer(id: string): void {
  const peer = peers.get(id);
  if (!peer) return;
  window.clearTimeout(peer.iceTimer);
  peer.pc.close();
  peer.tile.remove();
  peers.delete(id);
  layoutTiles();
}

function closeAllPeers(): void {
  for (const id of Array.from(peers.keys())) closePeer(id);
}

// ---------------------------------------------------------------- connection quality

let poorSince: number | null = null;
let lastQuality: Quality = 'good';

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
      if (typeof s.availableOutgoingBitrate === 'number') bitrate = Math.min(bitrate, s.availableOutgoingBitrate);
    } else if (s.type === 'inbound-rtp') {
      lost += num(s.packetsLost);
      received += num(s.packetsReceived);
    }
  }
  const newLost = lost - peer.loss.lost;
  const newReceived = received - peer.loss.received;
  peer.loss = { lost, received };
  const inboundLoss = newLost > 0 && newLost + newReceived > 0 ? newLost / (newLost + newReceived) : 0;
  const loss = Math.max(fractionLost, inboundLoss);
  const sendingVideo = outgoingVideo() !== null;
  if (loss >= 0.1 || rtt >= 0.5 || (sendingVideo && bitrate < 80_000)) return 'poor';
  if (loss >= 0.03 || rtt >= 0.25 || (sendingVideo && bitrate < 200_000)) return 'weak';
  return 'good';
}

const QUALITY_TEXT: Record<Quality, Key> = { good: 'room.quality_good', weak: 'room.quality_weak', poor: 'room.quality_poor' };

async function checkQuality(): Promise<void> {
  if (stage !== 'room') return;
  const results = await Promise.all(Array.from(peers.values(), (p) => measure(p).catch(() => null)));
  const worst: Quality = results.includes('poor') ? 'poor' : results.includes('weak') ? 'weak' : 'good';
  if (worst !== lastQuality) {
    lastQuality = worst;
    ui.quality.dataset.quality = worst;
    ui.quality.textContent = t(QUALITY_TEXT[worst]);
  }
  poorSince = worst === 'poor' ? (poorSince ?? Date.now()) : null;
  // Poor for 10 s while sending the camera: keep the sound, drop our video, and say so.
  if (poorSince !== null && Date.now() - poorSince >= 10_000 && local.camera && !local.screen) {
    poorSince = null;
    closeCamera();
    publishLocal();
    ui.fallback.replaceChildren(el('p', {}, t('room.fallback_text')), button(t('room.camera_back_on'), () => void toggleCamera(), { class: 'secondary' }));
    ui.fallback.hidden = false;
    announce(t('room.fallback_text'));
  }
}

// ---------------------------------------------------------------- test hook and start

/** What the browser tests read: per peer, decoded frames, bytes and the selected candidate type. */
async function peerStats(peer: Peer): Promise<{ framesDecoded: number; bytesReceived: number; candidateType: string | null; connectionState: RTCPeerConnectionState }> {
  const list = entries(await peer.pc.getStats());
  const byId = new Map(list.map((s) => [s.id, s]));
  let framesDecoded = 0;
  let bytesReceived = 0;
  let pairId: string | null = null;
  for (const s of list) {
    if (s.type === 'inbound-rtp') {
      framesDecoded += num(s.framesDecoded);
      bytesReceived += num(s.bytesReceived);
    } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pairId = s.selectedCandidatePairId;
  }
  // Firefox has no transport.selectedCandidatePairId; it flags the pair itself.
  const pair = (pairId ? byId.get(pairId) : undefined) ?? list.find((s) => s.type === 'candidate-pair' && (s.selected === true || (s.nominated === true && s.state === 'succeeded')));
  const candidate = typeof pair?.localCandidateId === 'string' ? byId.get(pair.localCandidateId) : undefined;
  return { framesDecoded, bytesReceived, candidateType: typeof candidate?.candidateType === 'string' ? candidate.candidateType : null, connectionState: peer.pc.connectionState };
}

Object.assign(window, {
  okenceMeeting: {
    stage: () => stage,
    peerIds: () => Array.from(peers.keys()),
    remoteTracks: () => seenRemoteTracks.size,
    async stats() {
      const result: Record<string, Awaited<ReturnType<typeof peerStats>>> = {};
      for (const peer of peers.values()) result[peer.id] = await peerStats(peer);
      return result;
    },
  },
});

if (app && config) {
  // Browsers start audio only after a click or key press; resume on the first one.
  document.addEventListener(
    'pointerdown',
    () => {
      if (audioCtx?.state === 'suspended') void audioCtx.resume().catch(() => undefined);
    },
    { capture: true },
  );
  // Leaving the page: keep the last minutes, and close the socket at once so the others see us go.
  window.addEventListener('pagehide', () => {
    if (isStaff && minutesDirty) flushMinutes();
    finished = true;
    socket?.close(1000);
  });
  showPrejoin();
}

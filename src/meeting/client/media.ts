// The person's own camera, microphone and screen: getting them, the self view, the
// microphone level, and the pre-join stage where they choose devices and their name.
// publishLocal() is called after every change; meeting.ts adds what else follows one.
import type { MeetingClientMessageKey as Key } from '../../i18n/messages/meeting-client.ts';
import { button, config, el, errorName, setStage, stage, t } from './dom.ts';

// ---------------------------------------------------------------- local media

export const local = {
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

export const selfVideo = el('video', {
  class: 'meeting-self-video',
  playsinline: true,
  autoplay: true,
  muted: true,
});
selfVideo.muted = true;

/** The video we send: the screen while sharing, else the camera unless audio only. */
export function outgoingVideo(): MediaStreamTrack | null {
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

export async function openCamera(): Promise<boolean> {
  const video = local.cameraDevice
    ? { deviceId: { exact: local.cameraDevice } }
    : { facingMode: 'user' };
  const stream = await getMedia({ video });
  if (stream) adopt(stream);
  return stream !== null;
}

export async function openMic(): Promise<boolean> {
  const stream = await getMedia({
    audio: local.micDevice ? { deviceId: { exact: local.micDevice } } : true,
  });
  if (stream) adopt(stream);
  return stream !== null;
}

/** Turns the camera off for real (its light goes out), not just black frames. */
export function closeCamera(): void {
  local.camera?.stop();
  local.camera = null;
}

/** Stops every local track and the level meter (the end of the meeting). */
export function stopAllMedia(): void {
  for (const track of [local.mic, local.camera, local.screen]) track?.stop();
  local.mic = local.camera = local.screen = null;
  stopLevel();
  selfVideo.srcObject = null;
}

let afterLocalChange: () => void = () => undefined;

/** What else follows a change to local media: meeting.ts sets it (every peer's senders, the controls, the others' participant list). */
export function onLocalChange(then: () => void): void {
  afterLocalChange = then;
}

/** After any change to local media: the self view and the level meter here, then what onLocalChange added. */
export function publishLocal(): void {
  const wanted = [local.mic, outgoingVideo()].filter((x): x is MediaStreamTrack => x !== null);
  for (const track of local.stream.getTracks())
    if (!wanted.includes(track)) local.stream.removeTrack(track);
  for (const track of wanted)
    if (!local.stream.getTracks().includes(track)) local.stream.addTrack(track);
  const video = outgoingVideo();
  selfVideo.srcObject = video ? new MediaStream([video]) : null;
  selfVideo.classList.toggle('is-mirrored', video !== null && video === local.camera);
  selfVideo.parentElement?.classList.toggle('is-video-off', !video);
  // The level meter belongs to pre-join and the lobby; the room does not show it.
  const levelOf = stage === 'room' ? null : local.mic;
  if (levelOf !== levelTrack) watchLevel(levelOf);
  afterLocalChange();
}

/** What we send, as the others see it in their participant list. */
export function mediaState(): { audio: boolean; video: boolean; screen: boolean } {
  return {
    audio: local.mic !== null && !local.muted,
    video: local.camera !== null && !local.audioOnly,
    screen: local.screen !== null,
  };
}

// The microphone level: an AnalyserNode on the microphone, read ten times a second.
let audioCtx: AudioContext | null = null;
let levelTrack: MediaStreamTrack | null = null;
let stopLevel: () => void = () => undefined;
const levelMeter = el('meter', { id: 'mic-level', min: 0, max: 100, value: 0 }, '0');

/** The page's one AudioContext. Browsers start it suspended until the person interacts, so every click resumes it. */
export function audioContext(): AudioContext {
  audioCtx ??= new AudioContext();
  if (audioCtx.state === 'suspended') void audioCtx.resume().catch(() => undefined);
  return audioCtx;
}

/** Resumes the AudioContext, if there is one, that the browser started suspended. */
export function resumeAudio(): void {
  if (audioCtx?.state === 'suspended') void audioCtx.resume().catch(() => undefined);
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
    adopt(
      await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: true }),
    );
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
export function preview(): HTMLElement {
  return el(
    'div',
    { class: 'meeting-preview' },
    el(
      'div',
      { class: 'meeting-tile meeting-preview-video' },
      selfVideo,
      el('div', { class: 'meeting-video-off', 'aria-hidden': 'true' }, t('room.camera_is_off')),
    ),
    el(
      'div',
      { class: 'meeting-level' },
      el('label', { for: 'mic-level' }, t('room.mic_level')),
      levelMeter,
    ),
  );
}

function deviceSelect(id: string, label: Key): HTMLSelectElement {
  return el('select', { id, name: id, 'aria-label': t(label) });
}

async function fillDeviceSelects(camera: HTMLSelectElement, mic: HTMLSelectElement): Promise<void> {
  const devices = navigator.mediaDevices?.enumerateDevices
    ? await navigator.mediaDevices.enumerateDevices()
    : [];
  const fill = (
    select: HTMLSelectElement,
    kind: MediaDeviceKind,
    current: string,
    nth: Key,
    none: Key,
  ) => {
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
  return {
    input,
    box: el('div', { class: 'meeting-check' }, input, el('label', { for: id }, t(label))),
  };
}

/** Whether the browser reports a 2G-like connection or a data saver (Chromium's navigator.connection). */
function slowConnection(): boolean {
  const c = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } })
    .connection;
  return c?.saveData === true || c?.effectiveType === 'slow-2g' || c?.effectiveType === '2g';
}

/** The pre-join stage: name, devices, self view and level; join(name) when the form is sent. */
export function showPrejoin(join: (name: string) => void): void {
  const problemBox = el('div', { class: 'meeting-problem', role: 'alert' });
  // The name comes from the booking, the guest link or the staff account: shown, not chosen.
  const nameInput = el('input', {
    type: 'text',
    id: 'display-name',
    name: 'name',
    maxlength: 80,
    readonly: true,
    'aria-describedby': 'display-name-hint',
  });
  nameInput.value = config?.name ?? '';
  const nameError = el(
    'span',
    { class: 'error-message', id: 'display-name-error', hidden: true },
    t('room.name_required'),
  );
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
      el(
        'p',
        { class: 'meeting-problem-actions' },
        el('a', { href: config?.helpUrl ?? '/help/meeting' }, t('room.device_help')),
        ' ',
        button(t('room.device_retry'), () => void retry(), { class: 'secondary' }),
      ),
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
  // A browser that says the connection is slow, or that the person saves data: sound only, preselected.
  if (slowConnection()) {
    audioOnly.input.checked = true;
    local.audioOnly = true;
    cameraOff.input.disabled = true;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    nameError.hidden = name !== '';
    nameInput.setAttribute('aria-invalid', String(name === ''));
    nameInput.setAttribute(
      'aria-describedby',
      name === '' ? 'display-name-error display-name-hint' : 'display-name-hint',
    );
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

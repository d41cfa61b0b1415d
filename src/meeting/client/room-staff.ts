// The official's panels in the room: who waits in the lobby (admit or deny, with a chime
// and a notification when someone knocks), guest invitations, and the actions that cannot
// be undone (no-show, end) and the identity check, which is recorded and can be corrected. room-ui.ts places them in the side column.
import type { IdentityDocument, Knocker } from '../protocol.ts';
import {
  announce,
  button,
  clockTime,
  config,
  el,
  isStaff,
  panel,
  roleName,
  stage,
  syncList,
  t,
} from './dom.ts';
import { audioContext } from './media.ts';
import { send } from './socket.ts';
import { chime } from './chime.ts';

const lobbyList = el('ul', { class: 'meeting-waiting' });
const lobbyTitle = el('h3', { id: 'waiting-title' });
const lobbyEmpty = el('p', { class: 'hint' });
const inviteResult = el('div', { class: 'meeting-invite-result', hidden: true });
let verifyButton: HTMLButtonElement | null = null;
let documentSelect: HTMLSelectElement | null = null;
const IDENTITY_CHOICES = ['id_card', 'passport', 'driving_licence', 'other', 'none'] as const;

let waiting: Knocker[] = [];
let knownKnockers = new Set<string>();
/** The appointment's time zone: "waiting since" is told in the office's time. */
let timeZone: string | undefined;

/** Who waits in the lobby, with admit and deny; times in the appointment's zone. */
export function lobbyPanel(appointmentZone: string | undefined): HTMLElement {
  timeZone = appointmentZone;
  return panel('waiting-title', lobbyTitle, lobbyEmpty, lobbyList);
}

/** The lobby as the server sent it: shown, and newcomers announced (chime, status line, notification). */
export function onLobby(list: Knocker[]): void {
  const newcomers = list.filter((k) => !knownKnockers.has(k.id));
  knownKnockers = new Set(list.map((k) => k.id));
  waiting = list;
  renderLobby();
  if (newcomers.length === 0) return;
  if ('AudioContext' in window) chime(audioContext());
  const names = newcomers.map((k) => k.name).join(', ');
  announce(t('room.knock_announce', { name: names }), 30_000);
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      const note = new Notification(t('room.knock_title', { name: names }), {
        body: t('room.knock_body'),
        tag: `okence-lobby-${newcomers[0]?.id ?? ''}`,
      });
      note.addEventListener('click', () => window.focus());
    } catch {
      // Android Chrome only shows notifications through a service worker; the sound and the list remain.
    }
  }
}

/** Shows the waiting list (only in the room, and only to staff). */
export function renderLobby(): void {
  if (!isStaff || stage !== 'room') return;
  lobbyTitle.textContent = t('room.waiting', { count: waiting.length });
  lobbyEmpty.textContent = waiting.length === 0 ? t('room.waiting_none') : '';
  lobbyEmpty.hidden = waiting.length > 0;
  syncList(
    lobbyList,
    waiting,
    (k) => k.id,
    waitingItem,
    () => undefined,
  );
}

function waitingItem(k: Knocker): HTMLElement {
  const messageId = `deny-message-${k.id}`;
  const message = el('input', {
    type: 'text',
    id: messageId,
    name: 'deny-message',
    maxlength: 300,
  });
  return el(
    'li',
    {},
    el(
      'p',
      {},
      el('strong', {}, k.name),
      ' · ',
      roleName(k.role),
      ' · ',
      t('room.waiting_since', { time: clockTime(k.since, timeZone) }),
    ),
    k.sameLink &&
      el(
        'p',
        { class: 'warning' },
        t(k.sameLink === 'in_room' ? 'room.same_link_in_room' : 'room.same_link_earlier', {
          name: k.name,
        }),
      ),
    el(
      'div',
      { class: 'meeting-row' },
      button(t('room.admit', { name: k.name }), () => send({ type: 'admit', participant: k.id })),
    ),
    el('label', { for: messageId }, t('room.deny_message')),
    el(
      'div',
      { class: 'meeting-row' },
      message,
      button(
        t('room.deny', { name: k.name }),
        () => send({ type: 'deny', participant: k.id, message: message.value.trim() }),
        { class: 'secondary' },
      ),
    ),
  );
}

/** Invites a guest by name; the server answers with their link (showInvited). */
export function invitePanel(): HTMLElement {
  const input = el('input', {
    type: 'text',
    id: 'invite-name',
    name: 'invite-name',
    maxlength: 80,
    autocomplete: 'off',
  });
  const form = el(
    'form',
    { class: 'meeting-invite-form' },
    el('label', { for: 'invite-name' }, t('room.invite_name')),
    el(
      'div',
      { class: 'meeting-row' },
      input,
      el('button', { type: 'submit' }, t('room.invite_create')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name && send({ type: 'invite', name })) input.value = '';
  });
  return panel(
    'invite-title',
    el('h3', { id: 'invite-title' }, t('room.invite')),
    el('p', { class: 'hint' }, t('room.invite_hint')),
    form,
    inviteResult,
  );
}

/** The new guest's link, ready to copy. */
export function showInvited(name: string, url: string): void {
  const input = el('input', {
    type: 'text',
    id: 'invite-url',
    readonly: true,
    'aria-describedby': 'invite-copied',
  });
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
  inviteResult.replaceChildren(
    el('label', { for: 'invite-url' }, t('room.invite_link', { name })),
    el('div', { class: 'meeting-row' }, input, button(t('room.copy'), copy)),
    copied,
  );
  inviteResult.hidden = false;
  input.focus();
  input.select();
}

/** This participant's address of the meeting folder: beside their own meeting address. */
export function folderUrl(): string {
  return `${(config?.ws ?? '').replace(/\/ws$/, '')}/files`;
}

// The official's "open folder": once the folder exists (its line is in the chat) it becomes a link.
const folderBox = el('p', {});
let folderIsOpen = false;

export function folderOpened(): void {
  folderIsOpen = true;
  folderBox.replaceChildren(
    el('a', { href: folderUrl(), target: '_blank', rel: 'noopener' }, t('room.folder_link')),
  );
}

/**
 * The identity check: which document was shown (never its number). Saving again corrects it,
 * "not checked" withdraws it; each save is a new line in the appointment's history.
 */
function identityBox(current: IdentityDocument | null): HTMLElement {
  documentSelect = el(
    'select',
    { id: 'identity-document', 'aria-describedby': 'identity-hint' },
    ...IDENTITY_CHOICES.map((d) =>
      el('option', { value: d, selected: d === (current ?? 'none') }, t(`room.document.${d}`)),
    ),
  );
  verifyButton = button(
    t('room.verify_identity'),
    () => {
      const value = documentSelect?.value ?? 'none';
      send({
        type: 'verify-identity',
        document: value === 'none' ? null : (value as IdentityDocument),
      });
    },
    { class: 'secondary' },
  );
  return el(
    'div',
    { class: 'stack' },
    el('label', { for: 'identity-document' }, t('room.identity_document')),
    el('span', { class: 'hint', id: 'identity-hint' }, t('room.identity_hint')),
    documentSelect,
    el('p', {}, verifyButton),
  );
}

/** Identity check, shared folder, no-show and end. */
export function staffActionsPanel(identity: IdentityDocument | null): HTMLElement {
  if (!folderIsOpen)
    folderBox.replaceChildren(
      button(t('room.folder_open'), () => send({ type: 'open-folder' }), {
        class: 'secondary',
        id: 'open-folder',
      }),
    );
  return panel(
    'actions-title',
    el('h3', { id: 'actions-title' }, t('room.actions')),
    identityBox(identity),
    folderBox,
    confirmed(t('room.no_show'), t('room.no_show_confirm'), () => send({ type: 'no-show' })),
    confirmed(t('room.end'), t('room.end_confirm'), () => send({ type: 'end' })),
  );
}

/** A button for something that cannot be undone: the first press asks, the second does it. */
function confirmed(label: string, question: string, act: () => void): HTMLElement {
  const box = el('div', { class: 'meeting-confirm' });
  const first = button(
    label,
    () => {
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
    },
    { class: 'danger' },
  );
  box.append(first);
  return box;
}

/** The identity check as recorded (by this official or another): the choice shows it. */
export function showIdentityChoice(document: IdentityDocument | null): void {
  if (documentSelect) documentSelect.value = document ?? 'none';
}

// The room's chat: lines from the server (ours too, echoed) with name and time, the form, and
// on narrow screens the chat folded away behind a button that counts the lines that came.
import type { ChatLine } from '../protocol.ts';
import { announce, button, clockTime, el, panel, t } from './dom.ts';
import { me } from './peers.ts';
import { folderOpened, folderUrl } from './room-staff.ts';
import { send } from './socket.ts';

const chat = {
  panel: null as HTMLElement | null,
  toggle: null as HTMLButtonElement | null,
  unread: el('span', { class: 'meeting-unread', hidden: true }),
  log: el('div', {
    class: 'meeting-chat-log',
    role: 'log',
    'aria-live': 'polite',
    'aria-labelledby': 'chat-title',
    tabindex: 0,
  }),
};
/** The office's time zone, for the chat's times. */
let timeZone: string | undefined;

/** The controls' button that shows or hides the chat, with the count of unread lines. */
export function chatToggle(): HTMLButtonElement {
  chat.toggle = button(t('room.chat_toggle'), toggleChat, {
    'aria-expanded': 'true',
    'aria-controls': 'chat-panel',
    class: 'meeting-chat-toggle',
  });
  chat.toggle.append(chat.unread);
  return chat.toggle;
}

/** After the room is drawn: the chat open beside the video, folded away where the panels stack. */
export function foldChatIfNarrow(): void {
  showChat(window.matchMedia(SIDE_BY_SIDE).matches);
}

/** Empties the chat before a (re)admission's chat so far is shown. */
export function clearChat(): void {
  chat.log.replaceChildren();
}

// Where the side panels stack below the video (site.css), the chat starts folded away so the
// video and the controls fit a phone's screen; its button counts the lines that came meanwhile.
const SIDE_BY_SIDE = '(min-width: 60rem)';

function showChat(open: boolean): void {
  if (!chat.panel) return;
  chat.panel.hidden = !open;
  chat.toggle?.setAttribute('aria-expanded', String(open));
  if (open) {
    chat.unread.hidden = true;
    chat.unread.textContent = '';
  }
}

function toggleChat(): void {
  const open = chat.panel?.hidden ?? false;
  showChat(open);
  if (open && !window.matchMedia(SIDE_BY_SIDE).matches) {
    chat.panel?.scrollIntoView({ block: 'nearest' });
    document.getElementById('chat-input')?.focus();
  }
}

/** A chat line arrived while the chat is folded away: count it on the chat button. */
function countUnread(): void {
  if (!chat.panel?.hidden) return;
  const count = Number(chat.unread.dataset.count ?? '0') + 1;
  chat.unread.dataset.count = String(count);
  chat.unread.textContent = ` (${t('room.chat_unread', { count })})`;
  chat.unread.hidden = false;
}

// Chat: lines from the server (ours too, echoed), shown with name and time.
/** The chat panel; `timeZone`: the office's, so chat times read as the office's clocks, not as the browser's. */
export function chatPanel(zone: string | undefined): HTMLElement {
  timeZone = zone;
  const input = el('input', {
    type: 'text',
    id: 'chat-input',
    name: 'chat',
    maxlength: 2000,
    autocomplete: 'off',
  });
  const form = el(
    'form',
    { class: 'meeting-chat-form' },
    el('label', { for: 'chat-input' }, t('room.chat_message')),
    el(
      'div',
      { class: 'meeting-row' },
      input,
      el('button', { type: 'submit' }, t('room.chat_send')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (send({ type: 'chat', text })) input.value = '';
    else announce(t('room.not_sent'), 6000);
  });
  const section = panel(
    'chat-title',
    el('h3', { id: 'chat-title' }, t('room.chat')),
    chat.log,
    form,
  );
  section.id = 'chat-panel';
  chat.panel = section;
  return section;
}

/** A chat line from the server (ours too), with a clickable link where it has one; `live` when it was just sent. */
export function addChatLine(line: ChatLine, live = true): void {
  const text = el('p', { class: 'meeting-chat-text' });
  if (line.kind === 'folder') {
    // The folder's announcement: each participant's link is their own address of the folder.
    text.append(
      t('room.folder_line'),
      ' ',
      el(
        'a',
        { href: folderUrl(), target: '_blank', rel: 'noopener', 'data-folder-link': true },
        t('room.folder_link'),
      ),
    );
    folderOpened();
  } else {
    // Links (the official posts the shared folder's link) become clickable; the rest stays text.
    for (const part of line.text.split(/(https?:\/\/[^\s<>"]+)/)) {
      if (/^https?:\/\//.test(part))
        text.append(el('a', { href: part, target: '_blank', rel: 'noopener noreferrer' }, part));
      else if (part) text.append(part);
    }
  }
  chat.log.append(
    el(
      'div',
      { class: 'meeting-chat-line' },
      el(
        'p',
        { class: 'meeting-chat-meta' },
        el('strong', {}, line.name),
        ' ',
        el('time', { datetime: line.at }, clockTime(line.at, timeZone)),
      ),
      text,
    ),
  );
  chat.log.scrollTop = chat.log.scrollHeight;
  if (live && line.from !== me?.id) countUnread();
}

// Knock announcements on every staff page: when someone enters the waiting room of a
// meeting at the official's offices, a short sound, a browser notification (if allowed),
// a polite line in #lobby-announcements, and the lobby panel's list and the start page's and
// the agenda's lists reloaded from the server (so a row says "in progress" once the person is
// let in, and "waiting" goes when they leave). Served as /assets/staff-lobby.js after type
// stripping; it imports the chime it shares with the official's room, the lobby panel and the
// live lists.
import type { ServerMessage } from '../protocol.ts';
import { chime } from './chime.ts';
import { livePanel } from './lobby-panel.ts';
import { liveLists } from './live-list.ts';
import type { MeetingClientMessageKey as Key } from '../../i18n/messages/meeting-client.ts';

type Config = { ws: string; panel: string; text: Partial<Record<Key, string>> };
type Knock = Extract<ServerMessage, { type: 'knock' }>;

const MAX_ANNOUNCEMENTS = 5;
const LOCALES: Partial<Record<string, string>> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

function t(config: Config, key: Key, params?: Record<string, string>): string {
  const text = config.text[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole) : text;
}

/** Offers a button that asks for notification permission (browsers only ask after a click). */
function notificationButton(config: Config, live: HTMLElement): void {
  if (!('Notification' in window) || Notification.permission !== 'default') return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = t(config, 'room.notifications_on');
  button.addEventListener('click', () => {
    void Notification.requestPermission().then((permission) => {
      button.remove();
      announce(
        live,
        t(
          config,
          permission === 'granted' ? 'room.notifications_enabled' : 'room.notifications_blocked',
        ),
      );
    });
  });
  live.before(button);
}

function announce(live: HTMLElement, text: string, link?: { href: string; text: string }): void {
  const line = document.createElement('p');
  line.textContent = text;
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    line.append(' ', a);
  }
  live.prepend(line);
  while (live.children.length > MAX_ANNOUNCEMENTS) live.lastElementChild?.remove();
}

function main(): void {
  const live = document.getElementById('lobby-announcements');
  const raw = document.getElementById('staff-lobby-config')?.textContent;
  if (!live || !raw) return;
  const config = JSON.parse(raw) as Config;
  // The page language as a locale (plain "en" would format times the American way).
  const locale = LOCALES[document.documentElement.lang] ?? 'sl-SI';
  const names = new Map<string, string>();
  let audio: AudioContext | null = null;

  // Browsers start audio only after the person has clicked or typed on the page.
  const unlock = () => {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  };
  if ('AudioContext' in window) document.addEventListener('pointerdown', unlock, { capture: true });
  notificationButton(config, live);
  const panel = livePanel({ panel: config.panel, text: config.text });
  const lists = liveLists();

  const onKnock = (k: Knock) => {
    names.set(k.bookingId, k.name);
    // The office's clock, as on the agenda, whatever zone the official's computer is set to.
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: k.timeZone,
    }).format(new Date(k.start));
    // In that meeting's own room the room rings itself; every other staff page rings here.
    const here = location.pathname === k.roomUrl;
    if (audio && !here) chime(audio);
    if (!here && 'Notification' in window && Notification.permission === 'granted') {
      try {
        const note = new Notification(t(config, 'room.knock_title', { name: k.name }), {
          body: t(config, 'room.knock_details', { service: k.service, time }),
          tag: `okence-knock-${k.bookingId}`,
        });
        note.addEventListener('click', () => {
          window.focus();
          location.assign(k.roomUrl);
        });
      } catch {
        // Android Chrome only shows notifications through a service worker; the sound and the line remain.
      }
    }
    announce(live, t(config, 'room.lobby_knock', { name: k.name, time, service: k.service }), {
      href: k.roomUrl,
      text: t(config, 'room.lobby_open'),
    });
  };

  const onLeft = (bookingId: string) => {
    const name = names.get(bookingId);
    announce(
      live,
      name ? t(config, 'room.lobby_left', { name }) : t(config, 'room.lobby_left_someone'),
    );
  };

  let retries = 0;
  let socket: WebSocket | null = null;
  const connect = () => {
    const ws = new WebSocket(
      (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.ws,
    );
    socket = ws;
    ws.addEventListener('open', () => {
      // Knocks while the socket was away were not heard: the panel catches up.
      if (retries > 0) {
        panel?.refresh();
        lists?.refresh();
      }
      retries = 0;
    });
    ws.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      let m: ServerMessage;
      try {
        m = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      if (m.type === 'knock') onKnock(m);
      else if (m.type === 'lobby-left') onLeft(m.bookingId);
      if (m.type === 'knock' || m.type === 'lobby-left' || m.type === 'lobby-answered') {
        panel?.refresh();
        lists?.refresh();
      }
    });
    // Reconnect with backoff: 0.5 s, 1 s, 2 s … at most 5 s.
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      window.setTimeout(connect, Math.min(5000, 500 * 2 ** retries));
      retries += 1;
    });
  };
  // The server closes this socket on any message from us (it only announces), so no pings.
  connect();
  window.addEventListener('pagehide', () => {
    const ws = socket;
    socket = null;
    ws?.close(1000);
  });
}

main();

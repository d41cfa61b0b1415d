// The meeting page itself: its config, the texts, element helpers, the current stage and the
// status line. Every text comes from the page (config.text); user text goes in by textContent.
import type { Role } from '../protocol.ts';
import type { Stage } from './state.ts';
import type { MeetingClientMessageKey as Key } from '../../i18n/messages/meeting-client.ts';

type Lang = 'sl' | 'cs' | 'en';
type Config = {
  ws: string;
  role: Role;
  name: string;
  lang: Lang;
  helpUrl: string;
  text: Partial<Record<Key, string>>;
};

export const app = document.getElementById('meeting-app');
export const config = JSON.parse(
  document.getElementById('meeting-config')?.textContent ?? 'null',
) as Config | null;
const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };
export const locale = config ? LOCALES[config.lang] : 'en-GB';
export const isStaff = config?.role === 'staff';

// ---------------------------------------------------------------- texts and DOM

/** The page's text for a key, with {name} placeholders filled in. */
export function t(key: Key, params?: Record<string, string | number>): string {
  const text = config?.text[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | null | undefined | false;

/** Creates an element; strings become text nodes, so user text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A plain button that runs onClick. */
export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A side panel of the room, labelled by its heading. */
export function panel(labelledBy: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'meeting-panel', 'aria-labelledby': labelledBy }, ...children);
}

/**
 * Brings a list in line with items by key, keeping the nodes that stay (and so the focus
 * and anything typed in them) instead of redrawing the whole list.
 */
export function syncList<T>(
  list: HTMLElement,
  items: T[],
  key: (item: T) => string,
  build: (item: T) => HTMLElement,
  update: (node: HTMLElement, item: T) => void,
): void {
  const existing = new Map(
    Array.from(list.children, (c) => [(c as HTMLElement).dataset.key ?? '', c as HTMLElement]),
  );
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

/** Hours and minutes in the page's language (and a time zone, when given). */
export function clockTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** "Official", "citizen" or "guest" in the page's language. */
export function roleName(role: Role): string {
  return t(
    role === 'staff'
      ? 'room.role_staff'
      : role === 'guest'
        ? 'room.role_guest'
        : 'room.role_citizen',
  );
}

/** The name of a DOMException or Error (NotAllowedError, …), else ''. */
export function errorName(err: unknown): string {
  return err instanceof DOMException || err instanceof Error ? err.name : '';
}

// ---------------------------------------------------------------- stage

export let stage: Stage = 'prejoin';

/** Shows a stage's view; the browser tests wait on body[data-meeting-stage]. */
export function setStage(next: Stage, view: HTMLElement): void {
  stage = next;
  document.body.dataset.meetingStage = next;
  app?.replaceChildren(view);
  // Screen reader users hear the new stage: focus its heading.
  view.querySelector<HTMLElement>('h2')?.focus();
}

/** A stage's heading, focusable so setStage can move focus to it. */
export function heading(text: string): HTMLHeadingElement {
  return el('h2', { tabindex: -1 }, text);
}

// A visible status line (role=status) for reconnection, connection quality changes and errors.
export const status = el('p', { class: 'meeting-status', role: 'status' });
let statusTimer: number | undefined;

/** Says something on the status line, for keepMs or until the next message. */
export function announce(text: string, keepMs = 0): void {
  window.clearTimeout(statusTimer);
  status.textContent = text;
  if (keepMs) statusTimer = window.setTimeout(() => (status.textContent = ''), keepMs);
}

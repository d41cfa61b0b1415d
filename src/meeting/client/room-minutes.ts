// The room's minutes: the official writes, everyone reads. The official's typing is sent
// about 800 ms after it stops, on leaving the box, and when the page goes away.
import { el, isStaff, panel, t } from './dom.ts';
import { send } from './socket.ts';

const minutes = {
  text: el('div', {
    class: 'meeting-minutes-text',
    tabindex: 0,
    'aria-labelledby': 'minutes-title',
  }),
  input: el('textarea', {
    id: 'minutes-input',
    name: 'minutes',
    rows: 8,
    maxlength: 20000,
    'aria-describedby': 'minutes-hint minutes-state',
  }),
  state: el('span', { class: 'hint', id: 'minutes-state' }),
};

let minutesTimer: number | undefined;
/** The official typed something not yet sent. */
let minutesDirty = false;

/** The minutes a (re)admission brings; unsent typing of the official's is sent instead of replaced. */
export function roomMinutes(text: string): void {
  if (isStaff && minutesDirty) flushMinutes();
  else setMinutes(text);
}

/** The minutes panel: a text box for the official, the text for everyone else. */
export function minutesPanel(): HTMLElement {
  const title = el('h3', { id: 'minutes-title' }, t('room.minutes'));
  if (!isStaff) return panel('minutes-title', title, minutes.text);
  minutes.input.addEventListener('input', () => {
    minutesDirty = true;
    minutes.state.textContent = '';
    window.clearTimeout(minutesTimer);
    minutesTimer = window.setTimeout(flushMinutes, 800);
  });
  minutes.input.addEventListener('blur', () => {
    window.clearTimeout(minutesTimer);
    if (minutesDirty) flushMinutes();
  });
  return panel(
    'minutes-title',
    title,
    el('label', { for: 'minutes-input' }, t('room.minutes_label')),
    el('span', { class: 'hint', id: 'minutes-hint' }, t('room.minutes_hint')),
    minutes.input,
    minutes.state,
  );
}

/** Sends the official's minutes now if they have unsent changes (leaving, or the page going away). */
export function saveMinutes(): void {
  if (isStaff && minutesDirty) flushMinutes();
}

/** Stops the pending send of the minutes (the meeting is over for us). */
export function stopMinutesTimer(): void {
  window.clearTimeout(minutesTimer);
}

function flushMinutes(): void {
  if (send({ type: 'minutes', text: minutes.input.value })) {
    minutesDirty = false;
    minutes.state.textContent = t('room.minutes_saved');
  } else minutes.state.textContent = t('room.minutes_unsaved');
}

/** The minutes from the server; the official's own unsent typing wins. */
export function setMinutes(text: string): void {
  if (isStaff) {
    if (!minutesDirty) minutes.input.value = text;
    return;
  }
  minutes.text.textContent = text || t('room.minutes_empty');
}

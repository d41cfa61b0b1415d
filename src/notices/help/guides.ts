// The citizens' task guides as data: each step is a short instruction that names one control of a
// real page by that page's own message key, so a renamed button renames the guide, and the browser
// walk (e2e/help-walk.ts) finds the control by its role and that name before it takes the step's
// screenshot. Pure: no I/O.
import type { Lang, MessageKey } from '../../i18n/i18n.ts';
import type { HelpMessageKey } from '../../i18n/messages/help.ts';

export const HELP_TASKS = ['book', 'join', 'form', 'pay'] as const;
export type HelpTask = (typeof HELP_TASKS)[number];

/** The ARIA roles a step's control may have: what Playwright's getByRole finds it by. */
export type ControlRole = 'button' | 'link' | 'heading' | 'table';

/** One step: its instruction (with `{control}` where the control's label goes) and that control. */
export type GuideStep = {
  text: HelpMessageKey;
  control: { role: ControlRole; key: MessageKey };
};

export type Guide = {
  task: HelpTask;
  title: HelpMessageKey;
  lead: HelpMessageKey;
  steps: readonly GuideStep[];
  /** A page with more on the subject, by another domain, and the message key of its link. */
  more?: { href: string; key: MessageKey };
};

const step = (text: HelpMessageKey, role: ControlRole, key: MessageKey): GuideStep => ({
  text,
  control: { role, key },
});

/** The guides, in the order the help page lists them. */
export const GUIDES: readonly Guide[] = [
  {
    task: 'book',
    title: 'help.task.book.title',
    lead: 'help.task.book.lead',
    steps: [
      step('help.step.book.1', 'link', 'tenants.service.book'),
      step('help.step.book.2', 'table', 'book.calendar_caption'),
      step('help.step.book.3', 'heading', 'book.free_times_on'),
      step('help.step.book.4', 'button', 'book.reserve'),
      step('help.step.book.5', 'button', 'book.confirm'),
      step('help.step.book.6', 'heading', 'book.confirmed_title'),
    ],
  },
  {
    // Not /help/meeting: that is the meeting's own page on cameras and microphones, which the
    // room links to; this guide links to it.
    task: 'join',
    title: 'help.task.join.title',
    lead: 'help.task.join.lead',
    more: { href: '/help/meeting', key: 'meeting.help_link' },
    steps: [
      step('help.step.join.1', 'button', 'room.join_now'),
      step('help.step.join.2', 'heading', 'room.lobby_title'),
      step('help.step.join.3', 'button', 'room.admit'),
      step('help.step.join.4', 'button', 'room.leave'),
    ],
  },
  {
    task: 'form',
    title: 'help.task.form.title',
    lead: 'help.task.form.lead',
    steps: [
      step('help.step.form.1', 'heading', 'situations.guide.forms'),
      step('help.step.form.2', 'button', 'forms.fill.start.button'),
      step('help.step.form.3', 'button', 'forms.fill.save_continue'),
      step('help.step.form.4', 'button', 'forms.fill.send.button'),
      step('help.step.form.5', 'link', 'forms.fill.sent.receipt'),
    ],
  },
  {
    task: 'pay',
    title: 'help.task.pay.title',
    lead: 'help.task.pay.lead',
    steps: [
      step('help.step.pay.1', 'link', 'frontdoor.home.pay'),
      step('help.step.pay.2', 'button', 'pay.find.submit'),
      step('help.step.pay.3', 'heading', 'pay.page.title'),
      step('help.step.pay.4', 'button', 'payments.card.button'),
    ],
  },
];

/** The guide of a task, or undefined for a name that is none. */
export function guideOf(task: string): Guide | undefined {
  return GUIDES.find((g) => g.task === task);
}

/** The file name of a step's screenshot (index from 0): `book-1.png`. */
export function shotName(task: HelpTask, index: number): string {
  return `${task}-${index + 1}.png`;
}

/** Every screenshot the guides show in one language, by file name. */
export function guideShots(): string[] {
  return GUIDES.flatMap((g) => g.steps.map((_, i) => shotName(g.task, i)));
}

/** The languages the videos are made in (all three: the slideshow costs little). */
export const VIDEO_LANGS: readonly Lang[] = ['sl', 'cs', 'en'];

/**
 * A control's label as a guide shows it: a placeholder of the page's own text (`Let {name} in`)
 * becomes an ellipsis, since it stands for what the reader will see there.
 */
export function controlLabel(message: string): string {
  return message.replace(/\{\w+\}/g, '…');
}

/**
 * The accessible name a control must have on its page: the message with each placeholder
 * matching any text, anchored, so `Let {name} in` finds `Let Ana Novak in` and nothing longer.
 */
export function controlName(message: string): RegExp {
  const parts = message.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

/** A step's instruction split around its control, for the page to mark the control up. */
export function splitStep(message: string): { before: string; after: string } {
  const at = message.indexOf('{control}');
  if (at < 0) return { before: message, after: '' };
  return { before: message.slice(0, at), after: message.slice(at + '{control}'.length) };
}

// Slovenian offices write „…“ as Czech ones do (the i18n tests hold both to it).
const QUOTES: Record<Lang, [string, string]> = { sl: ['„', '“'], cs: ['„', '“'], en: ['“', '”'] };

/** A control's label in the language's quotation marks: „Pošlji“, “Send”. */
export function quoted(lang: Lang, control: string): string {
  const [open, close] = QUOTES[lang];
  return `${open}${controlLabel(control)}${close}`;
}

/** A step's instruction as plain text (a video caption): the control's label in the language's quotes. */
export function stepPlainText(lang: Lang, message: string, control: string): string {
  const { before, after } = splitStep(message);
  return `${before}${quoted(lang, control)}${after}`;
}

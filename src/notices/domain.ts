// The staff's rules of the official notice board (decision 049): what a notice's form must hold,
// when a notice may still be corrected or withdrawn, and which events the board job records.
// Days are the organisation's calendar days (board-time.ts); nothing here reads a clock.
import type { NoticeCategory } from '../db/tables-front-door.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { isCalendarDate } from '../lib/zoned-time.ts';
import { boardStatus, type BoardDays, type BoardStatus } from './board-time.ts';

/** Migration 040's categories, in the order the form offers them. */
export const CATEGORIES: readonly NoticeCategory[] = [
  'public_decree',
  'public_notice',
  'decision',
  'planning',
  'environment',
  'council',
  'tender',
  'auction',
  'vacancy',
  'elections',
  'lost_property',
  'other',
];

export const NOTICE_LANGUAGES = ['cs', 'sl', 'en'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** Bounds of migration 040's checks, so the form refuses before the database would. */
export const LIMITS = {
  title: 300,
  body: 20_000,
  reference: 100,
  note: 1000,
  departmentName: 300,
  /** Attachments one version carries. */
  files: 10,
  /** Bytes of one attachment (a scanned decree of a few pages). */
  fileBytes: 20 * 1024 * 1024,
} as const;

/** A notice's form as posted: strings, checked by `checkNotice`. */
export type NoticeForm = {
  title: string;
  body: string;
  category: string;
  referenceNumber: string;
  fileMark: string;
  department: string;
  postOn: string;
  removeAfter: string;
  untilFurtherNotice: boolean;
  language: string;
};

/** A checked notice version, as it is stored (the department's name is the service's). */
export type NoticeDraft = {
  title: string;
  body: string;
  category: NoticeCategory;
  referenceNumber: string | null;
  fileMark: string | null;
  departmentId: string | null;
  postOn: string;
  removeAfter: string | null;
  language: NoticeLanguage;
};

/** Field name → message key of what is wrong with it. */
export type FieldProblems = Record<string, MessageKey>;

export type Checked<T> = { ok: true; value: T } | { ok: false; fields: FieldProblems };

/** A day as typed: `YYYY-MM-DD` (the date input) or `D. M. YYYY` (as Czech and Slovene write it). */
export function parseDay(text: string): string | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isCalendarDate(s) ? s : null;
  const m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(s);
  if (!m) return null;
  const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isCalendarDate(day) ? day : null;
}

const optional = (s: string) => (s.trim() === '' ? null : s.trim());
// Control characters other than line breaks and tabs have no place in an official text.
const CONTROL = /(?![\n\t])\p{Cc}/u;

/** The days a notice may be given: `earliest` is the first day it may start (today for a new one). */
type DayRules = { today: string; earliestPost: string | null; departments: readonly string[] };

/**
 * Checks a notice's form. A new notice starts today or later (a day already gone cannot be
 * claimed for the board); its last day is not before its first nor before today.
 */
export function checkNotice(form: NoticeForm, rules: DayRules): Checked<NoticeDraft> {
  const fields: FieldProblems = {};
  const title = form.title.trim();
  const body = form.body.replace(/\r\n/g, '\n').trim();
  if (!title || title.length > LIMITS.title || CONTROL.test(title))
    fields.title = 'notices.admin.error.title';
  if (body.length > LIMITS.body || CONTROL.test(body)) fields.body = 'notices.admin.error.body';
  if (!CATEGORIES.includes(form.category as NoticeCategory))
    fields.category = 'notices.admin.error.category';
  const referenceNumber = optional(form.referenceNumber);
  if (referenceNumber && referenceNumber.length > LIMITS.reference)
    fields.referenceNumber = 'notices.admin.error.reference';
  const fileMark = optional(form.fileMark);
  if (fileMark && fileMark.length > LIMITS.reference)
    fields.fileMark = 'notices.admin.error.file_mark';
  const departmentId = optional(form.department);
  if (departmentId && !rules.departments.includes(departmentId))
    fields.department = 'notices.admin.error.department';
  if (!NOTICE_LANGUAGES.includes(form.language as NoticeLanguage))
    fields.language = 'notices.admin.error.language';
  const postOn = parseDay(form.postOn);
  if (!postOn) fields.postOn = 'notices.admin.error.post_on';
  else if (rules.earliestPost && postOn < rules.earliestPost)
    fields.postOn = 'notices.admin.error.post_on_past';
  const removeAfter = form.untilFurtherNotice ? null : parseDay(form.removeAfter);
  if (!form.untilFurtherNotice && !removeAfter)
    fields.removeAfter = 'notices.admin.error.remove_after';
  else if (removeAfter && postOn && removeAfter < postOn)
    fields.removeAfter = 'notices.admin.error.remove_before_post';
  else if (removeAfter && removeAfter < rules.today)
    fields.removeAfter = 'notices.admin.error.remove_past';
  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true,
    value: {
      title,
      body,
      category: form.category as NoticeCategory,
      referenceNumber,
      fileMark,
      departmentId,
      postOn: postOn!,
      removeAfter,
      language: form.language as NoticeLanguage,
    },
  };
}

/** A correction's or withdrawal's reason: required, one to `LIMITS.note` characters. */
export function checkReason(text: string): string | null {
  const s = text.replace(/\r\n/g, '\n').trim();
  return s && s.length <= LIMITS.note && !CONTROL.test(s) ? s : null;
}

/**
 * Whether a notice may still change: corrected or withdrawn while scheduled or on the board,
 * never once it is in the archive (taken down or withdrawn), whose record is final.
 */
export function isOpen(status: BoardStatus): boolean {
  return status === 'scheduled' || status === 'on_board';
}

/**
 * A correction keeps a posted notice's first day (moving it would rewrite when it went up); one
 * still scheduled may move (to today or later, as a new one). The field's problem, or null.
 */
export function postOnKept(
  current: BoardDays,
  status: BoardStatus,
  next: string,
): MessageKey | null {
  return status !== 'scheduled' && next !== current.postOn
    ? 'notices.admin.error.post_on_kept'
    : null;
}

/** An event the board job records once per notice. */
export type BoardEvent = 'posted' | 'taken_down';

/**
 * Which of the job's events are due for a notice at `now`: 'posted' once its first day has
 * begun, 'taken_down' once its last day has ended. (A withdrawn notice is not the job's: its
 * withdrawal records its end.)
 */
export function dueEvents(days: BoardDays, now: Date, timeZone: string): BoardEvent[] {
  const status = boardStatus(days, null, now, timeZone);
  if (status === 'scheduled') return [];
  return status === 'taken_down' ? ['posted', 'taken_down'] : ['posted'];
}

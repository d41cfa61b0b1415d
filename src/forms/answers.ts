// A set of answers checked against one version of a form's definition: each read by its type
// (answer-types.ts), hidden questions' answers dropped (visibility.ts), required only where
// visible, and every problem as a message key on its field, which the caller words in sl, cs or en.
import type { FormsMessageKey } from '../i18n/messages/forms.ts';
import {
  readMember,
  type Answers,
  type AnswerValue,
  type FieldError,
  type GroupItem,
  type MemberValue,
  type Read,
  type ReadContext,
} from './answer-types.ts';
import type { GroupQuestion, MemberQuestion, Question, FormDefinition } from './definition.ts';
import { visibility } from './visibility.ts';

export type {
  Answers,
  AnswerValue,
  FieldError,
  FieldParam,
  FileFacts,
  Money,
  Address,
  Person,
  FileRef,
  GroupItem,
} from './answer-types.ts';

export type Validation =
  { ok: true; answers: Answers } | { ok: false; errors: FieldError[]; answers: Answers };
export type ValidateOptions = {
  /** The server's facts of the files answers name; without it only the ids' form is checked. */
  files?: ReadContext['files'];
  /** Check only these pages' questions (a draft saved page by page); the others are still read. */
  pages?: readonly string[];
};

/** At most this many unknown keys are named, so a hostile body cannot make a huge error list. */
const MAX_UNKNOWN = 20;

/** Checks answers sent as JSON (the API): typed values, unknown keys refused. */
export function validateAnswers(
  def: FormDefinition,
  input: unknown,
  options: ValidateOptions = {},
): Validation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ field: '', key: 'forms.error.invalid' }], answers: {} };
  const ids = new Set(def.pages.flatMap((p) => p.questions.map((q) => q.id)));
  const unknown = Object.keys(input)
    .filter((k) => !ids.has(k))
    .slice(0, MAX_UNKNOWN)
    .map((k): FieldError => ({ field: k.slice(0, 100), key: 'forms.error.unknown_field' }));
  const result = validate(
    def,
    input as Record<string, unknown>,
    { mode: 'json', files: options.files },
    options.pages,
  );
  if (unknown.length === 0) return result;
  return {
    ok: false,
    errors: [...unknown, ...(result.ok ? [] : result.errors)],
    answers: result.answers,
  };
}

/**
 * Checks a form post (every value a string, or a list of strings for ticked boxes). A composite
 * answer's parts are `id.part` (`home.street`), a repeat's `group.N.member` (`children.0.name`).
 * Fields the form does not know (`_csrf`, buttons) are ignored.
 */
export function validateFormPost(
  def: FormDefinition,
  body: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {},
): Validation {
  return validate(def, unflatten(def, body), { mode: 'post', files: options.files }, options.pages);
}

/**
 * One page of a draft posted: that page's questions read from the post, every other answer from
 * the draft's saved answers (their stored shape), conditions decided on all of them, and only
 * that page checked. The answers given back are the whole draft's, hidden ones dropped.
 */
export function validatePagePost(
  def: FormDefinition,
  pageId: string,
  body: Readonly<Record<string, unknown>>,
  saved: Readonly<Answers>,
  options: Omit<ValidateOptions, 'pages'> = {},
): Validation {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) return { ok: false, errors: [{ field: '', key: 'forms.error.invalid' }], answers: {} };
  const posted = unflatten(def, body);
  const onPage = new Set(page.questions.map((q) => q.id));
  const post: ReadContext = { mode: 'post', files: options.files };
  const json: ReadContext = { mode: 'json', files: options.files };
  return validateFrom(
    def,
    (q) =>
      onPage.has(q.id)
        ? { raw: own(posted, q.id), ctx: post }
        : { raw: own(saved, q.id), ctx: json },
    [pageId],
  );
}

/** The posted fields as nested values under each known question's id; anything else is left out. */
export function unflatten(
  def: FormDefinition,
  body: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const ids = new Set(def.pages.flatMap((p) => p.questions.map((q) => q.id)));
  // Null-prototype objects: a posted `x.__proto__.y` is an ordinary key here, never the prototype.
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(body)) {
    const path = name.split('.');
    if (path.length > 4 || !ids.has(path[0]!)) continue;
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (next === undefined) node = node[part] = Object.create(null) as Record<string, unknown>;
      else if (typeof next === 'object' && next !== null && !Array.isArray(next))
        node = next as Record<string, unknown>;
      else break;
    }
    const last = path.at(-1)!;
    if (node[last] === undefined) node[last] = value;
  }
  return root;
}

function requiredKey(q: Question): FormsMessageKey {
  if (q.type === 'singleChoice' || q.type === 'multipleChoice' || q.type === 'yesNo')
    return 'forms.error.choose';
  if (q.type === 'file') return 'forms.error.file.required';
  if (q.type === 'group') return 'forms.error.group_required';
  return 'forms.error.required';
}

const own = (o: object, k: string): unknown =>
  Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;

/** Where each question's raw answer comes from, and how to read it. */
type Source = (q: Question) => { raw: unknown; ctx: ReadContext };

function validate(
  def: FormDefinition,
  source: Record<string, unknown>,
  ctx: ReadContext,
  only?: readonly string[],
): Validation {
  return validateFrom(def, (q) => ({ raw: own(source, q.id), ctx }), only);
}

function validateFrom(def: FormDefinition, sourceOf: Source, only?: readonly string[]): Validation {
  const questions = def.pages.flatMap((p) => p.questions);
  // First every answer as it stands, so conditions can be decided on typed values…
  const first = new Map<string, Read<AnswerValue>>();
  for (const q of questions) {
    const { raw, ctx } = sourceOf(q);
    first.set(q.id, readQuestion(q, raw, ctx, null));
  }
  const typed: Record<string, unknown> = {};
  for (const [id, r] of first) if (r.value !== undefined) typed[id] = r.value;
  const shown = visibility(def, typed);
  // …then what is visible, with only the visible members of each repeat.
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const page of def.pages) {
    const checked = (!only || only.includes(page.id)) && shown.pages.has(page.id);
    for (const q of page.questions) {
      if (!shown.questions.has(q.id)) continue;
      const from = sourceOf(q);
      const r =
        q.type === 'group'
          ? readQuestion(q, from.raw, from.ctx, shown.questions)
          : first.get(q.id)!;
      if (r.value !== undefined) answers[q.id] = r.value;
      if (!checked) continue;
      errors.push(...r.errors);
      if (r.value === undefined && r.errors.length === 0 && q.required)
        errors.push({ field: q.id, key: requiredKey(q) });
    }
  }
  return errors.length > 0 ? { ok: false, errors, answers } : { ok: true, answers };
}

function readQuestion(
  q: Question,
  raw: unknown,
  ctx: ReadContext,
  visible: Set<string> | null,
): Read<AnswerValue> {
  return q.type === 'group' ? readGroup(q, raw, ctx, visible) : readMember(q, raw, q.id, ctx);
}

/**
 * The repeats as a list: a JSON array, or a post's `group.N.member` fields in the order of N;
 * 'too_many' past `max`, found before any repeat is looked at.
 */
function itemsOf(
  raw: unknown,
  ctx: ReadContext,
  max: number,
): [string, unknown][] | 'too_many' | null {
  if (ctx.mode === 'json') {
    if (!Array.isArray(raw)) return null;
    return raw.length > max ? 'too_many' : raw.map((item, i) => [String(i), item]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const keys = Object.keys(raw).filter((k) => /^\d{1,9}$/.test(k));
  if (keys.length > max) return 'too_many';
  return keys
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => [k, (raw as Record<string, unknown>)[k]]);
}

function readGroup(
  q: GroupQuestion,
  raw: unknown,
  ctx: ReadContext,
  visible: Set<string> | null,
): Read<GroupItem[]> {
  if (raw === undefined || raw === null) return { errors: [] };
  const items = itemsOf(raw, ctx, q.maxItems);
  if (!items) return { errors: [{ field: q.id, key: 'forms.error.invalid' }] };
  // Counted before any is read: ten thousand repeats cost nothing but this refusal.
  if (items === 'too_many')
    return { errors: [{ field: q.id, key: 'forms.error.group_max', params: { max: q.maxItems } }] };
  const members = q.questions.filter((m) => !visible || visible.has(m.id));
  const value: GroupItem[] = [];
  const errors: FieldError[] = [];
  for (const [index, item] of items) {
    const field = `${q.id}.${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ field, key: 'forms.error.invalid' });
      continue;
    }
    if (ctx.mode === 'json' && Object.keys(item).some((k) => !q.questions.some((m) => m.id === k)))
      errors.push({ field, key: 'forms.error.invalid' });
    const read = readItem(members, item, field, ctx);
    errors.push(...read.errors);
    if (read.value) value.push(read.value);
  }
  if (errors.length > 0) return { errors };
  if (value.length > 0 && value.length < q.minItems)
    return { errors: [{ field: q.id, key: 'forms.error.group_min', params: { min: q.minItems } }] };
  return value.length > 0 ? { value, errors } : { errors };
}

/** One repeat: its members read; a repeat left wholly blank is no repeat at all. */
function readItem(
  members: MemberQuestion[],
  item: object,
  field: string,
  ctx: ReadContext,
): Read<GroupItem> {
  const value: Record<string, MemberValue> = {};
  const errors: FieldError[] = [];
  const missing: FieldError[] = [];
  for (const m of members) {
    const r = readMember(m, own(item, m.id), `${field}.${m.id}`, ctx);
    errors.push(...r.errors);
    if (r.value !== undefined) value[m.id] = r.value;
    else if (m.required && r.errors.length === 0)
      missing.push({ field: `${field}.${m.id}`, key: requiredKey(m) });
  }
  if (errors.length === 0 && Object.keys(value).length === 0) return { errors: [] };
  return errors.length + missing.length > 0
    ? { errors: [...errors, ...missing] }
    : { value, errors };
}

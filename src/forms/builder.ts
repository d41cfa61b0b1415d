// The form builder's edit operations (issue 17): pure functions from one definition to the next,
// each a plain copy, so the staff pages can apply one change per POST and hand the result to
// saveDraft, which checks it (checkDefinition) before anything is stored. An operation never
// checks the result itself: what the engine refuses is shown to the admin as the engine's problems.
import type { Lang } from '../i18n/i18n.ts';
import type { Condition } from './conditions.ts';
import type {
  FormDefinition,
  GroupQuestion,
  LocalizedText,
  MemberQuestion,
  Page,
  Question,
  QuestionType,
} from './definition.ts';
import { FORMAT } from './definition.ts';

/** The kinds of question an admin may add, in the order the builder offers them. */
export const QUESTION_TYPES = [
  'text',
  'longText',
  'number',
  'money',
  'date',
  'email',
  'phone',
  'singleChoice',
  'multipleChoice',
  'yesNo',
  'address',
  'person',
  'file',
  'group',
] as const satisfies readonly QuestionType[];

/** The kinds of question a repeated group may hold: any but a group (groups do not nest). */
export const MEMBER_TYPES = QUESTION_TYPES.filter(
  (t): t is Exclude<(typeof QUESTION_TYPES)[number], 'group'> => t !== 'group',
);
export type MemberType = (typeof MEMBER_TYPES)[number];

/** The same text in each of the given languages (placeholders, which the admin then rewrites). */
export type Placeholder = (lang: Lang) => string;
const fill = (languages: readonly Lang[], text: Placeholder): LocalizedText =>
  Object.fromEntries(languages.map((l) => [l, text(l)]));

/** A new form: one page holding one short text question, all in the given languages. */
export function blankDefinition(o: {
  languages: Lang[];
  title: LocalizedText;
  assurance: FormDefinition['assurance'];
  authoriseAct?: boolean;
  pageTitle: Placeholder;
  questionLabel: Placeholder;
}): FormDefinition {
  return {
    format: FORMAT,
    languages: o.languages,
    title: o.title,
    assurance: o.assurance,
    authoriseAct: o.authoriseAct ?? false,
    pages: [
      {
        id: 'page-1',
        title: fill(o.languages, o.pageTitle),
        questions: [newQuestion('text', 'q-1', fill(o.languages, o.questionLabel))],
      },
    ],
  };
}

const copy = (def: FormDefinition): FormDefinition => structuredClone(def);

/** Every id the definition uses (pages, questions, group members), so a new one is unique. */
function usedIds(def: FormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const p of def.pages) {
    ids.add(p.id);
    for (const q of p.questions) {
      ids.add(q.id);
      if (q.type === 'group') for (const m of q.questions) ids.add(m.id);
    }
  }
  return ids;
}

/** The first `prefix-N` the definition does not use yet. */
export function freshId(def: FormDefinition, prefix: string): string {
  const ids = usedIds(def);
  let n = 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A question of a type with the engine's defaults and whatever a type cannot be without. */
export function newQuestion(type: QuestionType, id: string, label: LocalizedText): Question {
  const base = { id, label, required: false };
  switch (type) {
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'longText':
      return { ...base, type, maxLength: 5000 };
    case 'number':
      return { ...base, type, decimals: 0 };
    case 'money':
      return { ...base, type, currency: 'EUR' };
    case 'singleChoice':
    case 'multipleChoice':
      return { ...base, type, options: [{ value: 'option-1', label }] };
    case 'person':
      return { ...base, type, withDateOfBirth: false };
    case 'file':
      return { ...base, type, accept: ['application/pdf'], maxBytes: 10 * 1024 * 1024 };
    case 'group':
      return {
        ...base,
        type,
        minItems: 0,
        maxItems: 10,
        questions: [{ id: `${id}-1`, label, required: false, type: 'text', maxLength: 200 }],
      };
    default:
      return { ...base, type };
  }
}

/** Moves the item at `from` by `by` places (−1 up, +1 down); at either end nothing moves. */
export function move<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  const out = [...list];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

function pageAt(def: FormDefinition, p: number): Page {
  const page = def.pages[p];
  if (!page) throw new RangeError(`no page ${p}`);
  return page;
}

/** The form's own settings: its title, languages, level of assurance, and act authorisation. */
export function setSettings(
  def: FormDefinition,
  s: Pick<FormDefinition, 'title' | 'languages' | 'assurance' | 'authoriseAct'>,
): FormDefinition {
  const { title, languages, assurance, authoriseAct } = s;
  return { ...copy(def), title, languages, assurance, authoriseAct };
}

/** A new last page with one placeholder question (a page without questions is no page). */
export function addPage(
  def: FormDefinition,
  title: LocalizedText,
  questionLabel: LocalizedText,
): FormDefinition {
  const out = copy(def);
  const question = newQuestion('text', freshId(def, 'q'), questionLabel);
  out.pages.push({ id: freshId(def, 'page'), title, questions: [question] });
  return out;
}

/** A page's title and help (an empty help is none). */
export function editPage(
  def: FormDefinition,
  p: number,
  texts: { title: LocalizedText; help: LocalizedText | undefined },
): FormDefinition {
  const out = copy(def);
  const page = pageAt(out, p);
  page.title = texts.title;
  if (texts.help) page.help = texts.help;
  else delete page.help;
  return out;
}

export function deletePage(def: FormDefinition, p: number): FormDefinition {
  pageAt(def, p);
  const out = copy(def);
  out.pages.splice(p, 1);
  return out;
}

export function movePage(def: FormDefinition, p: number, by: number): FormDefinition {
  return { ...copy(def), pages: move(copy(def).pages, p, by) };
}

/** A new question of a type at the end of a page; its id is returned with the definition. */
export function addQuestion(
  def: FormDefinition,
  p: number,
  type: QuestionType,
  label: LocalizedText,
): { definition: FormDefinition; index: number } {
  const out = copy(def);
  const page = pageAt(out, p);
  page.questions.push(newQuestion(type, freshId(def, 'q'), label));
  return { definition: out, index: page.questions.length - 1 };
}

/** Replaces one question as edited (its id and type are the edit's to keep). */
export function replaceQuestion(
  def: FormDefinition,
  p: number,
  i: number,
  question: Question,
): FormDefinition {
  const out = copy(def);
  const page = pageAt(out, p);
  if (!page.questions[i]) throw new RangeError(`no question ${i}`);
  page.questions[i] = question;
  return out;
}

export function deleteQuestion(def: FormDefinition, p: number, i: number): FormDefinition {
  const out = copy(def);
  pageAt(out, p).questions.splice(i, 1);
  return out;
}

export function moveQuestion(def: FormDefinition, p: number, i: number, by: number) {
  const out = copy(def);
  const page = pageAt(out, p);
  page.questions = move(page.questions, i, by);
  return out;
}

/** Moves a question to the end of another page. */
export function moveQuestionToPage(
  def: FormDefinition,
  p: number,
  i: number,
  to: number,
): FormDefinition {
  const out = copy(def);
  const from = pageAt(out, p);
  const target = pageAt(out, to);
  const [q] = from.questions.splice(i, 1);
  if (!q) throw new RangeError(`no question ${i}`);
  target.questions.push(q);
  return out;
}

/** Sets or clears (undefined) the condition on a page (`i` null) or one of its questions. */
export function setCondition(
  def: FormDefinition,
  p: number,
  i: number | null,
  condition: Condition | undefined,
): FormDefinition {
  const out = copy(def);
  const page = pageAt(out, p);
  const target = i === null ? page : page.questions[i];
  if (!target) throw new RangeError(`no question ${i}`);
  if (condition) target.visibleIf = condition;
  else delete target.visibleIf;
  return out;
}

/** The repeated group at (page p, question i) of a copy being changed; else a RangeError. */
function groupAt(def: FormDefinition, p: number, i: number): GroupQuestion {
  const q = pageAt(def, p).questions[i];
  if (q?.type !== 'group') throw new RangeError(`no group ${i} on page ${p}`);
  return q;
}

/** A new question of a type at the end of a repeated group; its index is returned with it. */
export function addMember(
  def: FormDefinition,
  p: number,
  i: number,
  type: MemberType,
  label: LocalizedText,
): { definition: FormDefinition; index: number } {
  const out = copy(def);
  const group = groupAt(out, p, i);
  // newQuestion gives a member for every type but 'group', which MemberType leaves out.
  group.questions.push(newQuestion(type, freshId(def, 'q'), label) as MemberQuestion);
  return { definition: out, index: group.questions.length - 1 };
}

/** Replaces one question of a group as edited (its id and type are the edit's to keep). */
export function replaceMember(
  def: FormDefinition,
  p: number,
  i: number,
  m: number,
  member: MemberQuestion,
): FormDefinition {
  const out = copy(def);
  const group = groupAt(out, p, i);
  if (!group.questions[m]) throw new RangeError(`no member ${m}`);
  group.questions[m] = member;
  return out;
}

/** Removes one question of a group (the engine refuses a group left without any). */
export function deleteMember(def: FormDefinition, p: number, i: number, m: number) {
  const out = copy(def);
  const group = groupAt(out, p, i);
  if (!group.questions[m]) throw new RangeError(`no member ${m}`);
  group.questions.splice(m, 1);
  return out;
}

/** Moves one question of a group by `by` places; at either end nothing moves. */
export function moveMember(def: FormDefinition, p: number, i: number, m: number, by: number) {
  const out = copy(def);
  const group = groupAt(out, p, i);
  group.questions = move(group.questions, m, by);
  return out;
}

/**
 * The questions a condition at (page p, question i or the page itself) may name: those before
 * it, as the engine requires — every question on earlier pages, and on the same page the ones
 * above it (a page's own condition: earlier pages only). Group members are never offered.
 */
export function fieldsBefore(def: FormDefinition, p: number, i: number | null): Question[] {
  const earlier = def.pages.slice(0, p).flatMap((page) => page.questions);
  const above = i === null ? [] : (def.pages[p]?.questions.slice(0, i) ?? []);
  return [...earlier, ...above].filter((q) => q.type !== 'group');
}

/** The definition as the file an admin downloads: stable, indented JSON. */
export function exportDefinition(def: FormDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}

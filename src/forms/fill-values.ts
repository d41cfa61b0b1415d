// Pure rules of filling in (decision 038): stored answers as the form fields a page shows, a
// page's post merged into the other pages' answers, the order of visible pages, and the repeats
// of a group a page shows. No I/O.
import type { Answers, MemberValue } from './answer-types.ts';
import type { FormDefinition, MemberQuestion, Page, Question } from './definition.ts';
import { visibility } from './visibility.ts';

/** Form fields as a post has them: a string, or a list for ticked boxes. */
export type Fields = Record<string, string | string[]>;

function memberFields(q: MemberQuestion, v: MemberValue, name: string, lang: string, out: Fields) {
  const comma = lang === 'en' ? '.' : ',';
  if (q.type === 'yesNo') out[name] = v === true ? 'yes' : 'no';
  else if (q.type === 'multipleChoice' && Array.isArray(v)) out[name] = v;
  else if (q.type === 'money' && typeof v === 'object' && 'minor' in v)
    out[name] = `${Math.trunc(v.minor / 100)}${comma}${String(v.minor % 100).padStart(2, '0')}`;
  else if (q.type === 'number' && typeof v === 'number') out[name] = String(v).replace('.', comma);
  else if (q.type === 'file' && typeof v === 'object' && 'fileId' in v) out[name] = v.fileId;
  else if (typeof v === 'object' && !Array.isArray(v))
    for (const [part, text] of Object.entries(v)) out[`${name}.${part}`] = String(text);
  else out[name] = String(v);
}

/** Stored answers as form fields (`home.street`, `dog.0.chip`), to show them in the inputs. */
export function fieldsOf(def: FormDefinition, answers: Answers, lang: string): Fields {
  const out: Fields = {};
  for (const q of def.pages.flatMap((p) => p.questions)) {
    const v = answers[q.id];
    if (v === undefined) continue;
    if (q.type !== 'group') memberFields(q, v as MemberValue, q.id, lang, out);
    else if (Array.isArray(v))
      v.forEach((item, i) => {
        for (const m of q.questions)
          if (typeof item === 'object' && item !== null && m.id in item)
            memberFields(
              m,
              (item as Record<string, MemberValue>)[m.id]!,
              `${q.id}.${i}.${m.id}`,
              lang,
              out,
            );
      });
  }
  return out;
}

/** The fields a page's post sent for its own questions (buttons, `_csrf` and strangers left out). */
export function pagePost(page: Page, body: Record<string, unknown>): Fields {
  const ids = new Set(page.questions.map((q) => q.id));
  const out: Fields = {};
  for (const [name, value] of Object.entries(body)) {
    if (!ids.has(name.split('.')[0]!)) continue;
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value))
      out[name] = value.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The other pages' stored answers with this page's fields put in place of its old ones. */
export function mergedPost(page: Page, stored: Fields, posted: Fields): Fields {
  const ids = new Set(page.questions.map((q) => q.id));
  const out: Fields = {};
  for (const [name, value] of Object.entries(stored))
    if (!ids.has(name.split('.')[0]!)) out[name] = value;
  return { ...out, ...posted };
}

/** The pages shown for these answers, in order. */
export function visiblePages(def: FormDefinition, answers: Answers): Page[] {
  const shown = visibility(def, answers);
  return def.pages.filter((p) => shown.pages.has(p.id));
}

/** The visible page after `pageId` (null: the last one, check your answers comes next). */
export function nextPage(def: FormDefinition, answers: Answers, pageId: string): Page | null {
  const pages = visiblePages(def, answers);
  const at = pages.findIndex((p) => p.id === pageId);
  return pages[at + 1] ?? null;
}

/** The visible page before `pageId` (null: the first one). */
export function previousPage(def: FormDefinition, answers: Answers, pageId: string): Page | null {
  const pages = visiblePages(def, answers);
  const at = pages.findIndex((p) => p.id === pageId);
  return at > 0 ? pages[at - 1]! : null;
}

/** The visible questions of a page for these answers (members of groups included by id). */
export function shownQuestions(def: FormDefinition, answers: Answers, page: Page): Question[] {
  const shown = visibility(def, answers);
  return page.questions.filter((q) => shown.questions.has(q.id));
}

/** The repeat indexes a group's fields name, in order (`dog.0.x`, `dog.2.y` → 0, 2). */
export function repeatsOf(groupId: string, fields: Fields): number[] {
  const found = new Set<number>();
  for (const name of Object.keys(fields)) {
    const m = /^([^.]+)\.(\d{1,3})\./.exec(name);
    if (m && m[1] === groupId) found.add(Number(m[2]));
  }
  return [...found].sort((a, b) => a - b);
}

/** Fields with one repeat of a group taken out and the later ones renumbered, so no gap shows. */
export function withoutRepeat(groupId: string, fields: Fields, index: number): Fields {
  const out: Fields = {};
  const order = repeatsOf(groupId, fields).filter((i) => i !== index);
  for (const [name, value] of Object.entries(fields)) {
    const m = /^([^.]+)\.(\d{1,3})\.(.+)$/.exec(name);
    if (!m || m[1] !== groupId) out[name] = value;
    else if (Number(m[2]) !== index)
      out[`${groupId}.${order.indexOf(Number(m[2]))}.${m[3]}`] = value;
  }
  return out;
}

/** The first input of a composite answer (a fieldset cannot take focus), else the field itself. */
function firstInput(q: Question | undefined, name: string): string {
  if (q?.type === 'address') return `${name}.street`;
  if (q?.type === 'person') return `${name}.givenName`;
  if (q?.type === 'group') return firstInput(q.questions[0], `${name}.0.${q.questions[0]!.id}`);
  return name;
}

/** Where the error summary's link for `field` lands (`home` → `home.street`, `dog` → `dog.0.name`). */
export function anchorFor(def: FormDefinition, field: string): string {
  const questions = def.pages.flatMap((p) => p.questions);
  const [id, index, memberId] = field.split('.');
  const q = questions.find((x) => x.id === id);
  if (index === undefined) return firstInput(q, field);
  if (q?.type === 'group' && /^\d+$/.test(index) && memberId && field.split('.').length === 3)
    return firstInput(
      q.questions.find((m) => m.id === memberId),
      field,
    );
  return field;
}

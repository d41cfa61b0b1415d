// Reading a definition from outside (an admin's editor, an imported file, the database): size and
// depth first, then the one schema, then what a schema cannot see. The answer is the definition,
// typed, or every problem with its JSON path.
import type { z } from 'zod';
import {
  CONDITION_LIMITS,
  comparisons,
  conditionSize,
  type Comparison,
  type Condition,
} from './conditions.ts';
import {
  definitionSchema,
  LIMITS,
  type FormDefinition,
  type LocalizedText,
  type Question,
  type QuestionType,
} from './definition.ts';

/** What is wrong with a definition and where (`pages.0.questions.2.visibleIf`). */
export type DefinitionProblem = { path: string; code: string; message: string };
export type DefinitionCheck =
  { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

const problem = (path: (string | number)[], code: string, message: string): DefinitionProblem => ({
  path: path.join('.'),
  code,
  message,
});

/** How deeply a JSON value nests, counted without recursion (a hostile value cannot overflow). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, d);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/**
 * Checks a definition given as JSON text or as a parsed value. Nothing in it is run: texts stay
 * text, patterns are names of ours (TEXT_PATTERNS), conditions are data for `evaluate`.
 */
export function checkDefinition(input: unknown): DefinitionCheck {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.jsonChars)
      return refuse('', 'too_large', `over ${LIMITS.jsonChars} characters`);
    try {
      value = JSON.parse(input);
    } catch {
      return refuse('', 'json', 'not JSON');
    }
  }
  if (jsonDepth(value, LIMITS.jsonDepth) > LIMITS.jsonDepth)
    return refuse('', 'too_deep', `nested deeper than ${LIMITS.jsonDepth}`);
  if (typeof input !== 'string' && (JSON.stringify(value)?.length ?? 0) > LIMITS.jsonChars)
    return refuse('', 'too_large', `over ${LIMITS.jsonChars} characters`);
  const parsed = definitionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(fromIssue) };
  const problems = semanticProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

function refuse(path: string, code: string, message: string): DefinitionCheck {
  return { ok: false, problems: [{ path, code, message }] };
}

function fromIssue(issue: z.core.$ZodIssue): DefinitionProblem {
  const code = issue.code === 'unrecognized_keys' ? 'unknown_key' : issue.code;
  return problem(issue.path.map(String), code, issue.message);
}

/** The top-level question of each id, with its page's index and its own place on the page. */
type Place = { question: Question; page: number };

function semanticProblems(def: FormDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  if (new Set(def.languages).size !== def.languages.length)
    out.push(problem(['languages'], 'duplicate', 'a language is named twice'));
  // An act authorised by a fresh eID sign-in (decision 042) needs a person signed in by an eID:
  // the sign-in proves who acts, which an anonymous or e-mail sign-in cannot.
  if (def.authoriseAct && def.assurance === 'low')
    out.push(problem(['authoriseAct'], 'assurance', 'an authorised act needs substantial or high'));
  texts(def, (path, t) => {
    const have = Object.keys(t).sort().join(',');
    if (have !== [...new Set(def.languages)].sort().join(','))
      out.push(
        problem(
          path,
          'languages',
          `has ${have || 'none'}, the form is in ${def.languages.join(',')}`,
        ),
      );
  });
  const places = new Map<string, Place>();
  const ids = new Set<string>();
  let count = 0;
  const pageIds = new Set<string>();
  def.pages.forEach((page, p) => {
    if (pageIds.has(page.id))
      out.push(problem(['pages', p, 'id'], 'duplicate', `page ${page.id} twice`));
    pageIds.add(page.id);
    page.questions.forEach((q, i) => {
      const members = q.type === 'group' ? q.questions : [];
      for (const [j, one] of [q, ...members].entries()) {
        const at =
          j === 0 ? ['pages', p, 'questions', i] : ['pages', p, 'questions', i, 'questions', j - 1];
        count++;
        if (ids.has(one.id))
          out.push(problem([...at, 'id'], 'duplicate', `question ${one.id} twice`));
        ids.add(one.id);
        out.push(...ruleProblems(one, at, j > 0));
      }
      places.set(q.id, { question: q, page: p });
    });
  });
  if (count > LIMITS.questions)
    out.push(problem(['pages'], 'too_many', `over ${LIMITS.questions} questions`));
  if (out.length === 0) out.push(...conditionProblems(def, places));
  return out;
}

/** Calls `visit` with every localized text of the definition and its path. */
function texts(def: FormDefinition, visit: (path: (string | number)[], t: LocalizedText) => void) {
  visit(['title'], def.title);
  if (def.description) visit(['description'], def.description);
  def.pages.forEach((page, p) => {
    visit(['pages', p, 'title'], page.title);
    if (page.help) visit(['pages', p, 'help'], page.help);
    page.questions.forEach((q, i) => {
      const members = q.type === 'group' ? q.questions : [];
      for (const [j, one] of [q, ...members].entries()) {
        const at =
          j === 0 ? ['pages', p, 'questions', i] : ['pages', p, 'questions', i, 'questions', j - 1];
        visit([...at, 'label'], one.label);
        if (one.help) visit([...at, 'help'], one.help);
        if ('options' in one)
          one.options.forEach((o, k) => visit([...at, 'options', k, 'label'], o.label));
      }
    });
  });
}

/** Which prefill sources fit which type of question. */
const PREFILL_FITS: Partial<Record<QuestionType, readonly string[]>> = {
  text: ['person.givenName', 'person.familyName', 'person.fullName'],
  date: ['person.dateOfBirth'],
  email: ['person.email'],
  phone: ['person.phone'],
  address: ['person.address'],
  person: ['person'],
};

function ruleProblems(q: Question, at: (string | number)[], member: boolean): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const order = (a: number | string | undefined, b: number | string | undefined, what: string) => {
    if (a !== undefined && b !== undefined && a > b)
      out.push(problem(at, 'bounds', `${what}: the least is over the most`));
  };
  if ('prefill' in q && q.prefill !== undefined) {
    if (member)
      out.push(problem([...at, 'prefill'], 'prefill', 'a repeated question takes no prefill'));
    else if (!PREFILL_FITS[q.type]?.includes(q.prefill))
      out.push(
        problem([...at, 'prefill'], 'prefill', `${q.prefill} does not fit a ${q.type} question`),
      );
  }
  if (q.type === 'text' || q.type === 'longText') order(q.minLength, q.maxLength, 'length');
  if (q.type === 'number' || q.type === 'date') order(q.min, q.max, 'value');
  if (q.type === 'money') order(q.minMinor, q.maxMinor, 'amount');
  if (q.type === 'group') order(q.minItems, q.maxItems, 'repeats');
  if (q.type === 'multipleChoice') {
    order(q.minSelected, q.maxSelected, 'selected');
    if ((q.minSelected ?? 0) > q.options.length)
      out.push(problem(at, 'bounds', 'more to select than there are options'));
  }
  if ('options' in q && new Set(q.options.map((o) => o.value)).size !== q.options.length)
    out.push(problem([...at, 'options'], 'duplicate', 'an option value twice'));
  return out;
}

/** What a comparison may be made against a question of each type, or why not. */
function comparisonProblem(c: Comparison, q: Question): string | null {
  const optionValues = 'options' in q ? q.options.map((o) => o.value) : [];
  const numeric = q.type === 'number' || q.type === 'money';
  switch (c.op) {
    case 'answered':
    case 'notAnswered':
      return null;
    case 'oneOf':
      if (q.type !== 'singleChoice') return `oneOf needs a single choice, ${q.id} is ${q.type}`;
      return c.values.every((v) => optionValues.includes(v))
        ? null
        : `a value is not an option of ${q.id}`;
    case 'includes':
      if (q.type !== 'multipleChoice')
        return `includes needs a multiple choice, ${q.id} is ${q.type}`;
      return optionValues.includes(c.value) ? null : `${c.value} is not an option of ${q.id}`;
    case 'equals':
    case 'notEquals':
      if (q.type === 'singleChoice')
        return optionValues.includes(String(c.value)) && typeof c.value === 'string'
          ? null
          : `not an option of ${q.id}`;
      if (q.type === 'yesNo') return typeof c.value === 'boolean' ? null : `${q.id} is yes or no`;
      if (['text', 'longText', 'email', 'phone'].includes(q.type))
        return typeof c.value === 'string' ? null : `${q.id} is text`;
      if (q.type === 'date')
        return typeof c.value === 'string' && isDate(c.value) ? null : `${q.id} is a date`;
      if (numeric) return numberFits(c.value, q) ? null : `${q.id} is a number`;
      return `${q.id} (${q.type}) cannot be compared with a value`;
    default:
      if (q.type === 'date') return typeof c.value === 'string' ? null : `${q.id} is a date`;
      if (numeric) return numberFits(c.value, q) ? null : `${q.id} is a number`;
      return `${q.id} (${q.type}) has no order`;
  }
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const numberFits = (v: unknown, q: Question) =>
  typeof v === 'number' && (q.type !== 'money' || Number.isSafeInteger(v));

function conditionProblems(def: FormDefinition, places: Map<string, Place>): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  // Same-page references between top-level questions: the only place a cycle can hide.
  const edges = new Map<string, string[]>();
  const check = (
    cond: Condition,
    at: (string | number)[],
    page: number,
    self: string | null,
    samePage: boolean,
  ) => {
    const size = conditionSize(cond);
    if (size.depth > CONDITION_LIMITS.depth || size.nodes > CONDITION_LIMITS.nodes)
      return out.push(
        problem(
          at,
          'too_deep',
          `over ${CONDITION_LIMITS.depth} levels or ${CONDITION_LIMITS.nodes} parts`,
        ),
      );
    for (const c of comparisons(cond)) {
      const target = places.get(c.field);
      if (c.field === self) out.push(problem(at, 'self', `refers to ${c.field} itself`));
      else if (!target)
        out.push(problem(at, 'unknown_field', `no question ${c.field} (outside a repeated group)`));
      else if (target.page > page || (target.page === page && !samePage))
        out.push(problem(at, 'later_page', `${c.field} is not on an earlier page`));
      else {
        const wrong = comparisonProblem(c, target.question);
        if (wrong) out.push(problem(at, 'type', wrong));
        else if (target.page === page && self)
          edges.set(self, [...(edges.get(self) ?? []), c.field]);
      }
    }
  };
  def.pages.forEach((page, p) => {
    if (page.visibleIf) check(page.visibleIf, ['pages', p, 'visibleIf'], p, null, false);
    page.questions.forEach((q, i) => {
      if (q.visibleIf) check(q.visibleIf, ['pages', p, 'questions', i, 'visibleIf'], p, q.id, true);
      if (q.type !== 'group') return;
      q.questions.forEach((m, j) => {
        // A member's condition is on the form's other answers, never on its own group's.
        if (m.visibleIf)
          check(
            m.visibleIf,
            ['pages', p, 'questions', i, 'questions', j, 'visibleIf'],
            p,
            q.id,
            true,
          );
      });
    });
  });
  const cycle = findCycle(edges);
  if (cycle) out.push(problem(['pages'], 'cycle', `conditions go round: ${cycle.join(' → ')}`));
  return out;
}

/** A cycle in "is shown depending on" among a page's questions, or null. */
export function findCycle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

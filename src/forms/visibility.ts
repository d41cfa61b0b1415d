// Which pages and questions a set of answers shows. A hidden question's answer is dropped before
// anything that depends on it is decided, so a condition never sees an answer the citizen can no
// longer see or change. checkDefinition has refused cycles, so an order always exists.
import { evaluate, comparisons, type AnswerLookup } from './conditions.ts';
import type { FormDefinition, Page, Question } from './definition.ts';

export type Visibility = {
  pages: Set<string>;
  /** Top-level questions and group members (a member's id: visible in every repeat, or in none). */
  questions: Set<string>;
  /** The answers of visible questions only; everything else is left out. */
  kept: Record<string, unknown>;
};

/** A page's questions so that each comes after the same-page questions its condition names. */
export function pageOrder(page: Page): Question[] {
  const byId = new Map(page.questions.map((q) => [q.id, q]));
  const done = new Set<string>();
  const out: Question[] = [];
  const place = (q: Question, depth: number) => {
    // A cycle was refused by checkDefinition; the depth guard only keeps a bad input finite.
    if (done.has(q.id) || depth > page.questions.length) return;
    for (const c of q.visibleIf ? comparisons(q.visibleIf) : []) {
      const dep = byId.get(c.field);
      if (dep && dep !== q) place(dep, depth + 1);
    }
    if (done.has(q.id)) return;
    done.add(q.id);
    out.push(q);
  };
  for (const q of page.questions) place(q, 0);
  return out;
}

/** The pages and questions shown for these answers, and the answers that are kept. */
export function visibility(def: FormDefinition, answers: AnswerLookup): Visibility {
  const kept: Record<string, unknown> = {};
  const pages = new Set<string>();
  const questions = new Set<string>();
  const members: Question[] = [];
  for (const page of def.pages) {
    const shown = !page.visibleIf || evaluate(page.visibleIf, kept);
    if (shown) pages.add(page.id);
    for (const q of pageOrder(page)) {
      if (!shown || (q.visibleIf && !evaluate(q.visibleIf, kept))) continue;
      questions.add(q.id);
      if (Object.hasOwn(answers, q.id)) kept[q.id] = answers[q.id];
      if (q.type === 'group') members.push(...q.questions);
    }
  }
  // Members name only top-level questions, whose fate is settled now.
  for (const m of members) if (!m.visibleIf || evaluate(m.visibleIf, kept)) questions.add(m.id);
  return { pages, questions, kept };
}

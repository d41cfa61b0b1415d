import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as b from './builder.ts';
import { checkDefinition } from './definition-check.ts';
import type { FormDefinition } from './definition.ts';
import { DOG_REGISTRATION } from './testing.ts';

const en = (x: string) => ({ en: x });
const blank = () =>
  b.blankDefinition({
    languages: ['en'],
    title: en('Dog'),
    assurance: 'low',
    pageTitle: () => 'New page',
    questionLabel: () => 'New question',
  });
const ok = (def: unknown): FormDefinition => {
  const c = checkDefinition(def);
  assert.ok(c.ok, JSON.stringify(!c.ok && c.problems));
  return c.definition;
};
const dog = () => ok(DOG_REGISTRATION);

describe('the builder’s edit operations', () => {
  test('a blank definition passes the engine, in each set of languages', () => {
    for (const languages of [['en'], ['sl', 'en'], ['cs', 'en', 'sl']] as const) {
      const def = b.blankDefinition({
        languages: [...languages],
        title: Object.fromEntries(languages.map((l) => [l, `T ${l}`])),
        assurance: 'substantial',
        pageTitle: (l) => `page ${l}`,
        questionLabel: (l) => `q ${l}`,
      });
      assert.deepEqual(ok(def), def);
    }
  });

  test('every type of question is added with what it cannot be without, and passes', () => {
    let def = blank();
    for (const type of b.QUESTION_TYPES) def = b.addQuestion(def, 0, type, en(type)).definition;
    const checked = ok(def);
    assert.deepEqual(
      checked.pages[0]!.questions.map((q) => q.type),
      ['text', ...b.QUESTION_TYPES],
    );
    assert.equal(new Set(checked.pages[0]!.questions.map((q) => q.id)).size, 15, 'ids unique');
  });

  test('move keeps every item and stops at either end', () => {
    assert.deepEqual(b.move([1, 2, 3], 0, -1), [1, 2, 3]);
    assert.deepEqual(b.move([1, 2, 3], 2, 1), [1, 2, 3]);
    assert.deepEqual(b.move([1, 2, 3], 0, 1), [2, 1, 3]);
    assert.deepEqual(b.move([1, 2, 3], 2, -1), [1, 3, 2]);
  });

  test('pages: added with a placeholder question, renamed, moved, deleted; the input is never changed', () => {
    const def = blank();
    const before = structuredClone(def);
    const two = b.addPage(def, en('Fee'), en('Amount'));
    assert.deepEqual(def, before);
    assert.deepEqual(
      two.pages.map((p) => p.id),
      ['page-1', 'page-2'],
    );
    assert.equal(two.pages[1]!.questions[0]!.id, 'q-2');
    const renamed = b.editPage(two, 1, { title: en('Fees'), help: en('What you pay') });
    assert.equal(renamed.pages[1]!.help?.en, 'What you pay');
    assert.equal(
      b.editPage(renamed, 1, { title: en('Fees'), help: undefined }).pages[1]!.help,
      undefined,
    );
    assert.deepEqual(
      b.movePage(two, 1, -1).pages.map((p) => p.id),
      ['page-2', 'page-1'],
    );
    assert.deepEqual(
      b.deletePage(two, 0).pages.map((p) => p.id),
      ['page-2'],
    );
    assert.throws(() => b.deletePage(two, 5), RangeError);
    ok(renamed);
  });

  test('a question moved to another page goes to its end; a page left empty is refused by the engine', () => {
    const two = b.addPage(blank(), en('Second'), en('Other'));
    const moved = b.moveQuestionToPage(two, 0, 0, 1);
    assert.deepEqual(
      moved.pages[1]!.questions.map((q) => q.id),
      ['q-2', 'q-1'],
    );
    const c = checkDefinition(moved);
    assert.ok(!c.ok);
    assert.ok(c.problems.some((p) => p.path === 'pages.0.questions'));
  });

  test('fieldsBefore offers only questions before the condition: none for the first page', () => {
    const d = dog();
    assert.deepEqual(b.fieldsBefore(d, 0, null), []);
    assert.deepEqual(
      b.fieldsBefore(d, 0, 2).map((q) => q.id),
      ['keeper', 'home'],
    );
    const page1 = b.fieldsBefore(d, 1, null).map((q) => q.id);
    assert.deepEqual(
      page1,
      d.pages[0]!.questions.filter((q) => q.type !== 'group').map((q) => q.id),
    );
  });

  test('a condition on a question of a later page is refused by the engine; one on an earlier is kept', () => {
    const d = dog();
    const later = d.pages[1]!.questions[0]!.id;
    const bad = b.setCondition(d, 0, 0, { field: later, op: 'answered' });
    assert.ok(!checkDefinition(bad).ok);
    const good = b.setCondition(d, 0, 4, { field: 'keeper', op: 'answered' });
    assert.deepEqual(ok(good).pages[0]!.questions[4]!.visibleIf, {
      field: 'keeper',
      op: 'answered',
    });
    assert.equal(
      b.setCondition(good, 0, 4, undefined).pages[0]!.questions[4]!.visibleIf,
      undefined,
    );
  });

  test('a group’s questions: added of every kind, edited, moved and removed; the input never changed', () => {
    const { definition: withGroup, index } = b.addQuestion(blank(), 0, 'group', en('Dogs'));
    let def = withGroup;
    const before = structuredClone(def);
    for (const type of b.MEMBER_TYPES)
      def = b.addMember(def, 0, index, type, en(`member ${type}`)).definition;
    assert.deepEqual(withGroup, before);
    const group = () => {
      const q = ok(def).pages[0]!.questions[index]!;
      assert.equal(q.type, 'group');
      return q.type === 'group' ? q.questions : [];
    };
    assert.deepEqual(
      group().map((m) => m.type),
      ['text', ...b.MEMBER_TYPES],
    );
    const ids = group().map((m) => m.id);
    assert.equal(new Set([...ids, 'q-1', 'q-2']).size, ids.length + 2, 'ids unique in the form');

    def = b.replaceMember(def, 0, index, 1, { ...group()[1]!, label: en('Name'), required: true });
    assert.deepEqual(group()[1]!.label, en('Name'));
    def = b.moveMember(def, 0, index, 1, -1);
    assert.deepEqual(group()[0]!.label, en('Name'));
    def = b.deleteMember(def, 0, index, 0);
    assert.deepEqual(
      group().map((m) => m.id),
      ids.filter((id) => id !== ids[1]),
    );
  });

  test('member operations need a group and a member; the engine refuses a group left empty', () => {
    const { definition, index } = b.addQuestion(blank(), 0, 'group', en('Dogs'));
    assert.throws(() => b.addMember(definition, 0, 0, 'text', en('x')), RangeError);
    assert.throws(() => b.deleteMember(definition, 0, index, 5), RangeError);
    assert.throws(() => b.replaceMember(definition, 1, index, 0, { id: 'x' } as never), RangeError);
    const empty = b.deleteMember(definition, 0, index, 0);
    const c = checkDefinition(empty);
    assert.ok(!c.ok);
    assert.ok(c.problems.some((p) => p.path === `pages.0.questions.${index}.questions`));
  });

  test('moving a group’s question keeps its questions, and moves it by one place at most', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.nat(8), fc.constantFrom(-1, 1), (extra, m, by) => {
        const added = b.addQuestion(blank(), 0, 'group', en('G'));
        const index = added.index;
        let def = added.definition;
        for (let k = 0; k < extra; k++)
          def = b.addMember(def, 0, index, b.MEMBER_TYPES[k]!, en(`m${k}`)).definition;
        const ids = (d: FormDefinition) => {
          const g = d.pages[0]!.questions[index]!;
          return g.type === 'group' ? g.questions.map((q) => q.id) : [];
        };
        const moved = ids(b.moveMember(def, 0, index, m, by));
        assert.deepEqual([...moved].sort(), [...ids(def)].sort());
        const from = ids(def).indexOf(ids(def)[m] ?? '');
        if (from >= 0) assert.ok(Math.abs(moved.indexOf(ids(def)[m]!) - from) <= 1);
      }),
    );
  });
});

/** One edit of the builder, as the pages post them (indexes may point nowhere). */
const edit = fc.oneof(
  fc.record({ op: fc.constant('addPage' as const) }),
  fc.record({ op: fc.constant('deletePage' as const), p: fc.nat(4) }),
  fc.record({ op: fc.constant('movePage' as const), p: fc.nat(4), by: fc.constantFrom(-1, 1) }),
  fc.record({
    op: fc.constant('addQuestion' as const),
    p: fc.nat(4),
    type: fc.constantFrom(...b.QUESTION_TYPES),
  }),
  fc.record({ op: fc.constant('deleteQuestion' as const), p: fc.nat(4), i: fc.nat(6) }),
  fc.record({
    op: fc.constant('moveQuestion' as const),
    p: fc.nat(4),
    i: fc.nat(6),
    by: fc.constantFrom(-1, 1),
  }),
  fc.record({ op: fc.constant('toPage' as const), p: fc.nat(4), i: fc.nat(6), to: fc.nat(4) }),
  fc.record({
    op: fc.constant('rename' as const),
    p: fc.nat(4),
    title: fc.string({ maxLength: 30 }),
  }),
  fc.record({ op: fc.constant('answered' as const), p: fc.nat(4), i: fc.nat(6), f: fc.nat(20) }),
  fc.record({
    op: fc.constant('addMember' as const),
    p: fc.nat(1),
    i: fc.nat(2),
    type: fc.constantFrom(...b.MEMBER_TYPES),
  }),
  fc.record({ op: fc.constant('deleteMember' as const), p: fc.nat(1), i: fc.nat(2), m: fc.nat(4) }),
  fc.record({
    op: fc.constant('moveMember' as const),
    p: fc.nat(1),
    i: fc.nat(2),
    m: fc.nat(4),
    by: fc.constantFrom(-1, 1),
  }),
  fc.record({
    op: fc.constant('renameMember' as const),
    p: fc.nat(1),
    i: fc.nat(2),
    m: fc.nat(4),
    label: fc.string({ maxLength: 30 }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function apply(def: FormDefinition, e: Edit): FormDefinition {
  switch (e.op) {
    case 'addPage':
      return b.addPage(def, en('P'), en('Q'));
    case 'deletePage':
      return b.deletePage(def, e.p);
    case 'movePage':
      return b.movePage(def, e.p, e.by);
    case 'addQuestion':
      return b.addQuestion(def, e.p, e.type, en(e.type)).definition;
    case 'deleteQuestion':
      return b.deleteQuestion(def, e.p, e.i);
    case 'moveQuestion':
      return b.moveQuestion(def, e.p, e.i, e.by);
    case 'toPage':
      return b.moveQuestionToPage(def, e.p, e.i, e.to);
    case 'rename':
      return b.editPage(def, e.p, { title: en(e.title), help: undefined });
    case 'addMember':
      return b.addMember(def, e.p, e.i, e.type, en(e.type)).definition;
    case 'deleteMember':
      return b.deleteMember(def, e.p, e.i, e.m);
    case 'moveMember':
      return b.moveMember(def, e.p, e.i, e.m, e.by);
    case 'renameMember': {
      const g = def.pages[e.p]?.questions[e.i];
      const m = g?.type === 'group' ? g.questions[e.m] : undefined;
      if (!m) throw new RangeError('no member');
      return b.replaceMember(def, e.p, e.i, e.m, { ...m, label: en(e.label) });
    }
    case 'answered': {
      const field = b.fieldsBefore(def, e.p, e.i)[e.f];
      return b.setCondition(def, e.p, e.i, field && { field: field.id, op: 'answered' });
    }
  }
}

test('any sequence of edits the engine accepts round-trips through export and import unchanged', () => {
  let accepted = 0;
  let members = 0;
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
      // As the pages work: each edit starts from the last accepted draft; a refused one is dropped.
      // The form starts with a repeated group as its second question, for the group's edits.
      let def = ok(b.addQuestion(blank(), 0, 'group', en('Group')).definition);
      for (const e of edits) {
        let next: FormDefinition;
        try {
          next = apply(def, e);
        } catch (err) {
          if (err instanceof RangeError) continue;
          throw err;
        }
        const c = checkDefinition(next);
        if (!c.ok) continue;
        def = c.definition;
        accepted++;
        if (e.op.endsWith('Member')) members++;
      }
      const file = b.exportDefinition(def);
      const back = checkDefinition(file);
      assert.ok(back.ok);
      assert.deepEqual(back.definition, def);
      assert.equal(b.exportDefinition(back.definition), file, 'the same bytes again');
    }),
    { numRuns: 300 },
  );
  // The edits are not all refused: the round trip is tried on definitions that grew.
  // Thresholds far below what runs give (over 40 seeds: 324–400 accepted, 27–55 of members):
  // at 300 and 30 they sat at the tail, and a CI run drew 29.
  assert.ok(accepted > 200, `${accepted} edits accepted`);
  // …and on groups whose questions were added, moved, renamed and removed in between.
  assert.ok(members > 10, `${members} edits of a group's questions accepted`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition, findCycle } from './definition-check.ts';
import { DOG_REGISTRATION } from './testing.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (): Json => structuredClone(DOG_REGISTRATION);
/** The problems' codes (and paths) of a changed copy of the example. */
function problems(change: (d: Json) => void): string[] {
  const d = copy();
  change(d);
  const c = checkDefinition(d);
  return c.ok ? [] : c.problems.map((p) => `${p.code} ${p.path}`);
}
const text = (t: string) => ({ cs: t, en: t });
const yesNo = (id: string, extra: Json = {}) => ({ id, type: 'yesNo', label: text(id), ...extra });

test('the example is a valid definition, with the defaults filled in', () => {
  const c = checkDefinition(JSON.stringify(DOG_REGISTRATION));
  assert.ok(c.ok, JSON.stringify(!c.ok && c.problems));
  assert.equal(c.definition.authoriseAct, false);
  const email = c.definition.pages[0]!.questions[2]!;
  assert.equal(email.required, false);
});

test('every text is in exactly the languages the form states', () => {
  assert.deepEqual(
    problems((d) => delete d.title.en),
    ['languages title'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[0].questions[0].label.sl = 'Imetnik')),
    ['languages pages.0.questions.0.label'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[1].questions[0].questions[3].options[0].label = { cs: 'Malý' })),
    ['languages pages.1.questions.0.questions.3.options.0.label'],
  );
  assert.deepEqual(
    problems((d) => (d.languages = ['cs', 'en', 'cs'])),
    ['duplicate languages'],
  );
  assert.deepEqual(
    problems((d) => (d.title.cs = '   ')),
    ['too_small title.cs'],
  );
});

test('ids are unique across the form, repeated questions included', () => {
  assert.deepEqual(
    problems((d) => (d.pages[1].questions[0].questions[0].id = 'email')),
    ['duplicate pages.1.questions.0.questions.0.id'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[2].id = 'owner')),
    ['duplicate pages.2.id'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[0].questions[0].id = 'Keeper')),
    ['invalid_format pages.0.questions.0.id'],
  );
});

test('rules must fit: bounds in order, prefill of the right kind, no nested groups', () => {
  assert.deepEqual(
    problems((d) => (d.pages[2].questions[1].min = 5)),
    ['bounds pages.2.questions.1'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[0].questions[2].prefill = 'person.dateOfBirth')),
    ['prefill pages.0.questions.2.prefill'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[1].questions[0].questions[0].prefill = 'person.givenName')),
    ['prefill pages.1.questions.0.questions.0.prefill'],
  );
  const nested = problems((d) => {
    const group = d.pages[1].questions[0];
    group.questions.push({ ...structuredClone(group), id: 'inner' });
  });
  assert.ok(nested.length > 0 && nested.every((p) => p.startsWith('invalid_union')), nested.join());
  assert.deepEqual(
    problems((d) => (d.pages[2].questions[3].options[1].value = 'email')),
    ['duplicate pages.2.questions.3.options'],
  );
});

test('a condition names a known question of a comparable type on an earlier page or its own', () => {
  const on = (cond: Json) => (d: Json) => (d.pages[2].questions[2].visibleIf = cond);
  assert.deepEqual(problems(on({ field: 'nobody', op: 'answered' })), [
    'unknown_field pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'dog-name', op: 'answered' })), [
    'unknown_field pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'paid', op: 'answered' })), [
    'self pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'pensioner', op: 'equals', value: 'yes' })), [
    'type pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'since', op: 'gt', value: 3 })), [
    'type pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'payment', op: 'oneOf', values: ['cash'] })), [
    'type pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'reminders', op: 'equals', value: 'sms' })), [
    'type pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'home', op: 'lt', value: 1 })), [
    'type pages.2.questions.2.visibleIf',
  ]);
  assert.deepEqual(problems(on({ field: 'since', op: 'lte', value: '2026-01-01' })), []);
  assert.deepEqual(problems(on({ field: 'home', op: 'answered' })), []);
  // A later page, and a page's condition on its own page.
  assert.deepEqual(
    problems((d) => (d.pages[0].questions[4].visibleIf = { field: 'since', op: 'answered' })),
    ['later_page pages.0.questions.4.visibleIf'],
  );
  assert.deepEqual(
    problems((d) => (d.pages[2].visibleIf = { field: 'payment', op: 'answered' })),
    ['later_page pages.2.visibleIf'],
  );
});

test('conditions that go round are refused, however long the round', () => {
  const page = (qs: Json[]) => (d: Json) =>
    d.pages.push({ id: 'round', title: text('round'), questions: qs });
  const on = (id: string, other: string) =>
    yesNo(id, { visibleIf: { field: other, op: 'equals', value: true } });
  assert.deepEqual(problems(page([on('a', 'b'), on('b', 'a')])), ['cycle pages']);
  assert.deepEqual(problems(page([on('a', 'b'), on('b', 'c'), on('c', 'a')])), ['cycle pages']);
  assert.deepEqual(problems(page([on('a', 'b'), on('b', 'c'), yesNo('c')])), []);
  assert.deepEqual(
    findCycle(
      new Map([
        ['x', ['y']],
        ['y', ['x']],
      ]),
    ),
    ['x', 'y', 'x'],
  );
});

test('a condition nests at most 8 levels deep', () => {
  let deep: Json = { field: 'pensioner', op: 'answered' };
  for (let i = 0; i < 8; i++) deep = { not: deep };
  assert.deepEqual(
    problems((d) => (d.pages[2].questions[2].visibleIf = deep)),
    ['too_deep pages.2.questions.2.visibleIf'],
  );
});

test('an act authorised by a fresh eID sign-in needs a form at substantial or high', () => {
  assert.deepEqual(
    problems((d) => {
      d.assurance = 'low';
      d.authoriseAct = true;
    }),
    ['assurance authoriseAct'],
  );
  for (const assurance of ['substantial', 'high'])
    assert.deepEqual(
      problems((d) => {
        d.assurance = assurance;
        d.authoriseAct = true;
      }),
      [],
    );
  assert.deepEqual(
    problems((d) => (d.authoriseAct = 'yes')),
    ['invalid_type authoriseAct'],
  );
});

// The hostile-input corpus of issue 17: definitions and answers made to break the engine — deep
// nesting, huge repeats, script in every text, conditions that go round, oversized definitions,
// unknown keys, prototype keys, patterns fed what makes a backtracking regex slow, and a
// definition that changes under answers saved for its previous version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers, validateFormPost } from './answers.ts';
import { CONDITION_LIMITS, evaluate, type Condition } from './conditions.ts';
import { checkDefinition } from './definition-check.ts';
import { LIMITS } from './definition.ts';
import { fieldErrorText } from './error-text.ts';
import { answersJsonSchema } from './json-schema.ts';
import { checkedDogRegistration, DOG_REGISTRATION, DOG_REGISTRATION_POSTED } from './testing.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (): Json => structuredClone(DOG_REGISTRATION);
const codes = (input: unknown) => {
  const c = checkDefinition(input);
  return c.ok ? [] : [...new Set(c.problems.map((p) => p.code))];
};
const DOG = checkedDogRegistration();

test('deep nesting is refused before any recursion: as text, as a value, as a condition', () => {
  const text = `{"format":1,"pages":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  assert.deepEqual(codes(text), ['too_deep']);
  let value: unknown = [];
  for (let i = 0; i < 100_000; i++) value = [value];
  assert.deepEqual(codes({ ...copy(), pages: value }), ['too_deep']);
  let cond: Json = { field: 'pensioner', op: 'answered' };
  for (let i = 0; i < 10_000; i++) cond = { not: cond };
  const d = copy();
  d.pages[2].questions[2].visibleIf = cond;
  assert.deepEqual(codes(d), ['too_deep']);
  // Within the JSON depth but over the condition's own limit.
  let nine: Json = { field: 'pensioner', op: 'answered' };
  for (let i = 0; i < CONDITION_LIMITS.depth; i++) nine = { not: nine };
  d.pages[2].questions[2].visibleIf = nine;
  assert.deepEqual(codes(d), ['too_deep']);
  // A value that contains itself ends at the depth limit, not in a loop.
  const loop: Json = copy();
  loop.pages[0].questions[0].help = loop;
  assert.deepEqual(codes(loop), ['too_deep']);
});

test('oversized definitions are refused at each limit', () => {
  const q = (i: number) => ({ id: `q${i}`, type: 'yesNo', label: { cs: 'a', en: 'a' } });
  const page = (i: number, n = 1) => ({
    id: `p${i}`,
    title: { cs: 'p', en: 'p' },
    questions: Array.from({ length: n }, (_, j) => q(i * 1000 + j)),
  });
  const base = copy();
  assert.deepEqual(
    codes({ ...base, pages: Array.from({ length: LIMITS.pages + 1 }, (_, i) => page(i)) }),
    ['too_big'],
  );
  assert.deepEqual(codes({ ...base, pages: [page(0, 130), page(1, 130)] }), ['too_many']);
  assert.deepEqual(codes({ ...base, pages: [page(0, LIMITS.questions + 1)] }), ['too_big']);
  const options = Array.from({ length: LIMITS.options + 1 }, (_, i) => ({
    value: `o${i}`,
    label: { cs: 'o', en: 'o' },
  }));
  const many = copy();
  many.pages[2].questions[0].options = options;
  assert.deepEqual(codes(many), ['too_big']);
  const long = copy();
  long.title.cs = 'x'.repeat(LIMITS.label + 1);
  assert.deepEqual(codes(long), ['too_big']);
  const repeats = copy();
  repeats.pages[1].questions[0].maxItems = LIMITS.groupItems + 1;
  assert.deepEqual(codes(repeats), ['too_big']);
  const text = copy();
  text.pages[2].questions[4].maxLength = LIMITS.longTextLength + 1;
  assert.deepEqual(codes(text), ['too_big']);
  const huge = JSON.stringify({
    ...copy(),
    description: { cs: 'x'.repeat(LIMITS.jsonChars), en: 'x' },
  });
  assert.deepEqual(codes(huge), ['too_large']);
  assert.deepEqual(codes(JSON.parse(huge)), ['too_large']);
  assert.deepEqual(codes('{"format": 1,'), ['json']);
});

test('unknown keys are refused at every level, prototype keys included', () => {
  const at: [string, (d: Json) => void][] = [
    ['root', (d) => (d.script = 'alert(1)')],
    ['page', (d) => (d.pages[0].onload = 'x')],
    ['question', (d) => (d.pages[0].questions[0].regex = '(a+)+$')],
    ['group member', (d) => (d.pages[1].questions[0].questions[0].html = '<b>')],
    ['option', (d) => (d.pages[2].questions[0].options[0].selected = true)],
    ['condition', (d) => (d.pages[2].visibleIf.not.eval = 'process.exit()')],
    ['label', (d) => (d.title.de = 'Hund')],
  ];
  for (const [where, change] of at) {
    const d = copy();
    change(d);
    assert.deepEqual(codes(d), ['unknown_key'], where);
  }
  const text = JSON.stringify(copy()).replace(
    '"format":1',
    '"__proto__":{"polluted":true},"format":1',
  );
  assert.deepEqual(codes(text), ['unknown_key']);
  assert.equal(({} as Json).polluted, undefined);
  assert.deepEqual(codes(JSON.stringify(copy()).replace('"id":"keeper"', '"id":"__proto__"')), [
    'invalid_format',
  ]);
  // A regular expression cannot be brought in: a pattern is one of our names.
  const regex = copy();
  regex.pages[1].questions[0].questions[1].pattern = '^(a+)+$';
  assert.deepEqual(codes(regex), ['invalid_value']);
});

test('script in every text is kept as text: nothing is interpreted, nothing is stripped', () => {
  const evil = '<script>alert(1)</script>{min}${process.exit()}{{constructor}}';
  const d = JSON.parse(
    JSON.stringify(copy(), (key, v: unknown) =>
      ['cs', 'en'].includes(key) && typeof v === 'string' ? evil : v,
    ),
  ) as Json;
  const c = checkDefinition(d);
  assert.ok(c.ok, JSON.stringify(!c.ok && c.problems));
  assert.equal(c.definition.pages[0]!.questions[0]!.label.en, evil);
  const schema = answersJsonSchema(c.definition);
  assert.equal(schema.title, evil);
  // An answer with markup is an answer, kept as typed; an error's parameter is never re-read.
  const v = validateFormPost(
    c.definition,
    { 'dog.0.dog-name': evil.slice(0, 60), 'dog.0.breed': 'small' },
    { pages: ['dogs'] },
  );
  assert.ok(!v.ok);
  assert.equal((v.answers.dog as Json[])[0]!['dog-name'], evil.slice(0, 60));
  assert.equal(
    fieldErrorText(
      { field: 'f', key: 'forms.error.file.type', params: { types: '{types}{max}' } },
      'en',
    ),
    'The file must be one of these types: {types}{max}.',
  );
});

test('conditions that go round are refused, even round thirty questions', () => {
  const n = 30;
  const questions = Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    type: 'yesNo',
    label: { cs: 'a', en: 'a' },
    visibleIf: { field: `q${(i + 1) % n}`, op: 'equals', value: true },
  }));
  const d = { ...copy(), pages: [{ id: 'p', title: { cs: 'p', en: 'p' }, questions }] };
  assert.deepEqual(codes(d), ['cycle']);
  questions[n - 1]!.visibleIf = { field: 'q0', op: 'equals', value: false };
  assert.deepEqual(codes(d), ['cycle']);
  delete (questions[n - 1] as Json).visibleIf;
  assert.deepEqual(codes(d), []);
});

test('huge repeats cost a refusal, not a loop: counted before any is read', () => {
  const post: Record<string, string> = {};
  for (let i = 0; i < 20_000; i++) post[`dog.${i}.dog-name`] = 'Rex';
  const v = validateFormPost(DOG, post, { pages: ['dogs'] });
  assert.deepEqual(v.ok ? [] : v.errors.map((e) => e.key), [
    'forms.error.group_max',
    'forms.error.required',
  ]);
  const million = Array.from({ length: 1_000_000 }, () => ({ 'dog-name': 'Rex' }));
  const j = validateAnswers(DOG, { dog: million }, { pages: ['dogs'] });
  assert.deepEqual(j.ok ? [] : j.errors.map((e) => e.key), [
    'forms.error.group_max',
    'forms.error.required',
  ]);
  // An index of a billion is one item, not a billion.
  const far = validateFormPost(
    DOG,
    { 'dog.999999999.dog-name': 'Rex', 'dog.0.dog-name': 'Max', 'dog.0.breed': 'small' },
    { pages: ['dogs'] },
  );
  assert.deepEqual(far.ok ? [] : far.errors.map((e) => e.field), ['dog.999999999.breed', 'since']);
});

// How fast these are refused is bench/hostile-answers.ts's to say (against an ordinary form in
// the same run): a time limit here failed on a loaded CI machine (2.4 s against 1 s).
test('hostile answers: long texts, prototype keys, odd shapes, slow-regex bait — refused', () => {
  const polluting = validateFormPost(DOG, {
    'home.__proto__.polluted': 'yes',
    '__proto__.x': '1',
    'dog.0.__proto__': 'x',
    'constructor.prototype.x': 'y',
  });
  assert.ok(!polluting.ok);
  assert.equal(({} as Json).polluted, undefined);
  const bait = [
    ['email', `a@${'a.'.repeat(100_000)}`],
    ['phone', `+${'1 '.repeat(100_000)}x`],
    ['paid', `${'1'.repeat(100_000)}x`],
    ['since', `${'1'.repeat(100_000)}.`],
    ['note', 'x'.repeat(1_000_000)],
  ];
  // The rest of the form answered, so each bait's own field is visible and its error is its own.
  const rest = DOG_REGISTRATION_POSTED;
  for (const [field, value] of bait) {
    const v = validateFormPost(DOG, { ...rest, [field!]: value });
    assert.deepEqual(v.ok ? [] : v.errors.map((e) => e.field), [field], field);
  }
  for (const odd of [
    null,
    1,
    'x',
    [],
    [[]],
    { dog: { length: 1e9 } },
    { keeper: [1] },
    { home: 'Praha' },
    { reminders: { 0: 'sms' } },
  ]) {
    const v = validateAnswers(DOG, odd);
    assert.ok(!v.ok, JSON.stringify(odd));
  }
});

test('evaluation never throws on hostile answers', () => {
  const conditions: Condition[] = [
    { field: 'a', op: 'includes', value: 'x' },
    { field: 'a', op: 'gte', value: 1 },
    { field: 'a', op: 'equals', value: 1 },
    { field: 'a', op: 'oneOf', values: ['x'] },
  ];
  const getter = Object.defineProperty({}, 'minor', {
    get: () => {
      throw new Error('boom');
    },
    enumerable: true,
  });
  for (const a of [
    Object.create(null) as Json,
    { a: getter },
    { a: new Proxy({}, {}) },
    { a: Symbol('x') },
    { a: 10n },
    { a: [getter] },
  ])
    for (const c of conditions) assert.doesNotThrow(() => evaluate(c, a), JSON.stringify(c));
});

test('a definition that changes under saved answers: the new version names each answer it no longer takes', () => {
  const saved = validateFormPost(DOG, {
    'keeper.givenName': 'Jana',
    'keeper.familyName': 'N',
    'keeper.dateOfBirth': '1.1.1970',
    'home.street': 'Hlavní 1',
    'home.postcode': '742 21',
    'home.city': 'Kopřivnice',
    pensioner: 'no',
    'dog.0.dog-name': 'Rex',
    'dog.0.breed': 'large',
    since: '2020-01-01',
    payment: 'counter',
    email: 'jana@example.cz',
  });
  assert.ok(saved.ok);
  const next = copy();
  next.pages[1].questions[0].questions[3].options.pop(); // "large" is gone
  next.pages[0].questions.splice(2, 1); // so is the e-mail
  next.pages[1].questions[1] = { ...next.pages[1].questions[1], type: 'number', min: 0, max: 100 }; // a date became a number
  const c = checkDefinition(next);
  assert.ok(c.ok, JSON.stringify(!c.ok && c.problems));
  const v = validateAnswers(c.definition, saved.answers);
  assert.deepEqual(v.ok ? [] : v.errors.map((e) => `${e.field} ${e.key}`).sort(), [
    'dog.0.breed forms.error.option',
    'email forms.error.unknown_field',
    'since forms.error.number',
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { validateAnswers } from './answers.ts';
import { checkDefinition } from './definition-check.ts';
import { ACCEPTABLE_TYPES, type FormDefinition } from './definition.ts';
import { answersJsonSchema } from './json-schema.ts';
import { checkedDogRegistration } from './testing.ts';

// CommonJS packages: their default export is the module object under Node's ESM loader.
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

type Json = Record<string, unknown>;
const label = (langs: string[], t: string) => Object.fromEntries(langs.map((l) => [l, t]));
const sorted = (a?: number, b?: number) =>
  a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const DATES = ['1990-01-01', '2000-02-29', '2026-12-02', '2030-06-30'];

/** One question of any type but a group, with random rules that are in order. */
function member(langs: string[], id: string): fc.Arbitrary<Json> {
  const base = { id, label: label(langs, `<b>${id}</b>`) };
  const options = fc
    .integer({ min: 1, max: 4 })
    .map((n) =>
      Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: label(langs, `o${i}`) })),
    );
  return fc
    .oneof(
      fc
        .record({
          min: maybe(fc.integer({ min: 0, max: 4 })),
          max: fc.integer({ min: 5, max: 30 }),
          pattern: maybe(
            fc.constantFrom(
              'digits',
              'letters',
              'alphanumeric',
              'postcode_si',
              'postcode_cz',
              'iban',
            ),
          ),
          type: fc.constantFrom('text', 'longText'),
        })
        .map(({ min, max, pattern, type }) => ({
          ...base,
          type,
          maxLength: max,
          ...(min !== undefined ? { minLength: min } : {}),
          ...(pattern && type === 'text' ? { pattern } : {}),
        })),
      fc
        .record({
          decimals: fc.integer({ min: 0, max: 2 }),
          a: maybe(fc.integer({ min: -50, max: 50 })),
          b: maybe(fc.integer({ min: -50, max: 50 })),
        })
        .map(({ decimals, a, b }) => {
          const [min, max] = sorted(a, b);
          return {
            ...base,
            type: 'number',
            decimals,
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
          };
        }),
      fc
        .record({
          currency: fc.constantFrom('EUR', 'CZK'),
          a: maybe(fc.integer({ min: 0, max: 100000 })),
          b: maybe(fc.integer({ min: 0, max: 100000 })),
        })
        .map(({ currency, a, b }) => {
          const [min, max] = sorted(a, b);
          return {
            ...base,
            type: 'money',
            currency,
            ...(min !== undefined ? { minMinor: min } : {}),
            ...(max !== undefined ? { maxMinor: max } : {}),
          };
        }),
      fc
        .record({ a: maybe(fc.constantFrom(...DATES)), b: maybe(fc.constantFrom(...DATES)) })
        .map(({ a, b }) => {
          const [min, max] = [a, b].sort();
          return {
            ...base,
            type: 'date',
            ...(min ? { min } : {}),
            ...(max && max !== min ? { max } : {}),
          };
        }),
      fc.constantFrom('email', 'phone', 'yesNo').map((type) => ({ ...base, type })),
      options.map((o) => ({ ...base, type: 'singleChoice', options: o })),
      fc
        .record({
          o: options,
          min: maybe(fc.integer({ min: 0, max: 1 })),
          max: maybe(fc.integer({ min: 1, max: 4 })),
        })
        .map(({ o, min, max }) => ({
          ...base,
          type: 'multipleChoice',
          options: o,
          ...(min !== undefined ? { minSelected: min } : {}),
          ...(max !== undefined ? { maxSelected: max } : {}),
        })),
      maybe(fc.constantFrom('SI', 'CZ')).map((c) => ({
        ...base,
        type: 'address',
        ...(c ? { defaultCountry: c } : {}),
      })),
      fc.boolean().map((withDateOfBirth) => ({ ...base, type: 'person', withDateOfBirth })),
      fc
        .subarray([...ACCEPTABLE_TYPES], { minLength: 1 })
        .map((accept) => ({ ...base, type: 'file', accept, maxBytes: 1000 })),
    )
    .chain((q) => fc.boolean().map((required) => ({ ...q, required })));
}

/** A random valid definition: 1–3 pages, some questions shown only when the first is answered. */
const definition: fc.Arbitrary<FormDefinition> = fc
  .record({
    langs: fc.subarray(['sl', 'cs', 'en'], { minLength: 1 }),
    shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ langs, shape }) => {
    const pages = shape.map((count, p) =>
      fc
        .tuple(
          ...Array.from({ length: count }, (_, i) => {
            const id = `q${p}-${i}`;
            const q =
              i === count - 1 && p > 0
                ? fc
                    .record({
                      members: fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
                      min: fc.integer({ min: 0, max: 2 }),
                      extra: fc.integer({ min: 0, max: 2 }),
                    })
                    .chain(({ members, min, extra }) =>
                      fc
                        .tuple(...members.map((_, j) => member(langs, `${id}-m${j}`)), fc.boolean())
                        .map(([...rest]) => {
                          const required = rest.pop() as boolean;
                          return {
                            id,
                            type: 'group',
                            label: label(langs, id),
                            questions: rest,
                            minItems: min,
                            maxItems: Math.max(1, min + extra),
                            required,
                          };
                        }),
                    )
                : member(langs, id);
            return fc
              .tuple(q, fc.boolean())
              .map(([question, conditional]) =>
                conditional && p > 0
                  ? { ...question, visibleIf: { field: 'q0-0', op: 'answered' } }
                  : question,
              );
          }),
        )
        .map((questions) => ({ id: `p${p}`, title: label(langs, `p${p}`), questions })),
    );
    return fc.tuple(...pages).map((ps) => ({
      format: 1,
      languages: langs,
      title: label(langs, 'Form'),
      assurance: 'low',
      pages: ps,
    }));
  })
  .map((d) => {
    const c = checkDefinition(d);
    if (!c.ok)
      throw new Error(`the generator made an invalid definition: ${JSON.stringify(c.problems)}`);
    return c.definition;
  });

const TEXTS = [
  'abc',
  '12345',
  'Žan Kovač',
  '1230',
  '742 21',
  'SI56192001234567892',
  'x'.repeat(25),
  '<script>alert(1)</script>',
];
/** Answers to a question, valid or nearly: the engine decides, the schema must agree with what it keeps. */
function anyAnswer(q: Json): fc.Arbitrary<unknown> {
  switch (q.type) {
    case 'text':
    case 'longText':
      return fc.constantFrom(...TEXTS);
    case 'number':
      return fc.oneof(fc.integer({ min: -60, max: 60 }), fc.constantFrom(1.5, 0.25, -3.75, 1e20));
    case 'money':
      return fc.record({
        minor: fc.oneof(fc.integer({ min: 0, max: 120000 }), fc.constant(1.5)),
        currency: fc.constantFrom('EUR', 'CZK'),
      });
    case 'date':
      return fc.constantFrom(...DATES, '2026-02-30', '1.1.2000');
    case 'email':
      return fc.constantFrom('ana@example.si', 'jan.novak@obec.cz', 'nope@', 'a b@c.d');
    case 'phone':
      return fc.constantFrom('+386 1 234 56 78', '601 234 567', '12', 'call me');
    case 'yesNo':
      return fc.oneof(fc.boolean(), fc.constant('yes'));
    case 'singleChoice':
      return fc.constantFrom('o0', 'o1', 'o3', 'nope');
    case 'multipleChoice':
      return fc.subarray(['o0', 'o1', 'o2', 'o3', 'x']);
    case 'address':
      return fc.record({
        street: fc.constantFrom('Glavni trg 1', ''),
        postcode: fc.constantFrom('1230', '742 21', '9999'),
        city: fc.constant('Domžale'),
        country: fc.constantFrom('SI', 'CZ', 'AT', 'si'),
      });
    case 'person':
      return fc.record(
        {
          givenName: fc.constant('Ana'),
          familyName: fc.constantFrom('Novak', ''),
          dateOfBirth: fc.constantFrom('1980-05-04', '1980-02-31'),
        },
        { requiredKeys: ['givenName', 'familyName'] },
      );
    case 'file':
      return fc.constantFrom({ fileId: '0b7c1a52-8d8e-4d3c-9d55-0d2b6c1f2a10' }, { fileId: 'x' });
    default: {
      const members = q.questions as Json[];
      const item = fc.record(
        Object.fromEntries(members.map((m) => [m.id as string, anyAnswer(m)])),
        {
          requiredKeys: [],
        },
      );
      return fc.array(item, { maxLength: 3 });
    }
  }
}
const GOOD_TEXT: Record<string, string> = {
  digits: '12345',
  letters: 'Žanka',
  alphanumeric: 'ab123',
  postcode_si: '1230',
  postcode_cz: '74221',
  iban: 'SI56192001234567892',
};
/** An answer that fits the question's rules, so that whole forms pass often enough. */
function goodAnswer(q: Json): fc.Arbitrary<unknown> {
  const n = (v: unknown) => v as number;
  switch (q.type) {
    case 'text':
    case 'longText':
      return fc.constant(GOOD_TEXT[(q.pattern as string) ?? ''] ?? 'abcde');
    case 'number':
      return fc.integer({ min: n(q.min ?? -60), max: n(q.max ?? 60) });
    case 'money':
      return fc
        .integer({ min: n(q.minMinor ?? 0), max: n(q.maxMinor ?? 120000) })
        .map((minor) => ({ minor, currency: q.currency }));
    case 'date':
      return fc.constant(q.min ?? q.max ?? '2000-02-29');
    case 'email':
      return fc.constant('ana@example.si');
    case 'phone':
      return fc.constant('+386 1 234 56 78');
    case 'yesNo':
      return fc.boolean();
    case 'singleChoice':
      return fc.constant('o0');
    case 'multipleChoice':
      return fc.constant(['o0']);
    case 'address':
      return fc.constant({
        street: 'Glavni trg 1',
        postcode: '1230',
        city: 'Domžale',
        country: 'SI',
      });
    case 'person':
      return fc.constant({
        givenName: 'Ana',
        familyName: 'Novak',
        ...(q.withDateOfBirth ? { dateOfBirth: '1980-05-04' } : {}),
      });
    case 'file':
      return fc.constant({ fileId: '0b7c1a52-8d8e-4d3c-9d55-0d2b6c1f2a10' });
    default: {
      const members = q.questions as Json[];
      const item = fc.record(
        Object.fromEntries(members.map((m) => [m.id as string, goodAnswer(m)])),
      );
      return fc.array(item, { minLength: Math.max(1, n(q.minItems)), maxLength: n(q.maxItems) });
    }
  }
}
const answer = (q: Json) =>
  fc.oneof({ arbitrary: goodAnswer(q), weight: 8 }, { arbitrary: anyAnswer(q), weight: 1 });

const definitionAndAnswers = definition.chain((def) => {
  const questions = def.pages.flatMap((p) => p.questions) as unknown as Json[];
  // Mostly answered, sometimes not: a required question left out is refused, which teaches little.
  const some = (q: Json) =>
    fc.oneof({ arbitrary: answer(q), weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 });
  return fc
    .record(Object.fromEntries(questions.map((q) => [q.id as string, some(q)])))
    .map((a) => ({ def, answers: a }));
});

test('whatever the engine accepts fits the JSON Schema it generates (random definitions and answers)', () => {
  let accepted = 0;
  fc.assert(
    fc.property(definitionAndAnswers, ({ def, answers }) => {
      const schema = answersJsonSchema(def);
      const check = ajv.compile(schema);
      const v = validateAnswers(def, answers);
      if (!v.ok) return;
      accepted++;
      assert.ok(check(v.answers), JSON.stringify({ errors: check.errors, answers: v.answers }));
    }),
    { numRuns: 400 },
  );
  // Not vacuous: enough of the random answers pass for the property to mean something.
  assert.ok(accepted > 40, `only ${accepted} of 400 accepted`);
});

test('answers broken in a way the schema can say are refused by both', () => {
  const dog = checkedDogRegistration();
  const check = ajv.compile(answersJsonSchema(dog));
  const valid = {
    keeper: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: '1970-01-02' },
    home: { street: 'Hlavní 1', postcode: '742 21', city: 'Kopřivnice', country: 'CZ' },
    pensioner: false,
    dog: [{ 'dog-name': 'Rex', breed: 'small' }],
    since: '2020-05-01',
    payment: 'qr',
    paid: { minor: 1250, currency: 'CZK' },
  };
  assert.ok(validateAnswers(dog, valid).ok);
  assert.ok(check(valid), JSON.stringify(check.errors));
  const broken: Record<string, Json> = {
    'a number as text': { instalments: '2' },
    'a fraction of a whole number': { instalments: 2.5 },
    'yes as a word': { pensioner: 'no' },
    'money as a float': { paid: { minor: 12.5, currency: 'CZK' } },
    'money in another currency': { paid: { minor: 100, currency: 'EUR' } },
    'money as a number': { paid: 12.5 },
    'an unknown question': { colour: 'black' },
    'no repeat of a required group': { dog: [] },
    'too many repeats': {
      dog: Array.from({ length: 6 }, () => ({ 'dog-name': 'Rex', breed: 'small' })),
    },
    'an unknown key in a repeat': { dog: [{ 'dog-name': 'Rex', breed: 'small', colour: 'black' }] },
    'an option twice': { reminders: ['sms', 'sms'] },
    'not an option': { payment: 'cash' },
    'no such day': { since: '2020-02-30' },
    'a date as people write it': { since: '1.5.2020' },
    'an e-mail without a domain': { email: 'jana@' },
    'a country in lower case': { home: { ...valid.home, country: 'cz' } },
    'a person without a surname': { keeper: { givenName: 'Jana', dateOfBirth: '1970-01-02' } },
    'a text over its length': { dog: [{ 'dog-name': 'x'.repeat(61), breed: 'small' }] },
    'a chip of letters': { dog: [{ 'dog-name': 'Rex', breed: 'small', chip: 'abcdefghijklmno' }] },
    'a file without its id': { pensioner: true, 'pension-proof': { name: 'a.pdf' } },
  };
  for (const [what, patch] of Object.entries(broken)) {
    const answers = { ...valid, ...patch };
    assert.ok(!validateAnswers(dog, answers).ok, `the engine took ${what}`);
    assert.ok(!check(answers), `the schema took ${what}`);
  }
});

test('the schema is 2020-12, names every question, and requires only what is always shown', () => {
  const schema = answersJsonSchema(checkedDogRegistration());
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.required, ['keeper', 'home', 'pensioner', 'dog', 'since']);
  assert.equal(Object.keys(schema.properties as Json).length, 13);
  assert.equal(schema.additionalProperties, false);
});

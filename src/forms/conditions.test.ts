import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  conditionSchema,
  conditionSize,
  evaluate,
  isAnswered,
  type Condition,
} from './conditions.ts';

const FIELDS = ['a', 'b', 'c', 'kids', 'fee'] as const;
const field = fc.constantFrom(...FIELDS);
const word = fc.constantFrom('x', 'y', 'z', '2026-01-01', '2026-06-30', '');
const comparison: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field,
    op: fc.constantFrom('equals', 'notEquals'),
    value: fc.oneof(word, fc.integer({ min: -3, max: 3 }), fc.boolean()),
  }),
  fc.record({
    field,
    op: fc.constantFrom('lt', 'lte', 'gt', 'gte'),
    value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('2026-01-01', '2026-06-30')),
  }),
  fc.record({
    field,
    op: fc.constant('oneOf'),
    values: fc.array(word, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ field, op: fc.constant('includes'), value: word }),
  fc.record({ field, op: fc.constantFrom('answered', 'notAnswered') }),
);
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));
/** Answers of the right types and of every wrong one, some fields missing. */
const value = fc.oneof(
  word,
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(word, { maxLength: 3 }),
  fc.record({ minor: fc.integer({ min: -3, max: 3 }), currency: fc.constant('EUR') }),
  fc.double(),
  fc.anything(),
);
const answers = fc.dictionary(field, value, { noNullPrototype: false });

test('not(not c) ≡ c', () => {
  fc.assert(
    fc.property(condition, answers, (c, a) => evaluate({ not: { not: c } }, a) === evaluate(c, a)),
  );
});

test('De Morgan: not(all) ≡ any(not), not(any) ≡ all(not)', () => {
  fc.assert(
    fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), answers, (cs, a) => {
      const nots = cs.map((c) => ({ not: c }));
      return (
        evaluate({ not: { all: cs } }, a) === evaluate({ any: nots }, a) &&
        evaluate({ not: { any: cs } }, a) === evaluate({ all: nots }, a)
      );
    }),
  );
});

test('all and any: of one is that one, order does not matter, all implies any', () => {
  fc.assert(
    fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), answers, (cs, a) => {
      const reversed = [...cs].reverse();
      return (
        evaluate({ all: [cs[0]!] }, a) === evaluate(cs[0]!, a) &&
        evaluate({ any: [cs[0]!] }, a) === evaluate(cs[0]!, a) &&
        evaluate({ all: cs }, a) === evaluate({ all: reversed }, a) &&
        evaluate({ any: cs }, a) === evaluate({ any: reversed }, a) &&
        (!evaluate({ all: cs }, a) || evaluate({ any: cs }, a)) &&
        evaluate({ all: [...cs, ...cs] }, a) === evaluate({ all: cs }, a)
      );
    }),
  );
});

test('each negated operator is the not of its pair; answered is one of the two', () => {
  fc.assert(
    fc.property(
      field,
      value,
      fc.oneof(word, fc.integer({ min: -3, max: 3 }), fc.boolean()),
      (f, v, x) => {
        const a = { [f]: v };
        return (
          evaluate({ field: f, op: 'notEquals', value: x }, a) ===
            !evaluate({ field: f, op: 'equals', value: x }, a) &&
          evaluate({ field: f, op: 'notAnswered' }, a) ===
            !evaluate({ field: f, op: 'answered' }, a)
        );
      },
    ),
  );
});

test('evaluation never throws, whatever the answers hold, and every generated condition fits the schema', () => {
  fc.assert(
    fc.property(condition, fc.object(), (c, a) => {
      assert.equal(typeof evaluate(c, a), 'boolean');
      assert.ok(conditionSchema.safeParse(c).success);
    }),
  );
});

test('comparisons: money by its minor units, dates as text, a wrong type is simply false', () => {
  const a = {
    fee: { minor: 1250, currency: 'EUR' },
    day: '2026-03-01',
    n: 4,
    pick: 'x',
    many: ['x', 'y'],
  };
  assert.ok(evaluate({ field: 'fee', op: 'gte', value: 1250 }, a));
  assert.ok(!evaluate({ field: 'fee', op: 'gt', value: 1250 }, a));
  assert.ok(evaluate({ field: 'fee', op: 'equals', value: 1250 }, a));
  assert.ok(evaluate({ field: 'day', op: 'lt', value: '2026-03-02' }, a));
  assert.ok(!evaluate({ field: 'day', op: 'lt', value: 5 }, a));
  assert.ok(!evaluate({ field: 'n', op: 'lt', value: '2026-03-02' }, a));
  assert.ok(evaluate({ field: 'pick', op: 'oneOf', values: ['y', 'x'] }, a));
  assert.ok(evaluate({ field: 'many', op: 'includes', value: 'y' }, a));
  assert.ok(!evaluate({ field: 'pick', op: 'includes', value: 'x' }, a));
  // A key of Object.prototype is no answer.
  assert.ok(!evaluate({ field: 'constructor', op: 'answered' }, {}));
  assert.ok(!evaluate({ field: 'missing', op: 'equals', value: '' }, a));
  for (const empty of [undefined, null, '', []]) assert.ok(!isAnswered(empty));
  for (const some of [0, false, 'x', ['x'], {}]) assert.ok(isAnswered(some));
});

test('size counts depth and nodes', () => {
  const leaf: Condition = { field: 'a', op: 'answered' };
  assert.deepEqual(conditionSize(leaf), { depth: 1, nodes: 1 });
  assert.deepEqual(conditionSize({ all: [leaf, { not: leaf }] }), { depth: 3, nodes: 4 });
});

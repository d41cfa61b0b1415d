import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  lineKeys,
  normaliseNumericSymbol,
  normaliseSymbol,
  type ParsedStatement,
  type StatementLine,
} from './lines.ts';

const lineArb: fc.Arbitrary<StatementLine> = fc.record({
  source: fc.nat(),
  direction: fc.constantFrom('credit', 'debit', 'credit-reversal', 'debit-reversal'),
  amountMinor: fc.integer({ min: 1, max: 5 }),
  currency: fc.constant('CZK'),
  bookedOn: fc.constantFrom('2026-11-30', '2026-12-01'),
  valueDate: fc.constant(null),
  bankReference: fc.option(fc.constantFrom('A', 'B'), { nil: null }),
  variableSymbol: fc.option(fc.constantFrom('1', '2'), { nil: null }),
  constantSymbol: fc.constant(null),
  specificSymbol: fc.constant(null),
  counterAccount: fc.constant(null),
  counterName: fc.constant(null),
  message: fc.constant(null),
});
const statement = (lines: StatementLine[]): ParsedStatement => ({
  format: 'abo',
  account: '19-123457',
  statementNumber: null,
  statementDate: null,
  lines,
});

test('property: keys are unique within a file, and a later file that extends it keeps its lines’ keys', () => {
  fc.assert(
    fc.property(
      fc.array(lineArb, { maxLength: 30 }),
      fc.array(lineArb, { maxLength: 10 }),
      (first, more) => {
        const keys = lineKeys(statement(first));
        assert.equal(new Set(keys).size, keys.length);
        assert.deepEqual(lineKeys(statement([...first, ...more])).slice(0, first.length), keys);
      },
    ),
  );
});

test('symbols: VS and SS compared as numbers, KS kept as the code it is', () => {
  assert.equal(normaliseNumericSymbol('0000012345'), '12345');
  assert.equal(normaliseNumericSymbol('0000000000'), null);
  assert.equal(normaliseNumericSymbol('12a'), null);
  assert.equal(normaliseSymbol('0308'), '0308');
  assert.equal(normaliseSymbol('0000'), null);
});

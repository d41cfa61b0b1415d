import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchCredits, type CreditToMatch, type OpenObligation } from './matching.ts';

const dog: OpenObligation = {
  id: 'dog',
  variableSymbol: '123',
  currency: 'CZK',
  dueMinor: 50000,
  cancelled: false,
};
const credit = (vs: string | null, amountMinor: number, currency = 'CZK'): CreditToMatch => ({
  variableSymbol: vs,
  amountMinor,
  currency,
});

test('exact, partial and over payments are matched as such; the due amount goes down in order', () => {
  assert.deepEqual(matchCredits([credit('123', 50000)], [dog]), [
    { kind: 'matched', obligationId: 'dog', fit: 'exact' },
  ]);
  assert.deepEqual(
    matchCredits([credit('123', 20000), credit('0000123', 30000), credit('123', 1)], [dog]).map(
      (d) => d.kind === 'matched' && d.fit,
    ),
    ['partial', 'exact', 'over'],
  );
  assert.deepEqual(matchCredits([credit('123', 60000)], [dog]), [
    { kind: 'matched', obligationId: 'dog', fit: 'over' },
  ]);
});

test('unmatched with a reason: no VS, unknown VS, other currency, cancelled obligation', () => {
  const cancelled = { ...dog, id: 'old', variableSymbol: '9', cancelled: true };
  assert.deepEqual(
    matchCredits(
      [credit(null, 1), credit('124', 1), credit('123', 1, 'EUR'), credit('9', 1)],
      [dog, cancelled],
    ),
    [
      { kind: 'unmatched', reason: 'no_variable_symbol' },
      { kind: 'unmatched', reason: 'unknown_variable_symbol' },
      { kind: 'unmatched', reason: 'other_currency' },
      { kind: 'unmatched', reason: 'cancelled' },
    ],
  );
});

test('the obligations given are not changed', () => {
  const list = [{ ...dog }];
  matchCredits([credit('123', 100)], list);
  assert.equal(list[0]!.dueMinor, 50000);
});

const obligationArb = fc.record({
  id: fc.uuid(),
  variableSymbol: fc.integer({ min: 1, max: 30 }).map(String),
  currency: fc.constantFrom('CZK', 'EUR'),
  dueMinor: fc.integer({ min: 1, max: 100_000 }),
  cancelled: fc.boolean(),
});
const creditArb = fc.record({
  variableSymbol: fc.option(
    fc.integer({ min: 1, max: 40 }).map((n) => `00${n}`),
    { nil: null },
  ),
  amountMinor: fc.integer({ min: 1, max: 100_000 }),
  currency: fc.constantFrom('CZK', 'EUR'),
});

test('property: one decision per credit; matched only to a live obligation of the same VS and currency; fits add up', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(obligationArb, { selector: (o) => o.variableSymbol }),
      fc.array(creditArb),
      (obligations, credits) => {
        const decisions = matchCredits(credits, obligations);
        assert.equal(decisions.length, credits.length);
        const due = new Map(obligations.map((o) => [o.id, o.dueMinor]));
        decisions.forEach((d, i) => {
          const c = credits[i]!;
          const o = obligations.find(
            (x) => x.variableSymbol === c.variableSymbol?.replace(/^0+/, ''),
          );
          if (d.kind === 'unmatched') {
            assert.ok(
              o === undefined ||
                o.cancelled ||
                o.currency !== c.currency ||
                c.variableSymbol === null,
            );
            return;
          }
          assert.equal(d.obligationId, o?.id);
          assert.ok(o !== undefined && !o.cancelled && o.currency === c.currency);
          const before = due.get(o.id)!;
          assert.equal(
            d.fit,
            c.amountMinor === before ? 'exact' : c.amountMinor < before ? 'partial' : 'over',
          );
          due.set(o.id, before - c.amountMinor);
        });
      },
    ),
  );
});

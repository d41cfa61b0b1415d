import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createRfReference,
  formatReferenceForPrint,
  isValidRfReference,
  isValidSi12Reference,
  normaliseVariableSymbol,
  si12CheckDigit,
  si12FromVariableSymbol,
  si12Reference,
} from './references.ts';

test('SI12 check digit: the matjaz/upnqr vector and the 10/11 → 0 rule', () => {
  assert.equal(si12CheckDigit('999002993498'), 8);
  assert.equal(si12Reference('999002993498'), 'SI129990029934988');
  assert.equal(si12FromVariableSymbol('0012345'), si12Reference('12345'));
  assert.throws(() => si12Reference('1'.repeat(20)), RangeError);
  assert.equal(isValidSi12Reference('SI12 9990 0299 3498 8'), true);
  assert.equal(isValidSi12Reference('SI129990029934987'), false);
  // 5·2 = 10 → 11 − 10 = 1; 1·2 = 2 → 9; "6": 12 mod 11 = 1 → 10 → 0; "0" → 11 → 0.
  assert.equal(si12CheckDigit('5'), 1);
  assert.equal(si12CheckDigit('1'), 9);
  assert.equal(si12CheckDigit('6'), 0);
  assert.equal(si12CheckDigit('0'), 0);
  assert.throws(() => si12FromVariableSymbol('12a'), RangeError);
});

test('RF creditor reference: the ISO 11649 example', () => {
  assert.equal(createRfReference('539007547034'), 'RF18539007547034');
  assert.equal(isValidRfReference('RF18 5390 0754 7034'), true);
  assert.equal(isValidRfReference('RF19539007547034'), false);
  assert.equal(isValidRfReference('RF18'), false);
  assert.equal(formatReferenceForPrint('RF18539007547034'), 'RF18 5390 0754 7034');
  assert.throws(() => createRfReference('a'.repeat(22)), RangeError);
});

test('variable symbols: digits only, at most ten, leading zeros dropped', () => {
  assert.equal(normaliseVariableSymbol('0987654321'), '987654321');
  assert.equal(normaliseVariableSymbol(' 1234 567890 '), '1234567890');
  assert.equal(normaliseVariableSymbol('12345678901'), null);
  assert.equal(normaliseVariableSymbol('0000'), null);
  assert.equal(normaliseVariableSymbol('12-3'), null);
  assert.equal(normaliseVariableSymbol(''), null);
});

test('property: variable symbols normalise to the same number, idempotently', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), fc.nat({ max: 9 }), (n, zeros) => {
      const typed = '0'.repeat(Math.min(zeros, 10 - String(n).length)) + String(n);
      const vs = normaliseVariableSymbol(typed);
      assert.equal(vs, String(n));
      assert.equal(normaliseVariableSymbol(vs), vs);
    }),
  );
});

test('property: every SI12 reference we make checks, and a wrong check digit does not', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9_999_999_999 }),
      fc.integer({ min: 1, max: 9 }),
      (n, d) => {
        const ref = si12FromVariableSymbol(String(n));
        assert.equal(isValidSi12Reference(ref), true);
        assert.ok(ref.length <= 26);
        const wrong = (Number(ref.slice(-1)) + d) % 10;
        assert.equal(isValidSi12Reference(ref.slice(0, -1) + wrong), false);
      },
    ),
  );
});

// Mod 97 catches any digit changed into another digit and any letter into another letter (a
// letter becoming digits changes the length of the number, which it need not catch).
test('property: RF references we make check, and a changed digit or letter does not', () => {
  const base = fc.stringMatching(/^[A-Z0-9]{1,21}$/);
  fc.assert(
    fc.property(base, fc.nat(), fc.integer({ min: 1, max: 8 }), (b, at, delta) => {
      const ref = createRfReference(b);
      assert.equal(isValidRfReference(ref), true);
      assert.equal(isValidRfReference(formatReferenceForPrint(ref).toLowerCase()), true);
      const i = 2 + (at % (ref.length - 2));
      const alphabet = /\d/.test(ref[i]!) ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const changed = alphabet[(alphabet.indexOf(ref[i]!) + delta) % alphabet.length]!;
      assert.equal(isValidRfReference(ref.slice(0, i) + changed + ref.slice(i + 1)), false);
    }),
  );
});

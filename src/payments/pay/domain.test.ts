import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  accountGroupOf,
  isPayable,
  isPaymentTokenShape,
  newPaymentToken,
  paymentTokenHash,
  symbolsTyped,
  tokenState,
} from './domain.ts';
import { si12Reference } from '../qr/references.ts';

test('a new token has the shape the routes accept and is stored only as its hash', () => {
  const a = newPaymentToken();
  const b = newPaymentToken();
  assert.ok(isPaymentTokenShape(a.token));
  assert.notEqual(a.token, b.token);
  assert.match(a.hash, /^[0-9a-f]{64}$/);
  assert.equal(paymentTokenHash(a.token), a.hash);
  assert.notEqual(a.hash, a.token);
});

test('anything but 43 base64url characters is not a token', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const shaped = /^[A-Za-z0-9_-]{43}$/.test(s);
      assert.equal(isPaymentTokenShape(s), shaped);
    }),
  );
  assert.equal(isPaymentTokenShape('a'.repeat(42)), false);
  assert.equal(isPaymentTokenShape('a'.repeat(43) + '/'), false);
});

test('a token is valid until its expiry, then expired', () => {
  const at = new Date('2026-12-03T10:00:00Z');
  assert.equal(tokenState(at, new Date(at.getTime() - 1)), 'valid');
  assert.equal(tokenState(at, at), 'expired');
});

test('standings fall into the account groups; cancelled ones are not listed', () => {
  assert.equal(accountGroupOf('overdue'), 'overdue');
  assert.equal(accountGroupOf('due'), 'due');
  assert.equal(accountGroupOf('partly_paid'), 'due');
  assert.equal(accountGroupOf('paid'), 'paid');
  assert.equal(accountGroupOf('overpaid'), 'paid');
  assert.equal(accountGroupOf('cancelled'), null);
});

test('a typed variable symbol: spaces and leading zeros dropped, letters refused', () => {
  assert.deepEqual(symbolsTyped(' 2601 000 123 ', false), ['2601000123']);
  assert.deepEqual(symbolsTyped('00123', false), ['123']);
  assert.equal(symbolsTyped('26O1', false), null);
  assert.equal(symbolsTyped('0000', false), null);
  assert.equal(symbolsTyped('12345678901', false), null, 'eleven digits');
  assert.equal(symbolsTyped('SI12 26010001234', false), null, 'no SI12 where the slip is Czech');
});

test("a Slovenian slip's reference, with or without SI12, finds the symbol inside it", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (n) => {
      const vs = String(n);
      const ref = si12Reference(vs); // SI12 + symbol + check digit
      assert.deepEqual(symbolsTyped(ref, true), [vs]);
      assert.deepEqual(symbolsTyped(`si12 ${ref.slice(4, 8)}-${ref.slice(8)}`, true), [vs]);
      // The digits alone: the symbol without the check digit, and the whole number when it fits.
      assert.ok(symbolsTyped(ref.slice(4), true)!.includes(vs));
      // The symbol alone is read as itself too.
      assert.ok(symbolsTyped(vs, true)!.includes(vs));
    }),
  );
  assert.equal(symbolsTyped('SI12 26010001235', true), null, 'a wrong check digit');
});

test('only an obligation with something left and not cancelled is payable', () => {
  assert.equal(isPayable({ standing: 'due', dueMinor: 100 }), true);
  assert.equal(isPayable({ standing: 'overdue', dueMinor: 1 }), true);
  assert.equal(isPayable({ standing: 'paid', dueMinor: 0 }), false);
  assert.equal(isPayable({ standing: 'cancelled', dueMinor: 100 }), false);
});

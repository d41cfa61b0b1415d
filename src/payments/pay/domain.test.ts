import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  accountGroupOf,
  fixedWindow,
  isPaymentTokenShape,
  newPaymentToken,
  paymentTokenHash,
  tokenState,
} from './domain.ts';

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

test('a fixed window lets max through, refuses the next until it ends, per key', () => {
  const allow = fixedWindow(3, 60_000);
  const t0 = 1_000_000;
  for (let i = 0; i < 3; i++) assert.deepEqual(allow('org-a', t0 + i), { allowed: true });
  assert.deepEqual(allow('org-a', t0 + 10_000), { allowed: false, retryAfterSeconds: 50 });
  assert.deepEqual(allow('org-b', t0 + 10_000), { allowed: true });
  assert.deepEqual(allow('org-a', t0 + 60_000), { allowed: true });
});

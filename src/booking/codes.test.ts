import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  afterWrongCode,
  codeMatches,
  confirmDecision,
  hashCode,
  holdCookie,
  holdFromCookie,
  linkToken,
  newCode,
  resendDecision,
  type HoldState,
} from './codes.ts';

const now = new Date('2026-11-23T10:00:00Z');
const held = (over: Partial<HoldState> = {}): HoldState => ({
  state: 'held',
  holdExpiresAt: new Date(now.getTime() + 60_000),
  codeAttempts: 0,
  resends: 0,
  codeSentAt: new Date(now.getTime() - 60_000),
  ...over,
});

test('codes are six digits and cover the whole range (leading zeros included)', () => {
  const seen = new Set<string>();
  let leadingZero = false;
  for (let i = 0; i < 5000; i++) {
    const c = newCode();
    assert.match(c, /^\d{6}$/);
    seen.add(c);
    if (c.startsWith('0')) leadingZero = true;
  }
  assert.ok(seen.size > 4950, 'codes repeat far more than chance');
  assert.ok(leadingZero, 'codes below 100000 occur');
});

test('a code matches only its own hold and only exactly', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999 }), fc.uuid(), fc.uuid(), (n, holdA, holdB) => {
      const code = String(n).padStart(6, '0');
      const stored = hashCode('s'.repeat(40), holdA, code);
      const other = String((n + 1) % 1_000_000).padStart(6, '0');
      return (
        codeMatches('s'.repeat(40), holdA, code, stored) &&
        !codeMatches('s'.repeat(40), holdA, other, stored) &&
        (holdA === holdB || !codeMatches('s'.repeat(40), holdB, code, stored)) &&
        !codeMatches('t'.repeat(40), holdA, code, stored)
      );
    }),
  );
  assert.equal(codeMatches('s', 'h', ' 12345', hashCode('s', 'h', ' 12345')), false);
});

test('the fifth wrong code locks; an expired hold is not checked; a confirmed one is checked but stays booked', () => {
  assert.deepEqual(afterWrongCode(3), { attempts: 4, lock: false, cancel: false });
  assert.deepEqual(afterWrongCode(4), { attempts: 5, lock: true, cancel: true });
  assert.deepEqual(
    afterWrongCode(4, true),
    { attempts: 5, lock: true, cancel: false },
    'a confirmed booking is never cancelled by codes',
  );
  assert.equal(confirmDecision(held(), now), 'check');
  assert.equal(confirmDecision(held({ codeAttempts: 5 }), now), 'locked');
  assert.equal(confirmDecision(held({ holdExpiresAt: now }), now), 'expired');
  assert.equal(confirmDecision(held({ state: 'confirmed' }), now), 'check_confirmed');
  assert.equal(confirmDecision(held({ state: 'confirmed', codeAttempts: 5 }), now), 'locked');
  assert.equal(confirmDecision(held({ state: 'cancelled' }), now), 'gone');
});

test('resend: at most three times, thirty seconds apart', () => {
  assert.deepEqual(resendDecision(held(), now), { allowed: true });
  assert.deepEqual(resendDecision(held({ codeSentAt: new Date(now.getTime() - 10_000) }), now), {
    allowed: false,
    reason: 'too_soon',
    retryAfterSeconds: 20,
  });
  assert.deepEqual(resendDecision(held({ resends: 3 }), now), {
    allowed: false,
    reason: 'too_many',
  });
  assert.deepEqual(resendDecision(held({ state: 'locked' }), now), {
    allowed: false,
    reason: 'not_held',
  });
});

test('link tokens carry 256 bits and differ per purpose and booking', () => {
  const a = linkToken('secret'.repeat(6), 'manage', 'b1');
  assert.equal(Buffer.from(a, 'base64url').length, 32);
  assert.notEqual(a, linkToken('secret'.repeat(6), 'join', 'b1'));
  assert.notEqual(a, linkToken('secret'.repeat(6), 'manage', 'b2'));
  assert.equal(a, linkToken('secret'.repeat(6), 'manage', 'b1'));
});

test('a hold cookie names its hold only with the MAC the secret made', () => {
  const id = '3f1c0a9e-1111-4222-8333-944455556666';
  const value = holdCookie('s3cret', id);
  assert.equal(holdFromCookie('s3cret', value), id);
  assert.equal(holdFromCookie('other', value), null, 'another secret');
  assert.equal(holdFromCookie('s3cret', id), null, 'the bare id from a URL');
  assert.equal(holdFromCookie('s3cret', `${id}.${'A'.repeat(43)}`), null);
  assert.equal(
    holdFromCookie('s3cret', value.replace(id, '3f1c0a9e-1111-4222-8333-944455556667')),
    null,
    'a MAC moved to another id',
  );
  assert.equal(holdFromCookie('s3cret', undefined), null);
});

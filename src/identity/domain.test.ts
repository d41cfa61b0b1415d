import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  invitationState,
  INVITATION_TTL_MS,
  sessionIsLive,
  signInThrottle,
  SESSION_IDLE_MS,
} from './domain.ts';
import { hashPassword, verifyPassword } from './password.ts';

const now = new Date('2026-03-29T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

test('four failures for an account still allow a try; the fifth pauses it', () => {
  const four = [1, 2, 3, 4].map(minutesAgo);
  assert.deepEqual(signInThrottle(four, four, now), { allowed: true });
  const five = [1, 2, 3, 4, 5].map(minutesAgo);
  // the fifth-newest failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes
  assert.deepEqual(signInThrottle(five, five, now), { allowed: false, retryAfterSeconds: 600 });
});

test('other counts pass their own limits (the citizens allow more per address behind a NAT)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => minutesAgo(i / 2));
  const limits = { perEmail: 5, perIp: 100 };
  assert.deepEqual(signInThrottle([], twenty, now, limits), { allowed: true });
  const hundred = Array.from({ length: 100 }, (_, i) => minutesAgo(i / 10));
  assert.equal(signInThrottle([], hundred, now, limits).allowed, false);
});

test('failures older than the window do not count', () => {
  const old = [16, 17, 18, 19, 20, 21].map(minutesAgo);
  assert.deepEqual(signInThrottle(old, old, now), { allowed: true });
});

test('twenty failures from one address pause that address across accounts', () => {
  const ip = Array.from({ length: 20 }, (_, i) => minutesAgo(i / 2));
  const d = signInThrottle([], ip, now);
  assert.equal(d.allowed, false);
});

test('a session ends after 30 idle minutes or at its absolute expiry', () => {
  const expiresAt = new Date(now.getTime() + 3600_000);
  assert.equal(sessionIsLive({ lastSeenAt: minutesAgo(29), expiresAt }, now), true);
  assert.equal(
    sessionIsLive({ lastSeenAt: new Date(now.getTime() - SESSION_IDLE_MS), expiresAt }, now),
    false,
  );
  assert.equal(sessionIsLive({ lastSeenAt: now, expiresAt: now }, now), false);
});

test('passwords hash with a fresh salt and verify only with the right password', async () => {
  const a = await hashPassword('correct horse battery staple');
  const b = await hashPassword('correct horse battery staple');
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery staple', a), true);
  assert.equal(await verifyPassword('correct horse battery stapl', a), false);
  assert.equal(await verifyPassword('x', 'not-a-hash'), false);
});

test('a set-password link is open until its expiry, then expired; once used it is used, whatever the time', () => {
  const created = new Date('2026-11-23T07:00:00Z');
  const expiresAt = new Date(created.getTime() + INVITATION_TTL_MS);
  assert.equal(INVITATION_TTL_MS, 72 * 3600_000);
  assert.equal(invitationState({ expiresAt, usedAt: null }, created), 'open');
  assert.equal(
    invitationState({ expiresAt, usedAt: null }, new Date(expiresAt.getTime() - 1)),
    'open',
  );
  assert.equal(
    invitationState({ expiresAt, usedAt: null }, expiresAt),
    'expired',
    'the end is not included',
  );
  assert.equal(invitationState({ expiresAt, usedAt: created }, created), 'used');
  assert.equal(
    invitationState({ expiresAt, usedAt: created }, new Date(expiresAt.getTime() + 1)),
    'used',
    'a used link says so, not that it expired',
  );
});

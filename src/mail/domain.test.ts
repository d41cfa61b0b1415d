import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  afterFailure,
  claimLeaseMs,
  fromWithName,
  MAX_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
  SEND_TIMEOUT_MS,
} from './domain.ts';

const MIN = 60_000;

test('retries back off from 30 s, doubling, capped at an hour', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map(retryDelayMs), [
    30_000,
    MIN,
    2 * MIN,
    4 * MIN,
    8 * MIN,
    16 * MIN,
    32 * MIN,
    60 * MIN,
    60 * MIN,
    60 * MIN,
  ]);
});

test('the delay never shrinks as tries grow, and stays between 30 s and an hour', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
      const d = retryDelayMs(n);
      return d >= 30_000 && d <= 60 * MIN && retryDelayMs(n + 1) >= d;
    }),
  );
});

test(`a message is retried until its ${MAX_ATTEMPTS}th try fails, then given up`, () => {
  const now = new Date('2026-11-23T09:00:00Z');
  assert.deepEqual(afterFailure(1, now), {
    state: 'pending',
    nextAttemptAt: new Date('2026-11-23T09:00:30Z'),
  });
  assert.deepEqual(afterFailure(MAX_ATTEMPTS - 1, now), {
    state: 'pending',
    nextAttemptAt: new Date('2026-11-23T10:00:00Z'),
  });
  assert.deepEqual(afterFailure(MAX_ATTEMPTS, now), { state: 'failed' });
  // A row claimed again after a crash can pass the limit; it still ends.
  assert.deepEqual(afterFailure(MAX_ATTEMPTS + 3, now), { state: 'failed' });
});

test('the tries of a message span about five hours: an outage longer than that fails it', () => {
  let total = 0;
  for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n);
  assert.equal(total, 303.5 * MIN);
});

test('a claim outlasts a whole batch of sends cut off at the timeout', () => {
  for (const batch of [1, 10, 50]) assert.ok(claimLeaseMs(batch) > batch * SEND_TIMEOUT_MS);
});

test("the Message-ID is the row id at the sender's domain", () => {
  const id = '0b3c5a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21';
  assert.equal(messageIdFor(id, 'Okence <no-reply@ue-domzale.si>'), `<${id}@ue-domzale.si>`);
  assert.equal(messageIdFor(id, 'no-reply@mesto.cz'), `<${id}@mesto.cz>`);
  assert.equal(messageIdFor(id, 'Okence'), `<${id}@okence>`);
});

test('the organisation’s name goes in front of the installation’s own address, quoted', () => {
  assert.equal(
    fromWithName('Okence <no-reply@okence.si>', 'UE Ljutomer'),
    '"UE Ljutomer" <no-reply@okence.si>',
  );
  assert.equal(
    fromWithName('no-reply@okence.si', 'Město Kopřivnice, odbor'),
    '"Město Kopřivnice, odbor" <no-reply@okence.si>',
  );
  assert.equal(fromWithName('Okence <no-reply@okence.si>', null), 'Okence <no-reply@okence.si>');
  assert.equal(
    fromWithName('a@b.si', 'x"y\\z\r\nBcc: evil@x'),
    '"x\\"y\\\\z  Bcc: evil@x" <a@b.si>',
  );
});

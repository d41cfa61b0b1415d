import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { clientMessage } from './protocol.ts';
import {
  appointmentState,
  iceServersFor,
  joinWindow,
  tokenBucket,
  turnCredentials,
} from './domain.ts';

const start = new Date('2026-12-01T09:00:00Z');
const end = new Date('2026-12-01T09:30:00Z');
const at = (iso: string) => new Date(iso);

test('the link opens 15 minutes before, closes when ended or two hours after the end', () => {
  assert.deepEqual(joinWindow(start, end, at('2026-12-01T08:44:59Z'), null), {
    kind: 'early',
    opensAt: at('2026-12-01T08:45:00Z'),
    msLeft: 1000,
  });
  assert.deepEqual(joinWindow(start, end, at('2026-12-01T08:45:00Z'), null), { kind: 'open' });
  assert.deepEqual(joinWindow(start, end, at('2026-12-01T11:29:59Z'), null), { kind: 'open' });
  assert.deepEqual(joinWindow(start, end, at('2026-12-01T11:30:00Z'), null), { kind: 'over' });
  assert.deepEqual(joinWindow(start, end, at('2026-12-01T09:10:00Z'), at('2026-12-01T09:09:00Z')), {
    kind: 'over',
  });
});

test('the token bucket allows a burst, then the refill rate, never more', () => {
  let now = 0;
  const bucket = tokenBucket(5, 2, () => now);
  assert.deepEqual(
    Array.from({ length: 7 }, () => bucket.take()),
    [true, true, true, true, true, false, false],
  );
  now = 500;
  assert.equal(bucket.take(), true);
  assert.equal(bucket.take(), false);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 200 }), (gaps) => {
      let t = 0;
      const b = tokenBucket(10, 5, () => t);
      let taken = 0;
      for (const g of gaps) {
        t += g;
        if (b.take()) taken++;
      }
      return taken <= 10 + (t / 1000) * 5 + 1e-9;
    }),
  );
});

test("TURN credentials follow coturn's shared-secret scheme", () => {
  const c = turnCredentials('S3cret', 'p1', at('2026-12-01T09:00:00Z'), 3600);
  const expiry = Date.parse('2026-12-01T10:00:00Z') / 1000;
  assert.equal(c.username, `${expiry}:p1`);
  assert.equal(c.credential, createHmac('sha1', 'S3cret').update(`${expiry}:p1`).digest('base64'));
  assert.deepEqual(
    iceServersFor({ turnUrls: [], turnSecret: 'x', relayOnly: false }, 'p1', start),
    [],
  );
  const [server] = iceServersFor(
    { turnUrls: ['turn:turn.example:3478?transport=udp'], turnSecret: 'S3cret', relayOnly: true },
    'p1',
    start,
  );
  assert.deepEqual(server?.urls, ['turn:turn.example:3478?transport=udp']);
  assert.match(server?.username ?? '', /^\d+:p1$/);
});

test("appointment state for the official's list", () => {
  const base = { startedAt: null, endedAt: null, noShow: false, citizenKnocking: false };
  assert.equal(appointmentState(base), 'not_arrived');
  assert.equal(appointmentState({ ...base, citizenKnocking: true }), 'in_lobby');
  assert.equal(appointmentState({ ...base, startedAt: start }), 'in_progress');
  assert.equal(appointmentState({ ...base, startedAt: start, endedAt: end }), 'done');
  assert.equal(appointmentState({ ...base, endedAt: end, noShow: true }), 'no_show');
});

test('malformed and oversized messages do not parse', () => {
  for (const bad of [
    {},
    { type: 'nope' },
    { type: 'chat', text: '' },
    { type: 'chat', text: 'x'.repeat(2001) },
    { type: 'signal', to: 'x' },
    { type: 'admit' },
  ]) {
    assert.equal(clientMessage.safeParse(bad).success, false, JSON.stringify(bad).slice(0, 40));
  }
  assert.equal(clientMessage.safeParse({ type: 'chat', text: 'Dober dan' }).success, true);
});

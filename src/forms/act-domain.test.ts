import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ActProof } from '../eid/act.ts';
import { actDecision, ACT_MAX_AGE_MS, ACT_SKEW_MS, isFresh } from './act-domain.ts';

const now = new Date('2026-12-03T08:00:00Z');
const askedAt = new Date(now.getTime() - 60_000);
const proof = (o: Partial<ActProof> = {}): ActProof => ({
  method: 'fresh_eid_sign_in',
  providerId: 'nia',
  protocol: 'saml',
  authnInstant: new Date(now.getTime() - 30_000),
  responseId: '_r1',
  loa: 'substantial',
  responseSha256: 'a'.repeat(64),
  askedAt,
  ...o,
});
const intent = { draftId: 'd1', accountId: 'me' };
const decide = (o: Partial<Parameters<typeof actDecision>[0]> = {}) =>
  actDecision({
    intent,
    proof: proof(),
    identityAccount: 'me',
    draftAccount: 'me',
    formLoa: 'substantial',
    used: false,
    now,
    ...o,
  });

test('a fresh sign-in of the same person at the form level authorises the act', () => {
  assert.deepEqual(decide(), { ok: true });
  assert.deepEqual(decide({ proof: proof({ loa: 'high' }) }), { ok: true });
});

test('each refusal, in order: draft, person, level, freshness, replay', () => {
  assert.deepEqual(decide({ draftAccount: null }), { ok: false, reason: 'draft' });
  assert.deepEqual(decide({ draftAccount: 'other' }), { ok: false, reason: 'draft' });
  assert.deepEqual(decide({ identityAccount: 'other' }), { ok: false, reason: 'other_person' });
  assert.deepEqual(decide({ identityAccount: null }), { ok: false, reason: 'other_person' });
  assert.deepEqual(decide({ formLoa: 'high' }), { ok: false, reason: 'level' });
  // A form declared at low still needs a substantial sign-in to authorise an act.
  assert.deepEqual(decide({ formLoa: 'low', proof: proof({ loa: 'low' }) }), {
    ok: false,
    reason: 'level',
  });
  assert.deepEqual(decide({ proof: proof({ authnInstant: null }) }), {
    ok: false,
    reason: 'stale',
  });
  assert.deepEqual(decide({ used: true }), { ok: false, reason: 'replay' });
  // Another person with a used answer is refused as another person, the first thing wrong.
  assert.deepEqual(decide({ identityAccount: 'x', used: true }), {
    ok: false,
    reason: 'other_person',
  });
});

test('freshness: after the request (skew allowed), at most five minutes old, not in the future', () => {
  const at = (ms: number) => proof({ authnInstant: new Date(ms) });
  const t = now.getTime();
  assert.equal(isFresh(at(t), now), true);
  assert.equal(isFresh(at(askedAt.getTime() - ACT_SKEW_MS), now), true);
  assert.equal(isFresh(at(askedAt.getTime() - ACT_SKEW_MS - 1), now), false);
  assert.equal(isFresh(at(t + ACT_SKEW_MS), now), true);
  assert.equal(isFresh(at(t + ACT_SKEW_MS + 1), now), false);
  const early = { authnInstant: new Date(t - ACT_MAX_AGE_MS), askedAt: new Date(t - 9e5) };
  assert.equal(isFresh(early, now), true);
  assert.equal(isFresh({ ...early, authnInstant: new Date(t - ACT_MAX_AGE_MS - 1) }, now), false);
  assert.equal(isFresh(proof({ authnInstant: new Date(Number.NaN) }), now), false);
});

test('property: a fresh instant lies within the bounds, whatever the request time', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -3_600_000, max: 3_600_000 }),
      fc.integer({ min: 0, max: 900_000 }),
      (offset, askedAgo) => {
        const p = {
          authnInstant: new Date(now.getTime() + offset),
          askedAt: new Date(now.getTime() - askedAgo),
        };
        const inBounds =
          offset <= ACT_SKEW_MS &&
          -offset <= ACT_MAX_AGE_MS &&
          now.getTime() + offset >= p.askedAt.getTime() - ACT_SKEW_MS;
        return isFresh(p, now) === inBounds;
      },
    ),
  );
});

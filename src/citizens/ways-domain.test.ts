import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LOAS, loaAtLeast } from './domain.ts';
import {
  addableProviders,
  eidDataAfterRemoval,
  levelAfterLink,
  linkDecision,
  removable,
} from './ways-domain.ts';

const email = { id: 'w1', providerId: 'email' };
const nia = { id: 'w2', providerId: 'nia' };
const offered = [{ id: 'nia' }, { id: 'sipass' }, { id: 'email' }];

test('the providers to add are the offered ones the account has no way for, in order', () => {
  assert.deepEqual(addableProviders(offered, [email]), [{ id: 'nia' }, { id: 'sipass' }]);
  assert.deepEqual(addableProviders(offered, [email, nia]), [{ id: 'sipass' }]);
  assert.deepEqual(addableProviders(offered, []), offered);
  // A way at a provider no longer offered takes nothing away from the list.
  assert.deepEqual(addableProviders([{ id: 'email' }], [{ id: 'w9', providerId: 'gone' }]), [
    { id: 'email' },
  ]);
});

test('a way may be removed unless it is the last, and only one of the account’s own', () => {
  assert.equal(removable([email], 'w1'), false);
  assert.equal(removable([email, nia], 'w1'), true);
  assert.equal(removable([email, nia], 'w2'), true);
  assert.equal(removable([email, nia], 'another-accounts-way'), false);
  assert.equal(removable([], 'w1'), false);
});

test('the eID’s data stays while an eID still signs in, and goes when only the e-mail remains', () => {
  const isEid = (id: string) => id !== 'email';
  assert.equal(eidDataAfterRemoval([email], isEid), 'erase');
  assert.equal(eidDataAfterRemoval([nia], isEid), 'keep');
  assert.equal(eidDataAfterRemoval([email, { id: 'w3', providerId: 'sipass' }], isEid), 'keep');
});

test('a link answer is attached only in the session that started it', () => {
  const intent = { accountId: 'A', sessionHash: 'h-A' };
  const base = { intent, owner: undefined, ways: [email], providerId: 'nia' };
  assert.deepEqual(linkDecision({ ...base, session: { tokenHash: 'h-A', accountId: 'A' } }), {
    ok: true,
    already: false,
  });
  // Signed out, another browser, another session of the same account, another account.
  for (const session of [
    null,
    { tokenHash: 'h-B', accountId: 'B' },
    { tokenHash: 'h-A2', accountId: 'A' },
    { tokenHash: 'h-A', accountId: 'B' },
  ])
    assert.deepEqual(linkDecision({ ...base, session }), { ok: false, reason: 'session' });
});

test('an identity of another account is refused; one the account has is nothing to do', () => {
  const intent = { accountId: 'A', sessionHash: 'h' };
  const session = { tokenHash: 'h', accountId: 'A' };
  const base = { intent, session, ways: [email], providerId: 'nia' };
  assert.deepEqual(linkDecision({ ...base, owner: 'B' }), { ok: false, reason: 'owned' });
  assert.deepEqual(linkDecision({ ...base, ways: [email, nia], owner: 'A' }), {
    ok: true,
    already: true,
  });
  // The account got another way at this provider meanwhile (two links at once).
  assert.deepEqual(linkDecision({ ...base, ways: [email, nia], owner: undefined }), {
    ok: false,
    reason: 'provider_taken',
  });
  // The session decides first: a lured answer never learns whose the identity is.
  assert.deepEqual(linkDecision({ ...base, session: null, owner: 'B' }), {
    ok: false,
    reason: 'session',
  });
});

test('the session keeps its level or rises to the added way’s, never falls', () => {
  assert.equal(levelAfterLink('low', 'substantial'), 'substantial');
  assert.equal(levelAfterLink('high', 'low'), 'high');
  fc.assert(
    fc.property(fc.constantFrom(...LOAS), fc.constantFrom(...LOAS), (a, b) => {
      const after = levelAfterLink(a, b);
      return loaAtLeast(after, a) && loaAtLeast(after, b) && (after === a || after === b);
    }),
  );
});

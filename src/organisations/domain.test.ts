import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allowedActions,
  confirmsSlug,
  deletionDueAt,
  deletionMayRun,
  DELETION_WAITING_DAYS,
  humanBytes,
  organisationState,
} from './domain.ts';

const at = (iso: string) => new Date(iso);

test('a deletion request suspends: its state wins over the suspension', () => {
  assert.equal(organisationState({ suspendedAt: null, deletionRequestedAt: null }), 'active');
  assert.equal(
    organisationState({ suspendedAt: at('2026-12-01T00:00:00Z'), deletionRequestedAt: null }),
    'suspended',
  );
  assert.equal(
    organisationState({
      suspendedAt: at('2026-12-01T00:00:00Z'),
      deletionRequestedAt: at('2026-12-02T00:00:00Z'),
    }),
    'deletion_requested',
  );
});

test('the deletion may run only once the waiting period is over, to the millisecond', () => {
  const requested = at('2026-12-02T10:00:00Z');
  assert.equal(DELETION_WAITING_DAYS, 30);
  assert.deepEqual(deletionDueAt(requested), at('2027-01-01T10:00:00Z'));
  assert.equal(deletionMayRun(requested, at('2027-01-01T09:59:59.999Z')), false);
  assert.equal(deletionMayRun(requested, at('2027-01-01T10:00:00Z')), true);
  assert.equal(deletionMayRun(null, at('2030-01-01T00:00:00Z')), false);
  assert.equal(deletionMayRun(requested, at('2026-12-04T10:00:00Z'), 2), true);
});

test('what may be done follows the state: no deletion before its time, no resume while it waits', () => {
  assert.deepEqual(allowedActions('active', false), ['suspend', 'request_deletion']);
  assert.deepEqual(allowedActions('suspended', false), ['resume', 'request_deletion']);
  assert.deepEqual(allowedActions('deletion_requested', false), ['cancel_deletion']);
  assert.deepEqual(allowedActions('deletion_requested', true), ['cancel_deletion', 'delete']);
});

test('the typed confirmation is the slug exactly', () => {
  assert.equal(confirmsSlug(' os-prule ', 'os-prule'), true);
  assert.equal(confirmsSlug('OS-PRULE', 'os-prule'), false);
  assert.equal(confirmsSlug('', 'os-prule'), false);
  assert.equal(confirmsSlug('os-prul', 'os-prule'), false);
});

test('sizes read in decimal units in each language', () => {
  assert.equal(humanBytes(0, 'en'), '0 kB');
  assert.equal(humanBytes(999, 'en'), '1 kB');
  assert.equal(humanBytes(1_200, 'sl'), '1,2 kB');
  assert.equal(humanBytes(1_500_000, 'en'), '1.5 MB');
  assert.equal(humanBytes(1_500_000, 'sl'), '1,5 MB');
  assert.equal(humanBytes(2_000_000_000, 'cs'), '2 GB');
});

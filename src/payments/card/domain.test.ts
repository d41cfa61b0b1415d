import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  amountToCharge,
  EXPIRE_PENDING_AFTER_MS,
  EXPIRE_UNSEEN_AFTER_MS,
  settlement,
} from './domain.ts';

const answers = ['paid', 'declined', 'cancelled', 'pending', 'unknown'] as const;
const hints = [null, 'approved', 'paid', 'declined', 'cancelled', 'pending', 'unknown'] as const;

test('only the state answer "paid" makes a payment paid, whatever the return said', () => {
  fc.assert(
    fc.property(fc.constantFrom(...answers), fc.constantFrom(...hints), fc.nat(), (a, h, age) => {
      assert.equal(settlement(a, h, age) === 'paid', a === 'paid');
    }),
  );
});

test('a decline after the payer pressed Cancel is "cancelled"; otherwise "declined"', () => {
  assert.equal(settlement('declined', 'cancelled', 0), 'cancelled');
  assert.equal(settlement('declined', 'declined', 0), 'declined');
  assert.equal(settlement('declined', null, 0), 'declined');
  assert.equal(settlement('declined', 'approved', 0), 'declined');
});

test('unseen payments expire after 30 minutes, pending ones after a day; before that nothing', () => {
  assert.equal(settlement('unknown', null, EXPIRE_UNSEEN_AFTER_MS - 1), null);
  assert.equal(settlement('unknown', null, EXPIRE_UNSEEN_AFTER_MS), 'expired');
  assert.equal(settlement('pending', null, EXPIRE_UNSEEN_AFTER_MS), null);
  assert.equal(settlement('pending', null, EXPIRE_PENDING_AFTER_MS), 'expired');
});

test('the amount charged is what is still due, none when nothing is', () => {
  assert.equal(amountToCharge(150000, 50000), 100000);
  assert.equal(amountToCharge(150000, 150000), null);
  assert.equal(amountToCharge(150000, 200000), null);
});

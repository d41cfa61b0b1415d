import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feeFromAnswers } from './form-fees.ts';

test('feeFromAnswers: the dog notice — one unit a dog, named; an exemption claimed; the reduced rate', () => {
  const dogs = [{ jmeno: 'Rex' }, { jmeno: ' Bella ' }];
  assert.deepEqual(feeFromAnswers({ pes: dogs, osvobozeni: 'ne', duchodce: false }), {
    exempt: false,
    reduced: false,
    units: 2,
    subject: 'Rex, Bella',
  });
  assert.equal(feeFromAnswers({ pes: dogs, osvobozeni: 'ztpp' }).exempt, true);
  assert.equal(feeFromAnswers({ pes: dogs, osvobozeni: 'ne', duchodce: true }).reduced, true);
  // A form without those questions: one unit, nothing named.
  assert.deepEqual(feeFromAnswers({ q: 'text' }), {
    exempt: false,
    reduced: false,
    units: 1,
    subject: null,
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidEntry, changes, storedSummary } from './domain.ts';

test('changes lists only the fields that differ, comparing by content', () => {
  assert.deepEqual(
    changes({ a: 1, b: { sl: 'x' }, c: [1, 2] }, { a: 1, b: { sl: 'y' }, c: [1, 2] }),
    { b: [{ sl: 'x' }, { sl: 'y' }] },
  );
  assert.deepEqual(changes({ a: 1 }, { b: 2 }), { a: [1, null], b: [null, 2] });
  assert.deepEqual(changes({}, {}), {});
});

test('changes hides the values of hidden fields but reports that they changed', () => {
  assert.deepEqual(changes({ password: 'old', x: 1 }, { password: 'new', x: 1 }, ['password']), {
    password: ['…', '…'],
  });
  assert.deepEqual(changes({ password: 'same' }, { password: 'same' }, ['password']), {});
});

test('entries need dotted lower-case actions and a plain object type', () => {
  const base = {
    organisationId: 'o',
    actor: { system: 'retention' },
    objectType: 'service',
    objectId: null,
  };
  assert.doesNotThrow(() => assertValidEntry({ ...base, action: 'service.updated' }));
  for (const action of ['updated', 'Service.updated', 'service.', 'service updated', '']) {
    assert.throws(() => assertValidEntry({ ...base, action }), RangeError, action);
  }
  assert.throws(
    () => assertValidEntry({ ...base, action: 'a.b', objectType: 'Service' }),
    RangeError,
  );
});

test('summaries are trimmed to 500 characters', () => {
  assert.equal(storedSummary('  x  '), 'x');
  assert.equal(storedSummary(undefined), '');
  const long = storedSummary('y'.repeat(600));
  assert.equal(long.length, 500);
  assert.ok(long.endsWith('…'));
});

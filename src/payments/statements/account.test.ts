import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAccountOf } from './account.ts';

test('a statement is for the settings’ account by IBAN, or by the Czech prefix and number', () => {
  const iban = 'CZ65 0800 0000 1920 0014 5399';
  assert.ok(isAccountOf('CZ6508000000192000145399', iban));
  assert.ok(isAccountOf('19-2000145399', iban));
  assert.ok(isAccountOf('19-2000145399/0800', iban));
  assert.ok(!isAccountOf('19-123457', iban));
  assert.ok(!isAccountOf('2000145399', iban), 'the prefix counts');
  assert.ok(!isAccountOf('SI56029220020148350', iban));
});

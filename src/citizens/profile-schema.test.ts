import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneForm, phoneNumber } from './profile-schema.ts';

test('a phone number as people write it is kept, with runs of spaces made one', () => {
  for (const [typed, kept] of [
    ['+386 1 234 56 78', '+386 1 234 56 78'],
    ['  (01)   234-5678 ', '(01) 234-5678'],
    ['+420 123 456 789', '+420 123 456 789'],
    ['041/123.456', '041/123.456'],
  ])
    assert.equal(phoneNumber.parse(typed), kept, typed);
});

test('empty means no phone: the number is removed', () => {
  assert.equal(phoneNumber.parse(''), null);
  assert.equal(phoneNumber.parse('   '), null);
});

test('too few or too many digits, letters, markup, a + inside and overlong text are refused', () => {
  for (const typed of [
    '12345',
    '1234567890123456',
    'call me',
    '01 234 56 78 ext. 9',
    '<script>',
    '01+2345678',
    `+386 ${'1 '.repeat(30)}`,
    '０１２３４５６７',
  ])
    assert.equal(phoneNumber.safeParse(typed).success, false, typed);
});

test('the form takes one number: a missing field or one sent twice is no removal', () => {
  assert.equal(phoneForm.safeParse({}).success, false);
  assert.equal(phoneForm.safeParse({ phone: ['', ''] }).success, false);
  assert.deepEqual(phoneForm.parse({ phone: '' }), { phone: null });
});

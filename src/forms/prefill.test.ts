import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers } from './answers.ts';
import { addressParts, prefill } from './prefill.ts';
import { checkedDogRegistration } from './testing.ts';

const DOG = checkedDogRegistration();

test('what the eID and the profile know fills the bound questions, and nothing else', () => {
  const answers = prefill(DOG, {
    givenName: ' Jana ',
    familyName: 'Nováková',
    dateOfBirth: '1970-01-02',
    address: 'Štefánikova 1163/12, 742 21 Kopřivnice',
    email: 'jana@example.cz',
    phone: null,
  });
  assert.deepEqual(answers, {
    keeper: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: '1970-01-02' },
    home: { street: 'Štefánikova 1163/12', postcode: '742 21', city: 'Kopřivnice', country: 'CZ' },
    email: 'jana@example.cz',
  });
  // Prefilled answers are answers like any other: they pass the same checks.
  const v = validateAnswers(DOG, answers, { pages: ['owner'] });
  assert.deepEqual(v.ok ? [] : v.errors.map((e) => e.field), ['pensioner']);
  assert.deepEqual(prefill(DOG, {}), {});
  assert.deepEqual(prefill(DOG, { dateOfBirth: '1970-02-30', givenName: 'Jana' }), {
    keeper: { givenName: 'Jana', familyName: '' },
  });
});

test("an eID's one-line address is split where it reads as street, postcode and town", () => {
  assert.deepEqual(addressParts('Ljubljanska cesta 80, 1230 Domžale', undefined), {
    street: 'Ljubljanska cesta 80',
    postcode: '1230',
    city: 'Domžale',
    country: 'SI',
  });
  assert.deepEqual(addressParts('Hlavní 1, 11000 Praha 1', 'CZ'), {
    street: 'Hlavní 1',
    postcode: '11000',
    city: 'Praha 1',
    country: 'CZ',
  });
  assert.deepEqual(addressParts('Somewhere without a postcode', 'SI'), {
    street: 'Somewhere without a postcode',
    country: 'SI',
  });
});

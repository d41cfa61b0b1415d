import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers, validateFormPost, validatePagePost, type Validation } from './answers.ts';
import type { FormDefinition } from './definition.ts';
import { answerIssues, fieldErrorText } from './error-text.ts';
import { checkedDogRegistration } from './testing.ts';

const DOG: FormDefinition = checkedDogRegistration();

/** A complete, valid post of the dog registration. */
const POST = {
  'keeper.givenName': ' Jana ',
  'keeper.familyName': 'Nováková',
  'keeper.dateOfBirth': '2. 1. 1970',
  'home.street': 'Štefánikova 1163/12',
  'home.postcode': '742 21',
  'home.city': 'Kopřivnice',
  pensioner: 'no',
  'dog.0.dog-name': 'Rex',
  'dog.0.breed': 'small',
  'dog.0.chip': '203098100123456',
  'dog.1.dog-name': '',
  since: '2020-05-01',
  payment: 'qr',
  instalments: '2',
  paid: '1 234,5',
  reminders: ['sms', 'email'],
  _csrf: 'token',
};
const errorsOf = (v: Validation) =>
  v.ok ? [] : v.errors.map((e) => `${e.field} ${e.key.slice(12)}`);

test('a form post is read by type into the stored shape; blank repeats and unknown fields go', () => {
  const v = validateFormPost(DOG, POST);
  assert.ok(v.ok, JSON.stringify(errorsOf(v)));
  assert.deepEqual(v.answers, {
    keeper: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: '1970-01-02' },
    home: { street: 'Štefánikova 1163/12', postcode: '742 21', city: 'Kopřivnice', country: 'CZ' },
    pensioner: false,
    dog: [{ 'dog-name': 'Rex', breed: 'small', chip: '203098100123456' }],
    since: '2020-05-01',
    payment: 'qr',
    instalments: 2,
    paid: { minor: 123450, currency: 'CZK' },
    reminders: ['email', 'sms'],
  });
  // The same answers as JSON are accepted as they are.
  assert.deepEqual(validateAnswers(DOG, v.answers), { ok: true, answers: v.answers });
});

test('money is read as text into minor units: no float ever rounds it', () => {
  const paid = (text: string) => {
    const v = validateFormPost(DOG, { ...POST, paid: text });
    return v.ok ? v.answers.paid : errorsOf(v);
  };
  assert.deepEqual(paid('0,29'), { minor: 29, currency: 'CZK' });
  assert.deepEqual(paid('0.07'), { minor: 7, currency: 'CZK' });
  assert.deepEqual(paid('1 500,00 Kč'), { minor: 150000, currency: 'CZK' });
  assert.deepEqual(paid('1500,01'), ['paid money_max']);
  assert.deepEqual(paid('12,345'), ['paid money']);
  assert.deepEqual(paid('-5'), ['paid money']);
  assert.deepEqual(paid('1e3'), ['paid money']);
  const json = (paid: unknown) => errorsOf(validateAnswers(DOG, { ...validAnswers(), paid }));
  assert.deepEqual(json({ minor: 12.5, currency: 'CZK' }), ['paid money']);
  assert.deepEqual(json({ minor: 100, currency: 'EUR' }), ['paid money']);
  assert.deepEqual(json(12.5), ['paid money']);
  assert.deepEqual(json({ minor: 100, currency: 'CZK' }), []);
});

function validAnswers() {
  const v = validateFormPost(DOG, POST);
  assert.ok(v.ok);
  return v.answers;
}

test("a hidden question's answer is dropped, and it is required only while shown", () => {
  // Not a pensioner: the proof is hidden, so its answer goes and its absence is fine.
  const proof = { fileId: '0b7c1a52-8d8e-4d3c-9d55-0d2b6c1f2a10' };
  const v = validateAnswers(DOG, { ...validAnswers(), 'pension-proof': proof });
  assert.ok(v.ok);
  assert.equal(v.answers['pension-proof'], undefined);
  // A pensioner: the proof is asked for, and the whole fee page is hidden with its answers.
  const pensioner = validateAnswers(DOG, { ...validAnswers(), pensioner: true });
  assert.deepEqual(errorsOf(pensioner), ['pension-proof file.required']);
  const withProof = validateAnswers(DOG, {
    ...validAnswers(),
    pensioner: true,
    'pension-proof': proof,
  });
  assert.ok(withProof.ok);
  assert.deepEqual(Object.keys(withProof.answers).sort(), [
    'dog',
    'home',
    'keeper',
    'pension-proof',
    'pensioner',
    'since',
  ]);
  // A question hidden by an answer on its own page: instalments only for QR payment.
  const counter = validateFormPost(DOG, { ...POST, payment: 'counter', instalments: 'many' });
  assert.ok(counter.ok);
  assert.equal(counter.answers.instalments, undefined);
});

test('errors name each field and part, as message keys with their parameters', () => {
  const v = validateFormPost(DOG, {
    ...POST,
    'keeper.givenName': '',
    'home.postcode': '7422',
    'dog.0.chip': '12345',
    'dog.1.breed': 'huge',
    'dog.1.dog-name': 'Max',
    since: '31. 2. 2020',
    payment: '',
    reminders: 'fax',
    email: 'jana@',
    phone: '12',
  });
  assert.deepEqual(errorsOf(v), [
    'keeper.givenName person.given_name',
    'home.postcode pattern.postcode_cz',
    'email email',
    'phone phone',
    'dog.0.chip too_short',
    'dog.1.breed option',
    'since date',
    'payment choose',
    'reminders option',
  ]);
  assert.ok(!v.ok);
  const short = v.errors.find((e) => e.field === 'dog.0.chip')!;
  assert.deepEqual(short.params, { min: 15 });
  assert.equal(fieldErrorText(short, 'sl'), 'Vnesite vsaj 15 znakov.');
  assert.equal(fieldErrorText(short, 'cs'), 'Zadejte alespoň 15 znaků.');
  assert.equal(fieldErrorText(short, 'en'), 'Enter at least 15 characters.');
  assert.deepEqual(answerIssues([short], 'en'), [
    { field: 'dog.0.chip', code: 'too_short', message: 'Enter at least 15 characters.' },
  ]);
  const max = {
    field: 'paid',
    key: 'forms.error.money_max' as const,
    params: { max: { money: 150000, currency: 'CZK' as const } },
  };
  assert.equal(fieldErrorText(max, 'cs'), 'Zadejte částku nejvýše 1\u00a0500,00\u00a0Kč.');
  const date = {
    field: 'since',
    key: 'forms.error.date_min' as const,
    params: { min: { date: '2000-01-01' } },
  };
  assert.equal(fieldErrorText(date, 'sl'), 'Vnesite datum 1. januar 2000 ali poznejši.');
});

test('repeats: at most maxItems, counted before any is read; at least one when required', () => {
  const many = Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [`dog.${i}.dog-name`, `Dog ${i}`]),
  );
  const v = validateFormPost(DOG, { ...POST, ...many });
  assert.deepEqual(errorsOf(v), ['dog group_max']);
  assert.deepEqual(
    errorsOf(
      validateFormPost(DOG, { ...POST, 'dog.0.dog-name': '', 'dog.0.breed': '', 'dog.0.chip': '' }),
    ),
    ['dog group_required'],
  );
  // Index order, not post order; the field names the index that was posted.
  const order = validateFormPost(DOG, {
    ...POST,
    'dog.10.dog-name': 'B',
    'dog.10.breed': 'large',
    'dog.2.dog-name': 'A',
    'dog.2.breed': 'small',
  });
  assert.ok(order.ok);
  assert.deepEqual(
    (order.answers.dog as { 'dog-name': string }[]).map((d) => d['dog-name']),
    ['Rex', 'A', 'B'],
  );
  assert.deepEqual(
    errorsOf(
      validateAnswers(DOG, {
        ...validAnswers(),
        dog: [{ 'dog-name': 'Rex', breed: 'small', colour: 'black' }],
      }),
    ),
    ['dog.0 invalid'],
  );
});

test('JSON answers: types are strict, unknown keys are named, prototype keys are plain keys', () => {
  const json = (patch: Record<string, unknown>) =>
    errorsOf(validateAnswers(DOG, { ...validAnswers(), ...patch }));
  assert.deepEqual(json({ instalments: '2' }), ['instalments number']);
  assert.deepEqual(json({ instalments: 2.5 }), ['instalments number_whole']);
  assert.deepEqual(json({ pensioner: 'no' }), ['pensioner yes_no']);
  assert.deepEqual(json({ since: '1.5.2020' }), ['since date']);
  assert.deepEqual(json({ reminders: ['sms', 'sms'] }), ['reminders option']);
  assert.deepEqual(
    json({ home: { street: 'x', postcode: '74221', city: 'y', country: 'CZ', extra: 1 } }),
    ['home invalid'],
  );
  assert.deepEqual(json({ colour: 'black' }), ['colour unknown_field']);
  assert.deepEqual(
    errorsOf(validateAnswers(DOG, JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'))).slice(
      0,
      2,
    ),
    ['__proto__ unknown_field', 'constructor unknown_field'],
  );
  assert.deepEqual(errorsOf(validateAnswers(DOG, [])), [' invalid']);
  assert.deepEqual(json({ since: null, email: '' }), ['since required']);
});

test('a page at a time: only its questions are checked, the others still decide conditions', () => {
  const v = validateFormPost(
    DOG,
    {
      pensioner: 'yes',
      'keeper.givenName': 'Jana',
      'keeper.familyName': 'N',
      'keeper.dateOfBirth': '1.1.1970',
    },
    { pages: ['owner'] },
  );
  assert.deepEqual(errorsOf(v), ['home required', 'pension-proof file.required']);
  assert.ok(validateFormPost(DOG, { pensioner: 'yes' }, { pages: ['fee'] }).ok);
});

test("an attachment is checked against the server's facts of the file", () => {
  const fileId = '0b7c1a52-8d8e-4d3c-9d55-0d2b6c1f2a10';
  const post = { ...POST, pensioner: 'yes', 'pension-proof': fileId };
  const facts = (type: string, bytes: number) => ({
    files: (id: string) => (id === fileId ? { type, bytes } : undefined),
  });
  assert.ok(validateFormPost(DOG, post, facts('application/pdf', 1000)).ok);
  assert.deepEqual(errorsOf(validateFormPost(DOG, post, facts('text/plain', 1000))), [
    'pension-proof file.type',
  ]);
  assert.deepEqual(errorsOf(validateFormPost(DOG, post, facts('image/png', 6_000_000))), [
    'pension-proof file.size',
  ]);
  assert.deepEqual(errorsOf(validateFormPost(DOG, { ...post, 'pension-proof': 'x' })), [
    'pension-proof file.unknown',
  ]);
  assert.deepEqual(errorsOf(validateFormPost(DOG, post, { files: () => undefined })), [
    'pension-proof file.unknown',
  ]);
});

test("a draft's page posted alone: the saved answers decide its conditions, only it is checked", () => {
  const saved = validateFormPost(DOG, POST);
  assert.ok(saved.ok);
  // The dogs page again, its one required dog left out: only its own questions are named.
  const dogs = validateFormPost(DOG, {}, { pages: ['dogs'] });
  assert.deepEqual(errorsOf(dogs), ['dog group_required', 'since required']);
  const again = validatePagePost(
    DOG,
    'dogs',
    { 'dog.0.dog-name': 'Max', 'dog.0.breed': 'large', since: '2021-01-01' },
    saved.answers,
  );
  assert.ok(again.ok);
  assert.deepEqual(again.answers.dog, [{ 'dog-name': 'Max', breed: 'large' }]);
  assert.equal(again.answers.payment, 'qr');
  // The owner becomes a pensioner: the fee page is hidden, its saved answers go, the proof is asked.
  const owner = Object.fromEntries(
    Object.entries(POST).filter(([k]) => /^(keeper|home)\./.test(k)),
  );
  const pensioner = validatePagePost(DOG, 'owner', { ...owner, pensioner: 'yes' }, saved.answers);
  assert.deepEqual(errorsOf(pensioner), ['pension-proof file.required']);
  assert.equal(pensioner.answers.payment, undefined);
  assert.deepEqual(pensioner.answers.dog, saved.answers.dog);
  // A hidden page posted is not checked; an unknown page is refused.
  assert.ok(
    validatePagePost(DOG, 'fee', { payment: 'nope' }, { ...saved.answers, pensioner: true }).ok,
  );
  assert.deepEqual(errorsOf(validatePagePost(DOG, 'nope', {}, saved.answers)), [' invalid']);
});

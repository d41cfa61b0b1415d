import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILE_TYPES } from '../files/service.ts';
import {
  attachmentRules,
  fileQuestionAt,
  fitsDraft,
  MAX_BYTES_PER_DRAFT,
  MAX_FILES_PER_DRAFT,
  namedFiles,
  withFileAnswer,
} from './attachments-domain.ts';
import { ACCEPTABLE_TYPES, type FormDefinition, type Page } from './definition.ts';

const MB = 1024 * 1024;
const everything = { maxFileBytes: 20 * MB, types: Object.keys(FILE_TYPES) };

test("a question's rules: its types the installation also takes, the smaller size, names a reader knows", () => {
  const r = attachmentRules(
    { accept: ['image/jpeg', 'application/pdf', 'image/png'], maxBytes: 50 * MB },
    everything,
    FILE_TYPES,
  );
  assert.deepEqual(r.types, ['jpeg', 'pdf', 'png']);
  assert.deepEqual(r.typeNames, ['JPG', 'PDF', 'PNG']);
  assert.equal(r.maxBytes, 20 * MB, 'FILE_MAX_MB caps a question');
  const small = attachmentRules(
    { accept: ['application/pdf'], maxBytes: MB },
    everything,
    FILE_TYPES,
  );
  assert.equal(small.maxBytes, MB);
  // The operator took PDF out (FILE_TYPES): the question takes what is left.
  const noPdf = attachmentRules(
    { accept: ['application/pdf', 'image/png'], maxBytes: MB },
    { maxFileBytes: MB, types: ['png', 'jpeg'] },
    FILE_TYPES,
  );
  assert.deepEqual(noPdf.types, ['png']);
});

test('every type a question may accept is one the file checks recognise by its bytes', () => {
  // (Plain text was offered once: it has no signature, so a question of only text could never
  // take a file.)
  const known = new Set<string>(Object.values(FILE_TYPES).map((t) => t.mime));
  for (const type of ACCEPTABLE_TYPES) assert.ok(known.has(type), type);
  for (const type of ACCEPTABLE_TYPES)
    assert.equal(
      attachmentRules({ accept: [type], maxBytes: MB }, everything, FILE_TYPES).types.length,
      1,
      type,
    );
});

test("a draft's bounds: the count first, then the bytes, at the edge exactly", () => {
  assert.equal(fitsDraft(1, { count: MAX_FILES_PER_DRAFT - 1, bytes: 0 }), 'ok');
  assert.equal(fitsDraft(1, { count: MAX_FILES_PER_DRAFT, bytes: 0 }), 'too_many');
  assert.equal(fitsDraft(10, { count: 0, bytes: MAX_BYTES_PER_DRAFT - 10 }), 'ok');
  assert.equal(fitsDraft(11, { count: 0, bytes: MAX_BYTES_PER_DRAFT - 10 }), 'draft_full');
});

const l = (en: string) => ({ en });
const page: Page = {
  id: 'docs',
  title: l('Documents'),
  questions: [
    {
      id: 'proof',
      type: 'file',
      label: l('Proof'),
      required: true,
      accept: ['application/pdf'],
      maxBytes: MB,
    },
    { id: 'name', type: 'text', label: l('Name'), required: false, maxLength: 100 },
    {
      id: 'dog',
      type: 'group',
      label: l('Dog'),
      required: false,
      minItems: 0,
      maxItems: 3,
      questions: [
        { id: 'chip', type: 'text', label: l('Chip'), required: false, maxLength: 20 },
        {
          id: 'vaccination',
          type: 'file',
          label: l('Vaccination'),
          required: false,
          accept: ['application/pdf'],
          maxBytes: MB,
        },
      ],
    },
  ],
} as unknown as Page;
const def = {
  format: 1,
  languages: ['en'],
  title: l('F'),
  assurance: 'low',
  pages: [page],
} as unknown as FormDefinition;

test('the file question a field names: its own, or a member below the most repeats; nothing else', () => {
  assert.equal(fileQuestionAt(page, 'proof')?.id, 'proof');
  assert.equal(fileQuestionAt(page, 'dog.2.vaccination')?.id, 'vaccination');
  assert.equal(fileQuestionAt(page, 'dog.3.vaccination'), null, 'past maxItems');
  assert.equal(fileQuestionAt(page, 'dog.0.chip'), null, 'not a file question');
  assert.equal(fileQuestionAt(page, 'name'), null);
  assert.equal(fileQuestionAt(page, 'other'), null);
  assert.equal(fileQuestionAt(page, '../proof'), null);
  assert.equal(fileQuestionAt(page, 'proof.0.x'), null);
});

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

test('the files answers name, with their fields, in the form’s order', () => {
  assert.deepEqual(
    namedFiles(def, {
      dog: [{ chip: '1' }, { vaccination: { fileId: B } }],
      proof: { fileId: A },
      name: 'x',
    }),
    [
      { field: 'proof', fileId: A, questionId: 'proof' },
      { field: 'dog.1.vaccination', fileId: B, questionId: 'vaccination' },
    ],
  );
  assert.deepEqual(namedFiles(def, {}), []);
});

test('a file set and cleared at a field; a repeat not saved yet is left alone', () => {
  const set = withFileAnswer({ name: 'x' }, 'proof', A);
  assert.deepEqual(set, { name: 'x', proof: { fileId: A } });
  assert.deepEqual(withFileAnswer(set, 'proof', null), { name: 'x' });
  const dogs = { dog: [{ chip: '1' }] };
  assert.deepEqual(withFileAnswer(dogs, 'dog.0.vaccination', B), {
    dog: [{ chip: '1', vaccination: { fileId: B } }],
  });
  assert.deepEqual(dogs, { dog: [{ chip: '1' }] }, 'the answers given are not changed');
  assert.equal(withFileAnswer(dogs, 'dog.1.vaccination', B), dogs);
  assert.equal(withFileAnswer(dogs, 'bad field', B), dogs);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile, type FilePolicy } from './checks.ts';
import { ooxml } from './corpus.ts';
import { concat, samplePdf } from './testing.ts';

const policy: FilePolicy = { types: ['pdf', 'docx'], maxBytes: 1000, scan: 'configured' };
const reason = async (bytes: Uint8Array, name: string, p: FilePolicy = policy) => {
  const r = await checkFile(bytes, name, p);
  return r.ok ? `ok ${r.type} ${r.name}` : r.reason;
};
const macroDocx = () => ooxml('word', [{ name: 'word/vbaProject.bin', data: 'VBA' }], undefined);

test('a file the policy accepts comes back with its type and the name to show', async () => {
  assert.equal(await reason(samplePdf(), 'Vloga.PDF'), 'ok pdf Vloga.pdf');
  assert.equal(await reason(samplePdf(), 'vloga'), 'ok pdf vloga.pdf');
});

test('the cheapest certain reason wins: the name, then the size, then the type', async () => {
  const big = concat(samplePdf(), new Uint8Array(2000));
  assert.equal(await reason(big, 'a\0.pdf'), 'null_byte');
  assert.equal(await reason(concat('MZ', new Uint8Array(2000)), 'a.pdf'), 'too_large');
  assert.equal(await reason(concat('MZ', new Uint8Array(20)), 'a.exe'), 'executable');
  assert.equal(await reason(samplePdf(), '../a.pdf'), 'path_name');
  assert.equal(await reason(samplePdf(), 'a.docx'), 'name_mismatch');
});

test('the policy decides the types, the size and macros', async () => {
  assert.equal(await reason(samplePdf(), 'a.pdf', { ...policy, types: ['png'] }), 'not_allowed');
  assert.equal(await reason(samplePdf(), 'a.pdf', { ...policy, maxBytes: 10 }), 'too_large');
  const withMacros = { ...policy, maxBytes: 100_000 };
  assert.equal(await reason(macroDocx(), 'a.docx', withMacros), 'macros');
  assert.equal(
    await reason(macroDocx(), 'a.docx', { ...withMacros, allowMacros: true }),
    'ok docx a.docx',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toCsv } from './csv.ts';
import { decodeCsv, guessDelimiter, parseCsv } from './csv-read.ts';

test('parseCsv: quotes, doubled quotes, line breaks inside quotes, CRLF, and line numbers', () => {
  const text = 'a;b\r\n"x;1";"say ""hi"""\r\n\r\n"two\nlines";z\nlast;';
  assert.deepEqual(parseCsv(text, ';'), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x;1', 'say "hi"'] },
    { line: 4, fields: ['two\nlines', 'z'] },
    { line: 6, fields: ['last', ''] },
  ]);
});

test('parseCsv reads back what toCsv writes (property)', () => {
  const cell = fc.string({ maxLength: 12 }).filter((s) => !/^[=+\-@\t\r\n\0\uFEFF]/.test(s));
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(';' as const, ',' as const),
      (rows, delimiter) => {
        const text = toCsv(rows, { delimiter, bom: false });
        assert.deepEqual(
          parseCsv(text, delimiter).map((r) => r.fields),
          rows,
        );
      },
    ),
  );
});

test('decodeCsv: UTF-8 with or without BOM, else Windows-1250', () => {
  const utf8 = new TextEncoder().encode('\uFEFFpayer\nJiří Šťastný');
  assert.deepEqual(decodeCsv(utf8), { text: 'payer\nJiří Šťastný', encoding: 'utf-8' });
  // "Jiří Šťastný" in Windows-1250: ř = 0xF8, Š = 0x8A, ť = 0x9D, ý = 0xFD.
  const cp1250 = Uint8Array.from([
    0x4a, 0x69, 0xf8, 0xed, 0x20, 0x8a, 0x9d, 0x61, 0x73, 0x74, 0x6e, 0xfd,
  ]);
  assert.deepEqual(decodeCsv(cp1250), { text: 'Jiří Šťastný', encoding: 'windows-1250' });
});

test('guessDelimiter: the separator the header uses', () => {
  assert.equal(guessDelimiter('vs;payer;fee\n1,5;x;y'), ';');
  assert.equal(guessDelimiter('vs,payer,"a;b"\n'), ',');
});

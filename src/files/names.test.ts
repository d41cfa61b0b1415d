import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyCharacter } from './testing.ts';
import { displayName, MAX_NAME_LENGTH, storageName, nameRefusal } from './names.ts';

const shown = (original: string, ext = 'pdf') => {
  const r = displayName(original, ext);
  return r.ok ? r.name : `!${r.reason}`;
};

test('an ordinary name is kept, with its extension in lower case', () => {
  assert.equal(shown('Potrdilo o stalnem prebivališču.pdf'), 'Potrdilo o stalnem prebivališču.pdf');
  assert.equal(shown('SCAN.PDF'), 'SCAN.pdf');
  assert.equal(shown('photo.JPEG', 'jpg'), 'photo.jpg');
  assert.equal(shown('v1.2 report', 'pdf'), 'v1.2 report.pdf');
});

test('the final extension is always the detected one: double extensions get it appended', () => {
  assert.equal(shown('report.pdf.exe'), 'report.pdf.exe.pdf');
  assert.equal(shown('invoice.exe'), 'invoice.exe.pdf');
  assert.equal(shown('table.xlsx', 'pdf'), 'table.xlsx.pdf');
  assert.equal(shown('image.png', 'jpg'), 'image.png.jpg');
});

test('a NUL anywhere is refused; a name that cleans to nothing is empty', () => {
  assert.equal(shown('a.pdf\0.exe'), '!null_byte');
  assert.equal(shown('\0'), '!null_byte');
  assert.equal(shown('.pdf'), 'pdf.pdf', 'a dot file loses its dot, not its name');
  for (const name of ['', '   ', '...', '../', 'C:\\Users\\', '\u202e\u200b'])
    assert.equal(shown(name), '!empty', name);
});

test('paths are stripped, so traversal names become harmless', () => {
  assert.equal(shown('../../etc/passwd'), 'passwd.pdf');
  assert.equal(shown('..\\..\\boot.ini'), 'boot.ini.pdf');
  assert.equal(shown('C:\\Users\\Ana\\Desktop\\vloga.pdf'), 'vloga.pdf');
  assert.equal(shown('/home/ana/.bashrc'), 'bashrc.pdf');
});

test('controls and bidi overrides are removed, whitespace collapsed, leading dots dropped', () => {
  assert.equal(
    shown('invoice\u202efdp.exe'),
    'invoicefdp.exe.pdf',
    'the right-to-left override cannot disguise .exe',
  );
  assert.equal(shown('a\r\nb\tc\u0007d.pdf'), 'a b cd.pdf');
  assert.equal(shown('  ..hidden   file .pdf'), 'hidden file.pdf');
  assert.equal(shown('zero\u200bwidth.pdf'), 'zerowidth.pdf');
});

test('names are NFC and at most 120 code units, cut at a grapheme boundary', () => {
  assert.equal(shown('c\u030cebula.pdf'), '\u010debula.pdf');
  const long = shown(`${'ž'.repeat(300)}.pdf`);
  assert.equal(long.length, MAX_NAME_LENGTH);
  assert.ok(long.endsWith('ž.pdf'));
  const emoji = shown(`${'a'.repeat(114)}👩‍👩‍👧.pdf`);
  assert.equal(
    emoji,
    `${'a'.repeat(114)}.pdf`,
    'a family emoji is not split into a broken sequence',
  );
});

test('a letter and its accent split by an invisible character come out composed (found by the property below)', () => {
  assert.deepEqual(displayName('C\u2060\u0301', 'pdf'), { ok: true, name: '\u0106.pdf' });
});

test('a bad detected extension is a programming error', () => {
  assert.throws(() => displayName('a', '.pdf'));
  assert.throws(() => displayName('a', ''));
});

test('any name is either refused or safe to show and serve (property)', () => {
  const ext = fc.constantFrom(
    'pdf',
    'png',
    'jpg',
    'docx',
    'xlsx',
    'pptx',
    'odt',
    'ods',
    'odp',
    'doc',
    'xls',
  );
  const piece = fc.oneof(
    fc.string({ unit: anyCharacter, maxLength: 40 }),
    fc.constantFrom(
      '/',
      '\\',
      '..',
      '.',
      ' ',
      '\u202e',
      '\u0000',
      '\u0085',
      '\ud800',
      '.pdf',
      '.exe',
      '\r\n',
    ),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), ext, (parts, e) => {
      const original = parts.join('');
      const r = displayName(original, e);
      if (!r.ok) return r.reason === (original.includes('\0') ? 'null_byte' : 'empty');
      const n = r.name;
      return (
        !n.includes('/') &&
        !n.includes('\\') &&
        !/(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}]/u.test(n) &&
        !n.startsWith('.') &&
        n.length <= MAX_NAME_LENGTH &&
        n.endsWith(`.${e}`) &&
        n.length > e.length + 1 &&
        n === n.normalize('NFC') &&
        n.trim() === n
      );
    }),
    { numRuns: 1000 },
  );
});

test('storage names are fresh UUIDs', () => {
  const a = storageName();
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(storageName(), a);
});

test('a name is refused outright for a NUL, a path, or a known extension that disagrees with the bytes', () => {
  assert.equal(nameRefusal('report.pdf', 'pdf'), null);
  assert.equal(nameRefusal('Photo.JPEG', 'jpg'), null);
  assert.equal(nameRefusal('Scan 12.5.2026', 'pdf'), null, 'a date is not an extension');
  assert.equal(nameRefusal('offer.final', 'docx'), null);
  assert.equal(nameRefusal('no extension', 'png'), null);
  assert.equal(nameRefusal('report.exe.pdf', 'pdf'), null, 'it is a PDF, and says so last');
  assert.equal(nameRefusal('a.pdf\0.exe', 'pdf'), 'null_byte');
  assert.equal(nameRefusal('../../etc/passwd.pdf', 'pdf'), 'path_name');
  assert.equal(nameRefusal('C:\\Users\\ana\\x.pdf', 'pdf'), 'path_name');
  assert.equal(nameRefusal('invoice.pdf.exe', 'pdf'), 'name_mismatch', 'double extension');
  assert.equal(nameRefusal('photo.png', 'docx'), 'name_mismatch');
  assert.equal(nameRefusal('drawing.svg', 'png'), 'name_mismatch');
  assert.equal(nameRefusal('old.doc', 'docx'), 'name_mismatch');
});

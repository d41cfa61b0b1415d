import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FILE_TYPE_NAMES } from '../config/config.ts';
import { FILE_TYPES, sniffType, type SniffOptions } from './sniff.ts';
import { concat, makeCompoundFile, makeOdf, makeOoxml, makeZip } from './testing.ts';

const pdf = () =>
  concat(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
const png = () =>
  concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'IHDR',
    new Uint8Array(17),
  );
const jpeg = () =>
  concat(
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    'JFIF\0',
    new Uint8Array(200),
    new Uint8Array([0xff, 0xd9]),
  );
const verdict = (bytes: Uint8Array, opts?: SniffOptions) => {
  const r = sniffType(bytes, opts);
  return r.ok ? r.type : r.reason;
};

test('each allowed type is recognised by its bytes, with its MIME type and extension', () => {
  const cases = {
    pdf: pdf(),
    png: png(),
    jpeg: jpeg(),
    docx: makeOoxml('word'),
    xlsx: makeOoxml('xl'),
    pptx: makeOoxml('ppt'),
    odt: makeOdf(FILE_TYPES.odt.mime),
    ods: makeOdf(FILE_TYPES.ods.mime),
    odp: makeOdf(FILE_TYPES.odp.mime),
    doc: makeCompoundFile(['WordDocument', '1Table', '\u0005SummaryInformation']),
    xls: makeCompoundFile(['Workbook', '\u0005SummaryInformation']),
  };
  for (const [type, bytes] of Object.entries(cases)) {
    const r = sniffType(bytes);
    assert.deepEqual(r, { ok: true, type, ...FILE_TYPES[type as keyof typeof FILE_TYPES] }, type);
  }
  assert.equal(verdict(makeCompoundFile(['Book'])), 'xls', 'Excel 5/95 names its stream "Book"');
});

test('the allowed set is configurable and checked after detection', () => {
  assert.equal(verdict(makeOoxml('word'), { allowed: ['pdf'] }), 'not_allowed');
  assert.equal(verdict(pdf(), { allowed: ['pdf'] }), 'pdf');
  assert.equal(verdict(png(), { allowed: [] }), 'not_allowed');
});

test('an empty file is refused', () => {
  assert.equal(verdict(new Uint8Array(0)), 'empty');
});

test('executables are refused whatever they are called', () => {
  const heads = [
    [0x4d, 0x5a, 0x90, 0],
    [0x7f, 0x45, 0x4c, 0x46, 2],
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ];
  for (const head of heads)
    assert.equal(
      verdict(concat(new Uint8Array(head), new Uint8Array(60))),
      'executable',
      head.join(','),
    );
  // An .exe renamed to invoice.pdf that even carries "%PDF-" later on is still an executable.
  assert.equal(verdict(concat('MZ', new Uint8Array(58), '%PDF-1.7')), 'executable');
});

test('HTML, SVG and scripts are refused as script, after a BOM, whitespace or an XML declaration', () => {
  const docs = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '\ufeff  <?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg onload="alert(1)"/>',
    '\n\t<!DOCTYPE html><p>hi',
    '<HTML><BODY>hi',
    '<script>fetch("/")</script>',
    '#!/bin/sh\nrm -rf ~',
  ];
  for (const doc of docs) assert.equal(verdict(concat(doc)), 'script', doc);
  const utf16 = concat(
    new Uint8Array([0xff, 0xfe]),
    new Uint8Array(Buffer.from('<svg><script/></svg>', 'utf16le')),
  );
  assert.equal(verdict(utf16), 'script');
  assert.equal(verdict(concat('<?xml version="1.0"?><note>plain XML</note>')), 'unknown_type');
  assert.equal(verdict(concat('just some text')), 'unknown_type');
});

test('polyglots are refused: markup in the head of a PDF or image, a PDF header in a ZIP', () => {
  assert.equal(verdict(concat('%PDF-1.7\n% <html><script>alert(1)</script>\n', pdf())), 'polyglot');
  assert.equal(
    verdict(concat(jpeg().subarray(0, 20), '<svg onload=alert(1)>', jpeg().subarray(20))),
    'polyglot',
  );
  assert.equal(verdict(concat(png(), '<SCRIPT>')), 'polyglot');
  const docxWithPdf = makeZip([
    { name: '[Content_Types].xml', data: '%PDF-1.4 hidden', store: true },
    { name: 'word/document.xml', data: '<w/>' },
  ]);
  assert.equal(verdict(docxWithPdf), 'polyglot');
  // Markup past the window other parsers look at is ordinary content.
  assert.equal(
    verdict(concat(pdf(), new Uint8Array(2000).fill(0x20), '(<html> is a tag) Tj')),
    'pdf',
  );
});

test('a ZIP appended to a PDF, JPEG, PNG or legacy Office file is a polyglot', () => {
  const zip = makeZip([{ name: 'evil.html', data: '<script>alert(1)</script>' }]);
  for (const host of [pdf(), jpeg(), png(), makeCompoundFile(['WordDocument'])]) {
    assert.equal(verdict(concat(host, zip)), 'polyglot');
  }
});

test('zip bombs are refused: a huge ratio, too much in total, too many entries', () => {
  const zeros = new Uint8Array(50 * 1024 * 1024);
  const bomb = makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: zeros, level: 1 },
  ]);
  assert.ok(bomb.length < 300_000, 'the bomb itself is small');
  assert.equal(verdict(bomb), 'zip_bomb');
  const random = new Uint8Array(1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  const big = makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    ...[1, 2, 3].map((i) => ({ name: `word/media/${i}.bin`, data: random, store: true })),
  ]);
  assert.equal(verdict(big), 'docx');
  assert.equal(verdict(big, { maxUncompressedBytes: 2 * 1024 * 1024 }), 'zip_bomb');
  const many = makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    ...Array.from({ length: 1001 }, (_, i) => ({ name: `word/${i}.xml`, data: 'x', store: true })),
  ]);
  assert.equal(verdict(many), 'zip_bomb');
  assert.equal(verdict(many, { maxEntries: 1002 }), 'docx');
});

test('ZIP structure problems are bad_zip; a plain ZIP or a confused package is an unknown type', () => {
  assert.equal(
    verdict(
      makeZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: '../word/document.xml', data: 'x' },
      ]),
    ),
    'bad_zip',
  );
  assert.equal(verdict(concat(makeOoxml('word'), 'appended')), 'bad_zip');
  assert.equal(verdict(makeZip([{ name: 'readme.txt', data: 'hello' }])), 'unknown_type');
  assert.equal(
    verdict(makeZip([{ name: 'word/document.xml', data: '<w/>' }])),
    'unknown_type',
    'no [Content_Types].xml',
  );
  const both = makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: '<w/>' },
    { name: 'xl/workbook.xml', data: '<x/>' },
  ]);
  assert.equal(verdict(both), 'unknown_type');
  assert.equal(
    verdict(makeOdf('application/vnd.oasis.opendocument.text-template')),
    'unknown_type',
  );
  const compressedMimetype = makeZip([
    { name: 'mimetype', data: FILE_TYPES.odt.mime },
    { name: 'content.xml', data: '<c/>' },
  ]);
  assert.equal(verdict(compressedMimetype), 'unknown_type', 'ODF requires mimetype stored');
});

test('legacy Office files: ambiguous, embedded-only or broken compound files are unknown', () => {
  assert.equal(verdict(makeCompoundFile(['WordDocument', 'Workbook'])), 'unknown_type');
  assert.equal(
    verdict(makeCompoundFile(['EncryptedPackage'])),
    'unknown_type',
    'a password-protected OOXML file',
  );
  assert.equal(
    verdict(makeCompoundFile(['WordDocument'], { name: 'ObjectPool', streams: ['Workbook'] })),
    'doc',
    'an embedded workbook does not make it a workbook',
  );
  const doc = makeCompoundFile(['WordDocument']);
  // Cut anywhere before the last field read: the second directory entry's right link.
  for (let n = 8; n < 1024 + 128 + 0x4c; n += 37)
    assert.equal(verdict(doc.subarray(0, n)), 'unknown_type', String(n));
  const cyclic = doc.slice();
  new DataView(cyclic.buffer).setUint32(512 + 4, 1, true); // the directory sector points to itself
  assert.equal(verdict(cyclic), 'unknown_type');
});

test('a PNG needs its whole signature and IHDR; a JPEG its three-byte start', () => {
  assert.equal(verdict(png().subarray(0, 7)), 'unknown_type');
  assert.equal(verdict(concat(png().subarray(0, 8), 'IDAT')), 'unknown_type');
  assert.equal(verdict(new Uint8Array([0xff, 0xd8, 0xfe])), 'unknown_type');
});

test('any bytes give an answer, never an exception (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(
        new Uint8Array(0),
        pdf(),
        png(),
        jpeg(),
        makeOoxml('word'),
        makeOdf(FILE_TYPES.odt.mime),
        makeCompoundFile(['Workbook']),
      ),
      fc.uint8Array({ maxLength: 64 }),
      fc.nat(),
      (host, noise, where) => {
        const at = host.length === 0 ? 0 : where % host.length;
        const mutated = concat(host.subarray(0, at), noise, host.subarray(at + noise.length));
        const r = sniffType(mutated);
        return r.ok ? r.type in FILE_TYPES : typeof r.reason === 'string';
      },
    ),
    { numRuns: 500 },
  );
});

test('the table of types names exactly the types the configuration knows, in its order', () => {
  // The default FILE_TYPES and the hint on the folder page list types in this order.
  assert.deepEqual(Object.keys(FILE_TYPES), [...FILE_TYPE_NAMES]);
});

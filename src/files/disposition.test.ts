import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anyCharacter } from './testing.ts';
import { contentDisposition, downloadHeaders } from './disposition.ts';

const parts = (header: string) => {
  const m = /^attachment; filename="((?:[^"\\]|\\.)*)"; filename\*=UTF-8''([^;\s"]*)$/.exec(header);
  assert.ok(m, header);
  return { fallback: (m[1] ?? '').replace(/\\(.)/g, '$1'), encoded: m[2] ?? '' };
};

test('an ASCII name appears as itself in both forms', () => {
  assert.equal(
    contentDisposition('report.pdf'),
    `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
  );
});

test('non-ASCII becomes "_" in the fallback and UTF-8 percent-encoding in filename*', () => {
  assert.equal(
    contentDisposition('Potrdilo čšž €.pdf'),
    `attachment; filename="Potrdilo ___ _.pdf"; filename*=UTF-8''Potrdilo%20%C4%8D%C5%A1%C5%BE%20%E2%82%AC.pdf`,
  );
});

test('quotes and backslashes are escaped; controls and "%" never reach the header', () => {
  assert.equal(parts(contentDisposition('say "hi"\\.pdf')).fallback, 'say "hi"\\.pdf');
  assert.match(contentDisposition('say "hi".pdf'), /filename="say \\"hi\\".pdf"/);
  const header = contentDisposition('a\r\nSet-Cookie: x=1\u0000%41.pdf');
  assert.doesNotMatch(header, /[\r\n\0]/);
  assert.equal(parts(header).fallback, 'a__Set-Cookie: x=1__41.pdf');
  // RFC 8187 attr-chars stay as they are; "'", "*", "%" and others are encoded.
  assert.equal(parts(contentDisposition("it's 100%*.pdf")).encoded, 'it%27s%20100%25%2A.pdf');
});

test('filename* always decodes back to the name, and the header is always one safe line (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: anyCharacter, maxLength: 120 }), (name) => {
      const header = contentDisposition(name);
      const { fallback, encoded } = parts(header);
      return (
        decodeURIComponent(encoded) === name &&
        /^[\x20-\x7e]*$/.test(header) &&
        [...fallback].length === [...name].length
      );
    }),
    { numRuns: 1000 },
  );
});

test('download headers never let the file render from our origin', () => {
  assert.deepEqual(downloadHeaders('vloga.pdf', 1234), {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="vloga.pdf"; filename*=UTF-8''vloga.pdf`,
    'content-length': '1234',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
    'cross-origin-resource-policy': 'same-origin',
  });
  assert.throws(() => downloadHeaders('a.pdf', -1));
  assert.throws(() => downloadHeaders('a.pdf', 1.5));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasZipTail, readZipDirectory, type ZipLimits } from './zip.ts';
import { concat, makeZip, zipLayout } from './testing.ts';

const limits: ZipLimits = {
  maxEntries: 1000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
};
const reason = (bytes: Uint8Array, l: ZipLimits = limits) => {
  const r = readZipDirectory(bytes, l);
  return r.ok ? 'ok' : r.reason;
};
const sample = () =>
  makeZip([
    { name: 'a.txt', data: 'hello hello hello' },
    { name: 'dir/b.txt', data: 'world', store: true },
  ]);
const patch = (bytes: Uint8Array, at: number, write: (v: DataView) => void) => {
  const copy = bytes.slice();
  write(new DataView(copy.buffer, at));
  return copy;
};

test('a well-formed archive lists its entries with where their data starts', () => {
  const r = readZipDirectory(sample(), limits);
  assert.ok(r.ok);
  assert.deepEqual(
    r.entries.map((e) => [e.name, e.method, e.uncompressedSize, e.localOffset]),
    [
      ['a.txt', 8, 17, 0],
      ['dir/b.txt', 0, 5, r.entries[1]?.localOffset],
    ],
  );
  const stored = r.entries[1];
  assert.ok(stored);
  assert.equal(
    new TextDecoder().decode(sample().subarray(stored.dataOffset, stored.dataOffset + 5)),
    'world',
  );
});

test('the end record must end the file and the archive must start it', () => {
  assert.equal(reason(concat(sample(), 'trailing')), 'bad_zip');
  assert.equal(reason(concat('x', sample())), 'bad_zip');
  assert.equal(reason(sample().subarray(0, 100)), 'bad_zip');
  assert.equal(reason(new Uint8Array(0)), 'bad_zip');
});

test('entry count, total size and per-entry ratio limits', () => {
  const many = makeZip(
    Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: 'x', store: true })),
  );
  assert.equal(reason(many, { ...limits, maxEntries: 11 }), 'zip_bomb');
  assert.equal(reason(many, { ...limits, maxEntries: 12 }), 'ok');
  const zeros = makeZip([{ name: 'z', data: new Uint8Array(2 * 1024 * 1024), level: 1 }]);
  assert.equal(reason(zeros), 'zip_bomb', '2 MiB of zeros deflate far past 100:1');
  assert.equal(
    reason(zeros, { ...limits, ratioFloor: 4 * 1024 * 1024 }),
    'ok',
    'below the floor the ratio is not checked',
  );
  assert.equal(
    reason(zeros, { ...limits, maxRatio: 1e9, maxTotalUncompressed: 1024 * 1024 }),
    'zip_bomb',
  );
});

test('declared sizes that lie are caught: a stored entry, a local header that disagrees, a huge claim', () => {
  const zip = sample();
  const { directory } = zipLayout(zip);
  // Both headers claim 1 GiB uncompressed for a few bytes of deflate.
  const claim = patch(
    patch(zip, directory + 24, (v) => v.setUint32(0, 1 << 30, true)),
    22,
    (v) => v.setUint32(0, 1 << 30, true),
  );
  assert.equal(reason(claim), 'zip_bomb');
  // Claims a different size than its local header says (and no data descriptor flag).
  assert.equal(reason(patch(zip, directory + 24, (v) => v.setUint32(0, 18, true))), 'bad_zip');
  // A stored entry whose sizes differ.
  const second = directory + 46 + 'a.txt'.length;
  assert.equal(reason(patch(zip, second + 24, (v) => v.setUint32(0, 6, true))), 'bad_zip');
});

test('ZIP64 in any form is refused', () => {
  const zip = sample();
  const { end, directory } = zipLayout(zip);
  assert.equal(reason(patch(zip, end + 10, (v) => v.setUint16(0, 0xffff, true))), 'bad_zip');
  assert.equal(
    reason(patch(zip, directory + 24, (v) => v.setUint32(0, 0xffffffff, true))),
    'bad_zip',
  );
  const extra = new Uint8Array([0x01, 0x00, 0x08, 0x00, 1, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(reason(makeZip([{ name: 'a', data: 'x', extra }])), 'bad_zip');
  const harmlessExtra = new Uint8Array([0x55, 0x54, 0x01, 0x00, 0x03]); // extended timestamp
  assert.equal(reason(makeZip([{ name: 'a', data: 'x', extra: harmlessExtra }])), 'ok');
  const locator = new Uint8Array(20);
  new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
  const body = zip.subarray(0, end);
  const withLocator = concat(
    body,
    locator,
    patch(zip.subarray(end), 12, (v) => v.setUint32(0, v.getUint32(0, true) + 20, true)),
  );
  assert.equal(reason(withLocator), 'bad_zip');
});

test('unsafe entry names are refused; ordinary nested names are fine', () => {
  for (const name of [
    '../evil',
    'a/../../evil',
    '/etc/passwd',
    'C:/x',
    'a\\b',
    'dir/..',
    'nul\0byte',
  ]) {
    assert.equal(reason(makeZip([{ name, data: 'x' }])), 'bad_zip', name);
  }
  for (const name of [
    'word/document.xml',
    '[Content_Types].xml',
    'a..b/c..txt',
    'ünïcode/ok.xml',
  ]) {
    assert.equal(reason(makeZip([{ name, data: 'x' }])), 'ok', name);
  }
});

test('duplicate names, overlapping entries and encrypted entries are refused', () => {
  assert.equal(
    reason(
      makeZip([
        { name: 'a', data: 'x' },
        { name: 'a', data: 'y' },
      ]),
    ),
    'bad_zip',
  );
  const zip = sample();
  const { directory } = zipLayout(zip);
  const second = directory + 46 + 'a.txt'.length;
  assert.equal(
    reason(patch(zip, second + 42, (v) => v.setUint32(0, 0, true))),
    'bad_zip',
    'both entries point at byte 0',
  );
  assert.equal(
    reason(patch(zip, directory + 8, (v) => v.setUint16(0, 1 | (1 << 11), true))),
    'bad_zip',
  );
  assert.equal(
    reason(patch(zip, directory + 10, (v) => v.setUint16(0, 12, true))),
    'bad_zip',
    'bzip2 method',
  );
});

test('a malformed directory never throws: every truncation and every corrupted byte of the directory', () => {
  const zip = sample();
  for (let n = 0; n < zip.length; n++) assert.equal(reason(zip.subarray(0, n)), 'bad_zip');
  const { directory } = zipLayout(zip);
  for (let at = directory; at < zip.length; at++) {
    const r = reason(patch(zip, at, (v) => v.setUint8(0, v.getUint8(0) ^ 0xff)));
    assert.ok(['ok', 'bad_zip', 'zip_bomb'].includes(r));
  }
});

test('hasZipTail finds an archive appended to other data, and nothing in ordinary bytes', () => {
  assert.equal(hasZipTail(concat('%PDF-1.7\n...%%EOF\n', sample())), true);
  assert.equal(hasZipTail(concat('%PDF-1.7\n', makeZip([]))), true);
  assert.equal(hasZipTail(new TextEncoder().encode('%PDF-1.7 PK\x05\x06 not really')), false);
  assert.equal(hasZipTail(new Uint8Array(100_000).fill(7)), false);
});

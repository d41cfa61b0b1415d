import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { readZipDirectory, type ZipLimits } from './zip.ts';
import { uniqueNames, zipStream, type ZipSource } from './zip-writer.ts';

const limits: ZipLimits = {
  maxEntries: 70_000,
  maxTotalUncompressed: 2 ** 32,
  maxRatio: 1,
  ratioFloor: 1,
};
const modified = new Date('2025-03-14T09:26:53Z');

// Hands the bytes over in 64 KiB chunks, as fs.createReadStream does.
function source(name: string, data: Uint8Array, when = modified): ZipSource {
  return {
    name,
    modified: when,
    async *open() {
      for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536);
    },
  };
}

async function zip(sources: ZipSource[], options = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(sources, options)) chunks.push(chunk);
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const extensionOf = (name: string) => /.(\.[^.]*)$/s.exec(name)?.[1] ?? '';
const folded = (name: string) => name.normalize('NFC').toLowerCase();

// Three files: Slovenian and Czech names, one name twice, one file empty.
const files = [
  { name: 'Vabilo na sejo – Žalec.pdf', data: new Uint8Array(randomBytes(200_000)) },
  { name: 'Přihláška ěščřž.jpg', data: new Uint8Array(randomBytes(17)) },
  { name: 'Vabilo na sejo – Žalec.pdf', data: new Uint8Array(0) },
];
const expectedNames = [
  'Vabilo na sejo – Žalec.pdf',
  'Přihláška ěščřž.jpg',
  'Vabilo na sejo – Žalec (2).pdf',
];

test('a later copy of a name is numbered before its extension, skipping numbers already taken', () => {
  assert.deepEqual(uniqueNames(['report.pdf', 'report.pdf', 'report (2).pdf', 'report.pdf']), [
    'report.pdf',
    'report (3).pdf',
    'report (2).pdf',
    'report (4).pdf',
  ]);
  assert.deepEqual(uniqueNames(['README', 'README', '.env', '.env', 'a.tar.gz', 'a.tar.gz']), [
    'README',
    'README (2)',
    '.env',
    '.env (2)',
    'a.tar.gz',
    'a.tar (2).gz',
  ]);
});

test('names that differ only in case collide, as they would on Windows and macOS', () => {
  assert.deepEqual(uniqueNames(['Zapisnik.pdf', 'ZAPISNIK.PDF', 'zapisnik (2).pdf']), [
    'Zapisnik.pdf',
    'ZAPISNIK (3).PDF',
    'zapisnik (2).pdf',
  ]);
  assert.deepEqual(uniqueNames(['Č.pdf', 'č.pdf']), ['Č.pdf', 'č (2).pdf']);
});

// A small alphabet, so that random lists are full of collisions and "(2)"-style names.
const collidingName = fc.string({
  unit: fc.constantFrom('a', 'A', 'č', 'Č', '.', ' ', '(', '2', '3', ')'),
  maxLength: 8,
});

test('property: outputs are distinct even ignoring case, extensions are kept, the first copy is unchanged', () => {
  fc.assert(
    fc.property(fc.array(collidingName, { maxLength: 30 }), (names) => {
      const out = uniqueNames(names);
      assert.equal(out.length, names.length);
      assert.equal(new Set(out.map(folded)).size, out.length);
      out.forEach((name, i) => assert.equal(extensionOf(name), extensionOf(names[i] ?? '')));
      out.forEach((name, i) => {
        if (names.findIndex((n) => folded(n) === folded(names[i] ?? '')) === i)
          assert.equal(name, names[i]);
      });
    }),
  );
});

test('property: names that are already distinct come back unchanged', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.oneof(collidingName, fc.string()), { selector: folded, maxLength: 30 }),
      (names) => {
        assert.deepEqual(uniqueNames(names), names);
      },
    ),
  );
});

test("the repo's own strict reader accepts the archive; each entry's data is the original bytes", async () => {
  const archive = await zip(files.map((f) => source(f.name, f.data)));
  const r = readZipDirectory(archive, limits);
  assert.ok(r.ok, 'readZipDirectory refused the archive');
  assert.deepEqual(
    r.entries.map((e) => [e.name, e.method, e.uncompressedSize]),
    files.map((f, i) => [expectedNames[i], 0, f.data.length]),
  );
  const v = new DataView(archive.buffer, archive.byteOffset);
  r.entries.forEach((entry, i) => {
    const original = files[i]?.data ?? new Uint8Array(1);
    assert.deepEqual(
      archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      original,
    );
    assert.equal(
      v.getUint16(entry.localOffset + 6, true),
      1 << 11,
      'UTF-8 names, no data descriptor',
    );
    assert.equal(v.getUint32(entry.localOffset + 14, true), crc32(original));
  });
});

test('path separators, drive letters and dot names cannot make an entry leave its folder', async () => {
  const names = ['../../etc/passwd', 'C:evil.pdf', '..', 'a\\b.pdf', ''];
  const r = readZipDirectory(await zip(names.map((n) => source(n, new Uint8Array([1])))), limits);
  assert.ok(r.ok, 'readZipDirectory refused the names');
  assert.deepEqual(
    r.entries.map((e) => e.name),
    ['.._.._etc_passwd', 'C_evil.pdf', '_', 'a_b.pdf', '_ (2)'],
  );
});

const installed = (command: string, args: string[]) => spawnSync(command, args).error === undefined;
const hasPython = installed('python3', ['--version']);
const hasUnzip = installed('unzip', ['-v']);

// Lists what Python's zipfile finds; testzip() reads every entry and checks its CRC-32.
const PYTHON_CHECK = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, i.file_size, hashlib.sha256(z.read(i)).hexdigest(), i.flag_bits, list(i.date_time)] for i in z.infolist()]))
`;

function withFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
  try {
    const path = join(dir, 'folder.zip');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`,
  );
  return result.stdout;
}

test('independent tools read the archive back: names, sizes, CRCs, contents and dates', async (t) => {
  assert.ok(
    hasPython || hasUnzip,
    'neither python3 nor unzip is installed, so nothing independent can check the archive',
  );
  const archive = await zip(files.map((f) => source(f.name, f.data)));
  withFile(archive, (path) => {
    if (hasPython) {
      const listed = JSON.parse(run('python3', ['-c', PYTHON_CHECK, path]));
      // DOS time has two-second steps: 09:26:53 is stored as 09:26:52.
      const expected = files.map((f, i) => [
        expectedNames[i],
        f.data.length,
        sha256(f.data),
        1 << 11,
        [2025, 3, 14, 9, 26, 52],
      ]);
      assert.deepEqual(listed, expected);
    } else t.diagnostic('python3 is not installed; checked with unzip only');
    if (hasUnzip) {
      assert.match(run('unzip', ['-t', path]), /No errors detected/);
      assert.deepEqual(run('unzip', ['-Z1', path]).split('\n').filter(Boolean), expectedNames);
      files.forEach((f, i) => {
        const out = spawnSync('unzip', ['-p', path, expectedNames[i] ?? ''], {
          env: { ...process.env, LC_ALL: 'C.UTF-8' },
        });
        assert.equal(sha256(out.stdout), sha256(f.data), `unzip -p ${expectedNames[i]}`);
      });
    } else t.diagnostic('unzip is not installed; checked with python3 only');
  });
});

test('an empty list gives a valid empty archive', async () => {
  const archive = await zip([]);
  assert.equal(archive.length, 22, 'just the end record');
  assert.deepEqual(readZipDirectory(archive, limits), { ok: true, entries: [] });
  assert.ok(hasPython || hasUnzip, 'neither python3 nor unzip is installed');
  withFile(archive, (path) => {
    if (hasPython) assert.equal(run('python3', ['-c', PYTHON_CHECK, path]).trim(), '[]');
    // unzip reports an empty archive with exit status 1 and a warning, which is as good as it gets.
    if (hasUnzip)
      assert.match(
        spawnSync('unzip', ['-l', path], { encoding: 'utf8' }).stderr,
        /zipfile is empty/,
      );
  });
});

test('a 5 MB file streams through in its own chunks, sent while it is still being read', async () => {
  const data = randomBytes(5 * 1024 * 1024);
  let opened = 0;
  let readsInThisOpen = 0;
  const big: ZipSource = {
    name: 'posnetek.pdf',
    modified,
    async *open() {
      opened++;
      readsInThisOpen = 0;
      for (let at = 0; at < data.length; at += 65536) {
        readsInThisOpen++;
        yield data.subarray(at, at + 65536);
      }
    },
  };
  const sizes: number[] = [];
  let readsBeforeFirstData = -1;
  for await (const chunk of zipStream([big])) {
    if (readsBeforeFirstData < 0 && chunk.length === 65536) readsBeforeFirstData = readsInThisOpen;
    sizes.push(chunk.length);
  }
  assert.equal(opened, 2, 'once for the CRC, once to send');
  assert.equal(readsBeforeFirstData, 1, 'the first chunk goes out before the second is read');
  assert.ok(
    sizes.length >= 80 && Math.max(...sizes) <= 65536,
    `chunks: ${sizes.length}, largest ${Math.max(...sizes)}`,
  );
});

test('more entries than a ZIP without ZIP64 can count are refused before any file is opened', async () => {
  let opened = 0;
  const one: ZipSource = {
    name: 'a.pdf',
    modified,
    open: () => {
      opened++;
      return source('a.pdf', new Uint8Array(1)).open();
    },
  };
  // 65,535 itself is the ZIP64 marker (4.4.1.4), which zip.ts rightly refuses. (65,534 entries
  // would be fine but take seconds under the test runner's promise tracking.)
  await assert.rejects(zip(new Array<ZipSource>(65_535).fill(one)), RangeError);
  assert.equal(opened, 0);
});

test('an archive over maxBytes is refused; one exactly at it is not', async () => {
  const sources = files.map((f) => source(f.name, f.data));
  const size = (await zip(sources)).length;
  assert.equal((await zip(sources, { maxBytes: size })).length, size);
  await assert.rejects(zip(sources, { maxBytes: size - 1 }), RangeError);
  // The first file alone is too big, so it is refused before its header goes out.
  let sent = 0;
  await assert.rejects(async () => {
    for await (const chunk of zipStream(sources, { maxBytes: 1000 })) sent += chunk.length;
  }, RangeError);
  assert.equal(sent, 0);
});

test('a file that changes between its two reads aborts the archive', async () => {
  let reads = 0;
  const shifty: ZipSource = {
    name: 'a.pdf',
    modified,
    open: () => source('a.pdf', new Uint8Array([reads++])).open(),
  };
  await assert.rejects(zip([shifty]), /changed while it was being zipped/);
  // Grows from 100,000 bytes when measured to 200,000 when sent: no more than was announced goes out.
  reads = 0;
  const growing: ZipSource = {
    name: 'b.pdf',
    modified,
    open: () => source('b.pdf', new Uint8Array(++reads * 100_000)).open(),
  };
  let sent = 0;
  await assert.rejects(async () => {
    for await (const chunk of zipStream([growing])) sent += chunk.length;
  }, /changed/);
  assert.ok(sent <= 30 + 'b.pdf'.length + 100_000, `sent ${sent} bytes`);
});

test('dates are written in UTC, clamped to what DOS can hold, and an invalid date is refused', async () => {
  const stamp = async (when: Date) => {
    const archive = await zip([source('a', new Uint8Array(0), when)]);
    const v = new DataView(archive.buffer, archive.byteOffset);
    return [v.getUint16(12, true), v.getUint16(10, true)];
  };
  assert.deepEqual(await stamp(new Date('1970-01-01T00:00:00Z')), [(0 << 9) | (1 << 5) | 1, 0]);
  assert.deepEqual(await stamp(new Date('2300-06-01T12:00:00Z')), [
    (127 << 9) | (12 << 5) | 31,
    (23 << 11) | (59 << 5) | 29,
  ]);
  assert.deepEqual(await stamp(new Date('2025-12-31T23:30:00Z')), [
    (45 << 9) | (12 << 5) | 31,
    (23 << 11) | (30 << 5),
  ]);
  await assert.rejects(stamp(new Date('not a date')), RangeError);
});

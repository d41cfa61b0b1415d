import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTarHeader, readTar, TAR_END, tarHeader, tarPadding, TarError } from './tar.ts';

const archive = (entries: { path: string; bytes: Buffer }[]) =>
  Buffer.concat([
    ...entries.flatMap((e) => [
      tarHeader({ path: e.path, size: e.bytes.length, mtime: new Date('2026-12-02T10:00:00Z') }),
      e.bytes,
      tarPadding(e.bytes.length),
    ]),
    TAR_END,
  ]);

async function* chunked(b: Buffer, size: number) {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function entriesOf(b: Buffer, chunk = 4096) {
  const out: { path: string; bytes: Buffer }[] = [];
  for await (const e of readTar(chunked(b, chunk))) {
    const parts: Buffer[] = [];
    for await (const c of e.body) parts.push(c);
    out.push({ path: e.path, bytes: Buffer.concat(parts) });
  }
  return out;
}

test('what is written reads back the same, however the stream is chunked', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          path: fc.stringMatching(/^[a-z0-9]{1,20}(\/[a-z0-9.-]{1,90}){0,3}$/),
          bytes: fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
        }),
        { maxLength: 5 },
      ),
      fc.integer({ min: 1, max: 1500 }),
      async (entries, chunk) => {
        assert.deepEqual(
          await entriesOf(archive(entries), chunk),
          entries.map((e) => ({ ...e })),
        );
      },
    ),
    { numRuns: 60 },
  );
});

test('GNU tar reads the archive, including a path longer than 100 bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-tar-'));
  const long = `files/${'a'.repeat(80)}/quarantine/${'b'.repeat(60)}`;
  writeFileSync(
    join(dir, 'a.tar'),
    archive([
      { path: 'manifest.json', bytes: Buffer.from('{}\n') },
      { path: long, bytes: Buffer.from('x'.repeat(700)) },
    ]),
  );
  const listed = spawnSync('tar', ['-tvf', join(dir, 'a.tar')], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /-rw------- .* 3 2026-12-02 10:00 manifest\.json/);
  assert.ok(listed.stdout.includes(`700 2026-12-02 10:00 ${long}`));
});

test('a size of 8 GiB or more is written in base-256 and read back', () => {
  const size = 9 * 1024 ** 3 + 5;
  const h = parseTarHeader(tarHeader({ path: 'pgdata.tar', size, mtime: new Date(0) }));
  assert.equal(h?.size, size);
});

test('a cut-off archive, or a damaged header, is an error, never a shorter archive', async () => {
  const whole = archive([
    { path: 'a', bytes: Buffer.alloc(1000, 1) },
    { path: 'b', bytes: Buffer.alloc(10, 2) },
  ]);
  for (const cut of [100, 512, 1200, 1536 + 512, whole.length - TAR_END.length]) {
    await assert.rejects(entriesOf(whole.subarray(0, cut)), TarError, `cut at ${cut}`);
  }
  const damaged = Buffer.from(whole);
  damaged[5] = 0x7a;
  await assert.rejects(entriesOf(damaged), /checksum mismatch/);
});

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileSafety, UploadFailure, type FilePolicy } from './service.ts';
import { samplePdf } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'okence-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const errors: string[] = [];
const files = fileSafety({
  config: { dir, clamavUrl: undefined },
  log: { error: (_obj, msg) => errors.push(msg) },
});
const policy: FilePolicy = { types: ['pdf'], maxBytes: 10_000, scan: 'configured' };
const stream = (bytes: Uint8Array | string, truncated = false) =>
  Object.assign(Readable.from([Buffer.from(bytes)]), { truncated });

test('accept keeps a good file under a generated name in its area, and open serves it', async () => {
  const r = await files.accept(stream(samplePdf()), 'vloga.pdf', 'forms/f1', policy);
  assert.ok(r.ok);
  assert.equal(r.type, 'pdf');
  assert.equal(r.name, 'vloga.pdf');
  assert.equal(r.scan, 'unscanned');
  assert.equal(r.size, samplePdf().length);
  assert.match(r.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(readdirSync(join(dir, 'forms/f1')), [r.stored.name], 'no spool file stays');
  assert.notEqual(r.stored.name, 'vloga.pdf');
  assert.deepEqual(await buffer(files.open(r.stored)), Buffer.from(samplePdf()));
  await files.remove(r.stored);
  assert.deepEqual(readdirSync(join(dir, 'forms/f1')), []);
});

test('a refused file leaves nothing on disk', async () => {
  const r = await files.accept(stream('MZ\x90\0'), 'a.pdf', 'forms/f2', policy);
  assert.deepEqual(r, { ok: false, reason: 'executable' });
  const cut = await files.accept(stream(samplePdf(), true), 'a.pdf', 'forms/f2', policy);
  assert.deepEqual(cut, { ok: false, reason: 'too_large' });
  assert.deepEqual(readdirSync(join(dir, 'forms/f2')), []);
});

test('a policy that requires a scan refuses every file when no scanner is configured', async () => {
  const r = await files.accept(stream(samplePdf()), 'a.pdf', 'forms/f3', {
    ...policy,
    scan: 'required',
  });
  assert.deepEqual(r, { ok: false, reason: 'scanner_unavailable' });
});

test('areas are plain relative paths; a quarantined file is never served', async () => {
  for (const bad of ['..', '../x', '/etc', 'a//b', 'a/quarantine', 'a/b/c/d', ''])
    await assert.rejects(files.receive(stream('x'), bad), /not a storage area/, bad);
  assert.throws(() => files.open({ area: 'forms', name: 'x', quarantined: true }), /never served/);
});

test('a body that breaks off is a malformed upload, and its spool file goes', async () => {
  const broken = new Readable({
    read() {
      this.destroy(new Error('client went away'));
    },
  });
  await assert.rejects(
    files.receive(broken, 'forms/f4'),
    (err) => err instanceof UploadFailure && err.reason === 'malformed',
  );
  assert.deepEqual(readdirSync(join(dir, 'forms/f4')), []);
});

test('admit bounds the uploads in progress per person', () => {
  const first = files.admit('g', 'p');
  files.admit('g', 'p');
  assert.throws(
    () => files.admit('g', 'p'),
    (err) => err instanceof UploadFailure && err.reason === 'busy',
  );
  first();
  files.admit('g', 'p');
});

test('cleanStaleParts removes old spool files at any depth, and nothing else', async () => {
  mkdirSync(join(dir, 'b1/quarantine'), { recursive: true });
  mkdirSync(join(dir, 'forms/f5'), { recursive: true });
  const old = new Date(Date.now() - 3_600_000);
  for (const p of ['b1/x.part', 'b1/quarantine/y.part', 'forms/f5/z.part', 'b1/kept']) {
    writeFileSync(join(dir, p), 'x');
    utimesSync(join(dir, p), old, old);
  }
  writeFileSync(join(dir, 'b1/fresh.part'), 'x');
  assert.equal(await files.cleanStaleParts(), 3);
  assert.deepEqual(readdirSync(join(dir, 'b1')).sort(), ['fresh.part', 'kept', 'quarantine']);
  assert.deepEqual(readdirSync(join(dir, 'forms/f5')), []);
});

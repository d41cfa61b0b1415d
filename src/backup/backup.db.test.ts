// The backup request on a server in this process (PGlite on disk, its lock socket): the rule
// that keeps the files and the database in step, and what restore does with a bad archive.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bootOkence, type Okence } from '../boot.ts';
import * as files from '../folder/repo.ts';
import { testConfig } from '../http/testing.ts';
import { seededDataDir } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';
import { readBackup, restoreBackup } from './restore.ts';
import { requestBackup } from './socket.ts';

const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
// Made and migrated ahead, as a first start leaves it (initdb is e2e/process.test.ts's point).
let dataDir: string;
const known = { knownSchemaVersion: 999 };
let okence: Okence;

before(async () => {
  dataDir = await seededDataDir('okence-backup-db-');
  okence = await bootOkence(testConfig({ DATA_DIR: dataDir }), { clock });
});
after(() => okence.close());

/** A meeting folder, due for deletion in a minute, with one file. */
async function folderWithFile(
  n: number,
): Promise<{ path: string; sha256: string; storageName: string }> {
  const b = await bookThroughApi(okence, {
    organisation: 'ue-domzale',
    office: 'domzale',
    service: 'splosne-informacije',
    day: '2026-11-25',
    to: '2026-12-20',
    email: `b${n}@example.si`,
    name: `B ${n}`,
    ip: `198.51.100.${n}`,
  });
  const { organisation_id } = await okence.handle.db
    .selectFrom('booking')
    .select('organisation_id')
    .where('id', '=', b.id)
    .executeTakeFirstOrThrow();
  const now = clock.now();
  const soon = new Date(now.getTime() + 60_000);
  await files.openFolder(okence.handle.db, {
    bookingId: b.id,
    organisationId: organisation_id,
    staffId: null,
    now,
    closesAt: soon,
    deleteAt: soon,
  });
  const bytes = randomBytes(50_000);
  const storageName = randomUUID();
  mkdirSync(join(dataDir, 'files', b.id), { recursive: true });
  writeFileSync(join(dataDir, 'files', b.id, storageName), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await files.insertFile(okence.handle.db, {
    bookingId: b.id,
    storageName,
    name: 'a.pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256,
    uploadedBy: null,
    uploaderName: 'B',
    uploaderRole: 'citizen',
    uploadedAt: now,
    scanState: 'unscanned',
    signature: null,
  });
  return { path: `files/${b.id}/${storageName}`, sha256, storageName };
}

/** The archive a backup request streams, saved uncompressed. */
async function backupTo(path: string, whileStreaming?: () => void): Promise<void> {
  const stream = await requestBackup(dataDir);
  assert.notEqual(stream, 'no_server');
  const it = (stream as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // The first bytes come after the database's snapshot was taken.
  const first = await it.next();
  whileStreaming?.();
  await pipeline(
    Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
      })(),
    ),
    createWriteStream(path),
  );
}

test('a folder deletion due while a backup streams waits for it: the files its snapshot names are in it', async () => {
  const f = await folderWithFile(1);
  const target = join(mkdtempSync(join(tmpdir(), 'okence-b-')), 'b.tar');
  let purged: number | undefined;
  let streamed = false;
  let purge: Promise<unknown> = Promise.resolve();
  await backupTo(target, () => {
    clock.advance(120_000);
    purge = okence.jobs.purgeFiles().then((n) => {
      purged = n;
      assert.ok(streamed, 'the folder was deleted while the backup was still reading files');
    });
  });
  streamed = true;
  await purge;
  assert.equal(purged, 1);
  assert.equal(existsSync(join(dataDir, f.path)), false, 'the purge ran after the backup');
  const inArchive = new Map<string, string>();
  await readBackup(target, {
    ...known,
    write: async (_kind, path, body) => {
      const hash = createHash('sha256');
      for await (const c of body) hash.update(c);
      inArchive.set(path, hash.digest('hex'));
    },
  });
  assert.equal(inArchive.get(f.path), f.sha256);
});

test('a damaged or cut-off archive is refused, and a refused restore leaves DATA_DIR as it was', async () => {
  await folderWithFile(2);
  const dir = mkdtempSync(join(tmpdir(), 'okence-b-'));
  const whole = join(dir, 'whole.tar');
  await backupTo(whole);
  const bytes = readFileSync(whole);
  await readBackup(whole, known);

  const damaged = Buffer.from(bytes);
  // A byte inside one of the database's files (its header is one block before its contents).
  const at = bytes.indexOf(Buffer.from('pg/global/pg_control\0')) + 512 + 100;
  damaged[at] = (damaged[at] ?? 0) ^ 0xff;
  writeFileSync(join(dir, 'damaged.tar'), damaged);
  await assert.rejects(
    readBackup(join(dir, 'damaged.tar'), known),
    /pg\/global\/pg_control: checksum mismatch \(damaged\)/,
  );

  writeFileSync(join(dir, 'cut.tar'), bytes.subarray(0, bytes.length - 3000));
  await assert.rejects(readBackup(join(dir, 'cut.tar'), known), /cut off|incomplete/);

  await assert.rejects(readBackup(whole, { knownSchemaVersion: 3 }), /this Okence knows up to 3/);

  const target = join(dir, 'restored');
  await assert.rejects(
    restoreBackup({
      archive: join(dir, 'damaged.tar'),
      dataDir: target,
      filesDir: join(target, 'files'),
      ...known,
      sessionSecret: undefined,
    }),
    /damaged/,
  );
  assert.deepEqual(readdirSync(target), []);
});

test('a backup is restored into an empty DATA_DIR; a second restore there is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-b-'));
  await backupTo(join(dir, 'b.tar'));
  const target = join(dir, 'data');
  const r = await restoreBackup({
    archive: join(dir, 'b.tar'),
    dataDir: target,
    filesDir: join(target, 'files'),
    ...known,
    sessionSecret: 'another secret of at least 32 characters',
  });
  assert.match(r.warnings.join('\n'), /SESSION_SECRET is not the secret the backed-up server used/);
  assert.deepEqual(readdirSync(target).sort(), ['files', 'pg', 'session-secret']);
  await assert.rejects(
    restoreBackup({
      archive: join(dir, 'b.tar'),
      dataDir: target,
      filesDir: join(target, 'files'),
      ...known,
      sessionSecret: undefined,
    }),
    /is not empty/,
  );
});

test("a form's attachments (files/forms/<draft>/<name>) are in the backup and restored; their purge waits for it", async () => {
  // An orphan (its draft purged): the next purge removes it, but not while a backup reads it.
  const id = randomUUID();
  const name = randomUUID();
  const bytes = randomBytes(10_000);
  const area = join(dataDir, 'files', 'forms', id);
  mkdirSync(area, { recursive: true });
  writeFileSync(join(area, name), bytes);
  await okence.handle.db
    .insertInto('form_attachments')
    .values({
      draft_id: null,
      submission_id: null,
      field: 'proof',
      name: 'a.pdf',
      mime: 'application/pdf',
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      scan: 'unscanned',
      area: `forms/${id}`,
      storage_name: name,
      uploaded_at: clock.now(),
    })
    .execute();
  const dir = mkdtempSync(join(tmpdir(), 'okence-bf-'));
  let purge: Promise<number> = Promise.resolve(0);
  await backupTo(join(dir, 'b.tar'), () => {
    purge = okence.services.formAttachments.purge();
  });
  assert.equal(await purge, 1);
  assert.equal(existsSync(area), false, 'purged after the backup');
  const target = join(dir, 'data');
  await restoreBackup({
    archive: join(dir, 'b.tar'),
    dataDir: target,
    filesDir: join(target, 'files'),
    ...known,
    sessionSecret: undefined,
  });
  assert.deepEqual(readFileSync(join(target, 'files', 'forms', id, name)), bytes);
});

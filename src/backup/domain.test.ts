import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backupFileName,
  checksumProblems,
  entryKind,
  formatChecksums,
  FORMAT_VERSION,
  manifestSchema,
  orderRefusal,
  parseChecksums,
  restoreRefusal,
  secretFingerprint,
  type EntryKind,
  type Manifest,
} from './domain.ts';

const manifest: Manifest = {
  format: 'okence-backup',
  formatVersion: FORMAT_VERSION,
  createdAt: '2026-12-02T09:00:00.000Z',
  schemaVersion: 16,
  database: 'pglite',
  sessionSecret: 'file',
  secretFingerprint: secretFingerprint('s'.repeat(32)),
};

test('a manifest is checked by its schema', () => {
  assert.ok(manifestSchema.safeParse(manifest).success);
  assert.ok(!manifestSchema.safeParse({ ...manifest, format: 'something-else' }).success);
  assert.ok(!manifestSchema.safeParse({ ...manifest, schemaVersion: '16' }).success);
  assert.ok(!manifestSchema.safeParse({ ...manifest, createdAt: 'yesterday' }).success);
});

test('restore refuses a newer format or a newer schema than the code knows, and takes an older one', () => {
  assert.equal(restoreRefusal(manifest, 16), null);
  assert.equal(restoreRefusal({ ...manifest, schemaVersion: 3 }, 16), null);
  assert.match(restoreRefusal(manifest, 15) ?? '', /at migration 16, this Okence knows up to 15/);
  assert.match(
    restoreRefusal({ ...manifest, formatVersion: FORMAT_VERSION + 1 }, 16) ?? '',
    /format 2, this Okence reads up to 1/,
  );
});

test('only the known entries: the database below pg/, files only below files/<folder>/[quarantine/]', () => {
  assert.equal(entryKind('manifest.json'), 'manifest');
  assert.equal(entryKind('session-secret'), 'secret');
  assert.equal(entryKind('SHA256SUMS'), 'checksums');
  assert.equal(entryKind('pg/PG_VERSION'), 'database');
  assert.equal(entryKind('pg/base/1/2619_fsm'), 'database');
  assert.equal(entryKind('pg/', 'directory'), 'directory');
  assert.equal(entryKind('pg/pg_wal/archive_status/', 'directory'), 'directory');
  const id = '6f1c2d3e-0000-4000-8000-000000000001';
  assert.equal(entryKind(`files/${id}/${id}`), 'file');
  assert.equal(entryKind(`files/${id}/quarantine/${id}`), 'file');
  // A form's attachments (decision 039): one level below files/forms/, and no deeper.
  assert.equal(entryKind(`files/forms/${id}/${id}`), 'file');
  assert.equal(entryKind(`files/forms/${id}/${id}/${id}`), null);
  assert.equal(entryKind(`files/forms/../${id}`), null);
  for (const bad of [
    `/etc/passwd`,
    `files/../pg/x`,
    `files/${id}/../../x`,
    `files/..`,
    `files/${id}/.hidden`,
    `files/.${id}/x`,
    `files/${id}/x.part`,
    `files/${id}/other/x`,
    `files/${id}`,
    `pg`,
    `pg/../x`,
    `pg/base/../../x`,
    `pg//x`,
    `../x`,
    `files/${id}/x/`,
    `files\\${id}\\x`,
    '',
  ]) {
    assert.equal(entryKind(bad), null, bad);
  }
  for (const bad of ['files/', `files/${id}/`, '../', '/tmp/', 'pg/../', 'x/'])
    assert.equal(entryKind(bad, 'directory'), null, bad);
});

test('the manifest comes first, the sums last, the secret once', () => {
  const seen = (...kinds: EntryKind[]) => new Set(kinds);
  assert.equal(orderRefusal(seen(), 'manifest'), null);
  assert.match(orderRefusal(seen(), 'database') ?? '', /does not begin with manifest\.json/);
  assert.equal(orderRefusal(seen('manifest'), 'directory'), null);
  assert.equal(
    orderRefusal(seen('manifest', 'directory', 'database', 'secret', 'file'), 'file'),
    null,
  );
  assert.equal(orderRefusal(seen('manifest', 'database', 'file'), 'checksums'), null);
  assert.match(
    orderRefusal(seen('manifest', 'database', 'checksums'), 'file') ?? '',
    /must be last/,
  );
  assert.match(orderRefusal(seen('manifest', 'secret'), 'secret') ?? '', /a second secret/);
  assert.match(orderRefusal(seen('manifest'), 'manifest') ?? '', /a second manifest/);
});

test('the sums are in sha256sum format and every difference is named', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  const sums = new Map([
    ['pg/PG_VERSION', a],
    ['files/x/y', b],
  ]);
  assert.equal(formatChecksums(sums), `${a}  pg/PG_VERSION\n${b}  files/x/y\n`);
  assert.deepEqual(parseChecksums(formatChecksums(sums)), sums);
  assert.throws(() => parseChecksums('nonsense\n'), /not "<sha256> {2}<path>"/);
  assert.deepEqual(checksumProblems(sums, sums), []);
  assert.deepEqual(
    checksumProblems(
      new Map([
        ['pg/PG_VERSION', a],
        ['files/x/y', a],
        ['files/x/z', a],
      ]),
      sums,
    ),
    ['files/x/y: checksum mismatch (damaged)', 'files/x/z: not listed in SHA256SUMS'],
  );
  assert.deepEqual(checksumProblems(new Map([['files/x/y', b]]), sums), [
    'pg/PG_VERSION: listed in SHA256SUMS but missing',
    'pg/PG_VERSION: missing (no database in the archive)',
  ]);
});

test('the fingerprint tells secrets apart without giving them away', () => {
  const s = 'x'.repeat(40);
  assert.match(secretFingerprint(s), /^[0-9a-f]{16}$/);
  assert.equal(secretFingerprint(s), secretFingerprint(s));
  assert.notEqual(secretFingerprint(s), secretFingerprint(`${s}y`));
  assert.ok(!secretFingerprint(s).includes('x'));
});

test('a backup into a directory is named by its time, sortable and without colons', () => {
  assert.equal(
    backupFileName(new Date('2026-12-02T09:05:07.123Z')),
    'okence-backup-2026-12-02T09-05-07Z.tar.gz',
  );
});

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import {
  CHECKSUMS,
  DATABASE,
  entryKind,
  FILES,
  FORMAT,
  FORMAT_VERSION,
  formatChecksums,
  MANIFEST,
  SECRET,
  secretFingerprint,
  type Manifest,
} from './domain.ts';
import { TAR_END, tarHeader, tarPadding } from './tar.ts';

/** What a backup is taken from: the process that holds DATA_DIR (the server, or the command itself). */
export type BackupSource = {
  dataDir: string;
  filesDir: string;
  /**
   * The secret the server signs links with (null when the command, run without the server's
   * SESSION_SECRET, cannot know it), and whether it came from SESSION_SECRET.
   */
  sessionSecret: { value: string | null; fromEnvironment: boolean };
  /** Copies the database's directory into `into`, with `read` run at the same point. */
  snapshot<T>(into: string, read: (db: Db) => Promise<T>): Promise<T>;
  /** Stops stored files (meeting folders', forms') from being deleted until the returned function is called. */
  holdDeletions(): Promise<() => void>;
};

/**
 * The backup archive as a stream of tar bytes (decision 024). Consistency between the
 * database and the files: a file is on the disk before its row commits, and is deleted only
 * by the folder purge, which is held from before the database's snapshot until the last file
 * is read. So every file a row of the snapshot names is in the archive; a file uploaded after
 * the snapshot may be too, as an orphan no row names, which is harmless.
 */
export async function* backupArchive(
  source: BackupSource,
  now: () => Date,
): AsyncGenerator<Buffer> {
  // One backup at a time per DATA_DIR (the holder answers 'busy'): one fixed staging place,
  // whose leftover from a process that died during a backup goes first.
  const staging = join(source.dataDir, STAGING);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  const release = await source.holdDeletions();
  try {
    const schemaVersion = await source.snapshot(join(staging, DATABASE), schemaVersionOf);
    const sums = new Map<string, string>();
    const secret = source.sessionSecret.fromEnvironment
      ? null
      : await readFile(join(source.dataDir, SECRET)).catch(() => null);
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now().toISOString(),
      schemaVersion,
      database: 'pglite',
      sessionSecret: secret ? 'file' : 'environment',
      secretFingerprint:
        source.sessionSecret.value === null ? null : secretFingerprint(source.sessionSecret.value),
    };
    yield* entry(sums, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), now());
    yield* tree(sums, join(staging, DATABASE), DATABASE);
    await rm(staging, { recursive: true, force: true });
    if (secret) yield* entry(sums, SECRET, secret, now());
    yield* folderFiles(sums, source.filesDir);
    yield* entry(sums, CHECKSUMS, Buffer.from(formatChecksums(sums)), now(), false);
    yield TAR_END;
  } finally {
    release();
    await rm(staging, { recursive: true, force: true });
  }
}

/** The staging directory in DATA_DIR that holds the database's copy while it streams out. */
export const STAGING = '.backup-snapshot';

async function schemaVersionOf(db: Db): Promise<number> {
  const r = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migration`.execute(
    db,
  );
  return Number(r.rows[0]?.v ?? 0);
}

/** A directory's tree as tar entries below `prefix`: each directory (empty ones count), then its files. */
async function* tree(
  sums: Map<string, string>,
  dir: string,
  prefix: string,
): AsyncGenerator<Buffer> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  yield tarHeader({ path: `${prefix}/`, size: 0, mtime: new Date(0), directory: true });
  for (const e of entries) {
    const path = `${prefix}/${e.name}`;
    if (e.isDirectory()) yield* tree(sums, join(dir, e.name), path);
    else if (e.isFile()) yield* fileEntry(sums, join(dir, e.name), path);
  }
}

/** A file as a tar entry, streamed; nothing when it is gone and `mayBeGone`. */
async function* fileEntry(
  sums: Map<string, string>,
  at: string,
  path: string,
  mayBeGone = false,
): AsyncGenerator<Buffer> {
  const fh = await open(at, 'r').catch((err: NodeJS.ErrnoException) => {
    if (mayBeGone && err.code === 'ENOENT') return null;
    throw err;
  });
  if (!fh) return;
  try {
    const st = await fh.stat();
    yield* streamed(
      sums,
      path,
      st.size,
      st.mtime,
      createReadStream('', { fd: fh, autoClose: false }),
    );
  } finally {
    await fh.close();
  }
}

function* entry(
  sums: Map<string, string>,
  path: string,
  bytes: Buffer,
  mtime: Date,
  summed = true,
): Generator<Buffer> {
  if (summed) sums.set(path, createHash('sha256').update(bytes).digest('hex'));
  yield tarHeader({ path, size: bytes.length, mtime });
  yield bytes;
  yield tarPadding(bytes.length);
}

async function* streamed(
  sums: Map<string, string>,
  path: string,
  size: number,
  mtime: Date,
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let sent = 0;
  yield tarHeader({ path, size, mtime });
  for await (const chunk of chunks) {
    const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    sent += b.length;
    if (sent > size) throw new Error(`${path} grew while it was read`);
    hash.update(b);
    yield b;
  }
  if (sent !== size) throw new Error(`${path} shrank while it was read`);
  sums.set(path, hash.digest('hex'));
  yield tarPadding(size);
}

/**
 * Every stored file below FILES_DIR: `<booking>/<name>`, `<booking>/quarantine/<name>`, and a
 * form's `forms/<draft or submission>/<name>`.
 * Spool files (`.part`) are uploads still arriving, never named by a row: left out. A file
 * gone between the listing and its opening was a refused upload being removed: left out too.
 */
async function* folderFiles(sums: Map<string, string>, filesDir: string): AsyncGenerator<Buffer> {
  const dirsOf = async (dir: string) =>
    (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  // Meeting folders' areas, and forms' attachments one level down (`forms/<id>`, decision 039).
  const folders = [
    ...(await dirsOf(filesDir)).filter((n) => n !== 'forms'),
    ...(await dirsOf(join(filesDir, 'forms'))).map((n) => `forms/${n}`),
  ];
  for (const folder of folders) {
    for (const sub of ['', 'quarantine/']) {
      const dir = join(filesDir, folder, sub);
      const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const d of names.filter((n) => n.isFile())) {
        const path = `${FILES}/${folder}/${sub}${d.name}`;
        if (entryKind(path) !== 'file') continue;
        // Stored files are never written again (an upload is renamed into place whole).
        yield* fileEntry(sums, join(dir, d.name), path, true);
      }
    }
  }
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { CHECKSUMS, DATABASE, entryKind, FILES, FORMAT, FORMAT_VERSION, formatChecksums, MANIFEST, SECRET, secretFingerprint, type Manifest } from './domain.ts';
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
  /** PGlite's tar of the database, with the schema version read at the same point. */
  snapshot<T>(read: (db: Db) => Promise<T>): Promise<{ pgdata: Blob; read: T }>;
  /** Stops meeting folders' files from being deleted until the returned function is called. */
  holdDeletions(): Promise<() => void>;
};

/**
 * The backup archive as a stream of tar bytes (decision 024). Consistency between the
 * database and the files: a file is on the disk before its row commits, and is deleted only
 * by the folder purge, which is held from before the database's snapshot until the last file
 * is read. So every file a row of the snapshot names is in the archive; a file uploaded after
 * the snapshot may be too, as an orphan no row names, which is harmless.
 */
export async function* backupArchive(source: BackupSource, now: () => Date): AsyncGenerator<Buffer> {
  const release = await source.holdDeletions();
  try {
    const { pgdata, read: schemaVersion } = await source.snapshot(schemaVersionOf);
    const sums = new Map<string, string>();
    const secret = source.sessionSecret.fromEnvironment ? null : await readFile(join(source.dataDir, SECRET)).catch(() => null);
    const manifest: Manifest = {
      format: FORMAT, formatVersion: FORMAT_VERSION, createdAt: now().toISOString(), schemaVersion, database: 'pglite',
      sessionSecret: secret ? 'file' : 'environment', secretFingerprint: source.sessionSecret.value === null ? null : secretFingerprint(source.sessionSecret.value),
    };
    yield* entry(sums, MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), now());
    yield* streamed(sums, DATABASE, pgdata.size, now(), blobChunks(pgdata));
    if (secret) yield* entry(sums, SECRET, secret, now());
    yield* folderFiles(sums, source.filesDir);
    yield* entry(sums, CHECKSUMS, Buffer.from(formatChecksums(sums)), now(), false);
    yield TAR_END;
  } finally {
    release();
  }
}

async function schemaVersionOf(db: Db): Promise<number> {
  const r = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migration`.execute(db);
  return Number(r.rows[0]?.v ?? 0);
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function* entry(sums: Map<string, string>, path: string, bytes: Buffer, mtime: Date, summed = true): Generator<Buffer> {
  if (summed) sums.set(path, createHash('sha256').update(bytes).digest('hex'));
  yield tarHeader({ path, size: bytes.length, mtime });
  yield bytes;
  yield tarPadding(bytes.length);
}

async function* streamed(sums: Map<string, string>, path: string, size: number, mtime: Date, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
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
 * Every stored file below FILES_DIR: `<booking>/<name>` and `<booking>/quarantine/<name>`.
 * Spool files (`.part`) are uploads still arriving, never named by a row: left out. A file
 * gone between the listing and its opening was a refused upload being removed: left out too.
 */
async function* folderFiles(sums: Map<string, string>, filesDir: string): AsyncGenerator<Buffer> {
  for (const folder of (await readdir(filesDir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory())) {
    for (const sub of ['', 'quarantine/']) {
      const dir = join(filesDir, folder.name, sub);
      const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const d of names.filter((n) => n.isFile())) {
        const path = `${FILES}/${folder.name}/${sub}${d.name}`;
        if (entryKind(path) !== 'file') continue;
        const fh = await open(join(dir, d.name), 'r').catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return null;
          throw err;
        });
        if (!fh) continue;
        try {
          const st = await fh.stat();
          // Stored files are never written again (an upload is renamed into place whole).
          yield* streamed(sums, path, st.size, st.mtime, createReadStream('', { fd: fh, autoClose: false }));
        } finally {
          await fh.close();
        }
      }
    }
  }
}

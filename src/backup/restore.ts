import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { schemaVersionAt } from '../db/db.ts';
import { LOCK_NAME, lockDataDir } from '../db/lock.ts';
import {
  checksumProblems,
  CHECKSUMS_MAX_BYTES,
  DATABASE,
  entryKind,
  manifestSchema,
  MANIFEST_MAX_BYTES,
  orderRefusal,
  parseChecksums,
  restoreRefusal,
  SECRET,
  secretFingerprint,
  type EntryKind,
  type Manifest,
} from './domain.ts';
import { readTar } from './tar.ts';

/** A backup that cannot be read or restored; its message is for the operator. */
export class BackupError extends Error {}

type Write = (kind: EntryKind, path: string, body: AsyncIterable<Buffer>) => Promise<void>;

/**
 * Reads a backup archive (gzip'd or not) from end to end, checking its manifest before
 * anything else, the order and names of its entries, and every entry's SHA-256 against
 * SHA256SUMS. `write` receives the body of each database, secret and file entry; without it
 * they are only checked. Throws BackupError on the first problem.
 */
export async function readBackup(
  path: string,
  opts: { knownSchemaVersion: number; write?: Write },
): Promise<{ manifest: Manifest; files: number; bytes: number }> {
  const seen = new Set<EntryKind>();
  const sums = new Map<string, string>();
  let manifest: Manifest | undefined;
  let listed: Map<string, string> | undefined;
  let files = 0;
  let bytes = 0;
  try {
    for await (const e of readTar(await archiveBytes(path))) {
      const kind = e.type === 'other' ? null : entryKind(e.path, e.type);
      if (!kind) throw new BackupError(`unexpected entry in the archive: ${e.path.slice(0, 200)}`);
      const refusal = orderRefusal(seen, kind);
      if (refusal) throw new BackupError(refusal);
      seen.add(kind);
      if (kind === 'directory') {
        await opts.write?.(kind, e.path, e.body);
        continue;
      }
      if (kind === 'manifest' || kind === 'checksums') {
        if (e.size > (kind === 'manifest' ? MANIFEST_MAX_BYTES : CHECKSUMS_MAX_BYTES))
          throw new BackupError(`${e.path} is too large to be one`);
        const parts: Buffer[] = [];
        for await (const chunk of e.body) parts.push(chunk);
        const text = Buffer.concat(parts);
        if (kind === 'checksums') listed = parseChecksums(text.toString('utf8'));
        else manifest = parseManifest(text, opts.knownSchemaVersion);
        if (kind === 'manifest') sums.set(e.path, sha256(text));
        continue;
      }
      const hash = createHash('sha256');
      const hashed = (async function* () {
        for await (const chunk of e.body) {
          hash.update(chunk);
          yield chunk;
        }
      })();
      if (opts.write) await opts.write(kind, e.path, hashed);
      else for await (const _ of hashed) void _;
      sums.set(e.path, hash.digest('hex'));
      if (kind === 'file') files++;
      bytes += e.size;
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`the backup cannot be read: ${(err as Error).message}`, { cause: err });
  }
  if (!manifest || !listed)
    throw new BackupError('the archive ends before SHA256SUMS: it is incomplete');
  const problems = checksumProblems(sums, listed);
  if (problems.length)
    throw new BackupError(`the backup is damaged:\n  ${problems.slice(0, 20).join('\n  ')}`);
  return { manifest, files, bytes };
}

function parseManifest(text: Buffer, knownSchemaVersion: number): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    throw new BackupError('manifest.json is not JSON: not an Okence backup');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupError(
      `manifest.json is not an Okence backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const refusal = restoreRefusal(parsed.data, knownSchemaVersion);
  if (refusal) throw new BackupError(refusal);
  return parsed.data;
}

/** The archive's tar bytes: gunzipped when it starts with gzip's magic number. */
async function archiveBytes(path: string): Promise<AsyncIterable<Uint8Array>> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(`cannot open ${path}: ${err.code ?? err.message}`);
  });
  const magic = Buffer.alloc(2);
  await fh.read(magic, 0, 2, 0).finally(() => fh.close());
  const raw = createReadStream(path);
  return magic[0] === 0x1f && magic[1] === 0x8b
    ? raw.pipe(createGunzip()).on('error', (err) => raw.destroy(err))
    : raw;
}

// Entries a restore may find in a fresh DATA_DIR: our own lock, and a file system's lost+found.
const ALLOWED_IN_EMPTY = new Set([LOCK_NAME, 'lost+found']);

/**
 * Restores a backup into an empty DATA_DIR (and FILES_DIR, when it is elsewhere), under the
 * DATA_DIR lock, so never under a running server. Everything goes to a staging directory in
 * DATA_DIR first and is moved into place only once the whole archive checked out and the
 * database opened, the database last: a restore that fails leaves no database behind.
 * Returns warnings about the session secret.
 */
export async function restoreBackup(o: {
  archive: string;
  dataDir: string;
  filesDir: string;
  knownSchemaVersion: number;
  sessionSecret: string | undefined;
}): Promise<{ manifest: Manifest; files: number; bytes: number; warnings: string[] }> {
  // The lock first: a running server is named as such, not as a directory that is not empty.
  const lock = await lockDataDir(o.dataDir);
  const stage = join(o.dataDir, '.restore-incomplete');
  try {
    await refuseNonEmpty(o.dataDir, 'DATA_DIR');
    if (resolve(o.filesDir) !== resolve(o.dataDir, 'files'))
      await refuseNonEmpty(o.filesDir, 'FILES_DIR');
    await mkdir(stage, { mode: 0o700 });
    const read = await readBackup(o.archive, {
      knownSchemaVersion: o.knownSchemaVersion,
      write: (kind, path, body) => writeEntry(stage, kind, path, body),
    });
    const schema = await schemaVersionAt(join(stage, DATABASE));
    if (schema !== read.manifest.schemaVersion)
      throw new BackupError(
        `the database in the backup is at migration ${schema}, its manifest says ${read.manifest.schemaVersion}`,
      );
    await moveInto(join(stage, 'files'), o.filesDir);
    if (read.manifest.sessionSecret === 'file')
      await rename(join(stage, SECRET), join(o.dataDir, SECRET));
    await rename(join(stage, DATABASE), join(o.dataDir, DATABASE));
    await rmdir(stage);
    return { ...read, warnings: secretWarnings(read.manifest, o.sessionSecret) };
  } catch (err) {
    await rm(stage, { recursive: true, force: true });
    throw err;
  } finally {
    await lock.release();
  }
}

async function refuseNonEmpty(dir: string, name: string): Promise<void> {
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const left = entries.filter((e) => !ALLOWED_IN_EMPTY.has(e));
  if (left.length)
    throw new BackupError(
      `${name} ${dir} is not empty (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''}): restore only into an empty directory`,
    );
}

async function writeEntry(
  stage: string,
  kind: EntryKind,
  path: string,
  body: AsyncIterable<Buffer>,
): Promise<void> {
  // entryKind() admitted only names without `..` or a leading slash, below pg/ and files/.
  const target = join(stage, path);
  if (kind === 'directory') return void (await mkdir(target, { recursive: true, mode: 0o700 }));
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await pipeline(Readable.from(body), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
}

/** Moves the staged files to FILES_DIR: a rename on one file system, a copy across two. */
async function moveInto(staged: string, filesDir: string): Promise<void> {
  await mkdir(staged, { recursive: true, mode: 0o700 });
  await mkdir(dirname(resolve(filesDir)), { recursive: true });
  // An empty FILES_DIR (checked before) gives way; rename(2) cannot replace a directory.
  await rmdir(filesDir).catch(() => undefined);
  try {
    await rename(staged, filesDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await cp(staged, filesDir, { recursive: true, errorOnExist: true, force: false });
    await rm(staged, { recursive: true });
  }
}

/** Links in e-mails already sent (manage, join) are signed with the session secret: restore must keep it. */
function secretWarnings(m: Manifest, configured: string | undefined): string[] {
  if (
    configured !== undefined &&
    m.secretFingerprint &&
    secretFingerprint(configured) !== m.secretFingerprint
  ) {
    return [
      'SESSION_SECRET is not the secret the backed-up server used: links in e-mails already sent (manage, join) and codes not yet entered will not work. Set the old SESSION_SECRET before starting.',
    ];
  }
  if (m.sessionSecret === 'environment' && configured === undefined) {
    return [
      'The backed-up server took its secret from SESSION_SECRET, which no backup holds: set the same SESSION_SECRET before starting, or links in e-mails already sent will not work.',
    ];
  }
  return [];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

import { createHash } from 'node:crypto';
import { z } from 'zod';

// The rules of a backup archive (decision 024), without I/O. An archive is one tar (gzip'd)
// whose entries come in this order:
//   manifest.json    what it is: format, version, schema version, when, the session secret's place
//   pg/…             the embedded database's directory (DATA_DIR/pg), directories and files
//   session-secret   DATA_DIR/session-secret, when the server keeps its secret there
//   files/…          the meeting folders' files (FILES_DIR), by booking and stored name
//   SHA256SUMS       the SHA-256 of every entry above, in `sha256sum` format; last, because the
//                    sums are known only once the files have streamed through

export const FORMAT = 'okence-backup';
/** The archive layout this code writes and the newest it reads. */
export const FORMAT_VERSION = 1;

export const MANIFEST = 'manifest.json';
export const DATABASE = 'pg';
/** Every PostgreSQL data directory has it: an archive without it holds no database. */
export const DATABASE_MARK = 'pg/PG_VERSION';
export const SECRET = 'session-secret';
export const CHECKSUMS = 'SHA256SUMS';
export const FILES = 'files';

/** More than any manifest needs; one that claims more is refused unread. */
export const MANIFEST_MAX_BYTES = 64 * 1024;
/** The sums take about 100 bytes an entry: room for 600,000 files, read into memory whole. */
export const CHECKSUMS_MAX_BYTES = 64 * 1024 * 1024;

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  /** The highest migration applied to the database in the archive. */
  schemaVersion: z.number().int().min(0),
  database: z.literal('pglite'),
  /** 'file': in the archive; 'environment': SESSION_SECRET, which restore cannot bring back. */
  sessionSecret: z.enum(['file', 'environment']),
  /** A one-way fingerprint of the secret, to tell a wrong SESSION_SECRET at restore; null when unknown. */
  secretFingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Identifies a session secret without giving it away (the secret has at least 32 characters). */
export function secretFingerprint(secret: string): string {
  return createHash('sha256')
    .update(`okence session secret fingerprint\0${secret}`)
    .digest('hex')
    .slice(0, 16);
}

/** Why an archive with this manifest cannot be restored by this code; null when it can. */
export function restoreRefusal(m: Manifest, knownSchemaVersion: number): string | null {
  if (m.formatVersion > FORMAT_VERSION) {
    return `the backup is in format ${m.formatVersion}, this Okence reads up to ${FORMAT_VERSION}: restore it with the Okence that made it, or a newer one`;
  }
  if (m.schemaVersion > knownSchemaVersion) {
    return `the backup's database is at migration ${m.schemaVersion}, this Okence knows up to ${knownSchemaVersion}: restore it with the Okence version that made it, or a newer one`;
  }
  return null;
}

// A name below a folder: booking ids and stored names are UUIDs, but any plain name is safe.
const NAME = '[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}';
// A meeting folder's area (`<booking>`) or a form's (`forms/<draft or submission>`, decision 039).
const FILE_PATH = new RegExp(`^${FILES}/(forms/)?${NAME}/(quarantine/)?${NAME}$`);

const DATABASE_PATH = new RegExp(`^${DATABASE}(/${NAME})+$`);
const DATABASE_DIR = new RegExp(`^${DATABASE}(/${NAME})*/?$`);

export type EntryKind = 'manifest' | 'database' | 'directory' | 'secret' | 'file' | 'checksums';

/**
 * What an archive entry is, or null for one a backup never holds. Database entries go only
 * below `pg/`, files only to `files/[forms/]<folder>/[quarantine/]<name>`: no absolute paths, no `..`,
 * no hidden names, so an archive cannot write outside the directories restore fills.
 */
export function entryKind(path: string, type: 'file' | 'directory' = 'file'): EntryKind | null {
  if (type === 'directory') return DATABASE_DIR.test(path) ? 'directory' : null;
  if (path === MANIFEST) return 'manifest';
  if (path === SECRET) return 'secret';
  if (path === CHECKSUMS) return 'checksums';
  if (DATABASE_PATH.test(path)) return 'database';
  return FILE_PATH.test(path) && !path.endsWith('.part') ? 'file' : null;
}

/**
 * Whether an entry may come next, given the kinds already read: the manifest first, the
 * secret once, the sums last. A reason when not.
 */
export function orderRefusal(seen: ReadonlySet<EntryKind>, next: EntryKind): string | null {
  if (seen.size === 0)
    return next === 'manifest'
      ? null
      : 'the archive does not begin with manifest.json: not an Okence backup';
  if (seen.has('checksums')) return `${next} after ${CHECKSUMS}, which must be last`;
  if (next === 'manifest' || (next === 'secret' && seen.has(next))) return `a second ${next} entry`;
  return null;
}

/** The sums file: one `<sha256>  <path>` line per entry, as `sha256sum` writes and checks it. */
export function formatChecksums(sums: ReadonlyMap<string, string>): string {
  return [...sums].map(([path, sum]) => `${sum}  ${path}\n`).join('');
}

export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m)
      throw new Error(`${CHECKSUMS}: a line is not "<sha256>  <path>": ${line.slice(0, 100)}`);
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/**
 * Compares the sums computed while reading with the listed ones: every entry listed, every
 * listed entry present, every sum equal. Returns the problems, none when the archive is whole.
 */
export function checksumProblems(
  computed: ReadonlyMap<string, string>,
  listed: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  for (const [path, sum] of computed) {
    const want = listed.get(path);
    if (want === undefined) problems.push(`${path}: not listed in ${CHECKSUMS}`);
    else if (want !== sum) problems.push(`${path}: checksum mismatch (damaged)`);
  }
  for (const path of listed.keys())
    if (!computed.has(path)) problems.push(`${path}: listed in ${CHECKSUMS} but missing`);
  if (!computed.has(DATABASE_MARK))
    problems.push(`${DATABASE_MARK}: missing (no database in the archive)`);
  return problems;
}

/** The file name `npm run backup -- <directory>` writes in that directory. */
export function backupFileName(at: Date): string {
  return `okence-backup-${at
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z')}.tar.gz`;
}

// `npm run backup -- <file or directory>`: a consistent copy of DATA_DIR (the embedded database,
// the meeting folders' files, the session secret) in one .tar.gz, taken while Okence runs
// (decision 024). The running server makes it when it holds DATA_DIR; otherwise this command
// opens DATA_DIR itself. With DATABASE_URL it says what to back up instead.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { configFromEnvOrExit, type Config } from '../src/config/config.ts';
import { openDatabase } from '../src/db/db.ts';
import { DataDirLockedError } from '../src/db/lock.ts';
import { readMigrations } from '../src/db/migrate.ts';
import { backupArchive } from '../src/backup/archive.ts';
import { backupFileName, SECRET } from '../src/backup/domain.ts';
import { BackupError, readBackup } from '../src/backup/restore.ts';
import { requestBackup } from '../src/backup/socket.ts';

// The database compresses 7:1 at level 1 already (8:1 at the default 6, in twice the time);
// meeting files (PDF, JPEG) hardly compress at any level.
const GZIP_LEVEL = 1;

const config = configFromEnvOrExit();

if (config.databaseUrl) {
  console.error(`Okence uses PostgreSQL here (DATABASE_URL is set); npm run backup copies only the embedded database.
Back up these three instead, in this order:
  1. The database:   pg_dump --format=custom --file=okence.dump "$DATABASE_URL"
                     (restore into an empty database: pg_restore --no-owner --dbname=<url> okence.dump)
  2. The files:      ${config.files.dir}  (FILES_DIR, default DATA_DIR/files), e.g. tar or rsync,
                     after the dump, so that every file the dump names is there.
  3. The secret:     SESSION_SECRET, or DATA_DIR/session-secret when it is not set: links in
                     e-mails already sent are signed with it.`);
  process.exit(2);
}

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- <file.tar.gz | directory>');
  process.exit(2);
}
const started = performance.now();
const file =
  existsSync(target) && statSync(target).isDirectory()
    ? join(target, backupFileName(new Date()))
    : target;
if (existsSync(file)) {
  console.error(`${file} exists already: give a new file name or a directory.`);
  process.exit(1);
}
const partial = `${file}.partial`;

try {
  const how = await write(config, partial);
  const { manifest, files, bytes } = await readBackup(partial, {
    knownSchemaVersion: readMigrations().length,
  });
  await rename(partial, file);
  const size = statSync(file).size;
  console.log(
    `Backup written to ${file} (${how}): database at migration ${manifest.schemaVersion}, ${files} files; ${mb(bytes)} MB read, ${mb(size)} MB written, checked, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (manifest.sessionSecret === 'environment')
    console.log(
      'The server takes its secret from SESSION_SECRET: keep it with the backup (separately); restore needs it.',
    );
} catch (err) {
  await rm(partial, { force: true });
  if (!(err instanceof BackupError || err instanceof DataDirLockedError)) throw err;
  console.error(`Backup failed: ${err.message}`);
  process.exit(1);
}

/** Writes the archive to `path`: from the running server, or from DATA_DIR opened here. */
async function write(c: Config, path: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const fromServer = await requestBackup(c.dataDir);
    if (fromServer !== 'no_server') {
      await save(fromServer, path);
      return 'from the running server';
    }
    if (!existsSync(join(c.dataDir, 'pg')))
      throw new BackupError(`there is no embedded database in ${c.dataDir} (DATA_DIR)`);
    let handle;
    try {
      handle = await openDatabase({ dataDir: c.dataDir });
    } catch (err) {
      // A server started between our question and our lock: ask it.
      if (err instanceof DataDirLockedError) continue;
      throw err;
    }
    try {
      const secret =
        c.sessionSecret ??
        (await readFile(join(c.dataDir, SECRET), 'utf8').catch(() => null))?.trim() ??
        null;
      const snapshot = handle.snapshot!.bind(handle);
      // Nothing else runs on DATA_DIR while we hold it: no deletions to hold.
      const source = {
        dataDir: c.dataDir,
        filesDir: c.files.dir,
        snapshot,
        holdDeletions: async () => () => {},
        sessionSecret: { value: secret, fromEnvironment: c.sessionSecret !== undefined },
      };
      await save(Readable.from(backupArchive(source, () => new Date())), path);
      return 'no server was running: DATA_DIR opened by this command';
    } finally {
      await handle.close();
    }
  }
  throw new BackupError('DATA_DIR kept changing hands between servers starting and stopping');
}

async function save(tar: Readable, path: string): Promise<void> {
  try {
    await pipeline(
      tar,
      createGzip({ level: GZIP_LEVEL }),
      createWriteStream(path, { flags: 'wx', mode: 0o600 }),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new BackupError(`${path} exists already`);
    if ((err as NodeJS.ErrnoException).syscall) throw err;
    throw new BackupError(
      `the server broke off the backup (${(err as Error).message}); see its log`,
      { cause: err },
    );
  }
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

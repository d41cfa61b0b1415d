// `npm run restore -- <backup.tar.gz>`: brings a backup made by `npm run backup` back into an
// empty DATA_DIR (and FILES_DIR), after checking every entry; refuses while Okence runs on it.
import { configFromEnvOrExit } from '../src/config/config.ts';
import { DataDirLockedError } from '../src/db/lock.ts';
import { readMigrations } from '../src/db/migrate.ts';
import { BackupError, restoreBackup } from '../src/backup/restore.ts';

const config = configFromEnvOrExit();
if (config.databaseUrl) {
  console.error(`DATABASE_URL is set: npm run restore restores only the embedded database. For PostgreSQL restore
the pg_dump into an empty database (pg_restore --no-owner --dbname=<url> okence.dump), the files into
${config.files.dir} (FILES_DIR), and set the same SESSION_SECRET; then start Okence.`);
  process.exit(2);
}
const archive = process.argv[2];
if (!archive) {
  console.error('Usage: npm run restore -- <backup.tar.gz>   (into DATA_DIR, which must be empty)');
  process.exit(2);
}
const started = performance.now();
try {
  const r = await restoreBackup({
    archive,
    dataDir: config.dataDir,
    filesDir: config.files.dir,
    knownSchemaVersion: readMigrations().length,
    sessionSecret: config.sessionSecret,
  });
  console.log(
    `Restored the backup of ${r.manifest.createdAt} into ${config.dataDir}: database at migration ${r.manifest.schemaVersion}, ${r.files} files, every checksum right, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  for (const w of r.warnings) console.log(`Warning: ${w}`);
  console.log(
    'Start Okence on this DATA_DIR (npm start); migrations newer than the backup run at start.',
  );
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(`Restore refused: ${err.message}`);
    process.exit(1);
  }
  if (!(err instanceof BackupError)) throw err;
  console.error(`Restore refused: ${err.message}`);
  process.exit(1);
}

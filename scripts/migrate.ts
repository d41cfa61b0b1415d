// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { configFromEnvOrExit } from '../src/config/config.ts';
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';

const config = configFromEnvOrExit();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(handle.db);
  console.log(
    applied.length
      ? `Applied ${applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')}`
      : 'Nothing to apply: the database is up to date.',
  );
} finally {
  await handle.close();
}

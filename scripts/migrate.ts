// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { parseConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const line of parsed.errors) console.error(`Configuration error: ${line}`);
  process.exit(1);
}
const handle = await openDatabase({ databaseUrl: parsed.config.databaseUrl, dataDir: parsed.config.dataDir });
try {
  const applied = await migrate(handle.db);
  console.log(applied.length ? `Applied ${applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')}` : 'Nothing to apply: the database is up to date.');
} finally {
  await handle.close();
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './db.ts';
import { migrate } from './migrate.ts';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as CI does). */
export const DB_KINDS: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new
 * PostgreSQL database created beside DATABASE_URL's and dropped afterwards, so
 * runs never see each other's rows.
 */
export async function openTestDatabase(kind: DbKind): Promise<DatabaseHandle & { url?: string }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrate(handle.db);
    return handle;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const fresh = await createFreshDatabase(adminUrl, 'okence_test');
  const handle = await openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' });
  await migrate(handle.db);
  return {
    ...handle,
    url: fresh.url,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/** Creates an empty database on the server of `adminUrl`; `drop` removes it, closing any connection left. */
export async function createFreshDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

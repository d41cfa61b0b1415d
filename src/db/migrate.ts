import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'migrations');

/** Advisory lock key that serialises schema changes and first-start seeding across instances. */
export const MIGRATION_LOCK = 8020110;

export type Migration = { version: number; name: string; sql: string };

/** Reads `NNN_name.sql` files in order; a gap or a duplicate number is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${file}`);
    const version = Number(match[1]);
    if (version !== index + 1)
      throw new Error(`Migrations must be numbered 001, 002, … without gaps: ${file}`);
    return { version, name: match[2] ?? '', sql: readFileSync(join(dir, file), 'utf8') };
  });
}

/**
 * Applies pending migrations, each in its own transaction. Forward only: a
 * migration is never edited once applied. An advisory lock serialises instances
 * that start at the same moment against one PostgreSQL.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<Migration[]> {
  // Under the same lock: two instances creating the table at once would collide.
  await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
      tx,
    );
  });
  const applied: Migration[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
      const row = await tx
        .selectFrom('schema_migration')
        .select('version')
        .where('version', '=', m.version)
        .executeTakeFirst();
      if (row) return false;
      await sql.raw(m.sql).execute(tx);
      await tx
        .insertInto('schema_migration')
        .values({ version: m.version, name: m.name })
        .execute();
      return true;
    });
    if (done) applied.push(m);
  }
  return applied;
}

/** Number of migrations in migrations/ not yet applied to this database. */
export async function pendingMigrationCount(
  db: Db,
  migrations = readMigrations(),
): Promise<number> {
  const row = await db
    .selectFrom('schema_migration')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  const latest = Number(row?.v ?? 0);
  return migrations.filter((m) => m.version > latest).length;
}

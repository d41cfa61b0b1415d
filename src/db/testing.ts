import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './db.ts';
import { migrate } from './migrate.ts';

export type DbKind = 'pglite' | 'postgres';

/**
 * The databases a database test runs on: PostgreSQL when DATABASE_URL is set (as CI does), else
 * the embedded PGlite; `TEST_DATABASES=pglite,postgres` runs both, for a change to how Okence
 * talks to either (src/db/db.ts). One each, not both, since the suite outgrew its 15 minutes:
 * the same tests on PGlite cost some 600 CPU-seconds in CI, and the embedded database is run
 * end to end by every browser test (decision 057).
 */
export const DB_KINDS: DbKind[] = testDatabases(process.env);

/**
 * PGlite always, and PostgreSQL too when DATABASE_URL is set: for the tests whose point is the
 * embedded database as much as the server (a crash loses no acknowledged record).
 */
export const ALL_DB_KINDS: DbKind[] = process.env.DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** `TEST_DATABASES`, else PostgreSQL with DATABASE_URL, else PGlite. */
export function testDatabases(env: Record<string, string | undefined>): DbKind[] {
  const named = env.TEST_DATABASES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!named?.length) return env.DATABASE_URL ? ['postgres'] : ['pglite'];
  const kinds = [...new Set(named)];
  for (const kind of kinds) {
    if (kind !== 'pglite' && kind !== 'postgres')
      throw new Error(`TEST_DATABASES: "${kind}" is neither pglite nor postgres`);
    if (kind === 'postgres' && !env.DATABASE_URL)
      throw new Error('TEST_DATABASES names postgres, but DATABASE_URL is not set');
  }
  return kinds as DbKind[];
}

/**
 * A fresh DATA_DIR whose embedded database is made and migrated, as a first start leaves it,
 * for tests that start Okence on a DATA_DIR for another reason than the first start itself
 * (crashes, backups, several processes). A first start runs initdb, 5–6 CPU-seconds on this
 * machine; this copies the migrated image in. e2e/process.test.ts keeps a real first start.
 */
export async function seededDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const handle = await openDatabase({ dataDir: dir, template: await migratedTemplate() });
  await handle.close();
  return dir;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new
 * PostgreSQL database created beside DATABASE_URL's and dropped afterwards, so
 * runs never see each other's rows.
 */
export async function openTestDatabase(kind: DbKind): Promise<DatabaseHandle & { url?: string }> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://', template: await migratedTemplate() });
    await migrate(handle.db); // applies nothing unless the template is older than migrations/
    return handle;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const fresh = await createFreshDatabase(
    adminUrl,
    'okence_test',
    await postgresTemplate(adminUrl),
  );
  const handle = await openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' });
  await migrate(handle.db); // applies nothing unless the template is older than migrations/
  return {
    ...handle,
    url: fresh.url,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/**
 * Creates a database on the server of `adminUrl`, empty or a copy of `template`; `drop` removes
 * it, closing any connection left.
 */
export async function createFreshDatabase(
  adminUrl: string,
  prefix: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    await onServer(adminUrl, (client) => client.query(statement));
  };
  await run(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** One statement or a few on a connection of its own to `adminUrl`'s server. */
async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The name of a migrated PostgreSQL database that each test database is created from, made
 * once per server under a name that hashes the migrations (as the PGlite image below). Copying
 * it costs the server a fraction of applying the forty-odd migrations to every test file's
 * database (0.55 CPU-seconds of PostgreSQL each, for some 150 databases a run). Made under an
 * advisory lock, so parallel test files wait for one to make it; nothing connects to it after,
 * which CREATE DATABASE … TEMPLATE needs. Templates of older migrations are dropped then.
 */
async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `okence_template_${templateKey()}`;
  const exists = async (client: pg.Client) =>
    (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (await onServer(adminUrl, exists)) return name;
  return onServer(adminUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext('okence test template'))");
    try {
      if (await exists(client)) return name;
      const partial = `${name}_part`;
      await client.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${partial}`);
      const url = new URL(adminUrl);
      url.pathname = `/${partial}`;
      const handle = await openDatabase({ databaseUrl: url.href, dataDir: 'unused' });
      try {
        await migrate(handle.db);
      } finally {
        await handle.close();
      }
      // A closed pool's server processes end a moment after: RENAME (and later TEMPLATE)
      // refuses a database that still has one.
      for (let i = 0; ; i++) {
        const left = await client.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [
          partial,
        ]);
        if (left.rowCount === 0) break;
        if (i === 200) throw new Error(`${partial}: its connections did not end`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await client.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
      const old = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'okence\\_template\\_%' AND datname <> $1",
        [name],
      );
      for (const { datname } of old.rows)
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      return name;
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('okence test template'))");
    }
  });
}

const MIGRATIONS = new URL('../../migrations/', import.meta.url);
const DB_SOURCE = new URL('./db.ts', import.meta.url);
const PGLITE_PACKAGE = new URL(
  '../../node_modules/@electric-sql/pglite/package.json',
  import.meta.url,
);

/**
 * A freshly migrated PGlite cluster as a tar image, made once per machine and kept in the
 * temporary directory under a name that hashes everything it was made from (the migrations,
 * how db.ts opens PGlite, PGlite's version). An empty in-memory PGlite runs initdb, which costs
 * 3–5 s of CPU on this 2-core machine; loading the image costs under one, and the suite opens
 * some fifty databases. The database is the same real PGlite either way.
 */
async function migratedTemplate(): Promise<Blob> {
  const key = templateKey();
  const file = join(tmpdir(), `okence-test-pglite-${key}.tar`);
  try {
    return new FileImage(await readFile(file));
  } catch {
    // Not made yet on this machine (or being made by a parallel test file: both make it,
    // and the rename below lets one whole image win).
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  let image: Blob;
  try {
    await migrate(handle.db);
    image = await handle.dumpDataDir!();
  } finally {
    await handle.close();
  }
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, file);
  await removeStaleTemplates(file);
  return image;
}

/** A hash of what a migrated database is made from: the migrations, db.ts, PGlite's version. */
function templateKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) {
    hash.update(name).update(readFileSync(new URL(name, MIGRATIONS)));
  }
  hash.update(readFileSync(DB_SOURCE)).update(readFileSync(PGLITE_PACKAGE));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The image read from its file, as PGlite reads it: by `arrayBuffer()` alone, which hands back
 * the file's bytes themselves. Node's own Blob copies the bytes in and gives them back in chunks
 * copied together again: 0.75 s of CPU for the 45 MB image, in each of the suite's some hundred
 * PGlite databases. (Its other readers would find it empty.)
 */
class FileImage extends Blob {
  override readonly size: number;
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    super([]);
    this.#bytes = bytes;
    this.size = bytes.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
    return Promise.resolve(whole ? (b.buffer as ArrayBuffer) : new Uint8Array(b).slice().buffer);
  }
}

/** Images made from older migrations, and parts left by a killed run, once a day old. */
async function removeStaleTemplates(current: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3_600_000;
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('okence-test-pglite-') || path === current) continue;
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < dayAgo) await rm(path, { force: true });
  }
}

import { constants, existsSync, type Dirent } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';
import { releaseMemory } from '../lib/memory.ts';

export type Db = Kysely<Database>;

/** An open database: PGlite embedded in this process, or a PostgreSQL server. */
export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Subscribes to a LISTEN/NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Holds the advisory lock (classId, key) for as long as this handle is open, which is
   * as long as this process lives: the server frees it when the connection dies. False
   * when someone else holds it.
   */
  holdLock(classId: number, key: number): Promise<boolean>;
  /** Whether some live process holds the advisory lock (classId, key). */
  lockHeld(classId: number, key: number): Promise<boolean>;
  /**
   * After personal data in these tables was overwritten or deleted: makes the old row
   * versions unreadable from the database's files as far as the engine can without stopping
   * the service (decision 018). PGlite: rewrites the tables and their indexes and retires the
   * WAL that still holds the old values. PostgreSQL: a plain VACUUM; the rest is the operator's.
   */
  reclaim(tables: readonly (keyof Database)[]): Promise<void>;
  /**
   * PGlite on disk only: copies `DATA_DIR/pg` into the new directory `into` (on the same file
   * system: copy-on-write where it has it) under PGlite's query lock, so no statement writes
   * meanwhile and the copy is the image a crash at that moment would leave. Before, it takes
   * the pool's one connection, so no transaction is half done in it, and runs `read` on it,
   * which so sees exactly the data of the copy (decision 024).
   */
  snapshot?<T>(into: string, read: (db: Db) => Promise<T>): Promise<T>;
  /** PGlite on disk only: the DATA_DIR lock, whose socket the backup request comes to. */
  lock?: Pick<DataDirLock, 'answer'>;
  /** PGlite in memory only: the whole data directory as a tar, which `template` opens again. */
  dumpDataDir?(): Promise<Blob>;
  /** The connection pool now: connections open, idle, and queries waiting for one (decision 056). */
  poolUse(): PoolUse;
  close(): Promise<void>;
};

/** The connection pool's use, read from the pool's own counters (no query). */
export type PoolUse = { total: number; idle: number; waiting: number };

function poolUse(pool: pg.Pool): PoolUse {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

// timestamptz comes back as Date (pg's default); bigint (int8) as string to stay exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
// A date column is a calendar day, not an instant: keep 'YYYY-MM-DD' rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite in `<dataDir>/pg`
 * (or in memory for `memory://`), behind a lock so no second process opens it.
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  onError?: (err: Error, where: string) => void;
  /** PGlite in memory only: start from this `dumpDataDir` image instead of an empty cluster. */
  template?: Blob;
}): Promise<DatabaseHandle> {
  const onError =
    opts.onError ??
    ((err, where) =>
      console.error(JSON.stringify({ level: 40, msg: `database: ${where}: ${err.message}` })));
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, onError);
  return openPglite(opts.dataDir, opts.template);
}

async function openPostgres(
  url: string,
  onError: (err: Error, where: string) => void,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  // An idle pooled connection that the server drops (restart, failover) must not
  // crash the process: the pool replaces it on next use.
  pool.on('error', (err) => onError(err, 'idle pool connection'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let listener: Promise<pg.Client> | undefined;
  let closed = false;

  /** One dedicated connection carries every LISTEN of this process; it reconnects when lost. */
  function connectListener(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('notification', (msg) => {
        for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
      });
      client.on('error', (err) => {
        onError(err, 'LISTEN connection');
        listener = undefined;
        if (closed) return;
        // Notifications sent while disconnected are lost: tell every handler
        // something may have changed, then listen again.
        setTimeout(() => {
          if (closed) return;
          connectListener().then(
            () => handlers.forEach((set) => set.forEach((h) => h(''))),
            (e: Error) => onError(e, 'LISTEN reconnect'),
          );
        }, 1000).unref();
      });
      await client.connect();
      for (const channel of handlers.keys())
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return client;
    })();
    listener.catch(() => {
      listener = undefined;
    });
    return listener;
  }

  // Session-level locks live on a connection of their own, never returned to the pool.
  let lockClient: Promise<pg.Client> | undefined;
  const lockConnection = () =>
    (lockClient ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      // Losing it frees our locks; others then take us for dead, which is what we would be
      // to them. At-least-once delivery covers the overlap.
      client.on('error', (err) => onError(err, 'advisory lock connection'));
      await client.connect();
      return client;
    })());

  return {
    db,
    kind: 'postgres',
    poolUse: () => poolUse(pool),
    async holdLock(classId, key) {
      const client = await lockConnection();
      const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        classId,
        key,
      ]);
      return r.rows[0]?.ok === true;
    },
    async lockHeld(classId, key) {
      // A transaction-level try: taken and given back at once when no one holds it.
      return db.transaction().execute(async (tx) => {
        const r = await sql<{
          ok: boolean;
        }>`SELECT pg_try_advisory_xact_lock(${classId}, ${key}) AS ok`.execute(tx);
        return r.rows[0]?.ok !== true;
      });
    },
    async reclaim(tables) {
      // VACUUM FULL would lock each table against every request while it is rewritten.
      for (const table of tables) await sql`VACUUM ${sql.table(table)}`.execute(db);
    },
    async listen(channel, onPayload) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const client = await connectListener();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      const client = await listener?.catch(() => undefined);
      await client?.end();
      await (await lockClient?.catch(() => undefined))?.end();
      await db.destroy();
    },
  };
}

/**
 * PGlite's settings for Okence's memory budget (issue 15, decision 028). Durability is PGlite's
 * default and stays so (no `relaxedDurability`).
 */
const PGLITE_START_PARAMS: readonly string[] = [
  // Every buffer is touched when PGlite starts, so shared_buffers is resident from the first
  // second (PGlite's default, 128 MB, is 128 MB of RSS). An office's database is tens of MB
  // and a page not in the buffers is read from the operating system's cache.
  '-c',
  'shared_buffers=16MB',
];

/**
 * V8 recompiles hot WebAssembly functions with its optimising compiler. For PostgreSQL's
 * parser (raw_parser: 105 KB of wasm, the whole grammar inlined) that takes 600 MB of
 * compiler memory and 8 s of CPU, seconds after every start; its baseline code runs our
 * queries as fast (decision 028 has the figures). Read when a module is compiled, so it must
 * be set before the first PGlite is created; this process has no other WebAssembly of its own.
 */
function baselineWasmOnly(): void {
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
}

// btree_gist must be loaded on every open, not only when created, or writes to tables with
// exclusion constraints fail. PGlite is imported here, on the first open: a process on
// PostgreSQL never loads it (about 10 MB of RSS, decision 028).
const createPglite = async (path: string, template?: Blob): Promise<PGlite> => {
  baselineWasmOnly();
  const [{ PGlite }, { btree_gist }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
  ]);
  // initdb runs when there is neither a database there nor a template to load.
  const initdb =
    !template && (path.startsWith('memory://') || !existsSync(join(path, 'PG_VERSION')));
  const lite = await PGlite.create(path, {
    extensions: { btree_gist },
    startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS],
    ...(template ? { loadDataDir: template } : {}),
  });
  // initdb ran in a second PGlite and WebAssembly program: ~300 MB of garbage, given back now.
  if (initdb) releaseMemory();
  return lite;
};

/**
 * Opens the embedded database copied into `pgDir` by a backup (restore's check), which recovers
 * as after a crash, and returns its schema version. The caller holds the DATA_DIR lock.
 */
export async function schemaVersionAt(pgDir: string): Promise<number> {
  const lite = await createPglite(pgDir);
  try {
    const r = await lite.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migration',
    );
    return Number(r.rows[0]?.v ?? 0);
  } finally {
    await lite.close();
  }
}

/** Copies a directory tree, eight files at a time (fs.cp goes one by one, 3–4 times slower). */
async function copyTree(src: string, dst: string): Promise<void> {
  const entries = await readdir(src, { withFileTypes: true, recursive: true });
  const rel = (e: Dirent) => relative(src, join(e.parentPath, e.name));
  await mkdir(dst, { mode: 0o700 });
  for (const d of entries
    .filter((e) => e.isDirectory())
    .map(rel)
    .sort())
    await mkdir(join(dst, d), { mode: 0o700 });
  const files = entries.filter((e) => e.isFile()).map(rel);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < files.length) {
        const f = files[next++]!;
        await copyFile(join(src, f), join(dst, f), constants.COPYFILE_FICLONE);
      }
    }),
  );
}

async function openPglite(dataDir: string, template?: Blob): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const lock = inMemory ? null : await lockDataDir(dataDir);
  const release = async () => lock?.release();
  try {
    const lite = await createPglite(inMemory ? dataDir : join(dataDir, 'pg'), template);
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const pool = new pg.Pool(createPgConfig(lite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    // PGlite is this process's alone (the DATA_DIR lock): its live lock holders are the
    // ones this handle knows, and every other is a process that has died.
    const held = new Set<string>();
    const snapshot = async <T>(into: string, read: (db: Db) => Promise<T>): Promise<T> =>
      // The pool has one connection (createPgConfig): holding it keeps every query and
      // transaction of this process out until the copy is taken.
      db.connection().execute(async (conn) => {
        const result = await read(conn);
        // Every statement, LISTEN included, runs under this lock: nothing writes pg/ meanwhile.
        await lite._runExclusiveQuery(() => copyTree(join(dataDir, 'pg'), into));
        return result;
      });
    return {
      db,
      kind: 'pglite',
      poolUse: () => poolUse(pool),
      ...(lock ? { lock, snapshot } : {}),
      ...(inMemory ? { dumpDataDir: () => lite.dumpDataDir('none') } : {}),
      async holdLock(classId, key) {
        const name = `${classId}:${key}`;
        if (held.has(name)) return false;
        held.add(name);
        return true;
      },
      async lockHeld(classId, key) {
        return held.has(`${classId}:${key}`);
      },
      async reclaim(tables) {
        // A plain VACUUM leaves old values in index pages; a rewrite of a small table takes
        // milliseconds, and PGlite serves one query at a time anyway.
        for (const table of tables) await sql`VACUUM FULL ${sql.table(table)}`.execute(db);
        // The WAL still holds the values as written. A new segment, then a checkpoint, makes
        // the old segments unneeded; without recycling they are deleted, not renamed for reuse
        // with their contents intact.
        await sql`SET wal_recycle = off`.execute(db);
        try {
          await sql`SELECT pg_switch_wal()`.execute(db);
          await sql`CHECKPOINT`.execute(db);
        } finally {
          await sql`RESET wal_recycle`.execute(db);
        }
      },
      async listen(channel, onPayload) {
        return lite.listen(channel, onPayload);
      },
      async close() {
        await db.destroy();
        await lite.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

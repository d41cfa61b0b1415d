import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';
import { lockDataDir } from './lock.ts';

export type Db = Kysely<Database>;

/** An open database: PGlite embedded in this process, or a PostgreSQL server. */
export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Subscribes to a LISTEN/NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

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
}): Promise<DatabaseHandle> {
  const onError = opts.onError ?? ((err, where) => console.error(JSON.stringify({ level: 40, msg: `database: ${where}: ${err.message}` })));
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, onError);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string, onError: (err: Error, where: string) => void): Promise<DatabaseHandle> {
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
      for (const channel of handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return client;
    })();
    listener.catch(() => {
      listener = undefined;
    });
    return listener;
  }

  return {
    db,
    kind: 'postgres',
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
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? async () => {} : await lockDataDir(dataDir);
  try {
    // btree_gist must be loaded on every open, not only when created, or writes to
    // tables with exclusion constraints fail.
    const lite = await PGlite.create(inMemory ? dataDir : join(dataDir, 'pg'), { extensions: { btree_gist } });
    const pool = new pg.Pool(createPgConfig(lite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
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

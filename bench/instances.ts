// Requests per second of a citizen page through nginx (docs/examples/nginx/okence.conf, TLS)
// across two Okence instances on one PostgreSQL against the same nginx with one instance, in one
// run; and what counting rate limits in the database costs against the plugin's memory store,
// on PostgreSQL and on PGlite (decision 055). Alone: `node bench/instances.ts` (DATABASE_URL set);
// also the last part of `npm run bench`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createFreshDatabase } from '../src/db/testing.ts';
import { freePort } from '../e2e/net.ts';
import { selfSignedCert, startNginx } from '../e2e/proxies.ts';
import { startBenchOkence, stop, type Server } from './process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PAGE = '/o/ue-domzale';

/** Requests per second and p99 of GET `url` under CONNECTIONS connections; non-2xx fails the run. */
async function load(url: string, seconds = SECONDS) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: Math.round(r.requests.average), p99: r.latency.p99 };
}

function okence(env: Record<string, string>): Promise<Server> {
  return startBenchOkence({
    SESSION_SECRET: 'b'.repeat(40),
    TRUST_PROXY: 'loopback',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-instances-')),
    ...env,
  });
}

/** Two instances behind nginx against one (the same nginx reloaded with the other `down`). */
async function proxied(databaseUrl: string) {
  const a = await okence({ DATABASE_URL: databaseUrl });
  const b = await okence({ DATABASE_URL: databaseUrl });
  const dir = mkdtempSync(join(tmpdir(), 'okence-bench-nginx-'));
  await selfSignedCert(dir);
  const nginx = await startNginx(dir, await freePort(), await freePort(), {
    a: a.port,
    b: b.port,
    up: ['a', 'b'],
  });
  try {
    const url = `${nginx.base}${PAGE}`;
    await load(url, 3);
    const two = await load(url);
    await nginx.reload({ a: a.port, b: b.port, up: ['a'] });
    await load(url, 2);
    const one = await load(url);
    const direct = await load(`http://127.0.0.1:${a.port}${PAGE}`);
    return { two, one, direct };
  } finally {
    await nginx.stop();
    await stop(a);
    await stop(b);
  }
}

/** One instance, direct: the rate limit counted in the database, then in memory. */
async function storeCost(label: string, env: Record<string, string>) {
  const row: Record<string, string | number> = { database: label };
  for (const store of ['database', 'memory']) {
    const server = await okence({ ...env, RATE_LIMIT_STORE: store });
    try {
      await load(`http://127.0.0.1:${server.port}${PAGE}`, 2);
      const r = await load(`http://127.0.0.1:${server.port}${PAGE}`);
      row[`${store} store req/s`] = r.rps;
      row[`${store} p99 ms`] = r.p99;
    } finally {
      await stop(server);
    }
  }
  row['database/memory'] = Number(
    (Number(row['database store req/s']) / Number(row['memory store req/s'])).toFixed(2),
  );
  return row;
}

/** Measures and prints both tables; several instances need PostgreSQL (`databaseUrl`). */
export async function printInstanceFigures(databaseUrl: string | undefined): Promise<void> {
  if (!databaseUrl) {
    console.log('DATABASE_URL is not set: several instances need PostgreSQL; nothing measured.');
  } else {
    const db = await createFreshDatabase(databaseUrl, 'okence_bench');
    try {
      const p = await proxied(db.url);
      console.log(
        `\n${PAGE} through nginx (TLS), ${CONNECTIONS} connections, ${SECONDS} s each, one run on one machine:`,
      );
      console.table([
        { setup: 'nginx → 2 instances', 'req/s': p.two.rps, 'p99 ms': p.two.p99 },
        { setup: 'nginx → 1 instance', 'req/s': p.one.rps, 'p99 ms': p.one.p99 },
        { setup: '1 instance, no proxy', 'req/s': p.direct.rps, 'p99 ms': p.direct.p99 },
      ]);
      console.log(`Two instances / one: ${(p.two.rps / p.one.rps).toFixed(2)}`);
      const costs = [await storeCost('PostgreSQL', { DATABASE_URL: db.url })];
      costs.push(await storeCost('PGlite', { DATABASE_URL: '' }));
      console.log(
        '\nThe rate limit counted in the database against the memory store, one instance:',
      );
      console.table(costs);
    } finally {
      await db.drop();
    }
  }
}

if (import.meta.main) await printInstanceFigures(process.env.DATABASE_URL);

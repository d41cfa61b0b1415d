// `node bench/metrics.ts`: what counting every request for /metrics costs (decision 056). Two
// Okence processes on PGlite, one without METRICS_TOKEN (no hook) and one with it, loaded in
// turns (off, on, off, on, …) so that the machine's other load falls on both alike: the
// cheapest route (/healthz, where the hook's share is largest) and the cached service page.
// Then the time one scrape takes with every route of the run counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashPassword } from '../src/identity/password.ts';
import { loadDemoData } from '../src/tenants/demo-data.ts';
import { start, stop, START_SCRIPT, type Server } from './process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOKEN = 'bench-metrics-token-0123456789abcdef-0123';
const PATHS = ['/healthz', '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc'];

async function seededDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-bench-metrics-'));
  const handle = await openDatabase({ dataDir });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
  } finally {
    await handle.close();
  }
  return dataDir;
}

async function okence(env: Record<string, string>): Promise<Server> {
  return start(
    START_SCRIPT,
    {
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      NODE_ENV: 'development',
      DATA_DIR: await seededDataDir(),
      ...env,
    },
    /open http:\/\/localhost:(\d+)/,
  );
}

async function rps(server: Server, path: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${path}`,
    connections: 20,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: non-2xx or errors`);
  return result.requests.average;
}

const off = await okence({});
const on = await okence({ METRICS_TOKEN: TOKEN });
try {
  const rows = [];
  for (const path of PATHS) {
    // Warm up both (JIT, page cache).
    await rps(off, path, 2);
    await rps(on, path, 2);
    let sumOff = 0;
    let sumOn = 0;
    for (let i = 0; i < ROUNDS; i++) {
      sumOff += await rps(off, path, SECONDS);
      sumOn += await rps(on, path, SECONDS);
    }
    rows.push({
      path,
      'without metrics req/s': Math.round(sumOff / ROUNDS),
      'with metrics req/s': Math.round(sumOn / ROUNDS),
      'ratio with/without': Number((sumOn / sumOff).toFixed(3)),
    });
  }
  console.table(rows);
  const headers = { authorization: `Bearer ${TOKEN}` };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${on.port}/metrics`, { headers });
    bytes = (await res.text()).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `one scrape: median ${times[10]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, ${bytes} bytes`,
  );
} finally {
  await stop(off);
  await stop(on);
}

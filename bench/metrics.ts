// `node bench/metrics.ts`: what counting every request for /metrics costs (decision 056). Two
// Okence processes on PGlite, one without METRICS_TOKEN (no hook) and one with it, loaded in
// turns (off, on, off, on, …) so that the machine's other load falls on both alike: the
// cheapest route (/healthz, where the hook's share is largest) and the cached service page.
// Then the time one scrape takes with every route of the run counted.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { requestMetrics } from '../src/http/metrics.ts';
import { startBenchOkence, stop, type Server } from './process.ts';
import { demoDataDir } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOKEN = 'bench-metrics-token-0123456789abcdef-0123';
const PATHS = ['/healthz', '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc'];

async function okence(env: Record<string, string>): Promise<Server> {
  return startBenchOkence({
    DATA_DIR: await demoDataDir('okence-bench-metrics-'),
    ...env,
  });
}

/** The server process's CPU time (user and system) in seconds, from /proc. */
function cpuSeconds(server: Server): number {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Requests per second, and the server's CPU per request in microseconds: on a machine that
 * others load too, the CPU a request costs varies less than the requests a second.
 */
async function load(server: Server, path: string, seconds: number) {
  const cpu = cpuSeconds(server);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${path}`,
    connections: 20,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: non-2xx or errors`);
  return {
    rps: result.requests.average,
    cpuUs: ((cpuSeconds(server) - cpu) * 1e6) / result.requests.total,
  };
}

/**
 * The hook's own cost, which the runs above cannot separate from the machine's noise: in a
 * bare Fastify app, each request's onResponse calls the hook's work 100,000 times in a row,
 * timed by CPU; the median over 50 requests, in nanoseconds per call.
 */
async function observeNanoseconds(): Promise<number> {
  const app = Fastify({ logger: false });
  const metrics = requestMetrics();
  const per: number[] = [];
  const N = 100_000;
  app.get('/o/:org', async () => 'ok');
  app.addHook('onResponse', (request, reply, done) => {
    const t = process.cpuUsage();
    for (let i = 0; i < N; i++) metrics.observe(request, reply);
    const used = process.cpuUsage(t);
    per.push(((used.user + used.system) * 1000) / N);
    done();
  });
  for (let i = 0; i < 50; i++) await app.inject({ url: `/o/org-${i}` });
  await app.close();
  per.sort((a, b) => a - b);
  return per[25]!;
}

console.log(`the hook's work per request: ${(await observeNanoseconds()).toFixed(0)} ns (median)`);
const off = await okence({});
const on = await okence({ METRICS_TOKEN: TOKEN });
try {
  const rows = [];
  for (const path of PATHS) {
    // Warm up both (JIT, page cache).
    await load(off, path, 2);
    await load(on, path, 2);
    const sum = { off: { rps: 0, cpuUs: 0 }, on: { rps: 0, cpuUs: 0 } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [key, server] of [
        ['off', off],
        ['on', on],
      ] as const) {
        const r = await load(server, path, SECONDS);
        sum[key].rps += r.rps / ROUNDS;
        sum[key].cpuUs += r.cpuUs / ROUNDS;
      }
    }
    rows.push({
      path,
      'without req/s': Math.round(sum.off.rps),
      'with req/s': Math.round(sum.on.rps),
      'req/s ratio': Number((sum.on.rps / sum.off.rps).toFixed(3)),
      'without CPU µs/req': Math.round(sum.off.cpuUs),
      'with CPU µs/req': Math.round(sum.on.cpuUs),
      'CPU ratio': Number((sum.on.cpuUs / sum.off.cpuUs).toFixed(3)),
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

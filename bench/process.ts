// Server processes for the benchmarks: each runs as its own child, so its memory and CPU are
// its own and the benchmark's client does not share its event loop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(import.meta.dirname, '..');

/** The script `npm start` runs: it turns on the compile cache, then runs main.ts (decision 028). */
export const START_SCRIPT = 'src/main.mjs';

/** Node's flags of a start command `node [flags] src/main.mjs`; throws on any other command. */
export function startFlags(command: string): string[] {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== START_SCRIPT)
    throw new Error(`not "node [flags] ${START_SCRIPT}": ${command}`);
  return words.slice(1, -1);
}

/**
 * Node's flags from `npm start` (package.json), so the benchmarks measure Okence as it runs
 * (decision 028).
 */
export const NODE_FLAGS: string[] = startFlags(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start,
);

/**
 * Loads Okence's modules once as `npm start` does and exits (an invalid PORT stops it after the
 * imports), so that Node's compile cache is filled: the benchmarks then measure a start as
 * operators see it after the first one since an upgrade (decision 028).
 */
export function fillCompileCache(): void {
  spawnSync(process.execPath, [...NODE_FLAGS, join(root, START_SCRIPT)], {
    env: { ...process.env, PORT: 'not-a-port' },
    stdio: 'ignore',
  });
}

export type Server = { child: ChildProcess; port: number; startupMs: number };

/** Starts a server script and waits for the line that gives its port. */
export async function start(
  script: string,
  env: Record<string, string>,
  portLine: RegExp,
  timeoutMs = 60_000,
): Promise<Server> {
  const started = performance.now();
  const flags = script === START_SCRIPT ? NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, join(root, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < timeoutMs / 50; i++) {
    const m = portLine.exec(out);
    if (m?.[1])
      return { child, port: Number(m[1]), startupMs: Math.round(performance.now() - started) };
    if (child.exitCode !== null) throw new Error(`${script} exited: ${out}`);
    await sleep(50);
  }
  throw new Error(`${script} did not start`);
}

export async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** What every benchmark's Okence starts with: quiet, and no rate limit in the way of the load. */
const BENCH_ENV = {
  PORT: '0',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
  NODE_ENV: 'development',
};

/** Okence as `npm start` runs it, with the benchmarks' settings and `env`; resolves once it listens. */
export function startBenchOkence(env: Record<string, string>): Promise<Server> {
  return start(START_SCRIPT, { ...BENCH_ENV, ...env }, /open http:\/\/localhost:(\d+)/);
}

/**
 * `figures` on the embedded database, then, when DATABASE_URL is set, on a fresh PostgreSQL
 * database beside it (dropped afterwards): each section's rows for both.
 */
export async function onEachDatabase<T>(
  figures: (label: 'PGlite' | 'PostgreSQL', databaseUrl: string | undefined) => Promise<T> | T,
): Promise<T[]> {
  const rows = [await figures('PGlite', undefined)];
  if (!process.env.DATABASE_URL) return rows;
  const { createFreshDatabase } = await import('../src/db/testing.ts');
  const db = await createFreshDatabase(process.env.DATABASE_URL, 'okence_bench');
  try {
    rows.push(await figures('PostgreSQL', db.url));
  } finally {
    await db.drop();
  }
  return rows;
}

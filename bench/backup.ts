// `npx node bench/backup.ts`: `npm run backup` against a running Okence on the demo data (twice),
// then with meeting folder files added (BENCH_BACKUP_FILES_MB, default 100, in 1 MB files). Prints the
// time, the archive's size, the backup command's peak RSS, the server's RSS before and at its
// peak during the backup, and the longest a request that reads the database waited meanwhile.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, stop, START_SCRIPT } from './process.ts';
import { demoDataDir } from './seed.ts';

const FILES_MB = Number(process.env.BENCH_BACKUP_FILES_MB ?? 100);
const root = join(import.meta.dirname, '..');

const kb = (pid: number | undefined, field: 'VmRSS' | 'VmHWM') => {
  try {
    return Number(
      new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
    );
  } catch {
    return 0; // the process has just exited
  }
};
const mb = (k: number) => Math.round(k / 1024);

/** Runs the backup command; samples its peak RSS, the server's RSS and a database request's latency. */
async function backup(
  dataDir: string,
  target: string,
  server: { pid: number | undefined; base: string },
) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/backup.ts'), target], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let done = false;
  let peakCommand = 0;
  let peakServer = 0;
  let longestWait = 0;
  const sampler = setInterval(() => {
    peakCommand = Math.max(peakCommand, kb(child.pid, 'VmHWM'));
    peakServer = Math.max(peakServer, kb(server.pid, 'VmRSS'));
  }, 20);
  // /readyz reads the database (the applied migrations): it waits while the copy holds it.
  const prober = (async () => {
    while (!done) {
      const t = performance.now();
      await fetch(`${server.base}/readyz`).then((r) => r.arrayBuffer());
      longestWait = Math.max(longestWait, performance.now() - t);
    }
  })();
  const code = await exited;
  done = true;
  clearInterval(sampler);
  await prober;
  if (code !== 0) throw new Error(`backup failed: ${out}`);
  return {
    seconds: (performance.now() - started) / 1000,
    sizeMb: statSync(target).size / 1024 / 1024,
    peakCommand,
    peakServer,
    longestWait,
    out: out.trim(),
  };
}

const dataDir = await demoDataDir('okence-bench-backup-');
const server = await start(
  START_SCRIPT,
  { DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', DEMO_DATA: 'false' },
  /open http:\/\/localhost:(\d+)/,
);
const target = mkdtempSync(join(tmpdir(), 'okence-bench-backups-'));
try {
  const base = `http://localhost:${server.port}`;
  const rows: Record<string, string | number>[] = [];
  const measure = async (label: string) => {
    const before = kb(server.child.pid, 'VmRSS');
    const r = await backup(dataDir, join(target, `${rows.length}.tar.gz`), {
      pid: server.child.pid,
      base,
    });
    rows.push({
      backup: label,
      seconds: r.seconds.toFixed(1),
      'size MB': r.sizeMb.toFixed(1),
      'command peak RSS MB': mb(r.peakCommand),
      'server RSS MB before': mb(before),
      'server peak RSS MB': mb(r.peakServer),
      'longest /readyz ms': Math.round(r.longestWait),
    });
  };
  // The first one overlaps the jobs a start runs (retention, folder deletion): its figures are
  // the worst case, the second one's the usual.
  await measure('demo data, at start');
  await measure('demo data, again');
  for (let i = 0; i < FILES_MB; i++) {
    const dir = join(dataDir, 'files', randomUUID());
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, randomUUID()), randomBytes(1024 * 1024));
  }
  await measure(`demo data + ${FILES_MB} MB of files`);
  console.table(rows);
} finally {
  await stop(server);
}

// Where the test suite's CPU goes: run beside `npm test` (`node scripts/suite-cpu.ts out.txt &`,
// stopped with SIGTERM after the run). Twice a second it reads every process's CPU time from
// /proc and charges it to the test file the process descends from (Chromium's renderers, its GPU
// and audio processes, Janus, nginx…), kept by process type. A test process's own rusage misses
// most of it: Chromium's children are reaped by init, not by the test (2026-12-03: init had
// reaped 4,900 CPU-seconds after one run). Writes the files, most CPU first, every ten seconds.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

/** `kind` is undefined for a Chromium process that is exiting: its command line is empty then. */
type Proc = { kind: string | undefined; ppid: number; cpu: number; start: string };

const out = process.argv[2] ?? 'suite-cpu.txt';
const seen = new Map<string, { file: string; kind: string; cpu: number }>();
const owner = new Map<number, string>();
const TICK = Number(process.env.CLK_TCK ?? 100);

function read(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let kind: string | undefined = comm;
    // The kernel keeps 15 characters of a name: `chromium-headless-shell` is `chromium-headle`.
    if (comm.startsWith('chromium')) {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1]?.split('.').pop();
      const shell = comm === 'chromium' ? '' : '(shell)';
      // A process that has exited and waits to be reaped keeps its CPU time but no command
      // line: read as "browser", every renderer's last reading charged it all to the browser.
      kind = cmd === '' ? undefined : `chromium${shell}:${type}${sub ? `:${sub}` : ''}`;
    }
    const cpu = (Number(f[11]) + Number(f[12])) / TICK;
    return { kind, ppid: Number(f[1]), cpu, start: f[19] ?? '' };
  } catch {
    return undefined; // gone between readdir and read
  }
}

/** The test file a process runs, by its own command line (a test process ends with its file). */
function testFileOf(pid: number): string | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const last = args.at(-1) ?? '';
    return last.endsWith('.test.ts') ? last.replace(/.*\/(?=(e2e|src)\/)/, '') : undefined;
  } catch {
    return undefined;
  }
}

function tick(): void {
  const procs = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = read(Number(name));
    if (p) procs.set(Number(name), p);
  }
  for (const [pid, p] of procs) {
    let file = owner.get(pid);
    for (let up = pid, i = 0; !file && up > 1 && i < 30; i++) {
      file = owner.get(up) ?? testFileOf(up);
      up = procs.get(up)?.ppid ?? 0;
    }
    if (file) owner.set(pid, file);
    const key = `${pid}:${p.start}`;
    const kind = p.kind ?? seen.get(key)?.kind ?? 'chromium (exited)';
    seen.set(key, { file: file ?? '(no test file)', kind, cpu: p.cpu });
  }
}

function write(): void {
  const byFile = new Map<string, Map<string, number>>();
  for (const { file, kind, cpu } of seen.values()) {
    const kinds = byFile.get(file) ?? new Map<string, number>();
    kinds.set(kind, (kinds.get(kind) ?? 0) + cpu);
    byFile.set(file, kinds);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const lines = [...byFile]
    .filter(([file]) => file !== '(no test file)')
    .sort((a, b) => sum(b[1]) - sum(a[1]))
    .map(([file, kinds]) => {
      const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5);
      const parts = top.map(([k, s]) => `${k} ${s.toFixed(0)}`).join(', ');
      return `${sum(kinds).toFixed(1).padStart(8)} s  ${file}  (${parts})`;
    });
  writeFileSync(out, `CPU seconds per test file, with its processes\n${lines.join('\n')}\n`);
}

setInterval(tick, 500);
setInterval(write, 10_000);
process.on('SIGTERM', () => {
  tick();
  write();
  process.exit(0);
});

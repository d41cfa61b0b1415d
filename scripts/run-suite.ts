// The whole suite in an order of our choosing, through node:test's run(): `node --test` sorts the
// files it is given (e2e/ a → z, then src/), which put every file with real calls side by side.
// Five call files at once on two cores (each Chromium encoding and decoding fake cameras) made
// them all time out, in CI and here (2026-12-03: 4 of 5 failed together, each passed alone).
// So: the longest files first and the call files spread over the run by expected time, while
// the files under src/ run beside them in a few shared processes (below). `npm test` runs this
// when given no files.
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import fileTimes from './file-times.ts';

/** Files that hold real calls (launchCallBrowser, Janus, the proxies): never two at once if avoidable. */
const CALLS = [
  'e2e/meeting',
  'e2e/meeting-ui',
  'e2e/folder',
  'e2e/agenda',
  'e2e/instances',
  'e2e/help',
  'e2e/meeting-sfu-relay',
];
/**
 * Run alone after the rest: six people through Janus need more than one of this machine's two
 * cores by themselves (68 CPU-seconds in 38 s alone). Beside four other files, the official's
 * page took over 20 s to take a click (CI, 2026-12-03).
 */
const ALONE = ['e2e/meeting-sfu'];
/** The longest of the rest by the last runs' figures: started first, they do not form the tail. */
const LONGEST = [
  'e2e/forms-builder',
  'e2e/form-filling',
  'e2e/pages',
  'e2e/integrations',
  'e2e/process',
  'e2e/backup',
  'e2e/home',
  'e2e/deliveries',
  'src/http/authz-sweep.db',
];

/**
 * Files under src/ that need a process of their own: one looks at what its process has loaded,
 * one starts Okence's own processes for a minute. Every other file under src/ shares one (below).
 */
const OWN_PROCESS = ['src/http/schema-compilers', 'src/backup/backup.db'];
/** Database files per process: each opens its database in a hook at its top level (below). */
const DB_FILES_PER_PROCESS = 8;

const stem = (file: string) => file.replace(/\.test\.ts$/, '');
const isUnit = (file: string) => file.startsWith('src/') && !file.endsWith('.db.test.ts');
/** Files run in a process shared with others: under src/, except the long ones and OWN_PROCESS. */
const shareable = (file: string) =>
  file.startsWith('src/') && !OWN_PROCESS.includes(stem(file)) && !LONGEST.includes(stem(file));
/** A rough expected time, for spreading the call files by time rather than by count. */
const weight = (file: string) =>
  file.startsWith('e2e/') ? 60 : file.endsWith('.db.test.ts') ? 10 : 2;

function suiteOrder(all: string[]): string[] {
  const sorted = [...all].sort();
  const calls = CALLS.map((c) => sorted.find((f) => stem(f) === c)).filter((f) => f !== undefined);
  const first = LONGEST.map((c) => sorted.find((f) => stem(f) === c)).filter(
    (f) => f !== undefined,
  );
  const body = [...first, ...sorted.filter((f) => !calls.includes(f) && !first.includes(f))];
  const total = body.reduce((sum, f) => sum + weight(f), 0);
  // Call i starts once (i + 0.5) / n of the work before 85 % is under way: the last ones end
  // before the short files at the end run out.
  const out: string[] = [];
  let done = 0;
  let next = 0;
  for (const file of body) {
    while (next < calls.length && done >= ((next + 0.5) / calls.length) * 0.85 * total)
      out.push(calls[next++]!);
    out.push(file);
    done += weight(file);
  }
  out.push(...calls.slice(next));
  return out;
}

// Files named here are ordered the same way; `--print` shows the order and runs nothing.
const named = process.argv.slice(2).filter((a) => a !== '--print');
const files = suiteOrder(
  named.length ? named : [...globSync('e2e/**/*.test.ts'), ...globSync('src/**/*.test.ts')],
);
const alone = files.filter((f) => ALONE.includes(stem(f)));
const together = files.filter((f) => !alone.includes(f));
if (process.argv.includes('--print')) {
  console.log([...together, '-- then alone:', ...alone].join('\n'));
  process.exit(0);
}
// The unit files in one process, and the database files in groups of about eight per process:
// two lanes of those beside four other files at a time (decision 057's last addendum).
const shared = together.filter(shareable);
const groups = [
  { what: 'unit files', files: shared.filter(isUnit) },
  ...inGroups(
    shared.filter((f) => !isUnit(f)),
    DB_FILES_PER_PROCESS,
  ).map((files) => ({
    what: 'database files',
    files,
  })),
].filter((g) => g.files.length > 0);
await Promise.all([
  runFiles(
    together.filter((f) => !shareable(f)),
    4,
  ),
  inLanes(groups, 2),
]);
await runFiles(alone, 1);

/** Runs `files`, `concurrency` at a time, with the spec report and each file's test time. */
async function runFiles(list: string[], concurrency: number): Promise<void> {
  if (list.length === 0) return;
  const stream = run({ files: list, concurrency });
  stream.on('test:fail', () => {
    process.exitCode = 1;
  });
  const reports = [stream.compose(spec), stream.compose(fileTimes)];
  for (const report of reports) report.pipe(process.stdout, { end: false });
  await Promise.all(reports.map((report) => finished(report)));
}

/** `list` dealt into groups of about `size`, in turn, so that each gets some of every domain. */
function inGroups(list: string[], size: number): string[][] {
  const count = Math.max(1, Math.round(list.length / size));
  const out: string[][] = Array.from({ length: count }, () => []);
  list.forEach((file, i) => out[i % count]!.push(file));
  return out;
}

/** Runs the groups `lanes` at a time, each in one process of its own. */
async function inLanes(list: { what: string; files: string[] }[], lanes: number): Promise<void> {
  const queue = [...list];
  const lane = async () => {
    for (let g = queue.shift(); g; g = queue.shift()) await runInOneProcess(g.what, g.files);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * Runs `list` in one process (`--test-isolation=none`) and prints its report when it ends. A
 * test file in a process of its own pays Node's start and the imports of what it tests: the ~160
 * unit files took 96 CPU-seconds so and 31 in one process; the ~110 database files 567 and 296
 * (on PostgreSQL, five at a time). In one process, hooks at a file's top level run before and
 * after all of the process's files' tests, not each file's: the database files' open their
 * database before and close it after, so a process holds its eight open at once.
 */
async function runInOneProcess(what: string, list: string[]): Promise<void> {
  const started = performance.now();
  const args = ['--test', '--test-isolation=none', '--test-reporter=spec', ...list];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => output.push(d));
  child.stderr.on('data', (d: Buffer) => output.push(d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  process.stdout.write(Buffer.concat(output));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${list.length} ${what} in one process: ${seconds} s, exit ${code}\n`);
  if (code !== 0) {
    process.exitCode = 1;
    process.stdout.write(`failed in that process: ${list.join(' ')}\n`);
  }
}

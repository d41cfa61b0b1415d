// The whole suite in an order of our choosing, through node:test's run(): `node --test` sorts the
// files it is given (e2e/ a → z, then src/), which put every file with real calls side by side.
// Five call files at once on two cores (each Chromium encoding and decoding fake cameras) made
// them all time out, in CI and here (2026-12-03: 4 of 5 failed together, each passed alone).
// So: the longest files first, the call files spread over the run by expected time, and the
// many short src/ files filling the end. `npm test` runs this when given no files.
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
 * Unit files (no database, no browser) that look at what their process has loaded, so need one
 * of their own; every other unit file runs in one process with the others (below).
 */
const OWN_PROCESS = ['src/http/schema-compilers'];

const stem = (file: string) => file.replace(/\.test\.ts$/, '');
const isUnit = (file: string) =>
  file.startsWith('src/') && !file.endsWith('.db.test.ts') && !OWN_PROCESS.includes(stem(file));
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
const units = together.filter(isUnit);
await Promise.all([
  runFiles(
    together.filter((f) => !isUnit(f)),
    5,
  ),
  runInOneProcess(units),
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

/**
 * Runs `list` in one process of their own (`--test-isolation=none`), beside the other files, and
 * prints its report when it ends. Each test file in a process of its own pays ~0.6 CPU-seconds of
 * Node's start and imports: the ~160 unit files took 96 CPU-seconds so and 31 in one process.
 * Hooks at a file's top level then run before and after all of the files' tests, not each
 * file's: these files' hooks only start helpers and remove temporary folders.
 */
async function runInOneProcess(list: string[]): Promise<void> {
  if (list.length === 0) return;
  const started = performance.now();
  const args = ['--test', '--test-isolation=none', '--test-reporter=spec', ...list];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => output.push(d));
  child.stderr.on('data', (d: Buffer) => output.push(d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  process.stdout.write(Buffer.concat(output));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${list.length} unit files in one process: ${seconds} s, exit ${code}\n`);
  if (code !== 0) process.exitCode = 1;
}

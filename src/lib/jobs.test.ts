import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobRunner, type Job } from './jobs.ts';

function logged() {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, log: { error: (obj: object, msg: string) => errors.push({ obj, msg }) } };
}

/** Resolves when `cond` holds, checking every few milliseconds (no fixed sleeps). */
async function until(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

test('a job marked atStart runs at start, then every interval; the others wait for their interval', async () => {
  const runs: string[] = [];
  const jobs: Job[] = [
    { name: 'early', everyMs: 10, atStart: true, run: async () => void runs.push('early') },
    { name: 'late', everyMs: 60_000, run: async () => void runs.push('late') },
  ];
  const runner = jobRunner(jobs, logged().log);
  runner.start();
  assert.deepEqual(runs, ['early'], 'the atStart run begins before start returns');
  await until(() => runs.filter((r) => r === 'early').length >= 3);
  await runner.stop();
  assert.ok(!runs.includes('late'));
});

test('a run still going when its interval comes again is not overlapped; the next tick runs it', async () => {
  let active = 0;
  let most = 0;
  let runs = 0;
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  let ticks = 0;
  const runner = jobRunner(
    [
      // Its runs show that intervals have passed, without a fixed sleep.
      { name: 'ticker', everyMs: 5, run: async () => void ticks++ },
      {
        name: 'slow',
        everyMs: 5,
        atStart: true,
        run: async () => {
          runs++;
          most = Math.max(most, ++active);
          await gate;
          active--;
        },
      },
    ],
    logged().log,
  );
  runner.start();
  // Many intervals pass while the first run waits.
  await until(() => ticks >= 5);
  assert.equal(runs, 1);
  release();
  gate = new Promise<void>((r) => (release = r));
  await until(() => runs >= 2);
  release();
  await runner.stop();
  assert.equal(most, 1);
});

test('a failing run, rejected or thrown, is logged with its job and the job keeps its schedule', async () => {
  const { errors, log } = logged();
  let runs = 0;
  const runner = jobRunner(
    [
      {
        name: 'broken',
        everyMs: 5,
        atStart: true,
        run: () => {
          runs++;
          if (runs % 2) throw new Error('thrown');
          return Promise.reject(new Error('rejected'));
        },
      },
    ],
    log,
  );
  runner.start();
  await until(() => runs >= 3);
  await runner.stop();
  assert.deepEqual(
    errors.slice(0, 2).map((e) => [(e.obj as { err: Error }).err.message, e.msg]),
    [
      ['thrown', 'the broken job failed'],
      ['rejected', 'the broken job failed'],
    ],
  );
  assert.equal((errors[0]!.obj as { job: string }).job, 'broken');
});

test('stop waits for the runs in flight, and nothing runs after it', async () => {
  let finished = false;
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let ticks = 0;
  const runner = jobRunner(
    [
      { name: 'ticker', everyMs: 5, run: async () => void ticks++ },
      {
        name: 'long',
        everyMs: 5,
        atStart: true,
        run: async () => {
          runs++;
          await gate;
          finished = true;
        },
      },
    ],
    logged().log,
  );
  runner.start();
  let stopped = false;
  await until(() => ticks >= 2);
  const stopping = runner.stop().then(() => (stopped = true));
  // Settled promises and due timers have had their turn by the next check.
  await new Promise((r) => setImmediate(r));
  assert.equal(stopped, false, 'stop waits for the run');
  const ticksAtStop = ticks;
  release();
  await stopping;
  assert.equal(finished, true);
  // Checking that nothing happens has no condition to wait on: four of the ticker's intervals.
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(ticks, ticksAtStop);
  assert.equal(runs, 1);
});

test('two jobs of one name are a programming error', () => {
  const job = { name: 'twice', everyMs: 1000, run: async () => {} };
  assert.throws(() => jobRunner([job, job], logged().log), /two jobs/);
});

test('the metrics count runs by job and outcome (a skipped overlap too) and keep the last success', async () => {
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let ticks = 0;
  const runner = jobRunner(
    [
      { name: 'ticker', everyMs: 5, run: async () => void ticks++ },
      {
        name: 'flaky',
        everyMs: 5,
        atStart: true,
        run: async () => {
          if (++runs === 2) throw new Error('once');
        },
      },
      { name: 'slow', everyMs: 5, atStart: true, run: () => gate },
      { name: 'never', everyMs: 60_000, run: async () => {} },
    ],
    logged().log,
  );
  const before = Date.now() / 1000;
  runner.start();
  await until(() => runs >= 3 && ticks >= 3);
  release();
  await runner.stop();
  const families = await runner.metrics.collect();
  const value = (name: string, labels: Record<string, string>) =>
    families
      .find((f) => f.name === name)
      ?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v))?.value;
  const total = 'okence_job_runs_total';
  assert.equal(value(total, { job: 'flaky', outcome: 'success' }), runs - 1);
  assert.equal(value(total, { job: 'flaky', outcome: 'failure' }), 1);
  assert.equal(value(total, { job: 'slow', outcome: 'success' }), 1);
  assert.ok(value(total, { job: 'slow', outcome: 'skipped' })! >= 2);
  assert.equal(value(total, { job: 'never', outcome: 'success' }), 0);
  const last = 'okence_job_last_success_timestamp_seconds';
  assert.ok(value(last, { job: 'slow' })! >= before);
  assert.equal(value(last, { job: 'never' }), undefined);
});

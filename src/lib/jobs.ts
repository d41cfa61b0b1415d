import type { Collector, Sample } from './metrics.ts';

/**
 * Background work on timers. A domain's job is one entry (name, interval, whether it runs at
 * start, what it runs); the runner owns the timers, so a new job adds an entry and nothing else
 * (the list is in services.ts). The work itself must be safe to run on several instances at
 * once (SKIP LOCKED, idempotent queuing): the runner only keeps one instance from overlapping
 * itself.
 */

export type Job = {
  /** For the log: "the <name> job failed". */
  name: string;
  everyMs: number;
  /** Also run once at start (work a restart should not wait an interval for). */
  atStart?: boolean;
  run(): Promise<unknown>;
};

/** The part of a pino logger the runner uses. */
export type JobLog = { error(obj: object, msg: string): void };

export type JobRunner = {
  /** Starts every job's timer (and the `atStart` runs); the timers do not keep the process alive. */
  start(): void;
  /** Stops the timers and waits for the runs in flight; a job is never started after it. */
  stop(): Promise<void>;
  /** Runs by job and outcome, and each job's last success, for the operator's metrics (decision 056). */
  metrics: Collector;
};

type Outcome = 'success' | 'failure' | 'skipped';

export function jobRunner(jobs: readonly Job[], log: JobLog): JobRunner {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const names = new Set(jobs.map((j) => j.name));
  if (names.size < jobs.length) throw new Error('two jobs of one name');
  const runs = new Map(jobs.map((j) => [j.name, { success: 0, failure: 0, skipped: 0 }]));
  const lastSuccess = new Map<string, number>();
  const count = (name: string, outcome: Outcome) => {
    runs.get(name)![outcome]++;
  };

  /** One run of `job`, unless its previous run is still going (then this one is skipped). */
  function runOnce(job: Job): void {
    if (stopped) return;
    if (running.has(job.name)) {
      count(job.name, 'skipped');
      return;
    }
    const run = (async () => {
      try {
        await job.run();
        count(job.name, 'success');
        lastSuccess.set(job.name, Date.now() / 1000);
      } catch (err) {
        count(job.name, 'failure');
        log.error({ err, job: job.name }, `the ${job.name} job failed`);
      }
    })()
      // A promise's callback runs after this function returns, so the entry is set before it goes.
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  }

  return {
    start() {
      if (stopped || timers.length > 0) return;
      for (const job of jobs) {
        if (job.atStart) runOnce(job);
        const timer = setInterval(() => runOnce(job), job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(running.values());
    },
    metrics: {
      name: 'jobs',
      collect() {
        const counts: Sample[] = [];
        for (const [job, byOutcome] of runs)
          for (const [outcome, value] of Object.entries(byOutcome))
            counts.push({ labels: { job, outcome }, value });
        return [
          {
            name: 'okence_job_runs_total',
            help: 'Background job runs by job and outcome (skipped: its previous run was still going).',
            type: 'counter',
            samples: counts,
          },
          {
            name: 'okence_job_last_success_timestamp_seconds',
            help: 'When each job last succeeded, since the Unix epoch; absent until its first success.',
            type: 'gauge',
            samples: [...lastSuccess].map(([job, value]) => ({ labels: { job }, value })),
          },
        ];
      },
    },
  };
}

// Returning memory to the operating system at the end of start-up (decision 028).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * V8's collection "of last resort" (the one it runs before giving up on an allocation): full
 * collections until nothing more is freed, with the young generation shrunk to nothing and free
 * pages handed back. Start-up (module loading, migrations, the demo data, a first open's initdb)
 * grows the young generation to its 16 MB semi-spaces and leaves garbage nothing idle would
 * collect: measured on PostgreSQL 147–148 MB → 115 MB of RSS in about 100 ms. Under load the
 * young generation grows again as it needs, so speed is as before (a smaller
 * `--max-semi-space-size` met the budget too but cost ~30 % of the uncached page's req/s).
 * `--expose-gc` is set at run time, as Jest's leak detector does; only this module calls it.
 */
export function releaseMemory(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as Gc)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** Bytes of memory the young generation holds now (what releaseMemory gives back). */
export function youngGenerationBytes(): number {
  return (
    getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0
  );
}

/** How long without a request before an idle process gives its memory back. */
export const IDLE_RELEASE_MS = 10_000;

/**
 * Gives memory back once per quiet spell: when nothing has asked for `idleMs`, `release` runs
 * (once, until the next activity). A server answers in bursts (an office's morning, 1,000
 * people knocking at once) and then holds the young generation those grew, hundreds of MB in
 * the worst case, while it waits; V8 would not shrink it by itself, as nothing allocates to
 * start a collection. The collection takes ~100 ms, and only when no request is being served.
 */
export function releaseWhenIdle(
  opts: { idleMs?: number; release?: () => void; now?: () => number } = {},
): { activity: () => void; stop: () => void } {
  const idleMs = opts.idleMs ?? IDLE_RELEASE_MS;
  const release = opts.release ?? releaseMemory;
  const now = opts.now ?? Date.now;
  let last = now();
  let released = false;
  const timer = setInterval(() => {
    if (released || now() - last < idleMs) return;
    released = true;
    release();
  }, idleMs / 4);
  timer.unref();
  return {
    activity: () => {
      last = now();
      released = false;
    },
    stop: () => clearInterval(timer),
  };
}

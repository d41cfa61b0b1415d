// Equal answer times for lookups whose speed would tell a secret: whether an obligation with
// this variable symbol exists, whether the name matched, whether an e-mail was queued. Every
// answer of a paced lookup takes at least the floor, so a caller timing it sees the floor, not
// the work. The floor sits well above the work's usual time (a few milliseconds of SQL and one
// outbox insert); work slower than the floor (a database under load) shows through, which the
// per-address and per-organisation rate limits keep from being measured often.
import { setTimeout as sleep } from 'node:timers/promises';

/** Runs a piece of work so that its answer takes at least the floor, success or failure. */
export type Pacer = {
  /** The floor in milliseconds (what the tests assert is applied). */
  readonly floorMs: number;
  run<T>(work: () => Promise<T>): Promise<T>;
};

/** What a pacer reads and how it waits; real time unless a test gives its own. */
export type PacerTime = { now(): number; wait(ms: number): Promise<void> };

const realTime: PacerTime = { now: () => performance.now(), wait: (ms) => sleep(ms) };

/** A pacer with the given floor: it waits out what the work left of it, also after a failure. */
export function minimumDuration(floorMs: number, time: PacerTime = realTime): Pacer {
  return {
    floorMs,
    async run<T>(work: () => Promise<T>): Promise<T> {
      const start = time.now();
      const settle = async () => {
        const left = floorMs - (time.now() - start);
        // Whole milliseconds, rounded up: timers count in them and a fraction would end early.
        if (left > 0) await time.wait(Math.ceil(left));
      };
      try {
        const result = await work();
        await settle();
        return result;
      } catch (err) {
        await settle();
        throw err;
      }
    },
  };
}

// A counting semaphore: at most `limit` holders at once, the rest wait in arrival order.

export type Semaphore = {
  /** Waits for a place and returns the function that gives it back (call it exactly once). */
  acquire(): Promise<() => void>;
  /** Holders now and callers waiting, for tests and health. */
  readonly active: number;
  readonly waiting: number;
};

export function semaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`not a limit: ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    acquire() {
      let released = false;
      const once = () => {
        if (released) return;
        released = true;
        release();
      };
      if (active < limit) {
        active++;
        return Promise.resolve(once);
      }
      // The place passes straight to the next waiter, so `active` stays at the limit.
      return new Promise((resolve) => queue.push(() => resolve(once)));
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

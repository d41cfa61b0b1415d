/** The source of "now". Services take it as a dependency so tests can travel in time. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Real time moved by an adjustable offset: for browser tests that must stand at an appointment's time while timers keep running. */
export function shiftedClock(): Clock & { setNow(d: Date): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    setNow: (d) => {
      offset = d.getTime() - Date.now();
    },
  };
}

/** SQLSTATEs that mean "someone else got there first" or "try again": exclusion, unique, serialization, deadlock. */
export const RETRYABLE_CODES = new Set(['23P01', '23505', '40001', '40P01']);

/** Whether an error from the database is a lost race rather than a fault. */
export function isConflict(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    RETRYABLE_CODES.has(String((err as { code?: unknown }).code))
  );
}

/**
 * Runs `attempt` (a whole transaction) again when it loses a race, at most
 * `times` times, with a little random backoff. Returns `conflict` when every try lost, so the caller can say
 * "that was just taken" instead of failing.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  times = 8,
): Promise<{ ok: true; value: T } | { ok: false; conflict: true }> {
  for (let i = 0; i < times; i++) {
    try {
      return { ok: true, value: await attempt() };
    } catch (err) {
      if (!isConflict(err)) throw err;
      // A short random pause, growing with each try, so the same racers do not collide again in step.
      if (i + 1 < times)
        await new Promise((resolve) =>
          setTimeout(resolve, Math.floor(Math.random() * 10 * (i + 1)) + 1),
        );
    }
  }
  return { ok: false, conflict: true };
}

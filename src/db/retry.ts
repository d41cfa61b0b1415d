/** SQLSTATEs that mean "someone else got there first" or "try again": exclusion, unique, serialization, deadlock. */
export const RETRYABLE_CODES = new Set(['23P01', '23505', '40001', '40P01']);

/** Whether an error from the database is a lost race rather than a fault. */
export function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE_CODES.has(String((err as { code?: unknown }).code));
}

/**
 * Runs `attempt` (a whole transaction) again when it loses a race, at most
 * `times` times. Returns `conflict` when every try lost, so the caller can say
 * "that was just taken" instead of failing.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, times = 5): Promise<{ ok: true; value: T } | { ok: false; conflict: true }> {
  for (let i = 0; i < times; i++) {
    try {
      return { ok: true, value: await attempt() };
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
  return { ok: false, conflict: true };
}

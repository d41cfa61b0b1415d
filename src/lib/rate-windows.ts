// Fixed-window counters kept in the database, so that a limit holds across every instance on
// one PostgreSQL (decision 055). A hit is one statement: an upsert that starts a new window when
// the key's last one ended, else adds one, and returns the count and the window's end. The time
// is the database's (`clock_timestamp()`), the one clock all instances share.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

/** A key's count in its current window, and the milliseconds until that window ends. */
export type WindowCount = { count: number; ttlMs: number };

/** Counts hits per key in fixed windows shared by every instance on the same database. */
export type RateWindows = {
  /** Counts one hit of `key` in its window of `windowMs` (a new window when the last one ended). */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Deletes the windows that ended; the number deleted. */
  purge(): Promise<number>;
};

/** Keys longer than this (a very long route) are cut: the column refuses more than 600. */
const MAX_KEY = 600;

/** Counters over the `rate_limit_window` table (migration 041). */
export function rateWindows(db: Db): RateWindows {
  return {
    async hit(key, windowMs) {
      const k = key.length > MAX_KEY ? key.slice(0, MAX_KEY) : key;
      const window = `${Math.max(1, Math.trunc(windowMs))} milliseconds`;
      // One round trip, atomic per key: concurrent hits on several instances queue on the row.
      const { rows } = await sql<{ hits: number; ttl_ms: number }>`
        INSERT INTO rate_limit_window AS w (key, hits, ends_at)
        VALUES (${k}, 1, clock_timestamp() + ${window}::interval)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN w.ends_at <= clock_timestamp() THEN 1 ELSE w.hits + 1 END,
          ends_at = CASE WHEN w.ends_at <= clock_timestamp() THEN excluded.ends_at ELSE w.ends_at END
        RETURNING hits,
          greatest(0, ceil(extract(epoch FROM ends_at - clock_timestamp()) * 1000))::int AS ttl_ms
      `.execute(db);
      const row = rows[0]!;
      return { count: row.hits, ttlMs: row.ttl_ms };
    },
    async purge() {
      const result = await db
        .deleteFrom('rate_limit_window')
        .where('ends_at', '<=', sql<Date>`clock_timestamp()`)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** A limit of `max` hits per window: whether this hit is within it, and else when to come back. */
export function withinLimit(
  counted: WindowCount,
  max: number,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  if (counted.count <= max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(counted.ttlMs / 1000)) };
}

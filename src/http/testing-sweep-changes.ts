// What the authorisation sweep's requests changed of the victims' rows (testing-authz-sweep.ts).
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

type Rows = Record<string, unknown[]>;

/**
 * The victims' tables (`snapshot`) compared with what they held when `take` was last called.
 * A row is changed only by a transaction with an id of its own: while no transaction has ended
 * since the tables were last found as taken, nothing can differ, and most of the sweep's
 * requests write nothing. Reading and comparing every table after each of them took two thirds
 * of the sweep. (On PostgreSQL, other databases' transactions move the count too: then the
 * tables are compared.)
 */
export function victimChanges(db: () => Db, snapshot: () => Promise<Rows>) {
  let baseline: Rows = {};
  let baselineXid = '';
  /** One past the latest transaction that ended (committed or not), as PostgreSQL counts them. */
  const nextXid = async () => {
    const { rows } = await sql<{
      xid: string;
    }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid`.execute(db());
    return rows[0]!.xid;
  };
  return {
    /** What the victims hold now becomes what `changed` compares with. */
    async take(): Promise<void> {
      baselineXid = await nextXid();
      baseline = await snapshot();
    },
    /** The tables that differ from what `take` found. */
    async changed(): Promise<string[]> {
      const xid = await nextXid();
      if (xid === baselineXid) return [];
      const now = await snapshot();
      const differ = Object.keys(baseline).filter((t) => !isDeepStrictEqual(baseline[t], now[t]));
      if (!differ.length) baselineXid = xid;
      return differ;
    },
  };
}

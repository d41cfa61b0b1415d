// Hands out reference numbers: the next in the organisation's year, inside the caller's
// transaction (migration 028).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { formatReference, referenceYear } from './reference.ts';

export type Reference = { year: number; seq: number; reference: string };

/**
 * The next reference number of `organisation` for a submission made at `at`. It takes a
 * transaction, not a database: it must run in the one that stores the submission, so that the
 * number is committed with it or taken back with it (no gaps). Concurrent callers queue on the
 * counter's row until the one before them ends (PostgreSQL's row lock on the upsert).
 */
export async function nextReference(
  tx: Transaction<Database>,
  organisation: { id: string; time_zone: string; reference_pattern: string },
  at: Date,
): Promise<Reference> {
  const year = referenceYear(at, organisation.time_zone);
  const { last } = await tx
    .insertInto('submission_counter')
    .values({ organisation_id: organisation.id, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'year'])
        .doUpdateSet({ last: sql`submission_counter.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return {
    year,
    seq: last,
    reference: formatReference(organisation.reference_pattern, year, last),
  };
}

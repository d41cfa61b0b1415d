// The SQL of the accessibility statement: one row per organisation, read and written by it.
import type { Db } from '../../db/db.ts';
import type { SavedStatement } from './domain.ts';

/** The organisation's saved statement, or undefined. */
export async function findStatement(
  db: Db,
  organisationId: string,
): Promise<SavedStatement | undefined> {
  const r = await db
    .selectFrom('accessibility_statements')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    compliance: r.compliance,
    nonAccessible: r.non_accessible,
    preparedOn: r.prepared_on,
    reviewedOn: r.reviewed_on,
    method: r.method,
    feedbackEmail: r.feedback_email,
    feedbackPhone: r.feedback_phone,
  };
}

/** Saves the organisation's statement (the first save creates it). */
export async function saveStatement(
  db: Db,
  organisationId: string,
  s: SavedStatement,
  by: string,
  now: Date,
): Promise<void> {
  const values = {
    compliance: s.compliance,
    non_accessible: JSON.stringify(s.nonAccessible),
    prepared_on: s.preparedOn,
    reviewed_on: s.reviewedOn,
    method: s.method,
    feedback_email: s.feedbackEmail,
    feedback_phone: s.feedbackPhone,
    updated_at: now,
    updated_by: by,
  };
  await db
    .insertInto('accessibility_statements')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

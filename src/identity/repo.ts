import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from './domain.ts';

/** A staff account as stored, with what sign-in needs. */
/** `passwordHash` is null while an invited account has not set its password (it cannot sign in). */
export type StaffAccount = StaffPrincipal & {
  passwordHash: string | null;
  active: boolean;
  organisationSuspended: boolean;
};

export async function findStaffByEmail(db: Db, email: string): Promise<StaffAccount | undefined> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select([
      'staff.id',
      'staff.organisation_id',
      'staff.role',
      'staff.display_name',
      'staff.email',
      'staff.password_hash',
      'staff.active',
      'organisation.suspended_at',
    ])
    .where('staff.email', '=', email)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      organisationId: row.organisation_id,
      role: row.role,
      displayName: row.display_name,
      email: row.email,
      passwordHash: row.password_hash,
      active: row.active,
      organisationSuspended: row.suspended_at !== null,
    }
  );
}

/**
 * Failure times (newest first) after `since`, for one email or one address; only those begun
 * after the attempt `afterId` when given.
 */
async function failuresAfter(
  db: Db,
  by: 'email' | 'ip',
  value: string,
  since: Date,
  afterId: string | null = null,
): Promise<Date[]> {
  let query = db
    .selectFrom('sign_in_attempt')
    .select('at')
    .where(by, '=', value)
    .where('succeeded', '=', false)
    .where('at', '>', since);
  if (afterId !== null) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('at', 'desc').limit(50).execute();
  return rows.map((r) => r.at);
}

/**
 * Failure times for an email (newest first) within the window and since its last successful
 * sign-in. "Since" is by the order attempts began (their ids), not by their times: attempts
 * begun in the same millisecond as the success are ordered too.
 */
export async function recentEmailFailures(db: Db, email: string, since: Date): Promise<Date[]> {
  const lastSuccess = await db
    .selectFrom('sign_in_attempt')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('email', '=', email)
    .where('succeeded', '=', true)
    .executeTakeFirst();
  return failuresAfter(db, 'email', email, since, lastSuccess?.id ?? null);
}

/** Failure times from an address (newest first) within the window. */
export async function recentIpFailures(db: Db, ip: string, since: Date): Promise<Date[]> {
  return failuresAfter(db, 'ip', ip, since);
}

export async function recordAttempt(
  db: Db,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('sign_in_attempt')
    .values(attempt)
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Turns a recorded attempt into a success, or (`null`) removes it: it counted until its check ended. */
export async function settleAttempt(db: Db, id: string, succeeded: boolean | null): Promise<void> {
  if (succeeded === null) await db.deleteFrom('sign_in_attempt').where('id', '=', id).execute();
  else await db.updateTable('sign_in_attempt').set({ succeeded }).where('id', '=', id).execute();
}

/**
 * Makes the transaction `tx` wait for any other that counts attempts of `key` or from `ip`
 * (advisory locks to its end). Always the key's lock first, then the address's, each in its own
 * lock class: two such transactions never wait on each other in a circle.
 */
export async function lockAttempts(tx: Db, key: string, ip: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(8020113, hashtext(${key}))`.execute(tx);
  await sql`SELECT pg_advisory_xact_lock(8020114, hashtext(${ip}))`.execute(tx);
}

/**
 * Adds one sign-in to the organisation's anonymous daily count (the statistics' source once the
 * attempts themselves are pruned); the day is taken in the organisation's zone by the database.
 */
export async function countSignIn(
  db: Db,
  organisationId: string,
  succeeded: boolean,
  at: Date,
): Promise<void> {
  await sql`INSERT INTO sign_in_daily (organisation_id, day, succeeded, failed)
    SELECT id, (${at}::timestamptz AT TIME ZONE time_zone)::date, ${succeeded ? 1 : 0}, ${succeeded ? 0 : 1} FROM organisation WHERE id = ${organisationId}
    ON CONFLICT (organisation_id, day) DO UPDATE SET succeeded = sign_in_daily.succeeded + excluded.succeeded, failed = sign_in_daily.failed + excluded.failed`.execute(
    db,
  );
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; staffId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('staff_session')
    .values({
      token_hash: s.tokenHash,
      staff_id: s.staffId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string) {
  return (
    db
      .selectFrom('staff_session')
      .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
      .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
      .select([
        'staff_session.last_seen_at as lastSeenAt',
        'staff_session.expires_at as expiresAt',
        'staff.id',
        'staff.organisation_id as organisationId',
        'staff.role',
        'staff.display_name as displayName',
        'staff.email',
        'staff.active',
      ])
      .where('staff_session.token_hash', '=', tokenHash)
      // A suspended organisation's sessions end with the suspension; this keeps any left over dead.
      .where('organisation.suspended_at', 'is', null)
      .executeTakeFirst()
  );
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_session')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).execute();
}

/** Removes ended sessions and sign-in attempts older than `keepAttemptsSince` (they hold emails and addresses). */
export async function pruneSignInData(db: Db, now: Date, keepAttemptsSince: Date): Promise<void> {
  await db.deleteFrom('staff_session').where('expires_at', '<=', now).execute();
  await db.deleteFrom('sign_in_attempt').where('at', '<', keepAttemptsSince).execute();
}

import type { Db } from '../db/db.ts';
import type { OperatorStage } from './domain.ts';

/** SQL of operator accounts and their sessions. */

export async function findOperatorByEmail(db: Db, email: string) {
  return db
    .selectFrom('operator')
    .select(['id', 'email', 'password_hash', 'totp_secret', 'totp_last_step', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findOperator(db: Db, id: string) {
  return db
    .selectFrom('operator')
    .select(['id', 'email', 'password_hash', 'totp_secret', 'totp_last_step', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertOperator(db: Db, email: string): Promise<string> {
  return (
    await db.insertInto('operator').values({ email }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export async function countOperators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('operator')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets the password and second factor (a reset): the next link sets both afresh. */
export async function resetOperator(db: Db, id: string): Promise<void> {
  await db
    .updateTable('operator')
    .set({ password_hash: null, totp_secret: null, totp_last_step: null })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('operator_session').where('operator_id', '=', id).execute();
}

/**
 * Records the step of an accepted code, only when it is newer than the last one: two requests
 * racing with one code cannot both pass (the second updates nothing).
 */
export async function advanceTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('operator')
    .set({ totp_last_step: String(step) })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]),
    )
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Keeps the enrolled secret, only when none is enrolled yet: a second enrolment session (someone
 * else with the password, before the owner finished) cannot replace the owner's. False when one was.
 */
export async function setTotpSecret(
  db: Db,
  id: string,
  sealed: string,
  step: number,
): Promise<boolean> {
  const r = await db
    .updateTable('operator')
    .set({ totp_secret: sealed, totp_last_step: String(step) })
    .where('id', '=', id)
    .where('totp_secret', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Ends an operator's half-way enrolment sessions (a second factor was just enrolled). */
export async function endEnrolmentSessions(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('operator_session')
    .where('operator_id', '=', id)
    .where('stage', '=', 'enrol')
    .execute();
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; operatorId: string; stage: OperatorStage; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('operator_session')
    .values({
      token_hash: s.tokenHash,
      operator_id: s.operatorId,
      stage: s.stage,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('operator_session')
    .innerJoin('operator', 'operator.id', 'operator_session.operator_id')
    .select([
      'operator_session.stage',
      'operator_session.pending_totp_secret as pendingSecret',
      'operator_session.last_seen_at as lastSeenAt',
      'operator_session.expires_at as expiresAt',
      'operator.id',
      'operator.email',
      'operator.active',
    ])
    .where('operator_session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function setPendingSecret(db: Db, tokenHash: string, sealed: string): Promise<void> {
  await db
    .updateTable('operator_session')
    .set({ pending_totp_secret: sealed })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('operator_session')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('operator_session').where('token_hash', '=', tokenHash).execute();
}

export async function pruneSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('operator_session').where('expires_at', '<=', now).execute();
}

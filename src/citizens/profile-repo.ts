// SQL of the profile's changes (migration 023): pending e-mail changes, each bound to one
// account, and the move of an e-mail-only account's sign-in identity to its new address.
import type { Db } from '../db/db.ts';
import { EMAIL_PROVIDER } from './domain.ts';

/** A new e-mail change (its id is made by the caller: the code's HMAC is bound to it). */
export async function insertEmailChange(
  db: Db,
  c: {
    id: string;
    accountId: string;
    email: string;
    codeHash: string;
    ip: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('citizen_email_changes')
    .values({
      id: c.id,
      account_id: c.accountId,
      new_email: c.email,
      code_hash: c.codeHash,
      ip: c.ip,
      created_at: c.now,
      expires_at: c.expiresAt,
      used_at: null,
      locked_at: null,
    })
    .execute();
}

/** When changes were asked for, newest first, by one account or to one address, since `since`. */
export async function recentEmailChanges(
  db: Db,
  column: 'account_id' | 'new_email',
  value: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('citizen_email_changes')
    .select('created_at')
    .where(column, '=', value)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.created_at);
}

/** One of the account's changes not yet used (another account's is not found). */
export async function unusedEmailChange(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('citizen_email_changes')
    .select(['id', 'new_email as email'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
}

/**
 * A change of this account, locked for the check (two tries at once are counted one after the
 * other). Another account's change is not found, whatever its id.
 */
export async function emailChangeForCheck(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('citizen_email_changes')
    .select([
      'id',
      'new_email as email',
      'code_hash as codeHash',
      'attempts',
      'expires_at as expiresAt',
      'used_at as usedAt',
      'locked_at as lockedAt',
    ])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markEmailChangeUsed(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('citizen_email_changes')
    .set({ used_at: now })
    .where('id', '=', id)
    .execute();
}

export async function recordWrongEmailCode(
  db: Db,
  id: string,
  attempts: number,
  lockedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('citizen_email_changes')
    .set({ attempts, locked_at: lockedAt })
    .where('id', '=', id)
    .execute();
}

/** The addresses the account signs in with by e-mail code (its 'email' identities). */
export async function emailIdentitiesOf(db: Db, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('citizen_identities')
    .select('person_identifier')
    .where('provider_id', '=', EMAIL_PROVIDER)
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.person_identifier);
}

/**
 * Moves the account's e-mail sign-in to `email`: the new identity is inserted unless the address
 * is someone's already, then the old ones go. Returns the account that owns `email` afterwards:
 * this one, or another (then nothing was moved). The key's uniqueness decides a race of two
 * accounts for one address: the loser's insert does nothing and it reads the winner.
 */
export async function moveEmailIdentity(
  db: Db,
  accountId: string,
  email: string,
  now: Date,
): Promise<string> {
  const inserted = await db
    .insertInto('citizen_identities')
    .values({
      provider_id: EMAIL_PROVIDER,
      person_identifier: email,
      account_id: accountId,
      created_at: now,
      last_sign_in_at: now,
    })
    .onConflict((oc) => oc.columns(['provider_id', 'person_identifier']).doNothing())
    .returning('account_id')
    .executeTakeFirst();
  const owner =
    inserted?.account_id ??
    (
      await db
        .selectFrom('citizen_identities')
        .select('account_id')
        .where('provider_id', '=', EMAIL_PROVIDER)
        .where('person_identifier', '=', email)
        .executeTakeFirstOrThrow()
    ).account_id;
  if (owner !== accountId) return owner;
  await db
    .deleteFrom('citizen_identities')
    .where('provider_id', '=', EMAIL_PROVIDER)
    .where('account_id', '=', accountId)
    .where('person_identifier', '<>', email)
    .execute();
  return owner;
}

/** The account's e-mail, verified by the code just entered. */
export async function setVerifiedEmail(db: Db, accountId: string, email: string): Promise<void> {
  await db
    .updateTable('citizen_accounts')
    .set({ email, email_verified: true })
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .execute();
}

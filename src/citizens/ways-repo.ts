// SQL of an account's ways to sign in (migration 025): its identities by their own id, the
// account locked while one is added or removed, and the e-mail codes that add an address.
import type { Db } from '../db/db.ts';
import type { Loa } from './domain.ts';

/** The account's ways to sign in, oldest first (with what the page shows of each). */
export async function waysOf(db: Db, accountId: string) {
  return db
    .selectFrom('citizen_identities')
    .select([
      'id',
      'provider_id as providerId',
      'person_identifier as personIdentifier',
      'created_at as createdAt',
      'last_sign_in_at as lastUsedAt',
    ])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('provider_id')
    .execute();
}

/**
 * Locks a live account's row until the transaction ends, so that two changes of its ways (two
 * removals, a removal and a link) are decided one after the other: "not the last" holds.
 * False when there is no live account.
 */
export async function lockAccount(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('citizen_accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes one of the account's ways (another account's is not touched). */
export async function deleteWay(db: Db, accountId: string, wayId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('citizen_identities')
    .where('id', '=', wayId)
    .where('account_id', '=', accountId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Clears what an eID said about the account, once no eID signs in to it any more. */
export async function eraseEidData(db: Db, accountId: string): Promise<void> {
  await db
    .updateTable('citizen_accounts')
    .set({
      given_name: null,
      family_name: null,
      date_of_birth: null,
      address: null,
      identity_source: null,
      identity_updated_at: null,
    })
    .where('id', '=', accountId)
    .execute();
}

/** A session's level after a link (the caller decides it only rises). */
export async function setSessionLoa(db: Db, tokenHash: string, loa: Loa): Promise<void> {
  await db
    .updateTable('citizen_sessions')
    .set({ loa })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** When the account asked for codes to add an address, newest first, since `since`. */
export async function recentLinkCodes(db: Db, accountId: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('citizen_sign_in_codes')
    .select('created_at')
    .where('link_account_id', '=', accountId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.created_at);
}

/**
 * A code that adds an address to this account, locked for the check (two tries at once are
 * counted one after the other). A sign-in code, or another account's, is not found.
 */
export async function linkCodeForCheck(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('citizen_sign_in_codes')
    .select([
      'id',
      'email',
      'code_hash as codeHash',
      'attempts',
      'expires_at as expiresAt',
      'used_at as usedAt',
      'locked_at as lockedAt',
      'link_session_hash as sessionHash',
    ])
    .where('id', '=', id)
    .where('link_account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

/** The address of one of the account's codes still unused (for the code page), or undefined. */
export async function unusedLinkCode(db: Db, accountId: string, id: string) {
  return db
    .selectFrom('citizen_sign_in_codes')
    .select(['id', 'email'])
    .where('id', '=', id)
    .where('link_account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
}

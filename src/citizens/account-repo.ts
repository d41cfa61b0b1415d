// SQL of the personal account's own parts (decision 032): what the export reads and what the
// deletion erases. Sessions and identities come from migration 019.
import type { Db } from '../db/db.ts';

/** The account's identities: provider, identifier and when it was first and last used. */
export async function identitiesOf(db: Db, accountId: string) {
  return db
    .selectFrom('citizen_identities')
    .select([
      'provider_id as providerId',
      'person_identifier as personIdentifier',
      'created_at as createdAt',
      'last_sign_in_at as lastSignInAt',
    ])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
}

/** The account's open sessions: their times and levels (never the token's hash). */
export async function sessionsOf(db: Db, accountId: string) {
  return db
    .selectFrom('citizen_sessions')
    .select([
      'provider_id as providerId',
      'loa',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
    ])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
}

/**
 * Erases a deleted account: every personal field cleared, identities, sessions, pending
 * e-mail changes and codes to add an address removed. The row stays, with only its id and dates, so the audit entries
 * naming it still point somewhere. False when there was no live account to delete.
 */
export async function eraseAccount(db: Db, accountId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('citizen_accounts')
    .set({
      given_name: null,
      family_name: null,
      date_of_birth: null,
      address: null,
      identity_source: null,
      identity_updated_at: null,
      email: null,
      email_verified: false,
      phone: null,
      deleted_at: now,
    })
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('citizen_identities').where('account_id', '=', accountId).execute();
  await db.deleteFrom('citizen_sessions').where('account_id', '=', accountId).execute();
  await db.deleteFrom('citizen_email_changes').where('account_id', '=', accountId).execute();
  // Codes asked to add an address to it (migration 025): their addresses go with it.
  await db.deleteFrom('citizen_sign_in_codes').where('link_account_id', '=', accountId).execute();
  return true;
}

/** The phone number the citizen keeps up to date (null: none). */
export async function setPhone(db: Db, accountId: string, phone: string | null): Promise<void> {
  await db
    .updateTable('citizen_accounts')
    .set({ phone })
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .execute();
}

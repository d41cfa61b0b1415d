// SQL of citizen accounts, identities, sessions and the sign-in counts (migration 019).
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Loa, VerifiedIdentity } from './domain.ts';

/** The account an identity belongs to, or undefined the first time this person signs in with it. */
export async function accountForIdentity(
  db: Db,
  providerId: string,
  personIdentifier: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('citizen_identities')
    .select('account_id')
    .where('provider_id', '=', providerId)
    .where('person_identifier', '=', personIdentifier)
    .executeTakeFirst();
  return row?.account_id;
}

/** A new account for a first sign-in, with what the identity says. */
export async function insertAccount(db: Db, identity: VerifiedIdentity, now: Date) {
  const fromEid = eidFields(identity, now);
  const row = await db
    .insertInto('citizen_accounts')
    .values({
      created_at: now,
      given_name: null,
      family_name: null,
      date_of_birth: null,
      address: null,
      identity_source: null,
      identity_updated_at: null,
      phone: null,
      deleted_at: null,
      ...fromEid,
      email: identity.email ?? null,
      email_verified: identity.providerId === 'email',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Links an identity to an account. Two first sign-ins of one person at once both try; the one
 * that loses the race inserts nothing and reads the winner's account (the caller deletes its own).
 */
export async function linkIdentity(
  db: Db,
  identity: VerifiedIdentity,
  accountId: string,
  now: Date,
): Promise<string> {
  await db
    .insertInto('citizen_identities')
    .values({
      provider_id: identity.providerId,
      person_identifier: identity.personIdentifier,
      account_id: accountId,
      created_at: now,
      last_sign_in_at: now,
    })
    .onConflict((oc) => oc.columns(['provider_id', 'person_identifier']).doNothing())
    .execute();
  const owner = await accountForIdentity(db, identity.providerId, identity.personIdentifier);
  if (!owner) throw new Error('identity vanished while it was linked');
  return owner;
}

export async function deleteAccountRow(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('citizen_accounts').where('id', '=', accountId).execute();
}

/** An eID's answer refreshes the read-only part of the profile (an e-mail sign-in says none of it). */
function eidFields(identity: VerifiedIdentity, now: Date) {
  if (identity.providerId === 'email') return {};
  return {
    given_name: identity.givenName ?? null,
    family_name: identity.familyName ?? null,
    date_of_birth: identity.dateOfBirth ?? null,
    address: identity.address ?? null,
    identity_source: identity.providerId,
    identity_updated_at: now,
  };
}

/** At each sign-in: the identity's last use, and the eID's data as it says it now. */
export async function refreshAtSignIn(
  db: Db,
  accountId: string,
  identity: VerifiedIdentity,
  now: Date,
): Promise<void> {
  await db
    .updateTable('citizen_identities')
    .set({ last_sign_in_at: now })
    .where('provider_id', '=', identity.providerId)
    .where('person_identifier', '=', identity.personIdentifier)
    .execute();
  const fields = eidFields(identity, now);
  const verifiedEmail = identity.providerId === 'email' && identity.email;
  if (Object.keys(fields).length === 0 && !verifiedEmail) return;
  await db
    .updateTable('citizen_accounts')
    .set({ ...fields, ...(verifiedEmail ? { email: verifiedEmail, email_verified: true } : {}) })
    .where('id', '=', accountId)
    .execute();
}

export async function accountIsLive(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('citizen_accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(
  db: Db,
  s: {
    tokenHash: string;
    accountId: string;
    loa: Loa;
    providerId: string;
    logout: Record<string, string>;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('citizen_sessions')
    .values({
      token_hash: s.tokenHash,
      account_id: s.accountId,
      loa: s.loa,
      provider_id: s.providerId,
      provider_session: JSON.stringify(s.logout),
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** A session with its (not deleted) account. */
export async function findSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizen_accounts as a', 'a.id', 's.account_id')
    .select([
      's.account_id as accountId',
      's.loa',
      's.provider_id as providerId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'a.given_name as givenName',
      'a.family_name as familyName',
      'a.email',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('citizen_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Ends a session; what its provider's logout needs, when there was one. */
export async function deleteSession(db: Db, tokenHash: string) {
  return db
    .deleteFrom('citizen_sessions')
    .where('token_hash', '=', tokenHash)
    .returning(['provider_id as providerId', 'provider_session as logout'])
    .executeTakeFirst();
}

/** Ended sessions, and e-mail codes a day past their expiry. */
export async function pruneSessions(db: Db, now: Date, codesBefore: Date): Promise<void> {
  await db.deleteFrom('citizen_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('citizen_sign_in_codes').where('expires_at', '<', codesBefore).execute();
}

/**
 * Counts one sign-in (and a new account) for the statistics, on the organisation's local day;
 * without an organisation, on the UTC day.
 */
export async function countSignIn(
  db: Db,
  c: {
    organisationId: string | null;
    providerId: string;
    loa: Loa;
    newAccount: boolean;
    at: Date;
  },
): Promise<void> {
  const zone = sql`COALESCE((SELECT time_zone FROM organisation WHERE id = ${c.organisationId}), 'UTC')`;
  await sql`INSERT INTO citizen_sign_ins (organisation_id, day, provider_id, loa, sign_ins, new_accounts)
    VALUES (${c.organisationId}, (${c.at}::timestamptz AT TIME ZONE ${zone})::date, ${c.providerId}, ${c.loa}, 1, ${c.newAccount ? 1 : 0})
    ON CONFLICT ON CONSTRAINT citizen_sign_ins_key DO UPDATE SET
      sign_ins = citizen_sign_ins.sign_ins + 1,
      new_accounts = citizen_sign_ins.new_accounts + excluded.new_accounts`.execute(db);
}

/** The account as its page shows it. */
export async function findAccount(db: Db, accountId: string) {
  return db
    .selectFrom('citizen_accounts')
    .select([
      'id',
      'created_at as createdAt',
      'given_name as givenName',
      'family_name as familyName',
      'date_of_birth as dateOfBirth',
      'address',
      'identity_source as identitySource',
      'identity_updated_at as identityUpdatedAt',
      'email',
      'email_verified as emailVerified',
      'phone',
    ])
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

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

/** Ended sessions, and e-mail codes (sign-in and e-mail change) a day past their expiry. */
export async function pruneSessions(db: Db, now: Date, codesBefore: Date): Promise<void> {
  await db.deleteFrom('citizen_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('citizen_sign_in_codes').where('expires_at', '<', codesBefore).execute();
  await db.deleteFrom('citizen_email_changes').where('expires_at', '<', codesBefore).execute();
}

/** An organisation's id by its slug, or null when there is none by that slug. */
export async function organisationIdBySlug(db: Db, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id ?? null;
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

/** A new e-mail sign-in code (its id is made by the caller: the code's HMAC is bound to it). */
export async function insertCode(
  db: Db,
  c: {
    id: string;
    email: string;
    codeHash: string;
    organisationId: string | null;
    ip: string;
    now: Date;
    expiresAt: Date;
    /** A code that adds the address as a way to sign in to this account, in this session. */
    link?: { accountId: string; sessionHash: string } | undefined;
  },
): Promise<void> {
  await db
    .insertInto('citizen_sign_in_codes')
    .values({
      id: c.id,
      email: c.email,
      code_hash: c.codeHash,
      organisation_id: c.organisationId,
      ip: c.ip,
      created_at: c.now,
      expires_at: c.expiresAt,
      used_at: null,
      locked_at: null,
      link_account_id: c.link?.accountId ?? null,
      link_session_hash: c.link?.sessionHash ?? null,
    })
    .execute();
}

/** When codes were asked for, newest first, for one address or from one IP, since `since`. */
export async function recentCodeRequests(
  db: Db,
  column: 'email' | 'ip',
  value: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('citizen_sign_in_codes')
    .select('created_at')
    .where(column, '=', value)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.created_at);
}

/** A code, locked for the check (two tries at once are counted one after the other). */
export async function codeForCheck(db: Db, id: string) {
  return (
    db
      .selectFrom('citizen_sign_in_codes')
      .select([
        'id',
        'email',
        'code_hash as codeHash',
        'organisation_id as organisationId',
        'attempts',
        'expires_at as expiresAt',
        'used_at as usedAt',
        'locked_at as lockedAt',
      ])
      .where('id', '=', id)
      // A code that adds an address to an account signs nobody in (ways.ts checks it).
      .where('link_account_id', 'is', null)
      .forUpdate()
      .executeTakeFirst()
  );
}

/** The address and expiry a code page names. */
export async function codeSummary(db: Db, id: string) {
  return db
    .selectFrom('citizen_sign_in_codes')
    .select(['email', 'expires_at as expiresAt'])
    .where('id', '=', id)
    .where('link_account_id', 'is', null)
    .executeTakeFirst();
}

export async function markCodeUsed(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('citizen_sign_in_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .execute();
}

export async function recordWrongCode(
  db: Db,
  id: string,
  attempts: number,
  lockedAt: Date | null,
): Promise<void> {
  await db
    .updateTable('citizen_sign_in_codes')
    .set({ attempts, locked_at: lockedAt })
    .where('id', '=', id)
    .execute();
}

/** The providers switched on for one organisation, or (null) for any organisation. */
export async function enabledProviderIds(db: Db, organisationId: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation_eid_providers')
    .select('provider_id')
    .distinct()
    .$if(organisationId !== null, (q) => q.where('organisation_id', '=', organisationId!))
    .execute();
  return rows.map((r) => r.provider_id);
}

/** Sets exactly which providers an organisation offers. */
export async function setEnabledProviders(
  db: Db,
  organisationId: string,
  providerIds: readonly string[],
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('organisation_eid_providers')
    .where('organisation_id', '=', organisationId)
    .$if(providerIds.length > 0, (q) => q.where('provider_id', 'not in', providerIds))
    .execute();
  if (providerIds.length === 0) return;
  await db
    .insertInto('organisation_eid_providers')
    .values(
      providerIds.map((id) => ({
        organisation_id: organisationId,
        provider_id: id,
        enabled_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'provider_id']).doNothing())
    .execute();
}

/** Every provider on for every organisation (development with demo data). */
export async function enableEverywhere(
  db: Db,
  providerIds: readonly string[],
  now: Date,
): Promise<void> {
  for (const id of providerIds)
    await sql`INSERT INTO organisation_eid_providers (organisation_id, provider_id, enabled_at)
      SELECT id, ${id}, ${now} FROM organisation ON CONFLICT DO NOTHING`.execute(db);
}

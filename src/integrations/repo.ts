import type { Db } from '../db/db.ts';

/** A token as the admin's list shows it (never its hash). */
export type ApiTokenRow = {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

const LISTED = [
  'api_token.id',
  'api_token.name',
  'api_token.scopes',
  'api_token.created_at as createdAt',
  'creator.display_name as createdBy',
  'api_token.last_used_at as lastUsedAt',
  'api_token.revoked_at as revokedAt',
  'revoker.display_name as revokedBy',
] as const;

/** Stores a new token by its hash; returns its id. */
export async function insertToken(
  db: Db,
  t: {
    organisationId: string;
    name: string;
    scopes: string[];
    tokenHash: string;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('api_token')
    .values({
      organisation_id: t.organisationId,
      name: t.name,
      scopes: t.scopes,
      token_hash: t.tokenHash,
      created_by: t.createdBy,
      created_at: t.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function listed(db: Db, organisationId: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('staff as creator', 'creator.id', 'api_token.created_by')
    .leftJoin('staff as revoker', 'revoker.id', 'api_token.revoked_by')
    .select(LISTED)
    .where('api_token.organisation_id', '=', organisationId);
}

/** The organisation's tokens: live ones first, then the newest. */
export async function listTokens(db: Db, organisationId: string): Promise<ApiTokenRow[]> {
  return listed(db, organisationId)
    .orderBy((eb) => eb('api_token.revoked_at', 'is', null), 'desc')
    .orderBy('api_token.created_at', 'desc')
    .orderBy('api_token.id')
    .execute();
}

/** The zone the organisation's times are shown in. */
export async function timeZoneOf(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** One token of the organisation; undefined for another organisation's (or none). */
export async function findToken(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return listed(db, organisationId).where('api_token.id', '=', id).executeTakeFirst();
}

/** Revokes a live token of the organisation; false when it is not there or already revoked. */
export async function revokeToken(
  db: Db,
  t: { organisationId: string; id: string; by: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: t.now, revoked_by: t.by })
    .where('organisation_id', '=', t.organisationId)
    .where('id', '=', t.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A token by its hash, with its organisation as the API's paths name it. The organisation's
 * slug and suspension are read with it, as the staff sessions read theirs (identity/repo.ts):
 * one query per call.
 */
export async function findByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('organisation', 'organisation.id', 'api_token.organisation_id')
    .select([
      'api_token.id',
      'api_token.name',
      'api_token.scopes',
      'api_token.organisation_id as organisationId',
      'organisation.slug as organisation',
      'organisation.suspended_at as suspendedAt',
      'api_token.last_used_at as lastUsedAt',
      'api_token.revoked_at as revokedAt',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Writes a use down unless another call (here or on another instance) did within `every`:
 * the condition makes concurrent calls write once.
 */
export async function touchToken(db: Db, id: string, now: Date, since: Date): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', since)]))
    .execute();
}

/** Records a failed call from an address. */
export async function recordFailure(db: Db, ip: string, at: Date): Promise<void> {
  await db.insertInto('api_token_failure').values({ ip, at }).execute();
}

/** Failure times from an address after `since`, newest first (at most `limit`). */
export async function recentFailures(
  db: Db,
  ip: string,
  since: Date,
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('api_token_failure')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

/** Removes failures recorded before `before`. */
export async function pruneFailures(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('api_token_failure')
    .where('at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// SQL of the pending OpenID Connect sign-ins (migration 020).
import type { Db } from '../../db/db.ts';
import type { Loa } from '../../citizens/domain.ts';

export type PendingRequest = {
  id: string;
  providerId: string;
  nonce: string;
  loa: Loa;
  returnTo: string | null;
  organisationId: string | null;
  browserHash: string;
  createdAt: Date;
  expiresAt: Date;
};

/** Keeps a pending sign-in, and drops those that expired unused (a start is rare enough). */
export async function insertRequest(db: Db, r: PendingRequest, now: Date): Promise<void> {
  await db.deleteFrom('oidc_requests').where('expires_at', '<', now).execute();
  await db
    .insertInto('oidc_requests')
    .values({
      id: r.id,
      provider_id: r.providerId,
      nonce: r.nonce,
      loa: r.loa,
      return_to: r.returnTo,
      organisation_id: r.organisationId,
      browser_hash: r.browserHash,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
    })
    .execute();
}

/**
 * Takes a pending sign-in out: deleted and returned in one statement, so of two callbacks
 * with the same state (a replay, a double click, two instances) exactly one gets it.
 */
export async function takeRequest(
  db: Db,
  id: string,
  providerId: string,
): Promise<PendingRequest | null> {
  const row = await db
    .deleteFrom('oidc_requests')
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    providerId: row.provider_id,
    nonce: row.nonce,
    loa: row.loa,
    returnTo: row.return_to,
    organisationId: row.organisation_id,
    browserHash: row.browser_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

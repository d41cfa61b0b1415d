import type { Db } from '../db/db.ts';
import type { Loa } from './domain.ts';

/** A sign-in started here and not yet answered (eid_requests). */
export type PendingRequest = {
  id: string;
  providerId: string;
  loa: Loa;
  returnTo: string;
  organisationId: string | null;
};

/** Records a request the browser is being sent to the provider with. */
export async function insertRequest(
  db: Db,
  r: PendingRequest & { kind: 'saml_authn' | 'saml_logout'; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('eid_requests')
    .values({
      id: r.id,
      provider_id: r.providerId,
      kind: r.kind,
      nonce: null,
      loa: r.loa,
      return_to: r.returnTo,
      organisation: r.organisationId,
      created_at: r.now,
      expires_at: r.expiresAt,
    })
    .execute();
}

/** The pending request `id` of this provider and kind, unless it has expired. */
export async function findRequest(
  db: Db,
  providerId: string,
  kind: 'saml_authn' | 'saml_logout',
  id: string,
  now: Date,
): Promise<PendingRequest | null> {
  const row = await db
    .selectFrom('eid_requests')
    .select(['id', 'provider_id', 'loa', 'return_to', 'organisation'])
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    providerId: row.provider_id,
    loa: row.loa,
    returnTo: row.return_to,
    organisationId: row.organisation,
  };
}

/**
 * Remembers ids as used, all or none: true when none of them had been seen. The primary key
 * decides between instances, so two answers with the same id never both get through.
 */
export async function markUsed(
  db: Db,
  providerId: string,
  ids: string[],
  expiresAt: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('eid_replay')
      .values(ids.map((id) => ({ provider_id: providerId, id, expires_at: expiresAt })))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    if (inserted.length === ids.length) return true;
    // Take back the ones that were new, so a refused answer leaves nothing behind.
    if (inserted.length > 0)
      await tx
        .deleteFrom('eid_replay')
        .where('provider_id', '=', providerId)
        .where(
          'id',
          'in',
          inserted.map((r) => r.id),
        )
        .execute();
    return false;
  });
}

/** Deletes expired requests and replay entries (a background job). */
export async function prune(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('eid_requests').where('expires_at', '<', now).execute();
  await db.deleteFrom('eid_replay').where('expires_at', '<', now).execute();
}

// SQL of the eID sign-ins, both protocols (migrations 022, 024, 025): the requests a browser was
// sent to a provider with (eid_requests) and the SAML answers already used (eid_replay).
import type { Db } from '../db/db.ts';
import type { LinkIntent } from '../citizens/service.ts';
import type { Loa } from './domain.ts';
import type { ActIntent } from './act.ts';

/** What a browser can be sent to a provider with (eid_requests.kind). */
export type RequestKind = 'saml_authn' | 'saml_logout' | 'oidc_authn';

/** A request as stored; the columns each kind must have are a CHECK in migration 024. */
export type NewRequest = {
  id: string;
  providerId: string;
  kind: RequestKind;
  /** The level asked; null for a logout. */
  loa: Loa | null;
  /** The local path to go back to after a sign-in; null for a logout. */
  returnTo: string | null;
  organisationId: string | null;
  /** OIDC only: the nonce the id_token must echo, and the SHA-256 of the browser's cookie. */
  nonce?: string | null;
  browserHash?: string | null;
  /** A sign-in that adds a way to an account: the account and session it was started for. */
  link?: LinkIntent | null;
  /** A sign-in that authorises sending a draft (decision 042): the draft and its account. */
  act?: ActIntent | null;
  createdAt: Date;
  expiresAt: Date;
};

/** A sign-in started here and not yet answered. */
export type PendingSignIn = {
  id: string;
  providerId: string;
  loa: Loa;
  returnTo: string;
  organisationId: string | null;
  nonce: string | null;
  browserHash: string | null;
  link: LinkIntent | null;
  act: ActIntent | null;
  createdAt: Date;
  expiresAt: Date;
};

type Row = {
  id: string;
  provider_id: string;
  loa: Loa | null;
  return_to: string | null;
  organisation_id: string | null;
  nonce: string | null;
  browser_hash: string | null;
  link_account_id: string | null;
  link_session_hash: string | null;
  act_draft_id: string | null;
  act_account_id: string | null;
  created_at: Date;
  expires_at: Date;
};

const COLUMNS = [
  'id',
  'provider_id',
  'loa',
  'return_to',
  'organisation_id',
  'nonce',
  'browser_hash',
  'link_account_id',
  'link_session_hash',
  'act_draft_id',
  'act_account_id',
  'created_at',
  'expires_at',
] as const;

/** A row as a sign-in; a logout row (no level, no way back) is none. */
function signInOf(row: Row | undefined): PendingSignIn | null {
  if (!row?.loa || row.return_to === null) return null;
  return {
    id: row.id,
    providerId: row.provider_id,
    loa: row.loa,
    returnTo: row.return_to,
    organisationId: row.organisation_id,
    nonce: row.nonce,
    browserHash: row.browser_hash,
    link:
      row.link_account_id && row.link_session_hash
        ? { accountId: row.link_account_id, sessionHash: row.link_session_hash }
        : null,
    act:
      row.act_draft_id && row.act_account_id
        ? { draftId: row.act_draft_id, accountId: row.act_account_id }
        : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Records a request the browser is being sent to the provider with. */
export async function insertRequest(db: Db, r: NewRequest): Promise<void> {
  await db
    .insertInto('eid_requests')
    .values({
      id: r.id,
      provider_id: r.providerId,
      kind: r.kind,
      nonce: r.nonce ?? null,
      loa: r.loa,
      return_to: r.returnTo,
      organisation_id: r.organisationId,
      browser_hash: r.browserHash ?? null,
      link_account_id: r.link?.accountId ?? null,
      link_session_hash: r.link?.sessionHash ?? null,
      act_draft_id: r.act?.draftId ?? null,
      act_account_id: r.act?.accountId ?? null,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
    })
    .execute();
}

/**
 * The pending sign-in `id` of this provider and kind, unless it has expired; it stays (SAML's
 * assertion consumer marks it used in the replay cache with the answer's ids).
 */
export async function findSignIn(
  db: Db,
  providerId: string,
  kind: 'saml_authn' | 'oidc_authn',
  id: string,
  now: Date,
): Promise<PendingSignIn | null> {
  const row = await db
    .selectFrom('eid_requests')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return signInOf(row);
}

/**
 * Takes a pending request out: deleted and returned in one statement, so of two answers with
 * the same id (a replay, a double click, two instances) exactly one gets it. Expired rows are
 * returned too, for the caller to tell "expired" from "unknown"; `kind` decides which rows
 * are eligible, so an OIDC state never answers a SAML logout and the other way round.
 */
export async function takeRequest(
  db: Db,
  providerId: string,
  kind: RequestKind,
  id: string,
): Promise<Row | null> {
  const row = await db
    .deleteFrom('eid_requests')
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('kind', '=', kind)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** takeRequest for a sign-in: the pending sign-in, or null. */
export async function takeSignIn(
  db: Db,
  providerId: string,
  kind: 'saml_authn' | 'oidc_authn',
  id: string,
): Promise<PendingSignIn | null> {
  return signInOf((await takeRequest(db, providerId, kind, id)) ?? undefined);
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

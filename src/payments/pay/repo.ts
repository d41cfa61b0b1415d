// The SQL of paying without signing in and of the account's fees: the lookup, payment links
// (payment_tokens) and the account's obligations. Obligations themselves are read through the
// register's obligations-repo.ts.
import type { Db } from '../../db/db.ts';
import type { PayerKey } from './domain.ts';

/** Most obligations one birth-number lookup finds (a person's dog, waste, … fees of a few years). */
export const MAX_MATCHES = 20;

/**
 * The organisation's obligations that match a payer key and are not cancelled, the earliest due
 * first. The variable symbols are one or two readings of what the payer typed (symbolsTyped); a
 * birth number may match several.
 */
export async function matchObligations(
  db: Db,
  organisationId: string,
  key: PayerKey,
): Promise<string[]> {
  let q = db
    .selectFrom('obligations')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('payer_name_key', '=', key.nameKey)
    .where('cancelled_at', 'is', null);
  q =
    key.by === 'symbol'
      ? q.where('variable_symbol', 'in', key.variableSymbols)
      : q.where('birth_number_hmac', '=', key.birthNumberHmac);
  const rows = await q.orderBy('due_date').orderBy('id').limit(MAX_MATCHES).execute();
  return rows.map((r) => r.id);
}

/** A payment link as stored. */
export type NewPaymentToken = {
  hash: string;
  obligationId: string;
  receiptEmail: string | null;
  now: Date;
  expiresAt: Date;
};

/** Stores payment links (in the caller's transaction). */
export async function insertTokens(db: Db, tokens: readonly NewPaymentToken[]): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .insertInto('payment_tokens')
    .values(
      tokens.map((t) => ({
        token_hash: t.hash,
        obligation_id: t.obligationId,
        receipt_email: t.receiptEmail,
        created_at: t.now,
        expires_at: t.expiresAt,
      })),
    )
    .execute();
}

/** What a payment link opens: one obligation of one organisation, until it expires. */
export type TokenTarget = {
  obligationId: string;
  organisationId: string;
  receiptEmail: string | null;
  expiresAt: Date;
};

/** The payment link with this hash, or undefined. */
export async function tokenTarget(db: Db, hash: string): Promise<TokenTarget | undefined> {
  return db
    .selectFrom('payment_tokens as t')
    .innerJoin('obligations as o', 'o.id', 't.obligation_id')
    .select([
      't.obligation_id as obligationId',
      'o.organisation_id as organisationId',
      't.receipt_email as receiptEmail',
      't.expires_at as expiresAt',
    ])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
}

/** Deletes payment links that expired before `before`; how many went. */
export async function deleteExpiredTokens(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('payment_tokens')
    .where('expires_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Most obligations the account's section lists. */
export const ACCOUNT_LIMIT = 100;

/** The account's obligations (not cancelled), by organisation, the latest due first. */
export async function accountObligations(
  db: Db,
  accountId: string,
): Promise<{ id: string; organisationId: string }[]> {
  return db
    .selectFrom('obligations')
    .select(['id', 'organisation_id as organisationId'])
    .where('citizen_account_id', '=', accountId)
    .where('cancelled_at', 'is', null)
    .orderBy('due_date', 'desc')
    .orderBy('id')
    .limit(ACCOUNT_LIMIT)
    .execute();
}

/** The account's own obligation with this id (not cancelled), or undefined. */
export async function ownedObligation(
  db: Db,
  accountId: string,
  obligationId: string,
): Promise<{ id: string; organisationId: string } | undefined> {
  return db
    .selectFrom('obligations')
    .select(['id', 'organisation_id as organisationId'])
    .where('id', '=', obligationId)
    .where('citizen_account_id', '=', accountId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

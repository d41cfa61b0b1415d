// SQL of citizens' drafts (migration 030): the drafts, their resume links, the account's list.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Answers } from './answer-types.ts';
import type { LocalizedText } from './definition.ts';

export type DraftRow = {
  id: string;
  formId: string;
  version: number;
  accountId: string | null;
  email: string | null;
  language: Lang;
  answers: Answers;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  deletedAt: Date | null;
};

const COLUMNS = [
  'id',
  'form_id as formId',
  'version',
  'account_id as accountId',
  'email',
  'language',
  'answers',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'expires_at as expiresAt',
  'deleted_at as deletedAt',
] as const;

const row = (r: Record<string, unknown>) => r as unknown as DraftRow;

/** A draft by id, deleted or not; who may see it is the service's to decide. */
export async function findDraft(db: Db, id: string): Promise<DraftRow | undefined> {
  const r = await db
    .selectFrom('form_drafts')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && row(r);
}

/** The live draft of a form by an account or (without one) an e-mail address. */
export async function findLive(
  db: Db,
  formId: string,
  owner: { accountId: string } | { email: string },
): Promise<DraftRow | undefined> {
  let q = db
    .selectFrom('form_drafts')
    .select(COLUMNS)
    .where('form_id', '=', formId)
    .where('deleted_at', 'is', null);
  q =
    'accountId' in owner
      ? q.where('account_id', '=', owner.accountId)
      : q.where('email', '=', owner.email);
  const r = await q.executeTakeFirst();
  return r && row(r);
}

/** A new draft; a second live one for the same form and person breaks a unique index (23505). */
export async function insertDraft(
  db: Db,
  d: {
    formId: string;
    version: number;
    accountId: string | null;
    email: string | null;
    language: Lang;
    answers: Answers;
    now: Date;
    expiresAt: Date | null;
  },
): Promise<string> {
  const r = await db
    .insertInto('form_drafts')
    .values({
      form_id: d.formId,
      version: d.version,
      account_id: d.accountId,
      email: d.email,
      language: d.language,
      answers: JSON.stringify(d.answers),
      created_at: d.now,
      updated_at: d.now,
      expires_at: d.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a live draft's answers (and its version, when it moved to a newer one). */
export async function saveAnswers(
  db: Db,
  id: string,
  answers: Answers,
  version: number,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('form_drafts')
    .set({ answers: JSON.stringify(answers), version, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Marks a draft deleted (null) or restores it (null → live). */
export async function setDeleted(db: Db, id: string, at: Date | null): Promise<boolean> {
  const r = await db
    .updateTable('form_drafts')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('deleted_at', at ? 'is' : 'is not', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A resume link's hash; the draft lives at least as long as its newest link. */
export async function insertLink(
  db: Db,
  l: { draftId: string; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('form_draft_links')
    .values({
      token_hash: l.tokenHash,
      draft_id: l.draftId,
      created_at: l.now,
      expires_at: l.expiresAt,
    })
    .execute();
  await db
    .updateTable('form_drafts')
    .set({ expires_at: sql<Date>`GREATEST(expires_at, ${l.expiresAt})` })
    .where('id', '=', l.draftId)
    .execute();
}

/** The draft a resume link opens, while the link has not expired. */
export async function draftOfLink(db: Db, tokenHash: string, now: Date) {
  const r = await db
    .selectFrom('form_draft_links')
    .select(['draft_id as draftId', 'expires_at as expiresAt'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r;
}

/** An account's drafts, live and deleted, with each form's slug and title and its organisation. */
export async function listForAccount(db: Db, accountId: string) {
  return db
    .selectFrom('form_drafts as d')
    .innerJoin('forms as f', 'f.id', 'd.form_id')
    .innerJoin('form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 'd.form_id').onRef('v.version', '=', 'd.version'),
    )
    .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
    .select([
      'd.id',
      'd.updated_at as updatedAt',
      'd.deleted_at as deletedAt',
      'f.slug',
      'o.slug as organisationSlug',
      sql<LocalizedText>`v.definition -> 'title'`.as('title'),
    ])
    .where('d.account_id', '=', accountId)
    .orderBy('d.updated_at', 'desc')
    .limit(100)
    .execute();
}

/** An account's drafts with their answers, for the account's export. */
export async function exportForAccount(db: Db, accountId: string) {
  return db
    .selectFrom('form_drafts')
    .select([
      'id',
      'form_id as formId',
      'version',
      'answers',
      'created_at as createdAt',
      'updated_at as updatedAt',
      'deleted_at as deletedAt',
    ])
    .where('account_id', '=', accountId)
    .execute();
}

/** Removes every draft of an account (its deletion keeps the account row, so no cascade runs). */
export async function removeForAccount(db: Db, accountId: string): Promise<number> {
  const r = await db
    .deleteFrom('form_drafts')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes a draft for good (it was sent: the submission holds its answers now). */
export async function removeDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('form_drafts').where('id', '=', id).execute();
}

/** Drafts deleted before `deletedBefore`, and drafts without an account past their last link. */
export async function purge(db: Db, now: Date, deletedBefore: Date): Promise<number> {
  const r = await db
    .deleteFrom('form_drafts')
    .where((w) => w.or([w('deleted_at', '<', deletedBefore), w('expires_at', '<=', now)]))
    .executeTakeFirst();
  await db.deleteFrom('form_draft_links').where('expires_at', '<=', now).execute();
  return Number(r.numDeletedRows);
}

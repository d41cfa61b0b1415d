// SQL of forms and their versions (migration 026). Every query of a form names its organisation,
// so a form id from another organisation finds nothing. Published versions are only ever read:
// the database refuses any change to one (the migration's trigger).
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { LocalizedText } from './definition.ts';

export type FormRow = { id: string; organisationId: string; slug: string; createdAt: Date };
export type VersionRow = {
  formId: string;
  version: number;
  definition: unknown;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
};

const versionColumns = [
  'form_id as formId',
  'version',
  'definition',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'published_at as publishedAt',
  'published_by as publishedBy',
] as const;

/** A new form (no version yet); a slug the organisation already has is the caller's 23505. */
export async function insertForm(
  db: Db,
  organisationId: string,
  slug: string,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('forms')
    .values({ organisation_id: organisationId, slug, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The organisation's form of this id, or undefined (also when it is another organisation's). */
export async function findForm(
  db: Db,
  organisationId: string,
  formId: string,
): Promise<FormRow | undefined> {
  return db
    .selectFrom('forms')
    .select(['id', 'organisation_id as organisationId', 'slug', 'created_at as createdAt'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', formId)
    .executeTakeFirst();
}

/** The organisation's form of this slug, or undefined. */
export async function findFormBySlug(
  db: Db,
  organisationId: string,
  slug: string,
): Promise<FormRow | undefined> {
  return db
    .selectFrom('forms')
    .select(['id', 'organisation_id as organisationId', 'slug', 'created_at as createdAt'])
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The organisation's forms with their newest published version and draft, by slug. */
export async function listForms(db: Db, organisationId: string) {
  return db
    .selectFrom('forms as f')
    .select([
      'f.id',
      'f.slug',
      'f.created_at as createdAt',
      sql<number | null>`(SELECT max(version) FROM form_versions v
        WHERE v.form_id = f.id AND v.published_at IS NOT NULL)`.as('published'),
      sql<number | null>`(SELECT version FROM form_versions v
        WHERE v.form_id = f.id AND v.published_at IS NULL)`.as('draft'),
      sql<LocalizedText | null>`(SELECT definition -> 'title' FROM form_versions v
        WHERE v.form_id = f.id ORDER BY version DESC LIMIT 1)`.as('title'),
    ])
    .where('f.organisation_id', '=', organisationId)
    .orderBy('f.slug')
    .execute();
}

/** One version of a form, or undefined. */
export async function findVersion(
  db: Db,
  formId: string,
  version: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('form_versions')
    .select(versionColumns)
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The form's draft, or undefined when every version is published. */
export async function findDraft(db: Db, formId: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('form_versions')
    .select(versionColumns)
    .where('form_id', '=', formId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
}

/** The form's newest published version, or undefined. */
export async function latestPublished(db: Db, formId: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('form_versions')
    .select(versionColumns)
    .where('form_id', '=', formId)
    .where('published_at', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Locks the form's row, so two admins saving or publishing at once go one after the other. */
export async function lockForm(tx: Db, formId: string): Promise<void> {
  await tx.selectFrom('forms').select('id').where('id', '=', formId).forUpdate().execute();
}

/** The next version number of a form (1 for a new one). */
export async function nextVersion(tx: Db, formId: string): Promise<number> {
  const row = await tx
    .selectFrom('form_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('form_id', '=', formId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

/** A new draft version. */
export async function insertDraft(
  tx: Db,
  formId: string,
  version: number,
  definition: unknown,
  now: Date,
) {
  await tx
    .insertInto('form_versions')
    .values({
      form_id: formId,
      version,
      definition: JSON.stringify(definition),
      created_at: now,
      updated_at: now,
      published_at: null,
      published_by: null,
    })
    .execute();
}

/** The draft's definition replaced; false when the form has no draft. */
export async function updateDraft(
  tx: Db,
  formId: string,
  definition: unknown,
  now: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('form_versions')
    .set({ definition: JSON.stringify(definition), updated_at: now })
    .where('form_id', '=', formId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The draft published by a staff member; its version number, or undefined without a draft. */
export async function publishDraft(
  tx: Db,
  formId: string,
  staffId: string,
  now: Date,
): Promise<number | undefined> {
  const row = await tx
    .updateTable('form_versions')
    .set({ published_at: now, published_by: staffId })
    .where('form_id', '=', formId)
    .where('published_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** The draft thrown away (the published versions stay). */
export async function deleteDraft(tx: Db, formId: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('form_versions')
    .where('form_id', '=', formId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

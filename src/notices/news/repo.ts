// The SQL of the organisation's news. Every query names the organisation, so a row of another
// organisation is never read, changed or deleted by its id alone.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/db.ts';
import type { Database } from '../../db/tables.ts';
import type { NewsItem } from './domain.ts';
import type { NewsInput } from './schema.ts';

type Row = Selectable<Database['organisation_news']>;

function toItem(r: Row): NewsItem {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    title: r.title,
    body: r.body,
    publishedOn: r.published_on,
    shownUntil: r.shown_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every news item of an organisation, newest first. */
export async function listNews(db: Db, organisationId: string): Promise<NewsItem[]> {
  const rows = await db
    .selectFrom('organisation_news')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('published_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toItem);
}

/** The items shown on `day` (the organisation's), newest first, at most `limit`. */
export async function shownNews(
  db: Db,
  organisationId: string,
  day: string,
  limit: number,
): Promise<NewsItem[]> {
  const rows = await db
    .selectFrom('organisation_news')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('published_on', '<=', day)
    .where((eb) => eb.or([eb('shown_until', 'is', null), eb('shown_until', '>=', day)]))
    .orderBy('published_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toItem);
}

/** One news item of the organisation. */
export async function findNews(
  db: Db,
  organisationId: string,
  id: string,
): Promise<NewsItem | undefined> {
  const row = await db
    .selectFrom('organisation_news')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** Creates a news item; its id. */
export async function insertNews(
  db: Db,
  organisationId: string,
  input: NewsInput,
  by: string,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('organisation_news')
    .values({
      organisation_id: organisationId,
      title: JSON.stringify(input.title),
      body: JSON.stringify(input.body),
      published_on: input.publishedOn,
      shown_until: input.shownUntil,
      created_at: now,
      updated_at: now,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a news item of the organisation. */
export async function updateNews(
  db: Db,
  organisationId: string,
  id: string,
  input: NewsInput,
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisation_news')
    .set({
      title: JSON.stringify(input.title),
      body: JSON.stringify(input.body),
      published_on: input.publishedOn,
      shown_until: input.shownUntil,
      updated_at: now,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a news item of the organisation. */
export async function deleteNews(db: Db, organisationId: string, id: string): Promise<void> {
  await db
    .deleteFrom('organisation_news')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

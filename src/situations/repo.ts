// The SQL of life situations. Every query names the organisation, so a row of another
// organisation is never read or written by id alone.
import type { Selectable } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';
import type { Situation } from './domain.ts';
import type { SituationInput } from './schema.ts';

type Row = Selectable<Database['life_situation']>;

function toSituation(row: Row, serviceIds: string[]): Situation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    slug: row.slug,
    texts: {
      title: row.title,
      summary: row.summary,
      audience: row.audience,
      preparation: row.preparation,
      fees: row.fees,
      deadlines: row.deadlines,
      legalBasis: row.legal_basis,
      department: row.department,
    },
    videoPath: row.video_path,
    captionsPath: row.captions_path,
    rppCodes: row.rpp_codes,
    formSlugs: row.form_slugs,
    serviceIds,
    position: row.position,
    updatedAt: row.updated_at,
  };
}

/** The rows with their services' ids, read in one query by the organisation (not a list of ids). */
async function withServices(db: Db, organisationId: string, rows: Row[]): Promise<Situation[]> {
  if (rows.length === 0) return [];
  let q = db
    .selectFrom('life_situation_service')
    .select(['situation_id', 'service_id'])
    .where('organisation_id', '=', organisationId);
  if (rows.length === 1) q = q.where('situation_id', '=', rows[0]!.id);
  const links = await q.orderBy('situation_id').orderBy('position').execute();
  const byId = new Map<string, string[]>();
  for (const l of links)
    byId.set(l.situation_id, [...(byId.get(l.situation_id) ?? []), l.service_id]);
  return rows.map((r) => toSituation(r, byId.get(r.id) ?? []));
}

/** Every situation of an organisation with its services, in the organisation's order. */
export async function listSituations(db: Db, organisationId: string): Promise<Situation[]> {
  const rows = await db
    .selectFrom('life_situation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('slug')
    .execute();
  return withServices(db, organisationId, rows);
}

/** One situation of the organisation, by id or by slug. */
export async function findSituation(
  db: Db,
  organisationId: string,
  by: { id: string } | { slug: string },
): Promise<Situation | undefined> {
  let q = db.selectFrom('life_situation').selectAll().where('organisation_id', '=', organisationId);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('slug', '=', by.slug);
  const row = await q.executeTakeFirst();
  return row ? (await withServices(db, organisationId, [row]))[0] : undefined;
}

/** Whether another situation of the organisation has this slug. */
export async function slugTaken(
  db: Db,
  organisationId: string,
  slug: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom('life_situation')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The ids among `ids` that are services of the organisation. */
export async function ownServiceIds(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('service')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

const columns = (input: SituationInput) => ({
  slug: input.slug,
  title: JSON.stringify(input.texts.title),
  summary: JSON.stringify(input.texts.summary),
  audience: JSON.stringify(input.texts.audience),
  preparation: JSON.stringify(input.texts.preparation),
  fees: JSON.stringify(input.texts.fees),
  deadlines: JSON.stringify(input.texts.deadlines),
  legal_basis: JSON.stringify(input.texts.legalBasis),
  department: JSON.stringify(input.texts.department),
  video_path: input.videoPath,
  captions_path: input.captionsPath,
  rpp_codes: input.rppCodes,
  form_slugs: input.formSlugs,
  position: input.position,
});

/**
 * Creates (id null) or updates a situation with its services in the given order; returns its id.
 * Run it in a transaction: the services are replaced as a whole.
 */
export async function saveSituation(
  tx: Db,
  organisationId: string,
  id: string | null,
  input: SituationInput,
  now: Date,
): Promise<string> {
  let situationId: string;
  if (id) {
    await tx
      .updateTable('life_situation')
      .set({ ...columns(input), updated_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
    situationId = id;
    await tx
      .deleteFrom('life_situation_service')
      .where('situation_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .execute();
  } else {
    situationId = (
      await tx
        .insertInto('life_situation')
        .values({ ...columns(input), organisation_id: organisationId, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (input.serviceIds.length)
    await tx
      .insertInto('life_situation_service')
      .values(
        input.serviceIds.map((serviceId, position) => ({
          situation_id: situationId,
          service_id: serviceId,
          organisation_id: organisationId,
          position,
        })),
      )
      .execute();
  return situationId;
}

/** Deletes a situation of the organisation (its service links go with it). */
export async function deleteSituation(tx: Db, organisationId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('life_situation')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';
import { storedSummary, type AuditEntry } from './domain.ts';

export type AuditRow = {
  id: string;
  at: Date;
  actorStaffId: string | null;
  actorName: string;
  actorIp: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: string;
  detail: Record<string, unknown>;
};

export type AuditQuery = {
  organisationId: string;
  /** Words found in the actor's name, the action, the object's name or its id (all must match). */
  text?: string;
  actorStaffId?: string;
  /** An action code or its first part (`service` finds `service.updated` and `service.created`). */
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  /** Keyset paging: only entries older than this id. */
  beforeId?: string;
  limit: number;
};

export async function insertAuditEvent(db: Db, e: AuditEntry, at: Date): Promise<void> {
  const staff = 'staffId' in e.actor ? e.actor : null;
  const operator = 'operatorId' in e.actor ? e.actor : null;
  const person = staff ?? operator;
  await db
    .insertInto('audit_event')
    .values({
      organisation_id: e.organisationId,
      at,
      actor_staff_id: staff?.staffId ?? null,
      actor_operator_id: operator?.operatorId ?? null,
      actor_name: person
        ? person.name.slice(0, 200) || '?'
        : `system:${'system' in e.actor ? e.actor.system : ''}`,
      actor_ip: person?.ip ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      summary: storedSummary(e.summary),
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAuditEvents(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_event')
    .selectAll()
    .where('organisation_id', '=', q.organisationId);
  for (const word of (q.text ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${escapeLike(word)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('actor_name', 'ilike', like),
        eb('summary', 'ilike', like),
        eb('action', 'ilike', like),
        eb('object_id', 'ilike', like),
      ]),
    );
  }
  if (q.actorStaffId) query = query.where('actor_staff_id', '=', q.actorStaffId);
  if (q.action)
    query = query.where((eb) =>
      eb.or([eb('action', '=', q.action!), eb('action', 'like', `${escapeLike(q.action!)}.%`)]),
    );
  if (q.objectType) query = query.where('object_type', '=', q.objectType);
  if (q.objectId) query = query.where('object_id', '=', q.objectId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.beforeId) query = query.where(sql<boolean>`id < ${q.beforeId}::bigint`);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    actorStaffId: r.actor_staff_id,
    actorName: r.actor_name,
    actorIp: r.actor_ip,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    summary: r.summary,
    detail: r.detail,
  }));
}

/** The people who appear in an organisation's log, each with the name of their latest entry (for the "who" filter). */
export async function actors(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await sql<{
    id: string;
    name: string;
  }>`SELECT DISTINCT ON (actor_staff_id) actor_staff_id AS id, actor_name AS name
    FROM audit_event WHERE organisation_id = ${organisationId} AND actor_staff_id IS NOT NULL ORDER BY actor_staff_id, id DESC`.execute(
    db,
  );
  return rows.rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The first parts of the action codes in an organisation's log (`closure` of `closure.created`), for the "what" filter. */
export async function actionFamilies(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(sql<string>`split_part(action, '.', 1)`.as('family'))
    .distinct()
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.family).sort();
}

/** The organisation's time zone: the log shows times in it. */
export async function organisationZone(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** The organisation itself, its offices, services and staff with their names (offices and services in every language), to read ids in details by. */
export async function objectNames(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: Localized | string }[]> {
  const [organisation, offices, services, staff] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'name']).where('id', '=', organisationId).execute(),
    db
      .selectFrom('office')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('service')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('staff')
      .select(['id', 'display_name as name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  return [...organisation, ...offices, ...services, ...staff];
}

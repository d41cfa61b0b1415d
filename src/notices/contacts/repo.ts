// SQL of departments and their people (migration 040). Every query names the organisation, so a
// row of another one is simply not found.
import type { Db } from '../../db/db.ts';
import type { Department, Person } from './domain.ts';
import type { DepartmentInput, PersonInput } from './schema.ts';

type DepartmentRow = {
  id: string;
  organisation_id: string;
  parent_id: string | null;
  slug: string;
  name: Department['name'];
  description: Department['description'];
  location: Department['location'];
  office_hours: Department['officeHours'];
  email: string | null;
  phone: string | null;
  position: number;
  updated_at: Date;
};

function toDepartment(r: DepartmentRow, links: { department_id: string; id: string }[][]) {
  const [services, situations] = links.map((l) =>
    l.filter((x) => x.department_id === r.id).map((x) => x.id),
  );
  return {
    id: r.id,
    organisationId: r.organisation_id,
    parentId: r.parent_id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    location: r.location,
    officeHours: r.office_hours,
    email: r.email,
    phone: r.phone,
    position: r.position,
    serviceIds: services ?? [],
    situationIds: situations ?? [],
    updatedAt: r.updated_at,
  } satisfies Department;
}

/** The organisation's departments with the services and situations each handles. */
export async function listDepartments(db: Db, organisationId: string): Promise<Department[]> {
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const services = await db
    .selectFrom('department_services')
    .select(['department_id', 'service_id as id'])
    .where('department_id', 'in', ids)
    .orderBy('service_id')
    .execute();
  const situations = await db
    .selectFrom('department_situations')
    .select(['department_id', 'situation_id as id'])
    .where('department_id', 'in', ids)
    .orderBy('situation_id')
    .execute();
  return rows.map((r) => toDepartment(r, [services, situations]));
}

/** One department of the organisation by id or slug. */
export async function findDepartment(
  db: Db,
  organisationId: string,
  by: { id: string } | { slug: string },
): Promise<Department | undefined> {
  const all = await listDepartments(db, organisationId);
  return all.find((d) => ('id' in by ? d.id === by.id : d.slug === by.slug));
}

/** True when another department of the organisation has the slug. */
export async function slugTaken(
  db: Db,
  organisationId: string,
  slug: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom('departments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Creates (id null) or updates a department and replaces what it handles; its id. */
export async function saveDepartment(
  tx: Db,
  organisationId: string,
  id: string | null,
  input: DepartmentInput,
  now: Date,
): Promise<string> {
  const values = {
    parent_id: input.parentId,
    slug: input.slug,
    name: JSON.stringify(input.name),
    description: JSON.stringify(input.description),
    location: JSON.stringify(input.location),
    office_hours: JSON.stringify(input.officeHours),
    email: input.email,
    phone: input.phone,
    position: input.position,
    updated_at: now,
  };
  const saved = id
    ? (
        await tx
          .updateTable('departments')
          .set(values)
          .where('organisation_id', '=', organisationId)
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (
        await tx
          .insertInto('departments')
          .values({ ...values, organisation_id: organisationId, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  await tx.deleteFrom('department_services').where('department_id', '=', saved).execute();
  await tx.deleteFrom('department_situations').where('department_id', '=', saved).execute();
  if (input.serviceIds.length)
    await tx
      .insertInto('department_services')
      .values(input.serviceIds.map((service_id) => ({ department_id: saved, service_id })))
      .execute();
  if (input.situationIds.length)
    await tx
      .insertInto('department_situations')
      .values(input.situationIds.map((situation_id) => ({ department_id: saved, situation_id })))
      .execute();
  return saved;
}

/** Deletes a department; its sub-departments and people go with it (the foreign keys cascade). */
export async function deleteDepartment(tx: Db, organisationId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('departments')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

type PersonRow = {
  id: string;
  department_id: string;
  full_name: string;
  role: Person['role'];
  email: string | null;
  phone: string | null;
  room: string | null;
  office_hours: Person['officeHours'];
  staff_id: string | null;
  published: boolean;
  consent_recorded_at: Date | null;
  consent_recorded_by: string | null;
  position: number;
  updated_at: Date;
};

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    departmentId: r.department_id,
    fullName: r.full_name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    room: r.room,
    officeHours: r.office_hours,
    staffId: r.staff_id,
    published: r.published,
    consentRecordedAt: r.consent_recorded_at,
    consentRecordedBy: r.consent_recorded_by,
    position: r.position,
    updatedAt: r.updated_at,
  };
}

/** The organisation's people (only the published ones for the public), by department order then position and name. */
export async function listPeople(
  db: Db,
  organisationId: string,
  o: { publishedOnly: boolean; departmentId?: string },
): Promise<Person[]> {
  let q = db
    .selectFrom('department_people')
    .select([
      'id',
      'department_id',
      'full_name',
      'role',
      'email',
      'phone',
      'room',
      'office_hours',
      'staff_id',
      'published',
      'consent_recorded_at',
      'consent_recorded_by',
      'position',
      'updated_at',
    ])
    .where('organisation_id', '=', organisationId);
  if (o.publishedOnly)
    q = q.where('published', '=', true).where('consent_recorded_at', 'is not', null);
  if (o.departmentId) q = q.where('department_id', '=', o.departmentId);
  const rows = await q.orderBy('position').orderBy('full_name').orderBy('id').execute();
  return rows.map(toPerson);
}

/** One person of a department of the organisation. */
export async function findPerson(
  db: Db,
  organisationId: string,
  departmentId: string,
  id: string,
): Promise<Person | undefined> {
  const all = await listPeople(db, organisationId, { publishedOnly: false, departmentId });
  return all.find((p) => p.id === id);
}

/** What is stored of a person's publication: the flag and who recorded the consent, when. */
export type Publication = {
  published: boolean;
  consentRecordedAt: Date | null;
  consentRecordedBy: string | null;
};

/** Creates (id null) or updates a person of a department; their id. */
export async function savePerson(
  tx: Db,
  organisationId: string,
  departmentId: string,
  id: string | null,
  input: PersonInput,
  publication: Publication,
  now: Date,
): Promise<string> {
  const values = {
    full_name: input.fullName,
    role: JSON.stringify(input.role),
    email: input.email,
    phone: input.phone,
    room: input.room,
    office_hours: JSON.stringify(input.officeHours),
    staff_id: input.staffId,
    published: publication.published,
    consent_recorded_at: publication.consentRecordedAt,
    consent_recorded_by: publication.consentRecordedBy,
    position: input.position,
    updated_at: now,
  };
  if (id)
    return (
      await tx
        .updateTable('department_people')
        .set(values)
        .where('organisation_id', '=', organisationId)
        .where('department_id', '=', departmentId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return (
    await tx
      .insertInto('department_people')
      .values({
        ...values,
        organisation_id: organisationId,
        department_id: departmentId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Deletes a person of a department of the organisation. */
export async function deletePerson(tx: Db, organisationId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('department_people')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** How many people each department has (for the admin's list and the deletion's question). */
export async function peopleCounts(db: Db, organisationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('department_people')
    .select(['department_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((r) => [r.department_id, Number(r.n)]));
}

// Test helpers of departments and contacts for the authorisation sweep: a victim's department and
// person (from the demo data), and every row a swept request could change.
import type { Db } from '../../db/db.ts';

/** The ids of a department of the organisation that has people, and of one of its people. */
export async function contactIds(db: Db, organisationId: string) {
  const person = await db
    .selectFrom('department_people')
    .select(['id', 'department_id'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { department: person.department_id, department_person: person.id };
}

/** Every contacts row of the organisations, in a stable order, to compare before and after. */
export async function contactRows(db: Db, organisationIds: string[]) {
  const departments = await db
    .selectFrom('departments')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
  const ids = departments.map((d) => d.id);
  const some = ids.length ? ids : ['00000000-0000-0000-0000-000000000000'];
  return {
    departments,
    department_people: await db
      .selectFrom('department_people')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
    department_services: await db
      .selectFrom('department_services')
      .selectAll()
      .where('department_id', 'in', some)
      .orderBy(['department_id', 'service_id'])
      .execute(),
    department_situations: await db
      .selectFrom('department_situations')
      .selectAll()
      .where('department_id', 'in', some)
      .orderBy(['department_id', 'situation_id'])
      .execute(),
  };
}

import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';

/** SQL for managing staff accounts; every query is scoped by the organisation. */

export async function listStaff(db: Db, organisationId: string) {
  const [staff, offices, services] = await Promise.all([
    db
      .selectFrom('staff')
      // pending: invited and no password set yet (the admin may send the link again).
      .select((eb) => [
        'id',
        'email',
        'display_name',
        'title',
        'role',
        'active',
        eb('password_hash', 'is', null).as('pending'),
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('display_name')
      .execute(),
    db
      .selectFrom('staff_office')
      .innerJoin('staff', 'staff.id', 'staff_office.staff_id')
      .select(['staff_id', 'office_id'])
      .where('staff.organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('service_official')
      .innerJoin('staff', 'staff.id', 'service_official.staff_id')
      .select(['service_official.staff_id', 'service_id'])
      .where('staff.organisation_id', '=', organisationId)
      .execute(),
  ]);
  return staff.map((s) => ({
    ...s,
    officeIds: offices
      .filter((o) => o.staff_id === s.id)
      .map((o) => o.office_id)
      .sort(),
    serviceIds: services
      .filter((o) => o.staff_id === s.id)
      .map((o) => o.service_id)
      .sort(),
  }));
}

export type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];

export async function findStaff(
  db: Db,
  organisationId: string,
  id: string,
): Promise<StaffRow | undefined> {
  return (await listStaff(db, organisationId)).find((s) => s.id === id);
}

/**
 * Locks the organisation's row for the rest of the transaction. Every change that could
 * remove an admin takes this lock first, so two such changes in one organisation run one
 * after the other and the second sees what the first did (READ COMMITTED reads afresh).
 */
export async function lockOrganisation(db: Db, organisationId: string): Promise<void> {
  await sql`SELECT id FROM organisation WHERE id = ${organisationId} FOR UPDATE`.execute(db);
}

export async function adminSeats(db: Db, organisationId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'role', 'active'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function emailTaken(db: Db, email: string, exceptId: string | null): Promise<boolean> {
  let q = db.selectFrom('staff').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export type StaffWrite = {
  displayName: string;
  email: string;
  title: Localized;
  role: 'admin' | 'official';
  officeIds: string[];
  serviceIds: string[];
};

async function replaceLinks(db: Db, staffId: string, w: StaffWrite): Promise<void> {
  await db.deleteFrom('staff_office').where('staff_id', '=', staffId).execute();
  await db.deleteFrom('service_official').where('staff_id', '=', staffId).execute();
  if (w.officeIds.length)
    await db
      .insertInto('staff_office')
      .values(w.officeIds.map((office_id) => ({ staff_id: staffId, office_id })))
      .execute();
  if (w.serviceIds.length)
    await db
      .insertInto('service_official')
      .values(w.serviceIds.map((service_id) => ({ staff_id: staffId, service_id })))
      .execute();
}

export async function updateStaff(
  db: Db,
  organisationId: string,
  id: string,
  w: StaffWrite,
): Promise<void> {
  await db
    .updateTable('staff')
    .set({
      email: w.email,
      display_name: w.displayName,
      title: JSON.stringify(w.title),
      role: w.role,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
  await replaceLinks(db, id, w);
}

export async function setStaffActive(
  db: Db,
  organisationId: string,
  id: string,
  active: boolean,
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ active })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Ends sessions of one account: all of them, or all but the one whose hash is `keep`. */
export async function endSessions(db: Db, staffId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('staff_session').where('staff_id', '=', staffId);
  if (keep) q = q.where('token_hash', '<>', keep);
  await q.execute();
}

export async function passwordHashOf(db: Db, staffId: string): Promise<string | undefined> {
  return (
    (
      await db
        .selectFrom('staff')
        .select('password_hash')
        .where('id', '=', staffId)
        .where('active', '=', true)
        .executeTakeFirst()
    )?.password_hash ?? undefined
  );
}

export async function setPasswordHash(db: Db, staffId: string, hash: string): Promise<void> {
  await db.updateTable('staff').set({ password_hash: hash }).where('id', '=', staffId).execute();
}

/** The ids among `ids` that belong to the organisation. */
export async function ownIds(
  db: Db,
  table: 'office' | 'service',
  organisationId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  return (
    await db
      .selectFrom(table)
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', [...ids])
      .execute()
  ).map((r) => r.id);
}

/** The organisation's offices and services, for the account form's checkboxes. */
export async function choices(db: Db, organisationId: string) {
  const [offices, services] = await Promise.all([
    db
      .selectFrom('office')
      .select(['id', 'name', 'active'])
      .where('organisation_id', '=', organisationId)
      .orderBy('position')
      .orderBy('slug')
      .execute(),
    db
      .selectFrom('service')
      .select(['id', 'name', 'active'])
      .where('organisation_id', '=', organisationId)
      .orderBy('position')
      .orderBy('slug')
      .execute(),
  ]);
  const org = await db
    .selectFrom('organisation')
    .select('default_language')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { offices, services, defaultLanguage: org.default_language };
}

import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { OfficeInput, ServiceInput, SettingsInput } from './admin-schema.ts';

/** SQL of the organisation's administration; every query is scoped by the organisation. */

export async function listOffices(db: Db, organisationId: string, now: Date) {
  return db
    .selectFrom('office')
    .selectAll('office')
    .select((eb) =>
      eb
        .selectFrom('booking')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('booking.office_id', '=', 'office.id')
        .where('booking.state', 'in', ['held', 'confirmed'])
        .where(sql<boolean>`lower(booking.during) > ${now}`)
        .as('future_bookings'),
    )
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

export async function findOffice(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('office')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function slugTaken(
  db: Db,
  table: 'office' | 'service',
  organisationId: string,
  slug: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

const officeColumns = (i: OfficeInput) => ({
  name: JSON.stringify(i.name),
  street: i.street,
  postcode: i.postcode,
  city: i.city,
  email: i.email,
  phone: i.phone,
  time_zone: i.timeZone,
  position: i.position,
});

export async function insertOffice(
  db: Db,
  organisationId: string,
  i: OfficeInput,
): Promise<string> {
  const row = await db
    .insertInto('office')
    .values({ organisation_id: organisationId, slug: i.slug, ...officeColumns(i) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOffice(
  db: Db,
  organisationId: string,
  id: string,
  i: OfficeInput,
): Promise<void> {
  await db
    .updateTable('office')
    .set(officeColumns(i))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function setOfficeActive(
  db: Db,
  organisationId: string,
  id: string,
  active: boolean,
): Promise<void> {
  await db
    .updateTable('office')
    .set({ active })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function listServices(db: Db, organisationId: string) {
  return db
    .selectFrom('service')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('slug')
    .execute();
}

export async function findService(db: Db, organisationId: string, id: string) {
  const row = await db
    .selectFrom('service')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [offices, officials] = await Promise.all([
    db.selectFrom('service_office').select('office_id').where('service_id', '=', id).execute(),
    db.selectFrom('service_official').select('staff_id').where('service_id', '=', id).execute(),
  ]);
  return {
    ...row,
    officeIds: offices.map((o) => o.office_id).sort(),
    officialIds: officials.map((o) => o.staff_id).sort(),
  };
}

const serviceColumns = (i: ServiceInput) => ({
  slug: i.slug,
  name: JSON.stringify(i.name),
  description: JSON.stringify(i.description),
  preparation: JSON.stringify(i.preparation),
  fee_note: JSON.stringify(i.feeNote),
  fee_minor: i.feeMinor,
  // Once created, the length is a booking rule (set on /staff/availability): an edit leaves it.
  ...(i.durationMinutes === null ? {} : { duration_minutes: i.durationMinutes }),
  by_video: i.byVideo,
  in_person: i.inPerson,
  active: i.active,
  position: i.position,
});

/** Inserts or updates a service and replaces its offices and officials. */
export async function saveService(
  db: Db,
  organisationId: string,
  id: string | null,
  i: ServiceInput,
): Promise<string> {
  if (!id && i.durationMinutes === null) throw new Error('a new service needs its length');
  const serviceId = id
    ? (
        await db
          .updateTable('service')
          .set(serviceColumns(i))
          .where('organisation_id', '=', organisationId)
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (
        await db
          .insertInto('service')
          .values({
            organisation_id: organisationId,
            ...serviceColumns(i),
            duration_minutes: i.durationMinutes ?? 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  await db.deleteFrom('service_office').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('service_official').where('service_id', '=', serviceId).execute();
  if (i.officeIds.length)
    await db
      .insertInto('service_office')
      .values(i.officeIds.map((office_id) => ({ service_id: serviceId, office_id })))
      .execute();
  if (i.officialIds.length)
    await db
      .insertInto('service_official')
      .values(i.officialIds.map((staff_id) => ({ service_id: serviceId, staff_id })))
      .execute();
  return serviceId;
}

/** The ids among `ids` that are offices (or staff) of the organisation. */
export async function ownIds(
  db: Db,
  table: 'office' | 'staff',
  organisationId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

export async function listStaffNames(db: Db, organisationId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'display_name', 'role', 'active'])
    .where('organisation_id', '=', organisationId)
    .orderBy('display_name')
    .execute();
}

export async function findOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('organisation')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Db,
  organisationId: string,
  i: SettingsInput,
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({
      name: JSON.stringify(i.name),
      email: i.email,
      phone: i.phone,
      website: i.website,
      default_language: i.defaultLanguage,
      mail_sender_name: i.mailSenderName,
      mail_reply_to: i.mailReplyTo,
      registration_number: i.registrationNumber,
    })
    .where('id', '=', organisationId)
    .execute();
}
